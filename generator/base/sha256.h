// Sha256: the content hash behind incremental builds and the PDF pictures'
// identities. A build is up to date when the hashes of everything it read
// are unchanged, so the hash must not collide by accident. Nettle computes it
// (with the CPU's SHA instructions where it has them: 4x the portable code,
// and a large lesson hashes hundreds of megabytes of pictures).
#pragma once

#include <nettle/sha2.h>

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
  // The digest as 32 bytes. Ends the hash: call once (instead of Hex()).
  std::array<uint8_t, SHA256_DIGEST_SIZE> Digest();

 private:
  sha256_ctx context_;
};

// SHA-256 of `bytes` as 64 lowercase hex digits.
std::string Sha256Hex(std::string_view bytes);

}  // namespace cl
