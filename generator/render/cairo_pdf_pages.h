// PDF pages: a document's blocks broken into pages, in three steps. Prepare
// lays each block out with Pango at the text block's width (and scales
// figures to fit it); Measure turns it into a FlowBox of heights; the pure
// page breaker (render/pdf_layout_rules.h: headings stay with what follows,
// no single line alone at the foot or head of a page, tables repeat their
// header row on each page they span, figures move whole with their captions)
// says where every piece goes; Draw* turn the pieces into a display list per
// page that the writer paints. Nothing here draws.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "document/document.h"
#include "render/cairo_pdf_text.h"
#include "render/pdf_layout_rules.h"

namespace cl {

// A sheet of paper in points, with the text block's margins. Only the footer
// (page numbers) is drawn between the text block and the paper's edge, and
// nothing within kPdfInkFreeBorder of the edge.
struct PdfPageGeometry {
  double width = 0, height = 0;
  double left = 0, right = 0, top = 0, bottom = 0;
  double footer_baseline = 0;  // from the page's top
  // Compact: a handout meant to fit one or two sheets (narrower margins, 9 pt
  // body text, smaller headings); never below 8 pt.
  bool compact = false;
  double text_width() const { return width - left - right; }
  double text_height() const { return height - top - bottom; }
};

inline constexpr double kPdfInkFreeBorder = 28.0;  // points (about 1 cm)

// "letter": US Letter (612 x 792 pt); anything else: A4 (595.28 x 841.89 pt).
// `compact`: the brief handout's tighter margins and type (see
// PdfPageGeometry::compact).
PdfPageGeometry PdfPaper(std::string_view paper, bool compact = false);

struct PdfPlacedText {
  std::shared_ptr<const PdfText> text;
  size_t first = 0, last = 0;  // lines drawn
  double x = 0, y = 0;         // top-left of the first line
};
struct PdfPlacedRect {
  double x = 0, y = 0, w = 0, h = 0;
  Color fill;
};
struct PdfPlacedFigure {
  const Scene* scene = nullptr;  // into the document, which must outlive the pages
  double x = 0, y = 0, scale = 1;
  bool border = true;
};
struct PdfPlacedLink {
  double x = 0, y = 0, w = 0, h = 0;
  int target_page = 0;  // 0-based
  double target_y = 0;
};
using PdfPlaced = std::variant<PdfPlacedText, PdfPlacedRect, PdfPlacedFigure, PdfPlacedLink>;

struct PdfPageContent {
  std::vector<PdfPlaced> items;
  std::string footer;  // plain text, left of the page number
};

struct PdfOutlineItem {
  int depth = 0;  // 0: top level
  std::string title;
  int page = 0;   // 0-based
  double y = 0;
};

struct PdfFlow {
  std::vector<PdfPageContent> pages;
  std::vector<PdfOutlineItem> outline;
};

class PdfPaginator {
 public:
  PdfPaginator(const PdfTextContext& text, const PdfPageGeometry& page);

  // Flows `blocks` from the top of a new page; their pages get `footer`.
  // Headings with an outline title become outline items at depth
  // level - 1 + outline_depth. Returns the 0-based index of the first page.
  int AddBlocks(const std::vector<doc::Block>& blocks, const std::string& footer, int outline_depth);

  const PdfFlow& flow() const { return flow_; }
  PdfFlow Take() { return std::move(flow_); }

 private:
  struct Prepared;
  Prepared Prepare(const doc::Block& block) const;
  std::vector<double> NaturalColumnWidths(const doc::Table& t, size_t columns) const;
  std::vector<doc::Table> ColumnBands(const doc::Table& t) const;
  FlowBox Measure(const Prepared& p) const;
  void DrawText(const Prepared& p, const FlowPiece& piece, std::vector<PdfPlaced>& items) const;
  void DrawTable(const Prepared& p, const FlowPiece& piece, bool first_piece, std::vector<PdfPlaced>& items) const;
  void DrawFigure(const Prepared& p, const FlowPiece& piece, std::vector<PdfPlaced>& items) const;

  const PdfTextContext& text_;
  PdfPageGeometry page_;
  PdfFlow flow_;
};

}  // namespace cl
