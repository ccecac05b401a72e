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

// "1.500" -> "1.5", "2.000" -> "2", "1.20" -> "1.2"; a text without a point stays.
void TrimDecimalZeros(std::string* text) {
  if (text->find('.') == std::string::npos) return;
  while (text->back() == '0') text->pop_back();
  if (text->back() == '.') text->pop_back();
}

// `value` (finite) rounded as by hand: its shortest decimal form (the
// decimal a lesson typed, or decimal_clean.h made) rounded half away from
// zero, where printf and to_chars round the double's exact binary value
// (2.675 is the double 2.67499999999999982236431605997495353221893310546875,
// so "%.2f" gives "2.67", and 1.0625 with 4 digits "1.062" but 2.3075
// "2.308"). The text is as to_chars writes it with `precision` in `format`
// (fixed or scientific): "-2.68", "1.06e+00", "-0.00".
std::string RoundedByHand(double value, std::chars_format format, int precision) {
  char shortest[64];
  if (!std::isfinite(value))
    return {shortest, std::to_chars(shortest, shortest + sizeof shortest, value, format, precision).ptr};
  char* end = std::to_chars(shortest, shortest + sizeof shortest, value, std::chars_format::scientific).ptr;
  const bool negative = shortest[0] == '-';
  // The digits d1 d2 ... dn, and e with value = d1.d2...dn x 10^e.
  std::string digits;
  const char* e_at = std::find(shortest, end, 'e');
  for (const char* c = shortest + (negative ? 1 : 0); c != e_at; ++c)
    if (*c != '.') digits += *c;
  int exponent = 0;
  std::from_chars(e_at + (e_at[1] == '+' ? 2 : 1), end, exponent);
  if (value == 0) digits = "0", exponent = 0;
  // The significant digits kept, and round half away from zero at the next.
  const int keep = format == std::chars_format::scientific ? precision + 1 : exponent + 1 + precision;
  if (keep < static_cast<int>(digits.size())) {
    const bool up = keep >= 0 && digits[static_cast<std::size_t>(keep)] >= '5';
    digits.resize(static_cast<std::size_t>(std::max(keep, 0)));
    if (up) {
      int at = keep - 1;
      for (; at >= 0 && digits[static_cast<std::size_t>(at)] == '9'; --at) digits[static_cast<std::size_t>(at)] = '0';
      if (at >= 0) {
        ++digits[static_cast<std::size_t>(at)];
      } else {  // 9.99 -> 10.0, or 0.6 at no place kept -> 1
        digits.insert(digits.begin(), '1');
        ++exponent;
      }
    }
    if (digits.empty()) digits = "0", exponent = 0;  // under half the last place kept
  }
  const auto digit = [&](int place) {  // the digit at 10^place
    const int index = exponent - place;
    return index >= 0 && index < static_cast<int>(digits.size()) ? digits[static_cast<std::size_t>(index)] : '0';
  };
  std::string out = negative ? "-" : "";
  if (format == std::chars_format::scientific) {
    out += digits[0];
    if (precision > 0) out += '.';
    for (int i = 1; i <= precision; ++i) out += i < static_cast<int>(digits.size()) ? digits[static_cast<std::size_t>(i)] : '0';
    const int magnitude = std::abs(exponent);
    out += exponent < 0 ? "e-" : "e+";
    if (magnitude < 10) out += '0';
    out += std::to_string(magnitude);
    return out;
  }
  for (int place = std::max(exponent, 0); place >= 0; --place) out += digit(place);
  if (precision > 0) out += '.';
  for (int place = -1; place >= -precision; --place) out += digit(place);
  return out;
}

// `value` in scientific notation with the most decimals that fit in
// `max_chars`, trailing zeros dropped ("1.2e-04"); *fits false when not even
// none fit (that form is returned then).
std::string ScientificWithin(double value, int max_chars, bool* fits) {
  std::string s;
  for (int digits = std::max(max_chars, 0); digits >= 0; --digits) {
    s = RoundedByHand(value, std::chars_format::scientific, digits);
    const std::size_t e = s.find('e');
    std::string mantissa = s.substr(0, e);
    TrimDecimalZeros(&mantissa);
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
    std::string s = RoundedByHand(value, std::chars_format::fixed, decimals);
    TrimDecimalZeros(&s);
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
  // Rounded once, to the digits kept; the exponent is that of the rounded
  // value (9999.6 -> 1.000e+04), which decides the notation.
  const std::string sci = RoundedByHand(value, std::chars_format::scientific, digits - 1);
  const std::size_t e_at = sci.find('e');
  int exponent = 0;
  std::from_chars(sci.data() + e_at + (sci[e_at + 1] == '+' ? 2 : 1), sci.data() + sci.size(), exponent);
  std::string out;
  if (exponent >= -3 && exponent < digits) {
    // The same place rounded as the scientific form was (a carry moved its
    // exponent, and so the place, with it).
    out = RoundedByHand(value, std::chars_format::fixed, std::max(digits - 1 - exponent, 0));
    TrimDecimalZeros(&out);
  } else {
    std::string mantissa = sci.substr(0, e_at);
    TrimDecimalZeros(&mantissa);
    out = mantissa + "e" + std::string(exponent < 0 ? "\u2212" : "") + std::to_string(std::abs(exponent));
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
