// Markdown for the handout: an author's CommonMark prose (parsed by cmark) as
// PDF blocks. Paragraphs, emphasis, strong, code spans and blocks, lists
// (nested, ordered from their start number), block quotes, headings and
// thematic breaks are kept; raw HTML is dropped, as on the page; a link
// prints its text followed by its address; an image prints as "[image: alt]"
// because the handout never fetches anything. Deeply nested input is
// flattened rather than recursed into, so hostile prose cannot exhaust the
// stack.
#pragma once

#include <string_view>
#include <vector>

#include "render/cairo_pdf_document.h"

namespace cl {

// Appends the blocks of `markdown` to *blocks. Heading levels are shifted by
// `heading_offset` and clamped to 3..6, so an author's "# A" inside a section
// (level 2) never competes with the section's own heading.
void AppendMarkdownBlocks(std::string_view markdown, int heading_offset, std::vector<PdfBlock>* blocks);

}  // namespace cl
