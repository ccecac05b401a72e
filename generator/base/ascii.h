// ASCII case folding, for keywords, file-name suffixes and URL schemes: only
// A-Z change, so UTF-8 text passes through untouched and the result never
// depends on the C locale.
#pragma once

#include <string>
#include <string_view>

namespace cl {

// "Max POOL é" -> "max pool é".
std::string AsciiLower(std::string_view text);

}  // namespace cl
