// Scene dump: the exact text of a hand-built scene holding every primitive.
#include <boost/test/unit_test.hpp>

#include <string>

#include "scene/scene_dump.h"

using namespace cl;

BOOST_AUTO_TEST_SUITE(SceneDump)

BOOST_AUTO_TEST_CASE(EveryPrimitiveWithGroupsIndented) {
  Scene s;
  s.width = 640;
  s.height = 100.0 / 3.0;
  s.background = {250, 251, 252};
  s.title = "Conv step 1 of 16";
  s.desc = "Line one.\nLine two.";
  RectShape filled;
  filled.x = 1.5;
  filled.y = 2;
  filled.w = 30;
  filled.h = 2.0 / 3.0;
  filled.fill = {255, 0, 16};
  RectShape outline;
  outline.has_fill = false;
  outline.has_stroke = true;
  outline.stroke = {0, 0, 0};
  outline.stroke_width = 1.25;
  outline.dashed = true;
  LineShape line{0, -0.0001, 10, 20, {17, 34, 51}, 2, true};
  TextShape text{320, 18.5, "\u2212" "18 \"sum\"", 14, {1, 2, 3}, TextAnchor::Middle, true};
  TextShape plain{4, 5, "a", 12, {0, 0, 0}, TextAnchor::End, false};
  CellsShape cells{10, 20, 0.5, 0.25, 2, 3, {{0, 0, 0}, {255, 255, 255}, {1, 2, 3},
                                            {16, 32, 48}, {0, 0, 0}, {9, 9, 9}}};
  CellsShape broken{0, 0, 1, 1, 2, 2, {{0, 0, 0}}};
  s.items = {GroupBegin{"input", "grid", "Image 6\u00d76"},
             filled,
             GroupBegin{"input-cell-0-0", "cell", ""},
             outline,
             GroupEnd{},
             cells,
             GroupEnd{},
             line,
             text,
             plain,
             broken,
             GroupEnd{}};
  BOOST_TEST(DumpScene(s) ==
             "scene width=640 height=33.333 background=#fafbfc\n"
             "  title: \"Conv step 1 of 16\"\n"
             "  desc: \"Line one.\\nLine two.\"\n"
             "  group id=\"input\" role=\"grid\" label=\"Image 6\u00d76\"\n"
             "    rect x=1.5 y=2 w=30 h=0.667 fill=#ff0010\n"
             "    group id=\"input-cell-0-0\" role=\"cell\"\n"
             "      rect x=0 y=0 w=0 h=0 fill=none stroke=#000000 stroke-width=1.25 dashed\n"
             "    cells x=10 y=20 cell-w=0.5 cell-h=0.25 rows=2 cols=3\n"
             "      #000000 #ffffff #010203\n"
             "      #102030 #000000 #090909\n"
             "  line x1=0 y1=0 x2=10 y2=20 stroke=#112233 width=2 dashed\n"
             "  text x=320 y=18.5 size=14 color=#010203 anchor=middle bold \"\u2212" "18 \\\"sum\\\"\"\n"
             "  text x=4 y=5 size=12 color=#000000 anchor=end \"a\"\n"
             "  cells x=0 y=0 cell-w=1 cell-h=1 rows=2 cols=2\n"
             "    fills: 1 for 2x2 cells\n"
             "  unmatched end\n");
}

BOOST_AUTO_TEST_CASE(EmptyScene) {
  BOOST_TEST(DumpScene(Scene{}) ==
             "scene width=0 height=0 background=#ffffff\n"
             "  title: \"\"\n"
             "  desc: \"\"\n");
}

BOOST_AUTO_TEST_SUITE_END()
