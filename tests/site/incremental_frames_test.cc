// Frames drawn from the beat before (render/cairo_png.h's FrameDrawer: only
// the boxes whose scene items changed are painted again, the runs of the
// other rows reused) have exactly the runs (so the pixels) of frames drawn whole, for every beat, wide and tall, at scales 1
// and 2, on the default lesson, an authored 16x16 0-255 lesson with a 5x5
// decimal filter, the shipped lesson with channels and the transposed one;
// one drawer goes on from variant to variant, as the build's does; and their
// PNGs, copying unchanged bands from the frame before's, are the files
// of the frames drawn whole. And the
// cases that must be drawn whole are.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "../support/default_lesson.h"
#include "../support/same_pixels.h"
#include "lesson/loader.h"
#include "render/cairo_frame_changes.h"
#include "render/cairo_png.h"
#include "render/gif_animation.h"
#include "site/built_lesson.h"

using namespace cl;
using testing::SamePixels;
using testing::SameRuns;

namespace {

// Cell k of the block painted `colour`, the others as they were.
void Recolour(CellsShape& cells, std::size_t k, Color colour) {
  std::vector<Color> fills(cells.fills.size());
  for (std::size_t i = 0; i < fills.size(); ++i) fills[i] = i == k ? colour : cells.fills[i];
  cells.fills = BlockFills(std::move(fills));
}

Lesson AuthoredLesson() {
  return testing::AuthoredLesson(16, [](int r, int c) { return (r * 16 + c * 7) % 256; });
}

Lesson Shipped(const std::string& name) {
  const LoadResult loaded = LoadLessonFile(std::string(CONVLESSON_SOURCE_DIR) + "/lessons/" + name);
  BOOST_TEST_REQUIRE(loaded.lesson.has_value(), name);
  return *loaded.lesson;
}

// The variant's palette for its PNG frames, wide and tall, as the build
// makes one (site/frame_files.cc): from the colours its scenes name and its
// palette beats' wide frames.
std::shared_ptr<const FramePalette> SequencePalette(const BuiltLesson& built, const BuiltVariant& v, double scale) {
  const BeatSceneFn scene_at = [&](int i) { return LayoutBuiltBeat(built, v, i); };
  std::vector<uint32_t> named;
  for (const Color& c : ExactGifColours(v.story.animation, scene_at)) named.push_back(PackRgb(c));
  std::vector<ColourRuns> drawn;
  for (int beat : v.story.animation.palette_beats) drawn.push_back(DrawColourRuns(scene_at(beat), scale));
  std::vector<const ColourRuns*> samples;
  for (const ColourRuns& r : drawn) samples.push_back(&r);
  return std::make_shared<const FramePalette>(FramePalette::FromSamples(samples, named));
}

// Every beat of every variant, wide then tall, drawn both ways.
void CheckLesson(const Lesson& lesson) {
  const BuiltLesson built = BuildLesson(lesson);
  std::size_t copied = 0;
  for (double scale : {1.0, 2.0}) {
    for (bool tall : {false, true}) {
      FrameDrawer drawer(scale);
      std::vector<std::shared_ptr<const FramePalette>> palettes;  // per variant, as a build makes them
      for (const BuiltVariant& v : built.variants) palettes.push_back(SequencePalette(built, v, scale));
      int beats = 0;
      int banded = 0;  // frames too large to keep: drawn in bands, from the last one's runs
      for (const BuiltVariant& v : built.variants) {
        if (tall && v.frame_svg_tall.empty()) continue;
        const std::shared_ptr<const FramePalette>& palette = palettes[static_cast<std::size_t>(&v - built.variants.data())];
        drawer.SetPngPalette(palette);
        for (int beat = 0; beat < static_cast<int>(v.story.beats.size()); ++beat, ++beats) {
          const Scene scene = LayoutBuiltBeat(built, v, beat, tall);
          if (scene.width * scale * scene.height * scale > static_cast<double>(kKeptFramePixels)) ++banded;
          const ColourRuns runs = drawer.Draw(scene);
          // The same runs as the frame drawn whole (so the same pixels:
          // tests/render/png_test.cc holds DrawColourRuns to RasterizeScene),
          // its colours perhaps listed in another order (the frame before's).
          const ColourRuns whole = DrawColourRuns(scene, scale);
          BOOST_TEST(SameRuns(runs, whole), lesson.id << " " << v.slug << " beat " << beat << (tall ? " tall" : " wide") << " scale "
                                     << scale);
          // Its PNG, the bands it left unchanged copied from the frame
          // before's, is the file the frame drawn whole makes.
          BOOST_TEST((drawer.Png() == EncodeRunsPng(whole, palette.get())),
                     lesson.id << " " << v.slug << " beat " << beat << (tall ? " tall" : " wide") << " scale " << scale);
        }
      }
      if (beats == 0) continue;
      BOOST_TEST(drawer.whole_frames() + drawer.incremental_frames() == beats);
      // Most beats change a few items: they must be drawn from the one
      // before, kept frames and frames drawn in bands alike.
      BOOST_TEST(drawer.incremental_frames() * 2 > beats, lesson.id << " scale " << scale);
      BOOST_TEST_MESSAGE(lesson.id << " scale " << scale << (tall ? " tall: " : " wide: ") << drawer.whole_frames()
                                   << " whole, " << drawer.incremental_frames() << " from the one before ("
                                   << banded << " in bands), " << drawer.png_bands_copied()
                                   << " PNG bands copied");
      copied += drawer.png_bands_copied();
    }
  }
  // Most beats leave most rows as they were: bands of their PNGs are copied.
  BOOST_TEST(copied > 0, lesson.id);
}

Scene Canvas() {
  Scene s;
  s.width = 40;
  s.height = 20;
  RectShape r;
  r.x = 2, r.y = 2, r.w = 5, r.h = 5;
  r.fill = {200, 100, 0};
  s.items.emplace_back(r);
  TextShape t;
  t.x = 20, t.y = 15, t.text = "12", t.size = 8;
  s.items.emplace_back(t);
  return s;
}

}  // namespace

