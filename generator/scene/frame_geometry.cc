// Planning the geometry of a variant's frames. First choice: every cell shows
// its number, at one font size for the whole frame, as large as it can be
// (15 units down to kMinValueSize): each grid's cells grow to fit its widest
// value, and the panels wrap to a second (or third) row when one row is too
// wide, using the frame's height. Lessons too large for that (or beyond the
// contract's sizes) fall back to one row of cells shrunk to fit, numbers
// only where they still fit at the minimum size. Slides keep 16:9 instead:
// the fallback there (PlanFitted) chooses rows and which grids show colour
// only so everything fits the 1080, without the products panel if need be.
// Wide frames are planned for a player that shows them at most 720 units
// tall (Legibility), and where every panel would not fit that, each stage's
// beats show only their panels (focused: PlanFocused, which also focuses
// tall frames taller than a phone's screen where no stage loses a number; slides
// by their own rule, PlanFocusedSlides). Labels never overlap, and there is room for the
// longest caption of any beat.
#include <algorithm>
#include <array>
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

// Frame and type sizes, in units (CSS px at scale 1), per layout.
struct Params {
  double margin;
  double max_content_width;  // wide frames are at most 1280 wide: a slide at 2x
  double min_content_width;  // room for a caption and the legend
  double max_grid_height;    // a row of grids grows no taller than this beyond what numbers need
  double max_grids_height;   // all rows of grids together, when every number is shown
  double max_cell;           // cells grow to this for looks; numbers may need more
  double filter_span;        // a small filter's cells grow until it spans this
  double heading_size, label_size, operator_size, operator_pad, caption_size, legend_text_size, index_size;
  double max_number_size, min_value_size;
  int max_panel_rows;
  double row_gap;  // between one row's grids and the next row's labels
  int max_caption_lines;
  double grey_bar_width, value_bar_width, legend_bar_height, legend_gap;
  double frame_height;  // slides: the 16:9 height frames keep when their content fits (0: none)
  bool stacked_legend;  // tall: the legend's bars and note one under the other
  double channel_offset, channel_name_size;  // the image's channel cards and the names on their edges
  double min_text_size;  // slides: no text (+/− signs included) smaller (0: no such rule)
  double label_wrap;     // slides: panel labels wider than this take two lines (0: never)
  // Wide: the height a page's player shows a 1280-wide frame at without
  // shrinking it further (a laptop's is less); frames with every panel
  // taller than this may focus on each stage's panels (0: never).
  double view_height;
  // Tall: a phone scrolls a frame rather than shrink it, so frames with
  // every panel taller than this (a phone's screen below the player's
  // controls) focus on each stage's panels where that makes them shorter
  // and no stage's grid loses its numbers (0: never).
  double focus_height;
};

// Wide: today's landscape frames for pages and screens.
constexpr Params kWide{24, 1232, 672, 520, 2000, 44, 132, 18, 14, 22, 14, 16, 12, 10, 15, kMinValueSize, 3, 18, 4,
                       140, 200, 12, 24, 0, false, kChannelOffset, kChannelNameSize, 0, 0, 720, 0};
// Slides: 1920x1080, so a projected frame reads from the back of a room:
// no text under 22 units, 1/50 of the slide's height (values, indices,
// legend, channel names, +/− signs), labels and captions larger. A grid
// whose numbers cannot be that large in a 16:9 frame shows colour only.
constexpr Params kSlides{36, 1848, 1848, 780, 3000, 66, 198, 30, 24, 30, 12, 27, 22, 22, 24, 22, 3, 27, 4,
                         210, 300, 18, 36, 1080, false, 29, 22, 22, 400, 0, 0};
// A phone's screen (844 CSS px tall) less its browser's bars and the
// player's controls above a frame.
constexpr double kTallFocusHeight = 640;
// Tall: 390 units wide, a phone's width in CSS pixels, so a phone shows it
// near 1:1 (values at least 10 units: 9 CSS px or more on a 360-px-wide
// frame box); panels stack two to a row or one.
constexpr Params kTall{10, 370, 370, 370, 4000, 40, 110, 15, 12, 16, 6, 14, 11, 9, 14, kMinValueSize, 5, 12, 8,
                       110, 150, 10, 16, 0, true, kChannelOffset, kChannelNameSize, 0, 0, 0, kTallFocusHeight};

const Params& ParamsFor(FrameLayout layout) {
  return layout == FrameLayout::Slides ? kSlides : layout == FrameLayout::Tall ? kTall : kWide;
}

// Grids wider than this many cells never show numbers in a row, so their
// values are not even measured (a 512x512 image has 262144).
constexpr int kMaxNumberedSide = 60;
// Room a highlight outline takes beyond its grid (its widest stroke, drawn
// just outside the cells it frames; see HighlightWidth).
constexpr double kOutlineRoom = 5;
constexpr double kNumberSizeStep = 0.5;

double Ascent(double size) { return kFontAscent * size; }
double Descent(double size) { return kFontDescent * size; }

struct PanelPlan {
  bool present = false;
  bool is_image = false;
  bool is_filter = false;
  int rows = 0, cols = 0;
  int index_rows = 0, index_cols = 0;  // how many indices (image size; 0: no indices)
  std::string label;
  // Every number the panel may show: each filter's map, in a stack.
  // Pointers, not a copy: a photograph's eight maps are 33 MB of numbers.
  std::vector<const std::vector<double>*> values;
  bool padded = false;        // padding cells show "0" too
  double widest_cached = -1;  // computed on demand: large maps never need it
  int stack = 0;              // cards of the other filters' maps (or channels) behind the grid
  double offset = kStackOffset;
  // Strips: cells right of its planned place a panel may move to in some
  // beat (a transposed convolution's filter over the copy it scatters).
  double strip_reach = 0;
  double stack_room() const { return stack * offset; }
  bool is_map() const { return !is_image && !is_filter; }  // the feature, activated or pooled map
};

// Widest of the panel's cell texts, in units at font size 1.
double Widest(PanelPlan& p) {
  if (p.widest_cached >= 0) return p.widest_cached;
  double widest = TextWidth("0", 1);  // padding, and cells an activation clears
  for (const std::vector<double>* list : p.values)
    for (double v : *list) widest = std::max(widest, TextWidth(FormatNumberCell(v), 1));
  return p.widest_cached = widest;
}

// Room a number leaves inside a cell of side `cell`: clear of cell marks
// where cells are roomy (small cells would rather keep their numbers and let
// a thin mark brush them).
double NumberRoom(double cell) { return cell >= 24 ? cell - 2 * CellMarkRoom(cell) - 2 : cell - 4; }
double NumberHeight(double size) { return size * (kFontAscent + kFontDescent) + 4; }

bool NumberFits(PanelPlan& p, double cell, double size) {
  return NumberHeight(size) <= cell && Widest(p) * size <= NumberRoom(cell) + 1e-9;
}

// The smallest whole cell side whose numbers fit at `size`.
double NeededCell(PanelPlan& p, double size) {
  const double small = std::ceil(std::max(Widest(p) * size + 4, NumberHeight(size)) - 1e-9);
  if (small < 24) return small;
  return std::max(24.0, std::ceil(std::max(Widest(p) * size + 2 * CellMarkRoom(24) + 2, NumberHeight(size)) - 1e-9));
}

// How legible a frame is in a player that shows it at most `view_height`
// tall: the sizes its values and its caption are shown at, averaged. The
// caption carries the arithmetic: a frame made taller for larger values
// shows its caption (and heading) smaller, and is no better for that.
double Legibility(double value_size, double caption_size, double height, double view_height) {
  return (value_size + caption_size) / 2 * std::min(1.0, view_height / height);
}

// The planning steps that depend on the layout's sizes.
struct Planner {
  const Params& P;
  // Slides: the frame's 16:9 height, which the grids and the text around
  // them (text_fixed, plus text_per_row for each row of panels) should fit.
  double height_budget = std::numeric_limits<double>::infinity();
  double text_fixed = 0, text_per_row = 0;
  // Wide frames: where the plan with the largest numbers would be taller
  // than this, a smaller size whose frame is shorter may show them larger
  // in a player (ShownSize); 0: the largest size that fits, however tall.
  double view_height = 0;

