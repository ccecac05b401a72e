// GIF encoder: an animated, looping GIF89a with one global palette, written
// in memory by our own LZW writer (the same codes, and so the same bytes, as
// giflib writes: greedy longest match, a clear code when the table is full;
// tests/render/gif_test.cc compares the two). After the first frame only the
// bounding box of pixels that changed is stored, and inside it the pixels that
// did not change are transparent, so long animations whose frames differ by a
// few cells stay small. The bytes depend only on the frames, delays and
// palette.
//
// Frames are held as runs of one palette index (GifIndexFrame), made from the
// runs the PNG encoder reads (render/png_encode.h), so a beat is drawn and
// read once for its PNG and its GIF frame. A frame's bytes depend only on it
// and the frame before, so frames can be encoded in parallel and appended in
// order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "render/cairo_png.h"
#include "render/gif_palette.h"
#include "render/png_encode.h"

namespace cl {

// A frame in palette indices, as runs (the layout of ColourRuns).
struct GifIndexFrame {
  int width = 0, height = 0;
  std::vector<uint8_t> run_index;
  std::vector<uint16_t> run_length;  // as ColourRuns's: within a row, so 16 bits
  std::vector<std::size_t> row_first;  // height + 1 entries
  std::vector<uint8_t> row_same;       // 1: the row equals the row above (and has no runs)
  // Per row, 1 where it is known to hold the pixels of the frame shown
  // before it (of the same size), which FrameBytes then neither compares
  // nor reads; empty when not known.
  std::vector<uint8_t> unchanged;
};

class GifAnimationEncoder {
 public:
  // A `width` x `height` animation (1..65535 per side) that loops forever.
  // Frames of another size are placed at the top left, the rest of the
  // canvas in palette entry `fill_index`.
  GifAnimationEncoder(int width, int height, GifPalette palette, uint8_t fill_index = 0);
  ~GifAnimationEncoder();
  GifAnimationEncoder(const GifAnimationEncoder&) = delete;
  GifAnimationEncoder& operator=(const GifAnimationEncoder&) = delete;

  // Appends `frame` (opaque, exactly width x height) shown for `delay_cs`
  // hundredths of a second (clamped to 1..65535). Returns false with *error
  // when the frame does not fit; the encoder is then spent.
  bool AddFrame(const RasterImage& frame, int delay_cs, std::string* error);
  // The same for a frame read into runs (any size, see the constructor).
  bool AddFrame(const ColourRuns& frame, int delay_cs, std::string* error);

  // The parts AddFrame is made of, for encoding frames in parallel: the
  // frame in palette indices (each colour mapped to its palette entry), and
  // its bytes after `before` (the frame shown before it; nullptr for the
  // first frame, stored whole). Both are safe to call from several threads.
  // With `before` (this encoder's Index of the frame before) and
  // `unchanged` (per row of `frame`, 1 where it holds that frame's pixels),
  // rows that did not change, nor the row above them, take its runs.
  GifIndexFrame Index(const ColourRuns& frame, const GifIndexFrame* before = nullptr,
                      const std::vector<uint8_t>* unchanged = nullptr) const;
  std::string FrameBytes(const GifIndexFrame* before, const GifIndexFrame& now, int delay_cs) const;
  // Appends frame bytes from FrameBytes, in playing order.
  bool AppendFrame(const std::string& frame_bytes, std::string* error);

  // The file's bytes made since the last call (header and frames appended
  // so far), moved out: a long animation is written as it is made, not
  // held whole. Finish gives the rest.
  std::string TakeBytes();

  // Ends the file and moves its bytes (those not taken) to *gif. Call once,
  // after the frames.
  bool Finish(std::string* gif, std::string* error);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace cl
