// LayoutBeat over a sweep of sizes: every element inside the frame, no two
// text boxes overlapping, one geometry per variant; and what the default
// lesson's frames show, beat by beat.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "../support/built_frames.h"
#include "../support/default_lesson.h"
#include "base/number_format.h"
#include "scene/layout.h"
#include "scene/palette.h"
#include "scene_checks.h"

namespace bdata = boost::unit_test::data;
using namespace cl;
using namespace cl::testing;

namespace {

// The beats worth checking: first and last of every stage, and a middle one.
std::vector<int> SampleBeats(const Storyboard& s) {
  std::vector<int> picks;
  const int n = static_cast<int>(s.beats.size());
  for (int i = 0; i < n; ++i) {
    const bool first = i == 0 || s.beats[i - 1].stage != s.beats[i].stage;
    const bool last = i == n - 1 || s.beats[i + 1].stage != s.beats[i].stage;
    if (first || last || i == n / 2) picks.push_back(i);
  }
  return picks;
}

struct SweepCase {
  const char* name;
  int rows, cols, kh, kw;
  int pad = 0;  // on every side
  int stride = 1, dilation = 1;
  bool pool = true;
  int pool_size = 2;
  bool activation = true;
};
std::ostream& operator<<(std::ostream& os, const SweepCase& c) { return os << c.name; }

const std::vector<FrameLayout> kLayouts{FrameLayout::Wide, FrameLayout::Slides, FrameLayout::Tall};

// The frame sizes each layout promises: wide at most 1280 wide; slides
// 1920x1080 (16:9); tall 390 wide, a phone's width.
void CheckFrameSize(FrameLayout layout, const FrameGeometry& g) {
  switch (layout) {
    case FrameLayout::Wide: BOOST_TEST(g.width <= 1280); break;
    case FrameLayout::Slides:
      BOOST_TEST(g.width == 1920);
      BOOST_TEST(g.height == 1080);
      break;
    case FrameLayout::Tall: BOOST_TEST(g.width == 390); break;
  }
}

}  // namespace

namespace cl {
std::ostream& operator<<(std::ostream& os, FrameLayout layout) { return os << FrameLayoutName(layout); }
}  // namespace cl

BOOST_DATA_TEST_CASE(EverythingInsideAndNoTextOverlaps,
                     bdata::make(std::vector<SweepCase>{
                         {.name = "1x1", .rows = 1, .cols = 1, .kh = 1, .kw = 1, .pool = false},
                         {.name = "1x1 pooled", .rows = 1, .cols = 1, .kh = 1, .kw = 1, .pool_size = 1},
                         {.name = "1x1 padded 3x3", .rows = 1, .cols = 1, .kh = 3, .kw = 3, .pad = 1, .pool_size = 1},
                         {.name = "6x6", .rows = 6, .cols = 6, .kh = 3, .kw = 3},
                         {.name = "5x12", .rows = 5, .cols = 12, .kh = 3, .kw = 3},
                         {.name = "40x3", .rows = 40, .cols = 3, .kh = 2, .kw = 1, .pool_size = 1},
                         {.name = "1x40", .rows = 1, .cols = 40, .kh = 1, .kw = 3, .pool = false},
                         {.name = "9x9 dilated", .rows = 9, .cols = 9, .kh = 3, .kw = 3, .dilation = 2},
                         {.name = "9x9 stride 2 pad 2", .rows = 9, .cols = 9, .kh = 3, .kw = 3, .pad = 2, .stride = 2},
                         {.name = "16x16 15x15", .rows = 16, .cols = 16, .kh = 15, .kw = 15, .pool = false},
                         {.name = "15x15 15x15 same", .rows = 15, .cols = 15, .kh = 15, .kw = 15, .pad = 7},
                         {.name = "2x2 1x15 padded", .rows = 2, .cols = 2, .kh = 1, .kw = 15, .pad = 7, .pool = false},
                         {.name = "40x40", .rows = 40, .cols = 40, .kh = 3, .kw = 3},
                         {.name = "64x20 no activation", .rows = 64, .cols = 20, .kh = 5, .kw = 3, .activation = false},
                         {.name = "512x512", .rows = 512, .cols = 512, .kh = 3, .kw = 3},
                         {.name = "512x7", .rows = 512, .cols = 7, .kh = 15, .kw = 3, .pool = false},
                     }) * bdata::make(kLayouts),
                     c, layout) {
  Variant v = testing::SizedVariant(c.rows, c.cols, c.kh, c.kw);
  v.conv.pad_top = v.conv.pad_bottom = v.conv.pad_left = v.conv.pad_right = c.pad;
  v.conv.stride_h = v.conv.stride_w = c.stride;
  v.conv.dilation_h = v.conv.dilation_w = c.dilation;
  v.pool.enabled = c.pool;
  v.pool.size_h = v.pool.size_w = v.pool.stride_h = v.pool.stride_w = c.pool_size;
  if (!c.activation) v.activation.type = ActivationType::None;
  const auto b = Build(v, {}, layout);

  CheckFrameSize(layout, b->geometry);
  for (int i : SampleBeats(b->story)) {
    BOOST_TEST_CONTEXT("beat " << i << " (" << StageName(b->story.beats[i].stage) << ")") {
      const Scene s = LayoutBeat(b->input, b->geometry, i);
      BOOST_TEST(s.width == b->geometry.width);  // one geometry for every beat
      BOOST_TEST(s.height == b->geometry.height);
      BOOST_TEST(FirstOutside(s) == "");
      BOOST_TEST(FirstTextOverlap(s) == "");
      BOOST_TEST(GroupsBalanced(s));
      BOOST_TEST(!s.title.empty());
      BOOST_TEST(s.desc == b->story.beats[i].description);
    }
  }
}

// Pixels and weights may reach 1e9, so maps reach 1e19 and beyond: the
// legend's ends must still fit beside its "0" instead of running into it.
BOOST_AUTO_TEST_CASE(HugeValuesKeepTheLegendApart) {
  Variant v = testing::SizedVariant(6, 6, 3, 3);
  for (double& x : v.image.Edit().values) x *= 1e9;
  for (double& w : v.filter.weights.values) w *= 1e9;
  const auto b = Build(v);
  BOOST_TEST(b->input.value_scale > 1e19);
  for (int i : SampleBeats(b->story)) {
    BOOST_TEST_CONTEXT("beat " << i) {
      const Scene s = LayoutBeat(b->input, b->geometry, i);
      BOOST_TEST(FirstOutside(s) == "");
      BOOST_TEST(FirstTextOverlap(s) == "");
    }
  }
}

