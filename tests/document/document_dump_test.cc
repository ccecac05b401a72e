// Document dump: every block kind and run style of a small hand-built
// document, line by line.
#include <boost/test/unit_test.hpp>

#include <string>

#include "document/document.h"
#include "document/document_dump.h"

namespace cl::doc {
namespace {

BOOST_AUTO_TEST_SUITE(document_dump)

BOOST_AUTO_TEST_CASE(every_block_and_style) {
  Document d;
  d.meta.title = "Edges";
  d.meta.author = "A. Teacher";
  d.blocks.push_back(Heading{1, Text("Edges"), "Edges"});
  Paragraph lead;
  lead.text = Text("One \"filter\".");
  lead.style = ParagraphStyle::Lead;
  d.blocks.push_back(lead);
  Paragraph item;
  item.text = {Bold("1."), Plain(" "), Run{"x", Weight::Inherit, true, true, Tone::Muted}};
  item.indent = 1;
  item.marker = "\u2022";
  item.compact = true;
  item.keep_with_next = true;
  d.blocks.push_back(item);
  d.blocks.push_back(Code{"a\nb", 1});
  Table t;
  t.caption = {Plain("Map "), Regular("(rounded)")};
  t.header = {{}, Text("0")};
  t.rows = {{Text("0"), {Toned("\u2212" "1", Tone::Negative)}}, {Text("1"), {Toned("2", Tone::Positive)}}};
  t.align = {Align::Right, Align::Center};
  t.first_column_header = true;
  t.monospace = true;
  d.blocks.push_back(t);
  Figure f;
  f.scene.width = 200.5;
  f.scene.height = 80;
  f.scene.title = "Vertical edge";
  f.scene.items.emplace_back(LineShape{});
  f.natural_scale = 1;
  f.border = false;
  f.caption = Text("Figure 1.");
  d.blocks.push_back(f);
  d.blocks.push_back(ContentsLine{Text("Edges"), 2, 3, 120.25});
  d.blocks.push_back(Rule{});
  d.blocks.push_back(PageBreak{});
  const std::string want =
      "document title=\"Edges\" author=\"A. Teacher\" language=\"en\"\n"
      "heading 1 outline=\"Edges\": \"Edges\"\n"
      "paragraph lead: \"One \\\"filter\\\".\"\n"
      "paragraph body indent=1 marker=\"\u2022\" compact keep-with-next: bold:\"1.\" \" \" italic+mono+muted:\"x\"\n"
      "code indent=1 \"a\\nb\"\n"
      "table rows=2 align=rc row-labels mono: \"Map \" regular:\"(rounded)\"\n"
      "  header \"\" | \"0\"\n"
      "  row \"0\" | negative:\"\u2212" "1\"\n"
      "  row \"1\" | positive:\"2\"\n"
      "figure 200.5x80 scale=1 max-height=0.45 items=1 title=\"Vertical edge\": \"Figure 1.\"\n"
      "contents 2 page=4 y=120.25: \"Edges\"\n"
      "rule\n"
      "page-break\n";
  BOOST_TEST(DumpDocument(d) == want);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace cl::doc
