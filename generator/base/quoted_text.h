// Quoted text: a string as one double-quoted line, for the stage dumps. What
// a reader could not see or that would break the line is escaped (\" \\ \n
// \t \r, other control characters as \u00XX); everything else, UTF-8
// included, is kept as it is, so captions stay readable.
#pragma once

#include <string>
#include <string_view>

namespace cl {

// "say \"hi\"\n" for `say "hi"` and a newline.
std::string QuotedText(std::string_view text);

}  // namespace cl
