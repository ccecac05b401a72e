// Traces: what a frame shows for one cell, and that it agrees with the maps.
#include <boost/test/unit_test.hpp>

#include "compute/compute.h"
#include "test_support.h"

using cl::Grid;
using cl::Variant;
using cl::test::Counting;
using cl::test::G;

namespace {

using Values = std::vector<double>;

// Every conv cell's trace sums to the map's value, and every pool trace reads
// the pooled value from inside its window.
void CheckTracesMatchMaps(const Variant& v) {
  cl::VariantResult r = cl::ComputeVariant(v);
  const auto taps = static_cast<std::size_t>(v.filter.weights.rows * v.filter.weights.cols);
  for (int row = 0; row < r.conv().rows; ++row) {
    for (int col = 0; col < r.conv().cols; ++col) {
      cl::ConvTrace t = cl::TraceConvCell(v, row, col);
      BOOST_TEST(t.sum == r.conv().at(row, col));
      BOOST_TEST(t.inputs.size() == taps);
      BOOST_TEST(t.products.size() == taps);
      for (std::size_t k = 0; k < taps; ++k) BOOST_TEST(t.products[k] == t.inputs[k] * v.filter.weights.values[k]);
    }
  }
  if (!r.pooled()) return;
  for (int row = 0; row < r.pooled()->rows; ++row) {
    for (int col = 0; col < r.pooled()->cols; ++col) {
      cl::PoolTrace t = cl::TracePoolCell(v, r.activated(), row, col);
      BOOST_TEST(t.value == r.pooled()->at(row, col));
      BOOST_TEST(t.row_begin < t.row_end);
      BOOST_TEST(t.col_begin < t.col_end);
      if (v.pool.type == cl::PoolType::Max) BOOST_TEST(r.activated().at(t.winner_row, t.winner_col) == t.value);
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(Traces)

BOOST_AUTO_TEST_CASE(DefaultLessonFirstCell) {
  cl::ConvTrace t = cl::TraceConvCell(cl::test::DefaultVerticalEdge(), 0, 0);
  BOOST_TEST(t.origin_row == 0);
  BOOST_TEST(t.origin_col == 0);
  BOOST_TEST(t.inputs == Values({0, 0, 0, 0, 0, 9, 0, 0, 9}), boost::test_tools::per_element());
  BOOST_TEST(t.products == Values({0, 0, 0, 0, 0, -9, 0, 0, -9}), boost::test_tools::per_element());
  BOOST_TEST(t.sum == -18);  // row 0 is dark: two rows of the bar, not three
}

BOOST_AUTO_TEST_CASE(SamePaddingOriginIsInPaddedCoordinates) {
  Variant v = cl::test::MakeVariant("same", Counting(5, 5), "ones", G({{1, 1, 1}, {1, 1, 1}, {1, 1, 1}}));
  v.conv.pad_top = v.conv.pad_bottom = v.conv.pad_left = v.conv.pad_right = 1;
  v.conv.stride_h = v.conv.stride_w = 2;
  v.conv.same = true;
  cl::ConvTrace first = cl::TraceConvCell(v, 0, 0);
  BOOST_TEST(first.origin_row == 0);
  BOOST_TEST(first.origin_col == 0);
  BOOST_TEST(first.inputs == Values({0, 0, 0, 0, 1, 2, 0, 6, 7}), boost::test_tools::per_element());
  BOOST_TEST(first.sum == 16);
  cl::ConvTrace last = cl::TraceConvCell(v, 2, 1);
  BOOST_TEST(last.origin_row == 4);
  BOOST_TEST(last.origin_col == 2);
  BOOST_TEST(last.inputs == Values({17, 18, 19, 22, 23, 24, 0, 0, 0}), boost::test_tools::per_element());
  BOOST_TEST(last.sum == 123);
  CheckTracesMatchMaps(v);
}

BOOST_AUTO_TEST_CASE(DilatedTraceSkipsPixels) {
  Variant v = cl::test::MakeVariant("dilated", Counting(5, 5), "custom", G({{1, 2}, {3, 4}}));
  v.conv.dilation_h = v.conv.dilation_w = 2;
  cl::ConvTrace t = cl::TraceConvCell(v, 1, 2);
  BOOST_TEST(t.origin_row == 1);
  BOOST_TEST(t.origin_col == 2);
  BOOST_TEST(t.inputs == Values({8, 10, 18, 20}), boost::test_tools::per_element());
  BOOST_TEST(t.products == Values({8, 20, 54, 80}), boost::test_tools::per_element());
  BOOST_TEST(t.sum == 162);
  // The cells read, in padded coordinates (no padding here), worked by hand.
  using C = cl::ConvTrace::Cell;
  BOOST_TEST((t.cells == std::vector<C>{{1, 2}, {1, 4}, {3, 2}, {3, 4}}));
}

BOOST_AUTO_TEST_CASE(TraceNamesTheCellsReadWithAsymmetricPaddingStrideAndDilation) {
  Variant v = cl::test::MakeVariant("mixed", Counting(6, 6), "custom", G({{1, 2}, {3, 4}}));
  v.conv.pad_top = 0, v.conv.pad_bottom = 1, v.conv.pad_left = 2, v.conv.pad_right = 0;
  v.conv.stride_h = 2, v.conv.stride_w = 3;
  v.conv.dilation_h = 1, v.conv.dilation_w = 2;
  // Output (1, 1) starts at padded row 2, padded column 3; taps 1 row and 2 columns apart.
  cl::ConvTrace t = cl::TraceConvCell(v, 1, 1);
  using C = cl::ConvTrace::Cell;
  BOOST_TEST((t.cells == std::vector<C>{{2, 3}, {2, 5}, {3, 3}, {3, 5}}));
  // Padded column 3 is image column 1, row 2 is image row 2: Counting's 2*6+1+1 = 14.
  BOOST_TEST(t.inputs == Values({14, 16, 20, 22}), boost::test_tools::per_element());
  CheckTracesMatchMaps(v);
}

BOOST_AUTO_TEST_CASE(PoolTraceWindowsAndWinners) {
  Variant v = cl::test::DefaultVerticalEdge();
  cl::VariantResult r = cl::ComputeVariant(v);
  cl::PoolTrace t = cl::TracePoolCell(v, r.activated(), 1, 1);
  BOOST_TEST(t.row_begin == 2);
  BOOST_TEST(t.row_end == 4);
  BOOST_TEST(t.col_begin == 2);
  BOOST_TEST(t.col_end == 4);
  BOOST_TEST(t.winner_row == 2);  // all four are 27: the first in row-major order wins
  BOOST_TEST(t.winner_col == 2);
  BOOST_TEST(t.value == 27);
  cl::PoolTrace zeros = cl::TracePoolCell(v, r.activated(), 0, 0);
  BOOST_TEST(zeros.winner_row == 0);
  BOOST_TEST(zeros.winner_col == 0);

  // A later, strictly larger cell wins; a tie after it does not.
  Grid map = G({{1, 3}, {3, 0}});
  cl::PoolTrace tie = cl::TracePoolCell(v, map, 0, 0);
  BOOST_TEST(tie.winner_row == 0);
  BOOST_TEST(tie.winner_col == 1);
}

BOOST_AUTO_TEST_CASE(ClippedPoolTraceOnOddMap) {
  Variant v;
  v.pool.remainder = cl::Remainder::Pad;
  Grid map = Counting(5, 5);
  cl::PoolTrace corner = cl::TracePoolCell(v, map, 2, 2);
  BOOST_TEST(corner.row_begin == 4);
  BOOST_TEST(corner.row_end == 5);
  BOOST_TEST(corner.col_begin == 4);
  BOOST_TEST(corner.col_end == 5);
  BOOST_TEST(corner.winner_row == 4);
  BOOST_TEST(corner.winner_col == 4);
  BOOST_TEST(corner.value == 25);
  v.pool.type = cl::PoolType::Avg;
  cl::PoolTrace edge = cl::TracePoolCell(v, map, 0, 2);
  BOOST_TEST(edge.row_end - edge.row_begin == 2);
  BOOST_TEST(edge.col_end - edge.col_begin == 1);
  BOOST_TEST(edge.winner_row == -1);  // avg has no winner
  BOOST_TEST(edge.value == 7.5);
}

BOOST_AUTO_TEST_CASE(TracesMatchMapsAcrossSettings) {
  CheckTracesMatchMaps(cl::test::DefaultVerticalEdge());
  CheckTracesMatchMaps(cl::test::DefaultHorizontalEdge());
  Variant odd = cl::test::MakeVariant("odd", Counting(7, 6), "sobel", G({{1, 0, -1}, {2, 0, -2}, {1, 0, -1}}));
  odd.conv = {.pad_top = 1, .pad_bottom = 2, .pad_left = 0, .pad_right = 1, .same = false, .stride_h = 2,
              .stride_w = 1, .dilation_h = 1, .dilation_w = 2};
  odd.activation = {cl::ActivationType::LeakyRelu, 0.1};
  odd.pool = {.enabled = true, .type = cl::PoolType::Avg, .size_h = 2, .size_w = 3, .stride_h = 1, .stride_w = 2,
              .remainder = cl::Remainder::Pad};
  CheckTracesMatchMaps(odd);
  odd.pool.type = cl::PoolType::Max;
  CheckTracesMatchMaps(odd);
}

BOOST_AUTO_TEST_CASE(CellsOutsideTheMapAreSafe) {
  // Callers should not ask, but a wrong index must read zeros, not memory.
  Variant v = cl::test::DefaultVerticalEdge();
  cl::ConvTrace far = cl::TraceConvCell(v, 40, -7);
  BOOST_TEST(far.inputs == Values(9, 0.0), boost::test_tools::per_element());
  BOOST_TEST(far.sum == 0);
  cl::PoolTrace before = cl::TracePoolCell(v, Counting(4, 4), -1, 0);
  BOOST_TEST(before.row_begin == 0);
  BOOST_TEST(before.row_end == 2);
  cl::PoolTrace after = cl::TracePoolCell(v, Counting(4, 4), 0, 9);
  BOOST_TEST(after.col_begin == after.col_end);
  BOOST_TEST(after.winner_row == -1);
}

BOOST_AUTO_TEST_SUITE_END()
