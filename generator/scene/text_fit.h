// Text fitting: wrapping and shortening text to a width, measured with the
// font's advance widths (scene/text_metrics.h). Used for captions, headings
// and labels so no text leaves its box.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cl {

// Splits `text` into lines no wider than `width` at spaces; a word wider than
// the width is cut (with "…") so that it fits. At most `max_lines` lines: the
// last is shortened with "…" when text remains.
std::vector<std::string> WrapText(std::string_view text, double size, double width, int max_lines, bool bold = false);

// `text` itself if it fits `width`, else its longest prefix (whole UTF-8
// characters) followed by "…" that fits; "" when not even "…" fits, or when
// that prefix would keep fewer than `min_kept` characters ("N…" says nothing).
std::string FitText(std::string_view text, double size, double width, bool bold = false, std::size_t min_kept = 0);

}  // namespace cl