  // The frame's height, as estimated, with `rows` rows of panels whose grids
  // take `grids` in all.
  double EstimatedHeight(double grids, std::size_t rows) const {
    return grids + text_fixed + text_per_row * static_cast<double>(rows);
  }
  // How legible numbers of `size` are in a frame of `height` (see
  // view_height); a height of 0: at best, in a frame that fits.
  double Shown(double size, double height) const {
    return view_height > 0 ? Legibility(size, P.caption_size, height, view_height) : size;
  }

// The largest size (<= P.max_number_size, on the size grid) whose numbers fit
// cells of side `cell`; 0 when not even kMinValueSize does.
double LargestFittingSize(PanelPlan& p, double cell) {
  for (double s = P.max_number_size; s >= P.min_value_size - 1e-9; s -= kNumberSizeStep)
    if (NumberFits(p, cell, s)) return s;
  return 0;
}

// Indices need a cell wide enough for the largest one.
bool IndicesFit(const PanelPlan& p, double cell) {
  if (p.index_rows == 0) return false;
  const int largest = std::max(p.index_rows, p.index_cols) - 1;
  // Row indices stack a cell apart: no taller than one (slides' are 22 units).
  return cell >= std::max(16.0, std::ceil((kFontAscent + kFontDescent) * P.index_size)) &&
         TextWidth(fmt::format("{}", largest), P.index_size) <= cell - 2;
}

double RowGutter(const PanelPlan& p, double cell) {
  if (!IndicesFit(p, cell)) return 0;
  return TextWidth(fmt::format("{}", p.index_rows - 1), P.index_size) + 8;
}

// Slides: whether the panel's label wraps to two lines (Panel::label_wrap).
bool LabelWraps(const PanelPlan& p) const {
  return P.label_wrap > 0 && TextWidth(p.label, P.label_size, true) > P.label_wrap;
}

double LabelWidth(const PanelPlan& p) const {
  if (P.label_wrap > 0) return std::min(TextWidth(p.label, P.label_size, true), P.label_wrap);
  return TextWidth(p.label, P.label_size);
}

// The extra label line a row needs when one of its labels wraps.
double RowLabelExtra(const std::vector<PanelPlan*>& panels, const std::vector<int>& row) const {
  for (int k : row)
    if (LabelWraps(*panels[k])) return LabelLineHeight(P.label_size);
  return 0;
}

double PanelWidth(const PanelPlan& p, double cell) {
  return std::max(p.cols * cell + 2 * RowGutter(p, cell) + p.stack_room(), LabelWidth(p));
}

double OperatorWidth(const std::string& op) { return TextWidth(op, P.operator_size) + 2 * P.operator_pad; }
// The room a tall frame's column of maps keeps for the operator before a
// map, whether or not one stands there (PlanColumn).
double MapOperatorRoom() { return std::max(OperatorWidth("="), OperatorWidth("\u2192")); }

// Which panels share a row: rows[k] lists indices into the present panels, in order.
using Arrangement = std::vector<std::vector<int>>;

struct Plan {
  Arrangement rows;
  std::vector<double> cells;  // per present panel
  double value_size = 0;      // 0: the fallback, sizes per panel below
};

// Width of one row: its panels, and the operator before every panel but the very first.
double RowWidth(const std::vector<PanelPlan*>& panels, const std::vector<std::string>& ops,
                const std::vector<int>& row, const std::vector<double>& cells) {
  double w = 0;
  for (int k : row) {
    w += PanelWidth(*panels[k], cells[k]);
    if (k > 0) w += OperatorWidth(ops[k - 1]);
  }
  return w + 2 * kOutlineRoom;
}

double RowGridHeight(const std::vector<PanelPlan*>& panels, const std::vector<int>& row, const std::vector<double>& cells) {
  double h = 0;
  for (int k : row) h = std::max(h, panels[k]->rows * cells[k] + panels[k]->stack_room());
  return h;
}

bool Fits(const std::vector<PanelPlan*>& panels, const std::vector<std::string>& ops, const Arrangement& rows,
          const std::vector<double>& cells, double* total_height, double* widest_row) {
  double height = 0, widest = 0, labels = 0;
  for (const std::vector<int>& row : rows) {
    const double w = RowWidth(panels, ops, row, cells);
    if (w > P.max_content_width) return false;
    widest = std::max(widest, w);
    height += RowGridHeight(panels, row, cells);
    labels += RowLabelExtra(panels, row);
  }
  if (height > P.max_grids_height) return false;
  if (height + labels + text_fixed + text_per_row * static_cast<double>(rows.size()) > height_budget) return false;
  if (total_height) *total_height = height;
  if (widest_row) *widest_row = widest;
  return true;
}

// Every way to cut the panels, in order, into 1..P.max_panel_rows rows.
std::vector<Arrangement> Arrangements(int n) {
  std::vector<Arrangement> out;
  for (int mask = 0; mask < (1 << (n - 1)); ++mask) {
    if (__builtin_popcount(static_cast<unsigned>(mask)) >= P.max_panel_rows) continue;
    Arrangement a(1);
    for (int k = 0; k < n; ++k) {
      if (k > 0 && (mask & (1 << (k - 1)))) a.emplace_back();
      a.back().push_back(k);
    }
    out.push_back(std::move(a));
  }
  return out;
}

// The cells of every panel with every number at `size`: the maps share one
// size (their widest need), the image has its own or with `shared` the
// maps' too (so a window and the cell it writes look alike); never below
// `floor` (growth for looks; the filter up to P.filter_span when `grow_filter`).
std::vector<double> CellsAt(const std::vector<PanelPlan*>& panels, double size, bool shared, double floor,
                            bool grow_filter) {
  std::vector<double> cells(panels.size());
  double main = 0, maps = 0;
  for (std::size_t k = 0; k < panels.size(); ++k) {
    cells[k] = std::max(NeededCell(*panels[k], size), panels[k]->is_filter ? 0.0 : floor);
    if (!panels[k]->is_filter) main = std::max(main, cells[k]);
    if (panels[k]->is_map()) maps = std::max(maps, cells[k]);
  }
  for (std::size_t k = 0; k < panels.size(); ++k) {
    if (panels[k]->is_filter) {
      const double wanted = std::min(P.max_cell, std::floor(P.filter_span / std::max(panels[k]->rows, panels[k]->cols)));
      cells[k] = std::max({cells[k], grow_filter ? wanted : 0.0, std::min(floor, P.max_cell)});
    } else if (shared) {
      cells[k] = main;
    } else if (!panels[k]->is_image) {
      cells[k] = maps;  // the maps always look alike; only the image may differ
    }
  }
  return cells;
}

// First choice: every number, at the largest size that fits some
// arrangement (with view_height, the size whose frame reads best in a
// player: Legibility).
std::optional<Plan> PlanWithNumbers(const std::vector<PanelPlan*>& panels, const std::vector<std::string>& ops) {
  for (const PanelPlan* p : panels)
    if (p->rows > kMaxNumberedSide || p->cols > kMaxNumberedSide) return std::nullopt;
  const std::vector<Arrangement> arrangements = Arrangements(static_cast<int>(panels.size()));
  // The least total height wins (one row, when it fits, is the shortest);
  // then fewer rows, shared cells, and narrower rows.
  struct Best {
    double height, widest;
    std::size_t rows;
    bool shared;
    const Arrangement* arrangement;
    double size = 0;
  };
  std::optional<Best> chosen;
  for (double size = P.max_number_size; size >= P.min_value_size - 1e-9; size -= kNumberSizeStep) {
    if (chosen && Shown(chosen->size, EstimatedHeight(chosen->height, chosen->rows)) >= Shown(size, 0))
      break;  // no smaller size can do better
    std::optional<Best> best;
    for (bool shared : {true, false}) {
      const std::vector<double> cells = CellsAt(panels, size, shared, 0, false);
      for (const Arrangement& a : arrangements) {
        double height = 0, widest = 0;
        if (!Fits(panels, ops, a, cells, &height, &widest)) continue;
        const Best candidate{height, widest, a.size(), shared, &a, size};
        const auto key = [](const Best& b) { return std::make_tuple(b.height, b.rows, !b.shared, b.widest); };
        if (!best || key(candidate) < key(*best)) best = candidate;
      }
    }
    if (best && (!chosen || Shown(best->size, EstimatedHeight(best->height, best->rows)) >
                                Shown(chosen->size, EstimatedHeight(chosen->height, chosen->rows))))
      chosen = best;
    if (chosen && view_height <= 0) break;
  }
  if (!chosen) return std::nullopt;
  const double size = chosen->size;
  // Grow the cells for looks while the arrangement still fits, each row no
  // taller than P.max_grid_height unless its numbers need it, and the frame
  // no taller than view_height unless it was already.
  const std::vector<double> needed = CellsAt(panels, size, chosen->shared, 0, false);
  std::vector<double> row_cap;
  for (const std::vector<int>& row : *chosen->arrangement)
    row_cap.push_back(std::max(P.max_grid_height, RowGridHeight(panels, row, needed)));
  const double height_cap = std::max(view_height > 0 ? view_height : std::numeric_limits<double>::infinity(),
                                     EstimatedHeight(chosen->height, chosen->rows));
  Plan plan{*chosen->arrangement, needed, size};
  for (double floor = P.max_cell; floor >= 0; floor -= 1) {
    for (bool grow_filter : {true, false}) {
      const std::vector<double> cells = CellsAt(panels, size, chosen->shared, floor, grow_filter);
      double height = 0;
      bool ok = Fits(panels, ops, plan.rows, cells, &height, nullptr) &&
                EstimatedHeight(height, plan.rows.size()) <= height_cap + 1e-9;
      for (std::size_t r = 0; ok && r < plan.rows.size(); ++r) ok = RowGridHeight(panels, plan.rows[r], cells) <= row_cap[r];
      if (ok) {
        plan.cells = cells;
        return plan;
      }
    }
  }
  return plan;
}

// Strips (a 1-D lesson): one panel a row, one cell size for all so the
// columns line up, panel k starting offsets[k] cells right of the image's
// first (padded) cell, after a column of width `ops` for the operators.
double StripsWidth(const std::vector<PanelPlan*>& panels, const std::vector<double>& offsets, double ops, double cell) {
  double right = 0;
  for (std::size_t k = 0; k < panels.size(); ++k)
    right = std::max(right, (offsets[k] + panels[k]->cols + panels[k]->strip_reach) * cell + panels[k]->stack_room());
  return ops + right + 2 * kOutlineRoom;
}

Plan StripPlan(std::size_t n, double cell, double value_size) {
  Plan plan;
  for (std::size_t k = 0; k < n; ++k) plan.rows.push_back({static_cast<int>(k)});
  plan.cells.assign(n, cell);
  plan.value_size = value_size;
  return plan;
}

// Every number at the largest size whose cells fit the width, the cells then
// grown for looks up to P.max_cell; else (value_size 0) cells shrunk to
// fit, numbers only where they still fit.
Plan PlanStrips(const std::vector<PanelPlan*>& panels, const std::vector<double>& offsets, double ops) {
  bool small = true;
  for (const PanelPlan* p : panels) small = small && p->cols <= 4 * kMaxNumberedSide;
  // Slides: every strip a row of its own, all within the frame's height.
  const auto low_enough = [&](double cell) {
    double height = text_fixed;
    for (const PanelPlan* p : panels) height += cell + p->stack_room() + text_per_row;
    return height <= height_budget;
  };
  for (double size = P.max_number_size; small && size >= P.min_value_size - 1e-9; size -= kNumberSizeStep) {
    double cell = 0;
    for (PanelPlan* p : panels) cell = std::max(cell, NeededCell(*p, size));
    if (StripsWidth(panels, offsets, ops, cell) > P.max_content_width || !low_enough(cell)) continue;
    while (cell + 1 <= P.max_cell && StripsWidth(panels, offsets, ops, cell + 1) <= P.max_content_width &&
           low_enough(cell + 1))
      cell += 1;
    return StripPlan(panels.size(), cell, size);
  }
  double cell = P.max_cell;
  while (cell > 8 && !low_enough(cell)) cell -= 1;
  for (std::size_t k = 0; k < panels.size(); ++k)
    cell = std::min(cell, (P.max_content_width - ops - 2 * kOutlineRoom - panels[k]->stack_room()) /
                              (offsets[k] + panels[k]->cols + panels[k]->strip_reach));
  if (cell >= 8) cell = std::floor(cell);
  return StripPlan(panels.size(), cell, 0);
}

// The fallback for large lessons in a tall frame: one panel a row, each
// grid's cells as large as max_cell allows and its row's width fits. A
// map's cells do not depend on its place in the frame: each keeps room for
// an operator before it (a focused stage's first map has none), and maps of
// one size share the smallest cells, so the maps stacked in a frame line up
// and a map keeps its cells from one stage's frames to the next.
Plan PlanColumn(const std::vector<PanelPlan*>& panels, const std::vector<std::string>& ops) {
  Plan plan;
  plan.cells.resize(panels.size());
  const double map_op = MapOperatorRoom();
  for (std::size_t k = 0; k < panels.size(); ++k) {
    plan.rows.push_back({static_cast<int>(k)});
    const PanelPlan& p = *panels[k];
    const double op = p.is_map() ? map_op : k > 0 ? OperatorWidth(ops[k - 1]) : 0;
    const auto fits = [&](double cell) { return PanelWidth(p, cell) + op + 2 * kOutlineRoom <= P.max_content_width; };
    double cell = std::min(P.max_cell, P.max_grid_height / p.rows);
    // Shrink until the row fits; the row gutter for indices shrinks with it.
    for (int attempt = 0; attempt < 40 && !fits(cell); ++attempt)
      cell = std::min(cell * 0.97, (P.max_content_width - 2 * kOutlineRoom - op - 2 * RowGutter(p, cell)) / p.cols);
    if (cell >= 8) cell = std::floor(cell);
    // Cells too small for the grid's numbers at the smallest size grow to
    // fit them where the row still fits (a 3×3 filter of decimals: its
    // weights, not signs, beside a map too wide for numbers).
    const bool small = p.rows <= kMaxNumberedSide && p.cols <= kMaxNumberedSide;
    if (small && !NumberFits(*panels[k], cell, P.min_value_size)) {
      const double needed = NeededCell(*panels[k], P.min_value_size);
      if (fits(needed) && needed * p.rows <= P.max_grid_height) cell = needed;
    }
    plan.cells[k] = cell;
  }
  for (std::size_t k = 0; k < panels.size(); ++k)
    for (std::size_t j = 0; j < panels.size(); ++j)
      if (panels[k]->is_map() && panels[j]->is_map() && panels[j]->rows == panels[k]->rows &&
          panels[j]->cols == panels[k]->cols)
        plan.cells[k] = std::min(plan.cells[k], plan.cells[j]);
  return plan;
}

// The fallback for large lessons: one row, cells as large as P.max_cell
// allows, shrunk until the row fits P.max_content_width and the tallest grid
// P.max_grid_height; a small filter grows to stay readable.
Plan PlanOneRow(const std::vector<PanelPlan*>& panels, const std::vector<std::string>& ops) {
  Plan plan;
  plan.rows.emplace_back();
  int total_cols = 0, max_rows = 1, filter_rows = 1, filter_cols = 1;
  for (std::size_t k = 0; k < panels.size(); ++k) {
    plan.rows[0].push_back(static_cast<int>(k));
    total_cols += panels[k]->cols;
    max_rows = std::max(max_rows, panels[k]->rows);
    if (panels[k]->is_filter) filter_rows = panels[k]->rows, filter_cols = panels[k]->cols;
  }
  const auto uniform = [&](double main, double filter) {
    std::vector<double> cells(panels.size(), main);
    for (std::size_t k = 0; k < panels.size(); ++k)
      if (panels[k]->is_filter) cells[k] = filter;
    return cells;
  };
  double cell = std::min(P.max_cell, P.max_grid_height / max_rows);
  double previous = cell;
  for (int attempt = 0; attempt < 12; ++attempt) {
    previous = cell;
    const double width = RowWidth(panels, ops, plan.rows[0], uniform(cell, cell));
    if (width <= P.max_content_width) break;
    // Shrink the grids' share of the width in proportion to the excess.
    const double others = width - total_cols * cell;
    cell = std::max((P.max_content_width - others) / total_cols, cell * 0.5);
    cell = std::min(cell, previous * 0.98);
  }
  if (cell >= 8) cell = std::floor(cell);  // whole units keep cell edges on pixel boundaries
  double filter_cell = cell;
  const double wanted =
      std::min({P.max_cell, P.filter_span / std::max(filter_rows, filter_cols), P.max_grid_height / filter_rows});
  if (wanted > cell) {
    const double excess = RowWidth(panels, ops, plan.rows[0], uniform(cell, wanted)) - P.max_content_width;
    filter_cell = excess > 0 ? std::max(cell, wanted - excess / filter_cols) : wanted;
    if (filter_cell >= 8) filter_cell = std::floor(filter_cell);
  }
  plan.cells = uniform(cell, filter_cell);
  return plan;
}

// The fallback for large lessons in a frame of fixed height (slides): every
// way to cut the panels into rows, and for each of the image, the filter and
// the maps whether its numbers are shown (cells as large as they need at the
// smallest value size) or colour only (cells shrunk, all alike, until the
// rows fit the width and height_budget). The filter's numbers matter most,
// then the maps', then colour cells large enough for their signs, then the
// image's numbers; then larger colour cells, fewer rows.
// nullopt when not even 8-unit colour cells fit.
std::optional<Plan> PlanFitted(const std::vector<PanelPlan*>& panels, const std::vector<std::string>& ops) {
  const std::vector<Arrangement> arrangements = Arrangements(static_cast<int>(panels.size()));
  // Groups: 0 the image, 1 the filter, 2 the maps.
  const auto group = [&](std::size_t k) { return panels[k]->is_filter ? 1 : panels[k]->is_image ? 0 : 2; };
  std::optional<Plan> best;
  std::tuple<int, int, bool, int, double, int> best_key{};
  for (int numbered = 7; numbered >= 0; --numbered) {
    bool possible = true;
    std::vector<double> needed(panels.size(), 0);
    for (std::size_t k = 0; k < panels.size(); ++k) {
      if (!(numbered & (1 << group(k)))) continue;
      if (panels[k]->rows > kMaxNumberedSide || panels[k]->cols > kMaxNumberedSide) possible = false;
      if (possible) needed[k] = NeededCell(*panels[k], P.min_value_size);
    }
    if (!possible) continue;
    double maps_needed = 0;  // the maps look alike
    for (std::size_t k = 0; k < panels.size(); ++k)
      if (group(k) == 2) maps_needed = std::max(maps_needed, needed[k]);
    for (const Arrangement& a : arrangements) {
      for (double colour = P.max_cell; colour >= 8; colour -= 1) {
        std::vector<double> cells(panels.size());
        for (std::size_t k = 0; k < panels.size(); ++k) {
          const bool shown = numbered & (1 << group(k));
          const double need = group(k) == 2 ? maps_needed : needed[k];
          cells[k] = shown ? need : colour;
          if (panels[k]->is_filter)  // a small filter grows to stay readable
            cells[k] = std::max(cells[k], std::min(P.max_cell, std::floor(P.filter_span / std::max(panels[k]->rows, panels[k]->cols))));
        }
        if (!Fits(panels, ops, a, cells, nullptr, nullptr)) continue;
        // Colour cells without their signs would say by colour alone what
        // a sign says: those come before the image's numbers.
        const bool signs = SignsFit(GridBox{.cell = colour, .min_mark_size = P.min_text_size});
        const auto key = std::make_tuple((numbered >> 1) & 1, (numbered >> 2) & 1, signs, numbered & 1, colour,
                                         -static_cast<int>(a.size()));
        if (!best || key > best_key) best = Plan{a, cells, 0}, best_key = key;
        break;
      }
    }
  }
  return best;
}

};

