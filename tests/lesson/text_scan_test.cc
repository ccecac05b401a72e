// Which code points a lesson may hold, and how the file scan reports the
// first one it may not.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <string>

#include "lesson/text_scan.h"

namespace bdata = boost::unit_test::data;
using namespace cl;

namespace {

struct CodePointCase {
  uint32_t code_point;
  bool forbidden;
};

std::ostream& operator<<(std::ostream& os, const CodePointCase& c) { return os << std::hex << c.code_point; }

struct ScanCase {
  std::string text;
  std::size_t offset;
  std::string message;
};

std::ostream& operator<<(std::ostream& os, const ScanCase& c) { return os << c.message; }

}  // namespace

BOOST_DATA_TEST_CASE(ForbiddenCodePoints,
                     bdata::make(std::vector<CodePointCase>{{0x00, true},    {0x09, false},   {0x0A, false},
                                                            {0x0D, false},   {0x1F, true},    {0x20, false},
                                                            {0x7E, false},   {0x7F, true},    {0x85, true},
                                                            {0x9F, true},    {0xA0, false},   {0xFDCF, false},
                                                            {0xFDD0, true},  {0xFDEF, true},  {0xFDF0, false},
                                                            {0xFFFD, false}, {0xFFFE, true},  {0xFFFF, true},
                                                            {0x1F600, false}, {0x1FFFF, true}, {0x10FFFF, true}}),
                     c) {
  BOOST_TEST(IsForbiddenCodePoint(c.code_point) == c.forbidden);
}

BOOST_DATA_TEST_CASE(EncodingProblems,
                     bdata::make(std::vector<ScanCase>{
                         {"a\x07", 1, "control character U+0007 is not allowed in a lesson; is this a text file?"},
                         {"\xC2\x85", 0, "control character U+0085 is not allowed in a lesson; is this a text file?"},
                         {"ok \xEF\xBF\xBF", 3, "noncharacter U+FFFF is not allowed in a lesson"},
                         {"\xEF\xB7\x90", 0, "noncharacter U+FDD0 is not allowed in a lesson"},
                         {"\xFF", 0, "the file is not valid UTF-8 (byte 0xff)"}}),
                     c) {
  const auto problem = FindEncodingProblem(c.text);
  BOOST_TEST_REQUIRE(problem.has_value());
  BOOST_TEST(problem->offset == c.offset);
  BOOST_TEST(problem->message == c.message);
}

BOOST_AUTO_TEST_CASE(CleanTextHasNoProblem) {
  BOOST_TEST(!FindEncodingProblem("tab\there, \xE2\x80\xAE RTL, \xF0\x9F\x98\x80 emoji\r\n").has_value());
  BOOST_TEST(!FindForbiddenCodePoint("\xEF\xBF\xBD replacement").has_value());
}

BOOST_AUTO_TEST_CASE(ForbiddenCodePointInParsedText) {
  const auto problem = FindForbiddenCodePoint(std::string("Null\0byte", 9));
  BOOST_TEST_REQUIRE(problem.has_value());
  BOOST_TEST(problem->offset == 4u);
  BOOST_TEST(problem->message == "control character U+0000 is not allowed in a lesson");
}

BOOST_AUTO_TEST_CASE(SanitizeReplacesWholeSequences) {
  BOOST_TEST(SanitizeForDisplay("a\xEF\xBF\xBF" "b\xFF" "c\x07") == "a?b?c?");
}

struct BidiCase {
  std::string text, closed;
};
std::ostream& operator<<(std::ostream& os, const BidiCase& c) { return os << c.text; }

// U+202E right-to-left override, U+202C pop, U+2067 right-to-left isolate, U+2069 pop isolate.
BOOST_DATA_TEST_CASE(OpenBidiControlsAreClosedAtTheEnd,
                     bdata::make(std::vector<BidiCase>{
                         {"plain", "plain"},
                         {"\u202Eevil", "\u202Eevil\u202C"},
                         {"\u202Eone\u202C", "\u202Eone\u202C"},
                         {"\u202A\u202Etwo", "\u202A\u202Etwo\u202C\u202C"},
                         {"\u2067iso", "\u2067iso\u2069"},
                         {"\u2067\u202Ein\u2069", "\u2067\u202Ein\u2069"},   // the isolate's pop closes both
                         {"\u202E\u2067x", "\u202E\u2067x\u2069\u202C"},     // innermost first
                         {"\u202Cstray\u2069", "\u202Cstray\u2069"},         // closers without openers stay
                         {"\u2067\u202C", "\u2067\u202C\u2069"}}),           // a pop cannot cross an isolate
                     c) {
  BOOST_TEST(CloseBidiControls(c.text) == c.closed);
}

// LineIndex answers exactly as LineColumnAt at every offset, across line
// breaks, multi-byte characters and the 4 KiB checkpoints of a long line.
BOOST_AUTO_TEST_CASE(LineIndexAgreesWithLineColumnAtEverywhere) {
  std::string text = "title: Café\n\nx: [1, 2]\r\n";
  for (int i = 0; i < 3000; ++i) text += "é, ";  // one line of 12000 bytes, 2-byte characters across checkpoints
  text += "\nend";
  const cl::LineIndex lines(text);
  for (std::size_t offset = 0; offset <= text.size() + 1; ++offset) {
    const cl::LineColumn want = cl::LineColumnAt(text, offset), got = lines.At(offset);
    BOOST_TEST_REQUIRE((got.line == want.line && got.column == want.column),
                       "offset " << offset << ": " << got.line << ":" << got.column << " vs " << want.line << ":"
                                 << want.column);
  }
  BOOST_TEST(cl::LineIndex("").At(0).line == 1);
}