// Where numbers do not fit, map cells keep a "+" or "−" so sign never rests
// on colour alone; the image's greys need no "+" on every pixel of a photo,
// and only its negative pixels are marked.
BOOST_AUTO_TEST_CASE(SignMarksOnMapsAndOnlyNegativePixels) {
  Variant v = testing::SizedVariant(28, 28, 3, 3);
  for (std::size_t i = 0; i < v.image->values.size(); ++i) v.image.Edit().values[i] = static_cast<double>((i * 37) % 256);
  v.image.Edit().values[30] = -5;
  const auto b = Build(v, {}, FrameLayout::Tall);
  BOOST_TEST_REQUIRE(!b->geometry.input.grid.numbers);
  BOOST_TEST_REQUIRE(!b->geometry.conv.grid.numbers);
  const Scene s = LayoutBeat(b->input, b->geometry, static_cast<int>(b->story.beats.size()) - 1);
  const auto image_texts = TextsInGroup(s, "input");
  BOOST_TEST(std::count(image_texts.begin(), image_texts.end(), "+") == 0);
  BOOST_TEST(std::count(image_texts.begin(), image_texts.end(), "\u2212") == 1);
  const auto map_texts = TextsInGroup(s, "conv");
  BOOST_TEST(std::count(map_texts.begin(), map_texts.end(), "+") > 0);
  BOOST_TEST(std::count(map_texts.begin(), map_texts.end(), "\u2212") > 0);
}

BOOST_AUTO_TEST_CASE(SmallCellsHideNumbersNotCells) {
  const auto b = Build(testing::SizedVariant(512, 512, 3, 3));
  BOOST_TEST(!b->geometry.input.grid.numbers);
  BOOST_TEST(b->geometry.input.grid.cell > 0);
  const Scene s = LayoutBeat(b->input, b->geometry, 0);
  // The image is one block of 512x512 cells; its group holds only its label.
  int blocks = 0;
  for (const SceneItem& item : s.items)
    if (const auto* c = std::get_if<CellsShape>(&item)) blocks += c->rows == 512 && c->cols == 512;
  BOOST_TEST(blocks == 1);
  BOOST_TEST((TextsInGroup(s, "input") == std::vector<std::string>{"Image 512\u00D7512"}));
}

BOOST_AUTO_TEST_CASE(DefaultLessonGeometry) {
  const auto b = Build(testing::VerticalEdgeVariant());
  const FrameGeometry& g = b->geometry;
  BOOST_TEST(g.input.grid.cell == 44);
  BOOST_TEST(g.conv.grid.cell == 44);  // the image and the maps share a cell size
  BOOST_TEST(g.input.grid.numbers);
  BOOST_TEST(g.filter.grid.numbers);
  BOOST_TEST(g.conv.grid.numbers);
  BOOST_TEST(g.pooled.grid.rows == 2);
  BOOST_TEST(g.caption_lines == 1);
  BOOST_TEST(g.operators.size() == 4u);
  // Panels left to right without touching.
  BOOST_TEST(g.input.grid.right() < g.filter.grid.x);
  BOOST_TEST(g.filter.grid.right() < g.conv.grid.x);
  BOOST_TEST(g.conv.grid.right() < g.activated.grid.x);
  BOOST_TEST(g.activated.grid.right() < g.pooled.grid.x);
  BOOST_TEST(g.input.label == "Image 6\u00D76");
  BOOST_TEST(g.pooled.label == "Max-pooled 2\u00D72");
}

BOOST_AUTO_TEST_CASE(DefaultLessonFramesShowTheNumbersAsTheyAreWritten) {
  const auto b = Build(testing::VerticalEdgeVariant());
  const auto scene = [&](int beat) { return LayoutBeat(b->input, b->geometry, beat); };

  const Scene intro = scene(0);
  BOOST_TEST(intro.title == "Vertical edge \u00B7 The image and the filter");
  BOOST_TEST((TextsInGroup(intro, "conv") == std::vector<std::string>{"Feature map 4\u00D74", "0", "1", "2", "3", "0",
                                                                     "1", "2", "3"}));  // label and indices only
  BOOST_TEST(TextsInGroup(intro, "window").empty());

  const Scene first = scene(1);
  BOOST_TEST(first.title == "Vertical edge \u00B7 Convolution \u00B7 position 1 of 16");
  BOOST_TEST((TextsInGroup(first, "heading") == std::vector<std::string>{"Vertical edge \u00B7 Convolution \u00B7 position 1 of 16"}));
  std::vector<std::string> conv = TextsInGroup(first, "conv");
  BOOST_TEST(std::count(conv.begin(), conv.end(), "\u221218") == 1);
  BOOST_TEST((TextsInGroup(first, "caption") == std::vector<std::string>{b->story.beats[1].caption}));

  const Scene activation = scene(17);
  std::vector<std::string> act = TextsInGroup(activation, "activated");
  BOOST_TEST(std::count(act.begin(), act.end(), "27") == 4);
  BOOST_TEST(std::count(act.begin(), act.end(), "18") == 4);
  BOOST_TEST(std::count(act.begin(), act.end(), "\u221218") == 0);

  const Scene summary = scene(22);
  std::vector<std::string> pooled = TextsInGroup(summary, "pooled");
  BOOST_TEST(std::count(pooled.begin(), pooled.end(), "27") == 2);
}

// A phone's heading cuts a long label alike in every beat of a stage (it
// once kept a letter more while the position had one digit), keeps it whole
// in a stage with room, and drops a label cut to a letter or two.
BOOST_AUTO_TEST_CASE(HeadingsCutALongLabelAlikeWithinAStage) {
  Variant v = testing::VerticalEdgeVariant();
  v.label = "Vertical edge detector";
  const auto b = Build(v, {}, FrameLayout::Tall);
  std::set<std::string> conv_labels;
  for (std::size_t i = 0; i < b->story.beats.size(); ++i) {
    const std::vector<std::string> heading = TextsInGroup(b->At(static_cast<int>(i)), "heading");
    BOOST_TEST_REQUIRE(heading.size() == 1u);
    const std::string label = heading[0].substr(0, heading[0].find(" \u00B7 "));
    if (b->story.beats[i].stage == Stage::Conv) conv_labels.insert(label);
    if (b->story.beats[i].stage == Stage::Activation) BOOST_TEST(label == v.label);
  }
  BOOST_TEST(conv_labels.size() == 1u);
  BOOST_TEST(conv_labels.begin()->ends_with("\u2026"));
  // Beside "Transposed convolution · input 10 of 36" a phone has room for
  // "Ch…" only (the shipped lesson's checkerboard): the label is left out,
  // with its separator.
  v.label = "Checkerboard";
  v.conv.transposed = true;
  v.conv.stride_h = v.conv.stride_w = 2;
  const auto cut = Build(v, {}, FrameLayout::Tall);
  for (int i : {1, 10}) {
    const std::string heading = TextsInGroup(cut->At(i), "heading")[0];
    BOOST_TEST(heading.starts_with("Transposed convolution"), heading);
  }
}

