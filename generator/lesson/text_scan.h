// Text scanning helpers for lesson sources: UTF-8 validation before parsing,
// code-point counting for limits and carets, and byte offsets to 1-based
// line:column positions (columns count code points, as people see them).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cl {

struct EncodingProblem {
  std::size_t offset = 0;  // byte offset of the offending byte
  std::string message;     // e.g. "the file is not valid UTF-8 (byte 0xff)"
};

// The first byte that is not valid UTF-8 or is a control character YAML
// forbids (anything below U+0020 except tab, line feed and carriage return,
// and U+007F); nullopt when the text is clean.
std::optional<EncodingProblem> FindEncodingProblem(std::string_view text);

// `text` with every byte FindEncodingProblem would object to replaced by '?',
// so that a snippet of a broken file can be printed safely.
std::string SanitizeForDisplay(std::string_view text);

// Number of code points in valid UTF-8 (continuation bytes are not counted).
int CountCodePoints(std::string_view text);

struct LineColumn {
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in code points
};
// Position of byte `offset` in `text` (offset may equal text.size()).
LineColumn LineColumnAt(std::string_view text, std::size_t offset);

}  // namespace cl
