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
  b.full_caption = std::move(text.full_caption);
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

// Each beat's step, stage title and headings (storyboard/headings.h). A run
// of beats of one stage on one map is counted on its own; with several
// filters the heading says which map ("Map 2 of 3 · Convolution · …").
void NameBeats(const Variant& v, bool per_cell, Storyboard* story) {
  std::vector<Beat>& beats = story->beats;
  const int total = static_cast<int>(beats.size());
  const bool stacked = FilterCount(v) > 1;
  for (int i = 0; i < total;) {
    const Beat& first = beats[static_cast<std::size_t>(i)];
    int end = i;
    while (end < total && beats[static_cast<std::size_t>(end)].stage == first.stage &&
           beats[static_cast<std::size_t>(end)].map == first.map)
      ++end;
    for (int k = i; k < end; ++k) {
      Beat& b = beats[static_cast<std::size_t>(k)];
      const Messages& m = *story->text;
      b.step = StepText(k + 1, total, m);
      b.stage_title = StageTitle(b.stage, v, m);
      b.heading = StageHeading(b.stage, v, k - i + 1, end - i, per_cell, m);
      if (stacked && b.stage != Stage::Intro && b.stage != Stage::Summary)
        b.heading = MapHeading(b.map, FilterCount(v), b.heading, m);
      b.title = FrameTitle(v.label, b.heading);
    }
    i = end;
  }
}

int PerCode(BeatsPer per) { return per == BeatsPer::Cell ? 1 : per == BeatsPer::Row ? 2 : 0; }

// The beats of a variant besides its maps' cells: intro, summary, activation.
int FixedBeats(const Variant& v) { return 2 + (v.activation.type != ActivationType::None ? 1 : 0); }

// How many maps the beats walk (one, the lesson's `map`, or each in turn),
// and the `max` each map's beats get: what is left after the intro and the
// summary, shared (with one map, `max` itself).
int WalkedMaps(const Variant& v, const BeatsSpec& spec) { return spec.map > 0 ? 1 : FilterCount(v); }
int PerMapMax(const BeatsSpec& spec, int walked) { return (spec.max - 2) / walked + 2; }

// The conv, activation and pool beats of one map (`v` and `r` focused on
// it), under `budget`; returns whether they are one cell each.
bool AppendMapBeats(const Variant& v, const VariantResult& r, const BeatBudget& budget, int map, Storyboard* story) {
  const Messages& m = *story->text;
  const bool activation = v.activation.type != ActivationType::None;
  const Grid* pooled = r.pooled() ? &*r.pooled() : nullptr;
  // A transposed convolution's beats walk the input cells, each scattering
  // its copy; a plain one's walk the output cells.
  const bool scatter = v.conv.transposed;
  const int walk_rows = ConvBeatRows(v, r), walk_cols = ConvBeatCols(v, r);
  const std::vector<CellRange> conv = RangesFor(budget.unit, walk_rows, walk_cols, budget.conv_beats);
  const std::vector<CellRange> pool =
      pooled ? RangesFor(budget.unit, pooled->rows, pooled->cols, budget.pool_beats) : std::vector<CellRange>{};
  story->beats.reserve(story->beats.size() + conv.size() + pool.size() + 2);

  const bool per_cell = budget.unit == BeatBudget::Unit::Cell;
  for (const CellRange& range : conv) {
    const int row = range.first / walk_cols, col = range.first % walk_cols;
    const int last_row = range.last / walk_cols;
    Beat b = MakeBeat(Stage::Conv, scatter ? (per_cell ? ScatterCellText(v, TraceScatterCell(v, row, col), m)
                                                       : ScatterRowsText(v, r, row, last_row, m))
                                   : per_cell ? ConvCellText(v, TraceConvCell(v, row, col), m)
                                              : ConvRowsText(v, r, row, last_row, m));
    b.map = map;
    b.first_cell = range.first;
    b.last_cell = range.last;
    b.conv_filled = range.last + 1;
    story->beats.push_back(std::move(b));
  }
  const int conv_cells = ConvBeatCells(v, r);

  if (activation) {
    Beat b = MakeBeat(Stage::Activation, ActivationText(v, r, m));
    b.map = map;
    b.conv_filled = conv_cells;
    b.activated = true;
    story->beats.push_back(std::move(b));
  }

  for (const CellRange& range : pool) {
    const int row = range.first / pooled->cols, col = range.first % pooled->cols;
    Beat b = MakeBeat(Stage::Pool, per_cell ? PoolCellText(v, r, TracePoolCell(v, r.activated(), row, col), m)
                                            : PoolRowsText(v, r, row, range.last / pooled->cols, m));
    b.map = map;
    b.first_cell = range.first;
    b.last_cell = range.last;
    b.conv_filled = conv_cells;
    b.activated = true;
    b.pool_filled = range.last + 1;
    story->beats.push_back(std::move(b));
  }
  return per_cell;
}

