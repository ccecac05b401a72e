// Layout: one beat of a variant laid out as a Scene. This is the only place
// that decides where things go. The geometry is planned once per variant
// (PlanFrameGeometry) from the sizes of its grids and the longest caption, so
// every beat of a variant shares it (a focused variant's, one per stage, in
// one frame size) and nothing jumps between frames; each beat then only
// changes what is filled, highlighted and said.
#pragma once

#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "compute/compute.h"
#include "model/model.h"
#include "scene/scene.h"
#include "storyboard/storyboard.h"

namespace cl {

class CellFillsMemo;  // scene/cell_fills_memo.h

// What the frames of one variant are drawn from. The pointed-to objects must
// outlive every use of the LayoutInput.
struct LayoutInput {
  const Variant* variant = nullptr;
  const VariantResult* result = nullptr;
  const Storyboard* story = nullptr;
  // The |value| at which the diverging colour scale saturates for the maps,
  // and for the filter's weights (a different quantity, so its own span on
  // the same colours). Per variant by default (see MaxAbsValue and
  // MaxAbsWeight); the lesson's maxima under `scale: shared`.
  double value_scale = 1.0;
  double weight_scale = 1.0;
  // The image is a picture: grey from black at image_black to white at
  // image_white. When image_white <= image_black (the default) the range is
  // the variant's own (ImageGreyRange).
  double image_black = 0.0, image_white = 0.0;
  // The frames' shape: wide, slides (16:9) or tall (docs/frames.md).
  FrameLayout layout = FrameLayout::Wide;
  // Where large grids' colours are made once for all of the lesson's
  // beats (scene/cell_fills_memo.h); null: each layout colours its own.
  CellFillsMemo* fills_memo = nullptr;
};

// The smallest font size of a value in a cell, in units: 1/128 of the widest
// frame (1280 units), so never less than 1/128 of any frame's width.
inline constexpr double kMinValueSize = 10;
// The smallest value font size of a layout: kMinValueSize, 22 for slides
// (1/50 of their height: the least any text on a slide may be).
double MinValueSize(FrameLayout layout);

// Lessons up to these sizes show every cell's number in every frame (the
// padded image, and each map, at most this many cells a side); larger ones
// may show colour only where numbers do not fit (docs/frames.md).
inline constexpr int kNumbersMaxImageSide = 14;
inline constexpr int kNumbersMaxMapSide = 12;
// Filters up to this side get the products panel (when the frame shows
// numbers); larger ones leave the products to the caption.
inline constexpr int kMaxProductsSide = 7;

// The grey range of a variant's image: black at its minimum (or 0 when that
// is positive), white at its maximum; 0 to 255 for image files. Never empty.
struct GreyRange {
  double black = 0, white = 1;
};
GreyRange ImageGreyRange(const Variant& v);

// One grid drawn as cells: top-left, cell size, and whether numbers fit.
struct GridBox {
  double x = 0, y = 0;
  double cell = 0;          // cell side in units
  int rows = 0, cols = 0;   // 0 rows: the panel is absent
  bool numbers = false;     // values are written in the cells
  double number_size = 0;   // font size of those values
  double index_size = 0;    // font size of row/column indices; 0: none
  bool row_indices = true;  // false for strips: a 1-D signal has column indices only
  // Colour-only cells' +/− signs are drawn no smaller than this (slides: the
  // layout's smallest text), and not at all where that does not fit a cell.
  double min_mark_size = 0;
  double right() const { return x + cell * cols; }
  double height() const { return cell * rows; }
  double bottom() const { return y + cell * rows; }
};

// A grid with its label centred above it.
struct Panel {
  GridBox grid;
  std::string label;     // "Image 6×6", "Filter 3×3", "Feature map 4×4", ...
  double label_x = 0;    // centre of the label (and of the grid)
  double label_y = 0;    // the label's baseline (panels wrap to rows of their own)
  // Slides: a label wider than this wraps to two lines, the last on label_y
  // (the geometry leaves room above); 0: one line.
  double label_wrap = 0;
  // With several filters: the other filters' (or maps') cards stacked behind
  // the grid, each kStackOffset further right and down.
  int stack = 0;
  double stack_offset = 6;  // kStackOffset; the image's channel cards kChannelOffset
  double stack_name_size = 10;  // the channel cards' names: kChannelNameSize (slides: larger)
};
inline constexpr double kStackOffset = 6;
// The distance between the baselines of a wrapped panel label's two lines.
inline double LabelLineHeight(double label_size) { return std::round(label_size * 1.2); }
// The image's channels stack with room on each card's exposed edge for its name.
inline constexpr double kChannelOffset = 15;
inline constexpr double kChannelNameSize = 10;
// A channels lesson's sum line wraps to at most this many lines.
inline constexpr int kMaxSumLines = 4;

// A symbol between two panels ("∗", "=", "→"), centred at x on baseline y.
struct OperatorMark {
  std::string text;
  double x = 0, y = 0;
};

// Where everything sits in every frame of one variant (units; 1 unit = 1 CSS
// px at scale 1).
struct FrameGeometry {
  double width = 0, height = 0;
  double margin = 0;
  double heading_size = 0, heading_y = 0;  // the line naming variant and stage
  // The heading's room for the variant's label in a beat of each stage
  // (indexed by Stage): the frame's less the widest " · stage, position" of
  // the stage's beats, so the label is cut alike while the steps count on.
  std::array<double, 5> label_room{};
  double label_size = 0, label_y = 0;      // the first row of panels' labels' baseline
  int panel_rows = 1;                      // rows the panels wrap to
  // A 1-D lesson (DrawnAsStrips): every panel a strip on its own row, one
  // cell size for all, each map's cell under the centre of the window that
  // wrote it (exactly, with stride 1), the filter under the image's window.
  bool strips = false;
  double value_size = 0;                   // the one font size of values in cells (0: none shown)
  Panel input;      // the padded image (padding rows/cols included)
  Panel filter;
  Panel conv;       // the feature map
  Panel activated;  // grid.rows == 0 when the activation is none
  Panel pooled;     // grid.rows == 0 when pool is none
  double operator_size = 0;
  std::vector<OperatorMark> operators;
  // The products panel, below the panels: during a one-cell conv beat each
  // pixel·weight product of the window, in a grid shaped like the filter.
  // Cells fit the widest product of any position at the frame's value size;
  // where one line per product is too wide, pixel and weight take two lines.
  struct Products {
    int rows = 0, cols = 0;  // 0: none (see kMaxProductsSide)
    double x = 0, y = 0;     // top-left of the grid
    double cell_w = 0, cell_h = 0;
    double size = 0;         // font size of the products (the value size)
    bool two_lines = false;
    std::string label;
    double label_x = 0, label_y = 0;
    // With image channels: one grid per channel (a block: its name above,
    // "= partial sum" below, "+" between blocks), per_row blocks a row, then
    // the line adding the partial sums up to the output cell.
    int channels = 1;
    // Transposed with channels: the blocks are each channel's scaled copy
    // ("value·slice" below it), then after "=" one more block, the copies
    // added weight by weight (block_x/block_y hold channels + 1 entries);
    // the sum line says where the sums go.
    bool sum_block = false;
    int blocks() const { return channels + (sum_block ? 1 : 0); }
    int per_row = 1;
    double gap = 0;                       // between blocks, where the "+" sits
    std::vector<double> block_x, block_y;  // each channel's grid, top-left
    double name_drop = 0;                 // block name baseline above its grid top
    double partial_drop = 0;              // "= partial" baseline below its grid bottom
    double sum_x = 0, sum_y = 0, sum_width = 0;  // the sum line: centre, first baseline, room
    int sum_lines = 1;                           // lines the longest sum wraps to
    double sum_line_height = 0;
    double right() const { return x + cell_w * cols; }
    double bottom() const { return y + cell_h * rows; }
  } products;
  double caption_size = 0, caption_y = 0;  // first caption line's baseline
  double caption_line_height = 0;
  int caption_lines = 1;                   // reserved for the longest caption
  double caption_width = 0;                // wrapping width
  // The legend: the image's grey bar, then the maps' diverging bar, each
  // after its name, ends written below; then the filter's weight range.
  // Wide and slides: one line; tall: the bars and the note each on a line.
  double legend_h = 0, legend_text_size = 0;
  double image_legend_y = 0, legend_y = 0;  // top of the grey bar and of the diverging bar
  double legend_note_y = 0;                  // baseline of the filter's range
  double image_legend_name_x = 0, image_legend_x = 0, image_legend_w = 0;
  double legend_name_x = 0, legend_x = 0, legend_w = 0;  // the diverging bar
  double legend_note_x = 0;
  // Transposed: the line under the legend saying what the inner outline of
  // an output cell means (a sum of several copies); 0: none.
  double overlap_note_y = 0;
  // A focused variant (docs/frames.md, "Focused frames"): where every panel
  // would make the frame too tall to read in a player (slides: where a
  // stage's own panels show more numbers), each stage's beats show only the
  // panels that stage reads and writes, larger, in a frame of this same
  // size: [0] the convolution's (the intro's too), [1] the activation's, [2]
  // the pooling's (0 wide for a stage the variant lacks). The panels above
  // are the summary's, all of them, fitted to that size. Empty: every beat
  // uses the panels above.
  std::vector<FrameGeometry> focused;
  // Where the panels of a beat of `stage` sit.
  const FrameGeometry& ForStage(Stage stage) const;
  // A phone's focused convolution frame (focused[0], tall): the intro beat
  // computes no cell, so its caption and legend sit this much higher, in
  // the products panel's room, under the panels as in the other stages.
  double intro_lift = 0;
};

// Moves the rows of panels (their labels, grids and operators, and the
// products panel) down by `panels`, the caption and legend by `tail`.
void MoveDown(FrameGeometry& g, double panels, double tail);

// The largest |value| among the variant's maps (conv, activated, pooled), and
// among its weights; 0 when all are 0.
double LargestAbsValue(const Variant& v, const VariantResult& r);
double LargestAbsWeight(const Variant& v);
// A colour scale from such a largest value: itself, or 1 when it is 0 (the
// cells are white either way, and a legend from −1 to 1 reads sensibly where
// one from −1e−9 to 1e−9 did not). Under `scale: shared` a lesson's scales
// come from the largest values over its variants.
inline double ScaleFrom(double largest) { return largest > 0 ? largest : 1.0; }
inline double MaxAbsValue(const Variant& v, const VariantResult& r) { return ScaleFrom(LargestAbsValue(v, r)); }
inline double MaxAbsWeight(const Variant& v) { return ScaleFrom(LargestAbsWeight(v)); }

// Whether the variant is 1-D: a one-row image and one-row filters, drawn
// as strips (FrameGeometry::strips) rather than as grids of one row;
// transposed too, its filter then over the output cells each copy lands on.
bool DrawnAsStrips(const Variant& v);

// Plans the frame size and geometry of all beats of `in` (see the file
// comment; a focused variant's stages have their own, FrameGeometry::focused).
FrameGeometry PlanFrameGeometry(const LayoutInput& in);

// Lays out beat `beat_index` (0-based) of in.story with geometry `planned`
// (for a focused variant, its beat's stage's: FrameGeometry::ForStage).
Scene LayoutBeat(const LayoutInput& in, const FrameGeometry& planned, int beat_index);

}  // namespace cl
