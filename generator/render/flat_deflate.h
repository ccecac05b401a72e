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
#include <vector>

namespace cl {

// A band of rows coded on its own: deflate blocks (none the last), their
// bits from bit 0 of `bits` on (`bit_count` of them), and the Adler-32 and
// count of the band's bytes. Its bits depend only on its bytes and the row
// above it, so where a picture's band and the row above it are those of an
// earlier picture of the same row size, the band can be copied from that
// picture's stream instead of coded again.
struct FlatBand {
  std::string bits;
  std::size_t bit_count = 0;
  uint32_t adler = 1;
  std::size_t bytes = 0;
};

// Rows in a band at most (a band may end sooner: EndBand; the picture's
// last band may have fewer). Each band ends its blocks, about 80 bytes of
// Huffman codes each, and is the unit a frame copies from the frame before
// or codes again. Measured on the shipped course: bands of 64 rows make its
// PNG frames 0.1 % larger than one band would, of 32 rows 0.4 %, of 16 rows
// 0.8 %. A beat changes a few text lines and cells, so a frame codes less
// with smaller bands: the PNG frames of a 400-beat lesson took 1.40 s with
// 32 rows against 1.48 s with 64 (docs/performance.md, session 21); 16 were
// no faster than 32.
inline constexpr std::size_t kFlatBandRows = 32;

// The stream written as the scanlines come, a band at a time, so a large
// picture's scanlines are never held whole. Add the rows' bytes in order
// (or a band already coded, at a band's start), then Finish. A band ends
// after kFlatBandRows rows, or sooner where EndBand says.
// `pixel_bytes` is the distance a run repeats at: 1 for palette indices, 3
// for RGB (taken within 1..8). A writer is used on the thread that made it,
// and made, used and finished before that thread makes the next: it shares
// the thread's table of earlier strings with the writers before it.
class FlatZlibWriter {
 public:
  // With `keep_bands`, Finish returns every band, to be copied into a later
  // picture's stream.
  FlatZlibWriter(std::size_t row_bytes, std::size_t rows, std::string* out, std::size_t pixel_bytes = 1,
                 bool keep_bands = false);
  ~FlatZlibWriter();
  FlatZlibWriter(const FlatZlibWriter&) = delete;
  FlatZlibWriter& operator=(const FlatZlibWriter&) = delete;
  void Add(const uint8_t* bytes, std::size_t n);
  // Room for about `bytes` of stream held from the start, so its buffer
  // does not grow by copying itself (a hint: any size works).
  void ExpectBytes(std::size_t bytes);
  // Ends the band added so far here (if any bytes were added since the last
  // band ended): the writer's caller may cut its bands where its picture
  // changes, as long as each ends at a row's end.
  void EndBand();
  // The next band, from an earlier stream: `band` was coded from the same
  // bytes, after the same row above; `last_row` is its last row's bytes.
  // False (and nothing added) when not at a band's start, or the band is
  // empty, longer than kFlatBandRows rows or than the rows left.
  bool AddCodedBand(FlatBand band, const uint8_t* last_row);
  // Ends the stream; returns its bands when kept.
  std::vector<FlatBand> Finish();

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
