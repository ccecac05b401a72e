// The palette's colour levels round as std::lround does (halves away from
// zero), whatever way palette.cc computes them: a level one off changes a
// cell's colour in every frame, and frames are compared byte for byte.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstdint>
#include <vector>

#include "scene/palette.h"

namespace cl {
namespace {

// The diverging scale's light stops (palette.cc), for the reference below.
constexpr Color kNegative[] = {{255, 255, 255}, {209, 229, 240}, {146, 197, 222}, {67, 147, 195}, {33, 102, 172}};
constexpr Color kPositive[] = {{255, 255, 255}, {254, 224, 182}, {253, 184, 99}, {224, 130, 20}, {179, 88, 6}};

uint8_t ReferenceMix(uint8_t a, uint8_t b, double f) { return static_cast<uint8_t>(std::lround(a + (b - a) * f)); }

Color ReferenceDiverging(double value, double scale) {
  if (value == 0) return kPositive[0];
  const double t = std::min(std::fabs(value) / scale, 1.0);
  const Color* stops = value < 0 ? kNegative : kPositive;
  const double at = t * 4;
  const int i = std::min(static_cast<int>(at), 3);
  const double f = at - i;
  return {ReferenceMix(stops[i].r, stops[i + 1].r, f), ReferenceMix(stops[i].g, stops[i + 1].g, f),
          ReferenceMix(stops[i].b, stops[i + 1].b, f)};
}

// Levels at, just under and just over every half, and a fine sweep.
std::vector<double> Levels() {
  std::vector<double> levels;
  for (int i = 0; i <= 510; ++i) {
    const double half = i * 0.5;
    levels.push_back(half);
    levels.push_back(std::nextafter(half, 0.0));
    levels.push_back(std::nextafter(half, 300.0));
  }
  for (int i = 0; i <= 25500; ++i) levels.push_back(i / 100.0);
  return levels;
}

BOOST_AUTO_TEST_CASE(GreyLevelsRoundAsLround) {
  for (const double level : Levels()) {
    if (level > 255) continue;
    const Color c = GreyColor(level, 0, 255);
    BOOST_TEST_REQUIRE(c.r == std::lround(level / 255 * 255), "level " << level);
    // Halves of the scale itself: black 0, white 2.
    const Color h = GreyColor(level / 127.5, 0, 2);
    BOOST_TEST_REQUIRE(h.r == std::lround(level / 127.5 / 2 * 255), "level " << level);
  }
}

BOOST_AUTO_TEST_CASE(DivergingColoursRoundAsLround) {
  // value / scale * 4 lands on every fraction between two stops, halves included.
  for (const double level : Levels()) {
    for (const double sign : {-1.0, 1.0}) {
      const double value = sign * level / 255.0;
      const Color got = DivergingColor(value, 1), want = ReferenceDiverging(value, 1);
      BOOST_TEST_REQUIRE((got.r == want.r && got.g == want.g && got.b == want.b), "value " << value);
    }
  }
}

}  // namespace
}  // namespace cl
