// ASCII case changes, for keywords, file-name suffixes, URL schemes and names
// made of ids: only A-Z and a-z change, so UTF-8 text passes through
// untouched and the result never depends on the C locale.
#pragma once

#include <string>
#include <string_view>

namespace cl {

// "Max POOL é" -> "max pool é".
std::string AsciiLower(std::string_view text);

// A dashed lowercase name (an id, a preset name) as words: dashes become
// spaces and a leading a-z its capital. "my-first-lesson" -> "My first
// lesson", "sobel-x" -> "Sobel x", "0-padding" -> "0 padding".
std::string DashedNameAsWords(std::string_view name);

}  // namespace cl
