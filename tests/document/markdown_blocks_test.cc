// The one Markdown converter for print: CommonMark prose as document blocks,
// case by case (styles as runs, lists as marked and indented paragraphs,
// quotes, shifted headings, code, links with their addresses, raw HTML
// dropped), and hostile nesting walked without recursion.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "document/document.h"
#include "document/markdown_blocks.h"

namespace cl::doc {
namespace {

// Runs in a small notation: <b>, <r>egular, <i>, <code> and <muted> around
// styled runs, plain runs as they are.
std::string RunsText(const Runs& runs) {
  std::string out;
  for (const Run& run : runs) {
    std::string open, close;
    auto wrap = [&](const std::string& tag) {
      open += "<" + tag + ">";
      close.insert(0, "</" + tag + ">");
    };
    if (run.weight == Weight::Bold) wrap("b");
    if (run.weight == Weight::Regular) wrap("r");
    if (run.italic) wrap("i");
    if (run.mono) wrap("code");
    if (run.tone == Tone::Muted) wrap("muted");
    out += open + run.text + close;
  }
  return out;
}

// One line per block, e.g. "P1 • compact: text" or "H3: Title".
std::string Dump(const std::vector<Block>& blocks) {
  std::string out;
  for (const Block& b : blocks) {
    if (const auto* h = std::get_if<Heading>(&b)) {
      out += "H" + std::to_string(h->level) + ": " + RunsText(h->text) + "\n";
    } else if (const auto* p = std::get_if<Paragraph>(&b)) {
      out += (p->style == ParagraphStyle::Quote ? "Q" : "P") + std::to_string(p->indent);
      if (!p->marker.empty()) out += " " + p->marker;
      if (p->compact) out += " compact";
      out += ": " + RunsText(p->text) + "\n";
    } else if (const auto* c = std::get_if<Code>(&b)) {
      out += "CODE" + std::to_string(c->indent) + ": " + c->text + "\n";
    } else if (std::holds_alternative<Rule>(b)) {
      out += "RULE\n";
    } else {
      out += "OTHER\n";
    }
  }
  return out;
}

struct Case {
  std::string in, want;
};

BOOST_AUTO_TEST_SUITE(markdown_blocks)

BOOST_AUTO_TEST_CASE(markdown_becomes_blocks_of_styled_runs) {
  const Case cases[] = {
      {"Hello *world* and **bold** `w * x`.", "P0: Hello <i>world</i> and <b>bold</b> <code>w * x</code>.\n"},
      {"***both*** and **bold *in* bold**", "P0: <b><i>both</i></b> and <b>bold </b><b><i>in</i></b><b> bold</b>\n"},
      {"*one\ntwo* &amp; b\nc", "P0: <i>one two</i> & b c\n"},  // runs of one style merge
      {"one\ntwo  \nthree", "P0: one two\nthree\n"},
      {"- a\n- b\n\nafter", "P1 \u2022 compact: a\nP1 \u2022: b\nP0: after\n"},
      {"3. x\n4. y\n", "P1 3. compact: x\nP1 4.: y\n"},
      {"1) x\n   - inner\n", "P1 1) compact: x\nP2 \u25e6: inner\n"},
      {"- a\n\n- b\n", "P1 \u2022: a\nP1 \u2022: b\n"},  // a loose list keeps its paragraph space
      {"> quoted *text*", "Q1: quoted <i>text</i>\n"},
      {"# Title\n\n###### Deep", "H3: Title\nH6: Deep\n"},
      {"```\ncode <x> & y\n```", "CODE0: code <x> & y\n"},
      {"- ```\n  inside\n  ```", "P1 \u2022 compact: \nCODE1: inside\n"},
      {"[site](https://e.org/a)", "P0: site <muted>(https://e.org/a)</muted>\n"},
      {"*[site](https://e.org)*", "P0: <i>site </i><i><muted>(https://e.org)</muted></i>\n"},
      {"<https://e.org>", "P0: https://e.org\n"},
      {"[mail](mailto:mail)", "P0: mail\n"},
      {"[x](javascript:alert(1))", "P0: x\n"},
      {"<b>raw</b> text <script>x()</script>", "P0: raw text x()\n"},
      {"<div>\nblock html\n</div>\n\nnext", "P0: next\n"},
      {"![a cat](cat.png)", "P0: <muted>[image: a cat]</muted>\n"},
      {"a & b < c", "P0: a & b < c\n"},  // plain text: escaping is the backend's
      {"---", "RULE\n"},
  };
  for (const Case& c : cases) {
    std::vector<Block> blocks;
    AppendMarkdownBlocks(c.in, 2, &blocks);
    BOOST_TEST(Dump(blocks) == c.want, "markdown: " << c.in);
  }
}

BOOST_AUTO_TEST_CASE(heading_offset_shifts_and_clamps_levels) {
  const Case cases[] = {{"# A", "H3: A\n"}, {"## A", "H3: A\n"}, {"### A", "H4: A\n"}, {"###### A", "H6: A\n"}};
  for (const Case& c : cases) {
    std::vector<Block> blocks;
    AppendMarkdownBlocks(c.in, 1, &blocks);
    BOOST_TEST(Dump(blocks) == c.want, "markdown: " << c.in);
  }
}

BOOST_AUTO_TEST_CASE(deep_nesting_is_flattened_not_recursed) {
  std::vector<Block> blocks;
  AppendMarkdownBlocks(std::string(5000, '>') + " deep", 2, &blocks);
  BOOST_REQUIRE(blocks.size() == 1u);
  BOOST_TEST(PlainText(std::get<Paragraph>(blocks[0]).text) == "deep");
}

BOOST_AUTO_TEST_CASE(appends_after_what_is_there) {
  std::vector<Block> blocks{Heading{2, Text("Section"), "Section"}};
  AppendMarkdownBlocks("Body.", 2, &blocks);
  BOOST_TEST(Dump(blocks) == "H2: Section\nP0: Body.\n");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace cl::doc
