// Cost budgets: what one lesson may make the build render, checked once its
// beats and frame sizes are planned and before anything is drawn, so a small
// lesson file cannot make CI write gigabytes (a 43x43 checkerboard with
// `beats: {per: cell, max: 2000}` wrote 357 MB in one variant, and a lesson may
// have 32). `check` applies the same budgets at the default --scale.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "site/built_lesson.h"
#include "site/lesson_outputs.h"

namespace cl {

inline constexpr long long kMaxFramesPerLesson = 4000;         // beats summed over the variants
// Of every lesson one build renders (up-to-date lessons cost nothing): five
// lessons at the per-lesson budget, or a course of 50 lessons of 400 frames.
// Frames take about 10-40 ms each to draw as SVG and PNG (docs/performance.md),
// so a build within it draws for minutes, not hours.
inline constexpr long long kMaxFramesPerBuild = 20000;
// Of every PNG frame at the build's --scale. The largest frames (maps of about
// 32x32 cells, every value legible) are 2358x4512 pixels at scale 2, so this
// fits three variants of 400 of them; palette PNGs cost about 20 KiB per
// million pixels (docs/performance.md), so at most about 330 MB.
inline constexpr double kMaxPngPixelsPerLesson = 16e9;

struct LessonCost {
  long long frames = 0;     // beats of every variant: each one frame per output kind
  double png_pixels = 0;    // width x height of every PNG frame at the given scale
  double widest = 0, tallest = 0;  // the largest PNG frame's sides, in scene units (pixels at scale 1)
};

// What `built` would make the build render at `scale` PNG pixels per unit.
LessonCost MeasureLessonCost(const BuiltLesson& built, double scale);

// An error per budget the lesson goes over, located at its `beats` key (or on
// its file when it has none), saying what to lower. PNG pixels count only when
// options.Wants("png").
std::vector<Diagnostic> CheckLessonCost(const BuiltLesson& built, const RenderOptions& options);

// Frames `lesson` makes (beats summed over its variants), counted from its
// sides without computing or drawing anything (CountStoryboardBeats), so
// the build computes each lesson once. Precondition: `lesson` is valid.
long long CountLessonFrames(const Lesson& lesson);

// What rendering `lesson` costs, relative to other lessons, before it is
// computed: each variant's beats times its image's cells, every channel's,
// plus 400 (a frame's size grows with its maps' cells, from about 4 to 13
// million pixels for the shipped lessons). It knows the cells, not how wide
// their numbers are. Used to balance the shares of `--shard` and to start
// the costliest lessons first. Precondition: `lesson` is valid.
double EstimateRenderCost(const Lesson& lesson);

// Images with more cells than this (every channel's) are pictures, not
// tables of numbers: their maps, frames and printed pictures are buffers of
// megabytes, made and freed beat after beat.
inline constexpr long long kLargeImageCells = 256 * 256;

// True when a variant of `lesson` has an image over kLargeImageCells.
bool HasLargeImage(const Lesson& lesson);

struct LessonFrames {
  std::string path;  // the lesson file, for the message
  long long frames = 0;
};

// The error when the lessons of one build together make more than
// kMaxFramesPerBuild frames, naming the largest of them; "" when within.
std::string CheckBuildFrames(const std::vector<LessonFrames>& lessons);

}  // namespace cl