BOOST_AUTO_TEST_CASE(PaddingCellsAreDrawnAsPadding) {
  Variant v = testing::VerticalEdgeVariant();
  v.conv.pad_top = v.conv.pad_bottom = v.conv.pad_left = v.conv.pad_right = 1;
  const auto b = Build(v);
  BOOST_TEST(b->geometry.input.grid.rows == 8);
  BOOST_TEST(b->geometry.input.label == "Image 6\u00D76, padding 1");
  const Scene s = LayoutBeat(b->input, b->geometry, 1);
  int padding = 0;
  for (const SceneItem& item : s.items)
    if (const auto* r = std::get_if<RectShape>(&item)) padding += r->has_fill && r->fill == palette::kPaddingCell;
  BOOST_TEST(padding == 8 * 8 - 6 * 6);
}

BOOST_AUTO_TEST_CASE(DilatedWindowsLightOnlyTheSampledCells) {
  Variant v = testing::SizedVariant(9, 9, 3, 3);
  v.conv.dilation_h = v.conv.dilation_w = 2;
  const auto b = Build(v);
  const Scene s = LayoutBeat(b->input, b->geometry, 1);
  // Inside the window group: one dashed extent, then a dark and an amber
  // outline per sampled cell (9), the filter's and the written cell's.
  int amber = 0, dashed = 0;
  int depth = 0;
  for (const SceneItem& item : s.items) {
    if (const auto* g = std::get_if<GroupBegin>(&item)) depth += depth > 0 || g->id == "window";
    else if (std::holds_alternative<GroupEnd>(item)) depth -= depth > 0;
    else if (const auto* r = std::get_if<RectShape>(&item); r && depth > 0) {
      amber += r->has_stroke && r->stroke == palette::kAmber;
      dashed += r->dashed;
    }
  }
  BOOST_TEST(amber == 9 + 2);
  BOOST_TEST(dashed == 1);
}

// Worked by hand: at position (0, 1) the vertical-edge window covers image
// columns 1 to 3 of rows 0 to 2 (0, 0, 0 / 0, 9, 9 / 0, 9, 9) and the frame
// shows each pixel·weight where the filter holds that weight, naming the
// cell read; the products panel is there only while one cell is computed.
BOOST_AUTO_TEST_CASE(ConvBeatsShowEveryProduct) {
  const auto b = Build(testing::VerticalEdgeVariant());
  int beat = -1;
  for (int i = 0; i < static_cast<int>(b->story.beats.size()); ++i)
    if (b->story.beats[i].stage == Stage::Conv && b->story.beats[i].first_cell == 1 && b->story.beats[i].last_cell == 1)
      beat = i;
  BOOST_REQUIRE(beat >= 0);
  const Scene s = LayoutBeat(b->input, b->geometry, beat);
  const std::string dot = "\u00B7", minus_one = "(\u22121)";
  const std::string want[3][3] = {{"0" + dot + "1", "0" + dot + "0", "0" + dot + minus_one},
                                  {"0" + dot + "1", "9" + dot + "0", "9" + dot + minus_one},
                                  {"0" + dot + "1", "9" + dot + "0", "9" + dot + minus_one}};
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 3; ++j) {
      const std::vector<std::string> texts = TextsInGroup(s, fmt::format("product-{}-{}", i, j));
      std::string joined;
      for (const std::string& t : texts) joined += t;
      BOOST_TEST(joined == want[i][j], "product " << i << ", " << j);
    }
  }
  std::string label;
  for (const SceneItem& item : s.items)
    if (const auto* g = std::get_if<GroupBegin>(&item); g && g->id == "product-2-2") label = g->label;
  BOOST_TEST(label == "pixel (2, 3)");
  BOOST_TEST(TextsInGroup(LayoutBeat(b->input, b->geometry, 0), "products").empty());  // the intro
}

namespace {

// Realistic values: pixels 0 to 255, weights with decimals, so maps reach
// five digits with signs ("−1.992e4") — the widest cells the contract meets.
Variant RealisticVariant(int rows, int cols, int k, int pad, int stride) {
  Variant v = testing::SizedVariant(rows, cols, k, k);
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) v.image.Edit().at(r, c) = (r * 37 + c * 91) % 256;
  const double weights[] = {-0.75, 3.125, 0.5, -1.25, 2, 0};
  for (int i = 0; i < k; ++i)
    for (int j = 0; j < k; ++j) v.filter.weights.at(i, j) = weights[(i * k + j) % 6];
  v.conv.pad_top = v.conv.pad_left = pad;
  v.conv.pad_bottom = v.conv.pad_right = pad;
  v.conv.stride_h = v.conv.stride_w = stride;
  v.activation = {ActivationType::LeakyRelu, 0.25};
  return v;
}

// A one-cell conv beat of a filter up to kMaxProductsSide shows one product
// per weight (the products panel), none smaller than `min_size`; other
// beats none.
// (`panel` false: a slide with no room for the panel, see
// docs/slides-and-figures.md).
void CheckProducts(const Scene& s, const Beat& beat, int kh, int kw, double min_size, bool panel = true) {
  const bool wanted = panel && beat.stage == Stage::Conv && beat.first_cell == beat.last_cell &&
                      kh <= kMaxProductsSide && kw <= kMaxProductsSide;
  int products = 0, depth = 0;
  for (const SceneItem& item : s.items) {
    if (const auto* g = std::get_if<GroupBegin>(&item)) {
      if (depth > 0 || g->id == "products") ++depth;
      products += g->role == "product";
    } else if (std::holds_alternative<GroupEnd>(item)) {
      depth -= depth > 0;
    } else if (const auto* t = std::get_if<TextShape>(&item); t && depth > 0) {
      BOOST_TEST(t->size >= min_size, "product text '" << t->text << "' at " << t->size);
    }
  }
  BOOST_TEST(products == (wanted ? kh * kw : 0));
}

