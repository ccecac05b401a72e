#include "base/printf_numbers.h"

#include <langinfo.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
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

__extension__ using Whole128 = unsigned __int128;  // (__extension__: ISO C++ has no 128-bit type)

// The most decimals ExactDigits takes: 5^18 fits 64 bits.
constexpr int kMostExactPrecision = 18;

// |value| times 10^precision, rounded to nearest, ties to even, exactly:
// |value| is m·2^e with m a 53-bit whole number, so times 10^precision it
// is m·5^precision (below 2^95) shifted by e + precision bits, and the bits
// shifted out round it. False past 2^127.
bool ExactDigits(double value, int precision, Whole128* digits) {
  static constexpr uint64_t kPowersOfFive[] = {
      1,          5,           25,           125,           625,            3125,           15625,
      78125,      390625,      1953125,      9765625,       48828125,       244140625,      1220703125,
      6103515625, 30517578125, 152587890625, 762939453125, 3814697265625};
  uint64_t bits = 0;
  std::memcpy(&bits, &value, sizeof bits);
  const int biased = static_cast<int>((bits >> 52) & 0x7FF);
  const uint64_t fraction = bits & ((uint64_t{1} << 52) - 1);
  const uint64_t whole = biased == 0 ? fraction : fraction | uint64_t{1} << 52;
  const int shift = (biased == 0 ? -1074 : biased - 1075) + precision;
  const Whole128 product = Whole128{whole} * kPowersOfFive[precision];
  if (shift >= 0) {
    if (shift > 32) return false;
    *digits = product << shift;
  } else if (shift > -128) {
    const int out = -shift;
    *digits = product >> out;
    const Whole128 rest = product & ((Whole128{1} << out) - 1), half = Whole128{1} << (out - 1);
    if (rest > half || (rest == half && (*digits & 1) != 0)) ++*digits;
  } else {
    *digits = 0;  // below 2^-33
  }
  return true;
}

// The decimal digits of `v`, at least `at_least` of them (zeros in front),
// written backwards to end before `end`; returns where they start.
char* PutDigitsBackwards(uint64_t v, int at_least, char* end) {
  static constexpr char kPairs[] =
      "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
      "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
      "8081828384858687888990919293949596979899";
  char* at = end;
  while (v >= 100) {
    const auto pair = static_cast<std::size_t>(v % 100) * 2;
    v /= 100;
    *--at = kPairs[pair + 1];
    *--at = kPairs[pair];
  }
  if (v >= 10) {
    *--at = kPairs[v * 2 + 1];
    *--at = kPairs[v * 2];
  } else {
    *--at = static_cast<char>('0' + v);
  }
  while (end - at < at_least) *--at = '0';
  return at;
}

// `value` (finite) with `precision` decimals, as to_chars writes it, into
// `text`; its length, or 0 past ExactDigits' reach (more than 18
// decimals, values past about 2^66). Most of Cairo's numbers are
// coordinates with 6 decimals, for which to_chars' general expansion costs
// about 600 instructions a number (1.3 % of the default lesson).
std::size_t FixedByWholeNumbers(double value, int precision, char* text) {
  if (precision > kMostExactPrecision) return 0;
  Whole128 exact = 0;
  if (!ExactDigits(std::fabs(value), precision, &exact)) return 0;
  // The digits, at least precision + 1 of them; past 2^64, the 19 lowest
  // first (a 128-bit division is a library call).
  char digits[48];
  char* const end = digits + sizeof digits;
  char* first = end;
  constexpr uint64_t kNineteenDigits = 10000000000000000000ULL;
  if ((exact >> 64) != 0) {
    first = PutDigitsBackwards(static_cast<uint64_t>(exact % kNineteenDigits), 19, end);
    exact /= kNineteenDigits;
  }
  first = PutDigitsBackwards(static_cast<uint64_t>(exact), precision + 1 - static_cast<int>(end - first), first);
  const auto count = static_cast<std::size_t>(end - first);
  char* at = text;
  if (std::signbit(value)) *at++ = '-';
  const std::size_t whole_digits = count - static_cast<std::size_t>(precision);
  std::memcpy(at, first, whole_digits);
  at += whole_digits;
  if (precision > 0) {
    *at++ = '.';
    std::memcpy(at, first + whole_digits, static_cast<std::size_t>(precision));
    at += precision;
  }
  return static_cast<std::size_t>(at - text);
}

int Fixed(double value, int precision, char* out, std::size_t room) {
  if (!std::isfinite(value) || precision < 0 || precision > kMostPrecision) return -1;
  char text[kMostText];
  if (const std::size_t length = FixedByWholeNumbers(value, precision, text); length > 0) return Deliver(text, length, out, room);
  const std::to_chars_result made = std::to_chars(text, text + sizeof text, value, std::chars_format::fixed, precision);
  if (made.ec != std::errc()) return -1;
  return Deliver(text, static_cast<std::size_t>(made.ptr - text), out, room);
}

// `value` in `base`, zeros in front up to `width` characters in all (after
// a minus sign, as printf's 0 flag puts them).
template <typename Integer>
int Whole(Integer value, char* out, std::size_t room, int base = 10, int width = 0) {
  constexpr int kMostWidth = 64;
  if (width < 0 || width > kMostWidth) return -1;
  char digits[24];
  const std::to_chars_result made = std::to_chars(digits, digits + sizeof digits, value, base);
  const char* first = digits;
  char text[kMostWidth + sizeof digits];
  char* at = text;
  if (*first == '-') *at++ = *first++;
  const auto count = static_cast<int>(made.ptr - first);
  for (int pad = width - count - static_cast<int>(at - text); pad > 0; --pad) *at++ = '0';
  at = std::copy(first, static_cast<const char*>(made.ptr), at);
  return Deliver(text, static_cast<std::size_t>(at - text), out, room);
}

// Zero-padded whole numbers as Cairo's PDF writer prints them (glyph
// numbers in hexadecimal, octal escapes in strings, the cross-reference
// table's offsets): "%0Nx", "%0No", "%0*x" (unsigned), "%0Nld"; -1 for
// any other format.
int PaddedWhole(const char* format, va_list args, char* out, std::size_t room) {
  if (format[1] != '0') return -1;
  const char* at = format + 2;
  int width = 0;
  if (*at == '*') {
    width = va_arg(args, int);
    ++at;
  } else {
    for (; *at >= '0' && *at <= '9' && width < 100; ++at) width = width * 10 + (*at - '0');
  }
  if (std::strcmp(at, "x") == 0) return Whole(va_arg(args, unsigned), out, room, 16, width);
  if (std::strcmp(at, "o") == 0 && format[2] != '*') return Whole(va_arg(args, unsigned), out, room, 8, width);
  if (std::strcmp(at, "ld") == 0 && format[2] != '*') return Whole(va_arg(args, long), out, room, 10, width);
  return -1;
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
  } else if (format[1] == '0') {
    length = PaddedWhole(format, copy, out, room);
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
