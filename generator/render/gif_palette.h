// GIF palette: the one global colour table of an animation, and the mapping of
// any RGB pixel to an entry. Colours the scenes name (cell fills on the
// diverging scale, text, strokes, background) come first and are kept exactly;
// the remaining slots hold the most frequent other colours seen in sample
// frames (antialiasing shades of text and strokes); every other colour maps to
// its nearest entry. One slot is kept free as the transparent index used by
// frame-difference optimisation. Building and mapping are deterministic: the
// result depends only on the inputs, never on hash order.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "render/nearest_entry.h"
#include "scene/scene.h"

namespace cl {

// Pixel counts per 0xRRGGBB colour, from sample frames.
using ColorHistogram = std::unordered_map<uint32_t, uint64_t>;

class GifPalette {
 public:
  // At most this many colours; the transparent index is colors().size().
  static constexpr int kMaxColors = 255;

  // `exact`: colours kept exactly, most important first (duplicates ignored;
  // beyond kMaxColors the rest fall back to nearest). `shades`: the most
  // frequent (ties by colour value) fill up to `max_shades` of the remaining
  // slots. Fewer shades make smaller files: text edges then snap to fewer
  // greys, which at 64 is invisible and saves about a tenth of the bytes.
  static GifPalette Build(const std::vector<Color>& exact, const ColorHistogram& shades, int max_shades = kMaxColors);

  const std::vector<Color>& colors() const { return colors_; }
  int transparent_index() const { return static_cast<int>(colors_.size()); }
  // The table size GIF requires: a power of two from 2 to 256 with room for
  // the transparent index.
  int table_size() const;

  // The entry for 0xRRGGBB: the exact entry when present, otherwise the
  // nearest by weighted RGB distance, a grey keeping to greys (ties: lowest
  // index). Memoised.
  uint8_t IndexOf(uint32_t rgb);
  // The same without memoising: safe to call from several threads at once.
  uint8_t Nearest(uint32_t rgb) const;

 private:
  std::vector<Color> colors_;
  PaletteChannels channels_;  // colors_, for Nearest
  std::unordered_map<uint32_t, uint8_t> index_;  // exact entries and memoised nearest
};

}  // namespace cl
