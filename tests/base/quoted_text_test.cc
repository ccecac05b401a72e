// Quoted text: one line, nothing invisible, UTF-8 kept.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "base/quoted_text.h"

namespace bdata = boost::unit_test::data;

namespace {

struct QuoteCase {
  std::string text;
  const char* want;
};
std::ostream& operator<<(std::ostream& os, const QuoteCase& c) { return os << c.want; }

}  // namespace

BOOST_DATA_TEST_CASE(QuotedTextEscapesWhatWouldBreakTheLine,
                     bdata::make(std::vector<QuoteCase>{
                         {"", R"("")"},
                         {"Vertical edge", R"("Vertical edge")"},
                         {"say \"hi\"", R"("say \"hi\"")"},
                         {"a\\b", R"("a\\b")"},
                         {"one\ntwo\tthree\r", R"("one\ntwo\tthree\r")"},
                         {std::string("nul\0bell\a", 9), R"("nul\u0000bell\u0007")"},
                         {"del\x7f", R"("del\u007f")"},
                         {"\u2212" "18 \u00b7 \u00d7", "\"\u2212" "18 \u00b7 \u00d7\""},
                     }),
                     c) {
  BOOST_TEST(cl::QuotedText(c.text) == c.want);
}
