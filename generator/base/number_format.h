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

}  // namespace cl
