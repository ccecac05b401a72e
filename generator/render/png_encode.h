// PNG encoding of opaque RGB pixels, fast and deterministic. Frames are large
// (a 1180x470 unit frame at 2x is 2.2 megapixels) and mostly flat colour, so
// a general-purpose compressor spends most of its time searching for what a
// run finder sees at once: this encoder filters each row against the one
// above (PNG filter "Up"), finds runs and repeats of the previous pixel, and
// writes them as one deflate block with Huffman codes fitted to the frame.
// It is several times faster than libpng at its defaults with files of a
// similar size. Any PNG decoder reads the result.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cl {

// `rgb` holds width * height * 3 bytes, row-major. Returns the PNG file, or
// "" when the sizes are not positive or do not match. For small pictures of
// data (a large grid's cells, embedded in SVG as text): compressed by zlib,
// denser than the run finder on busy data such as photographs.
std::string EncodeRgbPng(int width, int height, const std::vector<uint8_t>& rgb);

// Pixels as 32-bit words 0x??RRGGBB (Cairo's RGB24/ARGB32 layout; the top
// byte is ignored), `stride` words from one row to the next. For frames:
// compressed by the fast run finder.
std::string EncodeXrgbPng(int width, int height, const uint32_t* pixels, std::size_t stride);

}  // namespace cl
