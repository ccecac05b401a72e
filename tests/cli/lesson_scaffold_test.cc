// `convlesson new`: the scaffold is a valid lesson with no warnings, for any id.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "base/ascii.h"
#include "cli/lesson_scaffold.h"
#include "lesson/loader.h"

namespace bdata = boost::unit_test::data;

BOOST_AUTO_TEST_SUITE(LessonScaffoldSuite)

BOOST_DATA_TEST_CASE(ScaffoldLoadsWithoutDiagnostics, bdata::make({"my-first-lesson", "a", "x0-9"}), id) {
  std::string text = cl::LessonScaffold(id);
  cl::LoadResult loaded = cl::LoadLessonText(text, std::string("lessons/") + id + ".yaml", "lessons");
  std::string printed;
  for (const cl::Diagnostic& d : loaded.diagnostics) printed += cl::FormatDiagnostic(d, text);
  BOOST_TEST(printed == "");
  BOOST_REQUIRE(loaded.lesson.has_value());
  BOOST_TEST(loaded.lesson->id == id);
  BOOST_TEST(loaded.lesson->title == cl::DashedNameAsWords(id));
  BOOST_TEST(loaded.lesson->variants.size() == 2u);
  BOOST_TEST(loaded.lesson->variants[0].filter.name == "Vertical edge");
}

BOOST_AUTO_TEST_SUITE_END()
