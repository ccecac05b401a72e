// Whether runs of one colour (render/png_encode.h) expand to exactly the
// pixels Cairo drew (their RGB): frames drawn in bands, boxes or from the
// beat before are checked against the frame drawn whole.
#pragma once

#include <cstddef>
#include <cstdint>

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

}  // namespace cl::testing
