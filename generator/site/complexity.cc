#include "site/complexity.h"

#include <algorithm>

#include "compute/compute.h"

namespace cl {
namespace {

ConvAxis MakeConvAxis(int in, int before, int after, int kernel, int dilation, int stride) {
  ConvAxis a{.in = in, .pad_before = before, .pad_after = after, .kernel = kernel, .dilation = dilation, .stride = stride};
  a.span = (kernel - 1) * dilation + 1;
  a.out = ConvOutputSize(in, before, after, kernel, stride, dilation);
  return a;
}

ConvAxis MakeTransposedAxis(int in, int crop, int kernel, int dilation, int stride, int output_padding) {
  ConvAxis a{.in = in, .kernel = kernel, .dilation = dilation, .stride = stride};
  a.transposed = true;
  a.crop = crop;
  a.output_padding = output_padding;
  a.span = (kernel - 1) * dilation + 1;
  a.out = TransposedOutputSize(in, crop, kernel, stride, dilation, output_padding);
  return a;
}

PoolAxis MakePoolAxis(int in, int size, int stride, Remainder remainder) {
  PoolAxis a{.in = in, .size = size, .stride = stride};
  a.out = PooledSize(in, size, stride, remainder);
  for (int i = 0; i < a.out; ++i) {
    int begin = i * stride;
    const int cells = std::max(0, std::min(size, in - begin));  // clipped at the map's edge
    a.covered += cells;
    a.filled += cells > 0;
  }
  return a;
}

}  // namespace

Complexity ComputeComplexity(const Variant& v, const Grid& conv_map) {
  const ConvSpec& c = v.conv;
  Complexity k;
  if (c.transposed) {
    k.rows = MakeTransposedAxis(v.image->rows, c.crop_h, v.filter.weights.rows, c.dilation_h, c.stride_h, c.output_padding_h);
    k.cols = MakeTransposedAxis(v.image->cols, c.crop_w, v.filter.weights.cols, c.dilation_w, c.stride_w, c.output_padding_w);
  } else {
    k.rows = MakeConvAxis(v.image->rows, c.pad_top, c.pad_bottom, v.filter.weights.rows, c.dilation_h, c.stride_h);
    k.cols = MakeConvAxis(v.image->cols, c.pad_left, c.pad_right, v.filter.weights.cols, c.dilation_w, c.stride_w);
  }
  k.positions = static_cast<long long>(std::max(k.rows.out, 0)) * std::max(k.cols.out, 0);
  // With channels a cell adds every channel's products: C * kh * kw of them.
  k.channels = ChannelCount(v);
  k.weights = static_cast<long long>(k.channels) * v.filter.weights.rows * v.filter.weights.cols;
  k.multiplies = k.positions * k.weights;
  k.additions = k.positions * (k.weights - 1);
  if (c.transposed) {
    // Every input multiplies every weight; a reached output cell adds its
    // landed products together (cropped products are multiplied, never added).
    const long long inputs = static_cast<long long>(v.image->rows) * v.image->cols;
    k.multiplies = inputs * k.weights;
    const ScatterPartial all = ScatterPartialSums(v, static_cast<int>(inputs));
    for (const int hits : all.hits) k.landed += hits, k.reached += hits > 0;
    k.landed *= k.channels;  // every channel's products land where the first's do
    k.additions = k.landed - k.reached;
  }
  k.dense_weights = static_cast<long long>(k.channels) * v.image->rows * v.image->cols * k.positions;

  if (v.activation.type != ActivationType::None) k.activation_comparisons = k.positions;
  if (v.activation.type == ActivationType::LeakyRelu) {
    k.activation_multiplies = std::count_if(conv_map.values.begin(), conv_map.values.end(), [](double x) { return x < 0; });
  }

  const PoolSpec& p = v.pool;
  k.pooled = p.enabled && k.positions > 0;
  if (k.pooled) {
    k.pool_rows = MakePoolAxis(k.rows.out, p.size_h, p.stride_h, p.remainder);
    k.pool_cols = MakePoolAxis(k.cols.out, p.size_w, p.stride_w, p.remainder);
    k.pool_windows = static_cast<long long>(k.pool_rows.out) * k.pool_cols.out;
    // A window's cell count is its row extent times its column extent, so the
    // sum over all windows factors into the per-axis sums.
    k.pool_window_cells = k.pool_rows.covered * k.pool_cols.covered;
    k.pool_windows_uniform = k.pool_window_cells == k.pool_windows * p.size_h * p.size_w;
    k.pool_filled_windows = static_cast<long long>(k.pool_rows.filled) * k.pool_cols.filled;
    k.pool_operations = k.pool_window_cells - k.pool_filled_windows;
    if (p.type == PoolType::Avg) k.pool_divisions = k.pool_filled_windows;
  }
  return k;
}

Complexity ComputeComplexity(const Variant& v, const VariantResult& result) {
  Complexity k = ComputeComplexity(v, result.conv());
  if (v.activation.type == ActivationType::LeakyRelu && result.maps.size() > 1) {
    k.activation_multiplies = 0;
    for (const FilterMaps& maps : result.maps)
      k.activation_multiplies += std::count_if(maps.conv.values.begin(), maps.conv.values.end(), [](double x) { return x < 0; });
  }
  return k;
}

}  // namespace cl
