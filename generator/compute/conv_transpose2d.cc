// Transposed convolution (PyTorch's ConvTranspose2d): every input cell adds
// its value times the filter into the output, the copy's top-left at
// (row * stride - crop, col * stride - crop), taps `dilation` apart. It is
// computed here as the equivalent gather, each output cell summing the
// inputs that land on it in row-major input order, so the running sums the
// frames show after n inputs (ScatterPartialSums) add the same products in
// the same order as the finished cell: the last beat's sums are the map.
// Every sum is cleaned of binary noise the same way (compute/decimal_clean.h).
#include "compute/compute.h"
#include "compute/decimal_clean.h"
#include "compute/zero.h"

#include <algorithm>

namespace cl {
namespace {

// The input index along one axis whose tap `tap` lands on output index
// `out`, or -1: out + crop == in * stride + tap * dilation.
int LandingInput(int out, int tap, int crop, int stride, int dilation, int inputs) {
  const int offset = out + crop - tap * dilation;
  if (offset < 0 || offset % stride != 0) return -1;
  const int in = offset / stride;
  return in < inputs ? in : -1;
}

// Calls add(input_row, input_col, product) for each input landing on output
// cell (r, c) whose row-major index is below `limit`, in increasing input
// order (the filter's taps from last to first).
template <typename Add>
void ForEachLanding(const Grid& image, const Grid& weights, const ConvSpec& conv, int r, int c, long limit, Add&& add) {
  for (int i = weights.rows - 1; i >= 0; --i) {
    const int y = LandingInput(r, i, conv.crop_h, conv.stride_h, conv.dilation_h, image.rows);
    if (y < 0) continue;
    for (int j = weights.cols - 1; j >= 0; --j) {
      const int x = LandingInput(c, j, conv.crop_w, conv.stride_w, conv.dilation_w, image.cols);
      if (x < 0 || static_cast<long>(y) * image.cols + x >= limit) continue;
      add(y, x, weights.at(i, j) * image.at(y, x));
    }
  }
}

// The products landing on output cell (r, c) from inputs below `limit`,
// summed in input order; *hits counts them.
DecimalSum LandedSum(const Grid& image, const Grid& weights, const ConvSpec& conv, int r, int c, long limit, int* hits) {
  DecimalSum sum;
  int n = 0;
  ForEachLanding(image, weights, conv, r, c, limit, [&](int, int, double product) {
    sum.Add(product);
    ++n;
  });
  if (hits != nullptr) *hits = n;
  return sum;
}

// Every channel's landed sum on its own, then the partials in channel
// order, as Conv2DChannels adds a plain convolution's: for one channel
// exactly LandedSum.
DecimalSum ChannelsLandedSum(const Variant& v, const Filter& f, int r, int c, long limit, int* hits) {
  DecimalSum sum;
  for (int k = 0; k < ChannelCount(v); ++k) {
    const DecimalSum partial = LandedSum(ChannelAt(v, k), SliceAt(f, k), v.conv, r, c, limit, k == 0 ? hits : nullptr);
    sum.AddChannel(k, partial);
  }
  return sum;
}

// Along one axis, how many inputs land on each output index through some
// tap: a cell's copies are its row's count times its column's.
std::vector<int> LandingsAlong(int outputs, int taps, int crop, int stride, int dilation, int inputs) {
  std::vector<int> count(static_cast<std::size_t>(std::max(outputs, 0)), 0);
  for (int out = 0; out < outputs; ++out)
    for (int tap = 0; tap < taps; ++tap) count[static_cast<std::size_t>(out)] += LandingInput(out, tap, crop, stride, dilation, inputs) >= 0;
  return count;
}

struct Landings {
  std::vector<int> rows, cols;
};
Landings LandingsOf(const Variant& v) {
  const Grid& image = v.image;
  const Grid& weights = v.filter.weights;
  const ConvSpec& conv = v.conv;
  return {LandingsAlong(ConvMapRows(image, weights, conv), weights.rows, conv.crop_h, conv.stride_h, conv.dilation_h, image.rows),
          LandingsAlong(ConvMapCols(image, weights, conv), weights.cols, conv.crop_w, conv.stride_w, conv.dilation_w, image.cols)};
}

}  // namespace

bool ScatterCopiesOverlap(const Variant& v) {
  const Landings l = LandingsOf(v);
  if (l.rows.empty() || l.cols.empty()) return false;
  return *std::max_element(l.rows.begin(), l.rows.end()) * *std::max_element(l.cols.begin(), l.cols.end()) > 1;
}

Grid ConvTranspose2DChannels(const std::vector<Grid>& channels, const std::vector<Grid>& slices, const ConvSpec& conv,
                             double bias) {
  if (channels.empty() || channels.size() != slices.size()) return Grid();
  const Grid& first = channels[0];
  const int rows = ConvMapRows(first, slices[0], conv);
  const int cols = ConvMapCols(first, slices[0], conv);
  if (rows < 1 || cols < 1 || first.empty() || slices[0].empty()) return Grid();
  const long all = static_cast<long>(first.rows) * first.cols;
  Grid out(rows, cols);
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      DecimalSum sum;
      for (std::size_t k = 0; k < channels.size(); ++k) {
        const DecimalSum partial = LandedSum(channels[k], slices[k], conv, r, c, all, nullptr);
        sum.AddChannel(k, partial);
      }
      sum.AddBias(bias);
      out.at(r, c) = sum.Clean();
    }
  }
  return out;
}