// The image panel's label: "Image 6×6", "Image 6×6, padding 1", "Image 6×6, padded".
std::string ImageLabel(const Variant& v, const Messages& m) {
  const ConvSpec& c = v.conv;
  const std::string size = SizeText(v.image->rows, v.image->cols);
  if (DrawnAsStrips(v)) {
    const bool padded = c.pad_left + c.pad_right > 0;
    return m.Text(padded ? Msg::panel_signal_padded : Msg::panel_signal, {{"length", v.image->cols}});
  }
  if (c.pad_top == 0 && c.pad_bottom == 0 && c.pad_left == 0 && c.pad_right == 0)
    return m.Text(Msg::panel_image, {{"size", size}});
  if (c.pad_top == c.pad_bottom && c.pad_top == c.pad_left && c.pad_top == c.pad_right)
    return m.Text(Msg::panel_image_padding, {{"size", size}, {"pad", c.pad_top}});
  return m.Text(Msg::panel_image_padded, {{"size", size}});
}

// The products panel's cells: the widest product of any position at the
// frame's value size, on one line when the filter's width of them fits
// `room`, else on two, else the same at the layout's minimum size; none for
// large filters, or when even that does not fit.
bool HasProducts(const Variant& v, const VariantResult& r) {
  const Grid& w = v.filter.weights;
  return w.rows <= kMaxProductsSide && w.cols <= kMaxProductsSide && r.conv().rows <= kNumbersMaxMapSide &&
         r.conv().cols <= kNumbersMaxMapSide;
}

