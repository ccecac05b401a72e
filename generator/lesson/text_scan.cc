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

namespace {

constexpr std::size_t kCheckpointBytes = 4096;

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  checkpoints_.push_back({0, {1, 1}});
  int line = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const Checkpoint& last = checkpoints_.back();
    if (text[i] == '\n') {
      checkpoints_.push_back({i + 1, {++line, 1}});
    } else if (i - last.offset >= kCheckpointBytes && !IsContinuationByte(text[i])) {
      const int column = last.at.column + CountCodePoints(text.substr(last.offset, i - last.offset));
      checkpoints_.push_back({i, {line, column}});
    }
  }
}

LineColumn LineIndex::At(std::size_t offset) const {
  if (offset > text_.size()) offset = text_.size();
  auto after = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), offset,
                                [](std::size_t o, const Checkpoint& c) { return o < c.offset; });
  const Checkpoint& from = *(after - 1);
  LineColumn at = from.at;
  at.column += CountCodePoints(text_.substr(from.offset, offset - from.offset));
  return at;
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
