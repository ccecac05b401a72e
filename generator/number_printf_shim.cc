// The binary's own __snprintf_chk, which the shared libraries it loads call
// in place of glibc's (an executable's definitions come first in symbol
// look-up): Cairo's PDF writer formats every coordinate and glyph position
// of every page with it, tens of thousands of numbers a lesson. The formats
// it uses go to cl::PrintfNumber (the same text, by std::to_chars); every
// other call, and any call whose buffer check fails, goes to glibc's
// __vsnprintf_chk as before. Linked into the binary only, so the tests
// compare PrintfNumber with glibc's snprintf.
#include <cstdarg>
#include <cstddef>

#include "base/printf_numbers.h"

// (Reserved names: they are glibc's, which this file stands in for.)
// (noexcept as glibc's own declarations, __THROW, have them.)
extern "C" int __vsnprintf_chk(char* s, std::size_t maxlen, int flag, std::size_t slen,  // NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp)
                               const char* format, va_list args) noexcept;

extern "C" int __snprintf_chk(char* s, std::size_t maxlen, int flag, std::size_t slen,  // NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp)
                              const char* format, ...) noexcept {
  va_list args;
  va_start(args, format);
  int length = slen >= maxlen ? cl::PrintfNumber(s, maxlen, format, args) : -1;
  if (length < 0) length = __vsnprintf_chk(s, maxlen, flag, slen, format, args);
  va_end(args);
  return length;
}
