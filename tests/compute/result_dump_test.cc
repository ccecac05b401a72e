// Result dump: the exact text for small variants worked out by hand, so the
// numbers in it are checked independently of the code that prints them.
#include <boost/test/unit_test.hpp>

#include <string>

#include "compute/result_dump.h"
#include "test_support.h"

using namespace cl;
using cl::test::G;
using cl::test::MakeVariant;

BOOST_AUTO_TEST_SUITE(ResultDump)

// 3x3 image 1..9, filter [1 -1] with its taps two columns apart (dilation
// [1, 2]), one column of zeros on each side, ReLU, 2x2/2 max pool that pads.
// Padded row r is [0, a, b, c, 0]; cell (r, c) = p(r, c) - p(r, c + 2).
BOOST_AUTO_TEST_CASE(DilatedPaddedConvWithPaddedMaxPool) {
  Variant v = MakeVariant("Left minus right", G({{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}), "Custom", G({{1, -1}}));
  v.conv.pad_left = 1;
  v.conv.pad_right = 1;
  v.conv.dilation_w = 2;
  v.pool.remainder = Remainder::Pad;
  BOOST_TEST(DumpVariantResult(v, ComputeVariant(v)) ==
             "variant \"Left minus right\"\n"
             "  sizes: image 3x3, padded 3x5, filter 1x2, window 1x3, conv 3x3, pooled 2x2\n"
             "  padding: [0, 0, 1, 1]\n"
             "  conv: 3x3\n"
             "    -2 -2  2\n"
             "    -5 -2  5\n"
             "    -8 -2  8\n"
             "  activated: 3x3 (relu)\n"
             "    0 0 2\n"
             "    0 0 5\n"
             "    0 0 8\n"
             "  pooled: 2x2 (max)\n"
             "    0 5\n"
             "    0 8\n"
             "  conv trace (0, 0): origin (0, 0) on the padded image, sum -2\n"
             "    inputs:\n"
             "      0 2\n"
             "    products:\n"
             "       0 -2\n"
             "  conv trace (2, 2): origin (2, 2) on the padded image, sum 8\n"
             "    inputs:\n"
             "      8 0\n"
             "    products:\n"
             "      8 0\n"
             "  pool trace (0, 0): rows [0, 2), cols [0, 2), winner (0, 0), value 0\n"
             "  pool trace (1, 1): rows [2, 3), cols [2, 3), winner (2, 2), value 8\n");
}

// A 1x1 map has one cell: its trace is printed once; without pooling there is
// no pooled map and no pool trace.
BOOST_AUTO_TEST_CASE(SingleCellWithoutActivationOrPool) {
  Variant v = MakeVariant("One", G({{2}}), "Custom", G({{3}}));
  v.activation.type = ActivationType::None;
  v.pool.enabled = false;
  BOOST_TEST(DumpVariantResult(v, ComputeVariant(v)) ==
             "variant \"One\"\n"
             "  sizes: image 1x1, padded 1x1, filter 1x1, window 1x1, conv 1x1, pooled none\n"
             "  padding: [0, 0, 0, 0]\n"
             "  conv: 1x1\n"
             "    6\n"
             "  activated: 1x1 (none)\n"
             "    6\n"
             "  pooled: none\n"
             "  conv trace (0, 0): origin (0, 0) on the padded image, sum 6\n"
             "    inputs:\n"
             "      2\n"
             "    products:\n"
             "      6\n");
}

// Average pooling names no winner; leaky ReLU shows its slope; decimals are
// the shortest that read back.
BOOST_AUTO_TEST_CASE(AveragePoolAndLeakyRelu) {
  Variant v = MakeVariant("Avg", G({{1, -2}, {3, 4}}), "Custom", G({{1}}));
  v.activation = {ActivationType::LeakyRelu, 0.25};
  v.pool.type = PoolType::Avg;
  BOOST_TEST(DumpVariantResult(v, ComputeVariant(v)) ==
             "variant \"Avg\"\n"
             "  sizes: image 2x2, padded 2x2, filter 1x1, window 1x1, conv 2x2, pooled 1x1\n"
             "  padding: [0, 0, 0, 0]\n"
             "  conv: 2x2\n"
             "     1 -2\n"
             "     3  4\n"
             "  activated: 2x2 (leaky-relu, slope 0.25)\n"
             "       1 -0.5\n"
             "       3    4\n"
             "  pooled: 1x1 (avg)\n"
             "    1.875\n"
             "  conv trace (0, 0): origin (0, 0) on the padded image, sum 1\n"
             "    inputs:\n"
             "      1\n"
             "    products:\n"
             "      1\n"
             "  conv trace (1, 1): origin (1, 1) on the padded image, sum 4\n"
             "    inputs:\n"
             "      4\n"
             "    products:\n"
             "      4\n"
             "  pool trace (0, 0): rows [0, 2), cols [0, 2), winner none, value 1.875\n");
}

BOOST_AUTO_TEST_SUITE_END()
