// PDF writer: print documents (document/document.h) through Cairo's PDF
// surface. It decides nothing a document says: it lays text out with Pango,
// paginates (render/cairo_pdf_pages.h, rules in render/pdf_layout_rules.h) and
// paints. A lesson's handout is one document; a course puts its parts behind
// a contents page with page numbers (clickable) and a PDF outline. Pages carry a running footer
// with the page number. Text stays text (selectable and searchable), figures
// stay vectors. The bytes depend only on the input: the creation and
// modification dates come from the options, never the clock.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/file_system.h"
#include "document/document.h"

namespace cl {

struct PdfOptions {
  std::string paper = "a4";         // "a4" | "letter"
  long long source_date_epoch = 0;  // seconds since 1970 UTC; 0: 2000-01-01T00:00:00Z
  bool compact = false;             // the brief handout's margins and type (PdfPaper)
};

// The date stamped into PDFs for `source_date_epoch` ("2000-01-01T00:00:00Z"
// for 0; clamped to years 1970..9999).
std::string PdfDate(long long source_date_epoch);

// One document, its metadata in the PDF and its title in the footer, given
// to `write` in pieces as it is made (or gathered into *pdf). Returns false
// with *error when Cairo or the writer fails.
bool WritePdf(const doc::Document& document, const PdfOptions& options, const PieceWriter& write, std::string* error);
bool WritePdf(const doc::Document& document, const PdfOptions& options, std::string* pdf, std::string* error);

// A document laid out and broken into pages, to be drawn into any number of
// PDFs, by any thread, at once if need be (render/cairo_pdf_text.h): a
// lesson's handout is laid out once for handout.pdf and course.pdf.
struct PdfPages;
std::shared_ptr<const PdfPages> LayOutPdf(doc::Document document, const PdfOptions& options);
// As WritePdf above, on the sheets `pages` were laid out for.
bool WritePdf(const PdfPages& pages, const PdfOptions& options, const PieceWriter& write, std::string* error);

// How many documents this process has laid out, by LayOutPdf or by WritePdf
// of a document (for tests of what a build lays out once).
long long PdfDocumentsLaidOut();

// The course's parts one after the other, each from a new page with its own
// title in the footer, behind a title page headed course.meta.title with
// their contents (titles and level-2 headings with page numbers). When
// course.title_page has blocks, the title page holds the title and them, and
// the contents start on the next page. Each part is drawn as laid out for
// its own PDF, so it must have been laid out for the course's sheets
// (options.paper and options.compact); else this fails. Written as WritePdf
// writes.
bool WriteCoursePdf(const doc::Course& course, const std::vector<std::shared_ptr<const PdfPages>>& parts,
                    const PdfOptions& options, const PieceWriter& write, std::string* error);
bool WriteCoursePdf(const doc::Course& course, const std::vector<std::shared_ptr<const PdfPages>>& parts,
                    const PdfOptions& options, std::string* pdf, std::string* error);

}  // namespace cl