Grid ConvTranspose2D(const Grid& image, const Grid& weights, const ConvSpec& conv, double bias) {
  const int rows = ConvMapRows(image, weights, conv);
  const int cols = ConvMapCols(image, weights, conv);
  if (rows < 1 || cols < 1 || image.empty() || weights.empty()) return Grid();
  const long all = static_cast<long>(image.rows) * image.cols;
  Grid out(rows, cols);
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      DecimalSum sum;
      ForEachLanding(image, weights, conv, r, c, all, [&](int, int, double product) { sum.Add(product); });
      sum.AddBias(bias);
      out.at(r, c) = sum.Clean();
    }
  }
  return out;
}

ScatterPartial ScatterPartialSums(const Variant& v, int inputs_done) {
  const Grid& image = v.image;
  const Grid& weights = v.filter.weights;
  ScatterPartial p;
  const int rows = ConvMapRows(image, weights, v.conv);
  const int cols = ConvMapCols(image, weights, v.conv);
  if (rows < 1 || cols < 1 || image.empty() || weights.empty()) return p;
  p.sums = Grid(rows, cols);
  p.hits.assign(static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols), 0);
  p.copies.assign(p.hits.size(), 0);
  const Landings landings = LandingsOf(v);
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      p.copies[static_cast<std::size_t>(r) * static_cast<std::size_t>(cols) + static_cast<std::size_t>(c)] =
          landings.rows[static_cast<std::size_t>(r)] * landings.cols[static_cast<std::size_t>(c)];
      int hits = 0;
      DecimalSum sum = ChannelsLandedSum(v, v.filter, r, c, inputs_done, &hits);
      sum.AddBias(v.filter.bias);
      p.sums.at(r, c) = sum.Clean();
      p.hits[static_cast<std::size_t>(r) * static_cast<std::size_t>(cols) + static_cast<std::size_t>(c)] = hits;
    }
  }
  return p;
}

std::vector<double> ScatterRunningSums(const Variant& v) {
  const Grid& image = v.image;
  const Grid& weights = v.filter.weights;
  std::vector<double> out;
  const int rows = ConvMapRows(image, weights, v.conv);
  const int cols = ConvMapCols(image, weights, v.conv);
  if (rows < 1 || cols < 1 || image.empty() || weights.empty()) return out;
  const long all = static_cast<long>(image.rows) * image.cols;
  const int channels = ChannelCount(v);
  std::vector<DecimalSum> partials(static_cast<std::size_t>(channels));
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      // Each channel's partial grows landing by landing (the same additions
      // in the same order as its full sum); the shown value adds them up.
      std::fill(partials.begin(), partials.end(), DecimalSum());
      ForEachLanding(image, weights, v.conv, r, c, all, [&](int y, int x, double) {
        DecimalSum sum;
        for (int k = 0; k < channels; ++k) {
          const Grid& slice = SliceAt(v.filter, k);
          // The weight that carries input (y, x) here: the tap (i, j) with
          // y * stride + i * dilation - crop == r, likewise for columns.
          const int i = (r + v.conv.crop_h - y * v.conv.stride_h) / v.conv.dilation_h;
          const int j = (c + v.conv.crop_w - x * v.conv.stride_w) / v.conv.dilation_w;
          DecimalSum& partial = partials[static_cast<std::size_t>(k)];
          partial.Add(slice.at(i, j) * ChannelAt(v, k).at(y, x));
          sum.AddChannel(k, partial);
        }
        sum.AddBias(v.filter.bias);
        out.push_back(sum.Clean());
      });
    }
  }
  return out;
}

