#include "base/grid_text.h"

#include <algorithm>
#include <vector>

#include "base/number_format.h"

namespace cl {

std::string GridText(const Grid& grid, int indent) {
  std::vector<std::string> cells;
  cells.reserve(grid.values.size());
  std::size_t width = 0;
  for (double value : grid.values) {
    cells.push_back(FormatNumber(value));
    width = std::max(width, cells.back().size());
  }
  std::string out;
  const std::string margin(static_cast<std::size_t>(std::max(indent, 0)), ' ');
  for (int r = 0; r < grid.rows; ++r) {
    out += margin;
    for (int c = 0; c < grid.cols; ++c) {
      const std::string& cell = cells[static_cast<std::size_t>(r) * static_cast<std::size_t>(grid.cols) +
                                      static_cast<std::size_t>(c)];
      if (c > 0) out += ' ';
      out.append(width - cell.size(), ' ');
      out += cell;
    }
    out += '\n';
  }
  return out;
}

std::string GridSizeText(const Grid& grid) { return std::to_string(grid.rows) + "x" + std::to_string(grid.cols); }

}  // namespace cl
