#define BOOST_TEST_MODULE storyboard
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "../support/default_lesson.h"
#include "storyboard/captions.h"
#include "storyboard/storyboard.h"

namespace bdata = boost::unit_test::data;
using namespace cl;

namespace cl {
std::ostream& operator<<(std::ostream& os, Stage s) { return os << StageName(s); }
std::ostream& operator<<(std::ostream& os, Severity s) { return os << (s == Severity::Error ? "error" : "warning"); }
}  // namespace cl

namespace {

Storyboard Plan(const Variant& v, BeatsPer per = BeatsPer::Auto, int max = 400) {
  BeatsSpec spec;
  spec.per = per;
  spec.max = max;
  spec.where = {"lessons/x.yaml", 7, 3};
  return PlanStoryboard(v, ComputeVariant(v), spec);
}

std::string Stages(const Storyboard& s) {
  std::string out;
  for (const Beat& b : s.beats) {
    if (!out.empty()) out += ' ';
    out += StageName(b.stage);
  }
  return out;
}

int Count(const Storyboard& s, Stage stage) {
  int n = 0;
  for (const Beat& b : s.beats) n += b.stage == stage;
  return n;
}

}  // namespace

BOOST_AUTO_TEST_CASE(DefaultLessonHas23BeatsPerVariant) {
  for (const Variant& v : testing::DefaultLesson().variants) {
    const Storyboard s = Plan(v);
    BOOST_TEST(s.label == v.label);
    BOOST_TEST(s.beats.size() == 23u);
    BOOST_TEST(s.warnings.empty());
    BOOST_TEST(Count(s, Stage::Intro) == 1);
    BOOST_TEST(Count(s, Stage::Conv) == 16);
    BOOST_TEST(Count(s, Stage::Activation) == 1);
    BOOST_TEST(Count(s, Stage::Pool) == 4);
    BOOST_TEST(Count(s, Stage::Summary) == 1);
    BOOST_TEST(s.beats.front().stage == Stage::Intro);
    BOOST_TEST(s.beats.back().stage == Stage::Summary);
  }
}

BOOST_AUTO_TEST_CASE(BeatsRecordWhatIsFilled) {
  const Storyboard s = Plan(testing::VerticalEdgeVariant());
  // intro, 16 conv, activation, 4 pool, summary
  BOOST_TEST(s.beats[0].conv_filled == 0);
  BOOST_TEST(!s.beats[0].activated);
  for (int i = 1; i <= 16; ++i) {
    BOOST_TEST(s.beats[i].first_cell == i - 1);
    BOOST_TEST(s.beats[i].last_cell == i - 1);
    BOOST_TEST(s.beats[i].conv_filled == i);
    BOOST_TEST(!s.beats[i].activated);
    BOOST_TEST(s.beats[i].pool_filled == 0);
  }
  BOOST_TEST(s.beats[17].activated);
  BOOST_TEST(s.beats[17].conv_filled == 16);
  for (int i = 18; i <= 21; ++i) {
    BOOST_TEST(s.beats[i].first_cell == i - 18);
    BOOST_TEST(s.beats[i].pool_filled == i - 17);
  }
  BOOST_TEST(s.beats[22].pool_filled == 4);
  BOOST_TEST(s.beats[22].activated);
}

struct CaptionCase {
  int variant;  // 0 vertical, 1 horizontal
  int beat;
  const char* caption;
};
std::ostream& operator<<(std::ostream& os, const CaptionCase& c) { return os << c.variant << ":" << c.beat; }

