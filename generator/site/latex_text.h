// LaTeX text: plain UTF-8 text (captions, titles, labels) as LaTeX that
// pdflatex's default setup (UTF-8 input, T1 or OT1 fonts, no extra
// packages) typesets: the ten special characters escaped, and the
// typographic characters the tool itself writes (U+2212 minus, ×, ·, …, –, —,
// ⌊ ⌋, ≈, quotes) as the commands for them. Latin-1 letters pass through (the
// UTF-8 input encoding knows them); any other character passes through as
// UTF-8 too, which XeLaTeX and LuaLaTeX typeset and pdflatex accepts once the
// document declares it (docs/figures.md).
#pragma once

#include <string>
#include <string_view>

namespace cl {

std::string LatexEscape(std::string_view text);

}  // namespace cl
