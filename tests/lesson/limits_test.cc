// Bounds and type checks, each with the exact text `check` prints. (The
// hostile files in tests/bad cover the parser guards.)
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "lesson/limits.h"
#include "lesson_test_util.h"

namespace bdata = boost::unit_test::data;
using namespace cl;
using cl::testing::Printed;

namespace {

struct ErrorCase {
  std::string extra;  // appended to "title: T\n"
  std::string want;   // the whole printed text
};
std::ostream& operator<<(std::ostream& os, const ErrorCase& c) { return os << c.extra; }

const std::string kImage = "image: {pattern: vertical-bar}\n";  // line 2

}  // namespace

BOOST_DATA_TEST_CASE(
    Limits,
    bdata::make(std::vector<ErrorCase>{
        {kImage + "filter: identity\nconv: {padding: 65}\n",
         "t.yaml:4:17: error: padding must be at most 64, got 65\n"
         "    4 | conv: {padding: 65}\n"
         "      |                 ^~\n"},
        {kImage + "filter: identity\nconv: {stride: [1, 65]}\n",
         "t.yaml:4:20: error: stride must be at most 64, got 65\n"
         "    4 | conv: {stride: [1, 65]}\n"
         "      |                    ^~\n"},
        {kImage + "filter: identity\nconv: {dilation: 100}\n",
         "t.yaml:4:18: error: dilation must be at most 64, got 100\n"
         "    4 | conv: {dilation: 100}\n"
         "      |                  ^~~\n"},
        {kImage + "filter: identity\npool: {size: 513}\n",
         "t.yaml:4:14: error: pool size must be at most 512, got 513\n"
         "    4 | pool: {size: 513}\n"
         "      |              ^~~\n"},
        {kImage + "filter: identity\npool: {stride: 0}\n",
         "t.yaml:4:16: error: pool stride must be at least 1, got 0\n"
         "    4 | pool: {stride: 0}\n"
         "      |                ^\n"},
        {"image: {pattern: {kind: diagonal, size: [1, 513]}}\nfilter: identity\n",
         "t.yaml:2:45: error: pattern size must be at most 512, got 513\n"
         "    2 | image: {pattern: {kind: diagonal, size: [1, 513]}}\n"
         "      |                                             ^~~\n"},
        {kImage + "filter: [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]]\n",
         "t.yaml:3:10: error: filter weights has a row of 16 values; at most 15 are allowed\n"
         "    3 | filter: [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]]\n"
         "      |          ^\n"},
        {kImage + "filter: [[1], [1], [1], [1], [1], [1], [1], [1], [1], [1], [1], [1], [1], [1], [1], [1]]\n",
         "t.yaml:3:9: error: filter weights has 16 rows; at most 15 are allowed\n"
         "    3 | filter: [[1], [1], [1], [1], [1], [1], [1], [1], [1], [1], [1], [1], [1], [1], [1], [1]]\n"
         "      |         ^\n"},
        {kImage + "filter: []\n",
         "t.yaml:3:9: error: filter weights must have at least one row\n"
         "    3 | filter: []\n"
         "      |         ^\n"},
        {kImage + "filter: [[]]\n",
         "t.yaml:3:10: error: a row of filter weights cannot be empty\n"
         "    3 | filter: [[]]\n"
         "      |          ^\n"},
        {kImage + "filter: [1, 0, -1]\n",
         "t.yaml:3:10: error: each row of filter weights must be a list of numbers, got '1'\n"
         "    3 | filter: [1, 0, -1]\n"
         "      |          ^\n"},
        {kImage + "filter: [[1, -1000000001]]\n",
         "t.yaml:3:14: error: a weight must be between -1000000000 and 1000000000, got -1000000001\n"
         "    3 | filter: [[1, -1000000001]]\n"
         "      |              ^~~~~~~~~~~\n"},
        {kImage + "filter: [[1, 1e999]]\n",
         "t.yaml:3:14: error: a weight must be between -1000000000 and 1000000000, got 1e999\n"
         "    3 | filter: [[1, 1e999]]\n"
         "      |              ^~~~~\n"},
        {kImage + "filter: [[0x10, 1/9]]\n",
         "t.yaml:3:11: error: a weight must be a number, got '0x10'\n"
         "    3 | filter: [[0x10, 1/9]]\n"
         "      |           ^~~~\n"},
        {kImage + "filter: identity\nactivation: {type: leaky-relu, slope: -0.5}\n",
         "t.yaml:4:39: error: slope must be between 0 and 1, got -0.5\n"
         "    4 | activation: {type: leaky-relu, slope: -0.5}\n"
         "      |                                       ^~~~\n"},
        {kImage + "filter: identity\nbeats: {max: 2001}\n",
         "t.yaml:4:14: error: beats max must be at most 2000, got 2001\n"
         "    4 | beats: {max: 2001}\n"
         "      |              ^~~~\n"},
        {kImage + "filter: identity\nsummary: " + std::string(301, 's') + "\n",
         "t.yaml:4:10: error: summary must be at most 300 characters, got 301\n"
         "    4 | summary: " + std::string(151, 's') + "…\n"  // a long line is shown in part
         "      |          ^" + std::string(150, '~') + "\n"},
        {kImage + "filter: identity\nlabel: |\n  two\n  lines\n",
         "t.yaml:4:8: error: label must fit on one line\n"
         "    4 | label: |\n"
         "      |        ^\n"},
        {kImage + "filter: identity\nid: a" + std::string(64, 'b') + "\n",
         "t.yaml:4:5: error: id 'a" + std::string(64, 'b') + "' must be lowercase letters, digits and '-', starting "
         "with a letter or digit, at most 64 characters\n"
         "    4 | id: a" + std::string(64, 'b') + "\n"
         "      |     ^" + std::string(64, '~') + "\n"},
        {kImage + "filter: identity\nid: -leading-dash\n",
         "t.yaml:4:5: error: id '-leading-dash' must be lowercase letters, digits and '-', starting with a letter or "
         "digit, at most 64 characters\n"
         "    4 | id: -leading-dash\n"
         "      |     ^~~~~~~~~~~~~\n"},
        {kImage + "filter: identity\norder: first\n",
         "t.yaml:4:8: error: order must be a number, got 'first'\n"
         "    4 | order: first\n"
         "      |        ^~~~~\n"},
        {kImage + "filter: identity\ntitle:\n",
         "t.yaml:4:1: error: duplicate key 'title' (first given on line 1)\n"
         "    4 | title:\n"
         "      | ^~~~~\n"},
        {"image:\nfilter: identity\n",
         "t.yaml:2:1: error: image must be a mapping with one of 'pixels', 'pattern' or 'file', got nothing\n"
         "    2 | image:\n"
         "      | ^~~~~\n"},
        {"image: {}\nfilter: identity\n",
         "t.yaml:2:8: error: image needs one of 'pixels', 'pattern' or 'file'\n"
         "    2 | image: {}\n"
         "      |        ^\n"},
        {"image: {pattern: diagonal, size: 3}\nfilter: identity\n",
         "t.yaml:2:28: error: 'size' applies to image files only; a pattern sets its own size\n"
         "    2 | image: {pattern: diagonal, size: 3}\n"
         "      |                            ^~~~\n"},
        {"image: {pattern: {kind: diagonal, band: 1, cell: 2}}\nfilter: identity\n",
         "t.yaml:2:35: error: 'band' applies only to vertical-bar and horizontal-bar patterns\n"
         "    2 | image: {pattern: {kind: diagonal, band: 1, cell: 2}}\n"
         "      |                                   ^~~~\n"
         "t.yaml:2:44: error: 'cell' applies only to checkerboard patterns\n"
         "    2 | image: {pattern: {kind: diagonal, band: 1, cell: 2}}\n"
         "      |                                            ^~~~\n"},
        {kImage + "filter: {name: '', weights: [[1]], preset: sobel-x}\n",
         "t.yaml:3:16: error: filter name must not be empty\n"
         "    3 | filter: {name: '', weights: [[1]], preset: sobel-x}\n"
         "      |                ^~\n"
         "t.yaml:3:36: error: unknown key 'preset'; expected 'name', 'weights' or 'bias'\n"
         "    3 | filter: {name: '', weights: [[1]], preset: sobel-x}\n"
         "      |                                    ^~~~~~\n"},
        {kImage + "filter: identity\npool: max\n",
         "t.yaml:4:7: error: pool must be 'none' or a mapping such as {type: max, size: 2}, got 'max'\n"
         "    4 | pool: max\n"
         "      |       ^~~\n"},
        {kImage + "filter: identity\nvariants: []\nsections: {title: x}\n",
         "t.yaml:5:11: error: sections must be a list of {title, body} or {generate: ...} items, got a mapping\n"
         "    5 | sections: {title: x}\n"
         "      |           ^\n"},
        {kImage + "filter: identity\nsections:\n  - {generate: complexity, title: x}\n",
         "t.yaml:5:28: error: a section is either {title, body} or {generate: ...}, not both\n"
         "    5 |   - {generate: complexity, title: x}\n"
         "      |                            ^~~~~\n"},
        {kImage + "filter: identity\nvariants:\n  - filter: sobel-x\n",
         "t.yaml:5:5: error: missing required key 'label'\n"
         "    5 |   - filter: sobel-x\n"
         "      |     ^\n"},
        {kImage + "filter: identity\n<<: {id: x}\n",
         "t.yaml:4:1: error: merge keys ('<<') are not supported; write the keys out or use variants\n"
         "    4 | <<: {id: x}\n"
         "      | ^~\n"},
        {kImage + "filter: identity\n? [a, b]\n: c\n",
         "t.yaml:4:3: error: a key must be plain text, not a list\n"
         "    4 | ? [a, b]\n"
         "      |   ^\n"},
        {"image: {pattern: vertical-bar}\nfilter: identity\nimage: {file: x.png}\n",
         "t.yaml:4:1: error: duplicate key 'image' (first given on line 2)\n"
         "    4 | image: {file: x.png}\n"
         "      | ^~~~~\n"},
        {"image: {pixels: [[1, 2, 3]]}\nfilter: identity\npool: none\nconv: {padding: [0, 1], stride: 1}\n",
         "t.yaml:3:9: error: the filter covers 3x3 pixels but the image with its padding is only 1x5; the conv output "
         "would be empty\n"
         "    3 | filter: identity\n"
         "      |         ^~~~~~~~\n"},
        {"image: {pixels: [[1, 2, 3, 4, 5]]}\nfilter: [[1, 1]]\nconv: {dilation: [1, 5]}\npool: none\n",
         "t.yaml:3:9: error: the filter covers 1x6 pixels but the image with its padding is only 1x5; the conv output "
         "would be empty\n"
         "    3 | filter: [[1, 1]]\n"
         "      |         ^\n"},
        {"image: {pattern: {kind: diagonal, size: 1}}\nfilter: [[1]]\n",
         "t.yaml:2:8: error: the 2x2 pool window is larger than the 1x1 map it pools; use a smaller size or pool: none\n"
         "    2 | image: {pattern: {kind: diagonal, size: 1}}\n"
         "      |        ^\n"},
    }),
    c) {
  const LoadResult r = cl::testing::Load("title: T\n" + c.extra);
  BOOST_TEST(!r.lesson.has_value());
  BOOST_TEST(Printed(r) == c.want);
}

