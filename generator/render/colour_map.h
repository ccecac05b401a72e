// ColourMap: a byte for each 24-bit colour 0xRRGGBB, in one open-addressing
// table (a power of two at least twice the colours, linear probing). The
// encoders look up every colour of every frame in such maps (a palette
// entry, the index a colour had in the frame before): thousands per frame,
// where std::unordered_map's node per colour made each look-up a cache miss
// or two.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace cl {

class ColourMap {
 public:
  // The value of `colour` (its low 24 bits), or -1.
  int Find(uint32_t colour) const {
    if (count_ == 0) return -1;
    const std::size_t mask = keys_.size() - 1;
    for (std::size_t slot = Home(colour & kRgb);; slot = (slot + 1) & mask) {
      if (keys_[slot] == (colour & kRgb)) return values_[slot];
      if (keys_[slot] == kEmpty) return -1;
    }
  }
  // Sets the value of `colour` (its low 24 bits).
  void Set(uint32_t colour, uint8_t value) {
    if ((count_ + 1) * 2 > keys_.size()) Grow();
    const std::size_t mask = keys_.size() - 1;
    std::size_t slot = Home(colour & kRgb);
    while (keys_[slot] != kEmpty && keys_[slot] != (colour & kRgb)) slot = (slot + 1) & mask;
    if (keys_[slot] == kEmpty) ++count_;
    keys_[slot] = colour & kRgb;
    values_[slot] = value;
  }
  // The value of `colour`, set first to make() when it has none (a
  // look-up memoised: the nearest entry of a palette).
  template <typename Make>
  uint8_t FindOrSet(uint32_t colour, Make make) {
    if (const int found = Find(colour); found >= 0) return static_cast<uint8_t>(found);
    const uint8_t value = make();
    Set(colour, value);
    return value;
  }
  // Room for `colours` without growing.
  void Reserve(std::size_t colours) {
    while (colours * 2 > keys_.size()) Grow();
  }
  std::size_t size() const { return count_; }
  void Clear() {
    keys_.clear();
    values_.clear();
    count_ = 0;
    shift_ = 64;
  }

 private:
  static constexpr uint32_t kRgb = 0xFFFFFFu;
  static constexpr uint32_t kEmpty = 0xFF000000u;  // never a 24-bit colour

  std::size_t Home(uint32_t colour) const {
    return static_cast<std::size_t>((uint64_t{colour} * 0x9E3779B97F4A7C15ull) >> shift_);
  }
  // Twice the slots (at least 64), every colour placed again.
  void Grow() {
    std::vector<uint32_t> keys = std::move(keys_);
    std::vector<uint8_t> values = std::move(values_);
    const std::size_t slots = keys.empty() ? 64 : keys.size() * 2;
    keys_.assign(slots, kEmpty);
    values_.assign(slots, 0);
    shift_ = 64;
    for (std::size_t s = slots; s > 1; s >>= 1) --shift_;
    count_ = 0;
    for (std::size_t i = 0; i < keys.size(); ++i)
      if (keys[i] != kEmpty) Set(keys[i], values[i]);
  }

  std::vector<uint32_t> keys_;
  std::vector<uint8_t> values_;
  std::size_t count_ = 0;
  int shift_ = 64;  // 64 - log2(slots)
};

}  // namespace cl
