// Beat plan: how the cells of one map (the feature map or the pooled map) are
// split into beats. Either one beat per cell, or one per group of whole rows
// (a group is a single row unless rows had to be merged to respect `max`).
#pragma once

#include <string>
#include <vector>

namespace cl {

// A beat's cells as row-major indices [first, last] into the map.
struct CellRange {
  int first = 0;
  int last = -1;
};

// One range per cell, row-major.
std::vector<CellRange> CellBeats(int rows, int cols);

// `groups` ranges of whole rows, as evenly spaced as integers allow: group k
// covers rows [k*rows/groups, (k+1)*rows/groups). Precondition 1 <= groups <= rows.
std::vector<CellRange> RowGroupBeats(int rows, int cols, int groups);

// How many conv and pool beats a variant gets under `per`/`max`, and why.
struct BeatBudget {
  enum class Unit { Cell, Row, RowGroup } unit = Unit::Cell;
  int conv_beats = 0;  // == cells, rows or groups of the feature map
  int pool_beats = 0;  // same for the pooled map; 0 without pooling
  std::string warning;  // non-empty when the beats were thinned; no trailing period
};

// `fixed` is the number of beats that are not conv or pool beats (intro,
// activation, summary). `per`: 0 auto, 1 cell, 2 row (as BeatsPer).
// pool_rows == 0 means no pooling.
BeatBudget PlanBeatBudget(int per, int max, int fixed, int conv_rows, int conv_cols, int pool_rows, int pool_cols);

}  // namespace cl
