// Several filters and bias: one map per filter, the bias added after the
// weighted sum, activation and pooling per map, traces that agree with the
// maps, and the focus that lets single-filter code draw any of them.
#include <boost/test/unit_test.hpp>

#include <cmath>

#include "compute/compute.h"
#include "test_support.h"

using cl::Grid;
using cl::test::G;

namespace {

// The default 6x6 bar with the vertical edge (bias 0), the horizontal edge
// with bias -2 and the identity-like centre tap with bias 0.5.
cl::Variant ThreeFilters() {
  cl::Variant v = cl::test::DefaultVerticalEdge();
  v.filters = {v.filter,
               {"Horizontal edge", G({{1, 1, 1}, {0, 0, 0}, {-1, -1, -1}}), -2},
               {"Centre", G({{0, 0, 0}, {0, 1, 0}, {0, 0, 0}}), 0.5}};
  v.filter = v.filters[0];
  return v;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(Filters)

BOOST_AUTO_TEST_CASE(BiasIsAddedAfterTheSum) {
  // Worked by hand: window sums of [[1, 2], [3, 4]] with [[1, -1]] are -1 and -1; plus 0.5.
  BOOST_TEST(cl::Conv2D(G({{1, 2}, {3, 4}}), G({{1, -1}}), cl::ConvSpec{}, 0.5) == G({{-0.5}, {-0.5}}));
  // A bias that cancels the sum gives 0, never -0.
  const Grid zero = cl::Conv2D(G({{2}}), G({{1}}), cl::ConvSpec{}, -2);
  BOOST_TEST(!std::signbit(zero.at(0, 0)));
}

BOOST_AUTO_TEST_CASE(OneMapPerFilterWorkedByHand) {
  const cl::Variant v = ThreeFilters();
  const cl::VariantResult r = cl::ComputeVariant(v);
  BOOST_TEST_REQUIRE(r.maps.size() == 3u);
  // Map 1: the classic vertical edge map.
  BOOST_TEST(r.maps[0].conv == G({{-18, -18, 18, 18}, {-27, -27, 27, 27}, {-27, -27, 27, 27}, {-18, -18, 18, 18}}));
  // Map 2: image row r's three-pixel sums minus row r+2's, minus 2. A bar
  // row's sums are 9, 18, 18, 9; rows 0 and 5 are 0: so row 0 is -9, -18,
  // -18, -9 and row 3 is 9, 18, 18, 9, each then minus 2.
  BOOST_TEST(r.maps[1].conv == G({{-11, -20, -20, -11}, {-2, -2, -2, -2}, {-2, -2, -2, -2}, {7, 16, 16, 7}}));
  // Map 3: the pixel under the centre, plus 0.5.
  BOOST_TEST(r.maps[2].conv ==
             G({{0.5, 9.5, 9.5, 0.5}, {0.5, 9.5, 9.5, 0.5}, {0.5, 9.5, 9.5, 0.5}, {0.5, 9.5, 9.5, 0.5}}));
  // ReLU and 2x2 max pooling on each map on its own.
  BOOST_TEST(r.maps[1].activated == G({{0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}, {7, 16, 16, 7}}));
  BOOST_TEST_REQUIRE(r.maps[1].pooled.has_value());
  BOOST_TEST(*r.maps[1].pooled == G({{0, 0}, {16, 16}}));
  BOOST_TEST(*r.maps[2].pooled == G({{9.5, 9.5}, {9.5, 9.5}}));
  // The drawn filter (filters[0]) fills the single-map fields.
  BOOST_TEST(r.conv() == r.maps[0].conv);
  BOOST_TEST(r.activated() == r.maps[0].activated);
}

BOOST_AUTO_TEST_CASE(FocusDrawsAnotherFilter) {
  const cl::Variant v = ThreeFilters();
  const cl::VariantResult r = cl::ComputeVariant(v);
  const cl::Variant v2 = cl::FocusOnFilter(v, 1);
  const cl::VariantResult r2 = cl::FocusOnFilter(r, 1);
  BOOST_TEST(v2.drawn == 1);
  BOOST_TEST(v2.filter.name == "Horizontal edge");
  BOOST_TEST(v2.filter.bias == -2);
  BOOST_TEST(r2.conv() == r.maps[1].conv);
  BOOST_TEST(*r2.pooled() == *r.maps[1].pooled);
  // Computing the focused variant gives the same maps, its own in front.
  BOOST_TEST(cl::ComputeVariant(v2).conv() == r.maps[1].conv);
}

BOOST_AUTO_TEST_CASE(TracesIncludeTheBiasAndMatchTheMaps) {
  const cl::Variant v = ThreeFilters();
  const cl::VariantResult r = cl::ComputeVariant(v);
  for (int k = 0; k < 3; ++k) {
    const cl::Variant vk = cl::FocusOnFilter(v, k);
    for (int row = 0; row < 4; ++row) {
      for (int col = 0; col < 4; ++col) {
        const cl::ConvTrace t = cl::TraceConvCell(vk, row, col);
        BOOST_TEST(t.bias == v.filters[static_cast<std::size_t>(k)].bias);
        BOOST_TEST(t.sum == r.maps[static_cast<std::size_t>(k)].conv.at(row, col));  // bit-identical
      }
    }
  }
  const cl::ConvTrace t = cl::TraceConvCell(cl::FocusOnFilter(v, 1), 3, 1);
  double products = 0;
  for (double p : t.products) products += p;
  BOOST_TEST(products == 18);
  BOOST_TEST(t.sum == 16);
}

BOOST_AUTO_TEST_CASE(WhichVariantsTakeTheListShape) {
  cl::Variant one = cl::test::DefaultVerticalEdge();
  BOOST_TEST(!cl::HasFilterList(one));  // built by hand: `filter` alone
  one.filters = {one.filter};
  BOOST_TEST(!cl::HasFilterList(one));
  one.filters[0].bias = 0.25;
  BOOST_TEST(cl::HasFilterList(one));
  BOOST_TEST(cl::HasFilterList(ThreeFilters()));
  BOOST_TEST(cl::FilterCount(ThreeFilters()) == 3);
}

BOOST_AUTO_TEST_SUITE_END()
