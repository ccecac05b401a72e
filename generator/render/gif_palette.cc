#include "render/gif_palette.h"

#include <algorithm>
#include <utility>

namespace cl {

namespace {

// Squared distance with the usual perceptual weights (green counts most,
// blue least), plus how far the difference is from a pure change of
// lightness. For a grey (a photograph's cell, its antialiasing) that last
// weighs as the PNG palettes weigh it (render/png_encode.cc's
// kPaletteDistance): a grey the palette lacks takes a grey a shade off, not
// a blue-grey nearer by distance alone, which beside the maps' diverging
// colours would read as a sign. For any other colour it weighs little: at
// the greys' weight an antialiased shade of blue took a light blue entry,
// and a light orange a brown one, far off in lightness.
constexpr DistanceWeights kGreyWeights{3, 4, 2, 18};
constexpr DistanceWeights kColourWeights{3, 4, 2, 2};
// Channels at most this far apart make a grey.
constexpr int kGreyChroma = 4;

bool IsGrey(uint32_t rgb) {
  const int r = rgb >> 16 & 0xFF, g = rgb >> 8 & 0xFF, b = rgb & 0xFF;
  return std::max({r, g, b}) - std::min({r, g, b}) <= kGreyChroma;
}

}  // namespace

GifPalette GifPalette::Build(const std::vector<Color>& exact, const ColorHistogram& shades, int max_shades) {
  GifPalette p;
  auto add = [&p](uint32_t rgb) {
    if (static_cast<int>(p.colors_.size()) >= kMaxColors || p.index_.count(rgb) > 0) return;
    p.index_.emplace(rgb, static_cast<uint8_t>(p.colors_.size()));
    p.colors_.push_back(UnpackRgb(rgb));
  };
  for (const Color& c : exact) add(PackRgb(c));

  std::vector<std::pair<uint32_t, uint64_t>> ranked(shades.begin(), shades.end());
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  const size_t limit = std::min<size_t>(kMaxColors, p.colors_.size() + static_cast<size_t>(std::max(0, max_shades)));
  for (const auto& [rgb, count] : ranked) {
    if (p.colors_.size() >= limit) break;
    add(rgb);
  }
  if (p.colors_.empty()) add(0xffffff);  // a table needs one colour
  for (const Color& c : p.colors_) p.channels_.Add(PackRgb(c));
  return p;
}

int GifPalette::table_size() const {
  int size = 2;
  while (size < transparent_index() + 1) size *= 2;
  return size;
}

uint8_t GifPalette::IndexOf(uint32_t rgb) {
  if (auto it = index_.find(rgb); it != index_.end()) return it->second;
  const uint8_t index = Nearest(rgb);
  index_.emplace(rgb, index);
  return index;
}

uint8_t GifPalette::Nearest(uint32_t rgb) const {
  if (auto it = index_.find(rgb); it != index_.end()) return it->second;
  return channels_.Nearest(rgb, IsGrey(rgb) ? kGreyWeights : kColourWeights);
}

}  // namespace cl
