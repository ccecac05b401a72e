#include "base/utf8.h"

namespace cl {

std::size_t Utf8SequenceLength(std::string_view text, std::size_t i, uint32_t* code_point) {
  const auto lead = static_cast<unsigned char>(text[i]);
  std::size_t n = 0;
  uint32_t cp = 0, min = 0;
  if (lead < 0x80) {
    n = 1;
    cp = lead;
  } else if ((lead & 0xE0) == 0xC0) {
    n = 2;
    cp = lead & 0x1Fu;
    min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    n = 3;
    cp = lead & 0x0Fu;
    min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    n = 4;
    cp = lead & 0x07u;
    min = 0x10000;
  } else {
    return 0;
  }
  if (n > text.size() - i) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(text[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  if (code_point != nullptr) *code_point = cp;
  return n;
}

uint32_t NextCodePoint(std::string_view text, std::size_t* i, bool* valid) {
  uint32_t cp = 0;
  const std::size_t n = Utf8SequenceLength(text, *i, &cp);
  *i += n == 0 ? 1 : n;
  if (valid != nullptr) *valid = n != 0;
  return n == 0 ? 0xFFFD : cp;
}

}  // namespace cl
