// PDF document: what a handout says, as a flat list of blocks (headings,
// paragraphs, list items, code, tables, figures) for the Cairo PDF writer to
// typeset and paginate. Plain data, no Cairo: the site decides the content,
// the writer decides only line breaks and page breaks. Inline text is Pango
// markup (bold, italic, monospace); build it with PdfEscape for plain text.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "scene/scene.h"

namespace cl {

// `text` with &, <, >, ' and " as markup entities, invalid UTF-8 and
// control characters (other than tab and newline) as U+FFFD.
// Also breaks a run of more than 48 characters without a space with a
// zero-width space, so a long word or link wraps instead of running off the
// page (and Pango sets it in linear time).
std::string PdfEscape(std::string_view text);

struct PdfHeading {
  int level = 2;        // 1: the document's title, 2: a section, 3..6 below
  std::string markup;
  std::string outline;  // plain text for the PDF outline; empty: not in the outline
};

enum class PdfParagraphStyle {
  Body,
  Lead,     // larger, under the title (the lesson's summary)
  Note,     // smaller and grey (remarks such as "too large to print")
  Quote,    // indented with a bar on the left (Markdown block quotes)
};

struct PdfParagraph {
  std::string markup;
  PdfParagraphStyle style = PdfParagraphStyle::Body;
  int indent = 0;      // nesting depth (lists, quotes); each level indents the text
  std::string marker;  // list item marker ("•", "3."), hung left of the text
  bool compact = false;  // little space after (items of a tight list)
};

struct PdfCode {
  std::string text;  // plain text, kept verbatim (wrapped, never clipped)
  int indent = 0;
};

enum class PdfAlign { Left, Right, Center };

struct PdfTable {
  std::vector<std::string> header;             // markup; may be empty (no header row)
  std::vector<std::vector<std::string>> rows;  // markup; every row has header.size() (or columns) cells
  std::vector<PdfAlign> align;                 // per column; missing columns: left
  bool first_column_header = false;            // first column set like the header (row labels)
  bool monospace = false;                      // cells in the monospace font (numbers line up)
  std::string caption;                         // markup, above the table; may be empty
  // Too wide for the page: print it as several tables of consecutive columns
  // (each repeating the first column when it holds row labels, and captioned
  // "(columns A–B)" from the header) instead of wrapping every cell.
  bool column_bands = false;
};

struct PdfFigure {
  Scene scene;          // drawn as vectors, scaled to fit the text width
  std::string caption;  // markup, under the figure
  double max_height_fraction = 0.45;  // of the text block's height
  // Points per scene unit when the figure fits: 0.75 for screen frames (a
  // CSS pixel is 0.75 pt), 1 for figures drawn for paper in points.
  double natural_scale = 0.75;
  bool border = true;   // a thin grey frame around it (screen frames)
};

// A line of a table of contents: the entry, and the page it points to. The
// page is clickable in the PDF.
struct PdfTocEntry {
  std::string markup;
  int level = 1;         // 1: a lesson, 2: a section in it (indented)
  int target_page = 0;   // 0-based page index of the destination
  double target_y = 0;   // points from the page's top
};

struct PdfRule {};       // a thin horizontal line across the text
struct PdfPageBreak {};  // the next block starts a new page

using PdfBlock =
    std::variant<PdfHeading, PdfParagraph, PdfCode, PdfTable, PdfFigure, PdfTocEntry, PdfRule, PdfPageBreak>;

struct PdfDocument {
  std::string title;  // plain text: PDF metadata and running footer
  std::vector<PdfBlock> blocks;
};

}  // namespace cl
