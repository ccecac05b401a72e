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

// The beat's hold in the animation; 0 when the animation leaves it out.
int HoldOf(const AnimationPlan& plan, int beat) {
  for (const AnimationFrame& f : plan.frames)
    if (f.beat == beat) return f.hold_ms;
  return 0;
}

}  // namespace

std::string DumpStoryboard(const Storyboard& story) {
  std::string out = fmt::format("storyboard {}: {} beat{}\n", QuotedText(story.label), story.beats.size(),
                                story.beats.size() == 1 ? "" : "s");
  for (const Diagnostic& w : story.warnings)
    out += fmt::format("  {}{}: {}\n", w.severity == Severity::Error ? "error" : "warning", LocationText(w.where),
                       QuotedText(w.message));
  out += "  conv settings: " + QuotedText(story.conv_settings) + "\n";
  if (!story.pool_settings.empty()) out += "  pool settings: " + QuotedText(story.pool_settings) + "\n";
  for (std::size_t i = 0; i < story.beats.size(); ++i) {
    const Beat& b = story.beats[i];
    out += fmt::format("  beat {}: {}, cells {}, filled conv {}, activated {}, pool {}, hold {} ms\n", i + 1,
                       StageName(b.stage), CellsText(b), b.conv_filled, b.activated ? "yes" : "no", b.pool_filled,
                       HoldOf(story.animation, static_cast<int>(i)));
    out += "    title: " + QuotedText(b.title) + "\n";
    out += "    step: " + QuotedText(b.step) + "\n";
    out += "    caption: " + QuotedText(b.caption) + "\n";
    out += "    description: " + QuotedText(b.description) + "\n";
  }
  const AnimationPlan& a = story.animation;
  out += fmt::format("  animation: {} frame{}, {} ms a loop, still beat {}, palette from beats", a.frames.size(),
                     a.frames.size() == 1 ? "" : "s", CycleMs(a), a.still_beat + 1);
  for (int beat : a.palette_beats) out += fmt::format(" {}", beat + 1);
  out += "\n    description: " + QuotedText(a.description) + "\n";
  return out;
}

}  // namespace cl
