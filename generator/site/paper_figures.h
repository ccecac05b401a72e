// Paper figures: the brief handout's figures, drawn for print. Scene units
// are points and the PDF draws them 1:1, so the sizes below are the printed
// sizes: every text at least kPaperTextSize, every number inside a map at
// least kPaperValueSize. Nothing is a shrunk screen frame; each figure is laid
// out here from the computed numbers (the image and filter, one convolution
// position with every product, the maps, the output sizes).
//
// A variant becomes a few rows (PaperBox), so two variants can be set side by
// side row by row (their images level, their maps level) and a page can break
// between rows.
#pragma once

#include <string>
#include <vector>

#include "compute/compute.h"
#include "scene/scene.h"
#include "site/built_lesson.h"

namespace cl {

inline constexpr double kPaperTextSize = 8;    // labels, indices, notes
inline constexpr double kPaperValueSize = 9;   // numbers in the cells of a map
inline constexpr double kPaperLabelSize = 9;   // titles, settings, sizes: they hold numbers too
inline constexpr double kPaperIndexSize = 9;   // row and column numbers: numbers read like values
// Group role of a map's numbers (for tests that check their size).
inline constexpr const char* kPaperValuesRole = "values";

// A piece of a figure: primitives placed from (0, 0), and its size.
struct PaperBox {
  double w = 0, h = 0;
  std::vector<SceneItem> items;
};

// Copies `box` into `into` with its top-left at (x, y), growing `into`.
void PlaceBox(PaperBox* into, PaperBox box, double x, double y);

// "no padding, stride 1; ReLU; max pooling 2×2, stride 2.": the variant's
// settings in words.
std::string SettingsText(const Variant& v, const Messages& m = EnglishMessages());

// The conv position a handout works out: the first (row-major) cell with the
// largest absolute value, which is where the filter answers most clearly.
struct CellPosition {
  int row = 0, col = 0;
};
CellPosition StrongestCell(const Grid& map);

// The output sizes with the variant's numbers: "Feature map: ⌊(9 + 1 + 1 −
// 3) / 2⌋ + 1 = 5" when rows and columns agree, else "Feature map rows: …"
// and "Feature map columns: …"; the window's extent when dilated, and the
// pooled size when the variant pools.
std::vector<std::string> OutputSizeLines(const Variant& v, const Messages& m = EnglishMessages());

// The rows of one variant's figures, none wider than `width` points: the
// settings (under the label when `labelled`) with the image, the filter and
// the worked position; then the maps and the output sizes. `*cramped` is set when a grid had to
// drop its numbers or products to fit `width`.
std::vector<PaperBox> VariantPaperRows(const BuiltLesson& built, const BuiltVariant& bv, double width, bool labelled,
                                       bool* cramped);

// What beat `beat_index` of `bv` shows, drawn for paper as lines no wider
// than `width`: the image and filter (intro); the image with the window, the
// products of the last cell the beat writes and the feature map as far as
// written (conv); the map before and after the activation; the pooled
// window and the pooled map as far as written (pool); every map (summary).
std::vector<PaperBox> BeatPaperLines(const BuiltLesson& built, const BuiltVariant& bv, int beat_index, double width,
                                     bool* cramped);

// A block of a grid's cells: rows [row0, row0 + rows), columns likewise.
struct CellBlock {
  int row0 = 0, rows = 0, col0 = 0, cols = 0;
  bool Contains(int row, int col) const { return row >= row0 && row < row0 + rows && col >= col0 && col < col0 + cols; }
};

// What a worksheet asks to work out by hand: the whole maps, or, where they
// or the image are too large to print with every number (a photograph), a
// block of the maps around their strongest answer (kWorkedPartSide cells a
// side; whole pooling windows when the variant pools) and the part of the
// image, padding included, whose windows give it.
inline constexpr int kWorkedPartSide = 4;
struct WorkedPart {
  bool whole = true;
  CellBlock conv;    // also the activated map's
  CellBlock pooled;  // when the variant pools
  CellBlock input;   // in the padded image's rows and columns
};
// The whole maps of `r`.
WorkedPart WholeMaps(const VariantResult& r);
// The whole maps when the worksheet's grids fit `width` with every number
// and leave room in `height` (and always for a transposed convolution,
// which has no window to cut to), else a part of them: around the strongest
// answer whose window reads the picture, not padding alone, and smaller
// than kWorkedPartSide where the image's part would not fit `width`.
WorkedPart PartToWork(const BuiltLesson& built, const BuiltVariant& bv, double width, double height);

// The first cell in `block` with the largest absolute value.
CellPosition StrongestCellIn(const Grid& grid, const CellBlock& block);

// A worksheet's given: the image (with its padding, or the part `part`
// reads) and the filter.
std::vector<PaperBox> GivenPaperLines(const BuiltLesson& built, const BuiltVariant& bv, const WorkedPart& part,
                                      double width, bool* cramped);

// A worksheet's maps (feature map, after the activation unless `none`,
// pooled when the variant pools), whole or `part` of them, in cells large
// enough to write in: `blank` leaves them empty to fill in by hand, else
// every value is printed (the answer key). Both have the same layout, so a
// key lies over a sheet.
std::vector<PaperBox> ExerciseMapLines(const BuiltLesson& built, const BuiltVariant& bv, const WorkedPart& part,
                                       double width, bool blank, bool* cramped);

// A scene of `width` x the box's height holding `box`, for a PdfFigure.
Scene PaperScene(PaperBox box, double width, const std::string& title);

}  // namespace cl
