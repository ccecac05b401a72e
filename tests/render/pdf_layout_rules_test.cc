// PDF layout rules, table by table: sharing a too-wide table's width out
// among its columns, cutting it into bands of columns, how many lines of a
// paragraph go on the current page (widows and orphans), what a block needs
// to start on a page and what must come with it, and the page breaker as a
// whole: block heights and a page in, every piece's page and top out.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
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

// Boxes of round heights on a 100-point text block.
FlowBox Whole(double h, double before = 0, double after = 0) {
  FlowBox b;
  b.height = h;
  b.space_before = before;
  b.space_after = after;
  return b;
}
FlowBox Lines(size_t n, double line = 10, bool keep_whole = false, bool keep_with_next = false) {
  FlowBox b;
  b.kind = FlowBox::Kind::Lines;
  for (size_t i = 0; i < n; ++i) b.lines.push_back(LineExtent{line * static_cast<double>(i), line * static_cast<double>(i + 1)});
  b.keep_whole = keep_whole;
  b.keep_with_next = keep_with_next;
  return b;
}
FlowBox Heading(double h = 10) { return Lines(1, h, true, true); }
FlowBox Rows(double caption, double header, size_t n, double row) {
  FlowBox b;
  b.kind = FlowBox::Kind::Rows;
  b.caption = caption;
  b.header = header;
  b.rows.assign(n, row);
  return b;
}
FlowBox Kind(FlowBox::Kind kind, double before = 0) {
  FlowBox b;
  b.kind = kind;
  b.space_before = before;
  return b;
}

struct StartCase {
  std::string name;
  FlowBox box;
  double want;
};
std::ostream& operator<<(std::ostream& os, const StartCase& c) { return os << c.name; }

BOOST_DATA_TEST_CASE(StartHeightIsWhatMustFitFirst,
                     bdata::make(std::vector<StartCase>{
                         {"three lines start whole", Lines(3), 30},
                         {"four lines start with two", Lines(4), 20},
                         {"a heading is whole", Lines(5, 10, true), 50},
                         {"a figure is whole", Whole(42), 42},
                         {"a short table moves whole", Rows(5, 10, 3, 10), 45},
                         {"a long table starts with caption, header and a row", Rows(5, 10, 10, 10), 25},
                         {"a spacer needs nothing", Kind(FlowBox::Kind::Spacer), 0},
                     }),
                     c) {
  BOOST_TEST(StartHeight(c.box, 100) == c.want);
}

struct KeepCase {
  std::string name;
  std::vector<FlowBox> boxes;
  double want;  // KeepHeight of boxes[0]
};
std::ostream& operator<<(std::ostream& os, const KeepCase& c) { return os << c.name; }

BOOST_DATA_TEST_CASE(KeepHeightFollowsChainsOfHeadings,
                     bdata::make(std::vector<KeepCase>{
                         {"nothing kept without keep_with_next", {Lines(1), Whole(30)}, 0},
                         {"a heading keeps the next figure", {Heading(), Whole(30, 6)}, 36},
                         {"and the first two lines of a long paragraph", {Heading(), Lines(8)}, 20},
                         {"a chain: the next heading whole with its space after, then its start",
                          {Heading(), [] { FlowBox h = Heading(12); h.space_after = 3; return h; }(), Lines(2)}, 35},
                         {"a page break ends the chain", {Heading(), Kind(FlowBox::Kind::PageBreak), Whole(30)}, 0},
                         {"the last block keeps nothing", {Heading()}, 0},
                         {"at most four deep", {Heading(), Heading(), Heading(), Heading(), Heading(), Whole(30)}, 40},
                     }),
                     c) {
  BOOST_TEST(KeepHeight(c.boxes, 0, 100) == c.want);
}

struct NewPageCase {
  bool at_top;
  double pending, height, room;
  bool want;
};
std::ostream& operator<<(std::ostream& os, const NewPageCase& c) {
  return os << c.pending << " + " << c.height << " in " << c.room << (c.at_top ? " at top" : "");
}

BOOST_DATA_TEST_CASE(NeedsNewPageWhenItDoesNotFit,
                     bdata::make(std::vector<NewPageCase>{
                         {false, 0, 50, 50, false},   // exactly fits
                         {false, 6, 50, 50, true},    // the space before tips it over
                         {true, 0, 500, 100, false},  // an empty page takes anything
                         {false, 0, 10, 5, true},
                     }),
                     c) {
  BOOST_TEST(NeedsNewPage(c.at_top, c.pending, c.height, c.room) == c.want);
}

BOOST_AUTO_TEST_CASE(LinesThatFitCountsWithPadding) {
  const std::vector<LineExtent> lines = Lines(5).lines;
  BOOST_TEST(LinesThatFit(lines, 0, 0, 35) == 3u);
  BOOST_TEST(LinesThatFit(lines, 0, 5, 35) == 2u);  // 5 above and below
  BOOST_TEST(LinesThatFit(lines, 3, 0, 100) == 2u);
  BOOST_TEST(LinesThatFit(lines, 0, 0, 5) == 0u);
  BOOST_TEST(LinesHeight(lines, 1, 4) == 30);
  BOOST_TEST(LinesHeight(lines, 2, 2) == 0);
}