BOOST_AUTO_TEST_CASE(DefaultLessonFramesDrawnFromTheBeatBeforeAreExact) { CheckLesson(testing::DefaultLesson()); }

// A drawer given other bands (as lessons of large pictures and large
// frames get: kLargeImageBandPixels, kLargeFrameBandPixels) paints frames
// too large to keep in bands of at most that many pixels, and draws the
// same runs, whole and from the beat before.
BOOST_AUTO_TEST_CASE(FramesDrawnInOtherBandsAreExact) {
  const Lesson lesson = testing::DefaultLesson();
  const BuiltLesson built = BuildLesson(lesson);  // points into `lesson`
  const BuiltVariant& v = built.variants.front();
  const double scale = 2.0;
  const Scene first = LayoutBuiltBeat(built, v, 0);
  const auto width = static_cast<std::size_t>(first.width * scale);
  BOOST_REQUIRE(first.width * scale * first.height * scale > static_cast<double>(kKeptFramePixels));  // drawn in bands
  for (const std::size_t band_pixels : {kLargeImageBandPixels, kLargeFrameBandPixels, 7 * width}) {
    PixelBuffer band;
    FrameDrawer drawer(scale, &band, band_pixels);
    for (int beat = 0; beat < static_cast<int>(v.story.beats.size()); ++beat) {
      const Scene scene = LayoutBuiltBeat(built, v, beat);
      const ColourRuns& runs = drawer.Draw(scene);
      const ColourRuns whole = DrawColourRuns(scene, scale);
      BOOST_TEST(SameRuns(runs, whole), "beat " << beat << " bands of " << band_pixels << " pixels");
      BOOST_TEST(band.size() > 0u);
      BOOST_TEST(band.size() <= band_pixels, "beat " << beat << ": a band of " << band.size() << " pixels");
    }
    BOOST_TEST(drawer.incremental_frames() * 2 > static_cast<int>(v.story.beats.size()));
  }
}
BOOST_AUTO_TEST_CASE(AuthoredLessonFramesDrawnFromTheBeatBeforeAreExact) { CheckLesson(AuthoredLesson()); }
BOOST_AUTO_TEST_CASE(ChannelsLessonFramesDrawnFromTheBeatBeforeAreExact) {
  CheckLesson(Shipped("rgb-several-filters.yaml"));
}
// 11-megapixel frames at scale 2 (and over 4 at scale 1): too large to
// keep, drawn in bands from the last frame's runs. One variant of four.
BOOST_AUTO_TEST_CASE(PhotographLessonFramesDrawnFromTheBeatBeforeAreExact) {
  Lesson lesson = Shipped("real-picture.yaml");
  lesson.variants.resize(1);
  CheckLesson(lesson);
}
BOOST_AUTO_TEST_CASE(TransposedLessonFramesDrawnFromTheBeatBeforeAreExact) {
  CheckLesson(Shipped("transposed-convolution.yaml"));
}

