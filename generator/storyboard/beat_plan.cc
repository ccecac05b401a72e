#include "storyboard/beat_plan.h"

#include <algorithm>
#include <cstdint>

#include <fmt/format.h>

namespace cl {

std::vector<CellRange> CellBeats(int rows, int cols) {
  std::vector<CellRange> beats;
  const int cells = rows * cols;
  beats.reserve(static_cast<std::size_t>(std::max(cells, 0)));
  for (int i = 0; i < cells; ++i) beats.push_back({i, i});
  return beats;
}

std::vector<CellRange> RowGroupBeats(int rows, int cols, int groups) {
  std::vector<CellRange> beats;
  beats.reserve(static_cast<std::size_t>(std::max(groups, 0)));
  for (int k = 0; k < groups; ++k) {
    const auto begin = static_cast<int>(static_cast<std::int64_t>(k) * rows / groups);
    const auto end = static_cast<int>(static_cast<std::int64_t>(k + 1) * rows / groups);
    beats.push_back({begin * cols, end * cols - 1});
  }
  return beats;
}

BeatBudget PlanBeatBudget(int per, int max, int fixed, int conv_rows, int conv_cols, int pool_rows, int pool_cols) {
  const std::int64_t conv_cells = static_cast<std::int64_t>(conv_rows) * conv_cols;
  const std::int64_t pool_cells = static_cast<std::int64_t>(pool_rows) * pool_cols;
  const std::int64_t by_cell = fixed + conv_cells + pool_cells;
  const std::int64_t by_row = fixed + conv_rows + pool_rows;
  const char* asked = per == 1 ? "per: cell" : per == 2 ? "per: row" : "per: auto";

  BeatBudget b;
  if (per != 2 && by_cell <= max) {
    b.unit = BeatBudget::Unit::Cell;
    b.conv_beats = conv_rows * conv_cols;
    b.pool_beats = pool_rows * pool_cols;
    return b;
  }
  if (by_row <= max) {
    b.unit = BeatBudget::Unit::Row;
    b.conv_beats = conv_rows;
    b.pool_beats = pool_rows;
    // auto falling back to rows is the documented behaviour; an explicit
    // per: cell that cannot be honoured deserves a word.
    if (per == 1)
      b.warning = fmt::format("{} would make {} beats, more than max {}; showing one beat per output row ({} beats)",
                              asked, by_cell, max, by_row);
    return b;
  }

  // Evenly spaced row groups, splitting what `max` leaves between the two maps
  // in proportion to their rows; each map keeps at least one beat.
  b.unit = BeatBudget::Unit::RowGroup;
  const int minimum_each = pool_rows > 0 ? 2 : 1;
  const int budget = std::max(max - fixed, minimum_each);
  if (pool_rows > 0) {
    const std::int64_t share = static_cast<std::int64_t>(budget) * conv_rows / (conv_rows + pool_rows);
    b.conv_beats = static_cast<int>(std::clamp<std::int64_t>(share, 1, conv_rows));
    b.pool_beats = std::clamp(budget - b.conv_beats, 1, pool_rows);
    b.conv_beats = std::clamp(budget - b.pool_beats, 1, conv_rows);  // hand back what pool could not use
  } else {
    b.conv_beats = std::clamp(budget, 1, conv_rows);
  }
  const int total = fixed + b.conv_beats + b.pool_beats;
  const std::int64_t wanted = per == 2 ? by_row : by_cell;
  if (total > max)
    b.warning = fmt::format("{} would make {} beats, more than max {}; {} is the fewest this variant can have",
                            asked, wanted, max, total);
  else
    b.warning = fmt::format("{} would make {} beats, more than max {}; showing {} beats of evenly spaced output rows",
                            asked, wanted, max, total);
  return b;
}

}  // namespace cl
