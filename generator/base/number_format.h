// Number formatting, in one place so that captions, SVG, HTML, PDF and JSON
// always agree on how a value reads.
#pragma once

#include <string>

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

// At most `decimals` (0..17) digits after the point, rounded, trailing zeros
// and a trailing point trimmed, -0 written "0"; ASCII. For coordinates, where
// differences below what a renderer shows are noise: (12.25, 3) -> "12.25",
// (10.0 / 3, 3) -> "3.333". Values FormatNumber cannot shorten this way
// (non-finite, or 1e15 and beyond) are written as FormatNumber writes them.
std::string FormatNumberRounded(double value, int decimals);

}  // namespace cl
