#include "lesson/text_scan.h"

#include <algorithm>
#include <iterator>
#include <vector>

#include <fmt/format.h>

#include "base/utf8.h"

namespace cl {
namespace {

bool IsContinuation(unsigned char b) { return (b & 0xC0) == 0x80; }

bool IsControl(uint32_t cp) { return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F); }

std::string NotAllowed(uint32_t cp) {
  return fmt::format("{} U+{:04X} is not allowed in a lesson", IsControl(cp) ? "control character" : "noncharacter", cp);
}

}  // namespace

bool IsForbiddenCodePoint(uint32_t cp) {
  return IsControl(cp) || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

std::optional<EncodingProblem> FindForbiddenCodePoint(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    bool valid = true;
    const std::size_t at = i;
    const uint32_t cp = NextCodePoint(text, &i, &valid);
    if (valid && IsForbiddenCodePoint(cp)) return EncodingProblem{at, NotAllowed(cp)};
  }
  return std::nullopt;
}

std::optional<EncodingProblem> FindEncodingProblem(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    uint32_t cp = 0;
    const std::size_t n = Utf8SequenceLength(text, i, &cp);
    if (n == 0) {
      const auto b = static_cast<unsigned char>(text[i]);
      // A lone C0 byte is one-byte UTF-8, so only bytes from 0x80 on land here.
      return EncodingProblem{i, fmt::format("the file is not valid UTF-8 (byte 0x{:02x})", b)};
    }
    if (IsForbiddenCodePoint(cp))
      return EncodingProblem{i, NotAllowed(cp) + (IsControl(cp) ? "; is this a text file?" : "")};
    i += n;
  }
  return std::nullopt;
}

std::string SanitizeForDisplay(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    uint32_t cp = 0;
    const std::size_t n = Utf8SequenceLength(text, i, &cp);
    if (n == 0 || IsForbiddenCodePoint(cp)) {
      out += '?';
      i += n == 0 ? 1 : n;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

std::string CloseBidiControls(std::string_view text) {
  constexpr uint32_t kPopFormatting = 0x202C, kPopIsolate = 0x2069;
  std::vector<uint32_t> open;  // the closer each open control needs, innermost last
  for (std::size_t i = 0; i < text.size();) {
    const uint32_t cp = NextCodePoint(text, &i);
    if (cp == 0x202A || cp == 0x202B || cp == 0x202D || cp == 0x202E) {
      open.push_back(kPopFormatting);
    } else if (cp >= 0x2066 && cp <= 0x2068) {
      open.push_back(kPopIsolate);
    } else if (cp == kPopFormatting) {
      // Closes an embedding only inside the innermost isolate.
      if (!open.empty() && open.back() == kPopFormatting) open.pop_back();
    } else if (cp == kPopIsolate) {
      // Closes the innermost open isolate and every embedding opened inside it.
      const auto isolate = std::find(open.rbegin(), open.rend(), kPopIsolate);
      if (isolate != open.rend()) open.erase(std::prev(isolate.base()), open.end());
    }
  }
  std::string out(text);
  for (auto it = open.rbegin(); it != open.rend(); ++it) out += *it == kPopIsolate ? "\u2069" : "\u202C";
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
