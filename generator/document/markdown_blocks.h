// Markdown for print: an author's CommonMark prose (parsed by cmark) as
// document blocks (document/document.h), the one converter every printed
// output uses (handouts, the course file's intro). Paragraphs, emphasis,
// strong, code spans and blocks, lists (nested, ordered from their start
// number), block quotes, headings and thematic breaks are kept; raw HTML is
// dropped, as on the page; a link prints its text followed by its address;
// an image prints as "[image: alt]" because print never fetches anything.
// The walk is cmark's iterator, never recursion, so hostile nesting cannot
// exhaust the stack.
#pragma once

#include <string_view>
#include <vector>

#include "document/document.h"

namespace cl::doc {

// Appends the blocks of `markdown` to *blocks. Heading levels are shifted by
// `heading_offset` and clamped to 3..6, so an author's "# A" inside a section
// (level 2) never competes with the section's own heading.
void AppendMarkdownBlocks(std::string_view markdown, int heading_offset, std::vector<Block>* blocks);

}  // namespace cl::doc
