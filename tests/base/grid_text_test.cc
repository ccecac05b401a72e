// Terminal grids: right-aligned to one width per grid, ASCII minus.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "base/grid_text.h"

namespace bdata = boost::unit_test::data;
using cl::Grid;

namespace {

struct GridTextCase {
  const char* name;
  Grid grid;
  int indent;
  const char* want;
};
std::ostream& operator<<(std::ostream& os, const GridTextCase& c) { return os << c.name; }

}  // namespace

BOOST_AUTO_TEST_SUITE(GridTextSuite)

BOOST_DATA_TEST_CASE(
    AlignsEveryCellToTheWidestNumber,
    bdata::make(std::vector<GridTextCase>{
        {"negatives and positives share one width", Grid::FromRows({{-18, -18, 18, 18}, {-27, 0, 27, 7}}), 2,
         "  -18 -18  18  18\n"
         "  -27   0  27   7\n"},
        {"single digits stay tight", Grid::FromRows({{0, 9}, {9, 0}}), 0, "0 9\n9 0\n"},
        {"decimals and -0", Grid::FromRows({{0.5, -0.0}, {1.0 / 3.0, -2.25}}), 1,
         "                0.5                  0\n"
         " 0.3333333333333333              -2.25\n"},
        {"a 1x1 grid", Grid::FromRows({{-1}}), 4, "    -1\n"},
        {"an empty grid prints nothing", Grid(), 2, ""},
    }),
    c) {
  BOOST_TEST(cl::GridText(c.grid, c.indent) == c.want);
}

BOOST_AUTO_TEST_CASE(SizeIsRowsByColumns) {
  BOOST_TEST(cl::GridSizeText(Grid(2, 3)) == "2x3");
  BOOST_TEST(cl::GridSizeText(Grid(6, 6)) == "6x6");
}

BOOST_AUTO_TEST_SUITE_END()
