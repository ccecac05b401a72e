// Several filters: each map walked in turn within the beat budget, or the one
// map `beats: map` names; headings that say which map; the bias in the conv
// beat's arithmetic.
#include <boost/test/unit_test.hpp>

#include <string>

#include "../support/default_lesson.h"
#include "storyboard/captions.h"
#include "storyboard/storyboard.h"

using namespace cl;

namespace {

// The default vertical-edge variant with a second filter (horizontal edge, bias -2).
Variant TwoFilters() {
  Variant v = testing::VerticalEdgeVariant();
  v.filters = {v.filter, {"Horizontal edge", Grid::FromRows({{1, 1, 1}, {0, 0, 0}, {-1, -1, -1}}), -2}};
  return v;
}

Storyboard Plan(const Variant& v, int max = 400, int map = 0) {
  BeatsSpec spec;
  spec.max = max;
  spec.map = map;
  spec.where = {"lessons/x.yaml", 7, 3};
  return PlanStoryboard(v, ComputeVariant(v), spec);
}

std::string Maps(const Storyboard& s) {
  std::string out;
  for (const Beat& b : s.beats) out += static_cast<char>('0' + b.map);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(SeveralFilters)

BOOST_AUTO_TEST_CASE(EachMapInTurn) {
  const Storyboard s = Plan(TwoFilters());
  // intro, then per map 16 conv + activation + 4 pool, then the summary.
  BOOST_TEST_REQUIRE(s.beats.size() == 1u + 2 * 21 + 1);
  BOOST_TEST(s.walked_map == -1);
  BOOST_TEST(Maps(s) == "0" + std::string(21, '0') + std::string(21, '1') + "1");
  const Beat& conv = s.beats[22];  // map 2's first conv beat
  BOOST_TEST((conv.stage == Stage::Conv));
  BOOST_TEST(conv.heading == "Map 2 of 2 \u00B7 Convolution \u00B7 position 1 of 16");
  // Its caption shows the bias term and the sum with it: -9 - 2.
  BOOST_TEST(conv.caption == "Position (0, 0): 0\u00B71 + 0\u00B71 + 0\u00B71 + 0\u00B70 + 0\u00B70 + 9\u00B70 + "
                             "0\u00B7(\u22121) + 0\u00B7(\u22121) + 9\u00B7(\u22121) + bias (\u22122) = \u221211");
  BOOST_TEST(s.beats.front().caption == "The 6\u00D76 image and 2 filters 3\u00D73: 2 4\u00D74 maps, one per filter");
  BOOST_TEST(s.beats.back().caption ==
             "6\u00D76 image \u2192 2 feature maps 4\u00D74 \u2192 ReLU \u2192 2 max-pooled maps 2\u00D72");
  BOOST_TEST(s.warnings.empty());
}

BOOST_AUTO_TEST_CASE(MapsShareTheBudget) {
  // 30 beats for two maps: 14 each after the intro and summary, so each map
  // goes per row (4 conv + activation + 2 pool = 7), as auto does silently.
  const Storyboard s = Plan(TwoFilters(), 30);
  BOOST_TEST(s.beats.size() == 1u + 2 * 7 + 1);
  BOOST_TEST(s.warnings.empty());
  // An explicit per: cell that cannot be honoured says so once, for both maps.
  BeatsSpec spec;
  spec.per = BeatsPer::Cell;
  spec.max = 30;
  const Storyboard cell = PlanStoryboard(TwoFilters(), ComputeVariant(TwoFilters()), spec);
  BOOST_TEST(cell.beats.size() == 1u + 2 * 7 + 1);
  BOOST_TEST_REQUIRE(cell.warnings.size() == 1u);
  BOOST_TEST(cell.warnings[0].message ==
             "variant 'Vertical edge': the 2 maps share max between them; for each map, per: cell would make 23 "
             "beats, more than max 16; showing one beat per output row (9 beats)");
}

BOOST_AUTO_TEST_CASE(OneChosenMap) {
  const Storyboard s = Plan(TwoFilters(), 400, 2);
  BOOST_TEST(s.walked_map == 1);
  BOOST_TEST(s.beats.size() == 1u + 21 + 1);
  BOOST_TEST(Maps(s) == std::string(23, '1'));
}

BOOST_AUTO_TEST_CASE(OneFilterWithBiasKeepsTheSingleWalk) {
  Variant v = testing::VerticalEdgeVariant();
  v.filter.bias = 1;
  v.filters = {v.filter};
  const Storyboard s = Plan(v);
  BOOST_TEST(s.beats.size() == 23u);
  BOOST_TEST(s.beats[1].heading == "Convolution \u00B7 position 1 of 16");
  BOOST_TEST(s.beats[1].caption.find("+ bias 1 = ") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
