#include "site/built_lesson.h"

#include <algorithm>

#include "site/cost_budget.h"
#include "site/output_paths.h"

namespace cl {

BuiltLesson BuildLesson(const Lesson& lesson, std::optional<FrameLayout> build_layout, const Messages& text) {
  BuiltLesson built;
  built.lesson = &lesson;
  built.text = &text;
  built.layout = build_layout ? *build_layout : lesson.layout.value_or(FrameLayout::Wide);
  // A photograph's scenes are not held: its lesson is the one whose peak
  // memory is nearest the bound, and held scenes of seven variants of a
  // 512x512 picture raised it from 137-138 to 141-143 MB.
  if (HasLargeImage(lesson)) built.scenes = std::make_shared<BeatSceneMemo>(0);
  std::vector<std::string> labels;
  for (const Variant& v : lesson.variants) labels.push_back(v.label);
  const std::vector<std::string> slugs = UniqueSlugs(labels);

  built.variants.resize(lesson.variants.size());
  double value_scale = 0, weight_scale = 0;  // the largest over the variants
  double image_black = 0, image_white = 0;
  for (std::size_t i = 0; i < lesson.variants.size(); ++i) {
    BuiltVariant& bv = built.variants[i];
    bv.variant = &lesson.variants[i];
    bv.slug = slugs[i];
    bv.result = ComputeVariant(*bv.variant);
    bv.story = PlanStoryboard(*bv.variant, bv.result, lesson.beats, text);
    built.warnings.insert(built.warnings.end(), bv.story.warnings.begin(), bv.story.warnings.end());
    for (std::size_t b = 0; b < bv.story.beats.size(); ++b) {
      const int number = static_cast<int>(b) + 1;
      bv.frame_svg.push_back(FramePath(bv.slug, number, bv.story.beats[b].stage, "svg"));
      bv.frame_png.push_back(FramePath(bv.slug, number, bv.story.beats[b].stage, "png"));
      if (built.layout != FrameLayout::Tall) {
        bv.frame_svg_tall.push_back(TallFramePath(bv.slug, number, bv.story.beats[b].stage, "svg"));
        bv.frame_png_tall.push_back(TallFramePath(bv.slug, number, bv.story.beats[b].stage, "png"));
      }
    }
    bv.animation_gif = AnimationPath(bv.slug, "gif");
    bv.animation_svg = AnimationPath(bv.slug, "svg");
    bv.value_scale = LargestAbsValue(*bv.variant, bv.result);
    bv.weight_scale = LargestAbsWeight(*bv.variant);
    const GreyRange grey = ImageGreyRange(*bv.variant);
    bv.image_black = grey.black;
    bv.image_white = grey.white;
    value_scale = std::max(value_scale, bv.value_scale);
    weight_scale = std::max(weight_scale, bv.weight_scale);
    image_black = i == 0 ? grey.black : std::min(image_black, grey.black);
    image_white = i == 0 ? grey.white : std::max(image_white, grey.white);
  }
  built.value_scale = ScaleFrom(value_scale);
  built.weight_scale = ScaleFrom(weight_scale);
  const bool shared = lesson.scale == ScaleMode::Shared;
  for (BuiltVariant& bv : built.variants) {
    // One scale for every variant under `scale: shared`, so their frames
    // compare colour for colour.
    bv.value_scale = shared ? built.value_scale : ScaleFrom(bv.value_scale);
    bv.weight_scale = shared ? built.weight_scale : ScaleFrom(bv.weight_scale);
    if (shared) bv.image_black = image_black, bv.image_white = image_white;
  }
  // Geometry last: it needs the scales only through LayoutInputFor.
  for (BuiltVariant& bv : built.variants) {
    bv.geometry = PlanFrameGeometry(LayoutInputFor(built, bv));
    if (!bv.frame_svg_tall.empty()) bv.tall_geometry = PlanFrameGeometry(LayoutInputFor(built, bv, true));
  }
  return built;
}

BuiltCourse BuildCourse(const std::vector<Lesson>& lessons, std::optional<FrameLayout> build_layout,
                        const Messages& text) {
  BuiltCourse built;
  built.lessons.reserve(lessons.size());  // no reallocation: the pointers stay valid
  for (const Lesson& lesson : lessons) built.pointers.push_back(&built.lessons.emplace_back(BuildLesson(lesson, build_layout, text)));
  return built;
}

LayoutInput LayoutInputFor(const BuiltLesson& built, const BuiltVariant& variant, bool tall) {
  return {variant.variant,      &variant.result,     &variant.story,      variant.value_scale,
          variant.weight_scale, variant.image_black, variant.image_white, tall ? FrameLayout::Tall : built.layout,
          built.fills_memo.get()};
}

Scene LayoutBuiltBeat(const BuiltLesson& built, const BuiltVariant& variant, int beat_index, bool tall) {
  tall = tall && !variant.frame_svg_tall.empty();
  const auto lay_out = [&] {
    return LayoutBeat(LayoutInputFor(built, variant, tall), tall ? variant.tall_geometry : variant.geometry, beat_index);
  };
  // Tall frames are drawn once each: nothing to share. (A variant not the
  // lesson's own has no place in its memo.)
  const std::size_t place = VariantPlace(built, variant);
  if (tall || !built.scenes || place == built.variants.size()) return lay_out();
  return built.scenes->Get(place, beat_index, lay_out);
}

std::size_t VariantPlace(const BuiltLesson& built, const BuiltVariant& variant) {
  std::size_t place = 0;
  while (place < built.variants.size() && &built.variants[place] != &variant) ++place;
  return place;
}

}  // namespace cl
