// Compute: the numbers of a lesson, pure functions of a Variant (no I/O, no
// YAML, no pictures). This is the part that must be right; everything drawn or
// written later is derived from what these functions return.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/grid.h"
#include "model/model.h"

namespace cl {

// Output side of a convolution along one axis (contract formula); may be <= 0,
// which the loader reports as an error.
int ConvOutputSize(int in, int pad_before, int pad_after, int kernel, int stride, int dilation);

// Output side of a transposed convolution along one axis (PyTorch's
// ConvTranspose2d): (in - 1) * stride - 2 * crop + dilation * (kernel - 1) +
// output_padding + 1; may be <= 0, which the loader reports as an error.
int TransposedOutputSize(int in, int crop, int kernel, int stride, int dilation, int output_padding);

// The conv map's side of a variant's image and filter under `conv`, plain
// or transposed: the one place that picks the formula.
int ConvMapRows(const Grid& image, const Grid& weights, const ConvSpec& conv);
int ConvMapCols(const Grid& image, const Grid& weights, const ConvSpec& conv);

// TensorFlow `same` padding along one axis: {before, after}, odd one after.
struct PadPair { int before = 0, after = 0; };
PadPair SamePadding(int in, int kernel, int stride, int dilation);

// Pooled side along one axis for a map of side n (contract rules); 0 when the
// window is larger than the map (an error the loader reports).
int PooledSize(int n, int size, int stride, Remainder remainder);

// The sides of a valid variant's maps, known before anything is computed:
// its conv (and activated) map, and its pooled map (0 x 0 for `pool: none`).
struct MapSides {
  int conv_rows = 0, conv_cols = 0;
  int pooled_rows = 0, pooled_cols = 0;
};
MapSides PlannedMapSides(const Variant& v);

// The numbers a variant's computation holds: its image (every channel) and
// each filter's conv, activated and pooled maps. A valid variant's sides are
// known before anything is computed, so the loader bounds this per lesson.
long long CountVariantNumbers(const Variant& v);

// One filter's maps.
struct FilterMaps {
  Grid conv;                   // feature map, bias included
  Grid activated;              // after the activation (== conv for `none`)
  std::optional<Grid> pooled;  // nullopt for `pool: none`
};

// Every filter's maps, shared by the copies of a result: FocusOnFilter
// copies a result for each beat and each filter it draws, and with 8 filters
// on a 512x512 picture the maps are 40 MB a variant.
using FilterMapsList = SharedList<FilterMaps>;

struct VariantResult {
  FilterMapsList maps;  // every filter's maps, maps[k] for filters[k]
  int drawn = 0;        // the filter drawn in front (Variant::drawn)
  // The drawn filter's maps: its feature map, after the activation (equal to
  // conv for `none`), and pooled (nullopt for `pool: none`).
  const Grid& conv() const { return maps[static_cast<std::size_t>(drawn)].conv; }
  const Grid& activated() const { return maps[static_cast<std::size_t>(drawn)].activated; }
  const std::optional<Grid>& pooled() const { return maps[static_cast<std::size_t>(drawn)].pooled; }
};

// The whole computation of one variant. Precondition: the variant is valid
// (the loader checked output sizes and the pool window).
VariantResult ComputeVariant(const Variant& v);

// The same variant and result with filters[k] drawn in front: `filter`,
// `drawn` and conv/activated/pooled are filter k's. Precondition: k is a
// filter's index and `r` is v's result.
Variant FocusOnFilter(const Variant& v, int k);
VariantResult FocusOnFilter(const VariantResult& r, int k);

// How many filters a variant has, and filter k of them (a variant built by
// hand with only `filter` set has that one).
int FilterCount(const Variant& v);
const Filter& FilterAt(const Variant& v, int k);

// Whether a variant is beyond one filter without bias (then lesson.json,
// dumps and frames show the filter list, the biases and the stack of maps).
bool HasFilterList(const Variant& v);

// Whether the image has more than one channel (then lesson.json's input is
// [c][h][w] and its filters carry [c][k][k] weights).
bool HasChannels(const Variant& v);

// What a frame shows for one conv output cell. Computed on demand so that a
// 512x512 image never holds every trace at once.
struct ConvTrace {
  int out_row = 0, out_col = 0;
  // Top-left of the receptive field in padded-image coordinates
  // (row 0 is the first padding row when pad_top > 0).
  int origin_row = 0, origin_col = 0;
  // The cells read, in padded-image coordinates, row-major: what frames
  // draw the window over (they never work it out from stride and dilation).
  struct Cell {
    int row = 0, col = 0;
    friend bool operator==(const Cell&, const Cell&) = default;
  };
  std::vector<Cell> cells;
  std::vector<double> inputs;    // kh*kw values read, row-major (0 for padding)
  std::vector<double> products;  // weight * input, row-major
  // Every image channel's taps through its slice of the filter, [c]: the
  // values read, the products and their partial sum. channels[0] repeats
  // inputs and products above; the window's cells are the same in every channel.
  struct ChannelTaps {
    std::vector<double> inputs, products;
    double partial = 0.0;
  };
  std::vector<ChannelTaps> channels;
  double bias = 0.0;             // the filter's, added after the products
  double sum = 0.0;              // the partial sums (in channel order) plus the bias: the cell's value
};
// For a transposed variant the trace is TraceTransposedCell's.
ConvTrace TraceConvCell(const Variant& v, int out_row, int out_col);

// One output cell of a transposed convolution seen as a gather, shaped like
// the filter (kh*kw entries, row-major over the weights): for each weight
// the input cell whose copy lands here through it (image coordinates; -1, -1
// and input 0 where none does, as a window reading padding), its value and
// value * weight; sum includes the bias and equals the map's cell.
ConvTrace TraceTransposedCell(const Variant& v, int out_row, int out_col);

// What a frame shows for one input cell of a transposed convolution: the
// scaled copy of the filter it adds into the output.
struct ScatterTrace {
  int in_row = 0, in_col = 0;
  double input = 0.0;  // the input cell's value
  int rows = 0, cols = 0;  // the output map's size
  // Where each weight's product lands, in output coordinates, row-major
  // over the filter; a cell outside [0, rows) x [0, cols) is cropped away
  // by the padding (or lies beyond the output).
  std::vector<ConvTrace::Cell> cells;
  std::vector<double> products;  // input * weight, row-major
  // With image channels, every channel's copy: its value at the input cell
  // times its slice of the filter, [c] (channels[0] repeats input and
  // products); and per weight the channels' products added in channel
  // order, what the input cell adds into the cell it lands on. One channel:
  // added equals products.
  struct ChannelCopy {
    double input = 0.0;
    std::vector<double> products;
  };
  std::vector<ChannelCopy> channels;
  std::vector<double> added;
  bool Inside(std::size_t i) const {
    return cells[i].row >= 0 && cells[i].row < rows && cells[i].col >= 0 && cells[i].col < cols;
  }
};
ScatterTrace TraceScatterCell(const Variant& v, int in_row, int in_col);

// The output of a transposed convolution after the first `inputs_done`
// input cells (row-major) have scattered: each cell's bias plus the products
// added so far (bit-identical to the map once every input has), and how
// many inputs have added into it.
struct ScatterPartial {
  Grid sums;
  std::vector<int> hits;  // row-major, like sums
  // How many copies land on each cell once every input has scattered; 0:
  // the cell holds the bias alone throughout (a row or column that output
  // padding adds, or one no tap reaches).
  std::vector<int> copies;
};
ScatterPartial ScatterPartialSums(const Variant& v, int inputs_done);

// Whether some output cell of a transposed variant sums several inputs'
// copies (what the frames' inner outline marks).
bool ScatterCopiesOverlap(const Variant& v);

// The block of output cells a scaled copy lands on (ends inclusive) and how
// many of its products land inside the output: captions, paper figures and
// their marks all name the same block. With none inside, row1 is -1.
struct LandingBlock {
  int row0 = 0, row1 = -1, col0 = 0, col1 = -1;
  long long inside = 0;
};
LandingBlock LandingOf(const ScatterTrace& t);

// Every value an output cell holds while the inputs scatter (its bias plus
// each prefix of its products), for sizing the cells that show them.
std::vector<double> ScatterRunningSums(const Variant& v);

// What a frame shows for one pooled cell: the window on the activated map
// (clipped to the map for remainder: pad), and for max the winning cell
// (first maximum in row-major order).
struct PoolTrace {
  int out_row = 0, out_col = 0;
  int row_begin = 0, row_end = 0;  // [begin, end) on the activated map
  int col_begin = 0, col_end = 0;
  int winner_row = -1, winner_col = -1;  // max only
  double value = 0.0;
};
PoolTrace TracePoolCell(const Variant& v, const Grid& activated, int out_row, int out_col);

// Applies the activation to one value (relu, none, leaky-relu); never returns -0.
double Activate(const ActivationSpec& a, double x);

// The stages of ComputeVariant on their own, for tests and callers that need
// one map. Each returns an empty grid when its precondition (a positive output
// size, a pool window no larger than the map) does not hold. No value is -0.
// Conv2D adds `bias` to every cell after its weighted sum.
// Conv2D computes ConvTranspose2D when conv.transposed.
Grid Conv2D(const Grid& image, const Grid& weights, const ConvSpec& conv, double bias = 0.0);
Grid ConvTranspose2D(const Grid& image, const Grid& weights, const ConvSpec& conv, double bias = 0.0);
// Several channels: each channel's scatter through its slice (PyTorch's
// weight[c, f]), the partial sums added in channel order, then `bias`;
// Conv2DChannels computes it when conv.transposed.
Grid ConvTranspose2DChannels(const std::vector<Grid>& channels, const std::vector<Grid>& slices, const ConvSpec& conv,
                             double bias = 0.0);
// Several channels: each channel correlated with its slice (channels[k] with
// slices[k]), the partial sums added in channel order, then `bias`. Empty
// when the counts differ or Conv2D's precondition fails.
Grid Conv2DChannels(const std::vector<Grid>& channels, const std::vector<Grid>& slices, const ConvSpec& conv,
                    double bias = 0.0);
Grid ApplyActivation(const ActivationSpec& a, const Grid& map);
Grid Pool2D(const Grid& map, const PoolSpec& pool);  // pool.enabled is ignored

}  // namespace cl
