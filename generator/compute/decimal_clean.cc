#include "compute/decimal_clean.h"

#include <array>

namespace cl {
namespace {

// 10^0 .. 10^22: every one exact in a double.
constexpr std::array<double, 23> kPowersOfTen = [] {
  std::array<double, 23> p{};
  double v = 1.0;
  for (double& x : p) x = v, v *= 10.0;
  return p;
}();

}  // namespace

double CleanDecimal(double value, double magnitude, int operations) {
  if (value == 0.0) return 0.0;  // -0 too
  if (!std::isfinite(value) || !std::isfinite(magnitude)) return value;
  // Each rounding errs by at most half an ulp of the magnitudes it touches:
  // twice that, over every operation and the inputs' own two roundings.
  const double error = (operations + 2) * 0x1p-52 * magnitude;
  if (value == std::nearbyint(value)) return value;  // whole numbers are exact
  if (std::abs(value) <= error) return 0.0;
  // The finest place 10^-places at least 1000 times the error (so a value
  // that is no short decimal lies within the error of one once in 500 at
  // most), compared against exact powers of ten so every machine picks the
  // same place.
  const double step = 1000.0 * error;
  if (step > 1.0) return value;  // not even whole numbers are sure
  int places = 0;
  while (places < 22 && step * kPowersOfTen[static_cast<std::size_t>(places) + 1] <= 1.0) ++places;
  if (places == 22 && step * kPowersOfTen[22] * 10.0 <= 1.0) return value;  // finer than 10^-22: left as it is
  const double scale = kPowersOfTen[static_cast<std::size_t>(places)];
  const double scaled = value * scale;
  if (!(std::abs(scaled) < 0x1p52)) return value;
  // An exact whole number over an exact power of ten: the division rounds
  // once, to the double nearest the decimal.
  const double cleaned = std::nearbyint(scaled) / scale;
  // Only noise goes: the decimal must lie within the error of the value.
  // Where it does not, the exact result has more places than that (a third,
  // a weight of 1/9, 2^-16 = 0.0000152587890625) and the value stays.
  if (std::abs(cleaned - value) > error) return value;
  return cleaned == 0.0 ? 0.0 : cleaned;
}

double DecimalSum::CleanQuotient(int divisor) const {
  return CleanDecimal(sum_ / divisor, magnitude_ / divisor, operations_ + 1);
}

}  // namespace cl
