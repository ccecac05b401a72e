// Page geometry: a sheet of paper in points with its text block's margins,
// part of the print model because composing a document already depends on it
// (paper figures are laid out for the text block's width) and every backend
// must then paginate on the same sheet. No fonts, no backend.
#pragma once

#include <string_view>

namespace cl::doc {

// Only the footer (page numbers) is drawn between the text block and the
// paper's edge, and nothing within kInkFreeBorder of the edge.
struct PageGeometry {
  double width = 0, height = 0;
  double left = 0, right = 0, top = 0, bottom = 0;
  double footer_baseline = 0;  // from the page's top
  // Compact: a handout meant to fit one or two sheets (narrower margins, 9 pt
  // body text, smaller headings); never below 8 pt.
  bool compact = false;
  double text_width() const { return width - left - right; }
  double text_height() const { return height - top - bottom; }
  friend bool operator==(const PageGeometry&, const PageGeometry&) = default;
};

inline constexpr double kInkFreeBorder = 28.0;  // points (about 1 cm)

// "letter": US Letter (612 x 792 pt); anything else: A4 (595.28 x 841.89 pt).
// `compact`: the brief handout's tighter margins and type.
PageGeometry Paper(std::string_view paper, bool compact = false);

}  // namespace cl::doc
