#include "base/number_format.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include "base/thread_owned.h"
#include "base/value_memo.h"

namespace cl {
namespace {

constexpr double kMaxExactInteger = 9007199254740992.0;  // 2^53: long long holds it exactly

std::string ReplaceMinus(std::string s) {
  if (!s.empty() && s[0] == '-') s.replace(0, 1, "\u2212");
  return s;
}

}  // namespace

std::string FormatNumber(double value) {
  if (value == 0.0 || std::isnan(value)) return "0";  // -0 and NaN never reach JSON as such
  if (std::isfinite(value) && std::nearbyint(value) == value && std::fabs(value) <= kMaxExactInteger) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(value));
    return std::string(buf, end);
  }
  char buf[64];
  if (std::isfinite(value) && std::nearbyint(value) == value && std::fabs(value) < 1e21) {
    // Integral but beyond 2^53: every such double is an exact integer; print all its digits.
    (void)std::snprintf(buf, sizeof buf, "%.0f", value);
    return buf;
  }
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);  // shortest round-trip
  return std::string(buf, end);
}

namespace {

// `value` in scientific notation with the most decimals that fit in
// `max_chars`, trailing zeros dropped ("1.2e-04"); *fits false when not even
// none fit (that form is returned then).
std::string ScientificWithin(double value, int max_chars, bool* fits) {
  std::string s;
  for (int digits = std::max(max_chars, 0); digits >= 0; --digits) {
    char buf[64];
    (void)std::snprintf(buf, sizeof buf, "%.*e", digits, value);
    s = buf;
    const std::size_t e = s.find('e');
    std::string mantissa = s.substr(0, e);
    if (mantissa.find('.') != std::string::npos) {
      while (mantissa.back() == '0') mantissa.pop_back();
      if (mantissa.back() == '.') mantissa.pop_back();
    }
    s = mantissa + s.substr(e);
    *fits = static_cast<int>(s.size()) <= max_chars;
    if (*fits) break;
  }
  return s;
}

}  // namespace

std::string FormatNumberText(double value) { return ReplaceMinus(FormatNumber(value)); }

std::string FormatNumberCompact(double value, int max_chars) {
  std::string full = FormatNumber(value);
  if (static_cast<int>(full.size()) <= max_chars) return ReplaceMinus(full);
  std::string shortest = full;
  for (int decimals = 3; decimals >= 0; --decimals) {
    char buf[64];
    (void)std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    std::string s = buf;
    if (s.find('.') != std::string::npos) {
      while (s.back() == '0') s.pop_back();
      if (s.back() == '.') s.pop_back();
    }
    if (s == "-0" || s == "0") break;  // rounded away: a caption once read "(0)·1 = −0.00012"
    if (s.size() < shortest.size()) shortest = s;
    if (static_cast<int>(s.size()) <= max_chars) return ReplaceMinus(s);
  }
  if (std::isfinite(value) && std::fabs(value) < 1) {
    // Under 0.001 in size: its leading digits, "1.2e-04" (as FormatNumber
    // writes such numbers), as many as fit, or its first.
    bool fits = false;
    return ReplaceMinus(ScientificWithin(value, max_chars, &fits));
  }
  return ReplaceMinus(shortest);  // the integer part alone when even that is too wide
}

std::string FormatNumberWithin(double value, int max_chars) {
  std::string compact = FormatNumberCompact(value, max_chars);
  // Compact output is ASCII but for a leading minus, which counts as one character.
  const auto chars = [](const std::string& s) {
    return static_cast<int>(s.size()) - (s.starts_with("\u2212") ? 2 : 0);
  };
  if (chars(compact) <= max_chars || !std::isfinite(value)) return compact;
  bool fits = false;
  const std::string scientific = ScientificWithin(value, max_chars, &fits);
  return fits ? ReplaceMinus(scientific) : compact;  // no form fits: the digits compact keeps
}

