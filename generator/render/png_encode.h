// PNG encoding of opaque RGB pixels through libpng, deterministic: the file
// holds IHDR, IDAT and IEND only (no time, gamma or text chunks), so equal
// pixels give equal bytes. Two settings for two kinds of picture:
// - frames are large (a 1180x470 unit frame at 2x is 2.2 megapixels) and
//   mostly flat colour, where zlib's fastest level on rows filtered against
//   the row above ("Up") costs a sixth of Cairo's own PNG writer and gives
//   smaller files than the default settings would give much more slowly;
// - small pictures of data (a large grid's cells, embedded in SVG as text)
//   get libpng's default level and per-row filter choice, the densest.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cl {

// `rgb` holds width * height * 3 bytes, row-major. Returns the PNG file, or
// "" when the sizes are not positive or do not match. For small pictures of
// data: compressed densely.
std::string EncodeRgbPng(int width, int height, const std::vector<uint8_t>& rgb);

// Pixels as 32-bit words 0x??RRGGBB (Cairo's RGB24/ARGB32 layout; the top
// byte is ignored), `stride` words from one row to the next. For frames:
// compressed fast. Returns "" for sizes that are not positive.
std::string EncodeXrgbPng(int width, int height, const uint32_t* pixels, std::size_t stride);

}  // namespace cl