// Every sum line a channels lesson's frames write (one per cell of every
// map), so the panel has room for the longest.
std::vector<std::string> ChannelSums(const Variant& v, const VariantResult& r, const Messages& m) {
  std::vector<std::string> sums;
  for (int k = 0; k < FilterCount(v); ++k) {
    const Variant focused = FilterCount(v) > 1 ? FocusOnFilter(v, k) : Variant{};
    const Variant& vk = FilterCount(v) > 1 ? focused : v;
    for (int row = 0; row < r.conv().rows; ++row)
      for (int col = 0; col < r.conv().cols; ++col) sums.push_back(ChannelSumText(vk, TraceConvCell(vk, row, col), m));
  }
  return sums;
}

void PlanProducts(const Variant& v, const VariantResult& r, const Params& P, double value_size, double room,
                  const Messages& m, FrameGeometry::Products& out) {
  const Grid& w = v.filter.weights;
  // Frames too crowded for numbers in cells still get the products, at the
  // smallest value size: the arithmetic is the point of a conv beat.
  if (value_size <= 0) value_size = P.min_value_size;
  if (!HasProducts(v, r)) return;
  double one = 0, two = 0;
  const bool scatter = v.conv.transposed;
  out.label = scatter ? ScaledCopyLabel(0.0, m) : ProductsLabel(0.0, m);
  for (int k = 0; k < FilterCount(v); ++k) {
    // Every filter's products (FocusOnFilter copies the image only when there are several).
    const Variant focused = FilterCount(v) > 1 ? FocusOnFilter(v, k) : Variant{};
    const Variant& vk = FilterCount(v) > 1 ? focused : v;
    // Transposed: every input's scaled copy, in every channel, and with
    // channels the copies' sums (one line each).
    for (int row = 0; scatter && row < vk.image->rows; ++row) {
      for (int col = 0; col < vk.image->cols; ++col) {
        const ScatterTrace t = TraceScatterCell(vk, row, col);
        for (std::size_t c = 0; c < t.channels.size(); ++c) {
          const Grid& slice = SliceAt(vk.filter, static_cast<int>(c));
          for (const double weight : slice.values) {
            const ProductText p = CellProductText(t.channels[c].input, weight);
            one = std::max(one, TextWidth(p.whole(), 1));
            two = std::max({two, TextWidth(p.first, 1), TextWidth(p.second, 1)});
          }
        }
        for (std::size_t i = 0; t.channels.size() > 1 && i < t.added.size(); ++i) {
          const double width = TextWidth(FormatNumberCell(t.added[i]), 1);
          one = std::max(one, width);
          two = std::max(two, width);
        }
      }
    }
    for (int row = 0; !scatter && row < r.conv().rows; ++row) {
      for (int col = 0; col < r.conv().cols; ++col) {
        const ConvTrace t = TraceConvCell(vk, row, col);
        for (std::size_t c = 0; c < t.channels.size(); ++c) {  // every channel's products through its slice
          const Grid& slice = SliceAt(vk.filter, static_cast<int>(c));
          for (std::size_t i = 0; i < t.channels[c].inputs.size(); ++i) {
            const ProductText p = CellProductText(t.channels[c].inputs[i], slice.values[i]);
            one = std::max(one, TextWidth(p.whole(), 1));
            two = std::max({two, TextWidth(p.first, 1), TextWidth(p.second, 1)});
          }
        }
      }
    }
    const std::string label = scatter ? ScaledCopyLabel(vk.filter.bias, m) : ProductsLabel(vk.filter.bias, m);
    if (TextWidth(label, P.label_size, true) > TextWidth(out.label, P.label_size, true)) out.label = label;
  }
  out.rows = w.rows;
  out.cols = w.cols;
  out.channels = ChannelCount(v);
  out.sum_block = scatter && out.channels > 1;
  // Between blocks a "+" (and before a scatter's sum block an "=").
  const double op = std::max(TextWidth("+", P.operator_size), out.sum_block ? TextWidth("=", P.operator_size) : 0.0);
  out.gap = out.channels > 1 ? op + 2 * P.operator_pad : 0;
  // The frame's value size on one line, then on two; then the same at the
  // layout's minimum size; else no panel.
  for (const double size : {value_size, P.min_value_size}) {
    const double line = size * (kFontAscent + kFontDescent);
    for (const bool two_lines : {false, true}) {
      out.size = size;
      out.two_lines = two_lines;
      out.cell_h = std::ceil((two_lines ? 2 : 1) * line + 8);
      out.cell_w = std::max(out.cell_h, std::ceil((two_lines ? two : one) * size + 8));
      // Blocks of channels: as many to a row as fit, at least one.
      const double block = out.cell_w * w.cols;
      out.per_row = std::clamp(static_cast<int>((room - 2 * kOutlineRoom + out.gap) / (block + out.gap)), 1, out.blocks());
      if (block <= room - 2 * kOutlineRoom) return;
    }
  }
  out = {};
}

}  // namespace

double LargestAbsValue(const Variant&, const VariantResult& r) {
  double m = 0;
  auto scan = [&m](const Grid& g) {
    for (double x : g.values)
      if (std::isfinite(x)) m = std::max(m, std::fabs(x));
  };
  scan(r.conv());
  scan(r.activated());
  if (r.pooled()) scan(*r.pooled());
  for (const FilterMaps& maps : r.maps) {  // every filter's, so the stack shares one scale
    scan(maps.conv);
    scan(maps.activated);
    if (maps.pooled) scan(*maps.pooled);
  }
  return m;
}

double LargestAbsWeight(const Variant& v) {
  double m = 0;
  for (int k = 0; k < FilterCount(v); ++k)
    for (int c = 0; c < SliceCount(FilterAt(v, k)); ++c)  // every channel's slice
      for (double x : SliceAt(FilterAt(v, k), c).values)
        if (std::isfinite(x)) m = std::max(m, std::fabs(x));
  return m;
}

GreyRange ImageGreyRange(const Variant& v) {
  double lo = 0, hi = v.image_from_file ? 255 : -std::numeric_limits<double>::infinity();
  for (int c = 0; c < ChannelCount(v); ++c) {  // one range for every channel's card
    for (double x : ChannelAt(v, c).values) {
      if (!std::isfinite(x)) continue;
      lo = std::min(lo, x);
      hi = std::max(hi, x);
    }
  }
  if (!(hi > lo)) hi = lo + 1;  // a flat image: all black, not a division by zero
  return {lo, hi};
}

double MinValueSize(FrameLayout layout) { return ParamsFor(layout).min_value_size; }

bool DrawnAsStrips(const Variant& v) { return IsSignal(v); }

