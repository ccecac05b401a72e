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
#include "document/page_geometry.h"
#include "render/cairo_pdf_text.h"
#include "render/pdf_layout_rules.h"

namespace cl {

// The sheet pages are broken on (document/page_geometry.h), by its older names.
using PdfPageGeometry = doc::PageGeometry;
inline constexpr double kPdfInkFreeBorder = doc::kInkFreeBorder;
inline PdfPageGeometry PdfPaper(std::string_view paper, bool compact = false) { return doc::Paper(paper, compact); }

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
