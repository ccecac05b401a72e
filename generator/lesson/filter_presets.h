// Filter presets: the named 3x3 filters a lesson can ask for by name
// (cross-correlation weights, row by row). A preset's display name is its
// name as words (DashedNameAsWords: "sobel-x" -> "Sobel x").
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "model/model.h"

namespace cl {

// Every preset name, in the contract's order.
std::span<const std::string_view> FilterPresetNames();

// The preset called `name` with its display name, or nullopt.
std::optional<Filter> FindFilterPreset(std::string_view name);

}  // namespace cl
