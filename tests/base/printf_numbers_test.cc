// PrintfNumber writes exactly what glibc's snprintf writes for the formats
// it takes (the binary's __snprintf_chk trusts it with Cairo's PDF
// numbers), truncates as snprintf does, and declines everything else.
#include "base/printf_numbers.h"

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

namespace {

// PrintfNumber's result and text for `format` and its arguments.
struct Printed {
  int length;
  std::string text;
};
// (Rooms up to kMostRoom; the buffer is filled first, so a byte written
// past what snprintf writes would show.)
constexpr std::size_t kMostRoom = 512;
using VPrint = int (*)(char*, std::size_t, const char*, va_list);
Printed Call(VPrint print, std::size_t room, const char* format, ...) {
  char out[kMostRoom + 1];
  std::memset(out, '#', sizeof out);
  out[kMostRoom] = '\0';
  va_list args;
  va_start(args, format);
  const int length = print(out, std::min(room, kMostRoom), format, args);
  va_end(args);
  return {length, length < 0 ? std::string() : std::string(out)};
}
template <typename... Args>
Printed Ours(std::size_t room, const char* format, Args... args) {
  return Call(cl::PrintfNumber, room, format, args...);
}
template <typename... Args>
Printed Glibc(std::size_t room, const char* format, Args... args) {
  return Call(std::vsnprintf, room, format, args...);
}

// Doubles of every kind Cairo prints: coordinates, glyph advances, tiny
// and huge values, exact ties at each precision, negative zero.
std::vector<double> Samples() {
  std::vector<double> values = {0.0,       -0.0,        1.0,      -1.0,      0.5,       1.5,      2.5,
                                0.125,     0.375,       0.0000005, 0.0000015, 0.0000025, 1e-7,     123456.0000005,
                                0.1,       0.2,         0.3,      1.0 / 3,   2.0 / 3,   1e-300,   4.9e-324,
                                1e300,     -1e300,      1.7976931348623157e308, 9007199254740993.0, 595.2756,
                                841.8898,  0.999999949, 0.9999995, -0.0000004, 72.0 / 25.4};
  std::mt19937_64 random(20261204);
  for (int i = 0; i < 20000; ++i) {
    const int exponent = static_cast<int>(random() % 40) - 20;
    const double mantissa = static_cast<double>(random() % 2000001) / 1000000.0 - 1.0;
    values.push_back(mantissa * std::pow(10.0, exponent));
    values.push_back(static_cast<double>(random() % 200000) / 8.0 - 12500);  // exact binary fractions: ties
    uint64_t bits = random();
    double any;
    std::memcpy(&any, &bits, sizeof any);
    if (std::isfinite(any)) values.push_back(any);
  }
  return values;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(PrintfNumbersSuite)

BOOST_AUTO_TEST_CASE(FixedFormatsMatchGlibc) {
  int differences = 0;
  for (const double v : Samples()) {
    const Printed pairs[][2] = {{Ours(512, "%f", v), Glibc(512, "%f", v)},
                                {Ours(512, "%.18f", v), Glibc(512, "%.18f", v)},
                                {Ours(512, "%.*f", 3, v), Glibc(512, "%.*f", 3, v)},
                                {Ours(512, "%.*f", 0, v), Glibc(512, "%.*f", 0, v)},
                                {Ours(512, "%.*f", 9, v), Glibc(512, "%.*f", 9, v)}};
    for (const auto& [ours, glibc] : pairs) {
      if (ours.length == glibc.length && ours.text == glibc.text) continue;
      if (++differences <= 5) BOOST_TEST(ours.text == glibc.text, "for " << v);
    }
  }
  BOOST_TEST(differences == 0);
}

// At and around ties at every precision (the scaled way declines where its
// product is too near one half; to_chars decides there): exact binary ties
// (k/2^n), the doubles nearest to decimal ties and their neighbours, and
// products near the largest it takes.
BOOST_AUTO_TEST_CASE(NearTiesMatchGlibcAtEveryPrecision) {
  std::mt19937_64 random(20261205);
  std::vector<double> values;
  for (int i = 0; i < 4000; ++i) {
    const int precision = static_cast<int>(random() % 19);
    const double tie = (static_cast<double>(random() % 10000000) + 0.5) / std::pow(10.0, precision);
    double v = tie;
    for (int step = 0; step < 3; ++step) v = std::nextafter(v, 0.0);
    for (int step = 0; step < 7; ++step, v = std::nextafter(v, 1e300)) values.push_back(random() % 2 ? v : -v);
    values.push_back(static_cast<double>(random() % (uint64_t{1} << 40)) / static_cast<double>(uint64_t{1} << (random() % 48)));
    values.push_back(std::ldexp(static_cast<double>(random() % (uint64_t{1} << 53)), -static_cast<int>(random() % 60)));
  }
  int differences = 0;
  for (const double v : values) {
    for (int precision = 0; precision <= 20; ++precision) {
      const Printed ours = Ours(512, "%.*f", precision, v), glibc = Glibc(512, "%.*f", precision, v);
      if (ours.length == glibc.length && ours.text == glibc.text) continue;
      if (++differences <= 5) BOOST_TEST(ours.text == glibc.text, "for " << v << " at " << precision);
    }
  }
  BOOST_TEST(differences == 0);
}

BOOST_AUTO_TEST_CASE(WholeFormatsMatchGlibc) {
  for (const int v : {0, 1, -1, 42, -2147483647 - 1, 2147483647})
    BOOST_TEST(Ours(512, "%d", v).text == Glibc(512, "%d", v).text);
  for (const long v : {0L, -1L, 1234567890123L, std::numeric_limits<long>::min(), std::numeric_limits<long>::max()})
    BOOST_TEST(Ours(512, "%ld", v).text == Glibc(512, "%ld", v).text);
}

BOOST_AUTO_TEST_CASE(ZeroPaddedWholeFormatsMatchGlibc) {
  for (const unsigned v : {0u, 1u, 7u, 8u, 255u, 256u, 4095u, 65535u, 65536u, 123456789u, 4294967295u}) {
    for (const char* format : {"%04x", "%02x", "%03o", "%0x", "%012x", "%010o"})
      BOOST_TEST(Ours(512, format, v).text == Glibc(512, format, v).text, format << " " << v);
    for (const int width : {0, 1, 2, 4, 8, 20})
      BOOST_TEST(Ours(512, "%0*x", width, v).text == Glibc(512, "%0*x", width, v).text, width << " " << v);
  }
  for (const long v : {0L, 42L, -42L, 1234567890L, -1234567890L, 12345678901234L, std::numeric_limits<long>::min(),
                       std::numeric_limits<long>::max()})
    for (const char* format : {"%010ld", "%03ld", "%020ld", "%0ld"})
      BOOST_TEST(Ours(512, format, v).text == Glibc(512, format, v).text, format << " " << v);
  // Left-justified by a negative width, other conversions, flags and widths
  // past 64: glibc's.
  BOOST_TEST(Ours(512, "%0*x", -4, 10u).length == -1);
  BOOST_TEST(Ours(512, "%0*o", 4, 10u).length == -1);
  BOOST_TEST(Ours(512, "%04X", 10u).length == -1);
  BOOST_TEST(Ours(512, "%04d", 10).length == -1);
  BOOST_TEST(Ours(512, "%04xz", 10u).length == -1);
  BOOST_TEST(Ours(512, "%099x", 10u).length == -1);
  BOOST_TEST(Ours(4, "%04x", 0xabcdu).text == Glibc(4, "%04x", 0xabcdu).text);
}

BOOST_AUTO_TEST_CASE(ShortBuffersAreCutAsSnprintfCutsThem) {
  for (const std::size_t room : {std::size_t{0}, std::size_t{1}, std::size_t{4}, std::size_t{8}}) {
    const Printed ours = Ours(room, "%f", 3.14159), glibc = Glibc(room, "%f", 3.14159);
    BOOST_TEST(ours.length == glibc.length);
    BOOST_TEST(ours.text == glibc.text);
    BOOST_TEST(Ours(room, "%ld", 123456789L).text == Glibc(room, "%ld", 123456789L).text);
  }
}

BOOST_AUTO_TEST_CASE(OtherFormatsAndValuesAreDeclined) {
  BOOST_TEST(Ours(64, "%g", 1.5).length == -1);
  BOOST_TEST(Ours(64, "%4x", 10).length == -1);
  BOOST_TEST(Ours(64, "x=%f", 1.5).length == -1);
  BOOST_TEST(Ours(64, "%f", std::numeric_limits<double>::infinity()).length == -1);
  BOOST_TEST(Ours(64, "%f", std::nan("")).length == -1);
  BOOST_TEST(Ours(64, "%.*f", 41, 1.5).length == -1);
  BOOST_TEST(Ours(64, "%.*f", -1, 1.5).length == -1);
}

BOOST_AUTO_TEST_SUITE_END()
