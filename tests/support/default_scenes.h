// The default lesson's Vertical edge variant computed, planned and laid out
// as the build does, for tests of writers that take one scene per beat.
#pragma once

#include "compute/compute.h"
#include "render/gif_animation.h"
#include "scene/layout.h"
#include "storyboard/storyboard.h"
#include "default_lesson.h"

namespace cl::testing {

struct DefaultVariantScenes {
  Lesson lesson = DefaultLesson();
  const Variant& variant = lesson.variants[0];
  VariantResult result = ComputeVariant(variant);
  Storyboard story = PlanStoryboard(variant, result, lesson.beats);
  LayoutInput input{&variant, &result, &story, MaxAbsValue(variant, result)};
  FrameGeometry geometry = PlanFrameGeometry(input);
  BeatSceneFn scene_at = [this](int i) { return LayoutBeat(input, geometry, i); };
};

}  // namespace cl::testing
