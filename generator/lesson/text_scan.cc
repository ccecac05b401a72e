#include "lesson/text_scan.h"

#include <fmt/format.h>

namespace cl {
namespace {

bool IsContinuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// Length of the valid UTF-8 sequence starting at text[i], or 0 when invalid
// (overlong forms, surrogates and values above U+10FFFF are invalid).
std::size_t SequenceLength(std::string_view text, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) return 1;
  std::size_t n = 0;
  unsigned min = 0;
  unsigned cp = 0;
  if ((b0 & 0xE0) == 0xC0) { n = 2; min = 0x80; cp = b0 & 0x1Fu; }
  else if ((b0 & 0xF0) == 0xE0) { n = 3; min = 0x800; cp = b0 & 0x0Fu; }
  else if ((b0 & 0xF8) == 0xF0) { n = 4; min = 0x10000; cp = b0 & 0x07u; }
  else return 0;
  if (i + n > text.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(text[i + k]);
    if (!IsContinuation(b)) return 0;
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

bool IsForbiddenControl(unsigned char b) {
  return (b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F;
}

}  // namespace

std::optional<EncodingProblem> FindEncodingProblem(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (IsForbiddenControl(b))
      return EncodingProblem{i, fmt::format("control character U+{:04X} is not allowed in a lesson; is this a text file?", b)};
    const std::size_t n = SequenceLength(text, i);
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
    const std::size_t n = IsForbiddenControl(b) ? 0 : SequenceLength(text, i);
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
