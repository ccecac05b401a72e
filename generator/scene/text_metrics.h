// Text metrics: widths of text in DejaVu Sans (the font every renderer uses)
// without a font engine, so that scene/ can keep text boxes apart while
// knowing nothing of Cairo. The advance widths come from the font files
// themselves (scripts/font_metrics.py writes text_metrics_table.inc); no
// kerning is applied, matching how the Cairo painter places glyphs.
#pragma once

#include <string>
#include <string_view>

namespace cl {

// Advance width of `utf8` at font size `size` (units). Characters missing from
// the table (other scripts, which a fallback font draws) count as one em,
// wider than any glyph in the table, so a measurement rarely falls short.
double TextWidth(std::string_view utf8, double size, bool bold = false);

// The same width in the font's design units: whole numbers, so the widths
// of pieces of a text add up to exactly the width of the whole (for text
// cut at ASCII spaces, whole characters each). TextWidth is
// WidthOfUnits(TextUnits(utf8, bold), size, bold).
long long TextUnits(std::string_view utf8, bool bold = false);
double WidthOfUnits(long long units, double size, bool bold = false);

// True when every character of `utf8` is in the table, i.e. DejaVu Sans has
// a glyph for it; renderers draw other text through a font fallback.
bool FontCovers(std::string_view utf8);

// `utf8` with every malformed sequence replaced by U+FFFD, for renderers that
// refuse invalid text.
std::string ValidUtf8(std::string_view utf8);

// Typographic ascent and descent of the font as fractions of the size, for
// the vertical extent of a text box.
inline constexpr double kFontAscent = 0.928;   // DejaVu Sans hhea ascender / em
inline constexpr double kFontDescent = 0.236;  // DejaVu Sans hhea descender / em

}  // namespace cl