namespace {

// The panels a plan lays out, those of them the variant has.
enum PanelBit : unsigned {
  kImagePanel = 1,
  kFilterPanel = 2,
  kConvPanel = 4,
  kActivatedPanel = 8,
  kPooledPanel = 16,
  kEveryPanel = 31,
};

// What one plan of a variant's frame lays out, and in how much room.
struct PlanRequest {
  unsigned panels = kEveryPanel;  // PanelBit values
  bool products = true;           // the products panel (filters small enough; with the image, filter and map)
  // Plan the grids for a frame this tall (slides' 16:9, a focused variant's
  // summary), showing colour only where numbers do not fit; 0: no limit.
  double budget_height = 0;
  double budget_cut = 0;    // that many units less than budget_height for the grids
  double min_content = 0;   // content at least this wide (a focused variant's frames share one width)
  // The maps shown have cells sized for every map's numbers, those of maps
  // not shown too, as the frame with every panel has them (a focused
  // stage's frame: a map then keeps its cells from one stage to the next).
  bool maps_alike = false;
};

// The geometry `req` asks for; *within_budget says whether the plan kept to
// req.budget_height, and *content_height is the height the frame's content
// takes.
FrameGeometry PlanGeometry(const LayoutInput& in, const PlanRequest& req, bool* within_budget, double* content_height) {
  const Variant& v = *in.variant;
  const VariantResult& r = *in.result;
  const ConvSpec& cs = v.conv;
  const bool activation = v.activation.type != ActivationType::None;
  const Messages& m = *in.story->text;

  PanelPlan input{.present = (req.panels & kImagePanel) != 0,
                  .is_image = true,
                  .rows = v.image->rows + cs.pad_top + cs.pad_bottom,
                  .cols = v.image->cols + cs.pad_left + cs.pad_right,
                  .index_rows = v.image->rows,
                  .index_cols = v.image->cols,
                  .label = ImageLabel(v, m),
                  .values = {&v.image->values},
                  .padded = cs.pad_top + cs.pad_bottom + cs.pad_left + cs.pad_right > 0};
  // Channels: the others' cards behind the image (channel 0 in front), each
  // with its name on its exposed edge.
  if (ChannelCount(v) > 1) {
    input.stack = ChannelCount(v) - 1;
    input.offset = ParamsFor(in.layout).channel_offset;
    input.label = m.Text(Msg::panel_image_channels, {{"count", ChannelCount(v)},
                                                     {"size", SizeText(v.image->rows, v.image->cols)},
                                                     {"name", ChannelName(v, 0, m)}});
  }
  // With several filters every frame shows one filter's maps in front of
  // the others' (a stack of cards): cells are sized for every map's values,
  // so nothing moves when the front map changes.
  const int maps = FilterCount(v);
  const int stack = maps - 1;
  std::vector<const std::vector<double>*> all_weights, all_conv, all_activated, all_pooled;
  for (int k = 0; k < maps; ++k) all_weights.push_back(&FilterAt(v, k).weights.values);
  for (const FilterMaps& fm : r.maps) {
    all_conv.push_back(&fm.conv.values);
    all_activated.push_back(&fm.activated.values);
    if (fm.pooled) all_pooled.push_back(&fm.pooled->values);
  }
  // A transposed convolution's output cells also show the running sums while
  // the inputs scatter.
  std::vector<std::vector<double>> scatter_sums;
  if (cs.transposed) {
    for (int k = 0; k < maps; ++k) scatter_sums.push_back(ScatterRunningSums(maps > 1 ? FocusOnFilter(v, k) : v));
    for (const std::vector<double>& sums : scatter_sums) all_conv.push_back(&sums);
  }
  // The filter panel's label names the filter in front: room for the longest.
  std::string filter_label = m.Text(Msg::panel_filter, {{"size", SizeText(v.filter.weights.rows, v.filter.weights.cols)}});
  const double label_size = ParamsFor(in.layout).label_size;
  for (int k = 0; maps > 1 && k < maps; ++k) {
    const std::string label = StackedFilterLabel(v, k, m);
    if (k == 0 || TextWidth(label, label_size, true) > TextWidth(filter_label, label_size, true)) filter_label = label;
  }
  if (ChannelCount(v) > 1) filter_label = FilterPanelLabel(v, maps > 1 ? filter_label : filter_label + ", " + v.filter.name, m);
  PanelPlan filter{.present = (req.panels & kFilterPanel) != 0,
                   .is_filter = true,
                   .rows = v.filter.weights.rows,
                   .cols = v.filter.weights.cols,
                   .label = filter_label,
                   .values = all_weights,
                   .stack = stack};
  PanelPlan conv{.present = (req.panels & kConvPanel) != 0,
                 .rows = r.conv().rows,
                 .cols = r.conv().cols,
                 .index_rows = r.conv().rows,
                 .index_cols = r.conv().cols,
                 .label = maps > 1 ? m.Text(Msg::panel_feature_maps, {{"count", maps}, {"size", SizeText(r.conv().rows, r.conv().cols)}})
                                   : m.Text(Msg::panel_feature_map, {{"size", SizeText(r.conv().rows, r.conv().cols)}}),
                 .values = all_conv,
                 .stack = stack};
  PanelPlan act{.present = activation && (req.panels & kActivatedPanel) != 0,
                .rows = activation ? r.activated().rows : 0,
                .cols = activation ? r.activated().cols : 0,
                .index_rows = r.activated().rows,
                .index_cols = r.activated().cols,
                .label = m.Text(Msg::panel_activated, {{"activation", ActivationName(v.activation, m)}}),
                .values = all_activated,
                .stack = stack};
  PanelPlan pool;
  if (r.pooled()) {
    const bool max = v.pool.type == PoolType::Max;
    pool = {.present = (req.panels & kPooledPanel) != 0,
            .rows = r.pooled()->rows,
            .cols = r.pooled()->cols,
            .index_rows = r.pooled()->rows,
            .index_cols = r.pooled()->cols,
            .label = maps > 1 ? m.Text(max ? Msg::stack_summary_pooled_max : Msg::stack_summary_pooled_average,
                                       {{"count", maps}, {"size", SizeText(r.pooled()->rows, r.pooled()->cols)}})
                              : m.Text(max ? Msg::panel_pooled_max : Msg::panel_pooled_average,
                                       {{"size", SizeText(r.pooled()->rows, r.pooled()->cols)}}),
            .values = all_pooled,
            .stack = stack};
  }

  if (PanelPlan* maps_plans[] = {&conv, &act, &pool}; req.maps_alike) {
    double widest = 0;
    for (PanelPlan* p : maps_plans)
      if (p->rows > 0 && p->rows <= kMaxNumberedSide && p->cols <= kMaxNumberedSide) widest = std::max(widest, Widest(*p));
    for (PanelPlan* p : maps_plans)
      if (p->present && widest > 0) p->widest_cached = widest;
  }

  FrameGeometry g;
  Panel* all_outs[] = {&g.input, &g.filter, &g.conv, &g.activated, &g.pooled};
  PanelPlan* all_plans[] = {&input, &filter, &conv, &act, &pool};
  std::vector<PanelPlan*> panels;
  std::vector<Panel*> outs;
  for (int k = 0; k < 5; ++k)
    if (all_plans[k]->present) panels.push_back(all_plans[k]), outs.push_back(all_outs[k]);
  // ops[k - 1] stands before panels[k]: image ∗ filter = map → map.
  std::vector<std::string> ops;
  for (std::size_t k = 1; k < panels.size(); ++k)
    ops.push_back(panels[k] == &filter ? "\u2217" : panels[k] == &conv ? "=" : "\u2192");
  // The products panel shows in a beat that computes one cell: where no beat
  // does (beats per row, or a long lesson's parts), it takes no room.
  const bool one_cell_beats = std::any_of(in.story->beats.begin(), in.story->beats.end(), [](const Beat& b) {
    return b.stage == Stage::Conv && b.first_cell == b.last_cell && b.last_cell >= 0;
  });
  const bool products = req.products && filter.present && conv.present && one_cell_beats;

  const Params& P = ParamsFor(in.layout);
  Planner planner{P};
  // Strips: where each panel starts, in cells right of the padded image's
  // first cell: a map's cell j under the centre of window j (the windows
  // start stride cells apart, so with stride 1 every cell is under its own;
  // causal: under the window's last pixel, the input at the same time), a
  // pooled cell under the centre of its pool window.
  const bool strips = DrawnAsStrips(v);
  std::vector<double> offsets(panels.size(), 0.0);
  double ops_width = 0;
  if (strips) {
    const double reach = cs.dilation_w * (v.filter.weights.cols - 1);
    // Transposed: the output starts `crop` cells in, so the filter can sit
    // over every copy, cropped taps too; input cell 0 over the centre of its
    // copy (with stride 1 every input cell over its own); the filter moves
    // over each beat's copy, up to the last input's (undilated filters).
    const double conv_offset = cs.transposed ? cs.crop_w : cs.causal ? reach : reach / 2;
    if (cs.transposed && cs.dilation_w == 1) filter.strip_reach = (v.image->cols - 1) * cs.stride_w;
    for (std::size_t k = 0; k < panels.size(); ++k) {
      if (cs.transposed && panels[k] == &input) offsets[k] = reach / 2;
      if (panels[k] == &conv || panels[k] == &act) offsets[k] = conv_offset;
      if (panels[k] == &pool) offsets[k] = conv_offset + (v.pool.size_w - 1) / 2.0;
      // A phone's width is better spent on the cells: tall strips have no operators.
      if (k > 0 && in.layout != FrameLayout::Tall) ops_width = std::max(ops_width, planner.OperatorWidth(ops[k - 1]));
    }
  }
  if (req.budget_height > 0 || (P.view_height > 0 && !strips)) {
    // A frame of fixed height (slides), or one a player shows at most
    // P.view_height tall (wide): the caption's lines are estimated at the
    // widest content before the grids are planned, and so is the text around
    // them. Plan for that height, and only when nothing fits it let the frame
    // grow taller; or for the frame that reads best in the player (Legibility).
    const double caption_width = P.max_content_width;
    int lines = 1;
    for (const Beat& b : in.story->beats)
      lines = std::max(lines, static_cast<int>(WrapText(b.caption, P.caption_size, caption_width, P.max_caption_lines).size()));
    const double line = (kFontAscent + kFontDescent) * 1.0;
    if (req.budget_height > 0)
      planner.height_budget = req.budget_height - req.budget_cut;
    else
      planner.view_height = P.view_height;
    planner.text_fixed = 2 * P.margin + line * P.heading_size + 12 + 16 + std::round(P.caption_size * 1.35) * lines + 14 +
                         P.legend_bar_height + 3 + line * P.legend_text_size;
    planner.text_per_row = line * P.label_size + 4 + line * P.index_size + 6 + 2 * kOutlineRoom + P.row_gap;
    if (products && HasProducts(v, r)) {
      // The products panel at its tallest (one line at the largest value size).
      planner.text_fixed += P.row_gap + line * P.label_size + 4 + 2 * kOutlineRoom +
                            v.filter.weights.rows * std::ceil(line * P.max_number_size + 8);
      // Channels: a name and a partial sum around each row of blocks (two
      // rows at most in a slide's width), then the sum line.
      const int blocks = ChannelCount(v) + (cs.transposed && ChannelCount(v) > 1 ? 1 : 0);  // a scatter's sum block
      if (ChannelCount(v) > 1)
        planner.text_fixed += (blocks > 4 ? 2 : 1) * (2 * line * P.label_size + 20) - 4 + line * P.label_size +
                              (blocks > 4 ? v.filter.weights.rows * std::ceil(line * P.max_number_size + 8) : 0);
    }
  }
  std::optional<Planner::Plan> strip_plan;
  if (strips) strip_plan = planner.PlanStrips(panels, offsets, ops_width);
  std::optional<Planner::Plan> numbered =
      strips ? (strip_plan->value_size > 0 ? strip_plan : std::nullopt) : planner.PlanWithNumbers(panels, ops);
  // Slides: what does not fit 16:9 with every number shows colour only
  // where it must; only when not even that fits does the frame grow taller.
  std::optional<Planner::Plan> fitted;
  if (!numbered && req.budget_height > 0 && !strips) fitted = planner.PlanFitted(panels, ops);
  if (!numbered && !fitted && req.budget_height > 0 && !strips) {
    planner.height_budget = std::numeric_limits<double>::infinity();
    numbered = planner.PlanWithNumbers(panels, ops);
  }
  *within_budget = std::isfinite(planner.height_budget);
  const bool column = !numbered && !fitted && !strips && in.layout == FrameLayout::Tall;
  const Planner::Plan plan = numbered ? *numbered
                             : fitted ? *fitted
                             : strips ? *strip_plan
                             : column ? planner.PlanColumn(panels, ops)
                                      : planner.PlanOneRow(panels, ops);
  // One value size per frame: the planned one, or in the fallback the
  // largest that every grid still showing numbers can hold.
  double value_size = plan.value_size;
  std::vector<bool> numbers(panels.size(), true);
  if (!numbered) {
    value_size = P.max_number_size;
    bool any = false;
    for (std::size_t k = 0; k < panels.size(); ++k) {
      const bool small = panels[k]->rows <= kMaxNumberedSide && panels[k]->cols <= kMaxNumberedSide;
      const double s = small ? planner.LargestFittingSize(*panels[k], plan.cells[k]) : 0;
      numbers[k] = s > 0;
      if (s > 0) value_size = std::min(value_size, s), any = true;
    }
    if (!any) value_size = 0;
  }

  g.margin = P.margin;
  g.heading_size = P.heading_size;
  g.label_size = P.label_size;
  g.operator_size = P.operator_size;
  g.caption_size = P.caption_size;
  g.legend_text_size = P.legend_text_size;
  g.panel_rows = static_cast<int>(plan.rows.size());
  g.value_size = value_size;
  g.strips = strips;

  double widest_row = 0;
  if (strips) {
    widest_row = planner.StripsWidth(panels, offsets, ops_width, plan.cells.front());
    for (const PanelPlan* p : panels) widest_row = std::max(widest_row, ops_width + TextWidth(p->label, P.label_size));
  } else {
    for (const std::vector<int>& row : plan.rows) widest_row = std::max(widest_row, planner.RowWidth(panels, ops, row, plan.cells));
  }
  if (products) PlanProducts(v, r, P, value_size, std::max(widest_row, P.min_content_width), m, g.products);
  widest_row = std::max(widest_row, g.products.cols * g.products.cell_w);
  std::vector<std::string> channel_sums;
  if (g.products.rows > 0 && g.products.channels > 1) {
    FrameGeometry::Products& pr = g.products;
    const double blocks = pr.per_row * pr.cols * pr.cell_w + (pr.per_row - 1) * pr.gap + 2 * kOutlineRoom;
    channel_sums = pr.sum_block ? std::vector<std::string>{m.Text(Msg::scatter_channels_sum_line)} : ChannelSums(v, r, m);
    double widest_sum = 0;
    for (const std::string& sum : channel_sums) widest_sum = std::max(widest_sum, TextWidth(sum, P.label_size, true));
    widest_row = std::max({widest_row, blocks, std::min(widest_sum, P.max_content_width)});
  }
  const double min_content = std::max(P.min_content_width, req.min_content);
  const double content = std::clamp(widest_row, min_content, std::max(P.max_content_width, widest_row));
  g.width = std::ceil(content + 2 * P.margin);

  // Vertical stack: heading; per row of panels its labels, column indices
  // and grids; caption; legend.
  double y = P.margin;
  g.heading_y = y + Ascent(P.heading_size);
  y = g.heading_y + Descent(P.heading_size) + 12;
  for (std::size_t ri = 0; ri < plan.rows.size(); ++ri) {
    const std::vector<int>& row = plan.rows[ri];
    y += planner.RowLabelExtra(panels, row);
    const double label_y = y + Ascent(P.label_size);
    if (ri == 0) g.label_y = label_y;
    y = label_y + Descent(P.label_size) + 4;
    bool any_indices = false;
    for (int k : row) any_indices |= !panels[k]->is_filter && planner.IndicesFit(*panels[k], plan.cells[k]);
    y += any_indices ? (kFontAscent + kFontDescent) * P.index_size + 6 : kOutlineRoom;
    const double grid_top = std::round(y);

    // Operators share one baseline per row: the middle of its shortest grid,
    // so they sit beside every grid however tall the others are.
    double shortest = std::numeric_limits<double>::max();
    for (int k : row) shortest = std::min(shortest, panels[k]->rows * plan.cells[k]);
    const double operator_y = grid_top + shortest / 2 + (kFontAscent - kFontDescent) / 2 * P.operator_size;
    // The row centred in the frame; strips on their common columns.
    const double strips_x0 = P.margin + kOutlineRoom + ops_width;
    double x = P.margin + (content - planner.RowWidth(panels, ops, row, plan.cells)) / 2 + kOutlineRoom;
    const PanelPlan& first = *panels[static_cast<std::size_t>(row[0])];
    const double first_op = row[0] > 0 ? planner.OperatorWidth(ops[static_cast<std::size_t>(row[0]) - 1]) : 0;
    if (column && row.size() == 1 && first.is_map()) {
      // A column of maps (PlanColumn) places each map as if an operator of
      // MapOperatorRoom stood before it, as its cells were sized, so the
      // maps of every stage's frame line up whether or not one does.
      const double op = planner.MapOperatorRoom(), left = P.margin + kOutlineRoom;
      double room_x = left + (content - 2 * kOutlineRoom - op - planner.PanelWidth(first, plan.cells[row[0]])) / 2;
      room_x -= std::clamp(op / 2, 0.0, room_x - left);
      x = room_x + op - first_op;
    } else if (in.layout == FrameLayout::Tall && !strips && row.size() == 1 && row[0] > 0) {
      // Tall frames stack a panel a row, each after its operator: the grid,
      // not the operator and grid, is centred where the operator still
      // fits, so a map and the map made from it line up column by column.
      x -= std::clamp(first_op / 2, 0.0, x - P.margin - kOutlineRoom);
    }
    for (int k : row) {
      PanelPlan& p = *panels[k];
      const double cell = plan.cells[k];
      if (strips) {
        if (k > 0 && ops_width > 0) g.operators.push_back({ops[k - 1], P.margin + kOutlineRoom + ops_width / 2, operator_y});
        Panel& out = *outs[k];
        out.label = p.label;
        out.label_y = label_y;
        out.grid = GridBox{.x = std::round(strips_x0 + offsets[static_cast<std::size_t>(k)] * cell),
                           .y = grid_top,
                           .cell = cell,
                           .rows = p.rows,
                           .cols = p.cols,
                           .numbers = numbers[k] && value_size > 0,
                           .number_size = numbers[k] && value_size > 0 ? value_size : 0,
                           .index_size = !p.is_filter && planner.IndicesFit(p, cell) ? P.index_size : 0,
                           .row_indices = false,
                           .min_mark_size = P.min_text_size};
        out.stack = p.stack;
        // The label over its strip, kept inside the frame.
        const double half = TextWidth(p.label, P.label_size, true) / 2;
        out.label_x = std::clamp(out.grid.x + p.cols * cell / 2, P.margin + half, std::max(P.margin + half, P.margin + content - half));
        continue;
      }
      if (k > 0) {
        const double op_w = TextWidth(ops[k - 1], P.operator_size);
        // A tall frame's map at the start of its row comes from the one
        // above: its arrow points down.
        const bool down = in.layout == FrameLayout::Tall && k == row.front() && ops[k - 1] == "\u2192";
        g.operators.push_back({down ? "\u2193" : ops[k - 1], x + P.operator_pad + op_w / 2, operator_y});
        x += op_w + 2 * P.operator_pad;
      }
      const double width = planner.PanelWidth(p, cell);
      Panel& out = *outs[k];
      out.label = p.label;
      out.label_y = label_y;
      out.grid.cell = cell;
      out.grid.rows = p.rows;
      out.grid.cols = p.cols;
      // Whole units: crisp cell edges; a stack's cards take room to the right.
      out.grid.x = std::round(x + (width - p.stack_room()) / 2 - p.cols * cell / 2);
      out.stack = p.stack;
      out.stack_offset = p.offset;
      out.stack_name_size = P.channel_name_size;
      out.label_wrap = P.label_wrap;
      out.label_x = out.grid.x + p.cols * cell / 2;
      out.grid.y = grid_top;
      out.grid.numbers = numbers[k] && value_size > 0;
      out.grid.number_size = out.grid.numbers ? value_size : 0;
      out.grid.index_size = !p.is_filter && planner.IndicesFit(p, cell) ? P.index_size : 0;
      out.grid.min_mark_size = P.min_text_size;
      x += width;
    }
    y = grid_top + planner.RowGridHeight(panels, row, plan.cells) + kOutlineRoom;
    if (ri + 1 < plan.rows.size()) y += P.row_gap;
  }

  if (g.products.rows > 0 && g.products.channels > 1) {
    // One block per channel, rows of per_row centred, then the sum line.
    FrameGeometry::Products& pr = g.products;
    y += P.row_gap;
    pr.label_y = y + Ascent(P.label_size);
    pr.label_x = P.margin + content / 2;
    y = pr.label_y + Descent(P.label_size) + 6;
    const double block = pr.cols * pr.cell_w;
    pr.name_drop = Descent(P.label_size) + 4 + kOutlineRoom;
    pr.partial_drop = kOutlineRoom + 4 + Ascent(P.label_size);
    for (int c = 0; c < pr.blocks(); c += pr.per_row) {
      const int n = std::min(pr.per_row, pr.blocks() - c);
      const double row_w = n * block + (n - 1) * pr.gap;
      const double x0 = std::round(P.margin + (content - row_w) / 2);
      const double grid_top = std::round(y + Ascent(P.label_size) + pr.name_drop);
      for (int i = 0; i < n; ++i) {
        pr.block_x.push_back(x0 + i * (block + pr.gap));
        pr.block_y.push_back(grid_top);
      }
      y = grid_top + pr.rows * pr.cell_h + pr.partial_drop + Descent(P.label_size) + 8;
    }
    pr.x = pr.block_x.front();
    pr.y = pr.block_y.front();
    // The sum line wraps where the frame is narrower than it (tall frames).
    pr.sum_x = P.margin + content / 2;
    pr.sum_y = y + Ascent(P.label_size);
    pr.sum_width = content;
    pr.sum_line_height = std::round(P.label_size * 1.3);
    for (const std::string& sum : channel_sums)
      pr.sum_lines = std::max(pr.sum_lines, static_cast<int>(WrapText(sum, P.label_size, content, kMaxSumLines, true).size()));
    y = pr.sum_y + (pr.sum_lines - 1) * pr.sum_line_height + Descent(P.label_size) + kOutlineRoom;
  } else if (g.products.rows > 0) {
    FrameGeometry::Products& pr = g.products;
    y += P.row_gap;
    pr.label_y = y + Ascent(P.label_size);
    y = pr.label_y + Descent(P.label_size) + 4 + kOutlineRoom;
    pr.y = std::round(y);
    // Under the filter, whose weights the products use, as far as the frame allows.
    const double filter_middle = g.filter.grid.x + g.filter.grid.cols * g.filter.grid.cell / 2;
    // Grid and label both stay inside the frame.
    const double half = std::max(pr.cols * pr.cell_w / 2 + kOutlineRoom, TextWidth(pr.label, P.label_size, true) / 2);
    const double middle = std::clamp(filter_middle, P.margin + half, std::max(P.margin + half, P.margin + content - half));
    pr.x = std::round(middle - pr.cols * pr.cell_w / 2);
    pr.label_x = pr.x + pr.cols * pr.cell_w / 2;
    y = pr.bottom() + kOutlineRoom;
  }

  // The caption: as many lines as the longest caption of any beat needs.
  g.caption_width = g.width - 2 * P.margin;
  g.caption_line_height = std::round(P.caption_size * 1.35);
  int lines = 1;
  for (const Beat& b : in.story->beats)
    lines = std::max(lines, static_cast<int>(WrapText(b.caption, P.caption_size, g.caption_width, P.max_caption_lines).size()));
  g.caption_lines = lines;
  y += 16;
  g.caption_y = y + Ascent(P.caption_size);
  y = g.caption_y + (lines - 1) * g.caption_line_height + Descent(P.caption_size) + 14;

  // The legend: "Image" and its grey bar, "Maps" and the diverging bar,
  // each bar's ends written below it, then the filter's range.
  g.legend_h = P.legend_bar_height;
  g.image_legend_name_x = P.margin;
  const std::string image_name = m.Text(Msg::legend_image), maps_name = m.Text(Msg::legend_maps);
  g.image_legend_x = P.margin + TextWidth(image_name, P.legend_text_size) + 8;
  g.image_legend_w = P.grey_bar_width;
  g.image_legend_y = y;
  const double legend_line = g.legend_h + 3 + (kFontAscent + kFontDescent) * P.legend_text_size;
  const double name_drop = g.legend_h / 2 + (kFontAscent - kFontDescent) / 2 * P.legend_text_size;
  if (P.stacked_legend) {
    // Tall: each bar on a line of its own, bars aligned, the note below.
    g.legend_name_x = P.margin;
    g.legend_x = g.image_legend_x = P.margin + std::max(TextWidth(image_name, P.legend_text_size), TextWidth(maps_name, P.legend_text_size)) + 8;
    y += legend_line + 6;
    g.legend_y = y;
    y += legend_line + 6;
    g.legend_note_x = P.margin;
    g.legend_note_y = y + Ascent(P.legend_text_size);
    y = g.legend_note_y + Descent(P.legend_text_size);
  } else {
    g.legend_y = y;
    g.legend_name_x = g.image_legend_x + P.grey_bar_width + P.legend_gap;
    g.legend_x = g.legend_name_x + TextWidth(maps_name, P.legend_text_size) + 8;
    g.legend_note_x = g.legend_x + P.value_bar_width + 20;
    g.legend_note_y = y + name_drop;
    y += legend_line;
  }
  g.legend_w = P.value_bar_width;
  // A line of its own (the weights' note has no room to spare), where some
  // cell sums several copies: else the mark it explains never shows.
  if (cs.transposed && ScatterCopiesOverlap(v)) {
    y += 6;
    g.overlap_note_y = y + Ascent(P.legend_text_size);
    y = g.overlap_note_y + Descent(P.legend_text_size);
  }
  g.height = std::ceil(y + P.margin);
  *content_height = g.height;
  if (P.frame_height > g.height) {
    // Slides: a 16:9 frame, its content centred in the height.
    const double dy = std::floor((P.frame_height - g.height) / 2);
    g.height = P.frame_height;
    g.heading_y += dy;
    MoveDown(g, dy, dy);
  }
  return g;
}

// A frame of `frame_height` for `req`, or nullopt when its grids do not fit
// that height. The planner estimates the text around the grids before it
// knows every panel's place; where that estimate was too small, plan again
// with the grids that much shorter; where it was too large, give them the
// room left.
std::optional<FrameGeometry> PlanToHeight(const LayoutInput& in, PlanRequest req, double frame_height) {
  req.budget_height = frame_height;
  req.budget_cut = 0;
  bool fitted = false;
  double height = 0;
  FrameGeometry g = PlanGeometry(in, req, &fitted, &height);
  for (int attempt = 0; attempt < 3 && fitted && height > frame_height; ++attempt) {
    req.budget_cut += height - frame_height;
    g = PlanGeometry(in, req, &fitted, &height);
  }
  if (!fitted || height > frame_height) return std::nullopt;
  // Room left: all of it for the grids, else half, a quarter... (the
  // grids' larger cells or numbers may take more than the room they were
  // given, where the estimate of the text was too large).
  for (double share = 1; height < frame_height - 8 && share >= 1.0 / 16; share /= 2) {
    PlanRequest roomier = req;
    roomier.budget_cut -= (frame_height - height) * share;
    bool roomier_fitted = false;
    double roomier_height = 0;
    FrameGeometry more = PlanGeometry(in, roomier, &roomier_fitted, &roomier_height);
    if (roomier_fitted && roomier_height <= frame_height) return more;
  }
  return g;
}

// A planned frame's Legibility.
double FrameLegibility(const FrameGeometry& g, const Params& P) {
  return Legibility(g.value_size, P.caption_size, g.height, P.view_height);
}

// The stages a focused variant's frames show (FrameGeometry::focused): the
// convolution's panels (and products), the activation's, the pooling's;
// present[k] false for a stage the variant does not have.
struct Stages {
  std::array<PlanRequest, 3> requests;
  std::array<bool, 3> present;
};
Stages StagesOf(const LayoutInput& in) {
  const bool activation = in.variant->activation.type != ActivationType::None;
  const bool pool = in.result->pooled().has_value();
  const unsigned pooled_from = activation ? kActivatedPanel : kConvPanel;
  return {{PlanRequest{.panels = kImagePanel | kFilterPanel | kConvPanel},
           PlanRequest{.panels = kConvPanel | kActivatedPanel, .products = false},
           PlanRequest{.panels = pooled_from | kPooledPanel, .products = false}},
          {true, activation, pool}};
}

// A frame's five grid panels, in one order for comparing two frames.
std::array<const Panel*, 5> GridPanels(const FrameGeometry& g) {
  return {&g.input, &g.filter, &g.conv, &g.activated, &g.pooled};
}

// Whether a grid that `whole` shows with numbers is colour only in `g`.
bool LosesNumbers(const FrameGeometry& g, const FrameGeometry& whole) {
  const std::array<const Panel*, 5> mine = GridPanels(g), all = GridPanels(whole);
  for (std::size_t p = 0; p < mine.size(); ++p)
    if (all[p]->grid.numbers && mine[p]->grid.rows > 0 && !mine[p]->grid.numbers) return true;
  return false;
}

// Whether every grid `g` shows is numbered.
bool EveryGridNumbered(const FrameGeometry& g) {
  for (const Panel* p : GridPanels(g))
    if (p->grid.rows > 0 && !p->grid.numbers) return false;
  return true;
}

// A focused variant's wide or tall frames, or nullopt where the variant is
// small enough for every panel, or focusing would not make its frames read
// better (wide) or shorter without a stage's grid losing its numbers (tall).
// With `maps_alike` every stage's maps have the cells of the frame with
// every panel (PlanRequest::maps_alike).
std::optional<FrameGeometry> PlanFocused(const LayoutInput& in, const FrameGeometry& whole, bool maps_alike) {
  const Params& P = ParamsFor(in.layout);
  auto [stages, present] = StagesOf(in);
  for (PlanRequest& stage : stages) stage.maps_alike = maps_alike;
  const double limit = P.view_height > 0 ? P.view_height : P.focus_height;
  if (limit <= 0 || whole.strips || whole.height <= limit || (!present[1] && !present[2])) return std::nullopt;
  // Each stage's frame as it would be alone, then all at the widest one's
  // width, so a frame's caption and legend lines stay where they were.
  std::array<FrameGeometry, 3> views;
  double content = 0, height = 0, shown = std::numeric_limits<double>::infinity();
  bool fitted = false;
  double unused = 0;
  for (std::size_t k = 0; k < 3; ++k)
    if (present[k]) content = std::max(content, PlanGeometry(in, stages[k], &fitted, &unused).width - 2 * P.margin);
  for (std::size_t k = 0; k < 3; ++k) {
    if (!present[k]) continue;
    PlanRequest wide = stages[k];
    wide.min_content = content;
    views[k] = PlanGeometry(in, wide, &fitted, &unused);
    height = std::max(height, views[k].height);
  }
  for (std::size_t k = 0; k < 3; ++k) {
    if (!present[k]) continue;
    // A stage that would lose its numbers. A phone's frames scroll: a
    // shorter stage frame is not worth a grid shown in colour only where the
    // frame with every panel numbers it (the summary, as in wide frames,
    // may); a stage whose grids are in colour there too loses nothing.
    if (P.view_height > 0 ? views[k].value_size <= 0 && whole.value_size > 0 : LosesNumbers(views[k], whole))
      return std::nullopt;
    shown = std::min(shown, Legibility(views[k].value_size, P.caption_size, height, P.view_height));
  }
  // Worth it only where every stage's frame reads better than the frame of
  // every panel (by a tenth, so small lessons keep their one layout); on a
  // phone, which scrolls, where it is shorter by a fifth.
  if (P.view_height > 0 ? !(shown > 1.1 * FrameLegibility(whole, P)) : !(height < 0.8 * whole.height))
    return std::nullopt;
  // The summary: every panel (no products: it computes no cell) in the
  // stages' height, colour only where numbers do not fit it.
  std::optional<FrameGeometry> summary = PlanToHeight(in, PlanRequest{.products = false, .min_content = content}, height);
  if (!summary) return std::nullopt;
  // A phone's frames of a lesson that shows every number on a phone keep
  // showing every one, the summary's too; where the frame with every panel
  // shows some grid in colour already, the summary may, as wide frames' do.
  if (P.view_height <= 0 && EveryGridNumbered(whole) && LosesNumbers(*summary, whole)) return std::nullopt;
  if (summary->width > views[0].width) {
    // The summary's rows came out wider: the stages' frames take its width.
    for (std::size_t k = 0; k < 3; ++k) {
      if (!present[k]) continue;
      PlanRequest wide = stages[k];
      wide.min_content = summary->width - 2 * P.margin;
      views[k] = PlanGeometry(in, wide, &fitted, &unused);
    }
  }
  height = summary->height;
  for (std::size_t k = 0; k < 3; ++k) height = std::max(height, views[k].height);
  // Shorter stages: panels centred in the room, caption and legend at the
  // foot. A phone scrolls: there they stay under the heading, the caption
  // under them, where the screen shows them; the room is left at the foot.
  const auto move_down = [&](FrameGeometry& g, double room) {
    if (P.view_height > 0) MoveDown(g, std::floor(room / 2), room);
  };
  for (std::size_t k = 0; k < 3; ++k) {
    if (!present[k]) continue;
    move_down(views[k], height - views[k].height);
    views[k].height = height;
  }
  move_down(*summary, height - summary->height);
  summary->height = height;
  // A phone's intro: its caption where the products panel starts.
  if (P.view_height <= 0 && views[0].products.rows > 0)
    views[0].intro_lift = std::max(0.0, views[0].caption_y - views[0].products.label_y);
  summary->focused.assign(views.begin(), views.end());
  return summary;
}

}  // namespace

