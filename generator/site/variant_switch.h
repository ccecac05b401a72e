// Variant switch: what the page's variant buttons say. The group's label names
// what differs between the variants ("Filter", "Activation", "Image",
// "Padding", "Stride", "Dilation", "Pooling", or "Variant" when several
// things differ), and each button, besides the variant's label, says what its
// variant has of the things that differ ("Sobel x filter", "Leaky ReLU, slope
// 0.25"), so a reader knows what a switch will change before pressing it.
#pragma once

#include <string>
#include <vector>

#include "messages/messages.h"
#include "model/model.h"

namespace cl {

struct VariantSwitch {
  std::string label;                     // the group's label
  std::vector<std::string> differences;  // per variant: "" when it says no more than the label
};

VariantSwitch DescribeVariantSwitch(const std::vector<Variant>& variants, const Messages& m = EnglishMessages());

}  // namespace cl