BOOST_AUTO_TEST_CASE(LargestImageLoads) {
  const LoadResult r =
      cl::testing::Load("title: T\nimage: {pattern: {kind: checkerboard, size: 512}}\nfilter: box-blur\n");
  BOOST_TEST_REQUIRE(r.lesson.has_value(), Printed(r));
  BOOST_TEST(r.lesson->variants[0].image->rows == 512);
}

// A lesson file is read in pieces: one of exactly the limit (many pieces)
// loads whole, one a byte over is refused before it is parsed.
BOOST_AUTO_TEST_CASE(ALessonFileOfTheLimitLoadsWholeAndOneByteMoreIsRefused) {
  namespace fs = std::filesystem;
  const fs::path path = fs::temp_directory_path() / ("convlesson-size-limit-" + std::to_string(::getpid()) + ".yaml");
  for (const std::size_t size : {cl::limits::kMaxLessonBytes, cl::limits::kMaxLessonBytes + 1}) {
    std::string yaml(cl::testing::kMinimal);
    yaml += "# ";
    yaml += std::string(size - yaml.size() - 1, 'x');
    yaml += "\n";
    BOOST_REQUIRE(yaml.size() == size);
    std::ofstream(path, std::ios::binary) << yaml;
    const LoadResult r = cl::LoadLessonFile(path.string());
    if (size == cl::limits::kMaxLessonBytes) {
      BOOST_TEST(r.lesson.has_value(), Printed(r));
      BOOST_TEST(r.source == yaml);
    } else {
      BOOST_TEST(!r.lesson.has_value());
      BOOST_TEST(Printed(r).find("a lesson file must be at most 1 MiB") != std::string::npos, Printed(r));
    }
  }
  fs::remove(path);
}