// Moves the rows of panels (their labels, grids and operators, and the
// products panel) down by `panels`, the caption and legend by `tail`.
void MoveDown(FrameGeometry& g, double panels, double tail) {
  g.label_y += panels;
  for (Panel* panel : {&g.input, &g.filter, &g.conv, &g.activated, &g.pooled})
    panel->grid.y += panels, panel->label_y += panels;
  for (OperatorMark& op : g.operators) op.y += panels;
  g.products.y += panels, g.products.label_y += panels, g.products.sum_y += panels;
  for (double& block_y : g.products.block_y) block_y += panels;
  g.caption_y += tail;
  g.image_legend_y += tail, g.legend_y += tail, g.legend_note_y += tail;
  if (g.overlap_note_y > 0) g.overlap_note_y += tail;
}

// A focused variant's slides, where each stage's slide shows numbers in a
// grid (or the products) that the slide with every panel shows in colour
// only (or leaves out), and none fewer; else nullopt. Every slide is 16:9.
std::optional<FrameGeometry> PlanFocusedSlides(const LayoutInput& in, const FrameGeometry& whole) {
  const double frame_height = ParamsFor(in.layout).frame_height;
  const auto [stages, present] = StagesOf(in);
  if (whole.strips || (!present[1] && !present[2])) return std::nullopt;
  std::array<FrameGeometry, 3> views;
  bool more = false;
  for (std::size_t k = 0; k < 3; ++k) {
    if (!present[k]) continue;
    std::optional<FrameGeometry> view = PlanToHeight(in, stages[k], frame_height);
    if (!view && stages[k].products) {
      PlanRequest bare = stages[k];
      bare.products = false;
      view = PlanToHeight(in, bare, frame_height);
    }
    if (!view || view->height != whole.height || view->width != whole.width) return std::nullopt;
    // (`whole` has every panel the stage's slide has, so a grid the slide
    // numbers and `whole` does not is one it "loses" the other way round.)
    const bool fewer = (k == 0 && whole.products.rows > 0 && view->products.rows == 0) || LosesNumbers(*view, whole);
    const bool gains = (k == 0 && view->products.rows > 0 && whole.products.rows == 0) || LosesNumbers(whole, *view);
    if (fewer) return std::nullopt;
    // A stage whose own panels show no number more keeps every panel.
    if (gains)
      views[k] = std::move(*view);
    else
      views[k] = whole;
    more |= gains;
  }
  if (!more) return std::nullopt;
  // The summary computes no cell: its grids may take the products' room.
  FrameGeometry summary = whole;
  if (std::optional<FrameGeometry> roomier = PlanToHeight(in, {.products = false}, frame_height);
      roomier && roomier->height == whole.height && roomier->width == whole.width)
    summary = std::move(*roomier);
  // Each slide's content is centred in its 16:9: the heading, caption and
  // legend go where the tallest content has them, on every slide, the
  // panels centred between.
  std::vector<FrameGeometry*> slides{&summary};
  for (std::size_t k = 0; k < 3; ++k)
    if (present[k]) slides.push_back(&views[k]);
  double heading = std::numeric_limits<double>::infinity(), caption = 0;
  for (const FrameGeometry* g : slides) heading = std::min(heading, g->heading_y), caption = std::max(caption, g->caption_y);
  for (FrameGeometry* g : slides) {
    const double up = heading - g->heading_y, down = caption - g->caption_y;
    g->heading_y += up;
    MoveDown(*g, std::round((up + down) / 2), down);
  }
  summary.focused.assign(views.begin(), views.end());
  return summary;
}

