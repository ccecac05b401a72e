#include "base/diagnostic.h"

#include <algorithm>

#include <fmt/format.h>

namespace cl {
namespace {

// Sets *out to the 1-based line `line` of `source` without its newline; false when out of range.
bool SourceLine(std::string_view source, int line, std::string_view* out) {
  if (line < 1) return false;
  size_t start = 0;
  for (int i = 1; i < line; ++i) {
    size_t nl = source.find('\n', start);
    if (nl == std::string_view::npos) return false;
    start = nl + 1;
  }
  if (start >= source.size()) return false;
  size_t end = source.find('\n', start);
  std::string_view text = source.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  *out = text;
  return true;
}

// A source line longer than this is shown as this many bytes around the
// column, elided at either end: a minified 900 KB lesson on one line printed
// whole under each of its 50 errors made 45 MB of output.
constexpr size_t kMostShownBytes = 160;

// The part of `text` around the 1-based byte `column` that is shown, whole
// UTF-8 sequences only; *elided_before and *elided_after say what was cut.
std::string_view ShownPart(std::string_view text, int column, bool* elided_before, bool* elided_after) {
  *elided_before = *elided_after = false;
  if (text.size() <= kMostShownBytes) return text;
  const auto at = static_cast<size_t>(std::clamp(column, 1, static_cast<int>(text.size())) - 1);
  size_t start = at > kMostShownBytes / 3 ? at - kMostShownBytes / 3 : 0;
  size_t end = std::min(text.size(), start + kMostShownBytes);
  const auto continuation = [&](size_t i) { return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80; };
  while (continuation(start)) ++start;
  while (continuation(end)) --end;
  *elided_before = start > 0;
  *elided_after = end < text.size();
  return text.substr(start, end - start);
}

}  // namespace

std::string FormatDiagnostic(const Diagnostic& d, std::string_view source) {
  const char* kind = d.severity == Severity::Error ? "error" : "warning";
  std::string out;
  if (d.where.line > 0)
    out = fmt::format("{}:{}:{}: {}: {}\n", d.where.path, d.where.line, std::max(d.where.column, 1), kind, d.message);
  else
    out = fmt::format("{}: {}: {}\n", d.where.path, kind, d.message);
  std::string_view text;
  if (d.where.line > 0 && SourceLine(source, d.where.line, &text)) {
    std::string number = std::to_string(d.where.line);
    bool before = false, after = false;
    const std::string_view shown = ShownPart(text, d.where.column, &before, &after);
    const auto first = static_cast<int>(shown.data() - text.data());  // bytes of the line not shown before it
    // Tabs keep their width in the caret line so the caret stays under the column.
    std::string pad = before ? " " : "";  // under the "…"
    for (int i = first; i + 1 < std::max(d.where.column, 1) && i < first + static_cast<int>(shown.size()); ++i)
      pad += text[static_cast<size_t>(i)] == '\t' ? '\t' : ' ';
    const int room = first + static_cast<int>(shown.size()) - std::max(d.where.column, 1);  // bytes shown after the caret
    const int tildes = std::clamp(d.span - 1, 0, std::max(room, 0));
    out += fmt::format("{:>5} | {}{}{}\n", number, before ? "…" : "", shown, after ? "…" : "");
    out += fmt::format("{:>5} | {}^{}\n", "", pad, std::string(static_cast<size_t>(tildes), '~'));
  }
  return out;
}

bool HasErrors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

bool PromoteWarnings(std::vector<Diagnostic>* diagnostics) {
  bool any = false;
  for (Diagnostic& d : *diagnostics)
    if (d.severity == Severity::Warning) {
      d.severity = Severity::Error;
      d.message += " [--werror]";
      any = true;
    }
  return any;
}

}  // namespace cl
