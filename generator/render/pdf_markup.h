// PDF markup: document runs (document/document.h) as the Pango markup the PDF
// text is laid out from. The only place print text becomes markup, so author
// text is escaped exactly once.
#pragma once

#include <string>
#include <string_view>

#include "document/document.h"

namespace cl {

// `text` with &, <, >, ' and " as markup entities, invalid UTF-8 and
// control characters (other than tab and newline) as U+FFFD.
// Also breaks a run of more than 48 characters without a space with a
// zero-width space, so a long word or link wraps instead of running off the
// page (and Pango sets it in linear time).
std::string PdfEscape(std::string_view text);

// Each run escaped and wrapped in its style's tags: <b> or a regular-weight
// span, <i>, the monospace family, the tone's colour.
std::string RunsMarkup(const doc::Runs& runs);

}  // namespace cl
