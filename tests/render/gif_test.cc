// GIF: the palette keeps scene colours exact, the encoder stores only what
// changed and reads back as the frames it was given, and the default lesson's
// animation decodes to 23 frames with the stage hold times and the frames'
// exact cell colours.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "../support/default_lesson.h"
#include "../support/default_scenes.h"
#include "compute/compute.h"
#include "gif_decoder.h"
#include "render/gif_animation.h"
#include "render/gif_encoder.h"
#include "render/gif_palette.h"
#include "scene/layout.h"
#include "scene/palette.h"
#include "storyboard/storyboard.h"

namespace cl {
namespace {

using testing::DecodeGif;
using testing::DecodedGifFrame;

std::vector<uint32_t> Packed(const std::vector<Color>& colors) {
  std::vector<uint32_t> out;
  for (const Color& c : colors) out.push_back(PackRgb(c));
  return out;
}

RasterImage Solid(int w, int h, uint32_t rgb) {
  RasterImage image;
  image.width = w;
  image.height = h;
  image.argb.assign(static_cast<size_t>(w) * static_cast<size_t>(h), 0xff000000u | rgb);
  return image;
}

void SetPixel(RasterImage* image, int x, int y, uint32_t rgb) {
  image->argb[static_cast<size_t>(y) * static_cast<size_t>(image->width) + static_cast<size_t>(x)] = 0xff000000u | rgb;
}

BOOST_AUTO_TEST_SUITE(gif_palette)

BOOST_AUTO_TEST_CASE(exact_colours_come_first_in_order_without_duplicates) {
  const GifPalette p = GifPalette::Build({{255, 255, 255}, {33, 102, 172}, {255, 255, 255}, {179, 88, 6}}, {});
  const std::vector<uint32_t> want = {0xffffff, 0x2166ac, 0xb35806};
  BOOST_TEST(Packed(p.colors()) == want, boost::test_tools::per_element());
  BOOST_TEST(p.transparent_index() == 3);
  BOOST_TEST(p.table_size() == 4);
}

BOOST_AUTO_TEST_CASE(shades_fill_by_count_then_colour_value_up_to_the_limit) {
  const ColorHistogram shades = {{0x101010, 5}, {0x202020, 9}, {0x303030, 5}, {0xffffff, 100}};
  const GifPalette p = GifPalette::Build({{255, 255, 255}}, shades, 2);
  // White is already exact; of the rest the commonest, then the lower value.
  const std::vector<uint32_t> want = {0xffffff, 0x202020, 0x101010};
  BOOST_TEST(Packed(p.colors()) == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(never_more_than_255_colours_and_the_table_is_a_power_of_two) {
  std::vector<Color> exact;
  for (int i = 0; i < 300; ++i) exact.push_back(Color{static_cast<uint8_t>(i % 256), static_cast<uint8_t>(i / 256), 7});
  const GifPalette p = GifPalette::Build(exact, {});
  BOOST_TEST(p.colors().size() == 255u);
  BOOST_TEST(p.transparent_index() == 255);
  BOOST_TEST(p.table_size() == 256);
}

struct NearestCase {
  uint32_t rgb;
  int want;
};

BOOST_AUTO_TEST_CASE(other_colours_map_to_the_nearest_entry) {
  GifPalette p = GifPalette::Build({{255, 255, 255}, {0, 0, 0}, {33, 102, 172}}, {});
  const NearestCase cases[] = {
      {0xffffff, 0},  // exact
      {0x000000, 1},  // exact
      {0x2166ac, 2},  // exact
      {0xf0f0f0, 0},  // light grey -> white
      {0x202020, 1},  // dark grey -> black
      {0x3070b0, 2},  // near the blue
  };
  for (const NearestCase& c : cases) BOOST_TEST(p.IndexOf(c.rgb) == c.want, "0x" << std::hex << c.rgb);
}

// Lightness before hue: a grey the palette lacks takes a grey a shade off,
// not a blue-grey nearer by distance alone (a photograph's cells beside the
// maps' diverging colours, where a tint reads as a sign).
BOOST_AUTO_TEST_CASE(a_grey_takes_a_grey_entry_before_a_tinted_nearer_one) {
  GifPalette p = GifPalette::Build({{176, 176, 176}, {195, 205, 215}, {230, 97, 0}}, {});
  BOOST_TEST(p.IndexOf(0xc8c8c8) == 0);  // grey 200
  BOOST_TEST(p.IndexOf(0xf07010) == 2);  // an orange keeps its hue
}

// A colour that is not grey keeps its lightness before its hue: the dark
// edge of text on a blue cell takes the dark grey, not the cell's light blue
// (which the greys' weighing chose: the default lesson's GIF).
BOOST_AUTO_TEST_CASE(a_colour_keeps_its_lightness) {
  GifPalette p = GifPalette::Build({{138, 192, 219}, {68, 68, 68}, {253, 196, 124}}, {});
  BOOST_TEST(p.IndexOf(0x3c6175) == 1);
}

// The search four entries at a time in floats finds what a plain search of
// every entry in 64-bit integers finds, ties going to the lower entry, on
// full palettes (255 entries) and on sizes that leave a part of four.
BOOST_AUTO_TEST_CASE(the_nearest_entry_is_the_plain_searchs_on_random_palettes) {
  const auto distance = [](uint32_t a, const Color& b) {
    const int64_t dr = static_cast<int64_t>(a >> 16 & 0xff) - b.r, dg = static_cast<int64_t>(a >> 8 & 0xff) - b.g,
                  db = static_cast<int64_t>(a & 0xff) - b.b;
    const int64_t rg = dr - dg, gb = dg - db, br = db - dr;
    const int r = a >> 16 & 0xff, g = a >> 8 & 0xff, b_ = a & 0xff;
    const int64_t tint = std::max({r, g, b_}) - std::min({r, g, b_}) <= 4 ? 18 : 2;  // a grey keeps to greys
    return 3 * dr * dr + 4 * dg * dg + 2 * db * db + tint * (rg * rg + gb * gb + br * br);
  };
  uint32_t state = 12345;
  const auto next = [&state] { return state = state * 1664525u + 1013904223u; };
  for (const int size : {1, 2, 3, 5, 64, 254, 255}) {
    std::vector<Color> exact;
    // Coarse levels, so several entries often lie equally far from a colour.
    for (int i = 0; i < size; ++i)
      exact.push_back(Color{static_cast<uint8_t>(next() >> 24 & 0xC0), static_cast<uint8_t>(next() >> 24 & 0xE0),
                            static_cast<uint8_t>(next() >> 24)});
    const GifPalette p = GifPalette::Build(exact, {});
    for (int k = 0; k < 2000; ++k) {
      const uint32_t rgb = k < 4 ? (k & 1 ? 0xffffffu : 0u) + (k & 2 ? 0x00ff00u : 0u) : next() >> 8;
      std::size_t want = 0;
      for (std::size_t i = 1; i < p.colors().size(); ++i)
        if (distance(rgb, p.colors()[i]) < distance(rgb, p.colors()[want])) want = i;
      BOOST_TEST_REQUIRE(p.Nearest(rgb) == want, "size " << size << ", 0x" << std::hex << rgb);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(gif_encoder)

BOOST_AUTO_TEST_CASE(frames_read_back_with_delays_loop_and_changed_boxes) {
  const uint32_t white = 0xffffff, blue = 0x2166ac, orange = 0xb35806;
  GifAnimationEncoder encoder(8, 6, GifPalette::Build({{255, 255, 255}, {33, 102, 172}, {179, 88, 6}}, {}));
  RasterImage a = Solid(8, 6, white);
  RasterImage b = a;
  SetPixel(&b, 2, 1, blue);
  SetPixel(&b, 5, 3, orange);
  RasterImage c = b;  // unchanged frame
  std::string error, bytes;
  BOOST_REQUIRE(encoder.AddFrame(a, 150, &error));
  BOOST_REQUIRE(encoder.AddFrame(b, 80, &error));
  BOOST_REQUIRE(encoder.AddFrame(c, 300, &error));
  BOOST_REQUIRE(encoder.Finish(&bytes, &error));
  BOOST_TEST(bytes.substr(0, 6) == "GIF89a");

  const auto gif = DecodeGif(bytes);
  BOOST_REQUIRE(gif.has_value());
  BOOST_TEST(gif->width == 8);
  BOOST_TEST(gif->height == 6);
  BOOST_TEST(gif->loop_count.value_or(-1) == 0);  // forever
  BOOST_REQUIRE(gif->frames.size() == 3u);
  BOOST_TEST(gif->frames[0].delay_cs == 150);
  BOOST_TEST(gif->frames[1].delay_cs == 80);
  BOOST_TEST(gif->frames[2].delay_cs == 300);
  // Only the bounding box of the two changed pixels is stored.
  BOOST_TEST(gif->frames[1].left == 2);
  BOOST_TEST(gif->frames[1].top == 1);
  BOOST_TEST(gif->frames[1].width == 4);
  BOOST_TEST(gif->frames[1].height == 3);
  BOOST_TEST(gif->frames[2].width * gif->frames[2].height == 1);
  for (size_t f = 0; f < 3; ++f) {
    const RasterImage& want = f == 0 ? a : f == 1 ? b : c;
    for (int y = 0; y < 6; ++y) {
      for (int x = 0; x < 8; ++x) {
        BOOST_TEST(gif->At(f, x, y) == (want.argb[static_cast<size_t>(y * 8 + x)] & 0xffffff));
      }
    }
  }
}

// Inside a frame's box, a pixel equal to the frame before's shows its own
// index where that joins it to its neighbour of that index, and is
// transparent elsewhere: fewer, longer pieces for the LZW writer, the same
// picture shown.
BOOST_AUTO_TEST_CASE(equal_pixels_keep_their_index_where_it_joins_a_neighbour) {
  const uint32_t w = 0xffffff, b = 0x2166ac, o = 0xb35806;
  const std::vector<std::vector<uint32_t>> before_rows = {{w, b, b, b, w, w, o, o, w},
                                                          {w, o, o, w, w, w, w, w, w},
                                                          {w, o, w, w, w, w, w, w, w},
                                                          {w, w, w, b, b, w, w, w, w}};
  const std::vector<std::vector<uint32_t>> after_rows = {{b, b, b, b, o, w, o, o, o},
                                                         {b, o, o, o, w, w, w, w, w},
                                                         {b, o, w, o, w, w, w, w, w},
                                                         {w, w, w, b, o, w, w, w, w}};
  const auto picture = [](const std::vector<std::vector<uint32_t>>& rows) {
    RasterImage image = Solid(9, 4, 0);
    for (int y = 0; y < 4; ++y)
      for (int x = 0; x < 9; ++x) SetPixel(&image, x, y, rows[static_cast<size_t>(y)][static_cast<size_t>(x)]);
    return image;
  };
  GifAnimationEncoder encoder(9, 4, GifPalette::Build({{255, 255, 255}, {33, 102, 172}, {179, 88, 6}}, {}));
  std::string error, bytes;
  BOOST_REQUIRE(encoder.AddFrame(picture(before_rows), 10, &error));
  BOOST_REQUIRE(encoder.AddFrame(picture(after_rows), 10, &error));
  BOOST_REQUIRE(encoder.Finish(&bytes, &error));
  const auto gif = DecodeGif(bytes);
  BOOST_REQUIRE(gif.has_value());
  BOOST_REQUIRE(gif->frames.size() == 2u);
  const DecodedGifFrame& frame = gif->frames[1];
  BOOST_TEST(frame.left == 0);
  BOOST_TEST(frame.top == 0);
  BOOST_TEST(frame.width == 9);
  BOOST_TEST(frame.height == 4);
  const auto t = static_cast<uint8_t>(frame.transparent);
  // Row 0: the blues after the new blue join it; the white after the new
  // orange, and the oranges after that white, join neither side.
  // Row 1: the oranges before the new orange join it; the row's end, past
  // its last change, is transparent.
  // Row 2: an orange and a white between a new blue and a new orange: not
  // all orange, so neither shows.
  // Row 3: one change inside the box; everything else transparent.
  const std::vector<uint8_t> want = {1, 1, 1, 1, 2, t, t, t, 2,  //
                                     1, 2, 2, 2, t, t, t, t, t,  //
                                     1, t, t, 2, t, t, t, t, t,  //
                                     t, t, t, t, 2, t, t, t, t};
  BOOST_TEST(frame.stored == want, boost::test_tools::per_element());
  for (int y = 0; y < 4; ++y)
    for (int x = 0; x < 9; ++x) BOOST_TEST(gif->At(1, x, y) == after_rows[static_cast<size_t>(y)][static_cast<size_t>(x)]);
}

// Each encoder's frames are indexed against its own palette, even when one
// thread indexes frames for several encoders in turn (the nearest entries
// found are remembered per thread and per encoder).
BOOST_AUTO_TEST_CASE(index_uses_each_encoders_own_palette) {
  const uint32_t dark_red = 0x800000;  // in none of the palettes below
  const std::vector<uint32_t> pixels(4, 0xFF000000u | dark_red);
  ColourRunsReader reader(2, 2);
  reader.Add(pixels.data(), 2, 2);
  const ColourRuns runs = reader.Finish();
  const auto palette = [](Color second) { return GifPalette::Build({{255, 255, 255}, second}, {}); };
  const auto index = [&](const GifAnimationEncoder& e) { return int{e.Index(runs).run_index.front()}; };
  BOOST_TEST_REQUIRE(palette({0, 0, 0}).Nearest(dark_red) == 1);    // black
  BOOST_TEST_REQUIRE(palette({0, 255, 255}).Nearest(dark_red) == 0);  // white is nearer than cyan
  GifAnimationEncoder blacks(2, 2, palette({0, 0, 0}));
  GifAnimationEncoder cyans(2, 2, palette({0, 255, 255}));
  for (int round = 0; round < 2; ++round) {
    BOOST_TEST(index(blacks) == 1);
    BOOST_TEST(index(cyans) == 0);
  }
  {
    GifAnimationEncoder short_lived(2, 2, palette({0, 0, 0}));
    BOOST_TEST(index(short_lived) == 1);
  }
  GifAnimationEncoder again(2, 2, palette({0, 255, 255}));  // perhaps where short_lived was
  BOOST_TEST(index(again) == 0);
}

constexpr uint32_t kWhite = 0xffffff, kBlue = 0x2166ac, kOrange = 0xb35806;

// An encoder of 40x30 frames in white, blue and orange, and a frame of
// blue and orange dots on white, in a pattern that differs row by row.
GifAnimationEncoder DotsEncoder() {
  return GifAnimationEncoder(40, 30, GifPalette::Build({{255, 255, 255}, {33, 102, 172}, {179, 88, 6}}, {}));
}
RasterImage Dots() {
  RasterImage a = Solid(40, 30, kWhite);
  for (int y = 0; y < 30; ++y)
    for (int x = (y * 7) % 40; x < 40; x += 9) SetPixel(&a, x, y, y % 3 ? kBlue : kOrange);
  return a;
}

ColourRuns RunsOf(const RasterImage& image) {
  ColourRunsReader reader(image.width, image.height);
  reader.Add(image.argb.data(), image.height, static_cast<std::size_t>(image.width));
  return reader.Finish();
}

// Rows said to hold the frame before's pixels (what a drawer left
// unchanged) are neither compared nor read, and give the same bytes as
// when they are; the marks are used only for a frame of the same size.
BOOST_AUTO_TEST_CASE(rows_known_unchanged_give_the_same_bytes) {
  const uint32_t white = kWhite, blue = kBlue, orange = kOrange;
  GifAnimationEncoder encoder = DotsEncoder();
  const RasterImage a = Dots();
  RasterImage b = a;
  SetPixel(&b, 3, 4, orange == (a.argb[4 * 40 + 3] & 0xffffff) ? blue : orange);
  SetPixel(&b, 30, 25, white == (a.argb[25 * 40 + 30] & 0xffffff) ? blue : white);
  const auto runs_of = RunsOf;
  const GifIndexFrame before = encoder.Index(runs_of(a));
  GifIndexFrame now = encoder.Index(runs_of(b));
  const std::string plain = encoder.FrameBytes(&before, now, 10);
  now.unchanged.assign(30, 1);
  now.unchanged[4] = now.unchanged[25] = 0;
  BOOST_TEST((encoder.FrameBytes(&before, now, 10) == plain));
  // The marks are believed: a changed row marked unchanged is left out (so
  // they are used), and a frame of another size ignores them.
  now.unchanged[25] = 1;
  BOOST_TEST((encoder.FrameBytes(&before, now, 10) != plain));
  GifIndexFrame shorter = encoder.Index(runs_of(Solid(40, 29, white)));
  shorter.unchanged.assign(29, 1);
  GifIndexFrame shorter_plain = shorter;
  shorter_plain.unchanged.clear();
  BOOST_TEST((encoder.FrameBytes(&before, shorter, 10) == encoder.FrameBytes(&before, shorter_plain, 10)));
}

// Indexed with the frame before's indices, rows unchanged (and after an
// unchanged row) take its runs: the same frame as indexed alone. The marks
// are believed (a changed row marked unchanged keeps the old runs), and
// ignored for a frame before of another size.
BOOST_AUTO_TEST_CASE(unchanged_rows_take_the_frame_befores_indices) {
  GifAnimationEncoder encoder = DotsEncoder();
  RasterImage a = Dots();
  for (int y = 11; y < 14; ++y)  // rows 11 .. 13 repeat row 10
    std::copy_n(a.argb.begin() + 10 * 40, 40, a.argb.begin() + y * 40);
  RasterImage b = a;
  for (int x = 0; x < 40; ++x) SetPixel(&b, x, 4, kOrange);
  for (int x = 0; x < 40; ++x) SetPixel(&b, x, 11, kWhite);  // row 12 no longer repeats the row above
  const auto runs_of = RunsOf;
  const ColourRuns runs_b = runs_of(b);
  const GifIndexFrame before = encoder.Index(runs_of(a)), alone = encoder.Index(runs_b);
  BOOST_TEST_REQUIRE((before.row_same[12] == 1 && alone.row_same[12] == 0));
  std::vector<uint8_t> unchanged(30, 1);
  unchanged[4] = unchanged[11] = 0;
  const GifIndexFrame reused = encoder.Index(runs_b, &before, &unchanged);
  BOOST_TEST((reused.run_index == alone.run_index));
  BOOST_TEST((reused.run_length == alone.run_length));
  BOOST_TEST((reused.row_first == alone.row_first));
  BOOST_TEST((reused.row_same == alone.row_same));
  unchanged[4] = 1;
  BOOST_TEST((encoder.Index(runs_b, &before, &unchanged).run_index != alone.run_index));
  const GifIndexFrame shorter = encoder.Index(runs_of(Solid(40, 29, kWhite)));
  BOOST_TEST((encoder.Index(runs_b, &shorter, &unchanged).run_index == alone.run_index));
}

BOOST_AUTO_TEST_CASE(refuses_frames_of_another_size_and_finishing_without_frames) {
  std::string error, bytes;
  GifAnimationEncoder empty(4, 4, GifPalette::Build({{255, 255, 255}}, {}));
  BOOST_TEST(!empty.Finish(&bytes, &error));
  BOOST_TEST(error == "gif: no frames");
  GifAnimationEncoder encoder(4, 4, GifPalette::Build({{255, 255, 255}}, {}));
  BOOST_TEST(!encoder.AddFrame(Solid(5, 4, 0xffffff), 10, &error));
  BOOST_TEST(error == "gif: frame size differs from the animation's");
}

BOOST_AUTO_TEST_SUITE_END()

// The default lesson's Vertical edge variant, laid out as the build does.
struct DefaultGif : testing::DefaultVariantScenes {
  std::string Encode(double scale = 1.0) const { return Encode(story.animation, scale); }
  std::string Encode(const AnimationPlan& plan, double scale) const {
    std::string bytes, error;
    BOOST_REQUIRE_MESSAGE(WriteBeatsGif(plan, scene_at, scale, &bytes, &error), error);
    return bytes;
  }
  // A point inside cell (r, c) of `box`, clear of its number and grid lines
  // (probe cells that are not highlighted in that frame).
  static std::pair<int, int> CellPoint(const GridBox& box, int r, int c) {
    return {static_cast<int>(box.x + (c + 0.15) * box.cell), static_cast<int>(box.y + (r + 0.15) * box.cell)};
  }
  uint32_t Expected(double value) const { return PackRgb(DivergingColor(value, input.value_scale)); }
};

BOOST_AUTO_TEST_SUITE(beats_gif)

BOOST_AUTO_TEST_CASE(one_frame_per_beat_at_scale_one_with_stage_hold_times) {
  DefaultGif d;
  const auto gif = DecodeGif(d.Encode());
  BOOST_REQUIRE(gif.has_value());
  const Scene first = d.scene_at(0);
  BOOST_TEST(gif->width == static_cast<int>(std::ceil(first.width)));
  BOOST_TEST(gif->height == static_cast<int>(std::ceil(first.height)));
  BOOST_TEST(gif->loop_count.value_or(-1) == 0);
  BOOST_REQUIRE(gif->frames.size() == 23u);
  std::vector<int> delays, want;
  for (const auto& f : gif->frames) delays.push_back(f.delay_cs);
  want.push_back(150);                    // intro
  want.insert(want.end(), 16, 80);        // conv
  want.push_back(200);                    // ReLU
  want.insert(want.end(), 4, 120);        // pool
  want.push_back(300);                    // summary
  BOOST_TEST(delays == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(cells_keep_the_frames_exact_diverging_colours) {
  DefaultGif d;
  const auto gif = DecodeGif(d.Encode());
  BOOST_REQUIRE(gif.has_value());
  BOOST_REQUIRE(gif->frames.size() == 23u);
  const GridBox& conv = d.geometry.conv.grid;
  const GridBox& pooled = d.geometry.pooled.grid;
  struct Probe {
    size_t frame;
    const GridBox* box;
    int r, c;
    uint32_t want;
  };
  const uint32_t empty = PackRgb(palette::kEmptyCell);
  const Probe probes[] = {
      {2, &conv, 0, 0, d.Expected(-18)},  // written by the first conv step (beat 1)
      {2, &conv, 0, 2, empty},            // not written yet
      {6, &conv, 1, 0, d.Expected(-27)},
      {22, &conv, 0, 0, d.Expected(-18)},
      {22, &conv, 1, 2, d.Expected(27)},
      {22, &conv, 3, 3, d.Expected(18)},
      {22, &pooled, 0, 1, d.Expected(27)},
      {22, &pooled, 1, 0, d.Expected(0)},
  };
  for (const Probe& p : probes) {
    const auto [x, y] = DefaultGif::CellPoint(*p.box, p.r, p.c);
    BOOST_TEST(gif->At(p.frame, x, y) == p.want,
               "frame " << p.frame << " cell (" << p.r << ", " << p.c << ") is 0x" << std::hex << gif->At(p.frame, x, y));
  }
  BOOST_TEST(d.Expected(-18) != d.Expected(27));  // blue and orange, not one colour
}

BOOST_AUTO_TEST_CASE(stays_small_and_deterministic) {
  DefaultGif d;
  const std::string a = d.Encode(), b = d.Encode();
  BOOST_TEST(a.size() < 150u * 1024u);
  BOOST_TEST((a == b));
}

// --scale: the GIF is painted at the build's scale, like the PNG frames.
BOOST_AUTO_TEST_CASE(follows_the_scale) {
  DefaultGif d;
  const Scene first = d.scene_at(0);
  for (double scale : {0.5, 2.0}) {
    const auto gif = DecodeGif(d.Encode(scale));
    BOOST_REQUIRE(gif.has_value());
    BOOST_TEST(gif->width == static_cast<int>(std::ceil(first.width * scale)), "scale " << scale);
    BOOST_TEST(gif->height == static_cast<int>(std::ceil(first.height * scale)), "scale " << scale);
    BOOST_TEST(gif->frames.size() == 23u);
    // A cell's point moves with the scale and keeps its colour.
    const auto [x, y] = DefaultGif::CellPoint(d.geometry.conv.grid, 1, 2);
    BOOST_TEST(gif->At(22, static_cast<int>(x * scale), static_cast<int>(y * scale)) == d.Expected(27));
  }
}

// The plan decides which beats play, in which order and for how long.
BOOST_AUTO_TEST_CASE(plays_the_plan_it_is_given) {
  DefaultGif d;
  AnimationPlan plan;
  plan.frames = {{22, 500}, {1, 100}, {22, 250}};
  plan.still_beat = 22;
  plan.palette_beats = {22};
  const auto gif = DecodeGif(d.Encode(plan, 1.0));
  BOOST_REQUIRE(gif.has_value());
  BOOST_REQUIRE(gif->frames.size() == 3u);
  BOOST_TEST(gif->frames[0].delay_cs == 50);
  BOOST_TEST(gif->frames[1].delay_cs == 10);
  BOOST_TEST(gif->frames[2].delay_cs == 25);
  const auto [x, y] = DefaultGif::CellPoint(d.geometry.conv.grid, 0, 2);
  BOOST_TEST(gif->At(0, x, y) == d.Expected(18));                   // the summary: every cell written
  BOOST_TEST(gif->At(1, x, y) == PackRgb(palette::kEmptyCell));  // beat 1: only (0, 0) written
  BOOST_TEST(gif->At(2, x, y) == d.Expected(18));
  std::string bytes, error;
  BOOST_TEST(!WriteBeatsGif(AnimationPlan{}, d.scene_at, 1.0, &bytes, &error));
  BOOST_TEST(error == "gif: the animation plan has no frames");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace cl
