// The diverging scale stays readable for the three common colour-vision
// deficiencies: negative, zero and positive at full strength are simulated
// for protanopia, deuteranopia and tritanopia (Machado, Oliveira and
// Fernandes 2009, severity 1.0, in linear RGB) and must stay at least
// kMinimumDistance apart in CIEDE2000, in the light frames and the dark ones.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "scene/palette.h"

namespace {

using Matrix = std::array<std::array<double, 3>, 3>;
struct Lab { double l, a, b; };

// Machado et al. 2009, severity 1.0.
constexpr Matrix kProtanopia = {{{0.152286, 1.052583, -0.204868},
                                 {0.114503, 0.786281, 0.099216},
                                 {-0.003882, -0.048116, 1.051998}}};
constexpr Matrix kDeuteranopia = {{{0.367322, 0.860646, -0.227968},
                                   {0.280085, 0.672501, 0.047413},
                                   {-0.011820, 0.042940, 0.968881}}};
constexpr Matrix kTritanopia = {{{1.255528, -0.076749, -0.178779},
                                 {-0.078411, 0.930809, 0.147602},
                                 {0.004733, 0.691367, 0.303900}}};
constexpr Matrix kIdentity = {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}};

// Far enough apart to tell at a glance: a CIEDE2000 difference of about 2 is
// "just noticeable"; 30 is a clearly different colour.
constexpr double kMinimumDistance = 30.0;

double ToLinear(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }

std::array<double, 3> Simulate(cl::Color c, const Matrix& m) {
  const std::array<double, 3> rgb = {ToLinear(c.r / 255.0), ToLinear(c.g / 255.0), ToLinear(c.b / 255.0)};
  std::array<double, 3> out{};
  for (int i = 0; i < 3; ++i) {
    out[i] = std::clamp(m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2], 0.0, 1.0);
  }
  return out;
}

// Linear sRGB to CIELAB (D65).
Lab ToLab(const std::array<double, 3>& rgb) {
  const double x = 0.4124564 * rgb[0] + 0.3575761 * rgb[1] + 0.1804375 * rgb[2];
  const double y = 0.2126729 * rgb[0] + 0.7151522 * rgb[1] + 0.0721750 * rgb[2];
  const double z = 0.0193339 * rgb[0] + 0.1191920 * rgb[1] + 0.9503041 * rgb[2];
  auto f = [](double t) { return t > 216.0 / 24389.0 ? std::cbrt(t) : (24389.0 / 27.0 * t + 16.0) / 116.0; };
  const double fx = f(x / 0.95047), fy = f(y / 1.0), fz = f(z / 1.08883);
  return {116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)};
}

double Degrees(double radians) { return radians * 180.0 / M_PI; }
double Radians(double degrees) { return degrees * M_PI / 180.0; }

