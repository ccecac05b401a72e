#include "storyboard/storyboard_dump.h"

#include <fmt/format.h>

#include "base/quoted_text.h"

namespace cl {
namespace {

std::string CellsText(const Beat& b) {
  if (b.last_cell < b.first_cell) return "none";
  if (b.last_cell == b.first_cell) return std::to_string(b.first_cell);
  return fmt::format("{}-{}", b.first_cell, b.last_cell);
}

std::string LocationText(const SourceLocation& where) {
  if (where.line <= 0) return "";
  return fmt::format(" at {}:{}", where.line, where.column);
}

}  // namespace

std::string DumpStoryboard(const Storyboard& story) {
  std::string out = fmt::format("storyboard {}: {} beat{}\n", QuotedText(story.label), story.beats.size(),
                                story.beats.size() == 1 ? "" : "s");
  for (const Diagnostic& w : story.warnings)
    out += fmt::format("  {}{}: {}\n", w.severity == Severity::Error ? "error" : "warning", LocationText(w.where),
                       QuotedText(w.message));
  for (std::size_t i = 0; i < story.beats.size(); ++i) {
    const Beat& b = story.beats[i];
    out += fmt::format("  beat {}: {}, cells {}, filled conv {}, activated {}, pool {}\n", i + 1, StageName(b.stage),
                       CellsText(b), b.conv_filled, b.activated ? "yes" : "no", b.pool_filled);
    out += "    caption: " + QuotedText(b.caption) + "\n";
    out += "    description: " + QuotedText(b.description) + "\n";
  }
  return out;
}

}  // namespace cl
