#include "scene/grid_items.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "base/number_format.h"
#include "scene/palette.h"
#include "scene/text_fit.h"
#include "scene/text_metrics.h"

namespace cl {
namespace {

// Grids with more cells than this and no numbers become one CellsShape.
constexpr int kMaxRectCells = 256;
// Space between a grid and its indices: clear of a highlight's outline.
constexpr double kIndexGap = 6;
// Below this cell side the +/− signs no longer fit.
constexpr double kMinSignCell = 10;

double Baseline(double center_y, double size) { return center_y + (kFontAscent - kFontDescent) / 2 * size; }

Color FillOf(const CellState& s, const CellColors& colors) {
  switch (s.kind) {
    case CellState::Kind::Empty: return palette::kEmptyCell;
    case CellState::Kind::Padding: return palette::kPaddingCell;
    case CellState::Kind::Value: return colors(s.value);
  }
  return palette::kEmptyCell;
}

// Grids drawn as one picture: many cells, no numbers.
bool DrawnAsBlock(const GridBox& b) { return !b.numbers && b.rows * b.cols > kMaxRectCells; }

// A block's fills straight from the content (or as made once for many
// beats): a 512x512 map's cell states would be 4 MB, made and dropped for
// every beat's layout.
void AddCellsBlock(Scene& scene, const GridBox& b, const GridContent& content) {
  CellsShape cells;
  cells.x = b.x;
  cells.y = b.y;
  cells.cell_w = cells.cell_h = b.cell;
  cells.rows = b.rows;
  cells.cols = b.cols;
  const std::size_t count = static_cast<std::size_t>(b.rows) * static_cast<std::size_t>(b.cols);
  const std::size_t shown = content.made_fills ? std::min(content.made_fills->shown, count) : 0;
  const auto made = shown > 0 ? content.made_fills->all() : nullptr;
  if (content.made_fills && (shown == 0 || (made && made->size() == count))) {
    cells.fills = BlockFills(made, shown, count, palette::kEmptyCell);  // shared, not copied
  } else {
    cells.fills = BlockFills(CellFills(b.rows, b.cols, content.cell, content.colors));
  }
  scene.items.push_back(std::move(cells));
}

// One rectangle a cell.
void AddCellRects(Scene& scene, const GridBox& b, const std::vector<CellState>& states, const CellColors& colors) {
  for (int r = 0; r < b.rows; ++r) {
    for (int c = 0; c < b.cols; ++c) {
      RectShape rect;
      rect.x = b.x + c * b.cell;
      rect.y = b.y + r * b.cell;
      rect.w = rect.h = b.cell;
      rect.fill = FillOf(states[static_cast<std::size_t>(r) * b.cols + c], colors);
      scene.items.push_back(rect);
    }
  }
}

// Two short strokes across each corner of a padding cell, parallel to the
// diagonal through the other two: a texture that leaves the middle, where
// the "0" sits, clear.
void AddPaddingHatches(Scene& scene, const GridBox& b, const std::vector<CellState>& states) {
  if (b.cell < 8) return;
  const double c = b.cell;
  for (int r = 0; r < b.rows; ++r) {
    for (int col = 0; col < b.cols; ++col) {
      if (states[static_cast<std::size_t>(r) * b.cols + col].kind != CellState::Kind::Padding) continue;
      const double x = b.x + col * c, y = b.y + r * c;
      for (double t : {0.16, 0.32}) {
        scene.items.push_back(LineShape{x, y + t * c, x + t * c, y, palette::kPaddingHatch, 1, false});
        scene.items.push_back(LineShape{x + c - t * c, y + c, x + c, y + c - t * c, palette::kPaddingHatch, 1, false});
      }
    }
  }
}

// Each cell's number, or its sign where numbers do not fit but signs do.
// `state_at(r, c)` gives a cell's state.
template <typename StateAt>
void AddNumbers(Scene& scene, const GridBox& b, const StateAt& state_at, const CellColors& colors) {
  if (!b.numbers && !SignsFit(b)) return;
  const double size = b.numbers ? b.number_size : SignSize(b);
  for (int r = 0; r < b.rows; ++r) {
    for (int c = 0; c < b.cols; ++c) {
      const CellState s = state_at(r, c);
      if (s.kind == CellState::Kind::Empty) continue;
      std::string text;
      if (b.numbers)
        text = FormatNumberCell(s.value);
      else if (s.kind == CellState::Kind::Value && (colors.grey ? s.value < 0 : s.value != 0))
        // A picture's greys show its values; a "+" on each of a photo's
        // 0-255 pixels would only bury it. Only a negative pixel is marked.
        text = s.value < 0 ? "\u2212" : "+";
      if (text.empty()) continue;
      const Color ink = s.kind == CellState::Kind::Padding ? palette::kPaddingInk : TextColorOn(FillOf(s, colors));
      AddText(scene, b.x + (c + 0.5) * b.cell, Baseline(b.y + (r + 0.5) * b.cell, size), std::move(text), size, ink,
              TextAnchor::Middle);
    }
  }
}

void AddLines(Scene& scene, const GridBox& b) {
  if (b.cell >= 4) {
    const double w = b.cell >= 12 ? 1 : 0.5;
    for (int r = 1; r < b.rows; ++r)
      scene.items.push_back(LineShape{b.x, b.y + r * b.cell, b.right(), b.y + r * b.cell, palette::kGridLine, w, false});
    for (int c = 1; c < b.cols; ++c)
      scene.items.push_back(LineShape{b.x + c * b.cell, b.y, b.x + c * b.cell, b.bottom(), palette::kGridLine, w, false});
  }
  scene.items.push_back(Outline(b.x, b.y, b.cell * b.cols, b.cell * b.rows, palette::kGridBorder, 1));
}

void AddIndices(Scene& scene, const GridBox& b, const GridContent& content) {
  if (b.index_size <= 0) return;
  const double s = b.index_size;
  for (int c = 0; c < content.index_cols; ++c)
    AddText(scene, b.x + (content.index_col0 + c + 0.5) * b.cell, b.y - kIndexGap - kFontDescent * s, fmt::format("{}", c), s,
            palette::kMutedInk, TextAnchor::Middle);
  for (int r = 0; b.row_indices && r < content.index_rows; ++r)
    AddText(scene, b.x - kIndexGap, Baseline(b.y + (content.index_row0 + r + 0.5) * b.cell, s), fmt::format("{}", r), s,
            palette::kMutedInk, TextAnchor::End);
}

}  // namespace

std::vector<Color> CellFills(int rows, int cols, const std::function<CellState(int row, int col)>& cell,
                             const CellColors& colors) {
  std::vector<Color> fills;
  fills.reserve(static_cast<std::size_t>(std::max(rows, 0)) * static_cast<std::size_t>(std::max(cols, 0)));
  // Neighbouring cells often hold one value (a picture's flat parts): its
  // colour is worked out once per stretch, not once per cell.
  CellState last{CellState::Kind::Empty, std::nan("")};  // matches no cell: the first sets `fill`
  Color fill;
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      const CellState s = cell(r, c);
      if (s.kind != last.kind || !(s.value == last.value)) fill = FillOf(last = s, colors);
      fills.push_back(fill);
    }
  }
  return fills;
}

