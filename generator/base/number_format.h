// Number formatting, in one place so that captions, SVG, HTML, PDF and JSON
// always agree on how a value reads.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace cl {

// The contract's JSON form: an exact integer where the value is integral
// (within 2^53), otherwise the shortest decimal that reads back to the same
// double; -0 is written "0". ASCII only ("-18", "0.5", "1e+300" never for ints).
std::string FormatNumber(double value);

// The same digits for people: a real minus sign (U+2212) instead of '-'.
std::string FormatNumberText(double value);

// A compact form for small cells: at most `max_chars` characters where the
// value allows (rounds decimals, e.g. 0.1111111 -> "0.11"); falls back to
// FormatNumberText when it cannot shorten. Uses U+2212 for the minus sign.
std::string FormatNumberCompact(double value, int max_chars);

// FormatNumberCompact, and when that is still longer than `max_chars` (a
// large whole number), the value rounded to scientific notation that fits:
// (1e20, 8) -> "1e+20", (-2.6666e18, 8) -> "−2.7e+18". For the ends of a
// scale, where how large a number is matters more than its last digits and
// the room is fixed. Uses U+2212 for the minus sign.
std::string FormatNumberWithin(double value, int max_chars);

// `value` rounded to at most `digits` (1..15) significant digits, for people
// (U+2212 minus, also in an exponent): plain decimals while the rounded value
// lies in [0.001, 10^digits), trailing zeros trimmed; scientific notation
// with a trimmed mantissa and a bare exponent outside it. With 4 digits:
// -127.5 -> "−127.5", 1020 -> "1020", 0.125 -> "0.125", 3.14159 -> "3.142",
// 1500000 -> "1.5e6", 12345 -> "1.234e4", 0.00002 -> "2e−5". Exact values
// with no more digits than that are written as FormatNumberText writes them.
// Non-finite values as FormatNumberText.
std::string FormatNumberSignificant(double value, int digits);

// The text of a value in a frame's cell: FormatNumberSignificant with 4
// digits (docs/frames.md), so that every cell of a small lesson holds its number.
inline constexpr int kCellSignificantDigits = 4;
std::string FormatNumberCell(double value);

// At most `decimals` (0..17) digits after the point, rounded, trailing zeros
// and a trailing point trimmed, -0 written "0"; ASCII. For coordinates, where
// differences below what a renderer shows are noise: (12.25, 3) -> "12.25",
// (10.0 / 3, 3) -> "3.333". Values FormatNumber cannot shorten this way
// (non-finite, or 1e15 and beyond) are written as FormatNumber writes them.
std::string FormatNumberRounded(double value, int decimals);

// FormatNumberRounded's text held in place, for writers that put numbers by
// the million (SVG coordinates): no string made, nothing allocated.
class RoundedNumber {
 public:
  RoundedNumber(double value, int decimals);
  std::string_view view() const { return {text_, size_}; }
  operator std::string_view() const { return view(); }  // NOLINT(google-explicit-constructor): a piece of text
  // The whole buffer, the text then zeros: writers copy all kBufferSize
  // bytes at once (a copy of a size known at compile time) and keep size().
  static constexpr std::size_t kBufferSize = 40;
  const char* buffer() const { return text_; }

 private:
  char text_[kBufferSize] = {};  // a sign, 15 digits, the point and 17 decimals at most
  std::size_t size_ = 0;
};

}  // namespace cl