std::string FormatNumberSignificant(double value, int digits) {
  if (value == 0.0 || !std::isfinite(value)) return FormatNumberText(value);
  digits = std::clamp(digits, 1, 15);
  // to_chars with a precision rounds as printf's %.*e and %.*f do (the
  // standard defines it so), without printf's locale and stream machinery:
  // frames lay out a photograph's numbers by the thousand.
  char sci[64];  // "-d.dddddddddddddde-308": always fits
  char* sci_end = std::to_chars(sci, sci + sizeof sci, value, std::chars_format::scientific, digits - 1).ptr;
  // %e rounds once, to the digits kept; its exponent is that of the rounded
  // value (9999.6 -> 1.000e+04), which decides the notation.
  char* e_at = std::find(sci, sci_end, 'e');
  int exponent = 0;
  std::from_chars(e_at + (e_at[1] == '+' ? 2 : 1), sci_end, exponent);
  std::string out;
  if (exponent >= -3 && exponent < digits) {
    double rounded = 0;  // the value %e wrote, read back whole
    std::from_chars(sci, sci_end, rounded);
    char buf[64];  // at most 15 digits, a sign and a point, or 0.000 and 15 digits
    char* end = std::to_chars(buf, buf + sizeof buf, rounded, std::chars_format::fixed,
                                    std::max(digits - 1 - exponent, 0)).ptr;
    if (std::find(buf, end, '.') != end) {
      while (end[-1] == '0') --end;
      if (end[-1] == '.') --end;
    }
    out.assign(buf, end);
  } else {
    char* mantissa_end = e_at;
    if (std::find(sci, e_at, '.') != e_at) {
      while (mantissa_end[-1] == '0') --mantissa_end;
      if (mantissa_end[-1] == '.') --mantissa_end;
    }
    out.assign(sci, mantissa_end);
    out += "e" + std::string(exponent < 0 ? "\u2212" : "") + std::to_string(std::abs(exponent));
  }
  return ReplaceMinus(out);
}

// Each beat's layouts write every cell's number again (a frame, its tall
// twin, the animation, the slides), mostly values written a moment before.
std::string FormatNumberCell(double value) {
  // 4096 slots (about 200 KB a thread): a photograph's frame holds some
  // 900 numbers, each laid out again for every output that draws the beat,
  // and 256 slots kept few of them.
  return ThreadOwned<ValueMemo<std::string, 1, 12>>().Get(
      value, [](double v) { return FormatNumberSignificant(v, kCellSignificantDigits); });
}

namespace {

// FormatNumberRounded for the usual call (an SVG coordinate: a few decimals,
// a modest value), without to_chars' exact decimal expansion: the value in
// units of its last decimal, below 2^40, is off the exact product by at most
// 1.2e-4 (half its last bit), so where it lies farther than 1e-3 from a
// half the nearest whole number is the one printf's rounding of the exact
// value gives. Nothing at or near a half: the caller takes the exact way.
// Writes the text into `buf` (24 bytes at least) and returns its length, or 0
// when the value takes the exact way.
std::size_t RoundedViaWholeNumber(double value, int decimals, char* buf) {
  static constexpr double kPowers[] = {1, 10, 100, 1000, 1e4, 1e5, 1e6};
  if (decimals < 0 || decimals > 6) return 0;
  const double scaled = value * kPowers[decimals];
  if (!(std::fabs(scaled) < 1099511627776.0)) return 0;  // 2^40; also NaN
  const double fraction = std::fabs(scaled - std::trunc(scaled));
  if (std::fabs(fraction - 0.5) <= 1e-3) return 0;
  const long long whole = std::llround(scaled);
  if (whole == 0) {
    buf[0] = '0';
    return 1;
  }
  unsigned long long units = static_cast<unsigned long long>(whole < 0 ? -whole : whole);
  char digits[24];
  char* end = digits + sizeof digits;
  char* at = end;
  int written = 0;
  bool trimming = true;  // trailing zeros of the decimals are left out
  for (; written < decimals; ++written, units /= 10) {
    const char digit = static_cast<char>('0' + units % 10);
    if (trimming && digit == '0') continue;
    trimming = false;
    *--at = digit;
  }
  if (at != end) *--at = '.';
  do {
    *--at = static_cast<char>('0' + units % 10);
    units /= 10;
  } while (units > 0);
  if (whole < 0) *--at = '-';
  std::copy(at, end, buf);
  return static_cast<std::size_t>(end - at);
}

}  // namespace

RoundedNumber::RoundedNumber(double value, int decimals) {
  size_ = RoundedViaWholeNumber(value, decimals, text_);
  if (size_ > 0) return;
  if (!(std::fabs(value) < 1e15)) {  // also NaN and infinities
    const std::string full = FormatNumber(value);  // at most 24 characters
    size_ = std::min(full.size(), sizeof text_);
    std::copy_n(full.data(), size_, text_);
    return;
  }
  // to_chars with a precision rounds exactly as printf's %.*f does (the
  // standard defines it so), without printf's locale and stream machinery:
  // SVG coordinates are written by the million.
  char buf[64];  // sign, 15 integer digits, point, 17 decimals: always fits
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, std::clamp(decimals, 0, 17));
  if (std::find(buf, end, '.') != end) {
    while (end[-1] == '0') --end;
    if (end[-1] == '.') --end;
  }
  if (end - buf == 2 && buf[0] == '-' && buf[1] == '0') --end, buf[0] = '0';
  size_ = std::min(static_cast<std::size_t>(end - buf), sizeof text_);  // fits: 34 characters at most
  std::copy_n(buf, size_, text_);
}

std::string FormatNumberRounded(double value, int decimals) { return std::string(RoundedNumber(value, decimals).view()); }

}  // namespace cl
