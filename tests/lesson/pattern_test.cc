// Pattern images: each kind, the band and span defaults for odd and even
// sides, and checkerboard cells.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "lesson/pattern_image.h"
#include "lesson_test_util.h"

namespace bdata = boost::unit_test::data;
using namespace cl;
using cl::testing::G;
using cl::testing::Printed;

namespace {

struct PatternCase {
  std::string pattern;  // the value of image.pattern
  Grid want;
};
std::ostream& operator<<(std::ostream& os, const PatternCase& c) { return os << c.pattern; }

}  // namespace

BOOST_DATA_TEST_CASE(Patterns,
                     bdata::make(std::vector<PatternCase>{
                         // Even side: the middle two columns, all rows, value 9 on 0.
                         {"{kind: vertical-bar, size: 4}", G({{0, 9, 9, 0}, {0, 9, 9, 0}, {0, 9, 9, 0}, {0, 9, 9, 0}})},
                         // Odd side: the middle one.
                         {"{kind: vertical-bar, size: 5, value: 1}",
                          G({{0, 0, 1, 0, 0}, {0, 0, 1, 0, 0}, {0, 0, 1, 0, 0}, {0, 0, 1, 0, 0}, {0, 0, 1, 0, 0}})},
                         // [rows, columns]: the band counts columns, the span rows.
                         {"{kind: vertical-bar, size: [3, 5], band: [0, 1], span: 1, value: 2, background: -1}",
                          G({{-1, -1, -1, -1, -1}, {2, 2, -1, -1, -1}, {-1, -1, -1, -1, -1}})},
                         {"{kind: horizontal-bar, size: 4}", G({{0, 0, 0, 0}, {9, 9, 9, 9}, {9, 9, 9, 9}, {0, 0, 0, 0}})},
                         {"{kind: horizontal-bar, size: [3, 4], span: [1, 2]}", G({{0, 0, 0, 0}, {0, 9, 9, 0}, {0, 0, 0, 0}})},
                         {"{kind: horizontal-bar, size: [5, 2], band: 4}",
                          G({{0, 0}, {0, 0}, {0, 0}, {0, 0}, {9, 9}})},
                         {"{kind: checkerboard, size: 3, value: 1}", G({{1, 0, 1}, {0, 1, 0}, {1, 0, 1}})},
                         {"{kind: checkerboard, size: [4, 5], cell: 2, value: 1}",
                          G({{1, 1, 0, 0, 1}, {1, 1, 0, 0, 1}, {0, 0, 1, 1, 0}, {0, 0, 1, 1, 0}})},
                         {"{kind: diagonal, size: [3, 4], value: 5, background: 1}", G({{5, 1, 1, 1}, {1, 5, 1, 1}, {1, 1, 5, 1}})},
                         {"{kind: diagonal, size: 1}", G({{9}})},
                         // The kind alone takes every default: 6x6.
                         {"checkerboard", G({{9, 0, 9, 0, 9, 0}, {0, 9, 0, 9, 0, 9}, {9, 0, 9, 0, 9, 0},
                                            {0, 9, 0, 9, 0, 9}, {9, 0, 9, 0, 9, 0}, {0, 9, 0, 9, 0, 9}})},
                         {"horizontal-bar", G({{0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0}, {9, 9, 9, 9, 9, 9},
                                              {9, 9, 9, 9, 9, 9}, {0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0}})},
                     }),
                     c) {
  const LoadResult r = cl::testing::Load("title: T\nfilter: [[1]]\npool: none\nimage: {pattern: " + c.pattern + "}\n");
  BOOST_TEST_REQUIRE(r.lesson.has_value(), Printed(r));
  BOOST_TEST((r.lesson->variants[0].image == c.want));
}

BOOST_AUTO_TEST_CASE(DefaultBandIsTheMiddle) {
  BOOST_TEST((DefaultBand(1) == std::pair{0, 0}));
  BOOST_TEST((DefaultBand(2) == std::pair{0, 1}));
  BOOST_TEST((DefaultBand(6) == std::pair{2, 3}));
  BOOST_TEST((DefaultBand(7) == std::pair{3, 3}));
}
