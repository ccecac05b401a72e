// A transposed convolution's frames: one beat per input cell, the scattered
// copy's products naming where each lands (cropped ones said so), the output
// cells' running sums, cells hit by several copies marked by an outline,
// and every frame within bounds with no text overlapping. Worked by hand on
// a 2x2 image, the 3x3 filter 1..9 and stride 2.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "../support/built_frames.h"
#include "compute/compute.h"
#include "scene/layout.h"
#include "scene_checks.h"
#include "storyboard/captions.h"
#include "storyboard/storyboard.h"

using namespace cl;
using namespace cl::testing;

namespace {

Variant SmallTransposed(int crop = 0) {
  Variant v;
  v.label = "Small";
  v.image = Grid::FromRows({{1, 2}, {3, 4}});
  v.filter.name = "Counting";
  v.filter.weights = Grid::FromRows({{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
  v.filters = {v.filter};
  v.conv.transposed = true;
  v.conv.stride_h = v.conv.stride_w = 2;
  v.conv.crop_h = v.conv.crop_w = crop;
  v.activation.type = ActivationType::None;
  v.pool.enabled = false;
  return v;
}


std::vector<std::string> GroupLabels(const Scene& s, const std::string& role) {
  std::vector<std::string> labels;
  for (const SceneItem& item : s.items)
    if (const auto* g = std::get_if<GroupBegin>(&item); g && g->role == role) labels.push_back(g->label);
  return labels;
}

// Rectangles inside the group `id` (cell marks are unfilled outlines).
int OutlinesIn(const Scene& s, const std::string& id) {
  int n = 0, depth = 0;
  for (const SceneItem& item : s.items) {
    if (const auto* g = std::get_if<GroupBegin>(&item)) {
      if (depth > 0 || g->id == id) ++depth;
    } else if (std::holds_alternative<GroupEnd>(item)) {
      if (depth > 0) --depth;
    } else if (const auto* r = std::get_if<RectShape>(&item); r && depth > 0 && !r->has_fill) {
      ++n;
    }
  }
  return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(TransposedFrames)

BOOST_AUTO_TEST_CASE(one_beat_per_input_cell_with_its_arithmetic) {
  const auto b = Build(SmallTransposed());
  // Intro, four inputs, summary (no activation, no pooling).
  BOOST_TEST(b->story.beats.size() == 6u);
  const Beat& second = b->story.beats[2];
  BOOST_TEST((second.stage == Stage::Conv));
  BOOST_TEST(second.first_cell == 1);
  BOOST_TEST(second.heading == "Transposed convolution \u00B7 input 2 of 4");
  // Input (0, 1) = 2 lands on rows 0-2, columns 2-4; column 2 also holds input (0, 0)'s copy.
  BOOST_TEST(second.caption == "Input (0, 1) = 2 adds 2\u00B7filter to output rows 0 to 2, columns 2 to 4; "
                               "3 cells now sum several inputs");
}

BOOST_AUTO_TEST_CASE(output_shows_running_sums_and_marks_overlaps) {
  const auto b = Build(SmallTransposed());
  const Scene s = LayoutBeat(b->input, b->geometry, 2);
  // After inputs (0, 0) and (0, 1): rows 0-2 filled, column 2 the sum of both copies
  // (3 + 2, 6 + 8, 9 + 14); rows 3 and 4 still empty.
  const std::vector<std::string> conv = TextsInGroup(s, "conv");
  for (const char* value : {"5", "14", "23", "4", "6", "10", "12", "16", "18", "7", "8"})
    BOOST_TEST((std::find(conv.begin(), conv.end(), value) != conv.end()), value);
  BOOST_TEST((std::find(conv.begin(), conv.end(), "36") == conv.end()));  // the final centre is not reached yet
  BOOST_TEST(OutlinesIn(s, "overlaps") == 3);  // the three cells of column 2
  BOOST_TEST(FirstOutside(s).empty(), FirstOutside(s));
  BOOST_TEST(FirstTextOverlap(s).empty(), FirstTextOverlap(s));
  BOOST_TEST(GroupsBalanced(s));
}

BOOST_AUTO_TEST_CASE(scaled_copy_names_where_each_product_lands) {
  const auto b = Build(SmallTransposed(1));
  // Input (0, 1)'s copy starts at (-1, 1): its top row and right column are cropped.
  const Scene s = LayoutBeat(b->input, b->geometry, 2);
  const std::vector<std::string> products = GroupLabels(s, "product");
  BOOST_TEST(products.size() == 9u);
  BOOST_TEST(products[0] == "weight 1, lands on (-1, 1) outside the output: cropped");
  BOOST_TEST(products[3] == "weight 4, lands on output (0, 1)");
  BOOST_TEST(products[5] == "weight 6, lands on (0, 3) outside the output: cropped");
  const std::vector<std::string> texts = TextsInGroup(s, "products");
  BOOST_TEST((std::find(texts.begin(), texts.end(), "2\u00B75") != texts.end()));
  BOOST_TEST(b->story.beats[2].caption ==
             "Input (0, 1) = 2 adds 2\u00B7filter to output rows 0 to 1, columns 1 to 2; 5 products cropped; "
             "2 cells now sum several inputs");
}

// Stride 2 with a 2x2 filter and output padding 1: no copies overlap, and
// the last row and column, which no copy reaches, hold the bias from the
// first beat (they once stayed empty until the map was finished).
BOOST_AUTO_TEST_CASE(cells_no_copy_reaches_hold_the_bias_and_no_overlap_note_without_overlaps) {
  Variant v = SmallTransposed();
  v.filter.weights = Grid::FromRows({{1, 2}, {3, 4}});
  v.filter.bias = 0.5;
  v.filters = {v.filter};
  v.conv.output_padding_h = v.conv.output_padding_w = 1;
  BOOST_TEST(!ScatterCopiesOverlap(v));
  BOOST_TEST(ScatterCopiesOverlap(SmallTransposed()));
  const auto b = Build(v);
  BOOST_TEST(b->geometry.overlap_note_y == 0.0);  // no legend line for a mark that never shows
  const Scene s = LayoutBeat(b->input, b->geometry, 1);  // input (0, 0) scattered alone
  // A 5x5 map: (0, 0)'s copy fills rows 0-1, columns 0-1 (1.5, 2.5, 3.5, 4.5);
  // row 4 and column 4 hold 0.5; the rest is empty.
  const std::vector<std::string> conv = TextsInGroup(s, "conv");
  BOOST_TEST(std::count(conv.begin(), conv.end(), "0.5") == 9);
  for (const char* value : {"1.5", "2.5", "3.5", "4.5"})
    BOOST_TEST((std::find(conv.begin(), conv.end(), value) != conv.end()), value);
  BOOST_TEST(GroupLabels(s, "overlaps").empty());
}

BOOST_AUTO_TEST_CASE(every_frame_fits_in_every_layout) {
  for (const FrameLayout layout : {FrameLayout::Wide, FrameLayout::Slides, FrameLayout::Tall}) {
    const auto b = Build(SmallTransposed(1), {}, layout);
    for (int i = 0; i < static_cast<int>(b->story.beats.size()); ++i) {
      const Scene s = LayoutBeat(b->input, b->geometry, i);
      BOOST_TEST(FirstOutside(s).empty(), FrameLayoutName(layout) << " beat " << i << ": " << FirstOutside(s));
      BOOST_TEST(FirstTextOverlap(s).empty(), FrameLayoutName(layout) << " beat " << i << ": " << FirstTextOverlap(s));
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