BOOST_DATA_TEST_CASE(
    DefaultLessonCaptionsCarryTheNumbers,
    bdata::make(std::vector<CaptionCase>{
        {0, 0, "The 6\u00D76 image and the 3\u00D73 Vertical edge filter: the feature map will be 4\u00D74"},
        {0, 1,
         "Position (0, 0): 0\u00B71 + 0\u00B70 + 0\u00B7(\u22121) + 0\u00B71 + 0\u00B70 + 9\u00B7(\u22121) + "
         "0\u00B71 + 0\u00B70 + 9\u00B7(\u22121) = \u221218"},
        {0, 3,
         "Position (0, 2): 0\u00B71 + 0\u00B70 + 0\u00B7(\u22121) + 9\u00B71 + 9\u00B70 + 0\u00B7(\u22121) + "
         "9\u00B71 + 9\u00B70 + 0\u00B7(\u22121) = 18"},
        {0, 6,
         "Position (1, 1): 0\u00B71 + 9\u00B70 + 9\u00B7(\u22121) + 0\u00B71 + 9\u00B70 + 9\u00B7(\u22121) + "
         "0\u00B71 + 9\u00B70 + 9\u00B7(\u22121) = \u221227"},
        {0, 17, "ReLU clears the 8 negative cells to 0"},
        {0, 18, "Max of 0, 0, 0, 0 = 0 at (0, 0)"},
        {0, 19, "Max of 18, 18, 27, 27 = 27 at (0, 1)"},
        {0, 21, "Max of 27, 27, 18, 18 = 27 at (1, 1)"},
        {0, 22, "6\u00D76 image \u2192 4\u00D74 feature map \u2192 ReLU \u2192 2\u00D72 max-pooled map"},
        {1, 0, "The 6\u00D76 image and the 3\u00D73 Horizontal edge filter: the feature map will be 4\u00D74"},
        {1, 17, "ReLU clears the 8 negative cells to 0"},
        {1, 19, "Max of 0, 0, 0, 0 = 0 at (0, 1)"},
        {1, 20, "Max of 18, 27, 18, 27 = 27 at (1, 0)"},
    }),
    c) {
  const Lesson lesson = testing::DefaultLesson();
  const Storyboard s = Plan(lesson.variants[c.variant]);
  BOOST_TEST(s.beats.at(c.beat).caption == c.caption);
}

BOOST_AUTO_TEST_CASE(DescriptionsExplainTheBeat) {
  const Storyboard s = Plan(testing::VerticalEdgeVariant());
  BOOST_TEST(s.beats[0].description ==
             "The 6\u00D76 image with values from 0 to 9 and the 3\u00D73 Vertical edge filter (weights 1, 0, \u22121 / "
             "1, 0, \u22121 / 1, 0, \u22121). The filter slides over the image with no padding, stride 1, so the "
             "feature map is 4\u00D74. ReLU follows, then pooling makes it 2\u00D72: 2\u00D72 max pooling with stride "
             "2.");
  BOOST_TEST(s.beats[1].description ==
             "The 3\u00D73 filter covers rows 0 to 2 and columns 0 to 2 of the image. Each pixel it reads is "
             "multiplied by the weight over it, and the 9 products add up to \u221218, the feature map's value at "
             "(0, 0).");
  BOOST_TEST(s.beats[17].description ==
             "ReLU clears to 0 every negative value of the 4\u00D74 feature map and keeps the others; 8 of its 16 "
             "cells were negative, so the activated map holds values from 0 to 27.");
  BOOST_TEST(s.beats[19].description ==
             "The 2\u00D72 pooling window covers rows 0 to 1 and columns 2 to 3 of the activated map; the largest of "
             "its 4 values, 27 at (1, 2), becomes the pooled value at (0, 1).");
  BOOST_TEST(s.beats[22].description ==
             "The Vertical edge filter turned the 6\u00D76 image into the 4\u00D74 feature map with values from \u221227 "
             "to 27; ReLU cleared its 8 negative cells; pooling reduced it to 2\u00D72 (2\u00D72 max pooling with "
             "stride 2): 0, 27, 0, 27.");
}

