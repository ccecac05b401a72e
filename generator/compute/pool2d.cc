// Max and average pooling with the contract's two remainder rules. The pooled
// map is built from the per-cell trace, so frames and numbers cannot disagree.
#include <algorithm>

#include "compute/compute.h"
#include "compute/decimal_clean.h"
#include "compute/zero.h"

namespace cl {
namespace {

// The window of pooled cell (out_row, out_col) on `map`, clipped to the map
// (a no-op for remainder: drop, whose windows never cross the edge). With
// remainder: pad and a stride larger than the window, the last window can lie
// wholly past the edge; it is then empty (begin == end == the map's side).
PoolTrace PoolWindow(const Grid& map, const PoolSpec& pool, int out_row, int out_col) {
  PoolTrace t;
  t.out_row = out_row;
  t.out_col = out_col;
  t.row_begin = std::clamp(out_row * pool.stride_h, 0, map.rows);
  t.row_end = std::clamp(t.row_begin + pool.size_h, t.row_begin, map.rows);
  t.col_begin = std::clamp(out_col * pool.stride_w, 0, map.cols);
  t.col_end = std::clamp(t.col_begin + pool.size_w, t.col_begin, map.cols);
  return t;
}

PoolTrace TracePool(const PoolSpec& pool, const Grid& map, int out_row, int out_col) {
  PoolTrace t = PoolWindow(map, pool, out_row, out_col);
  const int cells = (t.row_end - t.row_begin) * (t.col_end - t.col_begin);
  if (cells <= 0) return t;  // value 0, no winner
  if (pool.type == PoolType::Max) {
    for (int r = t.row_begin; r < t.row_end; ++r) {
      for (int c = t.col_begin; c < t.col_end; ++c) {
        // Strictly greater keeps the first maximum in row-major order.
        if (t.winner_row < 0 || map.at(r, c) > t.value) {
          t.value = map.at(r, c);
          t.winner_row = r;
          t.winner_col = c;
        }
      }
    }
  } else {
    DecimalSum sum;
    for (int r = t.row_begin; r < t.row_end; ++r)
      for (int c = t.col_begin; c < t.col_end; ++c) sum.Add(map.at(r, c));
    t.value = sum.CleanQuotient(cells);  // divides by the cells covered, not the window's area
  }
  t.value = NormalizeZero(t.value);
  return t;
}

}  // namespace

PoolTrace TracePoolCell(const Variant& v, const Grid& activated, int out_row, int out_col) {
  return TracePool(v.pool, activated, out_row, out_col);
}

Grid Pool2D(const Grid& map, const PoolSpec& pool) {
  const int rows = PooledSize(map.rows, pool.size_h, pool.stride_h, pool.remainder);
  const int cols = PooledSize(map.cols, pool.size_w, pool.stride_w, pool.remainder);
  if (rows < 1 || cols < 1) return Grid();
  Grid out(rows, cols);
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) out.at(r, c) = TracePool(pool, map, r, c).value;
  return out;
}

}  // namespace cl
