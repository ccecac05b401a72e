// PNG encoding of opaque RGB pixels, deterministic: the file holds IHDR,
// PLTE (palette pictures only), one IDAT and IEND, no time, gamma or text
// chunk, so equal pixels give equal bytes. Frames are flat colours and
// anti-aliased text, so most fit 256 colours: those are written as 8-bit
// palette PNGs with unfiltered rows (a third of the RGB data, and the runs
// compress best unfiltered); the others as truecolour with rows filtered
// against the row above. A palette frame's zlib stream comes from the
// flat-art deflate writer (render/flat_deflate.h: matches to the previous
// byte and the row above only, several times faster than a general match
// finder); a truecolour frame's from libdeflate's fastest level, and small
// pictures of data (a large grid's cells, embedded in SVG as text) from its
// densest.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cl {

// `rgb` holds width * height * 3 bytes, row-major. Returns the PNG file, or
// "" when the sizes are not positive or do not match (or memory ran out).
// For small pictures of data: compressed densely.
std::string EncodeRgbPng(int width, int height, const std::vector<uint8_t>& rgb);

// Pixels as 32-bit words 0x??RRGGBB (Cairo's RGB24/ARGB32 layout; the top
// byte is ignored), `stride` words from one row to the next. For frames:
// compressed fast. Returns "" for sizes that are not positive.
std::string EncodeXrgbPng(int width, int height, const uint32_t* pixels, std::size_t stride);

}  // namespace cl
