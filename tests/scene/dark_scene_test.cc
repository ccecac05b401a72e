// Frames drawn for a dark page: the same items with other colours, the image
// keeping its greys, zero as the dark background, and every number readable
// on its cell (WCAG contrast) in every beat of realistic lessons.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "../support/built_frames.h"
#include "../support/default_lesson.h"
#include "scene/dark_scene.h"
#include "scene/layout.h"
#include "scene/palette.h"

using namespace cl;
using testing::BuiltFrames;

namespace {

double Luminance(Color c) {
  auto lin = [](uint8_t v) {
    const double x = v / 255.0;
    return x <= 0.04045 ? x / 12.92 : std::pow((x + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

double Contrast(Color a, Color b) {
  const double la = Luminance(a), lb = Luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// The last filled rectangle before item `i` that holds point (x, y).
const RectShape* CellUnder(const Scene& s, std::size_t i, double x, double y) {
  for (std::size_t k = i; k-- > 0;) {
    const auto* r = std::get_if<RectShape>(&s.items[k]);
    if (r != nullptr && r->has_fill && x >= r->x && x <= r->x + r->w && y >= r->y && y <= r->y + r->h) return r;
  }
  return nullptr;
}

// Every text of the dark scene reads on what is under it: its cell, or the background.
void CheckReadable(const Scene& dark, const std::string& what) {
  for (std::size_t i = 0; i < dark.items.size(); ++i) {
    const auto* t = std::get_if<TextShape>(&dark.items[i]);
    if (t == nullptr) continue;
    const RectShape* cell = CellUnder(dark, i, t->x, t->y - 0.35 * t->size);
    const Color under = cell != nullptr ? cell->fill : dark.background;
    BOOST_TEST(Contrast(t->color, under) >= 4.5, what << ": \"" << t->text << "\" at " << t->x << "," << t->y << " "
                                                   << HexColor(t->color) << " on " << HexColor(under));
  }
}

Variant PaddedDecimalVariant() {
  Variant v = testing::SizedVariant(9, 9, 3, 3);
  for (double& x : v.image.Edit().values) x = std::fabs(x) * 28;  // grey levels 0..252
  v.image_from_file = true;
  v.filter.weights.values = {0.25, -0.5, 0.125, 1, 0, -1, 0.5, 0.75, -0.25};
  v.conv.pad_top = v.conv.pad_bottom = v.conv.pad_left = v.conv.pad_right = 1;
  v.activation = {ActivationType::LeakyRelu, 0.1};
  return v;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(DarkFrames)

BOOST_AUTO_TEST_CASE(SameItemsOtherColoursAndTheImageKeepsItsGreys) {
  const BuiltFrames frames(testing::VerticalEdgeVariant());
  const Scene light = frames.At(6);
  const Scene dark = DarkScene(light);
  BOOST_TEST_REQUIRE(dark.items.size() == light.items.size());
  BOOST_TEST((dark.background == dark_palette::kBackground));
  BOOST_TEST(dark.title == light.title);
  bool in_input = false;
  int kept = 0, darkened = 0;
  for (std::size_t i = 0; i < light.items.size(); ++i) {
    BOOST_TEST(light.items[i].index() == dark.items[i].index());
    if (const auto* g = std::get_if<GroupBegin>(&light.items[i])) in_input = g->id == "input";
    if (std::holds_alternative<GroupEnd>(light.items[i])) in_input = false;
    const auto* l = std::get_if<RectShape>(&light.items[i]);
    if (l == nullptr || !l->has_fill) continue;
    const auto& d = std::get<RectShape>(dark.items[i]);
    BOOST_TEST((d.x == l->x && d.y == l->y && d.w == l->w && d.h == l->h));
    if (in_input) {
      BOOST_TEST((d.fill == l->fill), "a pixel keeps its grey");
      ++kept;
    } else if (l->fill == palette::kBackground) {
      BOOST_TEST((d.fill == dark_palette::kBackground));
      ++darkened;
    }
  }
  BOOST_TEST(kept == 36);  // the 6x6 image: white 9s and black 0s alike
  BOOST_TEST(darkened > 0);
}

BOOST_AUTO_TEST_CASE(ZeroIsTheDarkBackgroundAndStrengthBrightens) {
  BOOST_TEST((DarkDivergingColor(0, 10) == dark_palette::kBackground));
  BOOST_TEST(Luminance(DarkDivergingColor(-10, 10)) > Luminance(DarkDivergingColor(-5, 10)));
  BOOST_TEST(Luminance(DarkDivergingColor(10, 10)) > Luminance(DarkDivergingColor(5, 10)));
  BOOST_TEST(Luminance(DarkDivergingColor(5, 10)) > Luminance(DarkDivergingColor(0, 10)));
}

BOOST_AUTO_TEST_CASE(EveryTextReadsOnItsCellInEveryBeat) {
  for (const FrameLayout layout : {FrameLayout::Wide, FrameLayout::Tall}) {
    for (const Variant& v : {testing::VerticalEdgeVariant(), PaddedDecimalVariant()}) {
      const BuiltFrames frames(v, {}, layout);
      for (int beat = 0; beat < static_cast<int>(frames.story.beats.size()); ++beat) {
        CheckReadable(DarkScene(frames.At(beat)), v.label + " " + FrameLayoutName(layout) + " beat " + std::to_string(beat));
      }
    }
  }
}

// The dark colours of fills are remembered per thread across scenes: a
// scene darkens the same after any other, here a decimal lesson's beats
// darkened once in order and again in reverse after them.
BOOST_AUTO_TEST_CASE(DarkeningDoesNotDependOnWhatWasDarkenedBefore) {
  const BuiltFrames frames(PaddedDecimalVariant());
  const int beats = static_cast<int>(frames.story.beats.size());
  std::vector<Scene> first;
  for (int beat = 0; beat < beats; ++beat) first.push_back(DarkScene(frames.At(beat)));
  for (int beat = beats; beat-- > 0;) {
    const Scene again = DarkScene(frames.At(beat));
    BOOST_TEST_REQUIRE(again.items.size() == first[static_cast<std::size_t>(beat)].items.size());
    for (std::size_t i = 0; i < again.items.size(); ++i)
      BOOST_TEST((again.items[i] == first[static_cast<std::size_t>(beat)].items[i]), "beat " << beat << " item " << i);
  }
}

BOOST_AUTO_TEST_SUITE_END()
