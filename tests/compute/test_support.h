// Shared test helpers for compute/: variants built by hand (never through the
// loader, so these tests pin the arithmetic alone) and readable Grid printing.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "base/grid.h"
#include "base/number_format.h"
#include "model/model.h"

namespace cl {

// Prints [[a,b],[c,d]] so a failed BOOST_TEST shows both grids in full.
inline std::ostream& operator<<(std::ostream& os, const Grid& g) {
  os << '[';
  for (int r = 0; r < g.rows; ++r) {
    os << (r ? ",[" : "[");
    for (int c = 0; c < g.cols; ++c) os << (c ? "," : "") << FormatNumber(g.at(r, c));
    os << ']';
  }
  return os << ']';
}

}  // namespace cl

namespace cl::test {

using Rows = std::vector<std::vector<double>>;

inline Grid G(const Rows& rows) { return Grid::FromRows(rows); }

// rows x cols grid holding 1, 2, 3, ... row-major: every cell is different, so
// a window read from the wrong place changes the result.
inline Grid Counting(int rows, int cols) {
  Grid g(rows, cols);
  for (int i = 0; i < rows * cols; ++i) g.values[static_cast<std::size_t>(i)] = i + 1;
  return g;
}

inline Variant MakeVariant(std::string label, Grid image, std::string filter_name, Grid weights) {
  Variant v;
  v.label = std::move(label);
  v.image = std::move(image);
  v.filter = {std::move(filter_name), std::move(weights)};
  return v;  // valid conv, stride 1, dilation 1, ReLU, 2x2/2 max pool with drop
}

// The default lesson's base variant: a 6x6 image with 9s in columns 2-3 over
// rows 1-4, and the vertical-edge preset.
inline Variant DefaultVerticalEdge() {
  Grid image(6, 6);
  for (int r = 1; r <= 4; ++r)
    for (int c = 2; c <= 3; ++c) image.at(r, c) = 9;
  return MakeVariant("Vertical edge", image, "Vertical edge", G({{1, 0, -1}, {1, 0, -1}, {1, 0, -1}}));
}

// Its `Horizontal edge` variant: the bar in rows 2-3 over columns 1-4.
inline Variant DefaultHorizontalEdge() {
  Grid image(6, 6);
  for (int r = 2; r <= 3; ++r)
    for (int c = 1; c <= 4; ++c) image.at(r, c) = 9;
  return MakeVariant("Horizontal edge", image, "Horizontal edge", G({{1, 1, 1}, {0, 0, 0}, {-1, -1, -1}}));
}

}  // namespace cl::test
