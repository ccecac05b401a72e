#include "scene/title_slide.h"

#include "scene/grid_items.h"
#include "scene/palette.h"
#include "scene/text_fit.h"
#include "scene/text_metrics.h"

namespace cl {
namespace {

using palette::kBackground;
using palette::kInk;
using palette::kMutedInk;

constexpr double kMargin = 160;
constexpr double kTextWidth = kTitleSlideWidth - 2 * kMargin;
constexpr double kTitleSize = 72, kSummarySize = 40, kFactSize = 30, kFooterSize = 26;
constexpr double kLineGap = 1.25;  // line pitch as a multiple of the size
constexpr double kFooterBaseline = kTitleSlideHeight - 90;

// Appends `lines` from baseline *y down; returns false (adding nothing) when
// the last of them would pass `bottom`.
bool AddLines(Scene& scene, const std::vector<std::string>& lines, double size, Color color, bool bold, double* y,
              double bottom) {
  const double pitch = size * kLineGap;
  if (lines.empty()) return true;
  if (*y + pitch * static_cast<double>(lines.size() - 1) > bottom) return false;
  for (const std::string& line : lines) {
    AddText(scene, kMargin, *y, line, size, color, TextAnchor::Start, bold);
    *y += pitch;
  }
  return true;
}

}  // namespace

Scene LayoutTitleSlide(const TitleSlideText& text) {
  Scene scene;
  scene.width = kTitleSlideWidth;
  scene.height = kTitleSlideHeight;
  scene.background = kBackground;
  scene.title = text.title;
  scene.desc = text.summary;
  const double bottom = kFooterBaseline - 2 * kFooterSize;
  double y = 240;
  AddLines(scene, WrapText(text.title, kTitleSize, kTextWidth, 3, true), kTitleSize, kInk, true, &y, bottom);
  y += 0.6 * kSummarySize;
  if (!text.summary.empty()) {
    AddLines(scene, WrapText(text.summary, kSummarySize, kTextWidth, 4), kSummarySize, kInk, false, &y, bottom);
    y += 0.8 * kFactSize;
  }
  for (std::size_t i = 0; i < text.facts.size(); ++i) {
    const bool last = i + 1 == text.facts.size();
    std::vector<std::string> lines = WrapText(text.facts[i], kFactSize, kTextWidth, 2);
    // Room for this fact and, unless it is the last, the gap and a line
    // saying more follow (without the gap the "…" itself did not fit, and
    // the slide left variants out without a word).
    const double after = last ? 0 : kFactSize * kLineGap + 0.35 * kFactSize;
    if (!AddLines(scene, lines, kFactSize, kMutedInk, false, &y, bottom - after)) {
      AddLines(scene, {"…"}, kFactSize, kMutedInk, false, &y, bottom);
      break;
    }
    y += 0.35 * kFactSize;
  }
  if (!text.footer.empty())
    AddText(scene, kMargin, kFooterBaseline, FitText(text.footer, kFooterSize, kTextWidth), kFooterSize, kMutedInk,
            TextAnchor::Start);
  return scene;
}

}  // namespace cl
