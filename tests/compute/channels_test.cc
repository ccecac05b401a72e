// Channels: each channel correlated with its own slice of the filter, the
// partial sums added in channel order, then the bias; traces that show each
// channel's window, products and partial sum and agree with the maps.
#include <boost/test/unit_test.hpp>

#include "compute/compute.h"
#include "test_support.h"

using cl::Grid;
using cl::test::G;

namespace {

// Two 3x3 channels and two 2x2x2 filters, worked by hand below.
cl::Variant TwoChannels() {
  cl::Variant v;
  v.label = "two channels";
  v.channels = {G({{1, 2, 0}, {0, 1, 3}, {2, 0, 1}}), G({{0, 1, 1}, {2, 0, 0}, {1, 1, 2}})};
  v.image = v.channels[0];
  v.filters = {{"Pair", G({{1, 0}, {0, -1}}), 0.5, {G({{1, 0}, {0, -1}}), G({{2, 1}, {0, 1}})}},
               {"Second", G({{0, 1}, {1, 0}}), 0, {G({{0, 1}, {1, 0}}), G({{-1, 0}, {0, 0}})}}};
  v.filter = v.filters[0];
  v.activation.type = cl::ActivationType::None;
  v.pool.enabled = false;
  return v;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(Channels)

BOOST_AUTO_TEST_CASE(SumOfChannelsPlusBiasWorkedByHand) {
  const cl::VariantResult r = cl::ComputeVariant(TwoChannels());
  BOOST_TEST_REQUIRE(r.maps.size() == 2u);
  // Pair at (0, 0): channel 1 [[1, 2], [0, 1]] . [[1, 0], [0, -1]] = 1 - 1 = 0;
  // channel 2 [[0, 1], [2, 0]] . [[2, 1], [0, 1]] = 1; 0 + 1 + 0.5 = 1.5.
  // (0, 1): 2 - 3 = -1 and 2 + 1 = 3, so 2.5; (1, 0): 0 and 4 + 1 = 5, so
  // 5.5; (1, 1): 1 - 1 = 0 and 2, so 2.5.
  BOOST_TEST(r.maps[0].conv == G({{1.5, 2.5}, {5.5, 2.5}}));
  // Second: channel 1 sums the anti-diagonal, channel 2 is minus its window's
  // top-left: (0, 0) 2 + 0, (0, 1) 1 - 1, (1, 0) 3 - 2, (1, 1) 3 - 0.
  BOOST_TEST(r.maps[1].conv == G({{2, 0}, {1, 3}}));
}

BOOST_AUTO_TEST_CASE(NumbersHeldAreTheImagesAndEveryMap) {
  // Two 3x3 channels (18 numbers), two filters each making a 2x2 conv and
  // activated map (2 x 8): 34; with 2x2 pooling, stride 1, each filter adds
  // a 1x1 map: 36. What ComputeVariant holds, counted from the sides alone.
  cl::Variant v = TwoChannels();
  BOOST_TEST(cl::CountVariantNumbers(v) == 34);
  v.pool = {.enabled = true, .type = cl::PoolType::Max, .size_h = 2, .size_w = 2, .stride_h = 1, .stride_w = 1,
            .remainder = cl::Remainder::Drop};
  BOOST_TEST(cl::CountVariantNumbers(v) == 36);
  const cl::VariantResult r = cl::ComputeVariant(v);
  long long held = 0;
  for (const cl::Grid& channel : v.channels) held += static_cast<long long>(channel.values.size());
  for (const cl::FilterMaps& m : r.maps)
    held += static_cast<long long>(m.conv.values.size() + m.activated.values.size() + m.pooled->values.size());
  BOOST_TEST(held == 36);
}

BOOST_AUTO_TEST_CASE(TraceShowsEachChannelsPartialSum) {
  const cl::Variant v = TwoChannels();
  const cl::ConvTrace t = cl::TraceConvCell(v, 0, 1);
  BOOST_TEST_REQUIRE(t.channels.size() == 2u);
  BOOST_TEST(t.channels[0].inputs == (std::vector<double>{2, 0, 1, 3}));
  BOOST_TEST(t.channels[0].products == (std::vector<double>{2, 0, 0, -3}));
  BOOST_TEST(t.channels[0].partial == -1);
  BOOST_TEST(t.channels[1].inputs == (std::vector<double>{1, 1, 0, 0}));
  BOOST_TEST(t.channels[1].products == (std::vector<double>{2, 1, 0, 0}));
  BOOST_TEST(t.channels[1].partial == 3);
  BOOST_TEST(t.bias == 0.5);
  BOOST_TEST(t.sum == 2.5);
  // Channel 0's taps are the trace's own inputs and products.
  BOOST_TEST(t.inputs == t.channels[0].inputs);
  BOOST_TEST(t.products == t.channels[0].products);
}

BOOST_AUTO_TEST_CASE(EveryTraceAgreesWithItsMapExactly) {
  const cl::Variant v = TwoChannels();
  const cl::VariantResult r = cl::ComputeVariant(v);
  for (int k = 0; k < 2; ++k) {
    const cl::Variant focused = cl::FocusOnFilter(v, k);
    for (int row = 0; row < 2; ++row)
      for (int col = 0; col < 2; ++col)
        BOOST_TEST(cl::TraceConvCell(focused, row, col).sum == r.maps[static_cast<std::size_t>(k)].conv.at(row, col));
  }
}

BOOST_AUTO_TEST_CASE(OneChannelIsConv2DExactly) {
  // Conv2DChannels with one channel is Conv2D, bit for bit (decimals that do not add exactly).
  const Grid image = G({{0.1, 0.2, 0.3}, {0.7, 1.1, 1.3}, {2.9, 0.01, 5.5}});
  const Grid weights = G({{0.3, -0.7}, {1.9, 0.11}});
  cl::ConvSpec conv;
  conv.pad_top = conv.pad_left = 1;
  BOOST_TEST(cl::Conv2DChannels({image}, {weights}, conv, 0.25) == cl::Conv2D(image, weights, conv, 0.25));
  // A one-channel variant's trace has that one channel.
  cl::Variant v;
  v.image = image;
  v.filter = {"w", weights};
  const cl::ConvTrace t = cl::TraceConvCell(v, 1, 1);
  BOOST_TEST_REQUIRE(t.channels.size() == 1u);
  BOOST_TEST(t.channels[0].partial == t.sum);
}

BOOST_AUTO_TEST_CASE(MismatchedCountsGiveNothing) {
  BOOST_TEST(cl::Conv2DChannels({G({{1}}), G({{2}})}, {G({{1}})}, cl::ConvSpec{}).empty());
  BOOST_TEST(cl::Conv2DChannels({}, {}, cl::ConvSpec{}).empty());
}

BOOST_AUTO_TEST_CASE(HasChannelsSelectsTheListShape) {
  cl::Variant v = TwoChannels();
  BOOST_TEST(cl::HasChannels(v));
  BOOST_TEST(cl::ChannelCount(v) == 2);
  BOOST_TEST(cl::SliceCount(v.filters[1]) == 2);
  BOOST_TEST(cl::SliceAt(v.filters[1], 1) == G({{-1, 0}, {0, 0}}));
  v.channels = {};
  BOOST_TEST(!cl::HasChannels(v));
  BOOST_TEST(&cl::ChannelAt(v, 0) == &v.image.get());
}

BOOST_AUTO_TEST_SUITE_END()
