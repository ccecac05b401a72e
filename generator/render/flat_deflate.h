// A zlib stream (RFC 1950/1951) for the scanlines of flat art: palette
// indices of frames made of filled rectangles and anti-aliased text. Such a
// picture is almost entirely runs of one index and rows equal (in whole or in
// long stretches) to the row above, so the only matches looked for are those
// two: to the previous byte and to the same place one row up. Finding them
// costs one word compare per 8 equal bytes, where a general match finder
// (zlib, libdeflate) hashes every byte; the symbols are then coded with
// Huffman codes fitted to each block, as any deflate encoder does. Any
// inflater reads the stream; the bytes depend only on the input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace cl {

// Appends to *out the zlib stream of `rows` scanlines of `row_bytes` bytes
// each, stored one after another at `data`. Rows wider than deflate's
// 32 KiB window are compressed with runs only.
void AppendFlatZlib(const uint8_t* data, std::size_t row_bytes, std::size_t rows, std::string* out);

}  // namespace cl
