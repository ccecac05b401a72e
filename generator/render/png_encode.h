// PNG encoding of opaque RGB pixels, deterministic: the file holds IHDR,
// PLTE (palette pictures only), one IDAT and IEND, no time, gamma or text
// chunk, so equal pixels give equal bytes. Frames are flat colours and
// anti-aliased text, so most fit 256 colours: those are written as 8-bit
// palette PNGs with unfiltered rows (a third of the RGB data, and the runs
// compress best unfiltered); the others as truecolour with rows filtered
// against the row above. A palette frame's zlib stream comes from the
// flat-art deflate writer (render/flat_deflate.h: matches to the previous
// byte and the row above only, several times faster than a general match
// finder), truecolour frames' too; pictures of data (a large grid's cells,
// embedded in SVG as text) from libdeflate's level 6, a picture encoded
// lately on the same thread looked up instead.
#pragma once

#include <cstddef>
#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "render/colour_map.h"
#include "render/nearest_entry.h"

namespace cl {

// A picture read once as runs of one colour, row after row; a row equal to
// the row above is only marked as such. Flat art (frames) holds a few runs a
// row, so this is a small, exact form of the pixels that the PNG and the GIF
// encoders both work from: each beat is drawn and read once for both.
struct ColourRuns {
  int width = 0, height = 0;
  // The distinct 0xRRGGBB colours, each met: in the order first seen, or,
  // where the reader copied runs from an earlier picture, that one's
  // colours still met in its order, then the new ones as first seen.
  // Nothing written depends on this order.
  std::vector<uint32_t> colours;
  std::vector<uint64_t> counts;      // pixels of each colour
  std::vector<uint32_t> run_colour;  // per run: its colour's position in `colours`
  std::vector<uint16_t> run_length;  // per run: its pixels (a run never leaves its row: width <= kMaxRunsWidth)
  std::vector<std::size_t> row_first;  // height + 1 entries: each row's first run
  std::vector<uint8_t> row_same;       // 1: the row equals the row above (and has no runs)
};

// The row whose runs row y of `runs` has: y, or the row it repeats. For
// ColourRuns and pictures laid out as they are (render/gif_encoder.h's
// GifIndexFrame).
template <typename Runs>
int DefiningRow(const Runs& runs, int y) {
  while (y > 0 && runs.row_same[static_cast<std::size_t>(y)]) --y;
  return y;
}

// Whether row y's runs are those of the picture before, by `unchanged` (a
// flag per row: it holds that picture's pixels): row y and the row above it
// are unchanged, so whether row y repeats the row above is unchanged too.
inline bool RunsUnchanged(const std::vector<uint8_t>& unchanged, int y) {
  const auto row = static_cast<std::size_t>(y);
  return unchanged[row] && (row == 0 || unchanged[row - 1]);
}

// The widest picture runs hold: a run's length fits 16 bits, which keeps a
// noisy frame's runs at 6 bytes each instead of 8 (a photograph's frame has
// about a run per two pixels). Frames are at most 16384 pixels wide.
inline constexpr int kMaxRunsWidth = 65535;

// Reads pixels into runs a band of rows at a time (drawing in bands keeps a
// large frame from being held whole).
class ColourRunsReader {
 public:
  // A picture wider than kMaxRunsWidth (or of no pixels) reads as nothing:
  // Finish gives width 0.
  ColourRunsReader(int width, int height);
  ~ColourRunsReader();
  ColourRunsReader(const ColourRunsReader&) = delete;
  ColourRunsReader& operator=(const ColourRunsReader&) = delete;
  // The next `rows` rows, as 32-bit words 0x??RRGGBB (top byte ignored),
  // `stride` words apart.
  void Add(const uint32_t* pixels, int rows, std::size_t stride);
  // The next `rows` rows, taken from `previous` (an earlier picture of
  // this size): each of them and the row above it hold exactly that
  // picture's pixels (RunsUnchanged), so their runs are its runs, the cost
  // of its runs, never of pixels. (The picture a reader first copies or
  // splices rows from, before it reads any, gives its colours their places.)
  void AddRowsFrom(const ColourRuns& previous, int rows);
  // The next row, y: row y of `previous` (a picture of this size) but for
  // the columns [left, right) of `spans` (sorted, apart), read from `row`
  // (whose other pixels are never read), so the cost of a changed row is
  // its runs and the pixels that changed. The same runs as Add gives for
  // the whole row (their colours perhaps at other places). (With a `previous` of another size, `row` is read whole.)
  // `row_above`, when given, is the row above's pixels where it was the row
  // spliced just before, with the same spans: a row whose spans hold its
  // pixels and whose other pixels repeat the row above in `previous` then
  // repeats the row above at the cost of comparing the spans' pixels.
  void AddSplicedRow(const ColourRuns& previous, const std::vector<std::pair<int, int>>& spans, const uint32_t* row,
                     const uint32_t* row_above = nullptr);
  // Room for about `runs` runs, as many as a similar picture had (the frame
  // before): vectors grown by doubling would hold up to twice their runs,
  // 16 MB for a frame of a noisy photograph.
  void ExpectRuns(std::size_t runs);
  // The runs, once every row was added.
  ColourRuns Finish();

