// PDF text: Pango layouts for the handout, measured in points. One text
// context per document, set up for print (72 units per inch, no hinting, no
// rounding of glyph positions) so measurements made while paginating are the
// ones drawn. A layout's lines can be drawn in pieces, which is how a
// paragraph breaks across pages.
#pragma once

#include <pango/pangocairo.h>

#include <memory>
#include <string>
#include <vector>

#include "scene/scene.h"

namespace cl {

// A shared, reference-counted PangoLayout.
using LayoutPtr = std::shared_ptr<PangoLayout>;

struct PdfTextStyle {
  const char* family = "DejaVu Sans";
  double size = 10;  // points
  bool bold = false;
  bool italic = false;
  Color color{0x1a, 0x1a, 0x1a};
  PangoAlignment align = PANGO_ALIGN_LEFT;
  bool ellipsize = false;  // one line, cut with "…" at the width (running footers)
  double line_spacing = 0;  // line height as a multiple of the font size; 0: the font's own
};

// One line of a layout, in points from the layout's top.
struct PdfLine {
  double top = 0, bottom = 0, baseline = 0;
  double x = 0;  // logical left edge (alignment)
  double width = 0;
};

// A laid-out piece of text with its lines' metrics.
struct PdfText {
  LayoutPtr layout;
  std::vector<PdfLine> lines;
  Color color;
  double width = 0;   // widest line
  double height() const { return lines.empty() ? 0 : lines.back().bottom - lines.front().top; }
  // Height of lines [first, last).
  double Height(size_t first, size_t last) const;
};

// A context for print measurement; one per document (not thread-shared).
class PdfTextContext {
 public:
  // `language`: a BCP 47 tag, for line breaking and shaping.
  explicit PdfTextContext(const std::string& language = "en");
  ~PdfTextContext();
  PdfTextContext(const PdfTextContext&) = delete;
  PdfTextContext& operator=(const PdfTextContext&) = delete;

  // Lays out `markup` (Pango markup; invalid markup is shown as plain text)
  // wrapped at `width` points (<= 0: no wrapping). Lines break between words,
  // and inside a word only when it is wider than the line (code, long
  // addresses), so text never runs past its width.
  PdfText Layout(const std::string& markup, const PdfTextStyle& style, double width) const;

 private:
  PangoContext* context_ = nullptr;
};

// Draws lines [first, last) of `text` with the first line's top at (x, y).
void DrawTextLines(cairo_t* cr, const PdfText& text, size_t first, size_t last, double x, double y);

}  // namespace cl
