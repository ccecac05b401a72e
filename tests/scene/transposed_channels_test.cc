// A transposed convolution with image channels: each input cell's beat
// draws every channel's scaled copy (its value times its own slice), then
// the copies added weight by weight, each sum where it lands; the caption
// names every channel's value and copy. Worked by hand on a 2x2 image of
// two channels (ink [1, 2; 3, 4], paper [5, 6; 7, 8]), slices [1, 0; 0, 1]
// and [2, 1; 0, -1], stride 1.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "scene/layout.h"
#include "scene_checks.h"
#include "storyboard/storyboard.h"

using namespace cl;
using namespace cl::testing;

namespace {

Variant TwoChannelTransposed(int crop = 0) {
  Variant v;
  v.label = "Two channels";
  v.channels = {Grid::FromRows({{1, 2}, {3, 4}}), Grid::FromRows({{5, 6}, {7, 8}})};
  v.channel_names = {"ink", "paper"};
  v.image = v.channels[0];
  v.filter.name = "Mix";
  v.filter.slices = {Grid::FromRows({{1, 0}, {0, 1}}), Grid::FromRows({{2, 1}, {0, -1}})};
  v.filter.weights = v.filter.slices[0];
  v.filters = {v.filter};
  v.conv.transposed = true;
  v.conv.crop_h = v.conv.crop_w = crop;
  v.activation.type = ActivationType::None;
  v.pool.enabled = false;
  return v;
}

struct BuiltChannels {
  Variant variant;
  VariantResult result;
  Storyboard story;
  LayoutInput input;
  FrameGeometry geometry;
};

std::unique_ptr<BuiltChannels> BuildChannels(Variant v, FrameLayout layout = FrameLayout::Wide) {
  auto b = std::make_unique<BuiltChannels>();
  b->variant = std::move(v);
  b->result = ComputeVariant(b->variant);
  b->story = PlanStoryboard(b->variant, b->result, BeatsSpec{});
  b->input = {&b->variant, &b->result, &b->story, MaxAbsValue(b->variant, b->result), MaxAbsWeight(b->variant)};
  b->input.layout = layout;
  b->geometry = PlanFrameGeometry(b->input);
  return b;
}

std::vector<std::string> LabelsOf(const Scene& s, const std::string& role) {
  std::vector<std::string> labels;
  for (const SceneItem& item : s.items)
    if (const auto* g = std::get_if<GroupBegin>(&item); g && g->role == role) labels.push_back(g->label);
  return labels;
}

// The left edge of the first filled rectangle (a cell) in group `id`.
double FirstCellX(const Scene& s, const std::string& id) {
  double x = -1e9;
  testing::VisitGroupItems(s, id, [&](const SceneItem& item) {
    const auto* r = std::get_if<RectShape>(&item);
    if (!r || !r->has_fill) return true;
    x = r->x;
    return false;
  });
  return x;
}

bool Has(const std::vector<std::string>& texts, const std::string& text) {
  return std::find(texts.begin(), texts.end(), text) != texts.end();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(TransposedChannelFrames)

BOOST_AUTO_TEST_CASE(caption_names_every_channels_value_and_copy) {
  const auto b = BuildChannels(TwoChannelTransposed());
  BOOST_TEST(b->story.beats.size() == 6u);
  // Input (0, 1) lands on rows 0-1, columns 1-2; column 1 also holds input (0, 0)'s copy.
  BOOST_TEST(b->story.beats[2].caption ==
             "Input (0, 1) = ink 2 and paper 6 adds 2\u00B7slice ink + 6\u00B7slice paper to output rows 0 to 1, "
             "columns 1 to 2; 2 cells now sum several inputs");
  BOOST_TEST(b->story.beats[2].description.find("has the values ink 2 and paper 6") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(each_channels_copy_then_their_sum) {
  const auto b = BuildChannels(TwoChannelTransposed());
  BOOST_TEST(b->geometry.products.sum_block);
  BOOST_TEST(b->geometry.products.block_x.size() == 3u);
  const Scene s = LayoutBeat(b->input, b->geometry, 2);
  // ink: 2 times its slice; paper: 6 times its slice.
  const std::vector<std::string> ink = TextsInGroup(s, "products-channel-0");
  for (const char* text : {"ink", "2\u00B71", "2\u00B70", "2\u00B7slice ink"}) BOOST_TEST(Has(ink, text), text);
  const std::vector<std::string> paper = TextsInGroup(s, "products-channel-1");
  for (const char* text : {"paper", "6\u00B72", "6\u00B71", "6\u00B70", "6\u00B7(\u22121)", "6\u00B7slice paper", "+"})
    BOOST_TEST(Has(paper, text), text);
  // Added weight by weight: 2 + 12, 0 + 6, 0 + 0, 2 - 6.
  const std::vector<std::string> sum = TextsInGroup(s, "copy-sum");
  for (const char* text : {"=", "14", "6", "0", "\u22124"}) BOOST_TEST(Has(sum, text), text);
  const std::vector<std::string> sums = LabelsOf(s, "sum");
  BOOST_TEST(sums.size() == 4u);
  BOOST_TEST(sums[0] == "sum 14, lands on output (0, 1)");
  BOOST_TEST(sums[3] == "sum \u22124, lands on output (1, 2)");
  // The output's running sums after inputs (0, 0) and (0, 1): (0, 1) holds
  // ink 1·0 + paper 5·1 from the first and 14 from the second.
  const std::vector<std::string> conv = TextsInGroup(s, "conv");
  for (const char* text : {"11", "19", "6", "\u22124"}) BOOST_TEST(Has(conv, text), text);
  BOOST_TEST(FirstOutside(s).empty(), FirstOutside(s));
  BOOST_TEST(FirstTextOverlap(s).empty(), FirstTextOverlap(s));
  BOOST_TEST(GroupsBalanced(s));
}

BOOST_AUTO_TEST_CASE(cropped_sums_are_named_so) {
  const auto b = BuildChannels(TwoChannelTransposed(1));
  // Cropping 1 leaves a 1x1 output: input (0, 0)'s only landing inside is weight (1, 1).
  const Scene s = LayoutBeat(b->input, b->geometry, 1);
  const std::vector<std::string> sums = LabelsOf(s, "sum");
  BOOST_TEST(sums.size() == 4u);
  BOOST_TEST(sums[0] == "sum 11, lands on (-1, -1) outside the output: cropped");
  BOOST_TEST(sums[3] == "sum \u22124, lands on output (0, 0)");
  const std::vector<std::string> products = LabelsOf(s, "product");
  BOOST_TEST(products.size() == 8u);  // both channels' copies
  BOOST_TEST(products[7] == "weight \u22121, lands on output (0, 0)");
}

BOOST_AUTO_TEST_CASE(every_frame_fits_in_every_layout) {
  for (const FrameLayout layout : {FrameLayout::Wide, FrameLayout::Slides, FrameLayout::Tall}) {
    for (const int crop : {0, 1}) {
      const auto b = BuildChannels(TwoChannelTransposed(crop), layout);
      for (int i = 0; i < static_cast<int>(b->story.beats.size()); ++i) {
        const Scene s = LayoutBeat(b->input, b->geometry, i);
        BOOST_TEST(FirstOutside(s).empty(), FrameLayoutName(layout) << " beat " << i << ": " << FirstOutside(s));
        BOOST_TEST(FirstTextOverlap(s).empty(), FrameLayoutName(layout) << " beat " << i << ": " << FirstTextOverlap(s));
        BOOST_TEST(GroupsBalanced(s));
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

// A one-row transposed convolution is a 1-D signal: strips, the filter over
// the output cells each input's copy lands on (stride 2, crop 1: input 1's
// copy starts at output cell 1), the caption in cells, not rows.
BOOST_AUTO_TEST_SUITE(TransposedStrips)

BOOST_AUTO_TEST_CASE(filter_sits_over_the_copy_it_scatters) {
  Variant v;
  v.label = "Signal";
  v.image = Grid::FromRows({{3, -1, 4, 1.5, 5}});
  v.filter.name = "Tent";
  v.filter.weights = Grid::FromRows({{0.5, 1, 0.5}});
  v.filters = {v.filter};
  v.conv.transposed = true;
  v.conv.stride_w = 2;
  v.conv.crop_w = 1;
  v.conv.output_padding_w = 1;
  v.activation.type = ActivationType::None;
  v.pool.enabled = false;
  for (const FrameLayout layout : {FrameLayout::Wide, FrameLayout::Slides, FrameLayout::Tall}) {
    const auto b = BuildChannels(v, layout);
    BOOST_TEST(b->geometry.strips);
    BOOST_TEST(b->result.conv().cols == 10);
    const GridBox& out = b->geometry.conv.grid;
    // Input cell 0 over the centre of its copy, output cells -1 to 1.
    BOOST_TEST(b->geometry.input.grid.x == out.x);
    BOOST_TEST(b->story.beats[2].caption == "Input 1 = \u22121 adds \u22121\u00B7filter to output cells 1 to 3; "
                                            "1 cell now sums several inputs");
    for (int i = 0; i < static_cast<int>(b->story.beats.size()); ++i) {
      const Scene s = LayoutBeat(b->input, b->geometry, i);
      BOOST_TEST(FirstOutside(s).empty(), FrameLayoutName(layout) << " beat " << i << ": " << FirstOutside(s));
      BOOST_TEST(FirstTextOverlap(s).empty(), FrameLayoutName(layout) << " beat " << i << ": " << FirstTextOverlap(s));
      const Beat& beat = b->story.beats[static_cast<std::size_t>(i)];
      if (beat.stage != Stage::Conv) continue;
      // The filter's first cell over output cell 2·input − 1 (cropped taps left of the output).
      const int input = beat.first_cell;
      BOOST_TEST(FirstCellX(s, "filter") == out.x + (2 * input - 1) * out.cell, "beat " << i);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
