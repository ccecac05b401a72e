#define BOOST_TEST_MODULE base
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "base/number_format.h"

namespace bdata = boost::unit_test::data;

struct NumberCase {
  double value;
  const char* want;
};
std::ostream& operator<<(std::ostream& os, const NumberCase& c) { return os << c.value; }

BOOST_DATA_TEST_CASE(FormatNumberIsShortestAndExact,
                     bdata::make(std::vector<NumberCase>{
                         {0.0, "0"},
                         {-0.0, "0"},
                         {-18.0, "-18"},
                         {27.0, "27"},
                         {0.5, "0.5"},
                         {1.0 / 9.0, "0.1111111111111111"},
                         {-0.18, "-0.18"},
                         {1e20, "100000000000000000000"},
                         {0.1 + 0.2, "0.30000000000000004"},
                     }),
                     c) {
  BOOST_TEST(cl::FormatNumber(c.value) == c.want);
}

BOOST_AUTO_TEST_CASE(FormatNumberRoundTrips) {
  for (double v : {1.0 / 3.0, -2.0 / 7.0, 1e-9, 123456.789}) {
    BOOST_TEST(std::stod(cl::FormatNumber(v)) == v);
  }
}

BOOST_AUTO_TEST_CASE(TextUsesRealMinus) {
  BOOST_TEST(cl::FormatNumberText(-18) == "\u221218");
  BOOST_TEST(cl::FormatNumberText(-0.0) == "0");
  BOOST_TEST(cl::FormatNumberText(3) == "3");
}

BOOST_AUTO_TEST_CASE(CompactShortensDecimals) {
  BOOST_TEST(cl::FormatNumberCompact(1.0 / 9.0, 4) == "0.11");
  BOOST_TEST(cl::FormatNumberCompact(-27, 4) == "\u221227");
  // Never rounded away to 0: a value under 0.001 keeps its leading digits.
  BOOST_TEST(cl::FormatNumberCompact(-0.001, 4) == "\u22121e-03");
  BOOST_TEST(cl::FormatNumberCompact(-0.00012, 6) == "\u22121e-04");
  BOOST_TEST(cl::FormatNumberCompact(-0.00012, 8) == "\u22120.00012");  // fits as it is
  BOOST_TEST(cl::FormatNumberCompact(0.000067, 6) == "7e-05");
  BOOST_TEST(cl::FormatNumberCompact(-0.000123, 8) == "\u22121.2e-04");
  // Too wide even as a whole number: its integer part, not every digit.
  BOOST_TEST(cl::FormatNumberCompact(1234567.123456, 6) == "1234567");
  BOOST_TEST(cl::FormatNumberCompact(99999.5, 6) == "100000");
}

BOOST_DATA_TEST_CASE(WithinFitsLargeNumbersInScientificNotation,
                     bdata::make(std::vector<NumberCase>{
                         {36, "36"},
                         {-11730, "\u221211730"},
                         {1.0 / 9.0, "0.111"},
                         {1e20, "1e+20"},
                         {-1e21, "\u22121e+21"},
                         {-2666666666666666496.0, "\u22122.7e+18"},
                         {123456789012.0, "1.23e+11"},
                         {12345678, "12345678"},
                     }),
                     c) {
  BOOST_TEST(cl::FormatNumberWithin(c.value, 8) == c.want);
}

// Cells of a frame: at most four significant digits (docs/frames.md).
BOOST_DATA_TEST_CASE(FormatNumberCellKeepsFourSignificantDigits,
                     bdata::make(std::vector<NumberCase>{
                         {0.0, "0"},
                         {-0.0, "0"},
                         {255, "255"},
                         {-127.5, "\u2212127.5"},
                         {1020, "1020"},
                         {-1020, "\u22121020"},
                         {0.125, "0.125"},
                         {3.125, "3.125"},
                         {-0.75, "\u22120.75"},
                         {796.875, "796.9"},
                         {0.1 + 0.2, "0.3"},
                         {1.0 / 3.0, "0.3333"},
                         {9999.6, "1e4"},
                         {10000, "1e4"},
                         {12346, "1.235e4"},
                         {1.5e6, "1.5e6"},
                         {-2.5e19, "\u22122.5e19"},
                         {0.001234, "0.001234"},
                         {0.00002, "2e\u22125"},
                         {-0.000012345, "\u22121.235e\u22125"},  // as by hand: the double lies just below
                     }),
                     c) {
  BOOST_TEST(cl::FormatNumberCell(c.value) == c.want);
}

