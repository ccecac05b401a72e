// Every tests/bad/NAME.yaml fails to load with exactly the text of
// tests/bad/NAME.expected, as `convlesson check tests/bad/NAME.yaml` prints it
// from the repository's root. Run with CONVLESSON_UPDATE_EXPECTED=1 to rewrite
// the .expected files after a deliberate change (then review the diff).
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

#include "lesson_test_util.h"

namespace bdata = boost::unit_test::data;
namespace fs = std::filesystem;
using namespace cl;
using cl::testing::Printed;

namespace {

const fs::path kBadDir = fs::path(CONVLESSON_SOURCE_DIR) / "tests" / "bad";

std::vector<std::string> BadLessonNames() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kBadDir))
    if (entry.path().extension() == ".yaml") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string FirstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

}  // namespace

BOOST_AUTO_TEST_CASE(ThereAreEnoughBadLessons) { BOOST_TEST(BadLessonNames().size() >= 20u); }

BOOST_DATA_TEST_CASE(BadLessonPrintsExactDiagnostics, bdata::make(BadLessonNames()), name) {
  const LoadResult r =
      LoadLessonText(ReadFile(kBadDir / (name + ".yaml")), "tests/bad/" + name + ".yaml", kBadDir.string());
  BOOST_TEST(!r.lesson.has_value());
  BOOST_TEST(HasErrors(r.diagnostics));
  const std::string printed = Printed(r);
  const fs::path expected_path = kBadDir / (name + ".expected");
  if (std::getenv("CONVLESSON_UPDATE_EXPECTED") != nullptr) std::ofstream(expected_path, std::ios::binary) << printed;
  BOOST_TEST_REQUIRE(fs::exists(expected_path), "missing " << expected_path);
  BOOST_TEST(printed == ReadFile(expected_path));
}

// Inputs too large to commit are made here.
BOOST_AUTO_TEST_CASE(TwoMebibyteFileIsRefusedBeforeParsing) {
  std::string text = "title: Huge\n# " + std::string(2u << 20, 'x') + "\n";
  const LoadResult r = LoadLessonText(text, "huge.yaml", ".");
  BOOST_TEST(Printed(r) == "huge.yaml: error: the file has 2097167 bytes; a lesson file must be at most 1 MiB\n");
}

// yaml-cpp parses nesting recursively; the tree builder stops it long before
// the stack could run out, whatever the brackets turn out to mean.
BOOST_AUTO_TEST_CASE(HundredThousandBracketsAreRefusedQuickly) {
  const std::string open(100000, '['), close(100000, ']');
  const LoadResult balanced = LoadLessonText("title: x\nimage: " + open + close + "\n", "deep.yaml", ".");
  BOOST_TEST(FirstLine(Printed(balanced)) == "deep.yaml:2:71: error: nesting is deeper than 64 levels");
  const LoadResult unclosed = LoadLessonText("title: x\nimage: " + open + "\n", "deep.yaml", ".");
  BOOST_TEST(!unclosed.lesson.has_value());
  BOOST_TEST(FirstLine(Printed(unclosed)) == "deep.yaml:2:9: error: a key must be plain text, not a list");
}
