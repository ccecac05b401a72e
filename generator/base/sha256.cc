#include "base/sha256.h"

#include <cstdint>

namespace cl {

Sha256::Sha256() { sha256_init(&context_); }

void Sha256::Update(std::string_view bytes) {
  sha256_update(&context_, bytes.size(), reinterpret_cast<const uint8_t*>(bytes.data()));
}

void Sha256::UpdateField(std::string_view bytes) {
  Update(std::to_string(bytes.size()));
  Update(":");
  Update(bytes);
}

std::array<uint8_t, SHA256_DIGEST_SIZE> Sha256::Digest() {
  std::array<uint8_t, SHA256_DIGEST_SIZE> digest;
  sha256_digest(&context_, digest.size(), digest.data());
  return digest;
}

std::string Sha256::Hex() {
  const auto digest = Digest();
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * digest.size());
  for (const uint8_t byte : digest) {
    hex += kDigits[byte >> 4];
    hex += kDigits[byte & 0xf];
  }
  return hex;
}

std::string Sha256Hex(std::string_view bytes) {
  Sha256 h;
  h.Update(bytes);
  return h.Hex();
}

}  // namespace cl