// Its padding cells are hatched with slanted lines, which a box cutting
// through them would round differently from the frame drawn whole.
BOOST_AUTO_TEST_CASE(PaddedLessonFramesDrawnFromTheBeatBeforeAreExact) {
  CheckLesson(Shipped("padding-and-stride.yaml"));
}

BOOST_AUTO_TEST_CASE(ChangedBoxesHoldTheSlantedLinesTheyMeetWhole) {
  Scene before = Canvas();
  Scene after = before;
  std::get<TextShape>(after.items[1]).text = "13";
  const auto alone = ChangedPixelBoxes(before, after, 2, 80, 40);
  BOOST_REQUIRE(alone.has_value());
  BOOST_REQUIRE(alone->size() == 1u);
  BOOST_TEST(alone->front().left > 31);  // the text's box alone
  LineShape hatch;  // its right end under the text
  hatch.x1 = 16, hatch.y1 = 12, hatch.x2 = 28, hatch.y2 = 6, hatch.width = 1;
  before.items.emplace_back(hatch);
  after.items.emplace_back(hatch);
  const auto boxes = ChangedPixelBoxes(before, after, 2, 80, 40);
  BOOST_REQUIRE(boxes.has_value());
  BOOST_REQUIRE(boxes->size() == 1u);
  BOOST_TEST(boxes->front().left <= 31);   // the hatch's left end, 15.5 units at scale 2
  BOOST_TEST(boxes->front().right >= 57);  // its right end, 28.5 units
}

BOOST_AUTO_TEST_CASE(ChangedBoxesCoverOnlyWhatChanged) {
  const Scene before = Canvas();
  const auto none = ChangedPixelBoxes(before, before, 2, 80, 40);
  BOOST_REQUIRE(none.has_value());
  BOOST_TEST(none->empty());
  Scene moved = before;
  std::get<RectShape>(moved.items[0]).x = 10;
  const auto boxes = ChangedPixelBoxes(before, moved, 2, 80, 40);
  BOOST_REQUIRE(boxes.has_value());
  BOOST_REQUIRE(boxes->size() == 1u);  // the old and new place, merged
  const PixelBox& box = boxes->front();
  BOOST_TEST(box.left <= 4);   // the old square's left edge, 2 units at scale 2
  BOOST_TEST(box.right >= 30);  // the new one's right edge, 15 units
  BOOST_TEST(box.top <= 4);
  BOOST_TEST(box.bottom >= 14);
  BOOST_TEST(box.bottom < 30);  // the text below did not change
}