Beat SummaryBeat(const Variant& v, const VariantResult& r, BeatText text, int map) {
  Beat summary = MakeBeat(Stage::Summary, std::move(text));
  summary.map = map;
  summary.conv_filled = ConvBeatCells(v, r);
  summary.activated = true;
  summary.pool_filled = r.pooled() ? r.pooled()->rows * r.pooled()->cols : 0;
  return summary;
}

}  // namespace

int ConvBeatRows(const Variant& v, const VariantResult& r) { return v.conv.transposed ? v.image->rows : r.conv().rows; }
int ConvBeatCols(const Variant& v, const VariantResult& r) { return v.conv.transposed ? v.image->cols : r.conv().cols; }
int ConvBeatCells(const Variant& v, const VariantResult& r) { return ConvBeatRows(v, r) * ConvBeatCols(v, r); }

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
  const int fixed = FixedBeats(v);
  const int maps = FilterCount(v);
  bool per_cell = false;
  if (maps == 1) {
    const Grid* pooled = r.pooled() ? &*r.pooled() : nullptr;
    const BeatBudget budget = PlanBeatBudget(PerCode(spec.per), spec.max, fixed, ConvBeatRows(v, r), ConvBeatCols(v, r),
                                             pooled ? pooled->rows : 0, pooled ? pooled->cols : 0);
    if (!budget.warning.empty())
      story.warnings.push_back({Severity::Warning, spec.where, "variant '" + v.label + "': " + budget.warning});
    story.beats.push_back(MakeBeat(Stage::Intro, IntroText(v, r, m)));
    per_cell = AppendMapBeats(v, r, budget, 0, &story);
    story.beats.push_back(SummaryBeat(v, r, SummaryText(v, r, m), 0));
  } else {
    // Several maps: one map the lesson chose, or each in turn sharing what
    // `max` leaves after the intro and the summary.
    story.walked_map = spec.map > 0 ? spec.map - 1 : -1;
    const int walked = WalkedMaps(v, spec);
    const int per_map_max = PerMapMax(spec, walked);
    story.beats.push_back(MakeBeat(Stage::Intro, StackIntroText(v, r, m)));
    for (int k = 0; k < maps; ++k) {
      if (story.walked_map >= 0 && k != story.walked_map) continue;
      const Variant vk = FocusOnFilter(v, k);
      const VariantResult rk = FocusOnFilter(r, k);
      const Grid* pooled = rk.pooled() ? &*rk.pooled() : nullptr;
      const BeatBudget budget = PlanBeatBudget(PerCode(spec.per), per_map_max, fixed, ConvBeatRows(vk, rk), ConvBeatCols(vk, rk),
                                               pooled ? pooled->rows : 0, pooled ? pooled->cols : 0);
      // Every map has the same size, so one warning says it for all.
      if (!budget.warning.empty() && story.warnings.empty())
        story.warnings.push_back({Severity::Warning, spec.where,
                                  "variant '" + v.label + "': " + StackBudgetWarning(walked, budget.warning)});
      per_cell = AppendMapBeats(vk, rk, budget, k, &story);
    }
    const int last = story.walked_map >= 0 ? story.walked_map : maps - 1;
    story.beats.push_back(SummaryBeat(v, FocusOnFilter(r, last), StackSummaryText(v, r, m), last));
    story.beats.front().map = story.walked_map >= 0 ? story.walked_map : 0;
  }

  NameBeats(v, per_cell, &story);
  story.conv_settings = ConvSettingsWords(v.conv, m);
  story.pool_settings = r.pooled() ? PoolSettingsWords(v.pool, m) : std::string();
  story.animation = PlanAnimation(story);
  return story;
}

int CountStoryboardBeats(const Variant& v, const BeatsSpec& spec) {
  // The sides AppendMapBeats walks, as the computed maps would have them
  // (every filter's map has the same).
  const MapSides sides = PlannedMapSides(v);
  const int walk_rows = v.conv.transposed ? v.image->rows : sides.conv_rows;
  const int walk_cols = v.conv.transposed ? v.image->cols : sides.conv_cols;
  // With one map, PerMapMax is `max` itself.
  const int walked = WalkedMaps(v, spec);
  const BeatBudget budget = PlanBeatBudget(PerCode(spec.per), PerMapMax(spec, walked), FixedBeats(v), walk_rows,
                                           walk_cols, sides.pooled_rows, sides.pooled_cols);
  std::size_t map_beats = RangesFor(budget.unit, walk_rows, walk_cols, budget.conv_beats).size();
  if (v.activation.type != ActivationType::None) ++map_beats;
  if (v.pool.enabled) map_beats += RangesFor(budget.unit, sides.pooled_rows, sides.pooled_cols, budget.pool_beats).size();
  return 2 + walked * static_cast<int>(map_beats);
}

}  // namespace cl
