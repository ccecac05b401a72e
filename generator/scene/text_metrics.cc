#include "scene/text_metrics.h"

#include <algorithm>
#include <array>
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

// The ASCII rows of a table by character (-1: not in it): most texts are
// numbers and ASCII words, measured and checked for every layout and every
// painting, and a binary search of the table for each character was 1.5 %
// of the default lesson's build.
template <std::size_t N>
constexpr std::array<int, 128> AsciiAdvances(const GlyphAdvance (&table)[N]) {
  std::array<int, 128> advances{};
  advances.fill(-1);
  for (const GlyphAdvance& g : table)
    if (g.code_point < 128) advances[g.code_point] = g.advance;
  return advances;
}
constexpr std::array<int, 128> kRegularAscii = AsciiAdvances(kRegularAdvances);
constexpr std::array<int, 128> kBoldAscii = AsciiAdvances(kBoldAdvances);

bool IsAscii(char c) { return static_cast<unsigned char>(c) < 0x80; }

}  // namespace

bool FontCovers(std::string_view utf8) {
  for (std::size_t i = 0; i < utf8.size();) {
    if (IsAscii(utf8[i])) {
      const auto c = static_cast<unsigned char>(utf8[i++]);
      if (kRegularAscii[c] < 0 || kBoldAscii[c] < 0) return false;
      continue;
    }
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
  const std::array<int, 128>& ascii = bold ? kBoldAscii : kRegularAscii;
  const int em = bold ? kBoldUnitsPerEm : kRegularUnitsPerEm;
  for (std::size_t i = 0; i < utf8.size();) {
    if (IsAscii(utf8[i])) {
      const int advance = ascii[static_cast<unsigned char>(utf8[i++])];
      units += advance >= 0 ? advance : em;  // as Advance: a character not in the table takes an em
      continue;
    }
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