// How many texts of `group` are exactly `text`.
int Count(const Scene& s, const std::string& group, const std::string& text) {
  const std::vector<std::string> texts = TextsInGroup(s, group);
  return static_cast<int>(std::count(texts.begin(), texts.end(), text));
}

}  // namespace

// The smallest text of a scene ("" when it has none), e.g. "12 '3'".
std::string SmallestText(const Scene& s, double below) {
  for (const SceneItem& item : s.items)
    if (const auto* t = std::get_if<TextShape>(&item))
      if (t->size < below) return fmt::format("{} '{}'", t->size, t->text);
  return "";
}

// Up to the contract's sizes (maps 12 a side, the padded image 14) every cell
// of every grid shows its number, at one size no smaller than kMinValueSize,
// with nothing overlapping and everything inside the frame. Slides promise
// 16:9 and no text under 1/50 of their height instead: a grid whose numbers
// cannot be that large shows colour only.
BOOST_DATA_TEST_CASE(EveryNumberShownUpToTheContractSizes,
                     bdata::make(std::vector<SweepCase>{
                         {.name = "14x14 valid 3x3: 12x12 maps", .rows = 14, .cols = 14, .kh = 3, .kw = 3},
                         {.name = "12x12 same 3x3", .rows = 12, .cols = 12, .kh = 3, .kw = 3, .pad = 1},
                         {.name = "10x10 same 5x5", .rows = 10, .cols = 10, .kh = 5, .kw = 5, .pad = 2},
                         {.name = "7x7 same 5x5", .rows = 7, .cols = 7, .kh = 5, .kw = 5, .pad = 2},
                         {.name = "14x14 valid 7x7", .rows = 14, .cols = 14, .kh = 7, .kw = 7},
                         {.name = "8x8 same 7x7 stride 2", .rows = 8, .cols = 8, .kh = 7, .kw = 7, .pad = 3, .stride = 2},
                         {.name = "9x9 same stride 2", .rows = 9, .cols = 9, .kh = 3, .kw = 3, .pad = 1, .stride = 2},
                         {.name = "14x14 5x5 no pool", .rows = 14, .cols = 14, .kh = 3, .kw = 3, .pool = false},
                         {.name = "12x12 no activation", .rows = 12, .cols = 12, .kh = 3, .kw = 3, .pad = 1,
                          .activation = false},
                         {.name = "14x14 14x14 filter", .rows = 14, .cols = 14, .kh = 14, .kw = 14, .pool = false},
                         {.name = "1x1", .rows = 1, .cols = 1, .kh = 1, .kw = 1, .pool = false},
                     }) * bdata::make(kLayouts),
                     c, layout) {
  Variant v = RealisticVariant(c.rows, c.cols, c.kh, c.pad, c.stride);
  v.pool.enabled = c.pool;
  if (!c.activation) v.activation.type = ActivationType::None;
  const auto b = Build(v, {}, layout);
  const FrameGeometry& g = b->geometry;
  CheckFrameSize(layout, g);
  // Tall frames promise numbers only where a grid's row of them fits a
  // phone's width (TallFramesShowEveryNumber), slides where they fit 16:9
  // at 22 units; wide frames at every size.
  const bool promised = layout == FrameLayout::Wide;
  if (promised || g.value_size > 0) {
    BOOST_TEST(g.value_size >= MinValueSize(layout));
    BOOST_TEST(g.value_size >= std::min(g.width, 1920.0) / 128);
  }
  // A focused variant's stage frames keep that promise, each at its own
  // size; its summary, every panel in their height, shows what fits.
  std::vector<const FrameGeometry*> promising{&g};
  if (!g.focused.empty()) {
    promising.clear();
    for (const FrameGeometry& view : g.focused)
      if (view.width > 0) promising.push_back(&view);
  }
  for (const FrameGeometry* view : promising) {
    if (!promised) break;
    BOOST_TEST(view->value_size >= MinValueSize(layout));
    BOOST_TEST(view->width == g.width);
    BOOST_TEST(view->height == g.height);
    for (const Panel* p : {&view->input, &view->filter, &view->conv, &view->activated, &view->pooled}) {
      if (p->grid.rows == 0) continue;
      BOOST_TEST_CONTEXT(p->label) {
        BOOST_TEST(p->grid.numbers);
        BOOST_TEST(p->grid.number_size == view->value_size);  // one size per frame
      }
    }
  }
  for (int i : SampleBeats(b->story)) {
    BOOST_TEST_CONTEXT("beat " << i) {
      const Scene s = LayoutBeat(b->input, b->geometry, i);
      BOOST_TEST(FirstOutside(s) == "");
      BOOST_TEST(FirstTextOverlap(s) == "");
      CheckProducts(s, b->story.beats[static_cast<std::size_t>(i)], c.kh, c.kw, MinValueSize(layout),
                    layout != FrameLayout::Slides || g.ForStage(Stage::Conv).products.rows > 0);
      if (layout == FrameLayout::Slides) BOOST_TEST(SmallestText(s, 22) == "");
    }
  }
  if (!promised) return;
  // The summary writes every value of every map, and the image's, zeros
  // included; a focused variant's last frame of each stage writes its grids'.
  const auto last_of = [&](std::initializer_list<Stage> stages) {
    int last = 0;
    for (std::size_t i = 0; i < b->story.beats.size(); ++i)
      if (std::find(stages.begin(), stages.end(), b->story.beats[i].stage) != stages.end()) last = static_cast<int>(i);
    return LayoutBeat(b->input, b->geometry, last);
  };
  const bool focused = !g.focused.empty();
  const Scene summary = last_of({Stage::Summary});
  const Scene conv = focused ? last_of({Stage::Conv}) : summary;
  const Scene activation = focused && c.activation ? last_of({Stage::Activation}) : summary;
  const Scene pool = focused && b->result.pooled() ? last_of({Stage::Pool}) : summary;
  const auto check_all = [&](const Scene& frame, const std::string& group, const Grid& grid) {
    std::map<std::string, int> want;
    for (double x : grid.values) ++want[FormatNumberCell(x)];
    for (const auto& [text, n] : want) BOOST_TEST(Count(frame, group, text) >= n, group << " shows " << text);
  };
  check_all(conv, "input", v.image);
  check_all(conv, "filter", v.filter.weights);
  check_all(conv, "conv", b->result.conv());
  if (c.activation) check_all(activation, "activated", b->result.activated());
  if (b->result.pooled()) check_all(pool, "pooled", *b->result.pooled());
}

