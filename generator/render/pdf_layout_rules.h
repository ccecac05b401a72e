// PDF layout rules: the decisions the paginator makes, as small pure
// functions on numbers (no Cairo, no Pango), so each rule is table-tested on
// its own (tests/render/pdf_layout_rules_test.cc): how a table too wide for
// the text block shares out its width, how it splits into bands of columns,
// how many lines of a paragraph go on the current page, what must fit for a
// block to start on a page, and, from those, which page every piece of every
// block lands on (BreakIntoPages). The paginator (render/cairo_pdf_pages)
// only measures blocks into FlowBoxes and draws the pieces this returns.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace cl {

// Column widths for a table whose columns would naturally take `natural`
// points, in a text block `width` wide. When they fit, the natural widths.
// Otherwise water-filling: columns narrower than a fair share keep their
// width, the others share what is left equally.
std::vector<double> FitColumnWidths(const std::vector<double>& natural, double width);

// A table too wide for `width` printed as bands of consecutive columns:
// [first, last) ranges over the data columns, each band as many columns as
// fit beside the label column (natural[0], repeated in every band) when
// `label_column`. Every band holds at least one column. One range of every
// data column when the whole table fits.
std::vector<std::pair<size_t, size_t>> ColumnBandRanges(const std::vector<double>& natural, double width,
                                                        bool label_column);

// How many lines of a paragraph go on this page. `fit`: how many of the
// `left` lines still to place fit in the room left; `first_piece`: no line
// of the paragraph is placed yet; `keep_whole`: the text never splits
// (headings, contents lines); `at_top`: the page holds nothing yet.
// 0 means "start a new page first". Rules: no single line alone at the head
// of the next page (give it a companion when this page keeps three or more),
// no first line alone at the foot of a page, whole-only text moves whole,
// and an empty page always takes at least one line (text taller than a page
// must still be placed).
size_t LinesForThisPage(size_t fit, size_t left, bool first_piece, bool keep_whole, bool at_top);

// One line of a text, in points from the text's top.
struct LineExtent {
  double top = 0, bottom = 0;
};

// Height of lines [first, last) drawn together; 0 for none.
double LinesHeight(const std::vector<LineExtent>& lines, size_t first, size_t last);

// How many lines from `first` on fit in `room` points, each piece padded by
// `pad` above and below.
size_t LinesThatFit(const std::vector<LineExtent>& lines, size_t first, double pad, double room);

// A block as the page breaker sees it: its measured heights, nothing else.
struct FlowBox {
  enum class Kind {
    Lines,      // text (paragraph, heading, code, contents line): breaks between lines
    Rows,       // a table: breaks between rows, its header repeated on every page
    Whole,      // a figure with its caption, a rule: never splits
    Spacer,     // draws nothing; its space before still counts (an empty table)
    PageBreak,  // the next block starts a new page
  };
  Kind kind = Kind::Whole;
  double space_before = 0, space_after = 0;  // collapsing: the larger of two neighbours' wins
  bool keep_with_next = false;  // its start shares a page with the next block's start (headings)
  bool soft_keep = false;       // keep_with_next only where that adds no page to the document
  // Lines
  std::vector<LineExtent> lines;
  double pad = 0;           // above and below every piece (code's background)
  bool keep_whole = false;  // never split (headings, contents lines)
  // Rows
  double caption = 0;       // over the first piece only
  double header = 0;        // over every piece
  std::vector<double> rows;
  // Whole
  double height = 0;
};

// The height a box needs to start on a page: a whole text when it is short
// (three lines or fewer) or never splits, else its first two lines; a table
// of up to half the text block whole, else its caption, header and first
// row; a whole box's height. Spacers and page breaks need nothing.
double StartHeight(const FlowBox& box, double text_height);

// Whether StartHeight is the whole box, so what follows it can be kept with it.
bool StartsWhole(const FlowBox& box);

// What must share the page with the start of boxes[i] when it keeps with the
// next: the next box's start with its space before, and, while the next box
// keeps with its own next and starts whole (a chain of headings), that one
// whole and its space after, then the next again (at most four deep). 0
// when boxes[i] does not keep with the next.
double KeepHeight(const std::vector<FlowBox>& boxes, size_t i, double text_height);

// Whether content needing `height` after `pending` space goes on a new page:
// when it does not fit in `room` and the page already holds something (an
// empty page takes anything, or nothing would ever be placed).
bool NeedsNewPage(bool at_top, double pending, double height, double room);

// A table of up to half the text block moves whole to the next page; a
// longer one may break after its first row.
bool TableMovesWhole(double whole, double text_height);

// The text block on every page, in points from the page's top.
struct FlowFrame {
  double top = 0, bottom = 0;
  double height() const { return bottom - top; }
};

// A piece of a box on one page: lines or rows [first, last) (0, 0 for a
// whole box), the piece's top at `y`. A table's first piece includes the
// caption; every table piece starts with the header.
struct FlowPiece {
  int page = 0;
  double y = 0;
  size_t first = 0, last = 0;
};

// Where a box starts (its page and top, also where a heading's outline
// entry points) and its pieces, in order. Spacers and page breaks have none.
struct FlowPlacement {
  int page = 0;
  double y = 0;
  std::vector<FlowPiece> pieces;
};

// Breaks `boxes` into pages from the top of page 0: one placement per box,
// and *pages set to how many pages they take (at least 1). Soft keeps are
// honoured only when the document takes no more pages for them.
std::vector<FlowPlacement> BreakIntoPages(const std::vector<FlowBox>& boxes, const FlowFrame& frame, int* pages);

}  // namespace cl