const FrameGeometry& FrameGeometry::ForStage(Stage stage) const {
  if (focused.size() != 3) return *this;
  switch (stage) {
    case Stage::Intro:
    case Stage::Conv:
      return focused[0].width > 0 ? focused[0] : *this;
    case Stage::Activation:
      return focused[1].width > 0 ? focused[1] : *this;
    case Stage::Pool:
      return focused[2].width > 0 ? focused[2] : *this;
    case Stage::Summary:
      break;
  }
  return *this;
}

namespace {

FrameGeometry PlanPanels(const LayoutInput& in) {
  const double frame_height = ParamsFor(in.layout).frame_height;
  if (frame_height > 0) {
    std::optional<FrameGeometry> g = PlanToHeight(in, {}, frame_height);
    // No room for the products panel (many channels, a large filter): the
    // caption carries the arithmetic rather than the frame outgrow 16:9.
    if (!g) g = PlanToHeight(in, {.products = false}, frame_height);
    if (g) {
      if (std::optional<FrameGeometry> focused = PlanFocusedSlides(in, *g)) return *focused;
      return *g;
    }
  }
  bool fitted = false;
  double height = 0;
  FrameGeometry whole = PlanGeometry(in, {}, &fitted, &height);
  // A map that keeps its cells from stage to stage reads as one map; where
  // that costs a stage its numbers (a phone's row too narrow for the widest
  // map's) or focusing's gain, each stage sizes its own maps.
  for (const bool maps_alike : {true, false})
    if (std::optional<FrameGeometry> focused = PlanFocused(in, whole, maps_alike)) return *focused;
  return whole;
}

}  // namespace

FrameGeometry PlanFrameGeometry(const LayoutInput& in) {
  FrameGeometry g = PlanPanels(in);
  std::array<double, 5> widest{};
  for (const Beat& beat : in.story->beats) {
    double& w = widest[static_cast<std::size_t>(beat.stage)];
    w = std::max(w, TextWidth(" \u00B7 " + beat.heading, g.heading_size, true));
  }
  for (std::size_t k = 0; k < widest.size(); ++k) g.label_room[k] = std::max(0.0, g.width - 2 * g.margin - widest[k]);
  for (FrameGeometry& stage : g.focused) stage.label_room = g.label_room;  // one width for all
  return g;
}

}  // namespace cl
