// Planning the geometry of a variant's frames: one cell size for the image
// and the maps (so a window on the image and the cell it writes look alike),
// a filter at least big enough to read, labels that never overlap, and room
// for the longest caption of any beat.
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "base/number_format.h"
#include "scene/grid_items.h"
#include "scene/layout.h"
#include "scene/text_fit.h"
#include "scene/text_metrics.h"
#include "storyboard/captions.h"

namespace cl {
namespace {

// Frame and type sizes, in units (CSS px at scale 1).
constexpr double kMargin = 24;
constexpr double kMaxContentWidth = 1232;  // frames are at most 1280 wide: a slide at 2x
constexpr double kMinContentWidth = 672;   // room for a caption and the legend
constexpr double kMaxGridHeight = 520;
constexpr double kMaxCell = 44;
constexpr double kFilterSpan = 132;        // a small filter's cells grow until it spans this
constexpr double kHeadingSize = 18;
constexpr double kLabelSize = 14;
constexpr double kOperatorSize = 22;
constexpr double kOperatorPad = 14;
constexpr double kCaptionSize = 16;
constexpr double kLegendTextSize = 12;
constexpr double kIndexSize = 10;
constexpr double kMaxNumberSize = 15;
constexpr double kMinNumberSize = 8;
constexpr int kMaxCaptionLines = 4;
// Room a highlight outline takes beyond its grid (its widest stroke, drawn
// just outside the cells it frames; see HighlightWidth).
constexpr double kOutlineRoom = 5;

double Ascent(double size) { return kFontAscent * size; }
double Descent(double size) { return kFontDescent * size; }

// Widest of `values` as cell numbers, in units at font size 1.
double WidestNumber(const std::vector<double>& values, bool with_zero) {
  double widest = with_zero ? TextWidth("0", 1) : 0;
  for (double v : values) widest = std::max(widest, TextWidth(FormatNumberCompact(v, 5), 1));
  return widest;
}

struct PanelPlan {
  bool present = false;
  bool is_filter = false;
  int rows = 0, cols = 0;
  int index_rows = 0, index_cols = 0;  // how many indices (image size; 0: no indices)
  std::string label;
  const std::vector<double>* values = nullptr;
  bool padded = false;
  double widest_cached = -1;  // computed on demand: large maps never need it
};

double Widest(PanelPlan& p) {
  if (p.widest_cached < 0) p.widest_cached = WidestNumber(*p.values, p.padded);
  return p.widest_cached;
}

// The font size of the numbers in cells of side `cell`, or 0 when they do not fit.
double NumberSize(PanelPlan& p, double cell) {
  const double by_height = (cell - 4) / (kFontAscent + kFontDescent);
  // A third of the cell reads well; small cells may go down to the minimum.
  double size = std::min(std::max(cell * 0.36, kMinNumberSize), std::min(kMaxNumberSize, by_height));
  if (size < kMinNumberSize) return 0;
  const double widest = Widest(p);
  // Numbers keep clear of cell marks where cells are roomy (small cells
  // would rather keep their numbers and let a thin mark brush them).
  const double room = cell >= 24 ? cell - 2 * CellMarkRoom(cell) - 2 : cell - 4;
  if (widest * size > room) size = room / widest;
  return size >= kMinNumberSize ? size : 0;
}

// Indices need a cell wide enough for the largest one.
bool IndicesFit(const PanelPlan& p, double cell) {
  if (p.index_rows == 0) return false;
  const int largest = std::max(p.index_rows, p.index_cols) - 1;
  return cell >= 16 && TextWidth(fmt::format("{}", largest), kIndexSize) <= cell - 2;
}

double RowGutter(const PanelPlan& p, double cell) {
  if (!IndicesFit(p, cell)) return 0;
  return TextWidth(fmt::format("{}", p.index_rows - 1), kIndexSize) + 8;
}

double PanelWidth(const PanelPlan& p, double cell) {
  return std::max(p.cols * cell + 2 * RowGutter(p, cell), TextWidth(p.label, kLabelSize));
}

struct RowPlan {
  double main_cell = 0, filter_cell = 0;
};

double RowWidth(const std::vector<PanelPlan*>& panels, const std::vector<std::string>& ops, RowPlan rp) {
  double w = 0;
  for (const PanelPlan* p : panels) w += PanelWidth(*p, p->is_filter ? rp.filter_cell : rp.main_cell);
  for (const std::string& op : ops) w += TextWidth(op, kOperatorSize) + 2 * kOperatorPad;
  return w + 2 * kOutlineRoom;
}

std::string PaddingLabel(const ConvSpec& c) {
  if (c.pad_top == 0 && c.pad_bottom == 0 && c.pad_left == 0 && c.pad_right == 0) return "";
  if (c.pad_top == c.pad_bottom && c.pad_top == c.pad_left && c.pad_top == c.pad_right)
    return fmt::format(", padding {}", c.pad_top);
  return ", padded";
}

// Chooses the cell sizes: as large as kMaxCell allows, shrunk until the row
// of panels fits kMaxContentWidth and the tallest grid kMaxGridHeight.
RowPlan ChooseCells(const std::vector<PanelPlan*>& panels, const std::vector<std::string>& ops) {
  int total_cols = 0, max_rows = 1, filter_rows = 1, filter_cols = 1;
  for (const PanelPlan* p : panels) {
    total_cols += p->cols;
    max_rows = std::max(max_rows, p->rows);
    if (p->is_filter) filter_rows = p->rows, filter_cols = p->cols;
  }
  RowPlan rp;
  double cell = std::min(kMaxCell, kMaxGridHeight / max_rows);
  for (int attempt = 0; attempt < 12; ++attempt) {
    rp = {cell, cell};
    const double width = RowWidth(panels, ops, rp);
    if (width <= kMaxContentWidth) break;
    // Shrink the grids' share of the width in proportion to the excess.
    const double grids = total_cols * cell;
    const double others = width - grids;
    cell = std::max((kMaxContentWidth - others) / total_cols, cell * 0.5);
    cell = std::min(cell, rp.main_cell * 0.98);
  }
  if (cell >= 8) cell = std::floor(cell);  // whole units keep cell edges on pixel boundaries
  rp.main_cell = cell;
  rp.filter_cell = cell;
  // Grow a small filter so its weights stay readable, within the room left.
  const double wanted = std::min({kMaxCell, kFilterSpan / std::max(filter_rows, filter_cols), kMaxGridHeight / filter_rows});
  if (wanted > cell) {
    RowPlan grown{cell, wanted};
    const double excess = RowWidth(panels, ops, grown) - kMaxContentWidth;
    if (excess > 0) grown.filter_cell = std::max(cell, wanted - excess / filter_cols);
    if (grown.filter_cell >= 8) grown.filter_cell = std::floor(grown.filter_cell);
    rp = grown;
  }
  return rp;
}

}  // namespace

double MaxAbsValue(const Variant& v, const VariantResult& r) {
  double m = 1e-9;
  auto scan = [&m](const Grid& g) {
    for (double x : g.values)
      if (std::isfinite(x)) m = std::max(m, std::fabs(x));
  };
  scan(v.image);
  scan(r.conv);
  scan(r.activated);
  if (r.pooled) scan(*r.pooled);
  return m;
}

double MaxAbsWeight(const Variant& v) {
  double m = 1e-9;
  for (double x : v.filter.weights.values)
    if (std::isfinite(x)) m = std::max(m, std::fabs(x));
  return m;
}

FrameGeometry PlanFrameGeometry(const LayoutInput& in) {
  const Variant& v = *in.variant;
  const VariantResult& r = *in.result;
  const ConvSpec& cs = v.conv;
  const bool activation = v.activation.type != ActivationType::None;

  PanelPlan input{.present = true,
                  .rows = v.image.rows + cs.pad_top + cs.pad_bottom,
                  .cols = v.image.cols + cs.pad_left + cs.pad_right,
                  .index_rows = v.image.rows,
                  .index_cols = v.image.cols,
                  .label = "Image " + SizeText(v.image.rows, v.image.cols) + PaddingLabel(cs),
                  .values = &v.image.values,
                  .padded = cs.pad_top + cs.pad_bottom + cs.pad_left + cs.pad_right > 0};
  PanelPlan filter{.present = true,
                   .is_filter = true,
                   .rows = v.filter.weights.rows,
                   .cols = v.filter.weights.cols,
                   .label = "Filter " + SizeText(v.filter.weights.rows, v.filter.weights.cols),
                   .values = &v.filter.weights.values};
  PanelPlan conv{.present = true,
                 .rows = r.conv.rows,
                 .cols = r.conv.cols,
                 .index_rows = r.conv.rows,
                 .index_cols = r.conv.cols,
                 .label = "Feature map " + SizeText(r.conv.rows, r.conv.cols),
                 .values = &r.conv.values};
  PanelPlan act{.present = activation,
                .rows = activation ? r.activated.rows : 0,
                .cols = activation ? r.activated.cols : 0,
                .index_rows = r.activated.rows,
                .index_cols = r.activated.cols,
                .label = "After " + ActivationName(v.activation),
                .values = &r.activated.values};
  PanelPlan pool;
  if (r.pooled) {
    pool = {.present = true,
            .rows = r.pooled->rows,
            .cols = r.pooled->cols,
            .index_rows = r.pooled->rows,
            .index_cols = r.pooled->cols,
            .label = std::string(v.pool.type == PoolType::Max ? "Max" : "Average") + "-pooled " +
                     SizeText(r.pooled->rows, r.pooled->cols),
            .values = &r.pooled->values};
  }

  std::vector<PanelPlan*> panels = {&input, &filter, &conv};
  std::vector<std::string> ops = {"\u2217", "="};
  if (act.present) panels.push_back(&act), ops.push_back("\u2192");
  if (pool.present) panels.push_back(&pool), ops.push_back("\u2192");

  const RowPlan rp = ChooseCells(panels, ops);

  FrameGeometry g;
  g.margin = kMargin;
  g.heading_size = kHeadingSize;
  g.label_size = kLabelSize;
  g.operator_size = kOperatorSize;
  g.caption_size = kCaptionSize;
  g.legend_text_size = kLegendTextSize;

  const double row_width = RowWidth(panels, ops, rp);
  const double content = std::clamp(row_width, kMinContentWidth, std::max(kMaxContentWidth, row_width));
  g.width = std::ceil(content + 2 * kMargin);

  // Vertical stack: heading, labels, column indices, grids, caption, legend.
  double y = kMargin;
  g.heading_y = y + Ascent(kHeadingSize);
  y = g.heading_y + Descent(kHeadingSize) + 12;
  g.label_y = y + Ascent(kLabelSize);
  y = g.label_y + Descent(kLabelSize) + 4;
  bool any_indices = false;
  for (const PanelPlan* p : panels) any_indices |= !p->is_filter && IndicesFit(*p, rp.main_cell);
  if (any_indices) y += (kFontAscent + kFontDescent) * kIndexSize + 6;
  if (!any_indices) y += kOutlineRoom;
  const double grid_top = std::round(y);

  // Panels left to right, the row centred in the frame.
  double x = kMargin + (content - row_width) / 2 + kOutlineRoom;
  double grid_bottom = grid_top;
  Panel* outs[] = {&g.input, &g.filter, &g.conv, &g.activated, &g.pooled};
  PanelPlan* plans[] = {&input, &filter, &conv, &act, &pool};
  // Operators share one baseline: the middle of the shortest grid, so they
  // sit beside every grid however tall the others are.
  double shortest = std::numeric_limits<double>::max();
  for (int k = 0; k < 5; ++k)
    if (plans[k]->present) shortest = std::min(shortest, plans[k]->rows * (plans[k]->is_filter ? rp.filter_cell : rp.main_cell));
  const double operator_y = grid_top + shortest / 2 + (kFontAscent - kFontDescent) / 2 * kOperatorSize;
  std::size_t op = 0;
  for (int k = 0; k < 5; ++k) {
    PanelPlan& p = *plans[k];
    if (!p.present) continue;
    const double cell = p.is_filter ? rp.filter_cell : rp.main_cell;
    const double grid_h = p.rows * cell;
    if (k > 0) {
      const double op_w = TextWidth(ops[op], kOperatorSize);
      g.operators.push_back({ops[op], x + kOperatorPad + op_w / 2, operator_y});
      x += op_w + 2 * kOperatorPad;
      ++op;
    }
    const double width = PanelWidth(p, cell);
    Panel& out = *outs[k];
    out.label = p.label;
    out.label_x = x + width / 2;
    out.grid.cell = cell;
    out.grid.rows = p.rows;
    out.grid.cols = p.cols;
    out.grid.x = std::round(out.label_x - p.cols * cell / 2);  // whole units: crisp cell edges
    out.label_x = out.grid.x + p.cols * cell / 2;
    out.grid.y = grid_top;
    out.grid.number_size = NumberSize(p, cell);
    out.grid.numbers = out.grid.number_size > 0;
    out.grid.index_size = !p.is_filter && IndicesFit(p, cell) ? kIndexSize : 0;
    grid_bottom = std::max(grid_bottom, grid_top + grid_h);
    x += width;
  }

  // The caption: as many lines as the longest caption of any beat needs.
  g.caption_width = g.width - 2 * kMargin;
  g.caption_line_height = std::round(kCaptionSize * 1.35);
  int lines = 1;
  for (const Beat& b : in.story->beats)
    lines = std::max(lines, static_cast<int>(WrapText(b.caption, kCaptionSize, g.caption_width, kMaxCaptionLines).size()));
  g.caption_lines = lines;
  y = grid_bottom + kOutlineRoom + 16;
  g.caption_y = y + Ascent(kCaptionSize);
  y = g.caption_y + (lines - 1) * g.caption_line_height + Descent(kCaptionSize) + 14;

  // The legend: a colour bar with its values below it.
  g.legend_x = kMargin;
  g.legend_y = y;
  g.legend_w = 200;
  g.legend_h = 12;
  y += g.legend_h + 3 + (kFontAscent + kFontDescent) * kLegendTextSize;
  g.height = std::ceil(y + kMargin);
  return g;
}

}  // namespace cl
