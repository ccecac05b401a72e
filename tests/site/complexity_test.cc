// The generated Complexity section: counts and the formula lines with the
// lesson's own numbers, row by row, for the default lesson and for settings
// that change the formulas (clipped pool windows, average pooling, dilation,
// leaky ReLU).
#include <boost/test/unit_test.hpp>

#include <map>
#include <string>
#include <vector>

#include "compute/compute.h"
#include "lesson/loader.h"
#include "site/complexity.h"
#include "site/generated_sections.h"
#include "../support/default_lesson.h"

namespace {

struct Row {
  std::string quantity, numbers, result;
};

std::vector<Row> RowsOf(const cl::Variant& v) {
  cl::VariantResult r = cl::ComputeVariant(v);
  std::vector<Row> rows;
  for (const cl::ComplexityRow& row : cl::ComplexityRows(v, cl::ComputeComplexity(v, r.conv()))) {
    rows.push_back({row.quantity, row.numbers, row.result});
  }
  return rows;
}

void CheckRows(const std::vector<Row>& got, const std::vector<Row>& want) {
  BOOST_TEST_REQUIRE(got.size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    BOOST_TEST_CONTEXT("row " << i) {
      BOOST_TEST(got[i].quantity == want[i].quantity);
      BOOST_TEST(got[i].numbers == want[i].numbers);
      BOOST_TEST(got[i].result == want[i].result);
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(Complexity)

BOOST_AUTO_TEST_CASE(DefaultLessonCounts) {
  cl::Variant v = cl::testing::VerticalEdgeVariant();
  cl::Complexity k = cl::ComputeComplexity(v, cl::ComputeVariant(v).conv());
  BOOST_TEST(k.rows.out == 4);
  BOOST_TEST(k.cols.out == 4);
  BOOST_TEST(k.positions == 16);
  BOOST_TEST(k.weights == 9);
  BOOST_TEST(k.multiplies == 144);
  BOOST_TEST(k.additions == 128);
  BOOST_TEST(k.activation_comparisons == 16);
  BOOST_TEST(k.pool_windows == 4);
  BOOST_TEST(k.pool_operations == 12);
  BOOST_TEST(k.dense_weights == 576);
}

BOOST_AUTO_TEST_CASE(DefaultLessonRows) {
  CheckRows(RowsOf(cl::testing::VerticalEdgeVariant()),
            {
                {"Feature map height", "⌊(6 + 0 + 0 − 3) / 1⌋ + 1", "4"},
                {"Feature map width", "⌊(6 + 0 + 0 − 3) / 1⌋ + 1", "4"},
                {"Weights in the filter", "3 · 3", "9"},
                {"Multiplications", "4 · 4 · 3 · 3", "144"},
                {"Additions", "4 · 4 · (9 − 1)", "128"},
                {"ReLU comparisons with 0", "4 · 4", "16"},
                {"Pooled height", "⌊(4 − 2) / 2⌋ + 1", "2"},
                {"Pooled width", "⌊(4 − 2) / 2⌋ + 1", "2"},
                {"Comparisons in max pooling", "2 · 2 · (4 − 1)", "12"},
                {"Weights of a fully connected layer instead", "6 · 6 · 4 · 4", "576"},
            });
}

// The pooling's formula names its own window and stride, which a lesson may
// set apart from the convolution's.
BOOST_AUTO_TEST_CASE(PoolingRowsNameThePoolingsStride) {
  const cl::Variant v = cl::testing::VerticalEdgeVariant();
  const cl::VariantResult r = cl::ComputeVariant(v);
  bool found = false;
  for (const cl::ComplexityRow& row : cl::ComplexityRows(v, cl::ComputeComplexity(v, r.conv())))
    if (row.quantity == "Pooled height") {
      found = true;
      BOOST_TEST(row.formula == "⌊(map height − pool window height) / pool stride⌋ + 1");
    }
  BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(ClippedPoolWindowsAreCountedOneByOne) {
  // 7x6 image, 3x3 filter: a 5x4 map; 2x2/2 pooling with remainder pad gives
  // 3x2 windows, the bottom row clipped to one map row.
  cl::Variant v = cl::testing::SizedVariant(7, 6, 3, 3);
  v.pool.remainder = cl::Remainder::Pad;
  v.pool.type = cl::PoolType::Avg;
  std::vector<Row> rows = RowsOf(v);
  BOOST_TEST_REQUIRE(rows.size() == 11u);
  CheckRows({rows.begin() + 6, rows.end()},
            {
                {"Pooled height", "⌈max(5 − 2, 0) / 2⌉ + 1", "3"},
                {"Pooled width", "⌈max(4 − 2, 0) / 2⌉ + 1", "2"},
                // windows cover (2 + 2 + 1) rows x (2 + 2) columns = 20 cells in 6 windows
                {"Additions in average pooling", "20 − 6", "14"},
                {"Divisions in average pooling", "3 · 2", "6"},
                {"Weights of a fully connected layer instead", "7 · 6 · 5 · 4", "840"},
            });
}

BOOST_AUTO_TEST_CASE(DilationAndPaddingShowTheWindowSpan) {
  cl::Variant v = cl::testing::SizedVariant(9, 8, 3, 2);
  v.conv.dilation_h = 2;
  v.conv.dilation_w = 3;
  v.conv.pad_top = 1;
  v.conv.pad_bottom = 2;
  v.conv.stride_w = 2;
  v.pool.enabled = false;
  v.activation.type = cl::ActivationType::None;
  CheckRows(RowsOf(v),
            {
                {"Window height on the image", "(3 − 1) · 2 + 1", "5"},
                {"Feature map height", "⌊(9 + 1 + 2 − 5) / 1⌋ + 1", "8"},
                {"Window width on the image", "(2 − 1) · 3 + 1", "4"},
                {"Feature map width", "⌊(8 + 0 + 0 − 4) / 2⌋ + 1", "3"},
                {"Weights in the filter", "3 · 2", "6"},
                {"Multiplications", "8 · 3 · 3 · 2", "144"},
                {"Additions", "8 · 3 · (6 − 1)", "120"},
                {"Weights of a fully connected layer instead", "9 · 8 · 8 · 3", "1728"},
            });
}

BOOST_AUTO_TEST_CASE(LeakyReluMultipliesOnlyNegativeCells) {
  cl::Variant v = cl::testing::VerticalEdgeVariant();
  v.activation = {cl::ActivationType::LeakyRelu, 0.1};
  std::vector<Row> rows = RowsOf(v);
  BOOST_TEST_REQUIRE(rows.size() == 11u);
  CheckRows({rows.begin() + 5, rows.begin() + 7},
            {
                {"Leaky ReLU comparisons with 0", "4 · 4", "16"},
                {"Multiplications by the slope", "8 of 16 cells", "8"},
            });
}

cl::Complexity FromText(const std::string& yaml) {
  const cl::LoadResult loaded = cl::LoadLessonText(yaml, "t.yaml", ".");
  BOOST_TEST_REQUIRE(loaded.lesson.has_value());
  const cl::Variant& v = loaded.lesson->variants[0];
  return cl::ComputeComplexity(v, cl::ComputeVariant(v).conv());
}

// Transposed with two channels: each output cell adds both channels'
// products, 8 products landing on 4 cells (checked against
// conv_transpose2d: [[6, 8], [10, 12]]), 4 additions, where the count once
// took one channel's products only.
BOOST_AUTO_TEST_CASE(TransposedChannelsAddEveryChannel) {
  const cl::Complexity k = FromText(
      "title: T\nimage: {pixels: [[[1, 2], [3, 4]], [[5, 6], [7, 8]]]}\nfilter: {weights: [[[1]], [[1]]]}\n"
      "conv: {transposed: true}\nactivation: none\npool: none\n");
  BOOST_TEST(k.multiplies == 8);
  BOOST_TEST(k.landed == 8);
  BOOST_TEST(k.reached == 4);
  BOOST_TEST(k.additions == 4);
}

// Average pooling at remainder: pad with a stride past the window leaves
// windows wholly past the map's edge: they are 0, with no addition or
// division (3x5 map, 2x2 windows every 3: two of the four cover cells).
BOOST_AUTO_TEST_CASE(EmptyPoolWindowsCostNothing) {
  const cl::Complexity k = FromText(
      "title: T\nimage: {pixels: [[1, 2, 3, 4, 5]]}\nfilter: [[1]]\nconv: {padding: [1, 0]}\nactivation: none\n"
      "pool: {type: avg, size: 2, stride: 3, remainder: pad}\n");
  BOOST_TEST(k.pool_windows == 4);
  BOOST_TEST(k.pool_filled_windows == 2);
  BOOST_TEST(k.pool_window_cells == 8);
  BOOST_TEST(k.pool_operations == 6);
  BOOST_TEST(k.pool_divisions == 2);
}

// Two filters: the activation, the pooling and the dense layer work on both
// maps (2x2 each), and the slope multiplies the negatives of both (two per
// map), where the rows once counted one map.
BOOST_AUTO_TEST_CASE(SeveralFiltersCountEveryMap) {
  const cl::LoadResult loaded = cl::LoadLessonText(
      "title: T\nimage: {pixels: [[1, -2, 3], [-4, 5, -6], [7, -8, 9]]}\nfilters:\n  - [[1, 0], [0, 1]]\n"
      "  - [[-1, 0], [0, -1]]\nactivation: {type: leaky-relu, slope: 0.5}\npool: {type: max, size: 2, stride: 1}\n",
      "t.yaml", ".");
  BOOST_TEST_REQUIRE(loaded.lesson.has_value());
  const cl::Variant& v = loaded.lesson->variants[0];
  const cl::VariantResult r = cl::ComputeVariant(v);
  std::map<std::string, Row> rows;
  for (const cl::ComplexityRow& row : cl::ComplexityRows(v, cl::ComputeComplexity(v, r)))
    rows[row.quantity] = {row.quantity, row.numbers, row.result};
  BOOST_TEST(rows.at("Leaky ReLU comparisons with 0").numbers == "2 · 2 · 2");
  BOOST_TEST(rows.at("Leaky ReLU comparisons with 0").result == "8");
  BOOST_TEST(rows.at("Multiplications by the slope").numbers == "4 of 8 cells");
  BOOST_TEST(rows.at("Comparisons in max pooling").result == "6");
  BOOST_TEST(rows.at("Weights of a fully connected layer instead").result == "72");
  // Set against the layer's own weights: both filters', not one filter's.
  BOOST_TEST(rows.at("Weights in the filter").result == "4");
  BOOST_TEST(rows.at("Weights in the 2 filters").numbers == "2 · 4");
  BOOST_TEST(rows.at("Weights in the 2 filters").result == "8");
}

BOOST_AUTO_TEST_CASE(LargestLessonStaysExact) {
  cl::Variant v = cl::testing::SizedVariant(512, 512, 15, 15);
  cl::Complexity k = cl::ComputeComplexity(v, cl::Grid());
  BOOST_TEST(k.positions == 498LL * 498LL);
  BOOST_TEST(k.multiplies == 498LL * 498LL * 225LL);
  BOOST_TEST(k.dense_weights == 512LL * 512LL * 498LL * 498LL);
}

BOOST_AUTO_TEST_SUITE_END()
