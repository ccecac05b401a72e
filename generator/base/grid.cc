#include "base/grid.h"

namespace cl {

Grid Grid::FromRows(const std::vector<std::vector<double>>& rows_in) {
  Grid g(static_cast<int>(rows_in.size()), rows_in.empty() ? 0 : static_cast<int>(rows_in[0].size()));
  for (int r = 0; r < g.rows; ++r)
    for (int c = 0; c < g.cols; ++c) g.at(r, c) = rows_in[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)];
  return g;
}

std::vector<std::vector<double>> Grid::ToRows() const {
  std::vector<std::vector<double>> out(static_cast<std::size_t>(rows));
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) out[static_cast<std::size_t>(r)].push_back(at(r, c));
  return out;
}

Grid Grid::Transposed() const {
  Grid t(cols, rows);
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) t.at(c, r) = at(r, c);
  return t;
}

}  // namespace cl
