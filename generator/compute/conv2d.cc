// Cross-correlation (no kernel flip) with padding, stride and dilation. The
// feature map and the per-cell trace walk the receptive field through the same
// function, in the same order, so a trace's sum is bit-identical to its cell;
// both are cleaned of binary noise the same way (compute/decimal_clean.h).
#include "compute/compute.h"
#include "compute/decimal_clean.h"
#include "compute/zero.h"

namespace cl {
namespace {

// Calls tap(input, weight, row, col) for each filter position of output cell
// (r, c), row-major, with the cell read in padded-image coordinates; input is
// 0 where the dilated window reads padding.
template <typename Tap>
void ForEachTap(const Grid& image, const Grid& weights, const ConvSpec& conv, int r, int c, Tap&& tap) {
  for (int i = 0; i < weights.rows; ++i) {
    const int y = r * conv.stride_h + i * conv.dilation_h - conv.pad_top;
    const bool row_inside = y >= 0 && y < image.rows;
    for (int j = 0; j < weights.cols; ++j) {
      const int x = c * conv.stride_w + j * conv.dilation_w - conv.pad_left;
      const double input = row_inside && x >= 0 && x < image.cols ? image.at(y, x) : 0.0;
      tap(NormalizeZero(input), weights.at(i, j), y + conv.pad_top, x + conv.pad_left);
    }
  }
}

int OutputRows(const Grid& image, const Grid& weights, const ConvSpec& conv) {
  return ConvOutputSize(image.rows, conv.pad_top, conv.pad_bottom, weights.rows, conv.stride_h, conv.dilation_h);
}

int OutputCols(const Grid& image, const Grid& weights, const ConvSpec& conv) {
  return ConvOutputSize(image.cols, conv.pad_left, conv.pad_right, weights.cols, conv.stride_w, conv.dilation_w);
}

}  // namespace

Grid Conv2DChannels(const std::vector<Grid>& channels, const std::vector<Grid>& slices, const ConvSpec& conv,
                    double bias) {
  if (conv.transposed) return ConvTranspose2DChannels(channels, slices, conv, bias);
  if (channels.empty() || channels.size() != slices.size()) return Grid();
  const Grid& first = channels[0];
  const int rows = OutputRows(first, slices[0], conv);
  const int cols = OutputCols(first, slices[0], conv);
  if (rows < 1 || cols < 1 || first.empty() || slices[0].empty()) return Grid();
  Grid out(rows, cols);
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      // Each channel's partial sum on its own, then the partials in channel
      // order: the sum the frames show, and for one channel exactly Conv2D's.
      DecimalSum sum;
      for (std::size_t k = 0; k < channels.size(); ++k) {
        DecimalSum partial;
        ForEachTap(channels[k], slices[k], conv, r, c, [&](double input, double weight, int, int) { partial.Add(weight * input); });
        sum.AddChannel(k, partial);
      }
      sum.AddBias(bias);
      out.at(r, c) = sum.Clean();
    }
  }
  return out;
}

Grid Conv2D(const Grid& image, const Grid& weights, const ConvSpec& conv, double bias) {
  if (conv.transposed) return ConvTranspose2D(image, weights, conv, bias);
  const int rows = OutputRows(image, weights, conv);
  const int cols = OutputCols(image, weights, conv);
  if (rows < 1 || cols < 1 || image.empty() || weights.empty()) return Grid();
  Grid out(rows, cols);
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      DecimalSum sum;
      ForEachTap(image, weights, conv, r, c, [&](double input, double weight, int, int) { sum.Add(weight * input); });
      sum.AddBias(bias);
      out.at(r, c) = sum.Clean();
    }
  }
  return out;
}

ConvTrace TraceConvCell(const Variant& v, int out_row, int out_col) {
  if (v.conv.transposed) return TraceTransposedCell(v, out_row, out_col);
  const ConvSpec& conv = v.conv;
  ConvTrace t;
  t.out_row = out_row;
  t.out_col = out_col;
  // Padded coordinates shift the image by the top/left padding, so the
  // window's first tap sits at exactly stride * index.
  t.origin_row = out_row * conv.stride_h;
  t.origin_col = out_col * conv.stride_w;
  const auto taps = static_cast<std::size_t>(v.filter.weights.rows) * static_cast<std::size_t>(v.filter.weights.cols);
  t.inputs.reserve(taps);
  t.products.reserve(taps);
  t.cells.reserve(taps);
  DecimalSum sum;  // added as Conv2DChannels adds the cell
  ForEachTap(v.image, v.filter.weights, conv, out_row, out_col, [&](double input, double weight, int row, int col) {
    const double product = weight * input;
    t.inputs.push_back(input);
    t.cells.push_back({row, col});
    t.products.push_back(CleanProduct(product));
    sum.Add(product);
  });
  const int channels = ChannelCount(v);
  t.channels.resize(static_cast<std::size_t>(channels));
  t.channels[0] = {t.inputs, t.products, sum.Clean()};
  for (int k = 1; k < channels; ++k) {
    ConvTrace::ChannelTaps& part = t.channels[static_cast<std::size_t>(k)];
    part.inputs.reserve(taps);
    part.products.reserve(taps);
    DecimalSum partial;
    ForEachTap(ChannelAt(v, k), SliceAt(v.filter, k), conv, out_row, out_col,
               [&](double input, double weight, int, int) {
                 const double product = weight * input;
                 part.inputs.push_back(input);
                 part.products.push_back(CleanProduct(product));
                 partial.Add(product);
               });
    part.partial = partial.Clean();
    sum.Add(partial);
  }
  t.bias = v.filter.bias;
  sum.AddBias(t.bias);
  t.sum = sum.Clean();
  return t;
}

}  // namespace cl
