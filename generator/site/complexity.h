// Complexity: the cost of one variant's layer, counted from its own sizes, for
// the page's generated "Complexity" section. Pure numbers; the page decides
// how to word them. Every count is exact (long long: a 512x512 image with a
// 15x15 filter stays far below its range).
#pragma once

#include "compute/compute.h"
#include "model/model.h"

namespace cl {

// One axis of the convolution: out = floor((in + before + after - span) / stride) + 1,
// where span = (kernel - 1) * dilation + 1 is the window's extent on the image.
// Transposed: out = (in - 1) * stride - 2 * crop + dilation * (kernel - 1) +
// output_padding + 1 (pad_before and pad_after stay 0).
struct ConvAxis {
  int in = 0, pad_before = 0, pad_after = 0;
  int kernel = 0, dilation = 1, stride = 1;
  int span = 0, out = 0;
  bool transposed = false;
  int crop = 0, output_padding = 0;
};

// One axis of the pooling over a map of side `in`.
struct PoolAxis {
  int in = 0, size = 0, stride = 0, out = 0;
  long long covered = 0;  // sum over the windows of the cells each covers (clipped for remainder: pad)
  int filled = 0;         // windows that cover a cell (one past the edge, at remainder: pad, covers none)
};

struct Complexity {
  ConvAxis rows, cols;
  long long positions = 0;     // rows.out * cols.out: cells of the feature map
  int channels = 1;            // image channels: each filter has kernel_h * kernel_w weights per channel
  long long weights = 0;       // channels * kernel_h * kernel_w, shared by every position
  long long multiplies = 0;    // positions * weights; transposed: input cells * weights
  long long additions = 0;     // positions * (weights - 1); transposed: landed - reached
  // Transposed: products that land inside the output, and the output cells
  // they reach (each reached cell adds its landed products with one fewer addition).
  long long landed = 0, reached = 0;
  long long dense_weights = 0; // a fully connected layer from every pixel (of every channel) to every output cell

  long long activation_comparisons = 0;  // one per cell unless the activation is `none`
  long long activation_multiplies = 0;   // leaky-relu: one per negative cell

  bool pooled = false;
  PoolAxis pool_rows, pool_cols;
  long long pool_windows = 0;      // pool_rows.out * pool_cols.out
  long long pool_filled_windows = 0;  // those covering a cell: an empty one is 0, no operation
  long long pool_window_cells = 0; // sum over windows of the cells each covers
  bool pool_windows_uniform = true;  // every window covers size_h * size_w cells
  long long pool_operations = 0;   // max: comparisons; avg: additions (cells - 1 per filled window)
  long long pool_divisions = 0;    // avg: one per filled window
};

// Counts the costs of `v`; `conv_map` is its computed feature map (for the
// leaky-relu multiplications, which depend on the signs of the values).
// Counts after the convolution are one map's.
Complexity ComputeComplexity(const Variant& v, const Grid& conv_map);

// The same for a variant of several filters, its slope multiplications
// counted over every filter's feature map (the rows multiply the other
// counts after the convolution by the filters: ComplexityRows).
Complexity ComputeComplexity(const Variant& v, const VariantResult& result);

}  // namespace cl
