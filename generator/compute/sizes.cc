// Output sizes along one axis: convolution, TensorFlow `same` padding and
// pooling. Arithmetic is done in 64 bits so hostile sizes cannot overflow;
// results that do not fit a sane int are reported as 0 (an error upstream).
#include <algorithm>
#include <cstdint>
#include <limits>

#include "compute/compute.h"

namespace cl {
namespace {

// Mathematical floor division for b > 0 (C++ '/' truncates towards zero).
std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if (a % b != 0 && a < 0) --q;
  return q;
}

std::int64_t CeilDiv(std::int64_t a, std::int64_t b) { return -FloorDiv(-a, b); }

int ClampToInt(std::int64_t v) {
  if (v > std::numeric_limits<int>::max()) return 0;  // absurd: treat as invalid
  if (v < std::numeric_limits<int>::min()) return std::numeric_limits<int>::min();
  return static_cast<int>(v);
}

}  // namespace

int ConvOutputSize(int in, int pad_before, int pad_after, int kernel, int stride, int dilation) {
  if (stride < 1 || dilation < 1 || kernel < 1) return 0;
  const std::int64_t span = (static_cast<std::int64_t>(kernel) - 1) * dilation + 1;
  const std::int64_t padded = static_cast<std::int64_t>(in) + pad_before + pad_after;
  return ClampToInt(FloorDiv(padded - span, stride) + 1);
}

int TransposedOutputSize(int in, int crop, int kernel, int stride, int dilation, int output_padding) {
  if (in < 1 || stride < 1 || dilation < 1 || kernel < 1 || crop < 0 || output_padding < 0) return 0;
  const std::int64_t out = (static_cast<std::int64_t>(in) - 1) * stride - 2 * static_cast<std::int64_t>(crop) +
                           static_cast<std::int64_t>(dilation) * (kernel - 1) + output_padding + 1;
  return ClampToInt(out);
}

int ConvMapRows(const Grid& image, const Grid& weights, const ConvSpec& conv) {
  if (conv.transposed)
    return TransposedOutputSize(image.rows, conv.crop_h, weights.rows, conv.stride_h, conv.dilation_h, conv.output_padding_h);
  return ConvOutputSize(image.rows, conv.pad_top, conv.pad_bottom, weights.rows, conv.stride_h, conv.dilation_h);
}

int ConvMapCols(const Grid& image, const Grid& weights, const ConvSpec& conv) {
  if (conv.transposed)
    return TransposedOutputSize(image.cols, conv.crop_w, weights.cols, conv.stride_w, conv.dilation_w, conv.output_padding_w);
  return ConvOutputSize(image.cols, conv.pad_left, conv.pad_right, weights.cols, conv.stride_w, conv.dilation_w);
}

PadPair SamePadding(int in, int kernel, int stride, int dilation) {
  if (in < 1 || kernel < 1 || stride < 1 || dilation < 1) return {};
  const std::int64_t out = CeilDiv(in, stride);
  const std::int64_t span = (static_cast<std::int64_t>(kernel) - 1) * dilation + 1;
  const std::int64_t total = std::max<std::int64_t>((out - 1) * stride + span - in, 0);
  if (total > std::numeric_limits<int>::max()) return {};
  const auto before = static_cast<int>(total / 2);  // the odd pixel goes after
  return {before, static_cast<int>(total) - before};
}

int PooledSize(int n, int size, int stride, Remainder remainder) {
  if (size < 1 || stride < 1 || n < size) return 0;  // window larger than the map
  const std::int64_t rest = static_cast<std::int64_t>(n) - size;
  const std::int64_t out = remainder == Remainder::Drop ? rest / stride + 1 : CeilDiv(rest, stride) + 1;
  return ClampToInt(out);
}

MapSides PlannedMapSides(const Variant& v) {
  MapSides sides;
  sides.conv_rows = ConvMapRows(v.image, v.filter.weights, v.conv);
  sides.conv_cols = ConvMapCols(v.image, v.filter.weights, v.conv);
  if (v.pool.enabled) {
    sides.pooled_rows = PooledSize(sides.conv_rows, v.pool.size_h, v.pool.stride_h, v.pool.remainder);
    sides.pooled_cols = PooledSize(sides.conv_cols, v.pool.size_w, v.pool.stride_w, v.pool.remainder);
  }
  return sides;
}

long long CountVariantNumbers(const Variant& v) {
  const auto cells = [](long long rows, long long cols) { return std::max(rows, 0LL) * std::max(cols, 0LL); };
  const MapSides sides = PlannedMapSides(v);
  const long long per_filter =  // conv, activated and pooled
      2 * cells(sides.conv_rows, sides.conv_cols) + cells(sides.pooled_rows, sides.pooled_cols);
  return ChannelCount(v) * cells(v.image->rows, v.image->cols) + FilterCount(v) * per_filter;
}

}  // namespace cl
