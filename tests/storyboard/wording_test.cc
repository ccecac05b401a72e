// Wording: settings in words (one writer for captions, `compute` and the
// dumps), how windows near and in the padding are described, how beats are
// named and counted, and the animation plan.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "../support/default_lesson.h"
#include "messages/messages.h"
#include "storyboard/headings.h"
#include "storyboard/settings_text.h"
#include "storyboard/storyboard.h"

namespace bdata = boost::unit_test::data;
using namespace cl;

namespace {

Storyboard Plan(const Variant& v, BeatsPer per = BeatsPer::Auto) {
  BeatsSpec spec;
  spec.per = per;
  return PlanStoryboard(v, ComputeVariant(v), spec);
}

// A w x h image of distinct positive values (1, 2, 3, ...) and a k x k filter of 1s.
Variant Ramp(int rows, int cols, int k) {
  Variant v;
  v.label = "Ramp";
  v.image = Grid(rows, cols);
  for (int i = 0; i < rows * cols; ++i) v.image.Edit().values[static_cast<std::size_t>(i)] = i + 1;
  v.filter = {"Box", Grid(k, k, 1.0)};
  v.pool.enabled = false;
  return v;
}

// The description of the conv beat that writes output cell (row, col).
std::string ConvDescription(const Storyboard& s, int cols, int row, int col) {
  for (const Beat& b : s.beats)
    if (b.stage == Stage::Conv && b.first_cell == row * cols + col) return b.description;
  return "no such beat";
}

struct ConvWordsCase {
  ConvSpec conv;
  const char* padding;
  const char* settings;
};
std::ostream& operator<<(std::ostream& os, const ConvWordsCase& c) { return os << c.settings; }

}  // namespace

BOOST_AUTO_TEST_SUITE(Wording)

BOOST_DATA_TEST_CASE(ConvSettingsHaveOneWording,
                     bdata::make(std::vector<ConvWordsCase>{
                         {ConvSpec{}, "no padding", "no padding, stride 1"},
                         {{.pad_top = 1, .pad_bottom = 1, .pad_left = 1, .pad_right = 1, .same = true, .stride_h = 2,
                           .stride_w = 2},
                          "same padding of 1 on every side", "same padding of 1 on every side, stride 2"},
                         {{.pad_top = 2, .pad_bottom = 2, .pad_left = 2, .pad_right = 2},
                          "zero padding of 2 on every side", "zero padding of 2 on every side, stride 1"},
                         {{.pad_top = 2, .pad_bottom = 2, .pad_left = 1, .pad_right = 1},
                          "zero padding of 2 top and bottom and 1 left and right",
                          "zero padding of 2 top and bottom and 1 left and right, stride 1"},
                         {{.pad_top = 0, .pad_bottom = 1, .pad_left = 0, .pad_right = 1, .same = true, .stride_h = 2,
                           .stride_w = 2},
                          "same padding of 0 top, 1 bottom, 0 left and 1 right",
                          "same padding of 0 top, 1 bottom, 0 left and 1 right, stride 2"},
                         {{.pad_top = 1, .pad_bottom = 0, .pad_left = 2, .pad_right = 0},
                          "zero padding of 1 top, 0 bottom, 2 left and 0 right",
                          "zero padding of 1 top, 0 bottom, 2 left and 0 right, stride 1"},
                         {{.same = true, .stride_h = 1, .stride_w = 3}, "same padding, none needed",
                          "same padding, none needed, stride 1 down and 3 across"},
                         {{.dilation_h = 2, .dilation_w = 2}, "no padding", "no padding, stride 1, dilation 2"},
                         {{.stride_h = 2, .stride_w = 1, .dilation_h = 1, .dilation_w = 3}, "no padding",
                          "no padding, stride 2 down and 1 across, dilation 1 down and 3 across"},
                     }),
                     c) {
  BOOST_TEST(PaddingWords(c.conv) == c.padding);
  BOOST_TEST(ConvSettingsWords(c.conv) == c.settings);
}

