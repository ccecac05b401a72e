// Strict number options. CLI11 converts an option's text with strtod-like
// parsing, which takes "nan", "inf", "0x2", "1e999" and, for whole numbers,
// "0x10" or "0b11"; a NaN then slips through CLI::Range because it compares
// false both ways. These validators accept plain decimal notation only and
// run on the option's text before CLI11 converts it, so anything else is a
// usage error (exit 2) that names the option.
#pragma once

#include <string_view>

#include <CLI/CLI.hpp>

namespace cl {

// True for an optional sign, digits, and an optional '.' with digits after it:
// "2", "1.5", "-3", "+0.25". False for "", ".5", "1.", "1e3", "0x2", "nan",
// "inf", "2abc", " 2".
bool IsDecimalNumber(std::string_view text);

// True for an optional sign and digits only: "4", "-1". False for "0x10",
// "1e2", "1.0", "".
bool IsWholeNumber(std::string_view text);

// Validators for CLI11's check(): a decimal such as 2 or 1.5, or a whole number.
CLI::Validator DecimalNumber();
CLI::Validator WholeNumber();

}  // namespace cl