// "values all 0" is no phrase; a uniform grid gets one that reads.
BOOST_AUTO_TEST_CASE(UniformGridsAreDescribedInWords) {
  Variant v = testing::VerticalEdgeVariant();
  v.image = Grid(6, 6);
  const Storyboard s = Plan(v);
  BOOST_TEST(s.beats[0].description.starts_with("The 6\u00D76 image with the value 0 in every cell and the 3\u00D73"));
  BOOST_TEST(s.beats[17].description ==
             "ReLU clears to 0 every negative value of the 4\u00D74 feature map and keeps the others; 0 of its 16 "
             "cells were negative, so the activated map holds the value 0 in every cell.");
  BOOST_TEST(s.beats[22].description.starts_with(
      "The Vertical edge filter turned the 6\u00D76 image into the 4\u00D74 feature map with the value 0 in every "
      "cell;"));
  const Storyboard rows = Plan(testing::SizedVariant(40, 40, 3, 3), BeatsPer::Auto, 30);
  BOOST_TEST(rows.beats[1].caption == "Rows 0 to 1: values from \u221224 to 31");
}

// A 40x40 image: conv 38x38 (1444 cells), pooled 19x19 (361 cells).
struct ThinningCase {
  BeatsPer per;
  int max;
  int conv_beats, pool_beats;
  bool warns;
};
std::ostream& operator<<(std::ostream& os, const ThinningCase& c) {
  return os << static_cast<int>(c.per) << "/" << c.max;
}

BOOST_DATA_TEST_CASE(PerAndMaxOn40x40Image,
                     bdata::make(std::vector<ThinningCase>{
                         {BeatsPer::Auto, 400, 38, 19, false},   // cells would be 1808: rows instead
                         {BeatsPer::Row, 400, 38, 19, false},
                         {BeatsPer::Cell, 2000, 1444, 361, false},
                         {BeatsPer::Cell, 400, 38, 19, true},    // cell cannot be honoured
                         {BeatsPer::Auto, 30, 18, 9, true},      // 27 beats left: split 38:19
                         {BeatsPer::Row, 13, 6, 4, true},        // 10 left: 6 + 3 then pool's spare
                         {BeatsPer::Auto, 1, 1, 1, true},        // below the minimum of 5
                     }),
                     c) {
  const Storyboard s = Plan(testing::SizedVariant(40, 40, 3, 3), c.per, c.max);
  BOOST_TEST(Count(s, Stage::Conv) == c.conv_beats);
  BOOST_TEST(Count(s, Stage::Pool) == c.pool_beats);
  BOOST_TEST(s.warnings.size() == (c.warns ? 1u : 0u));
  if (c.warns) {
    BOOST_TEST(s.warnings[0].severity == Severity::Warning);
    BOOST_TEST(s.warnings[0].where.line == 7);
  }
  // Conv beats cover the map exactly once, in order, and end full.
  int next = 0;
  for (const Beat& b : s.beats) {
    if (b.stage != Stage::Conv) continue;
    BOOST_TEST(b.first_cell == next);
    BOOST_TEST(b.last_cell >= b.first_cell);
    BOOST_TEST(b.conv_filled == b.last_cell + 1);
    next = b.last_cell + 1;
  }
  BOOST_TEST(next == 38 * 38);
}

BOOST_AUTO_TEST_CASE(ThinningWarningText) {
  const Storyboard s = Plan(testing::SizedVariant(40, 40, 3, 3), BeatsPer::Auto, 30);
  BOOST_TEST(s.warnings.at(0).message ==
             "variant 'Sized': per: auto would make 1808 beats, more than max 30; showing 30 beats of evenly spaced "
             "output rows");
}

