// PNG encoding of plain RGB pixels with libpng, for pictures that are data
// rather than drawings (the cells of a large grid embedded in an SVG).
// Deterministic: fixed compression settings and no time or text chunks.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cl {

// `rgb` holds width * height * 3 bytes, row-major. Returns the PNG file, or
// "" when the sizes are not positive or do not match.
std::string EncodeRgbPng(int width, int height, const std::vector<uint8_t>& rgb);

}  // namespace cl