BOOST_AUTO_TEST_CASE(TheImageIsGreyAndPaddingIsHatched) {
  Variant v = RealisticVariant(5, 5, 3, 1, 1);
  v.image_from_file = true;
  v.image.Edit().at(0, 0) = 0;
  v.image.Edit().at(0, 1) = 255;
  const auto b = Build(v);
  const GreyRange grey = ImageGreyRange(b->variant);
  BOOST_TEST(grey.black == 0);
  BOOST_TEST(grey.white == 255);
  const Scene s = LayoutBeat(b->input, b->geometry, 0);
  const GridBox& ib = b->geometry.ForStage(b->story.beats[0].stage).input.grid;
  const auto fill_at = [&](int row, int col) {
    for (const SceneItem& item : s.items)
      if (const auto* r = std::get_if<RectShape>(&item))
        if (r->has_fill && r->x == ib.x + col * ib.cell && r->y == ib.y + row * ib.cell && r->w == ib.cell) return r->fill;
    return Color{1, 2, 3};
  };
  BOOST_TEST((fill_at(1, 1) == Color{0, 0, 0}));        // image (0, 0): black
  BOOST_TEST((fill_at(1, 2) == Color{255, 255, 255}));  // image (0, 1): white
  BOOST_TEST((fill_at(0, 0) == palette::kPaddingCell));
  // Padding carries a texture too: hatch strokes, four per padding cell.
  int hatches = 0;
  for (const SceneItem& item : s.items)
    if (const auto* l = std::get_if<LineShape>(&item)) hatches += l->stroke == palette::kPaddingHatch;
  BOOST_TEST(hatches == 4 * (7 * 7 - 5 * 5));
  // An image from pixels runs from its own minimum (or 0) to its maximum.
  Variant pixels = testing::VerticalEdgeVariant();
  BOOST_TEST(ImageGreyRange(pixels).black == 0);
  BOOST_TEST(ImageGreyRange(pixels).white == 9);
}

// Tall frames (390 wide, for phones) show every number of lessons whose
// rows of values fit a phone: the default lesson, and the 9x9 image
// of values 0 to 255 with same padding and stride 2; at the layout's minimum
// size or larger, nothing outside, nothing overlapping.
BOOST_DATA_TEST_CASE(TallFramesShowEveryNumber,
                     bdata::make(std::vector<SweepCase>{
                         {.name = "6x6 3x3", .rows = 6, .cols = 6, .kh = 3, .kw = 3},
                         {.name = "9x9 same stride 2", .rows = 9, .cols = 9, .kh = 3, .kw = 3, .pad = 1, .stride = 2},
                         {.name = "7x7 same 5x5", .rows = 7, .cols = 7, .kh = 5, .kw = 5, .pad = 2, .stride = 2},
                     }),
                     c) {
  Variant v = RealisticVariant(c.rows, c.cols, c.kh, c.pad, c.stride);
  v.pool.enabled = c.pool;
  const auto b = Build(v, {}, FrameLayout::Tall);
  const FrameGeometry& g = b->geometry;
  BOOST_TEST(g.width == 390);
  BOOST_TEST(g.value_size >= kMinValueSize);
  BOOST_TEST(g.panel_rows >= 2);  // stacked, not one row shrunk
  for (const Panel* p : {&g.input, &g.filter, &g.conv, &g.activated, &g.pooled}) {
    if (p->grid.rows == 0) continue;
    BOOST_TEST_CONTEXT(p->label) { BOOST_TEST(p->grid.numbers); }
  }
  for (int i : SampleBeats(b->story)) {
    const Scene s = LayoutBeat(b->input, b->geometry, i);
    BOOST_TEST(FirstOutside(s) == "");
    BOOST_TEST(FirstTextOverlap(s) == "");
    CheckProducts(s, b->story.beats[static_cast<std::size_t>(i)], c.kh, c.kw, kMinValueSize);
  }
}

// Slides are 16:9 with no text under 1/50 of their height: the default
// lesson's with every number; a 28x28 photograph's, and a 16x16 picture's
// under a 5x5 filter of decimals, with colour only where numbers would be
// smaller, the filter's weights still written.
BOOST_AUTO_TEST_CASE(SlidesAreSixteenByNine) {
  const auto b = Build(testing::VerticalEdgeVariant(), {}, FrameLayout::Slides);
  BOOST_TEST(b->geometry.width == 1920);
  BOOST_TEST(b->geometry.height == 1080);
  BOOST_TEST(b->geometry.value_size >= 22);
  BOOST_TEST(b->geometry.input.grid.numbers);
  BOOST_TEST(b->geometry.conv.grid.numbers);
  Variant photo = RealisticVariant(28, 28, 3, 0, 1);
  photo.activation.type = ActivationType::None;
  photo.pool.enabled = false;
  Variant authored = RealisticVariant(16, 16, 5, 2, 1);
  for (int i = 0; i < 25; ++i) authored.filter.weights.values[static_cast<std::size_t>(i)] = (i * 37 % 23 - 11) * 0.0137;
  for (const Variant& v : {photo, authored}) {
    BOOST_TEST_CONTEXT(v.image->rows << "x" << v.image->cols) {
      const auto big = Build(v, {}, FrameLayout::Slides);
      const FrameGeometry& g = big->geometry;
      CheckFrameSize(FrameLayout::Slides, g);
      BOOST_TEST(g.filter.grid.numbers);
      BOOST_TEST(!g.input.grid.numbers);  // too many cells for 22-unit numbers
      BOOST_TEST(g.input.grid.cell >= 16);
      for (int i : SampleBeats(big->story)) {
        BOOST_TEST_CONTEXT("beat " << i) {
          const Scene s = LayoutBeat(big->input, g, i);
          BOOST_TEST(FirstOutside(s) == "");
          BOOST_TEST(FirstTextOverlap(s) == "");
          BOOST_TEST(SmallestText(s, 22) == "");
        }
      }
    }
  }
}