BOOST_AUTO_TEST_CASE(StrideDilationAndPoolInWords) {
  BOOST_TEST(StrideWords(2, 2) == "stride 2");
  BOOST_TEST(StrideWords(2, 1) == "stride 2 down and 1 across");
  BOOST_TEST(DilationWords(ConvSpec{}) == "");
  BOOST_TEST(DilationWords(ConvSpec{.dilation_h = 2, .dilation_w = 2}) == "dilation 2");
  BOOST_TEST(PoolSettingsWords(PoolSpec{}) == "2\u00D72 max pooling with stride 2");
  BOOST_TEST(PoolSettingsWords(PoolSpec{}, EnglishMessages(), SizeGlyph::AsciiX) == "2x2 max pooling with stride 2");
  BOOST_TEST(PoolSettingsWords({.type = PoolType::Avg, .size_h = 3, .size_w = 2, .stride_h = 1, .stride_w = 2,
                                .remainder = Remainder::Pad}) ==
             "3\u00D72 average pooling with stride 1 down and 2 across, keeping the partial windows at the edge");
}

// The storyboard and its captions use exactly these words.
BOOST_AUTO_TEST_CASE(StoryboardCarriesTheSettingsWords) {
  Variant v = Ramp(4, 4, 3);
  v.conv = {.pad_top = 1, .pad_bottom = 1, .pad_left = 1, .pad_right = 1, .same = true};
  v.pool = PoolSpec{};
  const Storyboard s = Plan(v);
  BOOST_TEST(s.conv_settings == "same padding of 1 on every side, stride 1");
  BOOST_TEST(s.pool_settings == "2\u00D72 max pooling with stride 2");
  BOOST_TEST(s.beats[0].description.find("slides over the image with same padding of 1 on every side, stride 1, so "
                                         "the feature map is 4\u00D74") != std::string::npos);
  BOOST_TEST(s.beats[0].description.find("pooling makes it 2\u00D72: 2\u00D72 max pooling with stride 2.") !=
             std::string::npos);
  BOOST_TEST(Plan(Ramp(3, 3, 3)).pool_settings == "");
}

// The intro's caption, on the frame itself, names settings that change the
// map's size; the plainest (no padding, stride 1) go unsaid.
BOOST_AUTO_TEST_CASE(IntroCaptionNamesSettingsThatMatter) {
  BOOST_TEST(Plan(Ramp(4, 4, 3)).beats[0].caption ==
             "The 4\u00D74 image and the 3\u00D73 Box filter: the feature map will be 2\u00D72");
  Variant v = Ramp(9, 9, 3);
  v.conv = {.pad_top = 1, .pad_bottom = 1, .pad_left = 1, .pad_right = 1, .same = true, .stride_h = 2, .stride_w = 2};
  BOOST_TEST(Plan(v).beats[0].caption ==
             "The 9\u00D79 image and the 3\u00D73 Box filter (same padding of 1 on every side, stride 2): the feature "
             "map will be 5\u00D75");
  Variant d = Ramp(5, 5, 3);
  d.conv = {.dilation_h = 2, .dilation_w = 2};
  BOOST_TEST(Plan(d).beats[0].caption ==
             "The 5\u00D75 image and the 3\u00D73 Box filter (no padding, stride 1, dilation 2): the feature map will "
             "be 1\u00D71");
}

// Symmetric padding: corner and edge windows reach into it, inner ones do not.
BOOST_AUTO_TEST_CASE(SymmetricPaddingWindows) {
  Variant v = Ramp(4, 4, 3);
  v.conv = {.pad_top = 1, .pad_bottom = 1, .pad_left = 1, .pad_right = 1, .same = true};
  const Storyboard s = Plan(v);
  BOOST_TEST(ConvDescription(s, 4, 0, 0) ==
             "The 3\u00D73 filter covers rows 0 to 1 and columns 0 to 1 of the image and reaches into the zero "
             "padding. Each pixel it reads is multiplied by the weight over it, and the 9 products add up to 14, the "
             "feature map's value at (0, 0).");
  BOOST_TEST(ConvDescription(s, 4, 1, 1).starts_with(
      "The 3\u00D73 filter covers rows 0 to 2 and columns 0 to 2 of the image. Each pixel"));
  BOOST_TEST(ConvDescription(s, 4, 3, 2).starts_with(
      "The 3\u00D73 filter covers rows 2 to 3 and columns 1 to 3 of the image and reaches into the zero padding."));
}

