// Print document model: what a handout, worksheet, answer key or course file
// says, as plain data that no backend owns. The site composes documents from
// a built lesson (site/brief_handout, site/handout_document,
// site/worksheet_document); Markdown enters once, through
// document/markdown_blocks.h; the Cairo PDF writer (render/cairo_pdf_writer)
// only measures, paginates and paints them.
//
// Contract:
// - Text is runs of plain UTF-8 with a style (weight, italic, monospace, a
//   tone), never markup: a backend escapes it for its own format, so no
//   author text can inject markup.
// - Blocks are flat and in reading order. A list is a run of paragraphs
//   with markers and indents, as a reader sees it; a table's cells are runs.
// - Figures are scenes (scene/scene.h) drawn in their own units and scaled
//   by the backend, never above `natural_scale`; paper figures
//   (site/paper_figures.h) are drawn in points at scale 1, for the text
//   width of the sheet (document/page_geometry.h) the backend then uses.
// - Page-break hints are requests the paginator honours where it can: a
//   heading always keeps with what follows, `keep_with_next` does the same
//   for a paragraph or figure (a run of short blocks that each keep with the
//   next is a keep-together group, up to four deep; a figure's soft keep
//   holds only where it adds no page), a PageBreak starts a new page, a
//   figure or a contents line never splits.
// - Words the layout itself prints (the course's contents heading, the
//   caption of a table's column bands) are data here too, so a catalogue can
//   translate them.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "scene/scene.h"

namespace cl::doc {

// Inherit: the block's own weight (bold for headings, table headers and
// captions); Regular: normal weight even there.
enum class Weight { Inherit, Bold, Regular };

// Inherit: the block's colour. Muted: secondary text (a link's address, an
// image's alt text). Negative, Positive: a value's sign, in the diverging
// scale's blue and orange, so a table reads like the figures.
enum class Tone { Inherit, Muted, Negative, Positive };

struct Run {
  std::string text;  // plain UTF-8; a backend escapes it
  Weight weight = Weight::Inherit;
  bool italic = false;
  bool mono = false;  // code and numbers meant to line up
  Tone tone = Tone::Inherit;
  friend bool operator==(const Run&, const Run&) = default;
};
using Runs = std::vector<Run>;

// Runs in one line: Text("a") + Bold("b").
inline Runs Text(std::string text) { return {Run{std::move(text)}}; }
inline Run Plain(std::string text) { return Run{std::move(text)}; }
inline Run Bold(std::string text) { return Run{std::move(text), Weight::Bold}; }
inline Run Regular(std::string text) { return Run{std::move(text), Weight::Regular}; }
inline Run Italic(std::string text) { return Run{std::move(text), Weight::Inherit, true}; }
inline Run Toned(std::string text, Tone tone) { return Run{std::move(text), Weight::Inherit, false, false, tone}; }

// The runs' text without styles, in order.
std::string PlainText(const Runs& runs);

struct Heading {
  int level = 2;  // 1: the document's title, 2: a section, 3..6 below
  Runs text;
  std::string outline;  // plain text for the PDF outline; empty: not in the outline
};

enum class ParagraphStyle {
  Body,
  Lead,   // larger, under the title (the lesson's summary)
  Note,   // smaller and grey (remarks such as "too large to print")
  Quote,  // indented with a bar on the left (Markdown block quotes)
};

// A paragraph, or a list item when it has a marker.
struct Paragraph {
  Runs text;
  ParagraphStyle style = ParagraphStyle::Body;
  int indent = 0;        // nesting depth (lists, quotes); each level indents the text
  std::string marker;    // list item marker ("•", "3."), hung left of the text
  bool compact = false;  // little space after (items of a tight list)
  bool keep_with_next = false;  // on the page of the next block's start (a question and its answer)
};

struct Code {
  std::string text;  // plain text, kept verbatim (wrapped, never clipped)
  int indent = 0;
};

enum class Align { Left, Right, Center };

struct Table {
  std::vector<Runs> header;             // may be empty (no header row)
  std::vector<std::vector<Runs>> rows;  // every row has header.size() (or columns) cells
  std::vector<Align> align;             // per column; missing columns: left
  bool first_column_header = false;     // first column set like the header (row labels)
  bool monospace = false;               // cells in the monospace font (numbers line up)
  Runs caption;                         // above the table; may be empty
  // Too wide for the page: print it as several tables of consecutive columns
  // (each repeating the first column when it holds row labels) instead of
  // wrapping every cell; each band's caption gets `band_note` with {first}
  // and {last} replaced by the band's first and last column headers.
  bool column_bands = false;
  std::string band_note = "(columns {first}\u2013{last})";
};

struct Figure {
  Scene scene;  // drawn as vectors, scaled to fit the text width
  Runs caption; // under the figure
  double max_height_fraction = 0.45;  // of the text block's height
  // Points per scene unit when the figure fits: 0.75 for screen frames (a
  // CSS pixel is 0.75 pt), 1 for figures drawn for paper in points.
  double natural_scale = 0.75;
  bool border = true;  // a thin grey frame around it (screen frames)
  bool keep_with_next = false;
  bool keep_softly = false;  // keep_with_next only where that adds no page to the document
};

// A line of a table of contents: the entry, and the page it points to (the
// page number is printed right and is clickable in the PDF).
struct ContentsLine {
  Runs text;
  int level = 1;        // 1: a lesson, 2: a section in it (indented)
  int target_page = 0;  // 0-based page index of the destination
  double target_y = 0;  // points from the page's top
};

struct Rule {};       // a thin horizontal line across the text
struct PageBreak {};  // the next block starts a new page

using Block = std::variant<Heading, Paragraph, Code, Table, Figure, ContentsLine, Rule, PageBreak>;

struct Metadata {
  std::string title;     // plain text: the PDF's title and the running footer
  std::string author;    // empty: none written
  std::string subject;   // empty: none written
  std::string language = "en";  // BCP 47 tag, for line breaking and shaping
};

struct Document {
  Metadata meta;
  std::vector<Block> blocks;
};

// What a course handout (course.pdf) puts before its parts, the lessons'
// documents: a title page and a contents page. The title page is a level-1
// heading of meta.title and `title_page`; when that has blocks the contents
// start on the next page.
struct Course {
  Metadata meta;
  std::vector<Block> title_page;
  std::string contents_heading = "Contents";
};

}  // namespace cl::doc
