// FormatNumberRounded: coordinates to a fixed number of decimals, trimmed;
// FormatNumberSignificant: cells to a number of significant digits.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iomanip>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "base/number_format.h"

namespace bdata = boost::unit_test::data;

namespace {

struct RoundedCase {
  double value;
  int decimals;
  const char* want;
};
std::ostream& operator<<(std::ostream& os, const RoundedCase& c) { return os << c.value << "/" << c.decimals; }

// FormatNumberRounded's definition: printf's %.*f, trailing zeros and a
// bare point trimmed, "-0" written "0".
std::string PrintfRounded(double v, int decimals) {
  char buf[80];
  (void)std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s == "-0" ? std::string("0") : s;
}

}  // namespace

BOOST_DATA_TEST_CASE(FormatNumberRoundedTrimsAndNeverWritesMinusZero,
                     bdata::make(std::vector<RoundedCase>{
                         {0.0, 3, "0"},
                         {-0.0, 3, "0"},
                         {12.0, 3, "12"},
                         {12.25, 3, "12.25"},
                         {10.0 / 3.0, 3, "3.333"},
                         {-10.0 / 3.0, 3, "-3.333"},
                         {2.0 / 3.0, 3, "0.667"},
                         {0.1 + 0.2, 3, "0.3"},
                         {-0.0004, 3, "0"},
                         {-0.0006, 3, "-0.001"},
                         {1234.5678, 0, "1235"},
                         {1234.5678, 1, "1234.6"},
                         {1.5, -4, "2"},  // decimals below 0 count as 0
                         {123456789012345.0, 3, "123456789012345"},
                         {1e300, 3, "1e+300"},  // beyond 1e15: as FormatNumber writes it
                         {std::numeric_limits<double>::quiet_NaN(), 3, "0"},
                     }),
                     c) {
  BOOST_TEST(cl::FormatNumberRounded(c.value, c.decimals) == c.want);
}

// The same digits as printf's %.*f, the definition the fast path must keep,
// on values a frame's coordinates take (quarters, thirds, long fractions,
// halves at every number of decimals) and on random ones of every magnitude.
BOOST_AUTO_TEST_CASE(FormatNumberRoundedWritesWhatPrintfWrites) {
  std::mt19937_64 random(12);
  std::uniform_real_distribution<double> unit(-1.0, 1.0);
  std::uniform_int_distribution<int> exponent(-20, 14);
  int checked = 0;
  for (int i = 0; i < 200000; ++i) {
    const int decimals = i % 18;
    double v = unit(random) * std::pow(10.0, exponent(random));
    if (i % 4 == 1) v = std::round(v * 8) / 8;                 // quarters and eighths
    if (i % 4 == 2) v = (i % 1000) / 3.0 + 0.0005;             // near a rounding edge
    if (i % 4 == 3) v = (i % 20000) / 2.0 / std::pow(10.0, decimals);  // halves at the last digit
    const std::string want = PrintfRounded(v, decimals), got = cl::FormatNumberRounded(v, decimals);
    if (got != want) BOOST_TEST(got == want, v << " to " << decimals << " decimals");
    ++checked;
  }
  BOOST_TEST(checked == 200000);
}

// The same on what frames' coordinates are made of, at 0 to 6 decimals (the
// whole-number way): binary fractions (exact halves at the last decimal),
// values a hair either side of a half, and thirds, up to the largest values
// that way takes and past them.
BOOST_AUTO_TEST_CASE(FormatNumberRoundedWritesWhatPrintfWritesForCoordinates) {
  int differ = 0;
  for (int i = 0; i < 300000; ++i) {
    const int decimals = i % 7;
    const double half = 0.5 / std::pow(10.0, decimals);
    double v = (i - 150000) / 64.0;
    if (i % 5 == 1) v = std::round(v) + half + (i % 2 ? 1e-12 : -1e-12);
    if (i % 5 == 2) v = (i - 150000) / 3.0;
    if (i % 5 == 3) v = std::ldexp(1.0 + (i % 97) / 97.0, 20 + i % 24) * (i % 2 ? 1 : -1);  // to 2^44
    if (i % 5 == 4) v = (i - 150000) * half;  // every half at the last decimal
    const std::string want = PrintfRounded(v, decimals), got = cl::FormatNumberRounded(v, decimals);
    if (got != want && ++differ <= 10) BOOST_TEST(got == want, v << " to " << decimals << " decimals");
  }
  BOOST_TEST(differ == 0);
}

// FormatNumberSignificant writes what its definition through printf gives
// (%.*e to round, then %.*f of the rounded value, or the mantissa and its
// exponent), with the rounding done as by hand: on the value's shortest
// decimal, halves away from zero. printf rounds that decimal here, read as
// a long double nudged away from zero by 10^-18 of itself (about ten of its
// last places, so a decimal half lies above the half; any other decimal of
// at most 17 digits lies at least 10^-17 of itself from the place where
// rounding turns). On random values of every magnitude, at every number of
// digits, and on values at a rounding edge.
BOOST_AUTO_TEST_CASE(FormatNumberSignificantWritesWhatPrintfWritesOfItsDecimal) {
  const auto trim = [](std::string s) {
    if (s.find('.') != std::string::npos) {
      while (s.back() == '0') s.pop_back();
      if (s.back() == '.') s.pop_back();
    }
    return s;
  };
  const auto printf_significant = [&](double value, int digits) {
    char buf[64];
    *std::to_chars(buf, buf + sizeof buf - 1, value, std::chars_format::scientific).ptr = '\0';
    const long double decimal = std::strtold(buf, nullptr) * (1 + 1e-18L);
    (void)std::snprintf(buf, sizeof buf, "%.*Le", digits - 1, decimal);
    const std::string sci = buf;
    const std::size_t e_at = sci.find('e');
    const int exponent = static_cast<int>(std::strtol(sci.c_str() + e_at + 1, nullptr, 10));
    std::string out;
    if (exponent >= -3 && exponent < digits) {
      (void)std::snprintf(buf, sizeof buf, "%.*f", std::max(digits - 1 - exponent, 0), std::strtod(sci.c_str(), nullptr));
      out = trim(buf);
    } else {
      out = trim(sci.substr(0, e_at)) + "e" + (exponent < 0 ? "\u2212" : "") + std::to_string(std::abs(exponent));
    }
    return out[0] == '-' ? "\u2212" + out.substr(1) : out;
  };
  std::mt19937_64 random(13);
  std::uniform_real_distribution<double> unit(-1.0, 1.0);
  std::uniform_int_distribution<int> exponent(-300, 300);
  for (int i = 0; i < 200000; ++i) {
    const int digits = 1 + i % 15;
    double v = unit(random) * std::pow(10.0, exponent(random) / (i % 3 == 0 ? 1 : 20));
    if (i % 5 == 1) v = std::round(v * 1000) / 8;               // eighths
    if (i % 5 == 2) v = (i % 100000 - 50000) / 2.0 / 1000.0;    // halves at the last digit
    if (i % 5 == 3) v = 9999.5 + (i % 7) * 0.05 - 0.15;         // where the exponent moves
    if (v == 0.0) continue;
    const std::string want = printf_significant(v, digits), got = cl::FormatNumberSignificant(v, digits);
    if (got != want) BOOST_TEST(got == want, std::setprecision(17) << v << " to " << digits << " digits");
  }
}
