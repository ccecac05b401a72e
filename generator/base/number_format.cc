#include "base/number_format.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

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

std::string FormatNumberText(double value) { return ReplaceMinus(FormatNumber(value)); }

std::string FormatNumberCompact(double value, int max_chars) {
  std::string full = FormatNumber(value);
  if (static_cast<int>(full.size()) <= max_chars) return ReplaceMinus(full);
  for (int decimals = 3; decimals >= 0; --decimals) {
    char buf[64];
    (void)std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    std::string s = buf;
    if (s.find('.') != std::string::npos) {
      while (s.back() == '0') s.pop_back();
      if (s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    if (static_cast<int>(s.size()) <= max_chars) return ReplaceMinus(s);
  }
  return ReplaceMinus(full);
}

std::string FormatNumberWithin(double value, int max_chars) {
  std::string compact = FormatNumberCompact(value, max_chars);
  // Compact output is ASCII but for a leading minus, which counts as one character.
  const auto chars = [](const std::string& s) {
    return static_cast<int>(s.size()) - (s.starts_with("\u2212") ? 2 : 0);
  };
  if (chars(compact) <= max_chars || !std::isfinite(value)) return compact;
  for (int digits = std::max(max_chars, 0); digits >= 0; --digits) {
    char buf[64];
    (void)std::snprintf(buf, sizeof buf, "%.*e", digits, value);
    std::string s = buf;
    const std::size_t e = s.find('e');
    std::string mantissa = s.substr(0, e);
    if (mantissa.find('.') != std::string::npos) {
      while (mantissa.back() == '0') mantissa.pop_back();
      if (mantissa.back() == '.') mantissa.pop_back();
    }
    s = mantissa + s.substr(e);
    if (static_cast<int>(s.size()) <= max_chars) return ReplaceMinus(s);
  }
  return compact;  // no form fits; the exact digits are the honest fallback
}

std::string FormatNumberSignificant(double value, int digits) {
  if (value == 0.0 || !std::isfinite(value)) return FormatNumberText(value);
  digits = std::clamp(digits, 1, 15);
  char buf[64];
  // %e rounds once, to the digits kept; its exponent is that of the rounded
  // value (9999.6 -> 1.000e+04), which decides the notation.
  (void)std::snprintf(buf, sizeof buf, "%.*e", digits - 1, value);
  std::string sci = buf;
  const std::size_t e_at = sci.find('e');
  const int exponent = static_cast<int>(std::strtol(sci.c_str() + e_at + 1, nullptr, 10));
  std::string out;
  if (exponent >= -3 && exponent < digits) {
    const double rounded = std::strtod(sci.c_str(), nullptr);
    (void)std::snprintf(buf, sizeof buf, "%.*f", std::max(digits - 1 - exponent, 0), rounded);
    out = buf;
    if (out.find('.') != std::string::npos) {
      while (out.back() == '0') out.pop_back();
      if (out.back() == '.') out.pop_back();
    }
  } else {
    std::string mantissa = sci.substr(0, e_at);
    if (mantissa.find('.') != std::string::npos) {
      while (mantissa.back() == '0') mantissa.pop_back();
      if (mantissa.back() == '.') mantissa.pop_back();
    }
    out = mantissa + "e" + (exponent < 0 ? "\u2212" : "") + std::to_string(std::abs(exponent));
  }
  return ReplaceMinus(out);
}

std::string FormatNumberCell(double value) { return FormatNumberSignificant(value, kCellSignificantDigits); }

std::string FormatNumberRounded(double value, int decimals) {
  if (!(std::fabs(value) < 1e15)) return FormatNumber(value);  // also NaN and infinities
  // to_chars with a precision rounds exactly as printf's %.*f does (the
  // standard defines it so), without printf's locale and stream machinery:
  // SVG coordinates are written by the million.
  char buf[64];  // sign, 15 integer digits, point, 17 decimals: always fits
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, std::clamp(decimals, 0, 17));
  if (std::find(buf, end, '.') != end) {
    while (end[-1] == '0') --end;
    if (end[-1] == '.') --end;
  }
  if (end - buf == 2 && buf[0] == '-' && buf[1] == '0') return "0";
  return std::string(buf, end);
}

}  // namespace cl
