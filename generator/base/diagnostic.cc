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
    // Tabs keep their width in the caret line so the caret stays under the column.
    std::string pad;
    for (int i = 0; i + 1 < std::max(d.where.column, 1) && i < static_cast<int>(text.size()); ++i)
      pad += text[static_cast<size_t>(i)] == '\t' ? '\t' : ' ';
    out += fmt::format("{:>5} | {}\n", number, text);
    out += fmt::format("{:>5} | {}^{}\n", "", pad, std::string(static_cast<size_t>(std::max(d.span, 1) - 1), '~'));
  }
  return out;
}

bool HasErrors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

}  // namespace cl
