// Grid items: the primitives of one grid panel (cells, numbers, grid lines,
// indices, label) and of highlight outlines, appended to a Scene. Helpers of
// LayoutBeat; positions come from the FrameGeometry, never from here.
#pragma once

#include <cstddef>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "scene/layout.h"
#include "scene/scene.h"

namespace cl {

// What one cell of a grid shows.
struct CellState {
  enum class Kind { Empty, Value, Padding } kind = Kind::Empty;
  double value = 0;
};

// How a grid's values become colours: the diverging scale saturating at
// `scale`, or (grey) the image's black-to-white range.
struct CellColors {
  double scale = 1;
  bool grey = false;
  double black = 0, white = 1;
  Color operator()(double value) const;
  friend bool operator==(const CellColors&, const CellColors&) = default;
};

struct GridContent {
  std::string id;      // group id: "input", "filter", "conv", ...
  std::string label;   // accessible label of the group
  CellColors colors;
  // Indices label cells [index_row0, index_row0 + index_rows) etc. of the
  // grid with 0, 1, ... (the image inside its padding).
  int index_row0 = 0, index_col0 = 0, index_rows = 0, index_cols = 0;
  std::function<CellState(int row, int col)> cell;
  // Optional, for a grid drawn as one picture: its colours made once for
  // many beats. Cells [0, shown) (row-major) show their values, in the
  // colours `all` returns (every cell's as it shows its value); the rest are
  // empty. `all` is asked only when some cell shows its value. Without it
  // (and for grids of one rectangle a cell) the colours come from `cell`.
  struct MadeFills {
    static constexpr std::size_t kAll = std::numeric_limits<std::size_t>::max();
    std::size_t shown = 0;
    std::function<std::shared_ptr<const std::vector<Color>>()> all;
  };
  std::optional<MadeFills> made_fills = std::nullopt;
};

// Every cell's colour, row-major, as `cell` and `colors` give it: how a
// grid drawn as one picture is coloured, and what GridContent::MadeFills
// must hold.
std::vector<Color> CellFills(int rows, int cols, const std::function<CellState(int row, int col)>& cell,
                             const CellColors& colors);

// One text item at baseline `y`: the one way every drawing (frames and the
// handouts' paper figures) makes text.
TextShape MakeText(double x, double y, std::string text, double size, Color color, TextAnchor anchor,
                   bool bold = false);

// Appends MakeText(...) to the scene.
void AddText(Scene& scene, double x, double y, std::string text, double size, Color color, TextAnchor anchor,
             bool bold = false);

// An unfilled rectangle stroked `width` wide in `color`: grid and legend
// borders, the image's edge inside its padding, highlights and cell marks
// (in frames and in paper figures).
RectShape Outline(double x, double y, double w, double h, Color color, double width, bool dashed = false);

// Appends the panel: label, cells, padding hatches, numbers (or signs),
// lines, border, indices.
void AddGridPanel(Scene& scene, const FrameGeometry& g, const Panel& panel, const GridContent& content);

// The highlight outline used for the window and the cells it writes: a dark
// rim under an amber line, wide enough to read on any cell colour. Drawn
// around cells [row0, row1) x [col0, col1) of `grid`.
void AddHighlight(Scene& scene, const GridBox& grid, int row0, int row1, int col0, int col1, double weight = 1.0);

// A thin dark outline just inside one cell's border: dashed for cells the
// activation changed, solid for the winner of a max-pool window.
void AddCellMark(Scene& scene, const GridBox& grid, int row, int col, bool dashed);

// How far a cell mark reaches in from the cell's border, on each side.
double CellMarkRoom(double cell);

// A colour-only cell's +/− sign: its size, and whether it fits the cell
// (never where numbers show; see GridBox::min_mark_size).
double SignSize(const GridBox& b);
bool SignsFit(const GridBox& b);

// Stroke width of highlights on `grid`, for callers that place marks inside them.
double HighlightWidth(const GridBox& grid);

}  // namespace cl
