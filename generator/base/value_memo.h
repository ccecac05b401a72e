#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>

namespace cl {

// What a function made for the last values asked, one slot each by a hash
// of the value's bits: a value found is exactly the one asked for (-0 and 0
// apart), so a result never depends on what was asked before. For texts
// written again and again (a cell's number, an SVG coordinate), kept per
// thread on the heap: static thread-local storage is zeroed for every
// thread made (tests/render/thread_storage_test.cc).
template <typename Result>
class ValueMemo {
 public:
  static constexpr std::size_t kSlots = 256;

  template <typename Make>
  const Result& Get(double value, const Make& make) {
    uint64_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    Entry& entry = entries_[static_cast<std::size_t>((bits * 0x9E3779B97F4A7C15ull) >> 56)];
    if (!entry.result || entry.bits != bits) {
      entry.result.emplace(make(value));
      entry.bits = bits;
    }
    return *entry.result;
  }

 private:
  static_assert(kSlots == 256, "the slot is the hash's top byte");
  struct Entry {
    uint64_t bits = 0;
    std::optional<Result> result;
  };
  std::array<Entry, kSlots> entries_;
};

}  // namespace cl
