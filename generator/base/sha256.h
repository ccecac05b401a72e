// Sha256: the content hash behind incremental builds. A build is up to date
// when the hashes of everything it read are unchanged, so the hash must not
// collide by accident; SHA-256 (FIPS 180-4) is small enough to carry ourselves.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace cl {

class Sha256 {
 public:
  Sha256();
  // Feeds bytes; may be called any number of times before Hex().
  void Update(std::string_view bytes);
  // Feeds a length-prefixed field, so ("ab","c") and ("a","bc") hash differently.
  void UpdateField(std::string_view bytes);
  // The digest as 64 lowercase hex digits. Ends the hash: call once.
  std::string Hex();

 private:
  void Block(const unsigned char* p);
  std::array<uint32_t, 8> state_;
  std::array<unsigned char, 64> buffer_{};
  size_t buffered_ = 0;
  uint64_t total_bytes_ = 0;
};

// SHA-256 of `bytes` as 64 lowercase hex digits.
std::string Sha256Hex(std::string_view bytes);

}  // namespace cl
