// Decimal results without binary noise (compute/decimal_clean.h): hand-worked
// sums of decimals come out as the decimals themselves, exact values and
// whole numbers are never touched, and the maps, traces, leaky slopes and
// averages agree to the bit.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <vector>

#include "base/number_format.h"
#include "compute/compute.h"
#include "compute/decimal_clean.h"
#include "test_support.h"

using cl::CleanDecimal;
using cl::DecimalSum;
using cl::FormatNumber;
using cl::Grid;
using cl::test::G;

namespace {

DecimalSum Products(const std::vector<double>& inputs, const std::vector<double>& weights) {
  DecimalSum sum;
  for (std::size_t i = 0; i < inputs.size(); ++i) sum.Add(inputs[i] * weights[i]);
  return sum;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(DecimalClean)

BOOST_AUTO_TEST_CASE(SumsOfDecimalsAreTheDecimals) {
  DecimalSum a;
  a.Add(0.1);
  a.Add(0.2);
  BOOST_TEST(FormatNumber(a.raw()) == "0.30000000000000004");  // what doubles give
  BOOST_TEST(FormatNumber(a.Clean()) == "0.3");
  // The 14x14 decimals lesson's cell (5, 7): nine products of two-decimal pixels and weights.
  const DecimalSum cell = Products({-0.91, 0.44, -0.34, -0.69, -0.92, 0.74, 0.01, -0.14, 0.44},
                                   {0.1, -0.25, 0.1, 0.5, 0.75, -0.5, 0.1, -0.25, 0.1});
  BOOST_TEST(FormatNumber(cell.raw()) == "-1.5600000000000003");
  BOOST_TEST(FormatNumber(cell.Clean()) == "-1.56");
  // A sum that is 0 by hand: 0.1 + 0.2 - 0.3.
  DecimalSum zero;
  zero.Add(0.1);
  zero.Add(0.2);
  zero.Add(-0.3);
  BOOST_TEST(zero.raw() != 0.0);
  BOOST_TEST(FormatNumber(zero.Clean()) == "0");
  // With a bias, and a small result beside large terms: 255 * 0.1 - 25.5 + 0.0001.
  DecimalSum biased = Products({255, 1}, {0.1, -25.5});
  biased.AddBias(0.0001);
  BOOST_TEST(biased.Clean() == 0.0001);
}

BOOST_AUTO_TEST_CASE(ExactValuesAndWholeNumbersStayAsTheyAre) {
  for (double exact : {255.0, -4.0, 15.9375, 0.0625, std::ldexp(1.0, -16), 123456789.125, 1e-7, 0.1, -2.75})
    BOOST_TEST(CleanDecimal(exact, std::abs(exact), 2) == exact, FormatNumber(exact));
  BOOST_TEST(FormatNumber(CleanDecimal(-0.0, 0.0, 0)) == "0");
  BOOST_TEST(std::isnan(CleanDecimal(std::nan(""), 1.0, 2)));
  // A third, or a blur weight of 1/9 times 19, is no short decimal: every digit stays.
  BOOST_TEST(CleanDecimal(1.0 / 3, 1.0 / 3, 2) == 1.0 / 3);
  BOOST_TEST(CleanDecimal(19 * (1.0 / 9), 19 * (1.0 / 9), 2) == 19 * (1.0 / 9));
  // Magnitudes where no decimal place is sure enough, or that would need places past 10^-22, are left alone.
  BOOST_TEST(CleanDecimal(1e15 + 0.3, 1e15, 2) == 1e15 + 0.3);
  BOOST_TEST(CleanDecimal(1.2345678901234567e-15, 1.2345678901234567e-15, 2) == 1.2345678901234567e-15);
}

BOOST_AUTO_TEST_CASE(AveragesAreCleanedOnlyWhereTheyEnd) {
  DecimalSum seven;
  seven.Add(0.3);
  seven.Add(0.4);
  BOOST_TEST(FormatNumber(seven.raw() / 5) == "0.13999999999999999");
  BOOST_TEST(FormatNumber(seven.CleanQuotient(5)) == "0.14");
  DecimalSum one;
  one.Add(1);
  BOOST_TEST(one.CleanQuotient(3) == 1.0 / 3);  // every digit the division gives
}

BOOST_AUTO_TEST_CASE(MapsActivationsAndAveragesOfDecimals) {
  // A Laplacian over a flat 0.3 with one 0.7 and one 0.1: by hand 0.4, -1.6, -0.2.
  Grid image = G({{0.3, 0.3, 0.3, 0.3, 0.3},
                  {0.3, 0.3, 0.3, 0.3, 0.3},
                  {0.3, 0.3, 0.3, 0.7, 0.3},
                  {0.3, 0.3, 0.3, 0.3, 0.3},
                  {0.3, 0.3, 0.1, 0.3, 0.3}});
  const Grid laplacian = G({{0, 1, 0}, {1, -4, 1}, {0, 1, 0}});
  const Grid conv = cl::Conv2D(image, laplacian, cl::ConvSpec{});
  BOOST_TEST(conv == G({{0, 0, 0.4}, {0, 0.4, -1.6}, {0, -0.2, 0.4}}));
  // A leaky slope of 0.1: -1.6 * 0.1 is -0.16000000000000003 in doubles.
  const cl::ActivationSpec leaky{cl::ActivationType::LeakyRelu, 0.1};
  const Grid activated = cl::ApplyActivation(leaky, conv);
  BOOST_TEST(activated == G({{0, 0, 0.4}, {0, 0.4, -0.16}, {0, -0.02, 0.4}}));
  BOOST_TEST(FormatNumber(cl::Activate(leaky, -6)) == "-0.6");
  // The average of 0, 0, 0 and 0.4 over the first 2x2 window.
  cl::PoolSpec average;
  average.type = cl::PoolType::Avg;
  average.size_h = average.size_w = average.stride_h = average.stride_w = 2;
  BOOST_TEST(cl::Pool2D(activated, average) == G({{0.1}}));
}

BOOST_AUTO_TEST_CASE(TracesAreTheirCellsToTheBit) {
  cl::Variant v = cl::test::MakeVariant("decimals", G({{0.1, 0.2, 0.7}, {0.3, 0.9, 0.15}, {0.05, 0.6, 0.35}}), "mixed",
                                        G({{0.1, -0.25}, {0.5, 0.75}}));
  v.filter.bias = 0.01;
  const Grid map = cl::Conv2D(v.image, v.filter.weights, v.conv, v.filter.bias);
  for (int r = 0; r < map.rows; ++r) {
    for (int c = 0; c < map.cols; ++c) {
      const cl::ConvTrace t = cl::TraceConvCell(v, r, c);
      BOOST_TEST(t.sum == map.at(r, c));
      BOOST_TEST(FormatNumber(t.sum).size() <= 8u, FormatNumber(t.sum));  // at most four decimals, no noise
      for (double p : t.products) BOOST_TEST(FormatNumber(p).size() <= 8u, FormatNumber(p));
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
