#include "scene/text_metrics.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

namespace cl {
namespace {

struct GlyphAdvance {
  uint32_t code_point;
  int advance;  // font units
};

#include "scene/text_metrics_table.inc"

// Next code point of `s` from `*i`, advancing it; a malformed sequence
// (bad continuation, overlong, surrogate, beyond U+10FFFF) consumes one byte
// and gives U+FFFD with *ok false.
uint32_t NextCodePoint(std::string_view s, std::size_t* i, bool* ok = nullptr) {
  const auto lead = static_cast<unsigned char>(s[*i]);
  const int extra = lead < 0x80 ? 0 : (lead >> 5) == 0x6 ? 1 : (lead >> 4) == 0xE ? 2 : (lead >> 3) == 0x1E ? 3 : -1;
  const std::size_t start = *i;
  ++*i;
  if (ok != nullptr) *ok = false;
  if (extra < 0 || start + static_cast<std::size_t>(extra) >= s.size()) return 0xFFFD;
  uint32_t cp = extra == 0 ? lead : lead & (0x3Fu >> extra);
  for (int k = 1; k <= extra; ++k) {
    const auto b = static_cast<unsigned char>(s[start + static_cast<std::size_t>(k)]);
    if ((b & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (b & 0x3Fu);
  }
  static constexpr uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
  if (cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0xFFFD;
  *i = start + static_cast<std::size_t>(extra) + 1;
  if (ok != nullptr) *ok = true;
  return cp;
}

template <std::size_t N>
int Advance(const GlyphAdvance (&table)[N], int units_per_em, uint32_t cp) {
  auto it = std::lower_bound(std::begin(table), std::end(table), cp,
                             [](const GlyphAdvance& g, uint32_t c) { return g.code_point < c; });
  return it != std::end(table) && it->code_point == cp ? it->advance : units_per_em;
}

template <std::size_t N>
bool InTable(const GlyphAdvance (&table)[N], uint32_t cp) {
  auto it = std::lower_bound(std::begin(table), std::end(table), cp,
                             [](const GlyphAdvance& g, uint32_t c) { return g.code_point < c; });
  return it != std::end(table) && it->code_point == cp;
}

}  // namespace

bool FontCovers(std::string_view utf8) {
  for (std::size_t i = 0; i < utf8.size();) {
    bool ok = false;
    const uint32_t cp = NextCodePoint(utf8, &i, &ok);
    if (!ok || !InTable(kRegularAdvances, cp) || !InTable(kBoldAdvances, cp)) return false;
  }
  return true;
}

std::string ValidUtf8(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    const std::size_t start = i;
    bool ok = false;
    NextCodePoint(utf8, &i, &ok);
    if (ok)
      out.append(utf8.substr(start, i - start));
    else
      out += "\uFFFD";
  }
  return out;
}

double TextWidth(std::string_view utf8, double size, bool bold) {
  long long units = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    const uint32_t cp = NextCodePoint(utf8, &i);
    units += bold ? Advance(kBoldAdvances, kBoldUnitsPerEm, cp) : Advance(kRegularAdvances, kRegularUnitsPerEm, cp);
  }
  const int em = bold ? kBoldUnitsPerEm : kRegularUnitsPerEm;
  return static_cast<double>(units) * size / em;
}

}  // namespace cl