// A moved outline (the sliding window) is painted again with what it
// frames, but only its four sides can differ: that is what is read back,
// each side inside a box painted; the numbers inside stay unread, and the
// frame is the one drawn whole.
BOOST_AUTO_TEST_CASE(AMovedOutlineDiffersOnlyAlongItsSides) {
  Scene before;
  before.width = 200;
  before.height = 100;
  for (int k = 0; k < 4; ++k) {
    TextShape number;
    number.x = 30 + 40 * k, number.y = 55, number.size = 12, number.anchor = TextAnchor::Middle;
    number.text = std::to_string(10 + k);
    before.items.emplace_back(number);
  }
  RectShape window;
  window.x = 10, window.y = 20, window.w = 80, window.h = 60;
  window.has_fill = false, window.has_stroke = true, window.stroke = {230, 159, 0}, window.stroke_width = 3;
  before.items.emplace_back(window);
  Scene after = before;
  std::get<RectShape>(after.items.back()).x = 50;
  for (double scale : {1.0, 2.0}) {
    const int w = static_cast<int>(200 * scale), h = static_cast<int>(100 * scale);
    std::vector<PixelBox> differ;
    const auto boxes = ChangedPixelBoxes(before, after, scale, w, h, &differ);
    BOOST_REQUIRE(boxes.has_value());
    BOOST_TEST(differ.size() == 8u);  // two outlines' sides, unmerged
    const auto inside = [&](const PixelBox& d) {
      return std::any_of(boxes->begin(), boxes->end(), [&](const PixelBox& b) {
        return b.left <= d.left && d.right <= b.right && b.top <= d.top && d.bottom <= b.bottom;
      });
    };
    const auto covers = [](const PixelBox& d, double x, double y) { return d.left <= x && x < d.right && d.top <= y && y < d.bottom; };
    for (const PixelBox& d : differ) {
      BOOST_TEST(inside(d));
      BOOST_TEST(!covers(d, 70 * scale, 50 * scale), "the number 11's middle is read at scale " << scale);
    }
    BOOST_TEST(std::any_of(boxes->begin(), boxes->end(), [&](const PixelBox& b) { return covers(b, 70 * scale, 50 * scale); }));
    // The old left side and the new right side are read.
    BOOST_TEST(std::any_of(differ.begin(), differ.end(), [&](const PixelBox& d) { return covers(d, 10 * scale, 50 * scale); }));
    BOOST_TEST(std::any_of(differ.begin(), differ.end(), [&](const PixelBox& d) { return covers(d, 130 * scale, 50 * scale); }));
    FrameDrawer drawer(scale);
    drawer.Draw(before);
    BOOST_TEST(SamePixels(drawer.Draw(after), RasterizeScene(after, scale)), "scale " << scale);
    BOOST_TEST(drawer.incremental_frames() == 1);
  }
}

// A heading that changes only its last words ("position 11 of 16" to
// "12 of 16") repaints its tail, not its line, and the frame is the one
// drawn whole; a text drawn from its middle, or in another colour, is
// repainted whole.
BOOST_AUTO_TEST_CASE(ATextBeginningAlikeRepaintsItsTail) {
  Scene before;
  before.width = 400;
  before.height = 100;
  TextShape heading;
  heading.x = 10, heading.y = 25, heading.size = 12, heading.bold = true;
  heading.text = "Vertical edge \u00B7 Convolution \u00B7 position 11 of 16";
  before.items.emplace_back(heading);
  for (const std::string& text : {std::string("Vertical edge \u00B7 Convolution \u00B7 position 12 of 16"),
                                  std::string("Vertical edge \u00B7 Convolution \u00B7 position 9 of 16"),
                                  std::string("Vertical edge \u00B7 Convolution \u00B7 position 11 of 16 \u2212 last")}) {
    Scene after = before;
    std::get<TextShape>(after.items[0]).text = text;
    for (double scale : {1.0, 2.0}) {
      const int w = static_cast<int>(400 * scale), h = static_cast<int>(100 * scale);
      const auto boxes = ChangedPixelBoxes(before, after, scale, w, h);
      BOOST_REQUIRE(boxes.has_value());
      BOOST_REQUIRE(boxes->size() == 1u);
      BOOST_TEST(boxes->front().left > static_cast<int>(150 * scale), text);  // past "Vertical edge · Convolution"
      FrameDrawer drawer(scale);
      drawer.Draw(before);
      BOOST_TEST(SamePixels(drawer.Draw(after), RasterizeScene(after, scale)), text << " scale " << scale);
      BOOST_TEST(drawer.incremental_frames() == 1);
    }
  }
  for (const TextAnchor anchor : {TextAnchor::Middle, TextAnchor::End}) {
    Scene centred = before;
    std::get<TextShape>(centred.items[0]).anchor = anchor;
    std::get<TextShape>(centred.items[0]).x = anchor == TextAnchor::Middle ? 200 : 390;
    Scene after = centred;
    std::get<TextShape>(after.items[0]).text = "Vertical edge \u00B7 Convolution \u00B7 position 12 of 16";
    const auto boxes = ChangedPixelBoxes(centred, after, 1, 400, 100);
    BOOST_REQUIRE(boxes.has_value());
    BOOST_REQUIRE(boxes->size() == 1u);
    BOOST_TEST(boxes->front().right - boxes->front().left > 200);  // the whole line
  }
  Scene recoloured = before;
  std::get<TextShape>(recoloured.items[0]).text = "Vertical edge \u00B7 Convolution \u00B7 position 12 of 16";
  std::get<TextShape>(recoloured.items[0]).color = Color{230, 97, 0};
  const auto boxes = ChangedPixelBoxes(before, recoloured, 1, 400, 100);
  BOOST_REQUIRE(boxes.has_value());
  BOOST_REQUIRE(boxes->size() == 1u);
  BOOST_TEST(boxes->front().left < 12);
}

