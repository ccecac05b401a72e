#define BOOST_TEST_MODULE render
// The render module: SVG writer, Cairo PNG frames and (in their own files) the
// GIF, animated SVG and PDF writers. This file holds the SVG writer's text rules.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "base/number_format.h"
#include "render/svg_writer.h"

namespace bdata = boost::unit_test::data;
using namespace cl;

struct TextCase {
  std::string in;
  std::string want;
};
std::ostream& operator<<(std::ostream& os, const TextCase& c) { return os << c.in; }

BOOST_DATA_TEST_CASE(EscapeXmlEscapesMarkupAndRepairsBadText,
                     bdata::make(std::vector<TextCase>{
                         {"Vertical edge", "Vertical edge"},
                         {"a < b & c > d", "a &lt; b &amp; c &gt; d"},
                         {"say \"hi\" it's", "say &quot;hi&quot; it&apos;s"},
                         {"</text><script>", "&lt;/text&gt;&lt;script&gt;"},
                         {"\u221218 \u00B7 \u2026", "\u221218 \u00B7 \u2026"},
                         {"tab\tnew\nline", "tab\tnew\nline"},
                         {std::string("nul\0x", 5), "nul\uFFFDx"},
                         {"bell\x07", "bell\uFFFD"},
                         {"bad \xC3(", "bad \uFFFD("},           // truncated sequence
                         {"over \xC0\xAF", "over \uFFFD\uFFFD"},  // overlong '/'
                         {"sur \xED\xA0\x80", "sur \uFFFD\uFFFD\uFFFD"},
                         {"cut \xE2\x88", "cut \uFFFD\uFFFD"},
                     }),
                     c) {
  BOOST_TEST(EscapeXml(c.in) == c.want);
}

BOOST_DATA_TEST_CASE(SvgNumbersAreShortAndStable,
                     bdata::make(std::vector<TextCase>{{"12", "12"}, {"12.5", "12.5"}, {"0.3333333", "0.333"},
                                                       {"-0.0001", "0"}, {"-2.25", "-2.25"}, {"1280", "1280"},
                                                       {"0.1", "0.1"}, {"inf", "0"}, {"-inf", "0"},
                                                       {"nan", "0"}}),
                     c) {
  BOOST_TEST(SvgNumber(std::stod(c.in)) == c.want);
}

// A coordinate's text is kept per thread by the value's bits (a grid's
// widths and columns repeat): values met again, values that share a place
// in that table, -0 beside 0 and values a bit apart all read as
// FormatNumberRounded writes them with 3 decimals.
BOOST_AUTO_TEST_CASE(SvgNumbersReadTheSameWhenAskedAgain) {
  std::vector<double> values = {0.0, -0.0, 12.5, 12.5000001, 0.0005, -0.0005, 1280.0, 1.0 / 3.0};
  uint64_t state = 99;
  for (int i = 0; i < 3000; ++i) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    values.push_back(static_cast<double>(static_cast<int64_t>(state >> 40) % 2000000) / 7.0 - 1000.0);
  }
  for (int pass = 0; pass < 3; ++pass)
    for (std::size_t i = 0; i < values.size(); ++i) {
      const double v = values[(i * 11 + static_cast<std::size_t>(pass) * 5) % values.size()];
      BOOST_TEST_REQUIRE(SvgNumber(v) == FormatNumberRounded(v, 3), v);
    }
}