BOOST_AUTO_TEST_CASE(RowGroupsAreEvenlySpaced) {
  // 38 rows in 18 groups: group k is rows [k*38/18, (k+1)*38/18).
  const Storyboard s = Plan(testing::SizedVariant(40, 40, 3, 3), BeatsPer::Auto, 30);
  std::vector<int> first_rows;
  for (const Beat& b : s.beats)
    if (b.stage == Stage::Conv) first_rows.push_back(b.first_cell / 38);
  const std::vector<int> want = {0, 2, 4, 6, 8, 10, 12, 14, 16, 19, 21, 23, 25, 27, 29, 31, 33, 35};
  BOOST_TEST(first_rows == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(RowCaptions) {
  Variant v = testing::VerticalEdgeVariant();
  const Storyboard s = Plan(v, BeatsPer::Row);
  BOOST_TEST(Stages(s) == "intro conv conv conv conv activation pool pool summary");
  BOOST_TEST(s.beats[1].caption == "Row 0: \u221218, \u221218, 18, 18");
  BOOST_TEST(s.beats[6].caption == "Pooled row 0: 0, 27");
  const Storyboard thin = Plan(testing::SizedVariant(40, 40, 3, 3), BeatsPer::Auto, 30);
  BOOST_TEST(thin.beats[1].caption == "Rows 0 to 1: values from \u221224 to 31");
}

BOOST_AUTO_TEST_CASE(CountsTakeTheNounThatFits) {
  BOOST_TEST(cl::CountText(1, "lesson", "lessons") == "1 lesson");
  BOOST_TEST(cl::CountText(0, "lesson", "lessons") == "0 lessons");
  BOOST_TEST(cl::CountText(23, "summary", "summaries") == "23 summaries");
}

BOOST_AUTO_TEST_CASE(NoActivationAndNoPoolMeanNoBeats) {
  Variant v = testing::SizedVariant(1, 1, 1, 1);
  v.activation.type = ActivationType::None;
  v.pool.enabled = false;
  const Storyboard s = Plan(v);
  BOOST_TEST(Stages(s) == "intro conv summary");
  // A one-pixel image is a one-row signal: its positions are columns.
  BOOST_TEST(s.beats[1].caption == "Position 0: (\u22129)\u00B7(\u22122) = 18");
  BOOST_TEST(s.beats[2].caption == "1\u00D71 image \u2192 1\u00D71 feature map");
}

BOOST_AUTO_TEST_CASE(LeakyReluAndAveragePool) {
  Variant v = testing::VerticalEdgeVariant();
  v.activation = {ActivationType::LeakyRelu, 0.1};
  v.pool.type = PoolType::Avg;
  const Storyboard s = Plan(v);
  BOOST_TEST(s.beats[17].caption == "Leaky ReLU scales the 8 negative cells by 0.1");
  // Activated: [[-1.8, -1.8, 18, 18], [-2.7, -2.7, 27, 27], ...]
  BOOST_TEST(s.beats[18].caption == "Average of \u22121.8, \u22121.8, \u22122.7, \u22122.7 = \u22122.25 at (0, 0)");
  BOOST_TEST(s.beats[19].caption == "Average of 18, 18, 27, 27 = 22.5 at (0, 1)");
}

BOOST_AUTO_TEST_CASE(DecimalsAreRoundedAndMarkedApproximate) {
  Variant v = testing::VerticalEdgeVariant();
  v.filter = {"Box blur", Grid(3, 3, 1.0 / 9.0)};
  BOOST_TEST(Plan(v).beats[1].caption ==
             "Position (0, 0): 0\u00B70.111 + 0\u00B70.111 + 0\u00B70.111 + 0\u00B70.111 + 0\u00B70.111 + "
             "9\u00B70.111 + 0\u00B70.111 + 0\u00B70.111 + 9\u00B70.111 \u2248 2");  // its terms are rounded
  Variant third = testing::SizedVariant(1, 1, 1, 1);
  third.image.Edit().at(0, 0) = 1;
  third.filter.weights.at(0, 0) = 1.0 / 3.0;
  third.pool.enabled = false;
  // The shown digits are not the exact value: "≈", not "=".
  BOOST_TEST(Plan(third).beats[1].caption == "Position 0: 1\u00B70.333 \u2248 0.333");
}

BOOST_AUTO_TEST_CASE(LargeFiltersShortenTheSumWithAnEllipsis) {
  const Storyboard s = Plan(testing::SizedVariant(5, 5, 5, 5));
  const std::string c = s.beats[1].caption;
  BOOST_TEST(c.find(" + \u2026 = ") != std::string::npos);
  std::size_t terms = 0;
  for (std::size_t p = c.find("\u00B7"); p != std::string::npos; p = c.find("\u00B7", p + 1)) ++terms;
  BOOST_TEST(terms == 6u);
}

// A frame's caption shortens a sum of 25 products; the page's step by step
// has the room for every one of them, in the frame's order and with its result.
BOOST_AUTO_TEST_CASE(AShortenedSumKeepsEveryTermForThePage) {
  const Variant v = testing::SizedVariant(5, 5, 5, 5);
  const Storyboard s = Plan(v);
  const Beat& b = s.beats[1];
  BOOST_TEST(b.stage == Stage::Conv);
  const std::string& full = b.full_caption;
  BOOST_TEST(full.find("\u2026") == std::string::npos);
  std::vector<std::string> terms;
  const std::size_t equals = full.rfind(" = ");
  BOOST_TEST_REQUIRE(equals != std::string::npos);
  for (std::size_t from = full.find(": ") + 2, plus; from < equals; from = plus + 3) {
    plus = std::min(full.find(" + ", from), equals);
    terms.push_back(full.substr(from, plus - from));
  }
  BOOST_TEST_REQUIRE(terms.size() == 25u);
  // Each term is pixel·weight of the window, row by row: (0, 0) is −9·(−2),
  // (0, 1) is −6·0, (1, 0) is −2·(−1), (4, 4) is −7·0.
  BOOST_TEST(terms[0] == "(\u22129)\u00B7(\u22122)");
  BOOST_TEST(terms[1] == "(\u22126)\u00B70");
  BOOST_TEST(terms[5] == "(\u22122)\u00B7(\u22121)");
  BOOST_TEST(terms[24] == "(\u22127)\u00B70");
  // The frame's caption: the same first six terms and the same result.
  const std::string& shown = b.caption;
  BOOST_TEST(shown.substr(0, shown.find(" + \u2026")) == full.substr(0, shown.find(" + \u2026")));
  BOOST_TEST(shown.substr(shown.rfind(" = ")) == full.substr(equals));
  // A 3×3 filter's caption lists its 9 products already.
  BOOST_TEST(Plan(testing::VerticalEdgeVariant()).beats[1].full_caption.empty());
}

// The same for a pooling window of 16 values: the frame lists six.
BOOST_AUTO_TEST_CASE(ALongPoolingWindowKeepsEveryValueForThePage) {
  Variant v = testing::SizedVariant(4, 4, 1, 1);
  v.filter.weights.at(0, 0) = 1;
  v.activation.type = ActivationType::None;
  v.pool = {.enabled = true, .type = PoolType::Max, .size_h = 4, .size_w = 4, .stride_h = 4, .stride_w = 4};
  const Storyboard s = Plan(v, BeatsPer::Cell);
  const Beat& b = s.beats.back().stage == Stage::Summary ? s.beats[s.beats.size() - 2] : s.beats.back();
  BOOST_TEST_REQUIRE(b.stage == Stage::Pool);
  // The image, row by row: ((r·7 + c·3) mod 19) − 9, its largest 8 at (2, 1).
  BOOST_TEST(b.full_caption == "Max of \u22129, \u22126, \u22123, 0, \u22122, 1, 4, 7, 5, 8, \u22128, \u22125, "
                               "\u22127, \u22124, \u22121, 2 = 8 at (0, 0)");
  BOOST_TEST(b.caption == "Max of \u22129, \u22126, \u22123, 0, \u22122, 1, \u2026 = 8 at (0, 0)");
}
