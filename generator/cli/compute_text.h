// Compute text: the terminal walkthrough `convlesson compute` prints without
// --json. Per variant a heading, then input, filter, feature map, activated
// map and pooled map as aligned grids, each under a line naming its size and
// the settings that produced it. Plain ASCII.
#pragma once

#include <string>

#include "compute/compute.h"
#include "lesson/model.h"

namespace cl {

// "Convolve, ReLU, pool [conv-relu-pool]" and a blank line.
std::string LessonHeadingText(const Lesson& lesson);

// The walkthrough of one variant, ending with a newline.
std::string VariantWalkthroughText(const Variant& variant, const VariantResult& result);

// Settings in words, shared with the headings above:
// "valid padding, stride 1", "same padding (top 0, bottom 1, left 0, right 1), stride 2, dilation 2".
std::string ConvSettingsText(const ConvSpec& conv);
// "window 2x2, stride 2, drop the remainder".
std::string PoolSettingsText(const PoolSpec& pool);

}  // namespace cl
