// PDF layout rules: the decisions the paginator makes, as small pure
// functions on numbers (no Cairo, no Pango), so each rule is table-tested on
// its own (tests/render/pdf_layout_rules_test.cc): how a table too wide for
// the text block shares out its width, how it splits into bands of columns,
// and how many lines of a paragraph go on the current page.
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

}  // namespace cl