Color CellColors::operator()(double value) const {
  return grey ? GreyColor(value, black, white) : DivergingColor(value, scale);
}

RectShape Outline(double x, double y, double w, double h, Color color, double width, bool dashed) {
  RectShape r;
  r.x = x;
  r.y = y;
  r.w = w;
  r.h = h;
  r.has_fill = false;
  r.has_stroke = true;
  r.stroke = color;
  r.stroke_width = width;
  r.dashed = dashed;
  return r;
}

TextShape MakeText(double x, double y, std::string text, double size, Color color, TextAnchor anchor, bool bold) {
  TextShape t;
  t.x = x;
  t.y = y;
  t.text = std::move(text);
  t.size = size;
  t.color = color;
  t.anchor = anchor;
  t.bold = bold;
  return t;
}

void AddText(Scene& scene, double x, double y, std::string text, double size, Color color, TextAnchor anchor,
             bool bold) {
  scene.items.push_back(MakeText(x, y, std::move(text), size, color, anchor, bold));
}

void AddGridPanel(Scene& scene, const FrameGeometry& g, const Panel& panel, const GridContent& content) {
  const GridBox& b = panel.grid;
  if (b.rows <= 0 || b.cols <= 0) return;
  scene.items.push_back(GroupBegin{content.id, "grid", content.label});
  const std::vector<std::string> label = panel.label_wrap > 0 && TextWidth(panel.label, g.label_size, true) > panel.label_wrap
                                             ? WrapText(panel.label, g.label_size, panel.label_wrap, 2, true)
                                             : std::vector<std::string>{panel.label};
  for (std::size_t i = 0; i < label.size(); ++i)
    AddText(scene, panel.label_x, panel.label_y - static_cast<double>(label.size() - 1 - i) * LabelLineHeight(g.label_size),
            label[i], g.label_size, palette::kInk, TextAnchor::Middle, true);
  if (DrawnAsBlock(b)) {  // no hatches (its cells are small) and, where signs fit, their states asked again
    AddCellsBlock(scene, b, content);
    AddLines(scene, b);
    AddNumbers(scene, b, content.cell, content.colors);
  } else {
    std::vector<CellState> states(static_cast<std::size_t>(b.rows) * b.cols);
    for (int r = 0; r < b.rows; ++r)
      for (int c = 0; c < b.cols; ++c) states[static_cast<std::size_t>(r) * b.cols + c] = content.cell(r, c);
    AddCellRects(scene, b, states, content.colors);
    AddPaddingHatches(scene, b, states);
    AddLines(scene, b);
    AddNumbers(scene, b, [&](int r, int c) { return states[static_cast<std::size_t>(r) * b.cols + c]; }, content.colors);
  }
  AddIndices(scene, b, content);
  scene.items.push_back(GroupEnd{});
}

