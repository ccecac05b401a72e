// Whether runs of one colour (render/png_encode.h) expand to exactly the
// pixels Cairo drew (their RGB): frames drawn in bands, boxes or from the
// beat before are checked against the frame drawn whole.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>

#include "render/cairo_png.h"
#include "render/png_encode.h"

namespace cl::testing {

inline bool SamePixels(const ColourRuns& runs, const RasterImage& whole) {
  if (runs.width != whole.width || runs.height != whole.height) return false;
  RunRows<uint32_t> rows(runs, runs.colours);
  for (int y = 0; y < runs.height; ++y) {
    const uint32_t* row = rows.Next();
    for (int x = 0; x < runs.width; ++x)
      if (row[x] != (whole.argb[static_cast<std::size_t>(y) * whole.width + x] & 0xFFFFFFu)) return false;
  }
  return true;
}

// Whether two pictures' runs are the same runs of the same colours, with
// each colour's pixels counted, whatever place each colour has in
// `colours` (a reader that copies from an earlier picture keeps that
// one's order): the same rows, runs and lengths, each run of the same
// colour, every colour listed once and met.
inline bool SameRuns(const ColourRuns& got, const ColourRuns& want) {
  if (got.width != want.width || got.height != want.height || got.run_length != want.run_length ||
      got.row_first != want.row_first || got.row_same != want.row_same || got.colours.size() != want.colours.size() ||
      got.counts.size() != got.colours.size() || got.run_colour.size() != want.run_colour.size())
    return false;
  for (std::size_t r = 0; r < got.run_colour.size(); ++r)
    if (got.colours.at(got.run_colour[r]) != want.colours.at(want.run_colour[r])) return false;
  const auto counted = [](const ColourRuns& runs) {
    std::map<uint32_t, uint64_t> count;
    for (std::size_t i = 0; i < runs.colours.size(); ++i) {
      if (runs.counts[i] == 0 || count.count(runs.colours[i]) != 0) return std::map<uint32_t, uint64_t>{};
      count[runs.colours[i]] = runs.counts[i];
    }
    return count;
  };
  const std::map<uint32_t, uint64_t> got_counts = counted(got);
  return !got_counts.empty() && got_counts == counted(want);
}

}  // namespace cl::testing
