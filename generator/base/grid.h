// Grid: a dense row-major matrix of doubles, the one numeric container every
// stage shares (images, filters, feature maps). Plain data, bounds-checked
// access in debug builds only.
#pragma once

#include <cassert>
#include <cstddef>
#include <vector>

#include "base/shared_list.h"

namespace cl {

struct Grid {
  int rows = 0;
  int cols = 0;
  std::vector<double> values;  // rows * cols, row-major

  Grid() = default;
  Grid(int r, int c, double fill = 0.0)
      : rows(r), cols(c), values(static_cast<std::size_t>(r) * static_cast<std::size_t>(c), fill) {}

  // Builds a grid from rectangular rows; the caller guarantees rectangularity.
  static Grid FromRows(const std::vector<std::vector<double>>& rows_in);
  std::vector<std::vector<double>> ToRows() const;
  Grid Transposed() const;

  double& at(int r, int c) {
    assert(r >= 0 && r < rows && c >= 0 && c < cols);
    return values[static_cast<std::size_t>(r) * static_cast<std::size_t>(cols) + static_cast<std::size_t>(c)];
  }
  double at(int r, int c) const {
    assert(r >= 0 && r < rows && c >= 0 && c < cols);
    return values[static_cast<std::size_t>(r) * static_cast<std::size_t>(cols) + static_cast<std::size_t>(c)];
  }
  bool empty() const { return rows == 0 || cols == 0; }
  friend bool operator==(const Grid&, const Grid&) = default;
};

// An image's channels, read once and shared by every variant that uses the
// image and by each variant's copies (a 512x512 colour photograph is 6 MB a
// copy, and variants are copied for each filter they focus on).
using GridList = SharedList<Grid>;

}  // namespace cl
