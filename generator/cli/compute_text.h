// Compute text: the terminal walkthrough `convlesson compute` prints without
// --json. Per variant a heading, then input, filter, feature map, activated
// map and pooled map as aligned grids, each under a line naming its size and
// the settings that produced it, in the words captions use
// (storyboard/settings_text.h). Plain ASCII.
#pragma once

#include <string>

#include "compute/compute.h"
#include "model/model.h"

namespace cl {

// "Convolve, ReLU, pool [conv-relu-pool]" and a blank line.
std::string LessonHeadingText(const Lesson& lesson);

// The walkthrough of one variant, ending with a newline.
std::string VariantWalkthroughText(const Variant& variant, const VariantResult& result);

}  // namespace cl