// Texts that change their tails between unchanged items each pair with the
// text in their own stretch (not one before or after it) and repaint only
// their tails.
BOOST_AUTO_TEST_CASE(TextsBetweenUnchangedItemsEachRepaintTheirTail) {
  Scene before;
  before.width = 400;
  before.height = 300;
  for (int k = 0; k < 3; ++k) {
    RectShape rule;
    rule.x = 10, rule.y = 5 + 100 * k, rule.w = 380, rule.h = 2, rule.fill = Color{90, 90, 90};
    before.items.emplace_back(rule);
    TextShape heading;
    heading.x = 10, heading.y = 40 + 100 * k, heading.size = 12;
    heading.text = "Vertical edge \u00B7 Convolution \u00B7 position " + std::to_string(k + 1) + " of 16";
    before.items.emplace_back(heading);
  }
  Scene after = before;
  for (int k = 0; k < 3; ++k)
    std::get<TextShape>(after.items[static_cast<std::size_t>(2 * k + 1)]).text =
        "Vertical edge \u00B7 Convolution \u00B7 position " + std::to_string(k + 4) + " of 16";
  const auto boxes = ChangedPixelBoxes(before, after, 1, 400, 300);
  BOOST_REQUIRE(boxes.has_value());
  BOOST_REQUIRE(boxes->size() == 3u);
  for (const PixelBox& box : *boxes) {
    BOOST_TEST(box.left > 150);  // past "Vertical edge · Convolution"
    BOOST_TEST(box.bottom - box.top < 40);
  }
  FrameDrawer drawer(1);
  drawer.Draw(before);
  BOOST_TEST(SamePixels(drawer.Draw(after), RasterizeScene(after, 1)));
  BOOST_TEST(drawer.incremental_frames() == 1);
}

