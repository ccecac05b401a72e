// PNG images for lessons: a file read as 8-bit luminance, and resampling by
// area averaging. Uses libpng directly so the conversion is exactly the
// contract's round(0.299 R + 0.587 G + 0.114 B) with no gamma handling.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/grid.h"
#include "lesson/limits.h"

namespace cl {

// How a PNG is read: whole, or resampled to `size` (rows, columns) straight
// from its decoded samples. Read whole, an image over
// `max_side_unresampled` pixels a side is refused from its header.
struct PngReading {
  std::optional<std::pair<int, int>> size;
  int max_side_unresampled = limits::kMaxImageFileSide;
};

// Reads the PNG at `path` as luminance 0..255: grey images as they are,
// colour as round(0.299 R + 0.587 G + 0.114 B), 16-bit channels scaled to 8
// bits, alpha ignored. Refuses files larger than limits::kMaxImageFileBytes
// and images over limits::kMaxImageFileSide per side before decoding them.
// On failure returns nullopt and sets *error to a lowercase phrase.
std::optional<Grid> ReadPngLuminance(const std::string& path, std::string* error, const PngReading& reading = {});

// Reads the PNG at `path` as its three colour channels R, G, B, 0..255 each,
// as stored (no luminance, no gamma); a grey image gives three equal
// channels. The same limits and errors as ReadPngLuminance.
std::optional<std::vector<Grid>> ReadPngRgb(const std::string& path, std::string* error,
                                            const PngReading& reading = {});

// `image` (whole numbers >= 0, such as luminance) resampled to rows x cols
// (each >= 1): every output pixel is the average of the input area it covers,
// partial pixels weighted by the fraction covered, rounded half up.
Grid ResampleByArea(const Grid& image, int rows, int cols);

}  // namespace cl