ScatterTrace TraceScatterCell(const Variant& v, int in_row, int in_col) {
  const ConvSpec& conv = v.conv;
  const Grid& w = v.filter.weights;
  ScatterTrace t;
  t.in_row = in_row;
  t.in_col = in_col;
  t.input = NormalizeZero(v.image->at(in_row, in_col));
  t.rows = ConvMapRows(v.image, w, conv);
  t.cols = ConvMapCols(v.image, w, conv);
  const auto taps = static_cast<std::size_t>(w.rows) * static_cast<std::size_t>(w.cols);
  t.cells.reserve(taps);
  t.products.reserve(taps);
  for (int i = 0; i < w.rows; ++i) {
    for (int j = 0; j < w.cols; ++j) {
      const int row = in_row * conv.stride_h + i * conv.dilation_h - conv.crop_h;
      const int col = in_col * conv.stride_w + j * conv.dilation_w - conv.crop_w;
      t.cells.push_back({row, col});
      t.products.push_back(CleanProduct(w.at(i, j) * t.input));
    }
  }
  const int channels = ChannelCount(v);
  t.channels.resize(static_cast<std::size_t>(channels));
  std::vector<DecimalSum> added(taps);
  for (int k = 0; k < channels; ++k) {
    ScatterTrace::ChannelCopy& copy = t.channels[static_cast<std::size_t>(k)];
    const Grid& slice = SliceAt(v.filter, k);
    const double input = ChannelAt(v, k).at(in_row, in_col);
    copy.input = NormalizeZero(input);
    copy.products.reserve(taps);
    for (std::size_t i = 0; i < taps; ++i) {
      const double product = slice.values[i] * input;
      copy.products.push_back(CleanProduct(product));
      added[i].Add(product);
    }
  }
  t.added.reserve(taps);
  for (const DecimalSum& sum : added) t.added.push_back(sum.Clean());
  return t;
}

LandingBlock LandingOf(const ScatterTrace& t) {
  LandingBlock b{t.rows, -1, t.cols, -1, 0};
  for (std::size_t i = 0; i < t.cells.size(); ++i) {
    if (!t.Inside(i)) continue;
    ++b.inside;
    b.row0 = std::min(b.row0, t.cells[i].row), b.row1 = std::max(b.row1, t.cells[i].row);
    b.col0 = std::min(b.col0, t.cells[i].col), b.col1 = std::max(b.col1, t.cells[i].col);
  }
  return b;
}

ConvTrace TraceTransposedCell(const Variant& v, int out_row, int out_col) {
  const Grid& w = v.filter.weights;
  const ConvSpec& conv = v.conv;
  ConvTrace t;
  t.out_row = out_row;
  t.out_col = out_col;
  const auto taps = static_cast<std::size_t>(w.rows) * static_cast<std::size_t>(w.cols);
  t.cells.assign(taps, {-1, -1});
  t.inputs.assign(taps, 0.0);
  t.products.assign(taps, 0.0);
  for (int i = 0; i < w.rows; ++i) {
    const int y = LandingInput(out_row, i, conv.crop_h, conv.stride_h, conv.dilation_h, v.image->rows);
    for (int j = 0; j < w.cols; ++j) {
      const int x = LandingInput(out_col, j, conv.crop_w, conv.stride_w, conv.dilation_w, v.image->cols);
      if (y < 0 || x < 0) continue;
      const auto at = static_cast<std::size_t>(i) * static_cast<std::size_t>(w.cols) + static_cast<std::size_t>(j);
      t.cells[at] = {y, x};
      t.inputs[at] = NormalizeZero(v.image->at(y, x));
      t.products[at] = CleanProduct(w.at(i, j) * v.image->at(y, x));
    }
  }
  // Summed as the map is, in input order and then channel order, so the
  // trace equals its cell bit for bit.
  const long all = static_cast<long>(v.image->rows) * v.image->cols;
  DecimalSum sum = ChannelsLandedSum(v, v.filter, out_row, out_col, all, nullptr);
  t.bias = v.filter.bias;
  sum.AddBias(t.bias);
  t.sum = sum.Clean();
  return t;
}

}  // namespace cl