// Halves round as by hand, away from zero, on the decimal the value stands
// for: printf rounds the double, which lies just below 2.675 or -23.775 but
// just above 2.3075, so its ties went either way in one frame.
BOOST_DATA_TEST_CASE(CellHalvesRoundAsByHand, bdata::make(std::vector<NumberCase>{
                                                   {1.0625, "1.063"},
                                                   {-2.6075, "\u22122.608"},
                                                   {2.3075, "2.308"},
                                                   {-2.0925, "\u22122.093"},
                                                   {1.0325, "1.033"},
                                                   {1.1175, "1.118"},
                                                   {-23.775, "\u221223.78"},
                                                   {242.675, "242.7"},
                                                   {0.00012345, "1.235e\u22124"},
                                                   {99.995, "100"},
                                                   {-9999.5, "\u22121e4"},
                                                   {1.0624999, "1.062"},
                                               }),
                     c) {
  BOOST_TEST(cl::FormatNumberCell(c.value) == c.want);
}

BOOST_AUTO_TEST_CASE(CompactAndWithinRoundHalvesAsByHand) {
  BOOST_TEST(cl::FormatNumberCompact(2.675, 4) == "2.68");
  BOOST_TEST(cl::FormatNumberCompact(-23.775, 6) == "\u221223.78");
  BOOST_TEST(cl::FormatNumberCompact(0.125, 4) == "0.13");
  BOOST_TEST(cl::FormatNumberCompact(-0.0005, 4) == "\u22125e-04");  // rounded to 0.001 it would be another value
  BOOST_TEST(cl::FormatNumberCompact(0.0015, 5) == "0.002");
  BOOST_TEST(cl::FormatNumberWithin(1.25e20, 7) == "1.3e+20");
  BOOST_TEST(cl::FormatNumberWithin(-1.35e20, 8) == "\u22121.4e+20");
}

BOOST_AUTO_TEST_CASE(FormatNumberSignificantHonoursItsDigits) {
  BOOST_TEST(cl::FormatNumberSignificant(3.14159, 2) == "3.1");
  BOOST_TEST(cl::FormatNumberSignificant(3.14159, 6) == "3.14159");
  BOOST_TEST(cl::FormatNumberSignificant(std::numeric_limits<double>::infinity(), 4) == "inf");
}

// A cell's text is kept per thread by the value's bits (each beat's layouts
// write the same numbers again): values met again, values that share a
// place in that table and -0 beside 0 all read as FormatNumberSignificant
// writes them.
BOOST_AUTO_TEST_CASE(FormatNumberCellReadsTheSameWhenAskedAgain) {
  std::vector<double> values = {0.0, -0.0, 1.0, -1.0, 0.5, 255.0, 1.0 / 3.0};
  uint64_t state = 12345;
  for (int i = 0; i < 3000; ++i) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    values.push_back(static_cast<double>(static_cast<int64_t>(state >> 40) % 200000) / 64.0 - 1000.0);
  }
  for (int pass = 0; pass < 3; ++pass)
    for (std::size_t i = 0; i < values.size(); ++i) {
      const double v = values[(i * 7 + static_cast<std::size_t>(pass) * 13) % values.size()];
      BOOST_TEST_REQUIRE(cl::FormatNumberCell(v) == cl::FormatNumberSignificant(v, cl::kCellSignificantDigits), v);
    }
}
