#include "site/cost_budget.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "render/cairo_png.h"
#include "storyboard/storyboard.h"

namespace cl {
namespace {

Diagnostic CostError(const Lesson& lesson, std::string message) {
  Diagnostic d;
  d.where = lesson.beats.where.line > 0 ? lesson.beats.where : SourceLocation{};
  d.where.path = lesson.path;
  d.message = std::move(message);
  return d;
}

}  // namespace

LessonCost MeasureLessonCost(const BuiltLesson& built, double scale) {
  LessonCost cost;
  for (const BuiltVariant& bv : built.variants) {
    const auto beats = static_cast<long long>(bv.story.beats.size());
    cost.frames += beats;  // a beat's frame, however many layouts draw it
    // As the PNG renderer sizes its surface; the tall frames pages serve to
    // phones count too, when the build writes them.
    auto add_pixels = [&](const FrameGeometry& g) {
      cost.png_pixels += static_cast<double>(beats) * std::ceil(g.width * scale) * std::ceil(g.height * scale);
      cost.widest = std::max(cost.widest, g.width);
      cost.tallest = std::max(cost.tallest, g.height);
    };
    add_pixels(bv.geometry);
    if (!bv.frame_svg_tall.empty()) add_pixels(bv.tall_geometry);
  }
  return cost;
}

std::vector<Diagnostic> CheckLessonCost(const BuiltLesson& built, const RenderOptions& options) {
  std::vector<Diagnostic> errors;
  const Lesson& lesson = *built.lesson;
  const LessonCost cost = MeasureLessonCost(built, options.scale);
  if (cost.frames > kMaxFramesPerLesson) {
    errors.push_back(CostError(lesson, fmt::format("the lesson's {} variants make {} frames in all; a lesson may make "
                                                   "at most {}: lower beats max or use fewer variants",
                                                   built.variants.size(), cost.frames, kMaxFramesPerLesson)));
  }
  // The frames PNG and GIF files are drawn from, each within what the
  // renderer draws at all (else every one fails, unlocated).
  const double side = std::max(cost.widest, cost.tallest);
  if ((options.Wants("png") || options.Wants("gif")) && std::ceil(side * options.scale) > kMaxRasterSide) {
    const double most = std::floor(kMaxRasterSide / side * 10) / 10;  // the largest --scale that fits, in tenths
    errors.push_back(CostError(
        lesson, fmt::format("the lesson's frames would be {:.0f}x{:.0f} pixels at --scale {}; a frame may be at most "
                            "{} pixels a side: use --scale {} or less, or a smaller image or map",
                            std::ceil(cost.widest * options.scale), std::ceil(cost.tallest * options.scale),
                            options.scale, kMaxRasterSide, most)));
  }
  if (options.Wants("png") && cost.png_pixels > kMaxPngPixelsPerLesson) {
    errors.push_back(CostError(
        lesson, fmt::format("the lesson's PNG frames would hold {:.1f} billion pixels at --scale {}; a lesson may "
                            "make at most {:.0f} billion: lower beats max, use fewer variants or a smaller --scale",
                            cost.png_pixels / 1e9, options.scale, kMaxPngPixelsPerLesson / 1e9)));
  }
  return errors;
}

long long CountLessonFrames(const Lesson& lesson) {
  long long frames = 0;
  for (const Variant& v : lesson.variants) frames += CountStoryboardBeats(v, lesson.beats);
  return frames;
}

double EstimateRenderCost(const Lesson& lesson) {
  double cost = 0;
  for (const Variant& v : lesson.variants)
    cost += static_cast<double>(CountStoryboardBeats(v, lesson.beats)) *
            (400.0 + static_cast<double>(ImageCells(v)));
  return cost;
}

bool HasLargeImage(const Lesson& lesson) {
  return std::any_of(lesson.variants.begin(), lesson.variants.end(),
                     [](const Variant& v) { return ImageCells(v) > kLargeImageCells; });
}

std::string CheckBuildFrames(const std::vector<LessonFrames>& lessons) {
  long long total = 0;
  for (const LessonFrames& lesson : lessons) total += lesson.frames;
  if (total <= kMaxFramesPerBuild) return "";
  // The three largest, so the message says where the frames come from.
  std::vector<LessonFrames> largest = lessons;
  std::stable_sort(largest.begin(), largest.end(),
                   [](const LessonFrames& a, const LessonFrames& b) { return a.frames > b.frames; });
  if (largest.size() > 3) largest.resize(3);
  std::string names;
  for (const LessonFrames& lesson : largest)
    names += fmt::format("{}{} ({})", names.empty() ? "" : ", ", lesson.path, lesson.frames);
  return fmt::format("the {} lessons to build make {} frames in all; one build may make at most {} (largest: {}{}): "
                     "build fewer lessons at a time, or lower their beats max or variants",
                     lessons.size(), total, kMaxFramesPerBuild, names, lessons.size() > 3 ? ", ..." : "");
}

}  // namespace cl
