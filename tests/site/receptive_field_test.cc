// Receptive fields worked out by hand: the default lesson (valid 3x3 conv,
// 2x2/2 max pool) and a padded, strided, dilated one, plus the Explore data's
// captions against the storyboard's own beats.
#include <boost/test/unit_test.hpp>

#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "built_by_hand.h"
#include "messages/messages.h"
#include "site/built_lesson.h"
#include "site/receptive_field.h"
#include "storyboard/captions.h"
#include "../support/default_lesson.h"

namespace {

using Cells = std::set<std::pair<int, int>>;

// Padded-input indices as (row, column) pairs of the padded input.
Cells AsCells(const std::vector<int>& indices, int padded_cols) {
  Cells out;
  for (int i : indices) out.insert({i / padded_cols, i % padded_cols});
  return out;
}

Cells Rectangle(int row0, int row1, int col0, int col1) {
  Cells out;
  for (int r = row0; r <= row1; ++r)
    for (int c = col0; c <= col1; ++c) out.insert({r, c});
  return out;
}

// A 7x7 image, 3x3 filter, zero padding of 1, stride 2, dilation 2: the
// window of output (r, c) reads padded rows 2r, 2r+2, 2r+4 (and the same for
// columns). Output side (7 + 2 - 5) / 2 + 1 = 3.
cl::Variant PaddedStridedDilated() {
  cl::Variant v = cl::testing::SizedVariant(7, 7, 3, 3);
  v.conv.pad_top = v.conv.pad_bottom = v.conv.pad_left = v.conv.pad_right = 1;
  v.conv.stride_h = v.conv.stride_w = 2;
  v.conv.dilation_h = v.conv.dilation_w = 2;
  v.pool.size_h = v.pool.size_w = 2;
  v.pool.stride_h = v.pool.stride_w = 1;
  return v;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ReceptiveFields)

BOOST_AUTO_TEST_CASE(DefaultLessonPooledCellZeroOneReadsRowsZeroToThreeColumnsTwoToFive) {
  const cl::Variant v = cl::testing::VerticalEdgeVariant();
  const cl::VariantResult r = cl::ComputeVariant(v);
  const cl::ReceptiveField f = cl::PoolCellField(v, r.activated(), 0, 1);
  BOOST_TEST((AsCells(f.input, 6) == Rectangle(0, 3, 2, 5)));
  // The window on the 4x4 feature map: rows 0-1, columns 2-3.
  BOOST_TEST((f.map == std::vector<int>{2, 3, 6, 7}));
}

BOOST_AUTO_TEST_CASE(DefaultLessonConvCellReadsItsThreeByThreeWindow) {
  const cl::Variant v = cl::testing::VerticalEdgeVariant();
  const cl::ReceptiveField f = cl::ConvCellField(v, 1, 2);
  BOOST_TEST((AsCells(f.input, 6) == Rectangle(1, 3, 2, 4)));
  BOOST_TEST(f.map.empty());
}

BOOST_AUTO_TEST_CASE(PaddingStrideAndDilationSkipRowsAndReachIntoThePadding) {
  const cl::Variant v = PaddedStridedDilated();
  BOOST_TEST(cl::PaddedRows(v) == 9);
  BOOST_TEST(cl::PaddedCols(v) == 9);
  // Output (0, 0): padded rows and columns 0, 2, 4; row and column 0 are padding.
  Cells want;
  for (int r : {0, 2, 4})
    for (int c : {0, 2, 4}) want.insert({r, c});
  BOOST_TEST((AsCells(cl::ConvCellField(v, 0, 0).input, 9) == want));
  // Output (1, 2): rows 2, 4, 6 and columns 4, 6, 8 (column 8 is the right padding).
  want.clear();
  for (int r : {2, 4, 6})
    for (int c : {4, 6, 8}) want.insert({r, c});
  BOOST_TEST((AsCells(cl::ConvCellField(v, 1, 2).input, 9) == want));
  // Pooled (0, 0), a 2x2 window with stride 1 over the 3x3 map: conv cells
  // (0..1, 0..1), so padded rows and columns 0, 2, 4, 6.
  const cl::VariantResult r = cl::ComputeVariant(v);
  BOOST_TEST(r.conv().rows == 3);
  const cl::ReceptiveField pooled = cl::PoolCellField(v, r.activated(), 0, 0);
  want.clear();
  for (int rr : {0, 2, 4, 6})
    for (int c : {0, 2, 4, 6}) want.insert({rr, c});
  BOOST_TEST((AsCells(pooled.input, 9) == want));
  BOOST_TEST((pooled.map == std::vector<int>{0, 1, 3, 4}));
}

BOOST_AUTO_TEST_CASE(ExploreDataCarriesEachCellsBeatCaption) {
  cl::Lesson lesson = cl::testing::DefaultLesson();
  const cl::BuiltLesson built = cl::testing::BuildByHand(lesson, {"vertical-edge", "horizontal-edge"});
  const nlohmann::ordered_json j = cl::ExploreJson(built);
  const auto& maps = j["variants"][0]["maps"];
  BOOST_TEST(maps.size() == 4u);
  BOOST_TEST(maps[0]["key"] == "input");
  BOOST_TEST(maps[3]["key"] == "pooled");
  // Every per-cell beat's caption is the Explore caption of its cell.
  const cl::BuiltVariant& bv = built.variants[0];
  int checked = 0;
  for (const cl::Beat& beat : bv.story.beats) {
    if (beat.first_cell != beat.last_cell) continue;
    if (beat.stage == cl::Stage::Conv) {
      BOOST_TEST(maps[1]["cells"][beat.first_cell][0].get<std::string>() == beat.caption);
      ++checked;
    } else if (beat.stage == cl::Stage::Pool) {
      BOOST_TEST(maps[3]["cells"][beat.first_cell][0].get<std::string>() == beat.caption);
      ++checked;
    }
  }
  BOOST_TEST(checked == 16 + 4);
  BOOST_TEST(maps[2]["cells"][1][0].get<std::string>() == "ReLU(\u221218) = 0");
  BOOST_TEST(maps[0]["cells"][8][0].get<std::string>() == "Pixel (1, 2) = 9");
}

// The Explore section's arithmetic is in the course's language, as the
// beats' captions are: a German course's pooled cells read "Maximum von".
BOOST_AUTO_TEST_CASE(ExploreCaptionsAreInTheCoursesLanguage) {
  const cl::Lesson lesson = cl::testing::DefaultLesson();
  const cl::BuiltLesson built = cl::BuildLesson(lesson, std::nullopt, cl::MessagesFor("de"));
  const nlohmann::ordered_json j = cl::ExploreJson(built);
  const auto& maps = j["variants"][0]["maps"];
  int checked = 0;
  for (const cl::Beat& beat : built.variants[0].story.beats) {
    if (beat.first_cell != beat.last_cell || (beat.stage != cl::Stage::Conv && beat.stage != cl::Stage::Pool)) continue;
    const auto& map = maps[beat.stage == cl::Stage::Conv ? 1 : 3];
    BOOST_TEST(map["cells"][beat.first_cell][0].get<std::string>() == beat.caption);
    ++checked;
  }
  BOOST_TEST(checked == 16 + 4);
  BOOST_TEST(maps[3]["cells"][0][0].get<std::string>().starts_with("Maximum von "));
}

// Without an activation there is no map after it: the section once showed
// "After No activation", a copy of the feature map.
BOOST_AUTO_TEST_CASE(NoActivationHasNoActivatedGrid) {
  cl::Lesson lesson = cl::testing::DefaultLesson();
  for (cl::Variant& v : lesson.variants) v.activation.type = cl::ActivationType::None;
  const cl::BuiltLesson built = cl::testing::BuildByHand(lesson, {"vertical-edge", "horizontal-edge"});
  const nlohmann::ordered_json j = cl::ExploreJson(built);
  const auto& maps = j["variants"][0]["maps"];
  BOOST_TEST_REQUIRE(maps.size() == 3u);
  BOOST_TEST(maps[1]["key"] == "conv");
  BOOST_TEST(maps[2]["key"] == "pooled");
}

BOOST_AUTO_TEST_CASE(LargeVariantsAreNotExplorable) {
  cl::Lesson lesson = cl::testing::DefaultLesson();
  lesson.variants = {cl::testing::SizedVariant(40, 40, 3, 3)};
  const cl::BuiltLesson built = cl::testing::BuildByHand(lesson, {"sized"});
  BOOST_TEST(!cl::Explorable(built.variants[0]));
  BOOST_TEST(cl::ExploreJson(built)["variants"][0]["explorable"] == false);
}

BOOST_AUTO_TEST_SUITE_END()
