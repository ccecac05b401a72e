// GIF encoder: an animated, looping GIF89a written frame by frame in memory
// through giflib, with one global palette. After the first frame only the
// bounding box of pixels that changed is stored, and inside it the pixels that
// did not change are transparent, so long animations whose frames differ by a
// few cells stay small. The bytes depend only on the frames, delays and
// palette.
#pragma once

#include <memory>
#include <string>

#include "render/cairo_png.h"
#include "render/gif_palette.h"

namespace cl {

class GifAnimationEncoder {
 public:
  // A `width` x `height` animation (1..65535 per side) that loops forever.
  GifAnimationEncoder(int width, int height, GifPalette palette);
  ~GifAnimationEncoder();
  GifAnimationEncoder(const GifAnimationEncoder&) = delete;
  GifAnimationEncoder& operator=(const GifAnimationEncoder&) = delete;

  // Appends `frame` (opaque, exactly width x height) shown for `delay_cs`
  // hundredths of a second (clamped to 1..65535). Returns false with *error
  // when the frame does not fit or giflib fails; the encoder is then spent.
  bool AddFrame(const RasterImage& frame, int delay_cs, std::string* error);

  // Ends the file and moves its bytes to *gif. Call once, after the frames.
  bool Finish(std::string* gif, std::string* error);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace cl
