#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>

namespace cl {

// What a function made for the last values asked, one slot each by a hash
// of the values' bits: values found are exactly the ones asked for (-0 and
// 0 apart), so a result never depends on what was asked before. For texts
// written again and again (a cell's number, an SVG coordinate) and colours
// made again and again (a map's cells, by value and scale), kept per thread
// on the heap: static thread-local storage is zeroed for every thread made
// (tests/render/thread_storage_test.cc). `kKeys` values name a result;
// 2^kBits slots.
template <typename Result, std::size_t kKeys = 1, int kBits = 8>
class ValueMemo {
 public:
  using Key = std::array<double, kKeys>;
  static constexpr std::size_t kSlots = std::size_t{1} << kBits;

  // make(key) when `key` is not the one its slot holds.
  template <typename Make>
  const Result& Get(const Key& key, const Make& make) {
    std::array<uint64_t, kKeys> bits{};
    std::memcpy(bits.data(), key.data(), sizeof bits);
    uint64_t hash = 0;
    for (const uint64_t b : bits) hash = (hash ^ b) * 0x9E3779B97F4A7C15ull;
    Entry& entry = entries_[static_cast<std::size_t>(hash >> (64 - kBits))];
    if (!entry.result || entry.bits != bits) {
      entry.result.emplace(make(key));
      entry.bits = bits;
    }
    return *entry.result;
  }

  // make(value), for a memo of one value.
  template <typename Make>
  const Result& Get(double value, const Make& make)
    requires(kKeys == 1)
  {
    return Get(Key{value}, [&make](const Key& key) { return make(key[0]); });
  }

 private:
  static_assert(kBits >= 1 && kBits <= 16, "slots from 2 to 65536");
  struct Entry {
    std::array<uint64_t, kKeys> bits{};
    std::optional<Result> result;
  };
  std::array<Entry, kSlots> entries_;
};

}  // namespace cl
