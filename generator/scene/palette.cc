#include "scene/palette.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "base/thread_owned.h"
#include "base/value_memo.h"

namespace cl {
namespace {

// Stops at |t| = 0, 0.25, 0.5, 0.75, 1 from white outwards.
constexpr Color kNegative[] = {{255, 255, 255}, {209, 229, 240}, {146, 197, 222}, {67, 147, 195}, {33, 102, 172}};
constexpr Color kPositive[] = {{255, 255, 255}, {254, 224, 182}, {253, 184, 99}, {224, 130, 20}, {179, 88, 6}};

// Dark: from the dark background outwards to the light ends.
constexpr Color kDarkNegative[] = {{30, 33, 38}, {24, 62, 104}, {33, 102, 172}, {76, 152, 206}, {146, 197, 240}};
constexpr Color kDarkPositive[] = {{30, 33, 38}, {96, 52, 8}, {179, 88, 6}, {230, 138, 30}, {253, 190, 110}};

// std::lround for a level in [0, 255], inline: a photograph's frames colour
// millions of cells, and lround is a call into libm. x - trunc(x) is exact
// here, so halves round up exactly as lround rounds them.
uint8_t RoundLevel(double x) {
  auto level = static_cast<int>(x);
  if (x - level >= 0.5) ++level;
  return static_cast<uint8_t>(level);
}

uint8_t Mix(uint8_t a, uint8_t b, double f) { return RoundLevel(a + (b - a) * f); }

// sRGB channel levels in linear light, a table: a photograph's frames ask
// for the ink of every cell, and pow was a percent of their build.
const std::array<double, 256>& LinearLevels() {
  static const std::array<double, 256> levels = [] {
    std::array<double, 256> table{};
    for (int v = 0; v < 256; ++v) {
      const double c = v / 255.0;
      table[static_cast<std::size_t>(v)] = c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    }
    return table;
  }();
  return levels;
}

Color OnScale(double value, double scale, const Color* negative, const Color* positive) {
  if (!(scale > 0) || !std::isfinite(value) || value == 0) return positive[0];
  const double t = std::min(std::fabs(value) / scale, 1.0);
  const Color* stops = value < 0 ? negative : positive;
  const double at = t * 4;
  const int i = std::min(static_cast<int>(at), 3);
  const double f = at - i;
  return {Mix(stops[i].r, stops[i + 1].r, f), Mix(stops[i].g, stops[i + 1].g, f), Mix(stops[i].b, stops[i + 1].b, f)};
}

}  // namespace

Color DivergingColor(double value, double scale) {
  // Every layout of a beat colours every cell of its maps again (a
  // photograph's quarter of a million, in each of its frames' layouts),
  // mostly values coloured a moment before: making each was a tenth of an
  // eight-filter photograph's build.
  using Memo = ValueMemo<Color, 2, 11>;
  return ThreadOwned<Memo>().Get({value, scale},
                                 [](const Memo::Key& k) { return OnScale(k[0], k[1], kNegative, kPositive); });
}

Color DarkDivergingColor(double value, double scale) { return OnScale(value, scale, kDarkNegative, kDarkPositive); }

Color GreyColor(double value, double black, double white) {
  if (!std::isfinite(value) || !(white > black)) return {0, 0, 0};
  const double t = std::clamp((value - black) / (white - black), 0.0, 1.0);
  const uint8_t level = RoundLevel(t * 255);
  return {level, level, level};
}

double RelativeLuminance(Color c) {
  const std::array<double, 256>& linear = LinearLevels();
  return 0.2126 * linear[c.r] + 0.7152 * linear[c.g] + 0.0722 * linear[c.b];
}

Color TextColorOn(Color background) {
  // White text below the point where both reach equal contrast (about 0.18).
  const double l = RelativeLuminance(background);
  return l < 0.18 ? Color{255, 255, 255} : palette::kInk;
}

std::string HexColor(Color c) {
  static constexpr char kDigits[] = "0123456789abcdef";
  const char text[7] = {'#', kDigits[c.r >> 4], kDigits[c.r & 15], kDigits[c.g >> 4],
                        kDigits[c.g & 15], kDigits[c.b >> 4], kDigits[c.b & 15]};
  return std::string(text, sizeof text);  // written by the thousand: fmt's parsing cost more than the digits
}

}  // namespace cl