double HighlightWidth(const GridBox& grid) { return std::clamp(grid.cell * 0.1, 2.0, 4.0); }

void AddHighlight(Scene& scene, const GridBox& grid, int row0, int row1, int col0, int col1, double weight) {
  // The path runs half a stroke outside the cells so the outline never
  // covers the numbers it frames.
  const double w = HighlightWidth(grid) * weight;
  const double x = grid.x + col0 * grid.cell - w / 2, y = grid.y + row0 * grid.cell - w / 2;
  const double width = (col1 - col0) * grid.cell + w, height = (row1 - row0) * grid.cell + w;
  scene.items.push_back(Outline(x, y, width, height, palette::kWindowEdge, w, false));
  scene.items.push_back(Outline(x, y, width, height, palette::kAmber, w * 0.55, false));
}

namespace {
// Marks sit just inside the cell's border; numbers keep clear of them.
double MarkInset(double cell) { return cell >= 24 ? 2.0 : 1.0; }
double MarkWidth(double cell) { return cell >= 24 ? 2.0 : 1.0; }
}  // namespace

double CellMarkRoom(double cell) { return MarkInset(cell) + MarkWidth(cell); }

void AddCellMark(Scene& scene, const GridBox& grid, int row, int col, bool dashed) {
  const double w = MarkWidth(grid.cell);
  const double at = MarkInset(grid.cell) + w / 2;  // the stroke's middle
  scene.items.push_back(Outline(grid.x + col * grid.cell + at, grid.y + row * grid.cell + at, grid.cell - 2 * at,
                                grid.cell - 2 * at, palette::kInk, w, dashed));
}

double SignSize(const GridBox& b) { return std::max(b.cell * 0.7, b.min_mark_size); }
// A sign's line (ascent and descent) fits its cell: at a slide's 22 units
// a 24-unit cell's signs would touch the next row's.
bool SignsFit(const GridBox& b) {
  return !b.numbers && b.cell >= kMinSignCell && (kFontAscent + kFontDescent) * SignSize(b) <= b.cell;
}

}  // namespace cl
