// printf's text for the few number formats Cairo's PDF writer uses by the
// ten thousand ("%f", "%.18f", "%.*f", "%d", "%ld", and zero-padded whole
// numbers: "%0Nx", "%0No", "%0*x", "%0Nld"), the digits std::to_chars
// writes, which the standard defines as printf's own in the "C" locale
// (correctly rounded, ties to even): glibc expands every double in
// multi-precision arithmetic, about 2,000 instructions a number, 4 % of the
// default lesson's build; to_chars a third of that; whole-number
// arithmetic (the 128-bit product m·5^p shifted, ties to even) a third of
// to_chars' cost, and to_chars writes the rest (over 18 decimals, values
// past about 2^66). Used by the binary's __snprintf_chk
// (generator/number_printf_shim.cc).
#pragma once

#include <cstdarg>
#include <cstddef>

namespace cl {

// The text snprintf(out, room, format, ...) would write, written the same
// way (at most room - 1 characters and a terminating NUL when room > 0),
// and its full length; or -1, with nothing written and `args` untouched,
// when `format` is not one of the formats above, a value is not finite,
// a precision is outside 0..40, a width outside 0..64, or the locale's
// decimal point is not ".".
int PrintfNumber(char* out, std::size_t room, const char* format, va_list args);

}  // namespace cl
