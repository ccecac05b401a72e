// PDF layout rules, table by table: sharing a too-wide table's width out
// among its columns, cutting it into bands of columns, and how many lines of
// a paragraph go on the current page (widows and orphans).
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <utility>
#include <vector>

#include "render/pdf_layout_rules.h"

namespace cl {
namespace {

namespace bdata = boost::unit_test::data;

struct WidthsCase {
  std::vector<double> natural;
  double width;
  std::vector<double> want;
};
std::ostream& operator<<(std::ostream& os, const WidthsCase& c) {
  for (double w : c.natural) os << w << ' ';
  return os << "in " << c.width;
}

BOOST_DATA_TEST_CASE(FitColumnWidthsSharesOutTheWidth,
                     bdata::make(std::vector<WidthsCase>{
                         {{50, 60}, 200, {50, 60}},             // fits: natural widths
                         {{100, 100}, 200, {100, 100}},         // exactly fits
                         {{100, 300}, 200, {100, 100}},         // the narrow one keeps its width
                         {{20, 300, 300}, 200, {20, 90, 90}},   // a narrow label, two wide columns share the rest
                         {{300, 300, 300}, 300, {100, 100, 100}},
                         {{10, 40, 500}, 150, {10, 40, 100}},   // fixed in two rounds: 10 (< 50), then 40 (< 70)
                         {{}, 100, {}},
                     }),
                     c) {
  BOOST_TEST(FitColumnWidths(c.natural, c.width) == c.want, boost::test_tools::per_element());
}

struct BandsCase {
  std::vector<double> natural;
  double width;
  bool label;
  std::vector<std::pair<size_t, size_t>> want;
};
std::ostream& operator<<(std::ostream& os, const BandsCase& c) {
  for (double w : c.natural) os << w << ' ';
  return os << "in " << c.width << (c.label ? " with labels" : "");
}

BOOST_DATA_TEST_CASE(ColumnBandRangesCutWideTables,
                     bdata::make(std::vector<BandsCase>{
                         {{20, 30, 30, 30}, 200, true, {{1, 4}}},              // fits: one band
                         {{20, 30, 30, 30, 30}, 80, true, {{1, 3}, {3, 5}}},   // label + two per band
                         {{20, 30, 30, 30, 30}, 80, false, {{0, 3}, {3, 5}}},  // no label: 20 + 30 + 30
                         {{20, 100, 30}, 80, true, {{1, 2}, {2, 3}}},          // too wide alone: still one column
                         {{20}, 80, true, {}},                                 // labels only: nothing to band
                         {{}, 80, false, {}},
                     }),
                     c) {
  const auto got = ColumnBandRanges(c.natural, c.width, c.label);
  BOOST_REQUIRE(got.size() == c.want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    BOOST_TEST(got[i].first == c.want[i].first);
    BOOST_TEST(got[i].second == c.want[i].second);
  }
}

struct LinesCase {
  size_t fit, left;
  bool first_piece, keep_whole, at_top;
  size_t want;
};
std::ostream& operator<<(std::ostream& os, const LinesCase& c) {
  return os << c.fit << " of " << c.left << (c.first_piece ? " first" : "") << (c.keep_whole ? " whole" : "")
            << (c.at_top ? " top" : "");
}

BOOST_DATA_TEST_CASE(LinesForThisPageAvoidWidowsAndOrphans,
                     bdata::make(std::vector<LinesCase>{
                         {5, 5, true, false, false, 5},   // all fit
                         {4, 5, true, false, false, 3},   // one would be left alone: take it a companion
                         {3, 4, true, false, false, 2},   // same with three on this page
                         {2, 3, true, false, false, 2},   // two kept here: a lone last line is allowed then
                         {1, 5, true, false, false, 0},   // the first line alone at the foot: new page
                         {1, 5, false, false, false, 1},  // a later piece may be one line
                         {1, 5, true, false, true, 1},    // an empty page takes what fits
                         {0, 5, false, false, false, 0},  // nothing fits: new page
                         {0, 5, false, false, true, 1},   // taller than a page: place a line anyway
                         {2, 3, true, true, false, 0},    // whole-only text moves whole
                         {2, 3, true, true, true, 2},     // unless the page is empty
                         {3, 3, true, true, false, 3},
                     }),
                     c) {
  BOOST_TEST(LinesForThisPage(c.fit, c.left, c.first_piece, c.keep_whole, c.at_top) == c.want);
}

}  // namespace
}  // namespace cl
