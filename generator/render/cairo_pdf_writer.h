// PDF writer: handouts through Cairo's PDF surface. A lesson's handout is one
// document; the course handout puts every lesson behind a contents page with
// page numbers (clickable) and a PDF outline. Pages carry a running footer
// with the page number. Text stays text (selectable and searchable), figures
// stay vectors. The bytes depend only on the input: the creation and
// modification dates come from the options, never the clock.
#pragma once

#include <string>
#include <vector>

#include "render/cairo_pdf_document.h"

namespace cl {

struct PdfOptions {
  std::string paper = "a4";         // "a4" | "letter"
  long long source_date_epoch = 0;  // seconds since 1970 UTC; 0: 2000-01-01T00:00:00Z
  bool compact = false;             // the brief handout's margins and type (PdfPaper)
  std::string author;               // PDF metadata; empty: none written
  std::string subject;              // PDF metadata; empty: none written
};

// The date stamped into PDFs for `source_date_epoch` ("2000-01-01T00:00:00Z"
// for 0; clamped to years 1970..9999).
std::string PdfDate(long long source_date_epoch);

// One document, its title in the metadata and footer. Returns false with
// *error when Cairo fails.
bool WritePdf(const PdfDocument& document, const PdfOptions& options, std::string* pdf, std::string* error);

// `documents` one after the other, each from a new page, behind a title page
// headed `title` with their contents (titles and level-2 headings with page
// numbers). When `intro` has blocks, the title page holds the title and them,
// and the contents start on the next page.
bool WriteCoursePdf(const std::string& title, const std::vector<PdfBlock>& intro,
                    const std::vector<PdfDocument>& documents, const PdfOptions& options, std::string* pdf,
                    std::string* error);

}  // namespace cl
