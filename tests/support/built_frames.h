// One variant computed, planned and laid out as a build does, for the tests
// that look at its frames (scene and render tests alike).
#pragma once

#include <memory>
#include <utility>

#include "compute/compute.h"
#include "scene/layout.h"
#include "storyboard/storyboard.h"

namespace cl::testing {

// The storyboard planned with `spec`, the frame geometry for `layout`.
// Neither copied nor moved: `input` points into it.
struct BuiltFrames {
  Variant variant;
  VariantResult result;
  Storyboard story;
  LayoutInput input;
  FrameGeometry geometry;

  explicit BuiltFrames(Variant v, const BeatsSpec& spec = {}, FrameLayout layout = FrameLayout::Wide)
      : variant(std::move(v)) {
    result = ComputeVariant(variant);
    story = PlanStoryboard(variant, result, spec);
    input = {&variant, &result, &story, MaxAbsValue(variant, result), MaxAbsWeight(variant)};
    input.layout = layout;
    geometry = PlanFrameGeometry(input);
  }
  BuiltFrames(const BuiltFrames&) = delete;
  BuiltFrames& operator=(const BuiltFrames&) = delete;

  Scene At(int beat) const { return LayoutBeat(input, geometry, beat); }
};

// On the heap, for tests that pass one around or keep it past a loop.
inline std::unique_ptr<BuiltFrames> Build(Variant v, const BeatsSpec& spec = {},
                                          FrameLayout layout = FrameLayout::Wide) {
  return std::make_unique<BuiltFrames>(std::move(v), spec, layout);
}

}  // namespace cl::testing