// A text offered texts of its stretch that cannot pair with it (another
// colour, another line) pairs with the next that can; the refused one is
// repainted whole.
BOOST_AUTO_TEST_CASE(ATextPairsWithTheFirstOfItsStretchThatCan) {
  Scene before;
  before.width = 400;
  before.height = 100;
  TextShape first, second;
  first.x = 10, first.y = 25, first.size = 12;
  first.text = "Vertical edge \u00B7 Convolution \u00B7 position 1 of 16";
  second = first;
  second.y = 75;
  before.items = {first, second};
  Scene after = before;
  std::get<TextShape>(after.items[0]).text = "Vertical edge \u00B7 Convolution \u00B7 position 2 of 16";
  std::get<TextShape>(after.items[0]).color = Color{230, 97, 0};  // pairs with neither
  std::get<TextShape>(after.items[1]).text = "Vertical edge \u00B7 Convolution \u00B7 position 2 of 16";
  const auto boxes = ChangedPixelBoxes(before, after, 1, 400, 100);
  BOOST_REQUIRE(boxes.has_value());
  BOOST_REQUIRE(boxes->size() == 2u);
  const auto by_top = [](const PixelBox& a, const PixelBox& b) { return a.top < b.top; };
  const PixelBox upper = *std::min_element(boxes->begin(), boxes->end(), by_top),
                 lower = *std::max_element(boxes->begin(), boxes->end(), by_top);
  BOOST_TEST(upper.left < 12);   // the recoloured line, whole
  BOOST_TEST(lower.left > 150);  // the second line's tail
  FrameDrawer drawer(1);
  drawer.Draw(before);
  BOOST_TEST(SamePixels(drawer.Draw(after), RasterizeScene(after, 1)));
}

// The box repainted is wider than what changed (a margin for
// anti-aliasing): its rows that came out as before count as unchanged, for
// the PNG's bands and the GIF's rows, and those that changed do not.
BOOST_AUTO_TEST_CASE(RowsRepaintedTheSameCountAsUnchanged) {
  const Scene before = Canvas();
  Scene recoloured = before;
  std::get<RectShape>(recoloured.items[0]).fill = {0, 100, 200};
  const auto boxes = ChangedPixelBoxes(before, recoloured, 2, 80, 40);
  BOOST_REQUIRE(boxes.has_value());
  BOOST_REQUIRE(boxes->size() == 1u);
  BOOST_TEST(boxes->front().top < 4);      // the square's pixel rows are 4 .. 13,
  BOOST_TEST(boxes->front().bottom > 14);  // its box reaches past them
  FrameDrawer drawer(2);
  drawer.Draw(before);
  drawer.Draw(recoloured);
  const std::vector<uint8_t>& unchanged = drawer.unchanged_rows();
  BOOST_REQUIRE(unchanged.size() == 40u);
  for (int y = 0; y < 40; ++y) BOOST_TEST(unchanged[static_cast<std::size_t>(y)] == (y < 4 || y >= 14 ? 1 : 0), "row " << y);
}

// A block of cells drawn as one picture (a large map filling cell by cell)
// changes only the pixels of the cells that changed, the cells' picture
// and all drawn over it repainted there exactly as the whole frame has it.
BOOST_AUTO_TEST_CASE(ABlockOfCellsChangesOnlyWhereItsCellsDid) {
  Scene before;
  before.width = 400;
  before.height = 240;
  CellsShape cells;
  cells.x = 10, cells.y = 10, cells.cell_w = 4.5, cells.cell_h = 4.5, cells.rows = 20, cells.cols = 40;
  cells.fills = BlockFills(std::vector<Color>(800, Color{250, 250, 250}));
  before.items.emplace_back(cells);
  TextShape label;
  label.x = 100, label.y = 110, label.text = "Feature map", label.size = 8;
  before.items.emplace_back(label);
  Scene after = before;
  Recolour(std::get<CellsShape>(after.items[0]), 5 * 40 + 30, Color{31, 119, 180});  // row 5, column 30
  for (double scale : {1.0, 2.0}) {
    const int w = static_cast<int>(400 * scale), h = static_cast<int>(240 * scale);
    const auto boxes = ChangedPixelBoxes(before, after, scale, w, h);
    BOOST_REQUIRE(boxes.has_value());
    BOOST_REQUIRE(boxes->size() == 1u);
    const PixelBox& box = boxes->front();
    // The cell: 145 to 149.5 across, 32.5 to 37 down, in scene units.
    BOOST_TEST(box.left <= static_cast<int>(145 * scale));
    BOOST_TEST(box.right >= static_cast<int>(149.5 * scale));
    BOOST_TEST(box.top <= static_cast<int>(32.5 * scale));
    BOOST_TEST(box.bottom >= static_cast<int>(37 * scale));
    BOOST_TEST(box.Area() < 12 * 12 * scale * scale);
    FrameDrawer drawer(scale);
    drawer.Draw(before);
    BOOST_TEST(SamePixels(drawer.Draw(after), RasterizeScene(after, scale)));
    BOOST_TEST(drawer.incremental_frames() == 1);
  }
  // The same block drawn over an item it was under (or with a cell changed
  // there) changes where the two meet: drawn exactly, not only its cells.
  Scene under = before;
  RectShape cover;
  cover.x = 40, cover.y = 20, cover.w = 60, cover.h = 40, cover.fill = Color{230, 97, 0};
  under.items.emplace_back(cover);
  for (bool recoloured : {false, true}) {
    Scene over = under;
    std::rotate(over.items.begin(), over.items.begin() + 1, over.items.end());  // the block now last
    if (recoloured) Recolour(std::get<CellsShape>(over.items.back()), 0, Color{0, 0, 0});
    FrameDrawer drawer(2);
    drawer.Draw(under);
    BOOST_TEST(SamePixels(drawer.Draw(over), RasterizeScene(over, 2)), "recoloured " << recoloured);
  }
  // Another size of block is another picture: all of it changes.
  Scene resized = before;
  std::get<CellsShape>(resized.items[0]).cell_w = 4;
  const auto boxes = ChangedPixelBoxes(before, resized, 1, 400, 240);
  BOOST_REQUIRE(boxes.has_value());
  BOOST_TEST(boxes->front().right - boxes->front().left >= 180);
}

