#include "base/printf_numbers.h"

#include <langinfo.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <system_error>

namespace cl {
namespace {

constexpr int kMostPrecision = 40;
// The longest text: a sign, 309 integer digits (DBL_MAX), the point and
// kMostPrecision decimals.
constexpr std::size_t kMostText = 1 + 309 + 1 + kMostPrecision;

// `text` (its `length` characters) as snprintf leaves it in `out`.
int Deliver(const char* text, std::size_t length, char* out, std::size_t room) {
  if (room > 0) {
    const std::size_t kept = length < room ? length : room - 1;
    std::memcpy(out, text, kept);
    out[kept] = '\0';
  }
  return static_cast<int>(length);
}

int Fixed(double value, int precision, char* out, std::size_t room) {
  if (!std::isfinite(value) || precision < 0 || precision > kMostPrecision) return -1;
  char text[kMostText];
  const std::to_chars_result made = std::to_chars(text, text + sizeof text, value, std::chars_format::fixed, precision);
  if (made.ec != std::errc()) return -1;
  return Deliver(text, static_cast<std::size_t>(made.ptr - text), out, room);
}

template <typename Integer>
int Whole(Integer value, char* out, std::size_t room) {
  char text[24];
  const std::to_chars_result made = std::to_chars(text, text + sizeof text, value);
  return Deliver(text, static_cast<std::size_t>(made.ptr - text), out, room);
}

// The current locale's decimal point is printf's (nl_langinfo: localeconv
// copies every field of the locale on each call).
bool PointIsDot() {
  const char* point = nl_langinfo(RADIXCHAR);
  return point != nullptr && point[0] == '.' && point[1] == '\0';
}

}  // namespace

int PrintfNumber(char* out, std::size_t room, const char* format, va_list args) {
  if (format == nullptr || format[0] != '%') return -1;
  // Each case reads its arguments from a copy, so `args` is untouched
  // whatever it returns.
  va_list copy;
  va_copy(copy, args);
  int length = -1;
  if (std::strcmp(format, "%d") == 0) {
    length = Whole(va_arg(copy, int), out, room);
  } else if (std::strcmp(format, "%ld") == 0) {
    length = Whole(va_arg(copy, long), out, room);
  } else if (PointIsDot()) {
    if (std::strcmp(format, "%f") == 0) {
      length = Fixed(va_arg(copy, double), 6, out, room);
    } else if (std::strcmp(format, "%.18f") == 0) {
      length = Fixed(va_arg(copy, double), 18, out, room);
    } else if (std::strcmp(format, "%.*f") == 0) {
      const int precision = va_arg(copy, int);
      length = Fixed(va_arg(copy, double), precision, out, room);
    }
  }
  va_end(copy);
  return length;
}

}  // namespace cl
