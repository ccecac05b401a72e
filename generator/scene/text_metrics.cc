#include "scene/text_metrics.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

#include "base/utf8.h"

namespace cl {
namespace {

struct GlyphAdvance {
  uint32_t code_point;
  int advance;  // font units
};

#include "scene/text_metrics_table.inc"

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

long long TextUnits(std::string_view utf8, bool bold) {
  long long units = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    const uint32_t cp = NextCodePoint(utf8, &i);
    units += bold ? Advance(kBoldAdvances, kBoldUnitsPerEm, cp) : Advance(kRegularAdvances, kRegularUnitsPerEm, cp);
  }
  return units;
}

double WidthOfUnits(long long units, double size, bool bold) {
  const int em = bold ? kBoldUnitsPerEm : kRegularUnitsPerEm;
  return static_cast<double>(units) * size / em;
}

double TextWidth(std::string_view utf8, double size, bool bold) { return WidthOfUnits(TextUnits(utf8, bold), size, bold); }

}  // namespace cl