// Asymmetric padding (bottom and right only): the first window sits wholly on
// the image, the last reaches into the padding.
BOOST_AUTO_TEST_CASE(AsymmetricPaddingWindows) {
  Variant v = Ramp(4, 4, 3);
  v.conv = {.pad_top = 0, .pad_bottom = 1, .pad_left = 0, .pad_right = 1};
  const Storyboard s = Plan(v);
  BOOST_TEST(s.beats[0].description.find("with zero padding of 0 top, 1 bottom, 0 left and 1 right, stride 1, so the "
                                         "feature map is 3\u00D73.") != std::string::npos);
  BOOST_TEST(ConvDescription(s, 3, 0, 0).starts_with(
      "The 3\u00D73 filter covers rows 0 to 2 and columns 0 to 2 of the image. Each pixel"));
  BOOST_TEST(ConvDescription(s, 3, 2, 2).starts_with(
      "The 3\u00D73 filter covers rows 2 to 3 and columns 2 to 3 of the image and reaches into the zero padding."));
  BOOST_TEST(ConvDescription(s, 3, 0, 2).starts_with(
      "The 3\u00D73 filter covers rows 0 to 2 and columns 2 to 3 of the image and reaches into the zero padding."));
}

// A window can lie wholly in a wide padding: it reads only zeros.
BOOST_AUTO_TEST_CASE(WindowWhollyInThePadding) {
  Variant v = Ramp(1, 1, 2);
  v.conv = {.pad_top = 3, .pad_bottom = 3, .pad_left = 3, .pad_right = 3};
  const Storyboard s = Plan(v);  // padded 7x7, feature map 6x6
  BOOST_TEST(ConvDescription(s, 6, 0, 0) ==
             "The 2\u00D72 filter lies wholly in the zero padding. Each pixel it reads is multiplied by the weight "
             "over it, and the 4 products add up to 0, the feature map's value at (0, 0).");
  BOOST_TEST(s.beats[1].caption == "Position (0, 0): 0\u00B71 + 0\u00B71 + 0\u00B71 + 0\u00B71 = 0");
  BOOST_TEST(ConvDescription(s, 6, 2, 2).starts_with(
      "The 2\u00D72 filter covers row 0 and column 0 of the image and reaches into the zero padding."));
}

// A clipped pooling window of one cell, and a summary with nothing negative:
// "covers rows 4 and columns 4 … the largest of its 1 value" and "ReLU
// cleared its 0 negative cells" read wrong.
BOOST_AUTO_TEST_CASE(OneCellWindowsAndNothingNegative) {
  Variant v = Ramp(5, 5, 1);
  v.activation.type = ActivationType::Relu;
  v.pool = {.enabled = true, .type = PoolType::Max, .size_h = 2, .size_w = 2, .stride_h = 2, .stride_w = 2,
            .remainder = Remainder::Pad};
  const Storyboard s = Plan(v, BeatsPer::Cell);
  const auto corner = std::find_if(s.beats.begin(), s.beats.end(), [](const Beat& b) {
    return b.stage == Stage::Pool && b.first_cell == 8;  // pooled (2, 2), over map cell (4, 4) alone
  });
  BOOST_TEST_REQUIRE((corner != s.beats.end()));
  BOOST_TEST(corner->description ==
             "The 2\u00D72 pooling window covers row 4 and column 4 of the activated map, clipped at its edge; its "
             "only value, 25 at (4, 4), becomes the pooled value at (2, 2).");
  BOOST_TEST(s.beats.back().description.find("ReLU kept every cell, none being negative") != std::string::npos,
             s.beats.back().description);
}

// Stride moves the window by its step; the columns named follow.
BOOST_AUTO_TEST_CASE(StrideWindows) {
  Variant v = Ramp(5, 5, 3);
  v.conv = {.stride_h = 2, .stride_w = 2};
  const Storyboard s = Plan(v);  // 2x2
  BOOST_TEST(s.beats[0].description.find("with no padding, stride 2, so the feature map is 2\u00D72.") !=
             std::string::npos);
  BOOST_TEST(ConvDescription(s, 2, 0, 1).starts_with("The 3\u00D73 filter covers rows 0 to 2 and columns 2 to 4 of the "
                                                     "image. Each pixel"));
  BOOST_TEST(ConvDescription(s, 2, 1, 0).starts_with("The 3\u00D73 filter covers rows 2 to 4 and columns 0 to 2 of the "
                                                     "image. Each pixel"));
  Variant rows = Ramp(5, 5, 3);
  rows.conv = {.stride_h = 2, .stride_w = 1};
  const Storyboard r = Plan(rows, BeatsPer::Row);
  BOOST_TEST(r.beats[1].description ==
             "The 3\u00D73 filter slides along output row 0 with stride 2 down and 1 across and writes 3 values of the "
             "feature map.");
}

