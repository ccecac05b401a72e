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
  BOOST_TEST((v.conv == G({{-18, -18, 18, 18}, {-27, -27, 27, 27}, {-27, -27, 27, 27}, {-18, -18, 18, 18}})));
  BOOST_TEST((v.activated == G({{0, 0, 18, 18}, {0, 0, 27, 27}, {0, 0, 27, 27}, {0, 0, 18, 18}})));
  BOOST_TEST_REQUIRE(v.pooled.has_value());
  BOOST_TEST((*v.pooled == G({{0, 27}, {0, 27}})));

  const Variant& horizontal = lesson.variants[1];
  BOOST_TEST(horizontal.label == "Horizontal edge");
  BOOST_TEST((horizontal.image == base.image.Transposed()));
  const VariantResult h = ComputeVariant(horizontal);
  BOOST_TEST((h.conv == v.conv.Transposed()));
  BOOST_TEST((h.activated == v.activated.Transposed()));
  BOOST_TEST_REQUIRE(h.pooled.has_value());
  BOOST_TEST((*h.pooled == G({{0, 0}, {27, 27}})));

  BOOST_TEST(lesson.sections.size() == 7u);
  BOOST_TEST(lesson.sections[0].title == "Intuition");
  BOOST_TEST(lesson.sections[1].title == "How it works");
  BOOST_TEST((lesson.sections[2].kind == SectionKind::StepByStep));
  BOOST_TEST((lesson.sections[3].kind == SectionKind::Complexity));
  BOOST_TEST(lesson.sections[4].title == "Edge cases");
  BOOST_TEST(lesson.sections[5].title == "Common mistakes");
  BOOST_TEST(lesson.sections[6].title == "A note on simplification");
}
