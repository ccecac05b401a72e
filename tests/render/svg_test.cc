// The SVG frames parse as XML, name themselves (title, desc, role, labels),
// keep ids unique and prefixed, reference nothing outside themselves and
// escape hostile text.
#include <boost/test/unit_test.hpp>

#include <pugixml.hpp>

#include <set>
#include <string>

#include "../support/built_frames.h"
#include "../support/default_lesson.h"
#include "render/svg_writer.h"
#include "scene/dark_scene.h"
#include "scene/layout.h"

using namespace cl;
using testing::BuiltFrames;

namespace {

// Every id in the document, and whether any repeats.
void CollectIds(const pugi::xml_node& node, std::set<std::string>* ids, bool* repeated) {
  for (const pugi::xml_node& child : node.children()) {
    if (const pugi::xml_attribute id = child.attribute("id")) *repeated |= !ids->insert(id.value()).second;
    CollectIds(child, ids, repeated);
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(DefaultFramesAreWellFormedAndNameThemselves) {
  for (const Variant& v : testing::DefaultLesson().variants) {
    const BuiltFrames frames(v);
    for (int beat = 0; beat < static_cast<int>(frames.story.beats.size()); ++beat) {
      BOOST_TEST_CONTEXT(v.label << " beat " << beat) {
        const Scene scene = frames.At(beat);
        const std::string svg = WriteSvg(scene, "ve-007-");
        pugi::xml_document doc;
        const pugi::xml_parse_result parsed = doc.load_string(svg.c_str());
        BOOST_REQUIRE_MESSAGE(parsed, parsed.description());
        const pugi::xml_node root = doc.child("svg");
        BOOST_TEST(std::string(root.attribute("xmlns").value()) == "http://www.w3.org/2000/svg");
        BOOST_TEST(std::string(root.attribute("version").value()) == "1.1");
        BOOST_TEST(std::string(root.attribute("role").value()) == "img");
        BOOST_TEST(std::string(root.attribute("aria-labelledby").value()) == "ve-007-title ve-007-desc");
        BOOST_TEST(std::string(root.attribute("font-family").value()) == "DejaVu Sans, Verdana, sans-serif");
        BOOST_TEST(std::string(root.first_child().name()) == "title");
        BOOST_TEST(std::string(root.child("title").attribute("id").value()) == "ve-007-title");
        BOOST_TEST(root.child("title").text().get() == scene.title);
        BOOST_TEST(root.child("desc").text().get() == frames.story.beats[beat].description);

        std::set<std::string> ids;
        bool repeated = false;
        CollectIds(doc, &ids, &repeated);
        BOOST_TEST(!repeated);
        for (const std::string& id : ids) BOOST_TEST(id.rfind("ve-007-", 0) == 0u, id);
        BOOST_TEST(ids.count("ve-007-caption") == 1u);
        // Nothing outside the file: no external href, no url() references.
        BOOST_TEST(svg.find("href=\"http") == std::string::npos);
        BOOST_TEST(svg.find("url(") == std::string::npos);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(TheCaptionIsWrittenAsText) {
  const BuiltFrames frames(testing::VerticalEdgeVariant());
  pugi::xml_document doc;
  const std::string svg = WriteSvg(frames.At(1), "p-");
  BOOST_REQUIRE(doc.load_string(svg.c_str()));
  const pugi::xml_node caption = doc.child("svg").find_child_by_attribute("g", "id", "p-caption");
  BOOST_TEST(caption.child("text").text().get() == frames.story.beats[1].caption);
  BOOST_TEST(std::string(caption.attribute("class").value()) == "caption");
}

BOOST_AUTO_TEST_CASE(HostileLabelsAreEscaped) {
  Variant v = testing::VerticalEdgeVariant();
  v.label = "Edges <b>&amp; \"quotes\" 'too'</b>";
  v.filter.name = "<script>alert(1)</script> & co";
  const BuiltFrames frames(v);
  for (int beat : {0, 1, 22}) {
    const Scene scene = frames.At(beat);
    const std::string svg = WriteSvg(scene, "x-");
    pugi::xml_document doc;
    BOOST_REQUIRE(doc.load_string(svg.c_str()));
    BOOST_TEST(svg.find("<b>") == std::string::npos);
    BOOST_TEST(svg.find("<script>") == std::string::npos);
    BOOST_TEST(doc.child("svg").child("title").text().get() == scene.title);
    BOOST_TEST(scene.title.find(v.label) != std::string::npos);
    // The label reaches the heading intact once the XML is read back.
    const pugi::xml_node heading = doc.child("svg").find_child_by_attribute("g", "id", "x-heading");
    BOOST_TEST(std::string(heading.child("text").text().get()).rfind(v.label, 0) == 0u);
  }
}

BOOST_AUTO_TEST_CASE(PrefixesAreCleanedToValidIds) {
  const BuiltFrames frames(testing::VerticalEdgeVariant());
  const std::string svg = WriteSvg(frames.At(0), "3 <bad>\"prefix\"-");
  pugi::xml_document doc;
  BOOST_REQUIRE(doc.load_string(svg.c_str()));
  BOOST_TEST(std::string(doc.child("svg").child("title").attribute("id").value()) == "f3badprefix-title");
}

BOOST_AUTO_TEST_CASE(InlinedFramesSkipTheDeclarationAndBodiesHaveNoTitle) {
  const BuiltFrames frames(testing::VerticalEdgeVariant());
  const Scene scene = frames.At(3);
  BOOST_TEST(WriteSvg(scene, "a-").rfind("<?xml", 0) == 0u);
  BOOST_TEST(WriteSvg(scene, "a-", {.xml_declaration = false}).rfind("<svg ", 0) == 0u);
  const std::string body = WriteSvgBody(scene, "a-");
  BOOST_TEST(body.find("<title") == std::string::npos);
  BOOST_TEST(body.find("id=\"a-window\"") != std::string::npos);
  // Same scene, same bytes.
  BOOST_TEST(WriteSvg(scene, "a-") == WriteSvg(frames.At(3), "a-"));
}

BOOST_AUTO_TEST_CASE(LargeGridsBecomeOneEmbeddedImage) {
  const BuiltFrames frames(testing::SizedVariant(100, 100, 3, 3));
  const std::string svg = WriteSvg(frames.At(0), "big-");
  pugi::xml_document doc;
  BOOST_REQUIRE(doc.load_string(svg.c_str()));
  const pugi::xml_node input = doc.child("svg").find_child_by_attribute("g", "id", "big-input");
  const std::string href = input.child("image").attribute("xlink:href").value();
  BOOST_TEST(href.rfind("data:image/png;base64,iVBORw0KGgo", 0) == 0u);  // a PNG, inline
}

// With its dark twin, a frame keeps every light colour as an attribute and
// names the dark one in a class that only prefers-color-scheme: dark sets.
BOOST_AUTO_TEST_CASE(DarkTwinAddsClassesAndAMediaRuleOnly) {
  const BuiltFrames frames(testing::VerticalEdgeVariant());
  const Scene scene = frames.At(6);
  const Scene dark = DarkScene(scene);
  const std::string plain = WriteSvg(scene, "a-");
  const std::string both = WriteSvg(scene, "a-", {.dark = &dark});
  pugi::xml_document doc;
  BOOST_REQUIRE(doc.load_string(both.c_str()));
  const std::string style = doc.child("svg").child("style").text().get();
  BOOST_TEST(style.rfind("@media (prefers-color-scheme:dark){", 0) == 0u);
  BOOST_TEST(style.find(".df-1e2126{fill:#1e2126}") != std::string::npos);  // the dark background
  // Without the classes and the style, the document is the light one, byte for byte.
  std::string stripped = both;
  stripped.erase(stripped.find("<style>"), stripped.find("</style>\n") + 9 - stripped.find("<style>"));
  for (std::size_t at; (at = stripped.find(" class=\"d")) != std::string::npos;) {
    stripped.erase(at, stripped.find('"', at + 8) + 1 - at);
  }
  BOOST_TEST(stripped == plain);
  // The background rect is dark in the dark scheme.
  BOOST_TEST(both.find("fill=\"#ffffff\" class=\"df-1e2126\"/>") != std::string::npos);
  // A twin that does not match item for item is ignored.
  Scene other = dark;
  other.items.pop_back();
  BOOST_TEST(WriteSvg(scene, "a-", {.dark = &other}) == plain);
}

BOOST_AUTO_TEST_CASE(LargeGridsGetADarkTwinImage) {
  const BuiltFrames frames(testing::SizedVariant(100, 100, 3, 3));
  const Scene scene = frames.At(0);
  const Scene dark = DarkScene(scene);
  const std::string svg = WriteSvg(scene, "big-", {.dark = &dark});
  pugi::xml_document doc;
  BOOST_REQUIRE(doc.load_string(svg.c_str()));
  // The image's own grid keeps its greys: one image. Maps drawn as blocks get a twin.
  const pugi::xml_node input = doc.child("svg").find_child_by_attribute("g", "id", "big-input");
  BOOST_TEST(std::distance(input.children("image").begin(), input.children("image").end()) == 1);
}

// Solid lines in a row that look alike (a grid's) are one <path> of
// subpaths, straight ones by H and V; a lone line, a dashed one and a line
// of another colour or dark twin stay apart, in the scene's order.
BOOST_AUTO_TEST_CASE(LinesThatLookAlikeAreOnePath) {
  Scene scene;
  scene.width = 100, scene.height = 100;
  const Color grey{190, 190, 190}, red{200, 0, 0};
  scene.items.push_back(LineShape{10, 20, 90, 20, grey, 0.5, false});
  scene.items.push_back(LineShape{10, 30, 90, 30, grey, 0.5, false});
  scene.items.push_back(LineShape{40, 10, 40, 90, grey, 0.5, false});
  scene.items.push_back(LineShape{0, 0, 5, 7.25, grey, 0.5, false});
  scene.items.push_back(LineShape{10, 40, 90, 40, grey, 0.5, true});   // dashed
  scene.items.push_back(LineShape{10, 50, 90, 50, red, 0.5, false});   // alone: another colour
  scene.items.push_back(LineShape{10, 60, 90, 60, grey, 1, false});
  scene.items.push_back(RectShape{});
  scene.items.push_back(LineShape{10, 70, 90, 70, grey, 1, false});    // alone: after a rect
  const std::string body = WriteSvgBody(scene, "a-");
  const std::string want =
      "<path d=\"M10 20H90M10 30H90M40 10V90M0 0L5 7.25\" fill=\"none\" stroke=\"#bebebe\" stroke-width=\"0.5\"/>\n"
      "<line x1=\"10\" y1=\"40\" x2=\"90\" y2=\"40\" stroke=\"#bebebe\" stroke-width=\"0.5\" stroke-dasharray=\"1 0.75\"/>\n"
      "<line x1=\"10\" y1=\"50\" x2=\"90\" y2=\"50\" stroke=\"#c80000\" stroke-width=\"0.5\"/>\n"
      "<line x1=\"10\" y1=\"60\" x2=\"90\" y2=\"60\" stroke=\"#bebebe\" stroke-width=\"1\"/>\n";
  BOOST_TEST(body.find(want) != std::string::npos, body);
  BOOST_TEST(body.find("<line x1=\"10\" y1=\"70\" x2=\"90\" y2=\"70\"") != std::string::npos);

  // A dark twin that changes the lines' stroke keeps them together, with its class.
  Scene dark = scene;
  for (SceneItem& item : dark.items)
    if (auto* l = std::get_if<LineShape>(&item)) l->stroke = Color{74, 80, 89};
  const std::string both = WriteSvg(scene, "a-", {.dark = &dark});
  BOOST_TEST(both.find("<path d=\"M10 20H90M10 30H90M40 10V90M0 0L5 7.25\" fill=\"none\" stroke=\"#bebebe\" "
                       "stroke-width=\"0.5\" class=\"ds-4a5059\"/>") != std::string::npos, both);
  BOOST_TEST(both.find(".ds-4a5059{stroke:#4a5059}") != std::string::npos);
}

// Every element is written whole, its numbers at their longest included
// (a dashed outline with both dark classes is the longest), and a body of
// thousands of elements is each one's text in turn, however often the
// writer's room grows on the way.
BOOST_AUTO_TEST_CASE(ElementsAreWrittenWholeAtAnyLength) {
  Scene scene;
  scene.width = 10, scene.height = 10;
  const RectShape outline{.x = -123456789012345.678, .y = 1e300, .w = -0.0004, .h = 987654321098765.5,
                          .fill = Color{1, 2, 3}, .has_stroke = true, .stroke = Color{250, 251, 252},
                          .stroke_width = -222222222222222.125, .dashed = true};
  scene.items.push_back(outline);
  TextShape text{-123456789012345.678, 1e-300, "a < b & \"c\" \xff", 123456789012345.5, Color{9, 8, 7},
                 TextAnchor::End, true};
  scene.items.push_back(text);
  Scene dark = scene;
  std::get<RectShape>(dark.items[0]).fill = Color{16, 32, 48};
  std::get<RectShape>(dark.items[0]).stroke = Color{171, 205, 239};
  std::get<TextShape>(dark.items[1]).color = Color{255, 254, 253};
  const std::string svg = WriteSvg(scene, "p-", {.dark = &dark});
  const std::string want =
      "<rect x=\"-123456789012345.672\" y=\"1e+300\" width=\"0\" height=\"987654321098765.5\" fill=\"#010203\" "
      "stroke=\"#fafbfc\" stroke-width=\"-222222222222222.125\" "
      "stroke-dasharray=\"-444444444444444.25 -333333333333333.188\" class=\"df-102030 ds-abcdef\"/>\n"
      "<text x=\"-123456789012345.672\" y=\"0\" font-size=\"123456789012345.5\" text-anchor=\"end\" "
      "font-weight=\"bold\" fill=\"#090807\" class=\"df-fffefd\">a &lt; b &amp; &quot;c&quot; \uFFFD</text>\n";
  BOOST_TEST(svg.find(want) != std::string::npos, svg);

  // A dashed line with a dark stroke, and two solid ones as one path, at their longest.
  Scene lines;
  lines.width = 10, lines.height = 10;
  lines.items.push_back(LineShape{-123456789012345.678, 1e300, -987654321098765.5, -1e-300, Color{1, 2, 3},
                                  -222222222222222.125, true});
  lines.items.push_back(LineShape{-123456789012345.678, 1e300, -987654321098765.5, -1e-300, Color{4, 5, 6}, 1, false});
  lines.items.push_back(LineShape{-123456789012345.678, -1e300, -123456789012345.678, 987654321098765.5,
                                  Color{4, 5, 6}, 1, false});
  Scene dark_lines = lines;
  std::get<LineShape>(dark_lines.items[0]).stroke = Color{171, 205, 239};
  const std::string lines_svg = WriteSvg(lines, "p-", {.dark = &dark_lines});
  const std::string want_lines =
      "<line x1=\"-123456789012345.672\" y1=\"1e+300\" x2=\"-987654321098765.5\" y2=\"0\" stroke=\"#010203\" "
      "stroke-width=\"-222222222222222.125\" stroke-dasharray=\"-444444444444444.25 -333333333333333.188\" "
      "class=\"ds-abcdef\"/>\n"
      "<path d=\"M-123456789012345.672 1e+300L-987654321098765.5 0M-123456789012345.672 -1e+300V987654321098765.5\" "
      "fill=\"none\" stroke=\"#040506\" stroke-width=\"1\"/>\n";
  BOOST_TEST(lines_svg.find(want_lines) != std::string::npos, lines_svg);

  Scene many;
  many.width = 1000, many.height = 1000;
  std::string each;
  for (int k = 0; k < 5000; ++k) {
    RectShape cell;
    cell.x = k * 0.125, cell.y = -k * 1e9, cell.w = 31, cell.h = 31;
    cell.fill = Color{static_cast<uint8_t>(k), static_cast<uint8_t>(k >> 8), 7};
    TextShape number{k * 0.125 + 15.5, k * 1e9, std::to_string(k), 11, Color{255, 255, 255}, TextAnchor::Middle};
    Scene one;
    one.items = {cell, number};
    const std::string body = WriteSvgBody(one, "");
    each += body.substr(body.find("/>\n") + 3);  // after the background
    many.items.push_back(cell);
    many.items.push_back(number);
  }
  const std::string body = WriteSvgBody(many, "");
  BOOST_TEST((body.substr(body.find("/>\n") + 3) == each));
}
