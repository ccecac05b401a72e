// UTF-8 decoding: the lengths and code points of well-formed sequences, and
// every kind of malformed one refused (and stepped over one byte at a time).
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "base/utf8.h"

namespace bdata = boost::unit_test::data;

namespace {

struct SequenceCase {
  std::string bytes;
  std::size_t length;   // 0: not a sequence
  uint32_t code_point;  // when length > 0
};
std::ostream& operator<<(std::ostream& os, const SequenceCase& c) {
  for (unsigned char b : c.bytes) os << std::hex << static_cast<int>(b) << ' ';
  return os;
}

}  // namespace

BOOST_DATA_TEST_CASE(SequencesAreMeasuredAndDecoded,
                     bdata::make(std::vector<SequenceCase>{
                         {"A", 1, 0x41},
                         {std::string("\0", 1), 1, 0},
                         {"\x7F", 1, 0x7F},
                         {"\xC2\x80", 2, 0x80},
                         {"\xC3\xA9x", 2, 0xE9},  // only the sequence, not what follows
                         {"\xE2\x88\x92", 3, 0x2212},
                         {"\xEF\xBF\xBF", 3, 0xFFFF},
                         {"\xF0\x9F\x98\x80", 4, 0x1F600},
                         {"\xF4\x8F\xBF\xBF", 4, 0x10FFFF},
                         {"\x80", 0, 0},                  // stray continuation byte
                         {"\xC3", 0, 0},                  // cut short
                         {"\xE2\x88", 0, 0},              // cut short
                         {"\xC3(", 0, 0},                 // broken
                         {"\xC0\xAF", 0, 0},              // overlong '/'
                         {"\xE0\x80\x80", 0, 0},          // overlong NUL
                         {"\xF0\x8F\xBF\xBF", 0, 0},      // overlong U+FFFF
                         {"\xED\xA0\x80", 0, 0},          // surrogate U+D800
                         {"\xF4\x90\x80\x80", 0, 0},      // U+110000
                         {"\xF8\x88\x80\x80\x80", 0, 0},  // five-byte form
                         {"\xFF", 0, 0},
                     }),
                     c) {
  uint32_t cp = 0xDEAD;
  BOOST_TEST(cl::Utf8SequenceLength(c.bytes, 0, &cp) == c.length);
  BOOST_TEST(cp == (c.length > 0 ? c.code_point : 0xDEADu));  // untouched when refused
  std::size_t i = 0;
  bool valid = false;
  const uint32_t next = cl::NextCodePoint(c.bytes, &i, &valid);
  BOOST_TEST(valid == (c.length > 0));
  BOOST_TEST(i == (c.length > 0 ? c.length : 1u));
  BOOST_TEST(next == (c.length > 0 ? c.code_point : 0xFFFDu));
}

BOOST_AUTO_TEST_CASE(NextCodePointWalksMixedText) {
  const std::string text = "a\xE2\x88\x92\xC3(\xF0\x9F\x98\x80";
  std::vector<uint32_t> seen;
  for (std::size_t i = 0; i < text.size();) seen.push_back(cl::NextCodePoint(text, &i));
  BOOST_TEST(seen == (std::vector<uint32_t>{0x61, 0x2212, 0xFFFD, 0x28, 0x1F600}), boost::test_tools::per_element());
  BOOST_TEST(cl::Utf8SequenceLength(text, 1) == 3u);  // from the middle of a string
}