// CIEDE2000 (Sharma, Wu and Dalal 2005), kL = kC = kH = 1.
double DeltaE2000(Lab p, Lab q) {
  const double c1 = std::hypot(p.a, p.b), c2 = std::hypot(q.a, q.b);
  const double c_mean7 = std::pow((c1 + c2) / 2.0, 7.0);
  const double g = 0.5 * (1.0 - std::sqrt(c_mean7 / (c_mean7 + std::pow(25.0, 7.0))));
  const double a1 = (1.0 + g) * p.a, a2 = (1.0 + g) * q.a;
  const double cp1 = std::hypot(a1, p.b), cp2 = std::hypot(a2, q.b);
  auto hue = [](double b, double a) {
    if (a == 0 && b == 0) return 0.0;
    const double h = Degrees(std::atan2(b, a));
    return h < 0 ? h + 360.0 : h;
  };
  const double h1 = hue(p.b, a1), h2 = hue(q.b, a2);
  const double dl = q.l - p.l, dc = cp2 - cp1;
  double dh = 0;
  if (cp1 * cp2 != 0) {
    dh = h2 - h1;
    if (dh > 180) dh -= 360;
    else if (dh < -180) dh += 360;
  }
  const double dH = 2.0 * std::sqrt(cp1 * cp2) * std::sin(Radians(dh / 2.0));
  const double l_mean = (p.l + q.l) / 2.0, cp_mean = (cp1 + cp2) / 2.0;
  double h_mean = h1 + h2;
  if (cp1 * cp2 != 0) {
    if (std::fabs(h1 - h2) <= 180) h_mean = (h1 + h2) / 2.0;
    else h_mean = h1 + h2 < 360 ? (h1 + h2 + 360) / 2.0 : (h1 + h2 - 360) / 2.0;
  }
  const double t = 1 - 0.17 * std::cos(Radians(h_mean - 30)) + 0.24 * std::cos(Radians(2 * h_mean)) +
                   0.32 * std::cos(Radians(3 * h_mean + 6)) - 0.20 * std::cos(Radians(4 * h_mean - 63));
  const double d_theta = 30 * std::exp(-std::pow((h_mean - 275) / 25, 2));
  const double cp_mean7 = std::pow(cp_mean, 7.0);
  const double rc = 2 * std::sqrt(cp_mean7 / (cp_mean7 + std::pow(25.0, 7.0)));
  const double sl = 1 + 0.015 * std::pow(l_mean - 50, 2) / std::sqrt(20 + std::pow(l_mean - 50, 2));
  const double sc = 1 + 0.045 * cp_mean, sh = 1 + 0.015 * cp_mean * t;
  const double rt = -std::sin(Radians(2 * d_theta)) * rc;
  return std::sqrt(std::pow(dl / sl, 2) + std::pow(dc / sc, 2) + std::pow(dH / sh, 2) + rt * (dc / sc) * (dH / sh));
}

void CheckScale(const std::string& theme, cl::Color negative, cl::Color zero, cl::Color positive) {
  const std::pair<const char*, const Matrix*> visions[] = {
      {"typical", &kIdentity}, {"protanopia", &kProtanopia}, {"deuteranopia", &kDeuteranopia}, {"tritanopia", &kTritanopia}};
  for (const auto& [name, matrix] : visions) {
    const Lab n = ToLab(Simulate(negative, *matrix)), z = ToLab(Simulate(zero, *matrix)),
              p = ToLab(Simulate(positive, *matrix));
    BOOST_TEST_INFO(theme << ", " << name);
    BOOST_TEST(DeltaE2000(n, z) >= kMinimumDistance, "negative vs zero: " << DeltaE2000(n, z));
    BOOST_TEST(DeltaE2000(p, z) >= kMinimumDistance, "positive vs zero: " << DeltaE2000(p, z));
    BOOST_TEST(DeltaE2000(n, p) >= kMinimumDistance, "negative vs positive: " << DeltaE2000(n, p));
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ColourVision)

// Sharma et al.'s test data, pairs 1 and 17: the formula is the published one.
BOOST_AUTO_TEST_CASE(DeltaE2000MatchesPublishedPairs) {
  BOOST_TEST(std::fabs(DeltaE2000({50.0, 2.6772, -79.7751}, {50.0, 0.0, -82.7485}) - 2.0425) < 1e-4);
  BOOST_TEST(std::fabs(DeltaE2000({50.0, 2.5, 0.0}, {73.0, 25.0, -18.0}) - 27.1492) < 1e-4);
}

BOOST_AUTO_TEST_CASE(LightFramesKeepNegativeZeroAndPositiveApart) {
  CheckScale("light", cl::DivergingColor(-1, 1), cl::DivergingColor(0, 1), cl::DivergingColor(1, 1));
}

BOOST_AUTO_TEST_CASE(DarkFramesKeepNegativeZeroAndPositiveApart) {
  CheckScale("dark", cl::DarkDivergingColor(-1, 1), cl::DarkDivergingColor(0, 1), cl::DarkDivergingColor(1, 1));
}

BOOST_AUTO_TEST_SUITE_END()
