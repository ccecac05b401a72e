#include "lesson/pattern_image.h"

#include <array>

namespace cl {
namespace {

constexpr std::array<std::string_view, 4> kKindNames{"vertical-bar", "horizontal-bar", "checkerboard", "diagonal"};

bool Within(int i, std::pair<int, int> range) { return i >= range.first && i <= range.second; }

}  // namespace

std::span<const std::string_view> PatternKindNames() { return kKindNames; }

PatternKind PatternKindFromName(std::string_view name) {
  if (name == "horizontal-bar") return PatternKind::HorizontalBar;
  if (name == "checkerboard") return PatternKind::Checkerboard;
  if (name == "diagonal") return PatternKind::Diagonal;
  return PatternKind::VerticalBar;
}

std::pair<int, int> DefaultBand(int side) {
  if (side % 2 == 0) return {side / 2 - 1, side / 2};
  return {side / 2, side / 2};
}

Grid RenderPattern(const PatternSpec& spec) {
  Grid image(spec.rows, spec.cols, spec.background);
  for (int r = 0; r < spec.rows; ++r) {
    for (int c = 0; c < spec.cols; ++c) {
      bool on = false;
      switch (spec.kind) {
        case PatternKind::VerticalBar: on = Within(c, spec.band) && Within(r, spec.span); break;
        case PatternKind::HorizontalBar: on = Within(r, spec.band) && Within(c, spec.span); break;
        case PatternKind::Checkerboard: on = (r / spec.cell + c / spec.cell) % 2 == 0; break;
        case PatternKind::Diagonal: on = r == c; break;
      }
      if (on) image.at(r, c) = spec.value;
    }
  }
  return image;
}

}  // namespace cl
