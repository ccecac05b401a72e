#include "render/gif_palette.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <limits>
#include <utility>
#if defined(__SSE2__)
#include <xmmintrin.h>
#endif

namespace cl {

namespace {

Color Unpack(uint32_t rgb) {
  return Color{static_cast<uint8_t>((rgb >> 16) & 0xff), static_cast<uint8_t>((rgb >> 8) & 0xff),
               static_cast<uint8_t>(rgb & 0xff)};
}

}  // namespace

GifPalette GifPalette::Build(const std::vector<Color>& exact, const ColorHistogram& shades, int max_shades) {
  GifPalette p;
  auto add = [&p](uint32_t rgb) {
    if (static_cast<int>(p.colors_.size()) >= kMaxColors || p.index_.count(rgb) > 0) return;
    p.index_.emplace(rgb, static_cast<uint8_t>(p.colors_.size()));
    p.colors_.push_back(Unpack(rgb));
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
  p.red_.fill(kFarOff), p.green_.fill(kFarOff), p.blue_.fill(kFarOff);
  for (std::size_t i = 0; i < p.colors_.size(); ++i) {
    p.red_[i] = p.colors_[i].r;
    p.green_[i] = p.colors_[i].g;
    p.blue_[i] = p.colors_[i].b;
  }
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
  // Four entries a step in floats, exactly: every value is a whole number
  // below 2^24 (at most 9 * 255^2 + 18 * 12 * 255^2). A photograph's frames
  // look up thousands of colours. Entries past the last are far off.
  const auto r = static_cast<float>(rgb >> 16 & 0xff), g = static_cast<float>(rgb >> 8 & 0xff),
             b = static_cast<float>(rgb & 0xff);
  const std::size_t n = colors_.size(), steps = (n + 3) / 4 * 4;
  alignas(16) std::array<float, kPaddedColors> distance;
#if defined(__SSE2__)
  const __m128 vr = _mm_set1_ps(r), vg = _mm_set1_ps(g), vb = _mm_set1_ps(b);
  __m128 best4 = _mm_set1_ps(std::numeric_limits<float>::max());
  for (std::size_t i = 0; i < steps; i += 4) {
    const __m128 dr = _mm_sub_ps(vr, _mm_load_ps(&red_[i])), dg = _mm_sub_ps(vg, _mm_load_ps(&green_[i])),
                 db = _mm_sub_ps(vb, _mm_load_ps(&blue_[i]));
    const __m128 rg = _mm_sub_ps(dr, dg), gb = _mm_sub_ps(dg, db), br = _mm_sub_ps(db, dr);
    const __m128 plain = _mm_add_ps(_mm_add_ps(_mm_mul_ps(_mm_set1_ps(3), _mm_mul_ps(dr, dr)),
                                               _mm_mul_ps(_mm_set1_ps(4), _mm_mul_ps(dg, dg))),
                                    _mm_mul_ps(_mm_set1_ps(2), _mm_mul_ps(db, db)));
    const __m128 tint = _mm_add_ps(_mm_add_ps(_mm_mul_ps(rg, rg), _mm_mul_ps(gb, gb)), _mm_mul_ps(br, br));
    const __m128 d = _mm_add_ps(plain, _mm_mul_ps(_mm_set1_ps(18), tint));
    _mm_store_ps(&distance[i], d);
    best4 = _mm_min_ps(best4, d);
  }
  alignas(16) float lanes[4];
  _mm_store_ps(lanes, best4);
  const float best = std::min({lanes[0], lanes[1], lanes[2], lanes[3]});
#else
  float best = std::numeric_limits<float>::max();
  for (std::size_t i = 0; i < steps; ++i) {
    const float dr = r - red_[i], dg = g - green_[i], db = b - blue_[i];
    const float rg = dr - dg, gb = dg - db, br = db - dr;
    distance[i] = 3 * dr * dr + 4 * dg * dg + 2 * db * db + 18 * (rg * rg + gb * gb + br * br);
    best = std::min(best, distance[i]);
  }
#endif
  return static_cast<uint8_t>(std::find(distance.begin(), distance.begin() + static_cast<std::ptrdiff_t>(n), best) -
                              distance.begin());
}

}  // namespace cl