// Dilation spreads the taps: the window spans more of the image than the filter.
BOOST_AUTO_TEST_CASE(DilatedWindows) {
  Variant v = Ramp(5, 5, 3);
  v.conv = {.dilation_h = 2, .dilation_w = 2};
  const Storyboard s = Plan(v);  // 1x1
  BOOST_TEST(s.beats[0].description.find("with no padding, stride 1, dilation 2, so the feature map is 1\u00D71.") !=
             std::string::npos);
  // Taps at rows and columns 0, 2, 4: 1+3+5 + 11+13+15 + 21+23+25 = 117.
  BOOST_TEST(ConvDescription(s, 1, 0, 0) ==
             "The 3\u00D73 filter covers rows 0 to 4 and columns 0 to 4 of the image, reading only the pixels its "
             "dilated weights land on. Each pixel it reads is multiplied by the weight over it, and the 9 products add "
             "up to 117, the feature map's value at (0, 0).");
  BOOST_TEST(s.beats[1].caption == "Position (0, 0): 1\u00B71 + 3\u00B71 + 5\u00B71 + 11\u00B71 + 13\u00B71 + 15\u00B71 + "
                                   "21\u00B71 + 23\u00B71 + 25\u00B71 = 117");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(Headings)

// Steps count every beat of the variant; positions count within the stage.
BOOST_AUTO_TEST_CASE(StepsAndPositionsOnTheDefaultLesson) {
  const Storyboard s = Plan(testing::VerticalEdgeVariant());
  BOOST_REQUIRE(s.beats.size() == 23u);
  for (std::size_t i = 0; i < s.beats.size(); ++i)
    BOOST_TEST(s.beats[i].step == "Step " + std::to_string(i + 1) + " of 23");
  BOOST_TEST(s.beats[0].heading == "The image and the filter");
  BOOST_TEST(s.beats[1].heading == "Convolution \u00B7 position 1 of 16");
  BOOST_TEST(s.beats[8].step == "Step 9 of 23");
  BOOST_TEST(s.beats[8].heading == "Convolution \u00B7 position 8 of 16");
  BOOST_TEST(s.beats[8].title == "Vertical edge \u00B7 Convolution \u00B7 position 8 of 16");
  BOOST_TEST(s.beats[8].stage_title == "Convolution");
  BOOST_TEST(s.beats[17].heading == "ReLU");
  BOOST_TEST(s.beats[18].heading == "Max pooling \u00B7 position 1 of 4");
  BOOST_TEST(s.beats[18].stage_title == "Max pooling");
  BOOST_TEST(s.beats[21].heading == "Max pooling \u00B7 position 4 of 4");
  BOOST_TEST(s.beats[22].heading == "Summary");
}

// A caption's equation holds as shown: a value under 0.001 is never
// printed as 0 ("(0)·1 = −0.00012"), and terms rounded to fit make the
// result "≈", not "=" ("100000·1 = 99999.5").
BOOST_AUTO_TEST_CASE(CaptionEquationsHoldAsShown) {
  Variant v;
  v.label = "Rounding";
  v.image = Grid::FromRows({{-0.00012, 99999.5, 0.25, 3}});
  v.filter = {"One", Grid::FromRows({{1}})};
  v.activation.type = ActivationType::None;
  v.pool.enabled = false;
  const Storyboard s = Plan(v, BeatsPer::Cell);
  std::vector<std::string> captions;
  for (const Beat& b : s.beats) captions.push_back(b.caption);
  const auto has = [&](const std::string& text) {
    return std::find(captions.begin(), captions.end(), text) != captions.end();
  };
  BOOST_TEST(has("Position 0: (\u22121e-04)\u00b71 \u2248 \u22120.00012"));
  BOOST_TEST(has("Position 1: 100000\u00b71 \u2248 99999.5"));
  BOOST_TEST(has("Position 2: 0.25\u00b71 = 0.25"));  // shown as it is: "="
}

// A one-row image padded above and below is a grid: its map has rows, and
// its captions name them (they once read "Position 1" for three cells).
BOOST_AUTO_TEST_CASE(APaddedRowIsAGrid) {
  Variant v;
  v.label = "Strip";
  v.image = Grid::FromRows({{-7, -1, -9, 1}});
  v.filter = {"Double", Grid::FromRows({{2}})};
  v.conv.pad_top = v.conv.pad_bottom = v.conv.pad_left = v.conv.pad_right = 1;
  v.activation.type = ActivationType::None;
  v.pool.enabled = false;
  BOOST_TEST(!IsSignal(v));
  const Storyboard s = Plan(v, BeatsPer::Cell);
  std::vector<std::string> captions;
  for (const Beat& b : s.beats) captions.push_back(b.caption);
  BOOST_TEST((std::find(captions.begin(), captions.end(), "Position (1, 1): (\u22127)\u00b72 = \u221214") !=
              captions.end()));
  v.conv.pad_top = v.conv.pad_bottom = 0;  // padded at its ends only: still a signal
  BOOST_TEST(IsSignal(v));
}

BOOST_AUTO_TEST_CASE(RowBeatsCountParts) {
  const Storyboard s = Plan(testing::VerticalEdgeVariant(), BeatsPer::Row);
  BOOST_TEST(s.beats[1].heading == "Convolution \u00B7 part 1 of 4");
  BOOST_TEST(s.beats[4].heading == "Convolution \u00B7 part 4 of 4");
  BOOST_TEST(s.beats[6].heading == "Max pooling \u00B7 part 1 of 2");
  BOOST_TEST(s.beats[6].step == "Step 7 of 9");
}

struct LabelCase {
  const char* label;
  int beat;
  const char* heading;
};
std::ostream& operator<<(std::ostream& os, const LabelCase& c) { return os << c.label << " " << c.beat; }

// A heading never repeats a word of the variant's label.
BOOST_DATA_TEST_CASE(HeadingsGiveWayToTheLabel,
                     bdata::make(std::vector<LabelCase>{
                         {"Leaky ReLU", 17, "Activation"},
                         {"ReLU and activation", 17, "Nonlinearity"},
                         {"Convolution demo", 3, "position 3 of 16"},
                         {"Max pooling", 19, "position 2 of 4"},
                         {"Pooling by max", 19, "position 2 of 4"},
                         {"Average", 19, "Max pooling \u00B7 position 2 of 4"},
                         {"Image blur", 0, "Introduction"},
                         {"Introduction to the image", 0, "Start"},
                         {"Summary of edges", 22, "Result"},
                         {"Laplacian on the diagonal", 0, "The image and the filter"},  // small words may repeat
                     }),
                     c) {
  Variant v = testing::VerticalEdgeVariant();
  v.label = c.label;
  if (std::string(c.label) == "Leaky ReLU") v.activation = {ActivationType::LeakyRelu, 0.25};
  const Storyboard s = Plan(v);
  BOOST_TEST(s.beats.at(static_cast<std::size_t>(c.beat)).heading == c.heading);
  for (const Beat& b : s.beats) BOOST_TEST(!RepeatsAWord(v.label, b.heading), b.title);
}

BOOST_AUTO_TEST_CASE(RepeatedWordsAreFoundIgnoringCaseSmallWordsAndNumbers) {
  BOOST_TEST(RepeatsAWord("Leaky ReLU", "Leaky ReLU"));
  BOOST_TEST(RepeatsAWord("leaky relu", "Leaky ReLU"));
  BOOST_TEST(RepeatsAWord("Sobel x on a checkerboard", "Convolution \u00B7 position 1 of 25") == false);
  BOOST_TEST(RepeatsAWord("Filter 3 of 4", "Convolution \u00B7 position 3 of 4") == false);
  BOOST_TEST(RepeatsAWord("Détecté image", "The image and the filter"));
  BOOST_TEST(StepText(9, 23) == "Step 9 of 23");
  BOOST_TEST(FrameTitle("Leaky ReLU", "Activation") == "Leaky ReLU \u00B7 Activation");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(Animation)

BOOST_AUTO_TEST_CASE(EveryBeatOnceHeldForItsStage) {
  BOOST_TEST(StageHoldMs(Stage::Intro) == 1500);
  BOOST_TEST(StageHoldMs(Stage::Conv) == 800);
  BOOST_TEST(StageHoldMs(Stage::Activation) == 2000);
  BOOST_TEST(StageHoldMs(Stage::Pool) == 1200);
  BOOST_TEST(StageHoldMs(Stage::Summary) == 3000);
  const Storyboard s = Plan(testing::VerticalEdgeVariant());
  const AnimationPlan& a = s.animation;
  BOOST_REQUIRE(a.frames.size() == 23u);
  for (std::size_t i = 0; i < a.frames.size(); ++i) {
    BOOST_TEST(a.frames[i].beat == static_cast<int>(i));
    BOOST_TEST(a.frames[i].hold_ms == StageHoldMs(s.beats[i].stage));
  }
  BOOST_TEST(CycleMs(a) == 24100);  // 1500 + 16 * 800 + 2000 + 4 * 1200 + 3000
  BOOST_TEST(a.still_beat == 22);
  BOOST_TEST(a.palette_beats == (std::vector<int>{0, 1, 17, 18, 22}), boost::test_tools::per_element());
  BOOST_TEST(a.description ==
             "An animation of 23 steps in a loop: 1 introduction, 16 convolution steps, 1 activation step, 4 pooling "
             "steps and 1 summary. Last step: " + s.beats[22].caption);
  BOOST_TEST(AnimationTitle("Convolve, ReLU, pool", "Vertical edge") ==
             "Convolve, ReLU, pool: Vertical edge (animation)");
  // In the course's language, as the animation's description is.
  BOOST_TEST(AnimationTitle("Kanten", "Sobel x", MessagesFor("de")) == "Kanten: Sobel x (Animation)");
}

BOOST_AUTO_TEST_SUITE_END()

// English puts "an" before eight, eleven and eighteen: the sentences that
// name a size do so without an article ("The 8×8 image", "pooling makes it
// 8×8"), so none reads "A 8×8".
BOOST_AUTO_TEST_CASE(NoArticleBeforeASize) {
  for (const int side : {8, 11, 16, 18}) {
    Variant v = testing::SizedVariant(side, side, 1, 1);
    v.pool.size_h = v.pool.size_w = v.pool.stride_h = v.pool.stride_w = 1;  // maps of `side` too
    for (const Beat& b : Plan(v).beats) {
      for (const std::string& text : {b.caption, b.description, b.title}) {
        BOOST_TEST_CONTEXT(text) {
          for (const char* article : {"A ", "a ", "An ", "an "})
            for (const int n : {side, 1, 8})
              BOOST_TEST(text.find(article + std::to_string(n) + "\u00D7") == std::string::npos);
        }
      }
    }
  }
}

// A maximum is one of its window's values, exact however the others were
// rounded in the list; an average of rounded values is not.
BOOST_AUTO_TEST_CASE(AMaximumIsExactAnAverageOfRoundedValuesIsNot) {
  Variant v = testing::SizedVariant(2, 2, 1, 1);
  v.filter.weights.at(0, 0) = 1;
  v.image.Edit().at(0, 0) = 1.0 / 3;
  v.image.Edit().at(0, 1) = 2;
  v.image.Edit().at(1, 0) = 0;
  v.image.Edit().at(1, 1) = 1;
  v.activation.type = ActivationType::None;
  v.pool.size_h = v.pool.size_w = v.pool.stride_h = v.pool.stride_w = 2;
  const auto caption_of_pool = [](const Storyboard& s) {
    for (const Beat& b : s.beats)
      if (b.stage == Stage::Pool) return b.caption;
    return std::string();
  };
  BOOST_TEST(caption_of_pool(Plan(v)) == "Max of 0.333, 2, 0, 1 = 2 at (0, 0)");
  v.pool.type = PoolType::Avg;
  BOOST_TEST(caption_of_pool(Plan(v)) == "Average of 0.333, 2, 0, 1 \u2248 0.833 at (0, 0)");
}