 private:
  struct Table;
  std::unique_ptr<Table> table_;
};

// Every row of `runs` in turn, expanded: Next() returns row 0, 1, ... as
// `width` values of T, each run's colour mapped through `value_of` (one value
// per colour of runs.colours).
template <typename T>
class RunRows {
 public:
  RunRows(const ColourRuns& runs, const std::vector<T>& value_of)
      : runs_(runs), value_of_(value_of), row_(static_cast<std::size_t>(runs.width)) {}
  const T* Next() {
    if (!runs_.row_same[static_cast<std::size_t>(y_)]) {
      T* out = row_.data();
      for (std::size_t r = runs_.row_first[y_]; r < runs_.row_first[y_ + 1]; ++r) {
        out = std::fill_n(out, runs_.run_length[r], value_of_[runs_.run_colour[r]]);
      }
    }
    ++y_;
    return row_.data();
  }

 private:
  const ColourRuns& runs_;
  const std::vector<T>& value_of_;
  std::vector<T> row_;
  std::size_t y_ = 0;
};

// A palette shared by a sequence of frames (a variant's, one for its wide
// and one for its tall frames: the colours its scenes name, then shades of
// its sample beats; held in colour order). A frame of more than 256
// colours that it serves, every colour within the bound a frame's own
// palette keeps and every colour covering 1/1024 of the frame within 2
// levels, is written with it, the few rare blends it does not serve added
// as entries of their own after it (each where its colour picks, whatever
// the frame's other blends); so the frames of a sequence keep their
// indices as their blended shades come and go, and their unchanged bands
// are the same bytes (FramePngEncoder). Any other frame chooses its own.
class FramePalette {
 public:
  explicit FramePalette(const std::vector<uint32_t>& colours);  // 0xRRGGBB; repeats dropped, the first 256 kept
  // For a sequence whose sample frames are `samples` (their colours and
  // counts) and whose scenes name `named` (most important first): the
  // named colours (the first 128) and the colours covering 1/1024 of any
  // one sample exact, then chosen farthest-first, as a frame's own palette is,
  // to 240 entries (a frame adds the rare blends the samples lacked).
  // Empty (serving no frame) past 65536 colours. (A frame of more than 4096
  // colours is truecolour whatever the palette; a photograph's wide samples
  // may have more and still give its tall frames a palette that serves.)
  static FramePalette FromSamples(const std::vector<const ColourRuns*>& samples, const std::vector<uint32_t>& named);
  const std::vector<uint32_t>& colours() const { return colours_; }
  // The entry nearest 0xRRGGBB (by png_encode.cc's kPaletteDistance: lightness before hue; ties: the lower entry).
  uint8_t Nearest(uint32_t rgb) const;

 private:
  std::vector<uint32_t> colours_;
  PaletteChannels channels_;  // colours_, for Nearest
};

// The PNG of a picture read into runs, byte for byte what EncodeXrgbPng
// writes for its pixels; with `palette`, written with it where it serves
// (FramePalette). "" when memory ran out.
std::string EncodeRunsPng(const ColourRuns& runs, const FramePalette* palette = nullptr);

// The PNG frames of a sequence of pictures, each byte for byte
// EncodeRunsPng's (with the palette last set). Told which rows equal those of the picture it encoded
// last, it copies each band of rows (render/flat_deflate.h) that is
// unchanged, with the row above it, from that picture's stream instead of
// coding it again: a beat changes a few cells of a frame. It holds the last
// picture's compressed bands (about the size of its PNG).
class FramePngEncoder {
 public:
  FramePngEncoder();
  ~FramePngEncoder();
  FramePngEncoder(const FramePngEncoder&) = delete;
  FramePngEncoder& operator=(const FramePngEncoder&) = delete;
  // `same_rows`: null, or a flag per row of `runs`, 1 where the row holds
  // exactly the pixels of that row of the picture Encode was last given
  // (ignored unless of the same size).
  std::string Encode(const ColourRuns& runs, const std::vector<uint8_t>* same_rows);
  // The sequence's palette for the frames that follow (null: each frame
  // chooses its own).
  void SetPalette(std::shared_ptr<const FramePalette> palette);
  // Bands copied so far (for tests).
  std::size_t bands_copied() const { return bands_copied_; }

  struct Last;

 private:
  std::unique_ptr<Last> last_;
  std::size_t bands_copied_ = 0;
  std::shared_ptr<const FramePalette> palette_;
  ColourMap nearest_;  // in palette_, by colour: frames share most colours
};

// `rgb` holds width * height * 3 bytes, row-major. Returns the PNG file, or
// "" when the sizes are not positive or do not match (or memory ran out).
// For small pictures of data: compressed densely.
std::string EncodeRgbPng(int width, int height, const std::vector<uint8_t>& rgb);

// Pixels as 32-bit words 0x??RRGGBB (Cairo's RGB24/ARGB32 layout; the top
// byte is ignored), `stride` words from one row to the next. For frames:
// compressed fast. Returns "" for sizes that are not positive.
std::string EncodeXrgbPng(int width, int height, const uint32_t* pixels, std::size_t stride);

}  // namespace cl
