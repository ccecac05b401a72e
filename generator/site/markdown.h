// Markdown: an author's CommonMark prose as HTML that is safe to place in a
// page. Raw HTML is dropped (cmark's safe mode), dangerous link schemes
// (javascript:, vbscript:, file:, most data:) become empty links, and images
// that would be fetched become plain links to them, so a page never loads
// anything the build did not write. Headings are shifted down so that an
// author's "# Heading" inside a section never competes with the page's h1/h2.
#pragma once

#include <string>
#include <string_view>

namespace cl {

// Renders `markdown` to an HTML fragment. `heading_offset` is added to every
// heading level (clamped to h6): 2 puts "# A" at h3 under a section's h2.
std::string MarkdownToHtml(std::string_view markdown, int heading_offset);

}  // namespace cl
