#include "storyboard/storyboard.h"

#include "storyboard/beat_plan.h"
#include "storyboard/captions.h"
#include "storyboard/headings.h"
#include "storyboard/settings_text.h"

namespace cl {
namespace {

Beat MakeBeat(Stage stage, BeatText text) {
  Beat b;
  b.stage = stage;
  b.caption = std::move(text.caption);
  b.description = std::move(text.description);
  return b;
}

std::vector<CellRange> RangesFor(BeatBudget::Unit unit, int rows, int cols, int beats) {
  switch (unit) {
    case BeatBudget::Unit::Cell: return CellBeats(rows, cols);
    case BeatBudget::Unit::Row: return RowGroupBeats(rows, cols, rows);
    case BeatBudget::Unit::RowGroup: return RowGroupBeats(rows, cols, beats);
  }
  return {};
}

// Each beat's step, stage title and headings (storyboard/headings.h).
void NameBeats(const Variant& v, bool per_cell, const Messages& m, Storyboard* story) {
  std::vector<Beat>& beats = story->beats;
  const int total = static_cast<int>(beats.size());
  for (int i = 0; i < total;) {
    const Stage stage = beats[static_cast<std::size_t>(i)].stage;
    int end = i;
    while (end < total && beats[static_cast<std::size_t>(end)].stage == stage) ++end;
    for (int k = i; k < end; ++k) {
      Beat& b = beats[static_cast<std::size_t>(k)];
      b.step = StepText(k + 1, total, m);
      b.stage_title = StageTitle(stage, v, m);
      b.heading = StageHeading(stage, v, k - i + 1, end - i, per_cell, m);
      b.title = FrameTitle(v.label, b.heading);
    }
    i = end;
  }
}

int PerCode(BeatsPer per) { return per == BeatsPer::Cell ? 1 : per == BeatsPer::Row ? 2 : 0; }

}  // namespace

const char* StageName(Stage s) {
  switch (s) {
    case Stage::Intro: return "intro";
    case Stage::Conv: return "conv";
    case Stage::Activation: return "activation";
    case Stage::Pool: return "pool";
    case Stage::Summary: return "summary";
  }
  return "intro";
}

Storyboard PlanStoryboard(const Variant& v, const VariantResult& r, const BeatsSpec& spec, const Messages& m) {
  Storyboard story;
  story.text = &m;
  story.label = v.label;
  const bool activation = v.activation.type != ActivationType::None;
  const Grid* pooled = r.pooled ? &*r.pooled : nullptr;
  const int fixed = 2 + (activation ? 1 : 0);
  const BeatBudget budget = PlanBeatBudget(PerCode(spec.per), spec.max, fixed, r.conv.rows, r.conv.cols,
                                           pooled ? pooled->rows : 0, pooled ? pooled->cols : 0);
  if (!budget.warning.empty())
    story.warnings.push_back({Severity::Warning, spec.where, "variant '" + v.label + "': " + budget.warning});

  const std::vector<CellRange> conv = RangesFor(budget.unit, r.conv.rows, r.conv.cols, budget.conv_beats);
  const std::vector<CellRange> pool =
      pooled ? RangesFor(budget.unit, pooled->rows, pooled->cols, budget.pool_beats) : std::vector<CellRange>{};
  story.beats.reserve(fixed + conv.size() + pool.size());

  story.beats.push_back(MakeBeat(Stage::Intro, IntroText(v, r, m)));

  const bool per_cell = budget.unit == BeatBudget::Unit::Cell;
  for (const CellRange& range : conv) {
    const int row = range.first / r.conv.cols, col = range.first % r.conv.cols;
    Beat b = MakeBeat(Stage::Conv, per_cell ? ConvCellText(v, TraceConvCell(v, row, col), m)
                                            : ConvRowsText(v, r, row, range.last / r.conv.cols, m));
    b.first_cell = range.first;
    b.last_cell = range.last;
    b.conv_filled = range.last + 1;
    story.beats.push_back(std::move(b));
  }
  const int conv_cells = r.conv.rows * r.conv.cols;

  if (activation) {
    Beat b = MakeBeat(Stage::Activation, ActivationText(v, r, m));
    b.conv_filled = conv_cells;
    b.activated = true;
    story.beats.push_back(std::move(b));
  }

  for (const CellRange& range : pool) {
    const int row = range.first / pooled->cols, col = range.first % pooled->cols;
    Beat b = MakeBeat(Stage::Pool, per_cell ? PoolCellText(v, r, TracePoolCell(v, r.activated, row, col), m)
                                            : PoolRowsText(v, r, row, range.last / pooled->cols, m));
    b.first_cell = range.first;
    b.last_cell = range.last;
    b.conv_filled = conv_cells;
    b.activated = true;
    b.pool_filled = range.last + 1;
    story.beats.push_back(std::move(b));
  }

  Beat summary = MakeBeat(Stage::Summary, SummaryText(v, r, m));
  summary.conv_filled = conv_cells;
  summary.activated = true;
  summary.pool_filled = pooled ? pooled->rows * pooled->cols : 0;
  story.beats.push_back(std::move(summary));

  NameBeats(v, per_cell, m, &story);
  story.conv_settings = ConvSettingsWords(v.conv, m);
  story.pool_settings = pooled ? PoolSettingsWords(v.pool, m) : std::string();
  story.animation = PlanAnimation(story);
  return story;
}

}  // namespace cl