BOOST_AUTO_TEST_CASE(FramesWhoseChangesAreNotKnownAreDrawnWhole) {
  const Scene before = Canvas();
  Scene other = before;
  other.width = 41;  // another size
  BOOST_TEST(!ChangedPixelBoxes(before, other, 1, 40, 20).has_value());
  other = before;
  other.background = {0, 0, 0};
  BOOST_TEST(!ChangedPixelBoxes(before, other, 1, 40, 20).has_value());
  other = before;
  std::get<TextShape>(other.items[1]).text = "\u4e2d\u6587";  // needs a fallback font: extent unknown here
  BOOST_TEST(!ChangedPixelBoxes(before, other, 1, 40, 20).has_value());
  other = before;
  std::get<RectShape>(other.items[0]).w = 40, std::get<RectShape>(other.items[0]).h = 20;  // most of the frame
  BOOST_TEST(!ChangedPixelBoxes(before, other, 1, 40, 20).has_value());
  // A frame too large to keep is drawn in bands, whole the first time; the
  // same scene again takes every band's runs from the last frame, and a
  // frame of another size is drawn whole again.
  FrameDrawer drawer(128);
  const RasterImage whole = RasterizeScene(before, 128);
  BOOST_TEST(SamePixels(drawer.Draw(before), whole));
  BOOST_TEST(SamePixels(drawer.Draw(before), whole));
  BOOST_TEST(drawer.whole_frames() == 1);
  BOOST_TEST(drawer.incremental_frames() == 1);
  Scene wider = before;
  wider.width = 41;
  BOOST_TEST(SamePixels(drawer.Draw(wider), RasterizeScene(wider, 128)));
  BOOST_TEST(drawer.whole_frames() == 2);
}
// A 300x300 noisy picture: its grids are blocks of cells a fraction of a
// pixel each (about 1.5 at scale 1), where Cairo's scaling of a block's
// image sampled cells differently at different offsets, so a box or band
// repainted took a neighbouring cell's colour (a 512x512 RGB photo's frames
// differed with the build's chunking).
BOOST_AUTO_TEST_CASE(FractionalCellFramesDrawnFromTheBeatBeforeAreExact) {
  uint32_t state = 7;
  Lesson lesson = testing::AuthoredLesson(300, [&state](int, int) {
    state = state * 1103515245u + 12345u;
    return static_cast<double>((state >> 16) % 256);
  });
  lesson.beats.max = 6;
  CheckLesson(lesson);
}
