#include "lesson/text_scan.h"

#include <fmt/format.h>

#include "base/utf8.h"

namespace cl {
namespace {

bool IsContinuation(unsigned char b) { return (b & 0xC0) == 0x80; }

bool IsForbiddenControl(unsigned char b) {
  return (b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F;
}

}  // namespace

std::optional<EncodingProblem> FindEncodingProblem(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (IsForbiddenControl(b))
      return EncodingProblem{i, fmt::format("control character U+{:04X} is not allowed in a lesson; is this a text file?", b)};
    const std::size_t n = Utf8SequenceLength(text, i);
    if (n == 0) return EncodingProblem{i, fmt::format("the file is not valid UTF-8 (byte 0x{:02x})", b)};
    i += n;
  }
  return std::nullopt;
}

std::string SanitizeForDisplay(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    const std::size_t n = IsForbiddenControl(b) ? 0 : Utf8SequenceLength(text, i);
    if (n == 0) {
      out += '?';
      ++i;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

int CountCodePoints(std::string_view text) {
  int count = 0;
  for (char c : text)
    if (!IsContinuation(static_cast<unsigned char>(c))) ++count;
  return count;
}

LineColumn LineColumnAt(std::string_view text, std::size_t offset) {
  if (offset > text.size()) offset = text.size();
  LineColumn at{1, 1};
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++at.line;
      line_start = i + 1;
    }
  }
  at.column = 1 + CountCodePoints(text.substr(line_start, offset - line_start));
  return at;
}

}  // namespace cl
