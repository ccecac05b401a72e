// Markdown prose: rendered by cmark, with raw HTML dropped, dangerous links
// emptied, fetched images turned into links and headings moved under the
// section's h2. Whole outputs compared.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "site/markdown.h"

namespace bdata = boost::unit_test::data;

namespace {

struct MarkdownCase {
  const char* name;
  const char* markdown;
  int heading_offset;
  const char* want;
};
std::ostream& operator<<(std::ostream& os, const MarkdownCase& c) { return os << c.name; }

}  // namespace

BOOST_DATA_TEST_CASE(
    MarkdownIsSafeHtml,
    bdata::make(std::vector<MarkdownCase>{
        {"emphasis", "A *filter* slides.", 2, "<p>A <em>filter</em> slides.</p>\n"},
        {"text is escaped", "5 < 6 & \"quoted\"", 2, "<p>5 &lt; 6 &amp; &quot;quoted&quot;</p>\n"},
        {"script block dropped", "<script>alert(1)</script>", 2, "<!-- raw HTML omitted -->\n"},
        {"inline html dropped", "a <b onclick=\"x()\">bold</b> word", 2,
         "<p>a <!-- raw HTML omitted -->bold<!-- raw HTML omitted --> word</p>\n"},
        {"javascript link emptied", "[click](javascript:alert(1))", 2, "<p><a href=\"\">click</a></p>\n"},
        {"upper-case scheme emptied", "[click](JavaScript:alert(1))", 2, "<p><a href=\"\">click</a></p>\n"},
        {"vbscript link emptied", "[click](vbscript:msgbox)", 2, "<p><a href=\"\">click</a></p>\n"},
        {"data html link emptied", "[click](data:text/html;base64,PHNjcmlwdD4=)", 2, "<p><a href=\"\">click</a></p>\n"},
        {"autolink javascript emptied", "<javascript:alert(1)>", 2, "<p><a href=\"\">javascript:alert(1)</a></p>\n"},
        {"web link kept", "[docs](https://example.org/a?b=1&c=2 \"Title\")", 2,
         "<p><a href=\"https://example.org/a?b=1&amp;c=2\" title=\"Title\">docs</a></p>\n"},
        {"remote image becomes link", "![a bar](https://example.org/bar.png)", 2,
         "<p><a href=\"https://example.org/bar.png\">a bar</a></p>\n"},
        {"relative image becomes link", "![](pictures/bar.png)", 2, "<p><a href=\"pictures/bar.png\">image</a></p>\n"},
        {"inline data image kept", "![dot](data:image/png;base64,AAAA)", 2,
         "<p><img src=\"data:image/png;base64,AAAA\" alt=\"dot\"></p>\n"},
        {"upper-case data image kept", "![dot](DATA:image/GIF;base64,AAAA)", 2,
         "<p><img src=\"DATA:image/GIF;base64,AAAA\" alt=\"dot\"></p>\n"},
        // cmark empties data: images other than png, gif, jpeg and webp; an
        // <img src=""> would show as a broken picture, an emptied link does not.
        {"svg data image becomes emptied link", "![d](data:image/svg+xml;base64,PHN2Zz4=)", 2,
         "<p><a href=\"\">d</a></p>\n"},
        // HTML void elements, as the pages write them (no XHTML slash).
        {"thematic break", "a\n\n---\n\nb", 2, "<p>a</p>\n<hr>\n<p>b</p>\n"},
        {"hard line break", "a  \nb", 2, "<p>a<br>\nb</p>\n"},
        {"slash in text stays", "x /> y", 2, "<p>x /&gt; y</p>\n"},
        {"heading moved under h2", "# Why\n\n## How", 2, "<h3>Why</h3>\n<h4>How</h4>\n"},
        {"deep heading clamped", "##### Five\n\n###### Six", 2, "<h6>Five</h6>\n<h6>Six</h6>\n"},
        {"no offset", "# One", 0, "<h1>One</h1>\n"},
        {"empty", "", 2, ""},
    }),
    c) {
  BOOST_TEST(cl::MarkdownToHtml(c.markdown, c.heading_offset) == c.want);
}

BOOST_AUTO_TEST_CASE(MarkdownSurvivesBinaryGarbage) {
  std::string garbage;
  for (int i = 0; i < 256; ++i) garbage += static_cast<char>(i);
  std::string html = cl::MarkdownToHtml(garbage, 2);
  BOOST_TEST(html.find("<script") == std::string::npos);
  BOOST_TEST(!html.empty());
}
