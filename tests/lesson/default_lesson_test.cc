// The shipped lessons load, and the default one computes the contract's numbers.
#define BOOST_TEST_MODULE lesson
#include <boost/test/unit_test.hpp>

#include "compute/compute.h"
#include "lesson_test_util.h"

using namespace cl;
using cl::testing::G;
using cl::testing::Printed;

namespace {

const std::string kLessons = std::string(CONVLESSON_SOURCE_DIR) + "/lessons/";

}  // namespace

BOOST_AUTO_TEST_CASE(ShippedLessonsLoadWithoutDiagnostics) {
  std::vector<Diagnostic> problems;
  const auto paths = CollectLessonPaths({kLessons}, &problems);
  BOOST_TEST(problems.empty());
  BOOST_TEST(paths.size() >= 3u);
  for (const std::string& path : paths) {
    const LoadResult r = LoadLessonFile(path);
    BOOST_TEST_INFO(path);
    BOOST_TEST(Printed(r) == "");
    BOOST_TEST(r.lesson.has_value());
  }
}

BOOST_AUTO_TEST_CASE(DefaultLessonMatchesTheContract) {
  const LoadResult r = LoadLessonFile(kLessons + "conv-relu-pool.yaml");
  BOOST_TEST_REQUIRE(r.lesson.has_value(), Printed(r));
  const Lesson& lesson = *r.lesson;
  BOOST_TEST(lesson.id == "conv-relu-pool");
  BOOST_TEST(lesson.title == "Convolve, ReLU, pool");
  BOOST_TEST(lesson.order.value_or(0) == 1.0);
  BOOST_TEST_REQUIRE(lesson.variants.size() == 2u);

  const Variant& base = lesson.variants[0];
  BOOST_TEST(base.label == "Vertical edge");
  BOOST_TEST(base.filter.name == "Vertical edge");
  BOOST_TEST((base.image == G({{0, 0, 0, 0, 0, 0},
                               {0, 0, 9, 9, 0, 0},
                               {0, 0, 9, 9, 0, 0},
                               {0, 0, 9, 9, 0, 0},
                               {0, 0, 9, 9, 0, 0},
                               {0, 0, 0, 0, 0, 0}})));
  const VariantResult v = ComputeVariant(base);
  BOOST_TEST((v.conv() == G({{-18, -18, 18, 18}, {-27, -27, 27, 27}, {-27, -27, 27, 27}, {-18, -18, 18, 18}})));
  BOOST_TEST((v.activated() == G({{0, 0, 18, 18}, {0, 0, 27, 27}, {0, 0, 27, 27}, {0, 0, 18, 18}})));
  BOOST_TEST_REQUIRE(v.pooled().has_value());
  BOOST_TEST((*v.pooled() == G({{0, 27}, {0, 27}})));

  const Variant& horizontal = lesson.variants[1];
  BOOST_TEST(horizontal.label == "Horizontal edge");
  BOOST_TEST((horizontal.image == base.image->Transposed()));
  const VariantResult h = ComputeVariant(horizontal);
  BOOST_TEST((h.conv() == v.conv().Transposed()));
  BOOST_TEST((h.activated() == v.activated().Transposed()));
  BOOST_TEST_REQUIRE(h.pooled().has_value());
  BOOST_TEST((*h.pooled() == G({{0, 0}, {27, 27}})));

  BOOST_TEST(lesson.sections.size() == 7u);
  BOOST_TEST(lesson.sections[0].title == "Intuition");
  BOOST_TEST(lesson.sections[1].title == "How it works");
  BOOST_TEST((lesson.sections[2].kind == SectionKind::StepByStep));
  BOOST_TEST((lesson.sections[3].kind == SectionKind::Complexity));
  BOOST_TEST(lesson.sections[4].title == "Edge cases");
  BOOST_TEST(lesson.sections[5].title == "Common mistakes");
  BOOST_TEST(lesson.sections[6].title == "A note on simplification");
}

// What the prose of the two other shipped lessons says about their numbers.
BOOST_AUTO_TEST_CASE(PaddingAndStrideNumbersAreTheOnesItsProseStates) {
  const LoadResult r = LoadLessonFile(kLessons + "padding-and-stride.yaml");
  BOOST_TEST_REQUIRE(r.lesson.has_value(), Printed(r));
  BOOST_TEST_REQUIRE(r.lesson->variants.size() == 2u);
  const Variant& sobel = r.lesson->variants[0];
  // "one row of zeros at the top and one at the bottom, and one column of zeros at each side"
  BOOST_TEST((std::vector{sobel.conv.pad_top, sobel.conv.pad_bottom, sobel.conv.pad_left, sobel.conv.pad_right} ==
              std::vector{1, 1, 1, 1}));
  const VariantResult s = ComputeVariant(sobel);
  BOOST_TEST((s.conv().rows == 5 && s.conv().cols == 5));  // "5 cells a side"
  BOOST_TEST_REQUIRE(s.pooled().has_value());
  BOOST_TEST((s.pooled()->rows == 3 && s.pooled()->cols == 3));  // "The pooled map is 3x3"
  BOOST_TEST(s.pooled()->at(2, 2) == s.activated().at(4, 4));  // "the average of a single cell"

  // The Laplacian answers along the dark diagonal and goes negative along the
  // edge, everywhere but the two corners the line runs through.
  const VariantResult l = ComputeVariant(r.lesson->variants[1]);
  for (int i = 1; i < 4; ++i) BOOST_TEST(l.conv().at(i, i) > 0);
  for (int i = 0; i < 5; ++i) {
    for (int j = 0; j < 5; ++j) {
      if (i != 0 && i != 4 && j != 0 && j != 4) continue;
      BOOST_TEST_INFO("border cell " << i << ", " << j);
      BOOST_TEST((l.conv().at(i, j) < 0) == (i != j));
    }
  }
}

BOOST_AUTO_TEST_CASE(LeakyReluNumbersAreTheOnesItsProseStates) {
  const LoadResult r = LoadLessonFile(kLessons + "leaky-relu.yaml");
  BOOST_TEST_REQUIRE(r.lesson.has_value(), Printed(r));
  BOOST_TEST_REQUIRE(r.lesson->variants.size() == 3u);  // leaky ReLU, plain ReLU, no activation
  const VariantResult leaky = ComputeVariant(r.lesson->variants[0]);
  const VariantResult plain = ComputeVariant(r.lesson->variants[1]);
  const VariantResult none = ComputeVariant(r.lesson->variants[2]);
  BOOST_TEST(none.activated().values == none.conv().values);  // "the map passes on as it is"
  BOOST_TEST((leaky.conv().rows == 4 && leaky.conv().cols == 4));  // "a 5x5 image gives a 4x4 map"
  BOOST_TEST(!leaky.pooled().has_value());
  bool has_minus_six = false;
  for (int i = 0; i < 16; ++i) {
    const double x = leaky.conv().values[i];
    if (x == -6) has_minus_six = has_minus_six || leaky.activated().values[i] == -1.5;  // "a sum of -6 becomes -1.5"
    // "the positive cells are the same, and only the negative ones differ"
    BOOST_TEST((leaky.activated().values[i] == plain.activated().values[i]) == (x >= 0));
  }
  BOOST_TEST(has_minus_six);
  // Negative on the upper-left side of the spot, positive on the lower-right.
  BOOST_TEST(leaky.conv().at(0, 0) < 0);
  BOOST_TEST(leaky.conv().at(3, 3) > 0);
}