BOOST_AUTO_TEST_CASE(TooManyProblemsAreCut) {
  std::string yaml = "title: T\nimage: {pattern: vertical-bar}\nfilter: identity\n";
  for (int i = 0; i < 60; ++i) yaml += "unknown" + std::to_string(i) + ": 1\n";
  const LoadResult r = cl::testing::Load(yaml);
  BOOST_TEST(r.diagnostics.size() == 51u);
  BOOST_TEST(FormatDiagnostic(r.diagnostics.back(), r.source) == "t.yaml: error: too many problems; showing the first 50\n");
}

BOOST_AUTO_TEST_CASE(BoundariesThatStillWork) {
  // A pool window exactly the map's size, and a filter exactly the padded image's size.
  for (const std::string yaml : {"image: {pattern: {kind: diagonal, size: 2}}\nfilter: [[1]]\n",
                                 "image: {pixels: [[1, 2, 3]]}\nfilter: identity\npool: none\nconv: {padding: [1, 0]}\n"}) {
    const LoadResult r = cl::testing::Load("title: T\n" + yaml);
    BOOST_TEST(r.lesson.has_value(), Printed(r));
  }
}

BOOST_AUTO_TEST_CASE(EmptyPoolWindowIsAWarning) {
  // A 5-wide map, windows of 1 every 3 cells with pad: starts 0, 3, 6; the last covers nothing.
  const LoadResult r = cl::testing::Load(
      "title: T\nimage: {pattern: {kind: diagonal, size: [1, 5]}}\nfilter: [[1]]\n"
      "pool: {size: 1, stride: 3, remainder: pad}\n");
  BOOST_TEST(r.lesson.has_value());
  BOOST_TEST(Printed(r) ==
             "t.yaml:4:14: warning: the last pool window starts past the edge of the 1x5 map and covers no cell, so "
             "its value is 0; use remainder: drop or a stride no larger than the size\n"
             "    4 | pool: {size: 1, stride: 3, remainder: pad}\n"
             "      |              ^\n");
}
