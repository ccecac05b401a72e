// A zlib stream (RFC 1950/1951) for the scanlines of flat art: palette
// indices (or RGB pixels) of frames made of filled rectangles and
// anti-aliased text. Such a picture is almost entirely runs of one pixel and
// rows equal (in whole or in long stretches) to the row above, so those two
// matches are looked for first: to the previous pixel and to the same place
// one row up, one word compare per 8 equal bytes. Only where neither holds
// (text) is the next 4-byte word looked up where it was last seen, so a
// glyph drawn again is found; a general match finder (zlib, libdeflate)
// hashes every byte. The symbols are then coded with Huffman codes fitted
// to each block, as any deflate encoder does. Any inflater reads the
// stream; the bytes depend only on the input, on any machine.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace cl {

// The same stream written as the scanlines come, a few rows at a time, so a
// large picture's scanlines are never held whole: it keeps only the bytes
// later matches can reach (deflate's 32 KiB window). Add the rows' bytes in order,
// then Finish; the bytes equal AppendFlatZlib's. `pixel_bytes` is the
// distance a run repeats at: 1 for palette indices, 3 for RGB (taken
// within 1..8).
class FlatZlibWriter {
 public:
  FlatZlibWriter(std::size_t row_bytes, std::size_t rows, std::string* out, std::size_t pixel_bytes = 1);
  ~FlatZlibWriter();
  FlatZlibWriter(const FlatZlibWriter&) = delete;
  FlatZlibWriter& operator=(const FlatZlibWriter&) = delete;
  void Add(const uint8_t* bytes, std::size_t n);
  void Finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Appends to *out the zlib stream of `rows` scanlines of `row_bytes` bytes
// each, stored one after another at `data`. Rows wider than deflate's
// 32 KiB window are compressed without matches to the row above.
void AppendFlatZlib(const uint8_t* data, std::size_t row_bytes, std::size_t rows, std::string* out,
                    std::size_t pixel_bytes = 1);

}  // namespace cl
