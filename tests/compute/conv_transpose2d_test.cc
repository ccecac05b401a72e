// Transposed convolution (PyTorch's ConvTranspose2d): hand-worked cases for
// stride, padding (cropping), output padding, dilation and bias; the scatter
// trace, the running sums the frames show and the gather trace's sum.
#include <boost/test/unit_test.hpp>

#include "compute/compute.h"
#include "test_support.h"

using cl::ConvSpec;
using cl::Grid;
using cl::test::G;

namespace {

ConvSpec Transposed(int stride, int crop = 0, int output_padding = 0, int dilation = 1) {
  ConvSpec s;
  s.transposed = true;
  s.stride_h = s.stride_w = stride;
  s.crop_h = s.crop_w = crop;
  s.output_padding_h = s.output_padding_w = output_padding;
  s.dilation_h = s.dilation_w = dilation;
  return s;
}

const Grid kImage = G({{1, 2}, {3, 4}});
const Grid kWeights = G({{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});

// Worked by hand: input (y, x) adds value * weights with its top-left at
// (2y, 2x); the filter is not flipped. Row 2 is where the copies of both
// input rows overlap: 1*7 + 3*1 = 10, 1*8 + 3*2 = 14, 1*9 + 2*7 + 3*3 + 4*1 = 36, ...
const Grid kStride2Full = G({{1, 2, 5, 4, 6},
                             {4, 5, 14, 10, 12},
                             {10, 14, 36, 24, 30},
                             {12, 15, 34, 20, 24},
                             {21, 24, 55, 32, 36}});

cl::Variant VariantOf(const Grid& image, const Grid& weights, const ConvSpec& conv, double bias = 0) {
  cl::Variant v;
  v.image = image;
  v.filter.weights = weights;
  v.filter.bias = bias;
  v.conv = conv;
  return v;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(conv_transpose2d)

BOOST_AUTO_TEST_CASE(output_size_follows_pytorch) {
  // (in - 1) * stride - 2 * padding + dilation * (k - 1) + output_padding + 1
  BOOST_TEST(cl::TransposedOutputSize(2, 0, 3, 2, 1, 0) == 5);
  BOOST_TEST(cl::TransposedOutputSize(6, 1, 3, 2, 1, 1) == 12);
  BOOST_TEST(cl::TransposedOutputSize(4, 0, 3, 1, 2, 0) == 8);
  BOOST_TEST(cl::TransposedOutputSize(2, 2, 1, 1, 1, 0) == -2);  // cropped away: an error upstream
}

BOOST_AUTO_TEST_CASE(stride_two_scatters_and_overlaps_add) {
  BOOST_TEST(cl::Conv2D(kImage, kWeights, Transposed(2)) == kStride2Full);
}

BOOST_AUTO_TEST_CASE(padding_crops_and_output_padding_extends) {
  // Padding 1 crops one row and column off each side of the full output.
  BOOST_TEST(cl::Conv2D(kImage, kWeights, Transposed(2, 1)) == G({{5, 14, 10}, {14, 36, 24}, {15, 34, 20}}));
  // Output padding 1 adds them back at the bottom and right.
  BOOST_TEST(cl::Conv2D(kImage, kWeights, Transposed(2, 1, 1)) ==
             G({{5, 14, 10, 12}, {14, 36, 24, 30}, {15, 34, 20, 24}, {24, 55, 32, 36}}));
  // Beyond the full output, output padding adds cells no copy reaches: the bias alone.
  BOOST_TEST(cl::Conv2D(G({{1}}), G({{2}}), Transposed(3, 0, 2), 0.5) ==
             G({{2.5, 0.5, 0.5}, {0.5, 0.5, 0.5}, {0.5, 0.5, 0.5}}));
}

BOOST_AUTO_TEST_CASE(dilation_spreads_the_copy) {
  // Stride 1, dilation 2: each copy's taps two apart, so the two copies interleave.
  BOOST_TEST(cl::Conv2D(G({{1, 2}}), G({{1, 10}}), Transposed(1, 0, 0, 2)) == G({{1, 2, 10, 20}}));
}

BOOST_AUTO_TEST_CASE(bias_is_added_to_every_cell) {
  BOOST_TEST(cl::Conv2D(G({{2}}), G({{1, -1}}), Transposed(1), 3) == G({{5, 1}}));
}

BOOST_AUTO_TEST_CASE(scatter_trace_names_where_each_product_lands) {
  const cl::Variant v = VariantOf(kImage, kWeights, Transposed(2, 1));
  const cl::ScatterTrace t = cl::TraceScatterCell(v, 0, 1);
  BOOST_TEST(t.input == 2);
  BOOST_TEST(t.rows == 3);
  BOOST_TEST(t.cols == 3);
  BOOST_TEST(t.products == (std::vector<double>{2, 4, 6, 8, 10, 12, 14, 16, 18}), boost::test_tools::per_element());
  // Top-left at (0 * 2 - 1, 1 * 2 - 1) = (-1, 1): the top row is cropped, and the right column too.
  BOOST_TEST(t.cells.front().row == -1);
  BOOST_TEST(t.cells.front().col == 1);
  BOOST_TEST(!t.Inside(0));
  BOOST_TEST(t.Inside(3));   // weight (1, 0) lands on (0, 1)
  BOOST_TEST(!t.Inside(5));  // weight (1, 2) lands on (0, 3), past the right edge
}

BOOST_AUTO_TEST_CASE(running_sums_end_at_the_map) {
  const cl::Variant v = VariantOf(kImage, kWeights, Transposed(2), 0.5);
  // After the first input only its copy, on top of the bias; cells it misses are unreached.
  const cl::ScatterPartial one = cl::ScatterPartialSums(v, 1);
  BOOST_TEST(one.sums.at(0, 0) == 1.5);
  BOOST_TEST(one.sums.at(2, 2) == 9.5);
  BOOST_TEST(one.hits[0] == 1);
  BOOST_TEST(one.hits[3] == 0);  // (0, 3): only input (0, 1) reaches it
  // After the second, (0, 2) holds both copies: 1*3 + 2*1.
  const cl::ScatterPartial two = cl::ScatterPartialSums(v, 2);
  BOOST_TEST(two.sums.at(0, 2) == 5.5);
  BOOST_TEST(two.hits[2] == 2);
  // After all four, the running sums are the map, bit for bit.
  const cl::ScatterPartial all = cl::ScatterPartialSums(v, 4);
  BOOST_TEST(all.sums == cl::Conv2D(kImage, kWeights, v.conv, 0.5));
  BOOST_TEST(all.hits[2 * 5 + 2] == 4);  // the centre: every copy overlaps there
}

BOOST_AUTO_TEST_CASE(gather_trace_is_shaped_like_the_filter) {
  const cl::Variant v = VariantOf(kImage, kWeights, Transposed(2), 1);
  const cl::ConvTrace t = cl::TraceConvCell(v, 2, 2);
  BOOST_TEST(t.products.size() == 9u);
  // Output (2, 2): weight (0, 0) from input (1, 1), (0, 2) from (1, 0), (2, 0) from (0, 1), (2, 2) from (0, 0).
  BOOST_TEST(t.cells[0].row == 1);
  BOOST_TEST(t.cells[0].col == 1);
  BOOST_TEST(t.inputs[0] == 4);
  BOOST_TEST(t.cells[1].row == -1);  // weight (0, 1): no input lands here through it
  BOOST_TEST(t.inputs[1] == 0);
  BOOST_TEST(t.products[8] == 9);
  BOOST_TEST(t.sum == 37);
  BOOST_TEST(t.sum == cl::ComputeVariant(v).conv().at(2, 2));
}

BOOST_AUTO_TEST_CASE(channels_scatter_through_their_own_slices) {
  // PyTorch's weight[c, f]: channel 0's pixel 1 scatters [1, 1], channel 1's pixel 2 scatters 2 * [10, 10].
  cl::Variant v = VariantOf(G({{1}}), G({{1, 1}}), Transposed(1), 0.5);
  v.channels = {G({{1}}), G({{2}})};
  v.filter.slices = {G({{1, 1}}), G({{10, 10}})};
  v.filters = {v.filter};
  const cl::VariantResult r = cl::ComputeVariant(v);
  BOOST_TEST(r.conv() == G({{21.5, 21.5}}));
  BOOST_TEST(cl::ScatterPartialSums(v, 1).sums == r.conv());
  BOOST_TEST(cl::TraceConvCell(v, 0, 1).sum == 21.5);
  BOOST_TEST(cl::ScatterRunningSums(v) == (std::vector<double>{21.5, 21.5}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(scatter_trace_holds_every_channels_copy_and_their_sum) {
  // Input (0, 1): channel 0's 2 times [1, 0; 0, 1], channel 1's 6 times
  // [2, 1; 0, -1]; added weight by weight 2 + 12, 0 + 6, 0 + 0, 2 - 6.
  cl::Variant v = VariantOf(G({{1, 2}, {3, 4}}), G({{1, 0}, {0, 1}}), Transposed(1));
  v.channels = {G({{1, 2}, {3, 4}}), G({{5, 6}, {7, 8}})};
  v.filter.slices = {G({{1, 0}, {0, 1}}), G({{2, 1}, {0, -1}})};
  v.filters = {v.filter};
  const cl::ScatterTrace t = cl::TraceScatterCell(v, 0, 1);
  BOOST_TEST(t.channels.size() == 2u);
  BOOST_TEST(t.channels[0].input == 2);
  BOOST_TEST(t.channels[1].input == 6);
  BOOST_TEST(t.channels[0].products == t.products, boost::test_tools::per_element());
  BOOST_TEST(t.channels[1].products == (std::vector<double>{12, 6, 0, -6}), boost::test_tools::per_element());
  BOOST_TEST(t.added == (std::vector<double>{14, 6, 0, -4}), boost::test_tools::per_element());
  // One channel: the sum is the copy itself.
  const cl::ScatterTrace one = cl::TraceScatterCell(VariantOf(kImage, kWeights, Transposed(2)), 1, 1);
  BOOST_TEST(one.channels.size() == 1u);
  BOOST_TEST(one.added == one.products, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