// `box` keeping softly with the next.
FlowBox Soft(FlowBox box) {
  box.keep_with_next = box.soft_keep = true;
  return box;
}

// Pieces of each box: "page:first-last@y" (lines, rows) or "page@y", boxes
// separated by " | "; then the page count.
std::string Assignments(const std::vector<FlowBox>& boxes) {
  int pages = 0;
  const std::vector<FlowPlacement> placed = BreakIntoPages(boxes, FlowFrame{0, 100}, &pages);
  std::string out;
  for (size_t i = 0; i < placed.size(); ++i) {
    if (i > 0) out += " |";
    for (const FlowPiece& p : placed[i].pieces) {
      out += " " + std::to_string(p.page);
      if (boxes[i].kind == FlowBox::Kind::Lines || boxes[i].kind == FlowBox::Kind::Rows) {
        out += ":" + std::to_string(p.first) + "-" + std::to_string(p.last);
      }
      out += "@" + std::to_string(static_cast<int>(p.y));
    }
  }
  return out + " / " + std::to_string(pages);
}

struct BreakCase {
  std::string name;
  std::vector<FlowBox> boxes;
  std::string want;
};
std::ostream& operator<<(std::ostream& os, const BreakCase& c) { return os << c.name; }

BOOST_DATA_TEST_CASE(BreakIntoPagesAssignsEveryPiece,
                     bdata::make(std::vector<BreakCase>{
                         {"figures fill a page, then the next", {Whole(40), Whole(40), Whole(40)},
                          " 0@0 | 0@40 | 1@0 / 2"},
                         {"a figure taller than the page still goes on an empty one", {Whole(30), Whole(150)},
                          " 0@0 | 1@0 / 2"},
                         {"a paragraph flows on", {Whole(45), Lines(10)}, " 0@0 | 0:0-5@45 1:5-10@0 / 2"},
                         {"no single line alone at the head of a page", {Whole(60), Lines(5)},
                          " 0@0 | 0:0-3@60 1:3-5@0 / 2"},
                         {"a short paragraph moves whole", {Whole(75), Lines(3)}, " 0@0 | 1:0-3@0 / 2"},
                         {"unbreakable text moves whole", {Whole(50), Lines(6, 10, true)}, " 0@0 | 1:0-6@0 / 2"},
                         {"a heading never ends a page", {Whole(80), Heading(), Whole(30)},
                          " 0@0 | 1:0-1@0 | 1@10 / 2"},
                         {"a chain of headings moves with the text's start", {Whole(70), Heading(), Heading(), Lines(5)},
                          " 0@0 | 1:0-1@0 | 1:0-1@10 | 1:0-5@20 / 2"},
                         {"a question keeps with its answer", {Whole(75), Lines(1, 10, false, true), Lines(2)},
                          " 0@0 | 1:0-1@0 | 1:0-2@10 / 2"},
                         {"spaces collapse to the larger", {Whole(40, 0, 10), Whole(40, 6)}, " 0@0 | 0@50 / 1"},
                         {"space is dropped at the top of a page", {Whole(60, 0, 10), Whole(40, 5)},
                          " 0@0 | 1@0 / 2"},
                         {"a page break starts a new page", {Whole(10), Kind(FlowBox::Kind::PageBreak), Whole(10)},
                          " 0@0 | | 1@0 / 2"},
                         {"but never an empty one", {Kind(FlowBox::Kind::PageBreak), Whole(10)}, " | 0@0 / 1"},
                         {"an empty table keeps only its space", {Whole(10, 0, 2), Kind(FlowBox::Kind::Spacer, 4), Whole(10)},
                          " 0@0 | | 0@14 / 1"},
                         {"a short table moves whole", {Whole(75), Rows(5, 5, 4, 5)}, " 0@0 | 1:0-4@0 / 2"},
                         {"a long table splits between rows and repeats its header", {Rows(10, 10, 12, 10)},
                          " 0:0-8@0 1:8-12@0 / 2"},
                         {"a long table starts where its first row fits", {Whole(70), Rows(10, 10, 12, 10)},
                          " 0@0 | 0:0-1@70 1:1-10@0 2:10-12@0 / 3"},
                         {"no last row alone under a repeated header", {Rows(10, 10, 9, 10)},
                          " 0:0-7@0 1:7-9@0 / 2"},
                         {"unless the page would keep none", {Whole(50), Rows(0, 10, 2, 30)},
                          " 0@0 | 0:0-1@50 1:1-2@0 / 2"},
                         {"a soft keep that adds no page holds", {Whole(60), Soft(Whole(30)), Whole(20)},
                          " 0@0 | 1@0 | 1@30 / 2"},
                         {"a soft keep that adds a page is let go",
                          {Whole(60), Soft(Whole(30)), Whole(20), Whole(70)}, " 0@0 | 0@60 | 1@0 | 1@20 / 2"},
                     }),
                     c) {
  BOOST_TEST(Assignments(c.boxes) == c.want);
}

}  // namespace
}  // namespace cl