// A 1-D lesson is drawn as strips: one strip a row, one cell size, column
// indices only; with stride 1 each feature-map cell sits under the centre of
// the window that wrote it, causal under the window's last pixel (the input
// at the same time); the filter moves under the window of each conv beat.
BOOST_DATA_TEST_CASE(StripsLineUpWithTheirWindows, bdata::make(kLayouts), layout) {
  Variant v = testing::SizedVariant(1, 12, 1, 3);
  BOOST_TEST(DrawnAsStrips(v));
  for (const bool causal : {false, true}) {
    BOOST_TEST_CONTEXT((causal ? "causal" : "centred")) {
      v.conv.causal = causal;
      v.conv.pad_left = causal ? 2 : 1;
      v.conv.pad_right = causal ? 0 : 1;
      const auto b = Build(v, {}, layout);
      const FrameGeometry& g = b->geometry;
      BOOST_TEST(g.strips);
      BOOST_TEST(g.panel_rows == 5);  // signal, filter, map, activated, pooled
      BOOST_TEST(!g.input.grid.row_indices);
      BOOST_TEST(g.conv.grid.cell == g.input.grid.cell);
      BOOST_TEST(g.filter.grid.cell == g.input.grid.cell);
      if (layout != FrameLayout::Tall) BOOST_TEST(g.conv.grid.numbers);
      BOOST_TEST(g.input.label == "Signal, length 12, padded");
      const double cell = g.input.grid.cell;
      for (int j = 0; j < 12; ++j) {
        // Output j's window covers padded cells j..j+2; centred: its middle,
        // causal: its last, which is input j.
        const double window = g.input.grid.x + (j + (causal ? 2 : 1) + 0.5) * cell;
        BOOST_TEST(std::abs(g.conv.grid.x + (j + 0.5) * cell - window) <= 0.5);
      }
      BOOST_TEST(g.activated.grid.x == g.conv.grid.x);
      CheckFrameSize(layout, g);
      for (int i : SampleBeats(b->story)) {
        BOOST_TEST_CONTEXT("beat " << i) {
          const Scene s = LayoutBeat(b->input, b->geometry, i);
          BOOST_TEST(FirstOutside(s) == "");
          BOOST_TEST(FirstTextOverlap(s) == "");
        }
      }
      // Conv beat for output 5: the filter's first cell under padded cell 5.
      for (std::size_t i = 0; i < b->story.beats.size(); ++i) {
        const Beat& beat = b->story.beats[i];
        if (beat.stage != Stage::Conv || beat.first_cell != 5 || beat.last_cell != 5) continue;
        const Scene s = LayoutBeat(b->input, b->geometry, static_cast<int>(i));
        // The filter group's first cell.
        double filter_left = 1e9;
        bool in_filter = false;
        for (const SceneItem& item : s.items) {
          if (const auto* group = std::get_if<GroupBegin>(&item)) in_filter = group->id == "filter";
          if (const auto* r = std::get_if<RectShape>(&item); r && in_filter && filter_left == 1e9) filter_left = r->x;
        }
        BOOST_TEST(std::abs(filter_left - (g.input.grid.x + 5 * cell)) <= 0.5);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(TwoDimensionalLessonsAreNotStrips) {
  BOOST_TEST(!DrawnAsStrips(testing::SizedVariant(2, 12, 1, 3)));
  BOOST_TEST(!DrawnAsStrips(testing::SizedVariant(6, 6, 3, 3)));
  BOOST_TEST(!Build(testing::VerticalEdgeVariant())->geometry.strips);
}

// Small lessons keep every panel in every frame (the default lesson's is
// 1195 by 592); larger ones whose frame with every panel is too tall for a
// player focus each stage's frames on its panels, in one frame size. (Tall
// frames, for phones, focus by their own rule: the next test.)
BOOST_AUTO_TEST_CASE(OnlyLessonsTooTallForAPlayerFocus) {
  BOOST_TEST(Build(testing::VerticalEdgeVariant())->geometry.focused.empty());
  BOOST_TEST(Build(testing::VerticalEdgeVariant(), {}, FrameLayout::Slides)->geometry.focused.empty());
  // No activation and no pooling: the convolution's panels are all there is.
  Variant conv_only = RealisticVariant(10, 10, 3, 0, 1);
  conv_only.activation.type = ActivationType::None;
  conv_only.pool.enabled = false;
  BOOST_TEST(Build(conv_only)->geometry.focused.empty());
}

// A phone scrolls a tall frame rather than shrink it: where the frame with
// every panel is taller than a phone's screen, each stage's frames show
// only its panels, shorter by a fifth or more, and no grid loses a number.
// The panels stay under the heading and the caption under them, where the
// screen shows them; the frame's spare room is at its foot.
BOOST_AUTO_TEST_CASE(TallFramesFocusWhereAPhoneGainsAScreenAndKeepEveryNumber) {
  const auto b = Build(testing::VerticalEdgeVariant(), {}, FrameLayout::Tall);
  const FrameGeometry& g = b->geometry;
  BOOST_TEST_REQUIRE(g.focused.size() == 3u);
  const FrameGeometry& conv = g.focused[0];
  // The frame with every panel was 1008 units, over a phone's screen.
  BOOST_TEST(g.height < 0.8 * 1008);
  BOOST_TEST(conv.products.rows == 3);
  for (const FrameGeometry* view : {&g.focused[0], &g.focused[1], &g.focused[2], &g}) {
    BOOST_TEST(view->width == 390);
    BOOST_TEST(view->height == g.height);
    for (const Panel* p : {&view->input, &view->filter, &view->conv, &view->activated, &view->pooled})
      if (p->grid.rows > 0) BOOST_TEST(p->grid.numbers, p->label);
    // The first panel's label right under the heading, in every stage.
    BOOST_TEST(view->label_y == g.focused[0].label_y);
  }
  BOOST_TEST(g.focused[1].caption_y < conv.caption_y);  // under its own panels, not at the foot
  // The ReLU's two maps, one under the other, line up column by column (the
  // "→" before the second is not centred with it).
  BOOST_TEST(g.focused[1].activated.grid.x == g.focused[1].conv.grid.x);
  BOOST_TEST(g.focused[1].activated.grid.cell == g.focused[1].conv.grid.cell);
  // The map below comes from the map above: "↓", where wide frames have "→";
  // in the summary's last row ReLU's map comes from above, the pooled map
  // from the left.
  const auto texts = [](const FrameGeometry& view) {
    std::vector<std::string> out;
    for (const OperatorMark& op : view.operators) out.push_back(op.text);
    return out;
  };
  BOOST_TEST((texts(g.focused[1]) == std::vector<std::string>{"\u2193"}));
  BOOST_TEST((texts(g) == std::vector<std::string>{"\u2217", "=", "\u2193", "\u2192"}));
  BOOST_TEST((texts(Build(testing::VerticalEdgeVariant())->geometry) ==
              std::vector<std::string>{"\u2217", "=", "\u2192", "\u2192"}));
  for (int i : SampleBeats(b->story)) {
    const Scene s = LayoutBeat(b->input, g, i);
    BOOST_TEST(FirstOutside(s) == "");
    BOOST_TEST(FirstTextOverlap(s) == "");
  }
  // The intro computes no cell: its caption takes the products panel's
  // room, right under the feature map, not the conv beats' place below it.
  const auto caption_baseline = [](const Scene& s) {
    bool in_caption = false;
    for (const SceneItem& item : s.items) {
      if (const auto* group = std::get_if<GroupBegin>(&item)) in_caption = group->id == "caption";
      if (const auto* t = std::get_if<TextShape>(&item); t && in_caption) return t->y;
    }
    return -1.0;
  };
  BOOST_TEST_REQUIRE((b->story.beats[0].stage == Stage::Intro));
  BOOST_TEST_REQUIRE((b->story.beats[1].stage == Stage::Conv));
  const double intro_caption = caption_baseline(LayoutBeat(b->input, g, 0));
  BOOST_TEST(intro_caption > conv.conv.grid.y + conv.conv.grid.rows * conv.conv.grid.cell);
  BOOST_TEST(intro_caption <= conv.products.label_y + 1);
  BOOST_TEST(caption_baseline(LayoutBeat(b->input, g, 1)) == conv.caption_y);
  // Where the summary could show a map only in colour, every frame keeps every panel.
  // (An 8×8 image of 0-255 under a 3×3 filter of decimals: its summary in
  // the stages' height would show the image and maps in colour only.)
  const auto kept = Build(RealisticVariant(8, 8, 3, 0, 1), {}, FrameLayout::Tall);
  BOOST_TEST(kept->geometry.focused.empty());
  for (const Panel* p : {&kept->geometry.input, &kept->geometry.conv, &kept->geometry.activated, &kept->geometry.pooled})
    BOOST_TEST(p->grid.numbers, p->label);
}

// Where the frame with every panel already shows a phone's maps in colour
// (a 10×10 image of decimals: six-character sums), a stage whose maps are in
// colour loses nothing: the frames focus, and no stage shows fewer numbers.
BOOST_AUTO_TEST_CASE(TallFramesFocusWhereTheMapsWereInColourAlready) {
  Variant v = RealisticVariant(10, 10, 3, 0, 1);
  for (double& x : v.image.Edit().values) x = x / 97 - 0.9;
  const auto b = Build(v, {}, FrameLayout::Tall);
  const FrameGeometry& g = b->geometry;
  BOOST_TEST_REQUIRE(g.focused.size() == 3u);
  BOOST_TEST(g.height < 0.8 * 1803);  // the frame with every panel was 390×1803
  BOOST_TEST(!g.conv.grid.numbers);  // the summary: maps in colour, as with every panel
  BOOST_TEST(g.filter.grid.numbers);
  BOOST_TEST(g.focused[0].filter.grid.numbers);
  // One panel a row, the maps in colour: the ReLU's two maps line up, and
  // the activated map keeps its cells for the pooling (the "→" before it
  // once took room from its cells only where it stood second).
  const FrameGeometry &activation = g.focused[1], &pool = g.focused[2];
  BOOST_TEST(activation.activated.grid.cell == activation.conv.grid.cell);
  BOOST_TEST(activation.activated.grid.x == activation.conv.grid.x);
  BOOST_TEST(pool.activated.grid.cell == activation.activated.grid.cell);
  for (const FrameGeometry& view : g.focused) {
    BOOST_TEST(view.height == g.height);
    const std::array<const Panel*, 5> mine{&view.input, &view.filter, &view.conv, &view.activated, &view.pooled};
    const std::array<const Panel*, 5> all{&g.input, &g.filter, &g.conv, &g.activated, &g.pooled};
    for (std::size_t p = 0; p < mine.size(); ++p)
      if (mine[p]->grid.rows > 0 && all[p]->grid.numbers) BOOST_TEST(mine[p]->grid.numbers, mine[p]->label);
  }
  for (int i : SampleBeats(b->story)) {
    const Scene s = LayoutBeat(b->input, g, i);
    BOOST_TEST(FirstOutside(s) == "");
    BOOST_TEST(FirstTextOverlap(s) == "");
  }
}

BOOST_AUTO_TEST_CASE(FocusedStagesShowTheirPanelsLargerInOneFrameSize) {
  const auto b = Build(RealisticVariant(10, 10, 3, 0, 1));
  const FrameGeometry& g = b->geometry;
  BOOST_TEST_REQUIRE(g.focused.size() == 3u);
  const FrameGeometry &conv = g.focused[0], &activation = g.focused[1], &pool = g.focused[2];
  // Near the height a player shows without shrinking it further (a
  // 1280-wide frame at 720).
  BOOST_TEST(g.height <= 900);
  for (const FrameGeometry* view : {&conv, &activation, &pool}) {
    BOOST_TEST(view->width == g.width);
    BOOST_TEST(view->height == g.height);
    BOOST_TEST(view->value_size >= kMinValueSize);
    BOOST_TEST(view->focused.empty());
  }
  // Each stage's panels: what it reads and what it writes.
  const auto present = [](const FrameGeometry& view) {
    std::string s;
    for (const Panel* p : {&view.input, &view.filter, &view.conv, &view.activated, &view.pooled})
      s += p->grid.rows > 0 ? '1' : '0';
    return s;
  };
  BOOST_TEST(present(conv) == "11100");
  BOOST_TEST(conv.products.rows == 3);
  BOOST_TEST(present(activation) == "00110");
  BOOST_TEST(present(pool) == "00011");
  BOOST_TEST(present(g) == "11111");  // the summary
  BOOST_TEST(g.products.rows == 0);   // which computes no cell
  // The maps' cells are larger in their stages' frames than in the summary.
  BOOST_TEST(activation.conv.grid.cell > g.conv.grid.cell);
  BOOST_TEST(pool.pooled.grid.cell > g.pooled.grid.cell);
  // The activated map, in the ReLU's frames and the pooling's, keeps its
  // cells, numbers and place in height: the feature map's negative numbers,
  // which ReLU clears, size every map's cells, as in the summary (they
  // once sized only the ReLU frame's, so the map shrank for pooling).
  Variant relu = RealisticVariant(10, 10, 3, 0, 1);
  relu.activation = {ActivationType::Relu, 0};
  const auto cleared = Build(relu);
  BOOST_TEST_REQUIRE(cleared->geometry.focused.size() == 3u);
  for (const FrameGeometry& f : {g, cleared->geometry}) {
    BOOST_TEST(f.focused[2].activated.grid.cell == f.focused[1].activated.grid.cell);
    BOOST_TEST(f.focused[2].activated.grid.y == f.focused[1].activated.grid.y);
    BOOST_TEST(f.focused[2].value_size == f.focused[1].value_size);
  }
  // Every beat takes its stage's panels; caption and legend stay put.
  for (std::size_t i = 0; i < b->story.beats.size(); ++i) {
    const Beat& beat = b->story.beats[i];
    const FrameGeometry& want = beat.stage == Stage::Summary    ? g
                                : beat.stage == Stage::Activation ? activation
                                : beat.stage == Stage::Pool       ? pool
                                                                  : conv;
    BOOST_TEST(&g.ForStage(beat.stage) == &want);
    BOOST_TEST(want.caption_y == g.caption_y);
    BOOST_TEST(want.legend_y == g.legend_y);
  }
  for (int i : SampleBeats(b->story)) {
    const Scene s = LayoutBeat(b->input, g, i);
    BOOST_TEST(FirstOutside(s) == "");
    BOOST_TEST(FirstTextOverlap(s) == "");
  }
}


// Slides keep 16:9 and 22-unit text: a stage's slide shows its own panels
// where that shows numbers a slide with every panel has no room for.
BOOST_AUTO_TEST_CASE(FocusedSlidesShowNumbersTheWholeSlideHasNoRoomFor) {
  const auto b = Build(RealisticVariant(10, 10, 3, 0, 1), {}, FrameLayout::Slides);
  const FrameGeometry& g = b->geometry;
  BOOST_TEST_REQUIRE(g.focused.size() == 3u);
  int more = 0;
  for (const FrameGeometry& view : g.focused) {
    BOOST_TEST(view.width == 1920);
    BOOST_TEST(view.height == 1080);
    // Heading, caption and legend stay put from slide to slide.
    BOOST_TEST(view.heading_y == g.heading_y);
    BOOST_TEST(view.caption_y == g.caption_y);
    BOOST_TEST(view.legend_y == g.legend_y);
    const Panel* mine[] = {&view.input, &view.filter, &view.conv, &view.activated, &view.pooled};
    const Panel* all[] = {&g.input, &g.filter, &g.conv, &g.activated, &g.pooled};
    for (int p = 0; p < 5; ++p)
      if (mine[p]->grid.rows > 0 && mine[p]->grid.numbers && !all[p]->grid.numbers) ++more;
  }
  BOOST_TEST(more > 0);
  for (int i : SampleBeats(b->story)) {
    const Scene s = LayoutBeat(b->input, g, i);
    BOOST_TEST(FirstOutside(s) == "");
    BOOST_TEST(FirstTextOverlap(s) == "");
    BOOST_TEST(SmallestText(s, 22) == "");
  }
}

// The products panel shows while one cell is computed: beats of a row each
// leave it out, and the frame keeps no room for it.
BOOST_AUTO_TEST_CASE(NoProductsRoomWithoutOneCellBeats) {
  BeatsSpec rows;
  rows.per = BeatsPer::Row;
  BeatsSpec cells;
  cells.per = BeatsPer::Cell;
  const auto by_row = Build(testing::VerticalEdgeVariant(), rows);
  const auto by_cell = Build(testing::VerticalEdgeVariant(), cells);
  BOOST_TEST(by_row->geometry.products.rows == 0);
  BOOST_TEST(by_cell->geometry.products.rows == 3);
  BOOST_TEST(by_row->geometry.height < by_cell->geometry.height);
}

// A tall frame too narrow for a map's long decimals still shows the numbers
// of the grids whose cells can hold them: a filter of quarters and an image
// of two-decimal values, beside maps in colour with signs.
BOOST_AUTO_TEST_CASE(TallFramesNumberTheGridsThatFitWhenAMapCannot) {
  Variant v = testing::SizedVariant(8, 8, 3, 3);
  const double pixels[8][8] = {{0.80, 0.50, -0.18, -0.72, -0.72, -0.17, 0.51, 0.80},
                               {1.44, 1.14, 0.46, -0.08, -0.07, 0.48, 1.15, 1.44},
                               {1.79, 1.48, 0.80, 0.26, 0.27, 0.82, 1.49, 1.79},
                               {1.66, 1.36, 0.68, 0.14, 0.15, 0.69, 1.37, 1.66},
                               {1.13, 0.83, 0.15, -0.39, -0.38, 0.17, 0.84, 1.13},
                               {0.45, 0.15, -0.53, -1.07, -1.07, -0.52, 0.16, 0.45},
                               {-0.07, -0.37, -1.05, -1.59, -1.59, -1.04, -0.36, -0.07},
                               {-0.18, -0.49, -1.16, -1.71, -1.70, -1.15, -0.47, -0.18}};
  for (int r = 0; r < 8; ++r)
    for (int c = 0; c < 8; ++c) v.image.Edit().at(r, c) = pixels[r][c];
  const double weights[3][3] = {{0.25, 0, -0.25}, {0.5, 0, -0.5}, {0.25, 0, -0.25}};
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) v.filter.weights.at(i, j) = weights[i][j];
  const auto b = Build(v, {}, FrameLayout::Tall);
  for (const FrameGeometry* g : std::vector<const FrameGeometry*>{&b->geometry.ForStage(Stage::Conv), &b->geometry}) {
    BOOST_TEST(!g->conv.grid.numbers);  // "−0.9825" and the like: six to a 370-unit row do not fit
    BOOST_TEST(g->input.grid.numbers);
    BOOST_TEST(g->filter.grid.numbers);
    BOOST_TEST(g->value_size >= kMinValueSize);
  }
}
