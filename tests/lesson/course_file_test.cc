// The course file: every tests/bad-course/NAME.yaml fails to load with
// exactly tests/bad-course/NAME.expected (CONVLESSON_UPDATE_EXPECTED=1
// rewrites them); a complete course file reads into every field; language
// tags are checked against RFC 5646's grammar; course.yaml is never a lesson.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "lesson/course.h"
#include "lesson_test_util.h"
#include "lesson/loader.h"

namespace bdata = boost::unit_test::data;
namespace fs = std::filesystem;
using namespace cl;

using cl::testing::ReadFile;

namespace {

const fs::path kBadCourseDir = fs::path(CONVLESSON_SOURCE_DIR) / "tests" / "bad-course";

std::vector<std::string> BadCourseNames() { return cl::testing::YamlStemsIn(kBadCourseDir); }

std::string Printed(const CourseLoadResult& r) {
  std::string out;
  for (const Diagnostic& d : r.diagnostics) out += FormatDiagnostic(d, r.source);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(ThereAreBadCourseFiles) { BOOST_TEST(BadCourseNames().size() >= 20u); }

BOOST_DATA_TEST_CASE(BadCourseFilePrintsExactDiagnostics, bdata::make(BadCourseNames()), name) {
  const CourseLoadResult r = LoadCourseText(ReadFile(kBadCourseDir / (name + ".yaml")), "tests/bad-course/" + name + ".yaml");
  BOOST_TEST(!r.course.has_value());
  BOOST_TEST(HasErrors(r.diagnostics));
  const std::string printed = Printed(r);
  const fs::path expected_path = kBadCourseDir / (name + ".expected");
  if (std::getenv("CONVLESSON_UPDATE_EXPECTED") != nullptr) std::ofstream(expected_path, std::ios::binary) << printed;
  BOOST_TEST_REQUIRE(fs::exists(expected_path), "missing " << expected_path);
  BOOST_TEST(printed == ReadFile(expected_path));
}

BOOST_AUTO_TEST_CASE(CompleteCourseFileReadsEveryKey) {
  const CourseLoadResult r = LoadCourseText(
      "title: Faltungen\n"
      "intro: |\n  # Willkommen\n\n  Drei *Lektionen*.\n"
      "author: A. Lehrer\n"
      "licence: CC BY 4.0\n"
      "language: de-CH\n"
      "order: [leaky-relu, conv-relu-pool]\n"
      "paper: letter\n"
      "handout: full\n",
      "course.yaml");
  BOOST_TEST_REQUIRE(r.course.has_value(), Printed(r));
  const Course& c = *r.course;
  BOOST_TEST(c.HasFile());
  BOOST_TEST(c.title == "Faltungen");
  BOOST_TEST(c.intro == "# Willkommen\n\nDrei *Lektionen*.");
  BOOST_TEST(c.author == "A. Lehrer");
  BOOST_TEST(c.licence == "CC BY 4.0");
  BOOST_TEST(c.language == "de-CH");
  BOOST_TEST_REQUIRE(c.order.size() == 2u);
  BOOST_TEST(c.order[0].id == "leaky-relu");
  BOOST_TEST(c.order[1].id == "conv-relu-pool");
  BOOST_TEST(c.order[1].where.line == 9);
  BOOST_TEST(c.paper == "letter");
  BOOST_TEST((c.handout == HandoutKind::Full));
  BOOST_TEST(c.source_hash.size() == 64u);
}

BOOST_AUTO_TEST_CASE(LanguageWithoutCatalogueLoadsWithAWarningAtTheTag) {
  const CourseLoadResult r = LoadCourseText("title: Cours\nlanguage: fr-CA\n", "course.yaml");
  BOOST_TEST_REQUIRE(r.course.has_value(), Printed(r));
  BOOST_TEST(r.course->language == "fr-CA");
  BOOST_TEST(Printed(r).find("course.yaml:2:11: warning: no message catalogue for language 'fr-CA' (there are: de, en): "
                             "generated text will be in English") != std::string::npos,
             Printed(r));
  const CourseLoadResult german = LoadCourseText("language: de-AT\n", "course.yaml");
  BOOST_TEST(german.diagnostics.empty(), Printed(german));
}

BOOST_AUTO_TEST_CASE(EmptyCourseFileKeepsEveryDefault) {
  const CourseLoadResult r = LoadCourseText("# nothing set yet\n", "course.yaml");
  BOOST_TEST_REQUIRE(r.course.has_value(), Printed(r));
  BOOST_TEST(r.course->title == "Convolution lessons");
  BOOST_TEST(r.course->language == "en");
  BOOST_TEST(r.course->paper.empty());
  BOOST_TEST(!r.course->handout.has_value());
  BOOST_TEST(Course{}.title == "Convolution lessons");
  BOOST_TEST(!Course{}.HasFile());
}

BOOST_AUTO_TEST_CASE(LanguageTagsFollowRfc5646) {
  for (const char* good : {"en", "EN", "de-CH", "pt-BR", "zh-Hant-TW", "sr-Latn", "es-419", "de-CH-1996",
                           "sl-rozaj-biske", "en-US-u-islamcal", "en-a-bbb-x-a-ccc", "x-whatever", "zh-yue-HK",
                           "qaa", "tlh"})
    BOOST_TEST(IsWellFormedLanguageTag(good), good);
  for (const char* bad : {"", "e", "english1", "english", "en_GB", "en-", "-en", "en--US", "en-a", "en-a-b-c", "en-x",
                          "x", "de-419-DE", "toolongtag-x", "en-US-u-islamcal-u-ca", "1en", "en-a-bbb-a-ccc",
                          "ab-abcdefghi"})
    BOOST_TEST(!IsWellFormedLanguageTag(bad), bad);
}

BOOST_AUTO_TEST_CASE(CourseFileIsNeverCollectedAsALesson) {
  const fs::path dir = fs::temp_directory_path() / "convlesson-course-collect-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "a.yaml") << "x";
  std::ofstream(dir / "course.yaml") << "x";
  std::vector<Diagnostic> diagnostics;
  std::vector<std::string> courses;
  const std::vector<std::string> lessons = CollectLessonPaths({dir.string()}, &diagnostics, &courses);
  BOOST_TEST(lessons == std::vector<std::string>{(dir / "a.yaml").string()});
  BOOST_TEST(courses == std::vector<std::string>{(dir / "course.yaml").string()});
  // Named on the command line it is still the course file, never a lesson.
  courses.clear();
  BOOST_TEST(CollectLessonPaths({(dir / "course.yaml").string()}, &diagnostics, &courses).empty());
  BOOST_TEST(courses.size() == 1u);
  // Without a place to put course files, they are only left out.
  BOOST_TEST(CollectLessonPaths({dir.string()}, &diagnostics).size() == 1u);
  fs::remove_all(dir);
}
