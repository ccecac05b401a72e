// The palette entry nearest a colour, four entries a step. The PNG and GIF
// palettes (render/png_encode.h, render/gif_palette.h) weigh distance each
// their own way, but both as a weighted squared distance plus how far the
// difference is from a pure change of lightness; a photograph's frames look
// up thousands of colours their palettes lack, each against up to 256
// entries. Distances are whole numbers below 2^24 for the weights used
// (at most 225 * 255^2), so SSE2's floats hold them exactly and the search
// finds what a plain one in integers finds.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#if defined(__SSE2__)
#include <xmmintrin.h>
#endif

namespace cl {

// How a palette measures distance: red * dr^2 + green * dg^2 + blue * db^2
// + tint * ((dr - dg)^2 + (dg - db)^2 + (db - dr)^2).
struct DistanceWeights {
  float red, green, blue, tint;
};

// The distance of a colour difference (dr, dg, db) by `w`.
inline float WeightedDistance(const DistanceWeights& w, float dr, float dg, float db) {
  const float rg = dr - dg, gb = dg - db, br = db - dr;
  return w.red * dr * dr + w.green * dg * dg + w.blue * db * db + w.tint * (rg * rg + gb * gb + br * br);
}

#if defined(__SSE2__)
// The same for four differences at once.
inline __m128 WeightedDistance4(const DistanceWeights& w, __m128 dr, __m128 dg, __m128 db) {
  const __m128 rg = _mm_sub_ps(dr, dg), gb = _mm_sub_ps(dg, db), br = _mm_sub_ps(db, dr);
  const __m128 plain = _mm_add_ps(_mm_add_ps(_mm_mul_ps(_mm_set1_ps(w.red), _mm_mul_ps(dr, dr)),
                                             _mm_mul_ps(_mm_set1_ps(w.green), _mm_mul_ps(dg, dg))),
                                  _mm_mul_ps(_mm_set1_ps(w.blue), _mm_mul_ps(db, db)));
  const __m128 tint = _mm_add_ps(_mm_add_ps(_mm_mul_ps(rg, rg), _mm_mul_ps(gb, gb)), _mm_mul_ps(br, br));
  return _mm_add_ps(plain, _mm_mul_ps(_mm_set1_ps(w.tint), tint));
}

// The least and the greatest of four lanes.
inline float LeastLane(__m128 v) {
  alignas(16) float lanes[4];
  _mm_store_ps(lanes, v);
  return std::min({lanes[0], lanes[1], lanes[2], lanes[3]});
}
inline float GreatestLane(__m128 v) {
  alignas(16) float lanes[4];
  _mm_store_ps(lanes, v);
  return std::max({lanes[0], lanes[1], lanes[2], lanes[3]});
}
#endif

// A palette's entries, their channels apart; entries past `size` (up to a
// multiple of four) are a colour farther off than any.
class PaletteChannels {
 public:
  static constexpr std::size_t kMostEntries = 256;
  PaletteChannels() { red_.fill(kFarOff), green_.fill(kFarOff), blue_.fill(kFarOff); }
  // Entry `size()` is 0xRRGGBB; at most kMostEntries.
  void Add(uint32_t rgb) {
    red_[size_] = static_cast<float>(rgb >> 16 & 0xFF);
    green_[size_] = static_cast<float>(rgb >> 8 & 0xFF);
    blue_[size_] = static_cast<float>(rgb & 0xFF);
    ++size_;
  }
  std::size_t size() const { return size_; }

  // The entry nearest 0xRRGGBB by `w` (ties: the lower entry); 0 when none.
  uint8_t Nearest(uint32_t rgb, const DistanceWeights& w) const {
    if (size_ == 0) return 0;
    const auto r = static_cast<float>(rgb >> 16 & 0xFF), g = static_cast<float>(rgb >> 8 & 0xFF),
               b = static_cast<float>(rgb & 0xFF);
    const std::size_t steps = (size_ + 3) / 4 * 4;
    alignas(16) std::array<float, kMostEntries> distance;
    float best = std::numeric_limits<float>::max();
#if defined(__SSE2__)
    const __m128 vr = _mm_set1_ps(r), vg = _mm_set1_ps(g), vb = _mm_set1_ps(b);
    __m128 best4 = _mm_set1_ps(best);
    for (std::size_t i = 0; i < steps; i += 4) {
      const __m128 d = WeightedDistance4(w, _mm_sub_ps(vr, _mm_load_ps(&red_[i])), _mm_sub_ps(vg, _mm_load_ps(&green_[i])),
                                         _mm_sub_ps(vb, _mm_load_ps(&blue_[i])));
      _mm_store_ps(&distance[i], d);
      best4 = _mm_min_ps(best4, d);
    }
    best = LeastLane(best4);
#else
    for (std::size_t i = 0; i < steps; ++i) {
      distance[i] = WeightedDistance(w, r - red_[i], g - green_[i], b - blue_[i]);
      best = std::min(best, distance[i]);
    }
#endif
    return static_cast<uint8_t>(std::find(distance.begin(), distance.begin() + static_cast<std::ptrdiff_t>(size_), best) -
                                distance.begin());
  }

 private:
  static constexpr float kFarOff = 10000;  // its distance to any colour dwarfs every real one
  alignas(16) std::array<float, kMostEntries> red_, green_, blue_;
  std::size_t size_ = 0;
};

}  // namespace cl
