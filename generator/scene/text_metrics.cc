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

// Next code point of `s` from `*i`, advancing it; malformed bytes give U+FFFD.
uint32_t NextCodePoint(std::string_view s, std::size_t* i) {
  const auto lead = static_cast<unsigned char>(s[*i]);
  int extra = lead < 0x80 ? 0 : (lead >> 5) == 0x6 ? 1 : (lead >> 4) == 0xE ? 2 : (lead >> 3) == 0x1E ? 3 : -1;
  ++*i;
  if (extra < 0) return 0xFFFD;
  uint32_t cp = extra == 0 ? lead : lead & (0x3F >> extra);
  for (; extra > 0; --extra) {
    if (*i >= s.size() || (static_cast<unsigned char>(s[*i]) & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (static_cast<unsigned char>(s[*i]) & 0x3F);
    ++*i;
  }
  return cp;
}

template <std::size_t N>
int Advance(const GlyphAdvance (&table)[N], int units_per_em, uint32_t cp) {
  auto it = std::lower_bound(std::begin(table), std::end(table), cp,
                             [](const GlyphAdvance& g, uint32_t c) { return g.code_point < c; });
  return it != std::end(table) && it->code_point == cp ? it->advance : units_per_em;
}

}  // namespace

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
