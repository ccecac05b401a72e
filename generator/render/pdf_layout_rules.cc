#include "render/pdf_layout_rules.h"

#include <numeric>

namespace cl {

std::vector<double> FitColumnWidths(const std::vector<double>& natural, double width) {
  std::vector<double> widths = natural;
  if (std::accumulate(natural.begin(), natural.end(), 0.0) <= width) return widths;
  const size_t columns = natural.size();
  std::vector<bool> fixed(columns, false);
  double left = width;
  size_t open = columns;
  bool changed = true;
  while (changed && open > 0) {
    changed = false;
    const double share = left / static_cast<double>(open);
    for (size_t c = 0; c < columns; ++c) {
      if (!fixed[c] && natural[c] <= share) {
        fixed[c] = true;
        widths[c] = natural[c];
        left -= natural[c];
        --open;
        changed = true;
      }
    }
  }
  if (open > 0) {
    const double share = left / static_cast<double>(open);
    for (size_t c = 0; c < columns; ++c) {
      if (!fixed[c]) widths[c] = share;
    }
  }
  return widths;
}

std::vector<std::pair<size_t, size_t>> ColumnBandRanges(const std::vector<double>& natural, double width,
                                                        bool label_column) {
  const size_t columns = natural.size();
  const size_t first_data = label_column && columns > 0 ? 1 : 0;
  std::vector<std::pair<size_t, size_t>> bands;
  if (first_data >= columns) return bands;
  const double label = first_data == 1 ? natural[0] : 0;
  for (size_t c = first_data; c < columns;) {
    const size_t start = c;
    double used = label + natural[c++];  // at least one column per band
    while (c < columns && used + natural[c] <= width) used += natural[c++];
    bands.emplace_back(start, c);
  }
  return bands;
}

size_t LinesForThisPage(size_t fit, size_t left, bool first_piece, bool keep_whole, bool at_top) {
  size_t k = fit;
  if (k < left && !keep_whole) {
    if (left - k == 1 && k >= 3) --k;              // no single line at the head of the next page
    if (k == 1 && first_piece && !at_top) k = 0;  // nor the first line alone at the foot of this one
  }
  if (keep_whole && k < left && !at_top) k = 0;
  if (k == 0 && at_top) k = 1;  // taller than a page: place it anyway rather than loop
  return k;
}

}  // namespace cl
