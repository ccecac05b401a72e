// Pattern images: the synthetic inputs a lesson can describe in one line
// (a bar, a checkerboard, a diagonal) instead of listing pixels.
#pragma once

#include <span>
#include <string_view>
#include <utility>

#include "base/grid.h"

namespace cl {

enum class PatternKind { VerticalBar, HorizontalBar, Checkerboard, Diagonal };

std::span<const std::string_view> PatternKindNames();  // "vertical-bar", ...
PatternKind PatternKindFromName(std::string_view name);  // precondition: one of the names

struct PatternSpec {
  PatternKind kind = PatternKind::VerticalBar;
  int rows = 6, cols = 6;
  double value = 9;
  double background = 0;
  // Bars, inclusive [first, last]: `band` is the bar's columns (vertical) or
  // rows (horizontal); `span` the rows or columns it covers. Checked by the caller.
  std::pair<int, int> band{2, 3};
  std::pair<int, int> span{0, 5};
  int cell = 1;  // checkerboard: side of one square
};

// The default band along a side: the middle two indices for an even side,
// the middle one for an odd side.
std::pair<int, int> DefaultBand(int side);

// The image the pattern describes.
Grid RenderPattern(const PatternSpec& spec);

}  // namespace cl
