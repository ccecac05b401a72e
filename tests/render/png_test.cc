// PNG frames: the right size for the scale, identical bytes for identical
// scenes, pixels that read back exactly, and the painter putting the scene's
// colours where the scene says.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "../support/default_lesson.h"
#include "../support/same_pixels.h"
#include "render/cairo_png.h"
#include "render/flat_deflate.h"
#include "render/nearest_entry.h"
#include "render/png_encode.h"
#include "scene/layout.h"
#include "scene/palette.h"
#include "scene/text_metrics.h"

using namespace cl;

namespace {

Scene DefaultScene(int beat, FrameLayout layout = FrameLayout::Wide) {
  static const Variant v = testing::VerticalEdgeVariant();
  static const VariantResult r = ComputeVariant(v);
  static const Storyboard s = PlanStoryboard(v, r, {});
  LayoutInput in{&v, &r, &s, MaxAbsValue(v, r), MaxAbsWeight(v)};
  in.layout = layout;
  const FrameGeometry g = PlanFrameGeometry(in);
  return LayoutBeat(in, g, beat);
}

uint32_t Pixel(const RasterImage& image, double x, double y) {
  return image.argb[static_cast<std::size_t>(y) * image.width + static_cast<std::size_t>(x)] & 0xFFFFFF;
}

uint32_t Rgb(Color c) { return (uint32_t{c.r} << 16) | (uint32_t{c.g} << 8) | c.b; }

// Scene with one filled rectangle.
Scene Square(Color fill) {
  Scene s;
  s.width = 20;
  s.height = 10;
  RectShape r;
  r.x = 10;
  r.w = 10;
  r.h = 10;
  r.fill = fill;
  s.items.push_back(r);
  return s;
}

}  // namespace

BOOST_AUTO_TEST_CASE(PngSizeFollowsTheScale) {
  const Scene scene = DefaultScene(1);
  for (double scale : {1.0, 2.0, 1.5}) {
    const std::optional<RasterImage> image = DecodePng(RenderPng(scene, scale));
    BOOST_REQUIRE(image.has_value());
    BOOST_TEST(image->width == static_cast<int>(std::ceil(scene.width * scale)));
    BOOST_TEST(image->height == static_cast<int>(std::ceil(scene.height * scale)));
  }
}

BOOST_AUTO_TEST_CASE(PngIsDeterministic) {
  // (How close the pixels are to what Cairo drew: FramesDecodeToWhatCairoDrewWithinTheBound.)
  const std::string a = RenderPng(DefaultScene(5), 2), b = RenderPng(DefaultScene(5), 2);
  BOOST_TEST(a == b);
  BOOST_TEST(a.rfind("\x89PNG\r\n\x1a\n", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(PainterPutsCellColoursWhereTheSceneSays) {
  const Variant v = testing::VerticalEdgeVariant();
  const VariantResult r = ComputeVariant(v);
  const Storyboard s = PlanStoryboard(v, r, {});
  const LayoutInput in{&v, &r, &s, MaxAbsValue(v, r), MaxAbsWeight(v)};
  const FrameGeometry g = PlanFrameGeometry(in);
  const RasterImage image = RasterizeScene(LayoutBeat(in, g, 22), 2);  // summary: every map filled
  BOOST_TEST(Pixel(image, 1, 1) == 0xFFFFFFu);  // background
  // Near a corner of the feature map's cell (1, 0), away from its number.
  const GridBox& conv = g.conv.grid;
  const double x = (conv.x + 0 * conv.cell + 4) * 2, y = (conv.y + 1 * conv.cell + 4) * 2;
  BOOST_TEST(Pixel(image, x, y) == Rgb(DivergingColor(-27, 27)));
  const GridBox& pooled = g.pooled.grid;
  BOOST_TEST(Pixel(image, (pooled.x + pooled.cell + 4) * 2, (pooled.y + 4) * 2) == Rgb(DivergingColor(27, 27)));
}

BOOST_AUTO_TEST_CASE(CellBlocksArePaintedCellByCell) {
  Scene s;
  s.width = 40;
  s.height = 20;
  CellsShape c;
  c.x = 0;
  c.y = 0;
  c.cell_w = c.cell_h = 10;
  c.rows = 2;
  c.cols = 4;
  std::vector<Color> fills;
  for (int i = 0; i < 8; ++i) fills.push_back(Color{static_cast<uint8_t>(i * 30), 0, 255});
  c.fills = BlockFills(fills);
  s.items.push_back(c);
  const RasterImage image = RasterizeScene(s, 1);
  for (int i = 0; i < 8; ++i) BOOST_TEST(Pixel(image, (i % 4) * 10 + 5, (i / 4) * 10 + 5) == Rgb(c.fills[i]));
}

// Text with a character DejaVu Sans lacks goes through Pango, and must end
// where scene/ measured it: with glyphs at whole points (Pango's default) a
// worksheet's 9-point line ran 3-6 % wider and was cut at the page's edge.
BOOST_AUTO_TEST_CASE(FallbackTextEndsWhereItWasMeasured) {
  const std::string text = "map has \u2308(input + padding \u2212 window) / stride\u2309 + 1 cells; pooling";
  BOOST_TEST_REQUIRE(!FontCovers(text));
  const double size = 9, measured = TextWidth(text, size);
  Scene s;
  s.width = measured + 40;
  s.height = 20;
  s.items.push_back(TextShape{0, 14, text, size, Color{0, 0, 0}, TextAnchor::Start, false});
  const RasterImage image = RasterizeScene(s, 4);
  int right = -1;  // the rightmost column with ink
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x)
      if ((image.argb[static_cast<std::size_t>(y) * image.width + x] & 0xFFFFFF) != 0xFFFFFF) right = std::max(right, x);
  BOOST_TEST(right > 0);
  BOOST_TEST(right <= std::ceil(measured * 4));
}

BOOST_AUTO_TEST_CASE(EncodersRoundTripEveryPixel) {
  // Busy pixels next to flat runs, through both compression settings.
  const int w = 37, h = 23;
  std::vector<uint8_t> rgb;
  std::vector<uint32_t> xrgb;
  uint32_t state = 12345;
  for (int i = 0; i < w * h; ++i) {
    state = state * 1103515245u + 12345u;
    const uint32_t p = i % 7 < 3 ? 0xFFFFFFu : (state >> 8) & 0xFFFFFFu;
    xrgb.push_back(0xFF000000u | p);
    rgb.insert(rgb.end(), {static_cast<uint8_t>(p >> 16), static_cast<uint8_t>(p >> 8), static_cast<uint8_t>(p)});
  }
  for (const std::string& png : {EncodeRgbPng(w, h, rgb), EncodeXrgbPng(w, h, xrgb.data(), w)}) {
    const std::optional<RasterImage> image = DecodePng(png);
    BOOST_REQUIRE(image.has_value());
    BOOST_TEST(image->width == w);
    BOOST_TEST(image->height == h);
    BOOST_TEST(image->argb == xrgb);
  }
  BOOST_TEST(EncodeRgbPng(0, 5, {}) == "");
  BOOST_TEST(EncodeRgbPng(2, 2, std::vector<uint8_t>(5)) == "");
  BOOST_TEST(!DecodePng("not a png").has_value());
}

// A picture encoded lately is looked up, not encoded again: the lookup must
// hand back each picture's own bytes, pictures of one size differing in a
// single pixel included, and the same bytes as the first time, before and
// after it drops out of the lookup; a large picture reads back exactly too.
BOOST_AUTO_TEST_CASE(RepeatedPicturesGetTheirOwnBytes) {
  for (const int side : {9, 200}) {
    const auto picture = [side](int k) {
      std::vector<uint8_t> rgb(static_cast<std::size_t>(side) * side * 3);
      for (std::size_t i = 0; i < rgb.size(); ++i) rgb[i] = static_cast<uint8_t>((i / 3 % 7) * 30 + i % 3);
      rgb[static_cast<std::size_t>(k) * 3] = static_cast<uint8_t>(255 - k);  // one pixel per picture
      return rgb;
    };
    std::vector<std::string> first;
    for (int k = 0; k < 12; ++k) first.push_back(EncodeRgbPng(side, side, picture(k)));
    for (int k : {11, 0, 5, 11, 0}) BOOST_TEST(EncodeRgbPng(side, side, picture(k)) == first[static_cast<std::size_t>(k)]);
    for (int k = 0; k < 12; ++k) {
      const std::optional<RasterImage> image = DecodePng(first[static_cast<std::size_t>(k)]);
      BOOST_REQUIRE(image.has_value());
      const std::vector<uint8_t> rgb = picture(k);
      bool same = image->width == side && image->height == side;
      for (std::size_t i = 0; same && i < image->argb.size(); ++i)
        same = (image->argb[i] & 0xFFFFFFu) == (uint32_t{rgb[i * 3]} << 16 | uint32_t{rgb[i * 3 + 1]} << 8 | rgb[i * 3 + 2]);
      BOOST_TEST(same, "picture " << k << " of side " << side);
    }
  }
}

BOOST_AUTO_TEST_CASE(EncoderHandlesTinyAndFlatPictures) {
  for (const auto& [w, h] : std::vector<std::pair<int, int>>{{1, 1}, {2, 1}, {1, 300}, {2000, 1000}}) {
    const std::vector<uint32_t> flat(static_cast<std::size_t>(w) * h, 0xFF2166ACu);
    const std::string png = EncodeXrgbPng(w, h, flat.data(), static_cast<std::size_t>(w));
    const std::optional<RasterImage> image = DecodePng(png);
    BOOST_REQUIRE(image.has_value());
    BOOST_TEST(image->argb == flat);
    // Flat areas cost next to nothing: under 1% of the raw pixels (zlib's
    // matches stop at 258 bytes, so a flat picture is ~10 bits per 258 bytes).
    if (w * h >= 2000000) BOOST_TEST(png.size() < static_cast<std::size_t>(w) * h * 3 / 100);
  }
}

// Run lengths are 16 bits: a run never leaves its row, and a picture wider
// than a run can be long reads as nothing (an absurd size) instead of
// wrapping a length.
BOOST_AUTO_TEST_CASE(RunsOfTheWidestRowsKeepTheirLength) {
  for (const int w : {16384, kMaxRunsWidth}) {
    const std::vector<uint32_t> rows(static_cast<std::size_t>(w) * 2, 0x00B2182Bu);
    ColourRunsReader reader(w, 2);
    reader.Add(rows.data(), 2, static_cast<std::size_t>(w));
    const ColourRuns runs = reader.Finish();
    BOOST_TEST_REQUIRE(runs.width == w);
    BOOST_TEST_REQUIRE(runs.run_length.size() == 1u);  // the second row repeats the first
    BOOST_TEST(runs.run_length[0] == w);
    BOOST_TEST(runs.counts[0] == 2u * static_cast<uint64_t>(w));
    const std::string png = EncodeRunsPng(runs);
    BOOST_TEST(!png.empty());
    if (w > 32767) continue;  // wider than Cairo (our decoder here) reads
    const std::optional<RasterImage> image = DecodePng(png);
    BOOST_TEST_REQUIRE(image.has_value());
    BOOST_TEST(image->width == w);
    BOOST_TEST(Pixel(*image, w - 1, 1) == 0xB2182Bu);
  }
  const std::vector<uint32_t> row(static_cast<std::size_t>(kMaxRunsWidth) + 1, 0x00B2182Bu);
  ColourRunsReader reader(kMaxRunsWidth + 1, 1);
  reader.Add(row.data(), 1, row.size());
  BOOST_TEST(reader.Finish().width == 0);
  BOOST_TEST(EncodeXrgbPng(kMaxRunsWidth + 1, 1, row.data(), row.size()).empty());
}

// The chunk types of a PNG file in order ("" when the bytes are not one).
std::string ChunkTypes(const std::string& png) {
  if (png.rfind("\x89PNG\r\n\x1a\n", 0) != 0) return "";
  std::string types;
  for (std::size_t at = 8; at + 12 <= png.size();) {
    const auto byte = [&](std::size_t i) { return static_cast<std::size_t>(static_cast<uint8_t>(png[at + i])); };
    const std::size_t length = byte(0) << 24 | byte(1) << 16 | byte(2) << 8 | byte(3);
    types += (types.empty() ? "" : " ") + png.substr(at + 4, 4);
    at += 12 + length;
  }
  return types;
}

BOOST_AUTO_TEST_CASE(PngFilesHoldOnlyHeaderDataAndEnd) {
  // No time, gamma or text chunk: the bytes depend on the pixels alone; a
  // palette for a frame that fits 256 colours, as frames do.
  BOOST_TEST(ChunkTypes(RenderPng(DefaultScene(5), 2)) == "IHDR PLTE IDAT IEND");
  BOOST_TEST(ChunkTypes(EncodeRgbPng(2, 1, {1, 2, 3, 4, 5, 6})) == "IHDR PLTE IDAT IEND");
}

// Pixels of `count` distinct colours, each colour(i) repeated `repeat` times.
std::vector<uint32_t> Colours(int count, int repeat, uint32_t (*colour)(int)) {
  std::vector<uint32_t> pixels;
  for (int i = 0; i < count; ++i) pixels.insert(pixels.end(), static_cast<std::size_t>(repeat), 0xFF000000u | colour(i));
  return pixels;
}

int WorstChannelError(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  int worst = 0;
  for (std::size_t i = 0; i < a.size(); ++i)
    for (int shift : {16, 8, 0})
      worst = std::max(worst, std::abs(static_cast<int>(a[i] >> shift & 0xFF) - static_cast<int>(b[i] >> shift & 0xFF)));
  return worst;
}

BOOST_AUTO_TEST_CASE(PicturesOfUpTo256ColoursArePaletteAndExact) {
  for (int count : {1, 2, 17, 256}) {
    const std::vector<uint32_t> pixels = Colours(count, 3, [](int i) { return static_cast<uint32_t>(i) * 0x010305u; });
    const int w = 3, h = count;
    const std::string png = EncodeXrgbPng(w, h, pixels.data(), w);
    BOOST_TEST(ChunkTypes(png) == "IHDR PLTE IDAT IEND");
    const std::optional<RasterImage> image = DecodePng(png);
    BOOST_REQUIRE(image.has_value());
    BOOST_TEST(image->argb == pixels);
  }
}

BOOST_AUTO_TEST_CASE(ManyCloseColoursArePaletteWithinTheBound) {
  // A frame's anti-aliased text: a few flat colours used everywhere and
  // hundreds of blends used once each. The flat ones stay exact; every other
  // pixel is within the documented 24 levels of what was drawn.
  std::vector<uint32_t> pixels = Colours(600, 1, [](int i) { return 0x808080u + static_cast<uint32_t>(i % 40) * 0x010000u + static_cast<uint32_t>(i / 40) * 0x000103u; });
  const std::vector<uint32_t> flat = Colours(8, 500, [](int i) { return static_cast<uint32_t>(i) * 0x202020u; });
  pixels.insert(pixels.end(), flat.begin(), flat.end());
  const int w = 40, h = static_cast<int>(pixels.size()) / w;
  const std::string png = EncodeXrgbPng(w, h, pixels.data(), w);
  BOOST_TEST(ChunkTypes(png) == "IHDR PLTE IDAT IEND");
  const std::optional<RasterImage> image = DecodePng(png);
  BOOST_REQUIRE(image.has_value());
  BOOST_TEST(WorstChannelError(image->argb, pixels) <= 24);
  BOOST_TEST(std::equal(flat.begin(), flat.end(), image->argb.end() - static_cast<long>(flat.size())));
}

// A palette chosen for over 256 colours is remembered for the next picture
// with the same colours in the same order of use: the same picture gives
// the same bytes after another was encoded between, and the same colours
// laid out differently still decode within the bound, each pixel through
// its own colour's entry; a picture no palette serves stays truecolour
// when it comes again.
BOOST_AUTO_TEST_CASE(RepeatedPaletteChoicesGiveTheSameBytes) {
  const auto blends = [](int i) { return 0x808080u + static_cast<uint32_t>(i % 40) * 0x010000u + static_cast<uint32_t>(i / 40) * 0x000103u; };
  std::vector<uint32_t> first = Colours(600, 1, blends);
  const std::vector<uint32_t> flat = Colours(8, 500, [](int i) { return static_cast<uint32_t>(i) * 0x202020u; });
  first.insert(first.end(), flat.begin(), flat.end());
  const int w = 40, h = static_cast<int>(first.size()) / w;
  std::vector<uint32_t> other = Colours(600, 1, [](int i) { return 0x404040u + static_cast<uint32_t>(i % 30) * 0x020100u + static_cast<uint32_t>(i / 30) * 0x000003u; });
  other.insert(other.end(), flat.begin(), flat.end());
  std::vector<uint32_t> moved(first.rbegin(), first.rend());  // same colours, same counts, other places
  const std::vector<uint32_t> spread = Colours(1000, 1, [](int i) { return static_cast<uint32_t>(i) * 2654435761u & 0xFFFFFFu; });

  const std::string once = EncodeXrgbPng(w, h, first.data(), w);
  EncodeXrgbPng(w, h, other.data(), w);
  BOOST_TEST((EncodeXrgbPng(w, h, first.data(), w) == once));
  BOOST_TEST((EncodeXrgbPng(w, h, first.data(), w) == once));  // straight after itself
  const std::optional<RasterImage> image = DecodePng(EncodeXrgbPng(w, h, moved.data(), w));
  BOOST_REQUIRE(image.has_value());
  BOOST_TEST(WorstChannelError(image->argb, moved) <= 24);
  BOOST_TEST(std::equal(flat.rbegin(), flat.rend(), image->argb.begin()));
  for (int k = 0; k < 2; ++k) {
    const std::string png = EncodeXrgbPng(40, 25, spread.data(), 40);
    BOOST_TEST(ChunkTypes(png) == "IHDR IDAT IEND");
    const std::optional<RasterImage> exact = DecodePng(png);
    BOOST_REQUIRE(exact.has_value());
    BOOST_TEST(exact->argb == spread);
  }
}

BOOST_AUTO_TEST_CASE(PicturesPastTheBoundAreTruecolourAndExact) {
  // 1000 colours spread over the cube (no palette of 256 serves them within
  // 24 levels), and 5000 colours (a photograph): truecolour, every pixel exact.
  for (int count : {1000, 5000}) {
    const std::vector<uint32_t> pixels =
        Colours(count, 2, [](int i) { return static_cast<uint32_t>(i) * 2654435761u & 0xFFFFFFu; });
    const int w = 2, h = count;
    const std::string png = EncodeXrgbPng(w, h, pixels.data(), w);
    BOOST_TEST(ChunkTypes(png) == "IHDR IDAT IEND");
    const std::optional<RasterImage> image = DecodePng(png);
    BOOST_REQUIRE(image.has_value());
    BOOST_TEST(image->argb == pixels);
  }
}

BOOST_AUTO_TEST_CASE(FramesDecodeToWhatCairoDrewWithinTheBound) {
  // A real frame has more than 256 colours (text is blended into every fill):
  // its palette keeps fills and plain text exact and every pixel within 24
  // levels.
  for (int beat : {0, 5, 22}) {
    const Scene scene = DefaultScene(beat);
    const RasterImage drawn = RasterizeScene(scene, 2);
    const std::optional<RasterImage> decoded = DecodePng(RenderPng(scene, 2));
    BOOST_REQUIRE(decoded.has_value());
    BOOST_REQUIRE(decoded->argb.size() == drawn.argb.size());
    std::vector<uint32_t> opaque = drawn.argb;
    for (uint32_t& p : opaque) p |= 0xFF000000u;
    BOOST_TEST(WorstChannelError(decoded->argb, opaque) <= 24);
    std::size_t same = 0;
    for (std::size_t i = 0; i < opaque.size(); ++i) same += decoded->argb[i] == opaque[i];
    // All but some blended edge pixels exact (about 1.2 %: the colours
    // that cover much of the frame are kept, not the 96 most used).
    BOOST_TEST(same > opaque.size() * 985 / 1000);
  }
}

BOOST_AUTO_TEST_CASE(AbsurdSizesRenderNothing) {
  Scene huge = Square({1, 2, 3});
  huge.width = 1e9;
  BOOST_TEST(RenderPng(huge, 2).empty());
  BOOST_TEST(RasterizeScene(huge, 2).argb.empty());
  BOOST_TEST(RenderPng(Square({1, 2, 3}), 0).empty());
  const RasterImage ok = RasterizeScene(Square({1, 2, 3}), 1);
  BOOST_TEST(Pixel(ok, 15, 5) == 0x010203u);
  BOOST_TEST(Pixel(ok, 5, 5) == 0xFFFFFFu);
}

// Bands skip the items that cannot touch them: every item whose ink
// reaches past its anchor (large accented and bold text, text ending at its
// anchor, fallback-font text, thick and dashed strokes) still paints each
// band it crosses, at bands of one row.
BOOST_AUTO_TEST_CASE(BandsSkipOnlyItemsThatCannotTouchThem) {
  Scene scene;
  scene.width = 240;
  scene.height = 160;
  scene.items.push_back(TextShape{10, 60, "\u00c5ngstr\u00f6m \u00c9g", 48, {20, 40, 200}, TextAnchor::Start, true});
  scene.items.push_back(TextShape{230, 100, "W\u2212y", 40, {200, 40, 20}, TextAnchor::End, false});
  scene.items.push_back(TextShape{120, 150, "\u6f22\u5b57 \u05e9\u05dc\u05d5\u05dd", 30, {0, 120, 0}, TextAnchor::Middle, false});
  scene.items.push_back(LineShape{5, 5, 235, 155, {90, 90, 90}, 9, true});
  scene.items.push_back(RectShape{60, 20, 100, 90, false, {}, true, {250, 150, 0}, 7, false});
  for (double scale : {1.0, 2.0}) {
    const RasterImage whole = RasterizeScene(scene, scale);
    for (std::size_t band_rows : {std::size_t{1}, std::size_t{5}}) {
      const ColourRuns runs = DrawColourRuns(scene, scale, band_rows * static_cast<std::size_t>(whole.width));
      BOOST_REQUIRE(runs.height == whole.height);
      BOOST_TEST(testing::SamePixels(runs, whole), "scale " << scale << " bands of " << band_rows << " rows");
    }
    // A box repainted (FrameDrawer: only a small probe changed) skips the
    // items left and right of it too, and still gets every glyph crossing it.
    // (Text in a fallback font has no measured box, and a slanted line's box
    // is held whole: such frames are drawn whole, so they are left out here.)
    Scene measured = scene;
    measured.items.erase(measured.items.begin() + 2, measured.items.begin() + 4);
    measured.items.push_back(LineShape{5, 120, 235, 120, {90, 90, 90}, 9, true});
    for (double x : {20.0, 90.0, 150.0, 200.0, 225.0})
      for (double y : {30.0, 60.0, 95.0, 140.0}) {
        Scene before = measured, after = measured;
        const auto probe = [x, y](Color fill) {
          RectShape r;
          r.x = x, r.y = y, r.w = 4, r.h = 4, r.fill = fill;
          return r;
        };
        before.items.push_back(probe({250, 250, 250}));
        after.items.push_back(probe({5, 5, 5}));
        FrameDrawer drawer(scale);
        drawer.Draw(before);
        const ColourRuns& repainted = drawer.Draw(after);
        const ColourRuns whole_after = DrawColourRuns(after, scale);
        BOOST_TEST(drawer.incremental_frames() == 1);
        BOOST_TEST((repainted.run_colour.size() == whole_after.run_colour.size() &&
                    EncodeRunsPng(repainted) == EncodeRunsPng(whole_after)),
                   "probe at " << x << ", " << y << " scale " << scale);
      }
  }
}

// A frame drawn in bands of rows (so a --scale 8 frame is never held whole)
// has exactly the pixels of the frame drawn at once, at whole and fractional
// scales (the latter do not fill the raster exactly), for bands of one row,
// of an odd height and of the whole frame; and its PNG is the same file.
// The tall frame of beat 17 has dashed rectangles whose corners bands of one
// row cut (Cairo leaves out the dashes outside a surface, and their joins).
BOOST_AUTO_TEST_CASE(BandsDrawTheSamePixelsAsOneFrame) {
  const std::pair<int, FrameLayout> beats[] = {
      {0, FrameLayout::Wide}, {5, FrameLayout::Wide}, {22, FrameLayout::Wide}, {17, FrameLayout::Tall}};
  for (const auto& [beat, layout] : beats) {
    const Scene scene = DefaultScene(beat, layout);
    for (double scale : {1.0, 1.5, 2.0}) {
      const RasterImage whole = RasterizeScene(scene, scale);
      for (std::size_t band_rows : {std::size_t{1}, std::size_t{37}, std::size_t{100000}}) {
        const ColourRuns runs = DrawColourRuns(scene, scale, band_rows * static_cast<std::size_t>(whole.width));
        BOOST_REQUIRE(runs.width == whole.width);
        BOOST_REQUIRE(runs.height == whole.height);
        BOOST_TEST(testing::SamePixels(runs, whole), "beat " << beat << " scale " << scale << " bands of " << band_rows << " rows");
        BOOST_TEST((EncodeRunsPng(runs) == EncodeXrgbPng(whole.width, whole.height, whole.argb.data(), whole.width)));
      }
    }
  }
}

namespace {

ColourRuns RunsOf(const std::vector<uint32_t>& pixels, int w, int h) {
  ColourRunsReader reader(w, h);
  reader.Add(pixels.data(), h, static_cast<std::size_t>(w));
  return reader.Finish();
}

// 1 per row of two pictures of the same size that holds the same pixels.
std::vector<uint8_t> SameRows(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b, int w, int h) {
  std::vector<uint8_t> same(static_cast<std::size_t>(h));
  for (int y = 0; y < h; ++y)
    same[y] = std::equal(a.begin() + y * w, a.begin() + (y + 1) * w, b.begin() + y * w);
  return same;
}

void FillBox(std::vector<uint32_t>* pixels, int w, int x0, int y0, int size, uint32_t colour) {
  for (int y = y0; y < y0 + size; ++y)
    for (int x = x0; x < x0 + size; ++x) (*pixels)[static_cast<std::size_t>(y * w + x)] = colour;
}

// A frame-like picture of more than 256 colours: 600 close shades in the top
// 40 rows (as text blends), then two fills in blocks of 50x100.
// `png` decoded, every pixel within the documented 24 levels of `frame`'s.
RasterImage DecodedWithinTheBound(const std::string& png, const std::vector<uint32_t>& frame) {
  const std::optional<RasterImage> image = DecodePng(png);
  BOOST_REQUIRE(image.has_value());
  std::vector<uint32_t> opaque = frame;
  for (uint32_t& p : opaque) p |= 0xFF000000u;
  BOOST_TEST(WorstChannelError(image->argb, opaque) <= 24);
  return *image;
}

std::vector<uint32_t> ShadesOverFills(int w, int h) {
  std::vector<uint32_t> pixels(static_cast<std::size_t>(w * h));
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const uint32_t shade = static_cast<uint32_t>((x + y * w) % 600) * 255 / 600;
      const uint32_t fill = (x / 50 + y / 100) % 2 ? 0x1F77B4u : 0xFAFAFAu;
      pixels[static_cast<std::size_t>(y * w + x)] = y < 40 ? shade << 16 | 0x80u << 8 | (255 - shade) : fill;
    }
  return pixels;
}

}  // namespace

// A sequence's frames: FramePngEncoder copies each band of rows that a frame
// left as the one before had it (with the row above) from that frame's file,
// and writes exactly EncodeRunsPng's file: a palette frame of more than 256
// colours (quantised) whose colours stay (bands copied: its palette is the
// same, though the colours' pixel counts moved) or change (the indices move:
// nothing is copied that would now be wrong), and a truecolour frame.
BOOST_AUTO_TEST_CASE(FramesCopyTheBandsTheyLeftUnchanged) {
  const int w = 200, h = 400;
  const std::vector<uint32_t> first = ShadesOverFills(w, h);
  std::vector<uint32_t> moved = first;  // the same colours, one moved
  FillBox(&moved, w, 10, 300, 28, 0xFAFAFAu);
  std::vector<uint32_t> recoloured = moved;  // a new colour, far from the others
  FillBox(&recoloured, w, 120, 200, 10, 0x00FF00u);
  FramePngEncoder encoder;
  const ColourRuns a = RunsOf(first, w, h), b = RunsOf(moved, w, h), c = RunsOf(recoloured, w, h);
  const std::string first_png = encoder.Encode(a, nullptr);
  BOOST_TEST((first_png == EncodeRunsPng(a)));
  BOOST_REQUIRE(first_png.size() > 25u);
  BOOST_TEST(static_cast<int>(first_png[25]) == 3);  // colour type: palette
  BOOST_TEST(a.colours.size() > 256u);
  const std::vector<uint8_t> same_ab = SameRows(first, moved, w, h), same_bc = SameRows(moved, recoloured, w, h);
  BOOST_TEST((encoder.Encode(b, &same_ab) == EncodeRunsPng(b)));
  // The bands end every kFlatBandRows (32) rows, or 8 rows or more into a
  // band at a row that differs from the one above after one that repeats
  // its own: 0-32-64-96-128-160-192, 200 (a fill's edge), 232-264-296-328-
  // 360-392-400; 14 bands, in both frames (the box's rows 300-327 start and
  // end no band). Every band is copied but the box's (296-327) and the next
  // (its row above changed).
  const std::size_t bands = 14;
  BOOST_TEST(encoder.bands_copied() == bands - 2);
  BOOST_TEST((encoder.Encode(c, &same_bc) == EncodeRunsPng(c)));
  const std::optional<RasterImage> decoded = DecodePng(EncodeRunsPng(c));
  BOOST_REQUIRE(decoded.has_value());
  BOOST_TEST(Pixel(*decoded, 125, 205) == 0x00FF00u);
  // Rows said the same are copied only from the frame encoded just before,
  // and only for a frame of its size.
  const std::size_t copied = encoder.bands_copied();
  BOOST_TEST((encoder.Encode(RunsOf(first, w, h - 1), nullptr) == EncodeRunsPng(RunsOf(first, w, h - 1))));
  BOOST_TEST((encoder.Encode(a, &same_ab) == first_png));
  BOOST_TEST(encoder.bands_copied() == copied);

  // Truecolour: 40 rows of noise (thousands of colours).
  std::vector<uint32_t> noisy = first;
  uint32_t state = 3;
  for (int i = 0; i < 40 * w; ++i) noisy[static_cast<std::size_t>(i)] = (state = state * 1103515245u + 12345u) >> 8;
  std::vector<uint32_t> noisy_moved = noisy;
  FillBox(&noisy_moved, w, 10, 300, 28, 0xFAFAFAu);
  FramePngEncoder truecolour;
  const std::string noisy_png = truecolour.Encode(RunsOf(noisy, w, h), nullptr);
  BOOST_TEST(static_cast<int>(noisy_png[25]) == 2);  // colour type: truecolour
  const std::vector<uint8_t> same_noisy = SameRows(noisy, noisy_moved, w, h);
  const ColourRuns noisy_b = RunsOf(noisy_moved, w, h);
  BOOST_TEST((truecolour.Encode(noisy_b, &same_noisy) == EncodeRunsPng(noisy_b)));
  BOOST_TEST(truecolour.bands_copied() == bands - 2);
}

// A truecolour frame's rows are written run by run, several bytes at a
// store that may reach past a run into the next (never past the row): runs
// of every length from 1 to 40 pixels, each of its own colour (about 4900
// of them: more than a palette picture may have), in rows of widths that
// end a run anywhere, decode to exactly their pixels.
BOOST_AUTO_TEST_CASE(TruecolourRunsOfEveryLengthDecodeExactly) {
  for (int w : {7, 13, 97, 301}) {
    const int h = 100000 / w + 1;
    std::vector<uint32_t> pixels(static_cast<std::size_t>(w * h));
    uint32_t state = 7, colour = 0;
    int left = 0, length = 0;
    for (uint32_t& p : pixels) {
      if (left == 0) {
        length = length % 40 + 1;
        left = length;
        colour = (state = state * 1103515245u + 12345u) >> 8 & 0xFFFFFFu;
      }
      p = colour;
      --left;
    }
    const std::string png = EncodeRunsPng(RunsOf(pixels, w, h));
    BOOST_REQUIRE(png.size() > 25u);
    BOOST_TEST(static_cast<int>(png[25]) == 2);  // colour type: truecolour
    const std::optional<RasterImage> image = DecodePng(png);
    BOOST_REQUIRE(image.has_value());
    std::vector<uint32_t> opaque = pixels;
    for (uint32_t& p : opaque) p |= 0xFF000000u;
    BOOST_TEST((image->argb == opaque), "width " << w);
  }
}

namespace {

// The PLTE chunk's colours (0xRRGGBB), empty when there is none.
std::vector<uint32_t> PaletteOf(const std::string& png) {
  std::vector<uint32_t> colours;
  for (std::size_t at = 8; at + 8 <= png.size();) {
    const auto byte = [&](std::size_t i) { return static_cast<uint32_t>(static_cast<uint8_t>(png[i])); };
    const uint32_t length = byte(at) << 24 | byte(at + 1) << 16 | byte(at + 2) << 8 | byte(at + 3);
    if (png.compare(at + 4, 4, "PLTE") == 0)
      for (uint32_t k = 0; k + 2 < length; k += 3)
        colours.push_back(byte(at + 8 + k) << 16 | byte(at + 9 + k) << 8 | byte(at + 10 + k));
    at += 12 + length;
  }
  return colours;
}

}  // namespace

// A sequence's palette (FramePalette): the named colours and those covering
// much of the samples exact, at most 240 entries; a frame it serves is
// written with it (its entries first, in colour order, the few rare blends
// it lacks after them, exact, each at an entry its colour picks), every
// pixel within 24 levels and the colours covering much of the frame within
// 2; a frame it cannot serve, or an empty palette (a photograph's), gives
// the frame's own file.
BOOST_AUTO_TEST_CASE(ASequencePaletteServesItsFramesOrStepsAside) {
  const int w = 200, h = 300;
  const std::vector<uint32_t> sample = ShadesOverFills(w, h);
  const ColourRuns sample_runs = RunsOf(sample, w, h);
  const std::vector<uint32_t> named = {0xFAFAFAu, 0x1F77B4u, 0xE66100u};  // the last not in the sample
  const FramePalette palette = FramePalette::FromSamples({&sample_runs}, named);
  BOOST_TEST(palette.colours().size() <= 240u);
  BOOST_TEST(std::is_sorted(palette.colours().begin(), palette.colours().end()));
  for (uint32_t c : named) BOOST_TEST(std::count(palette.colours().begin(), palette.colours().end(), c) == 1);

  // A frame: the sample with a named fill and one rare far colour added.
  std::vector<uint32_t> frame = sample;
  FillBox(&frame, w, 20, 150, 30, 0xE66100u);
  frame[static_cast<std::size_t>(250 * w + 7)] = 0x00FF00u;
  const ColourRuns frame_runs = RunsOf(frame, w, h);
  const std::string png = EncodeRunsPng(frame_runs, &palette);
  const std::vector<uint32_t> plte = PaletteOf(png);
  BOOST_REQUIRE(plte.size() > palette.colours().size());
  BOOST_REQUIRE(plte.size() <= 256u);
  BOOST_TEST(std::equal(palette.colours().begin(), palette.colours().end(), plte.begin()));
  BOOST_TEST(plte.back() == 0x00FF00u);  // the blend, last: entries no blend takes stop before
  for (std::size_t i = palette.colours().size(); i + 1 < plte.size(); ++i)
    BOOST_TEST(plte[i] == palette.colours().front());  // unused, repeating the first entry
  const RasterImage image = DecodedWithinTheBound(png, frame);
  BOOST_TEST(Pixel(image, 7, 250) == 0x00FF00u);
  BOOST_TEST(Pixel(image, 25, 155) == 0xE66100u);
  BOOST_TEST(Pixel(image, 60, 200) == 0x1F77B4u);
  BOOST_TEST(Pixel(image, 100, 200) == 0xFAFAFAu);

  // Too many colours it does not serve: the frame's own palette.
  std::vector<uint32_t> strange = frame;
  for (int i = 0; i < 40; ++i) strange[static_cast<std::size_t>(280 * w + i)] = 0x00FF00u + static_cast<uint32_t>(i * 0x060000);
  const ColourRuns strange_runs = RunsOf(strange, w, h);
  BOOST_TEST((EncodeRunsPng(strange_runs, &palette) == EncodeRunsPng(strange_runs)));
  const FramePalette empty({});
  BOOST_TEST((EncodeRunsPng(frame_runs, &empty) == EncodeRunsPng(frame_runs)));

  // An encoder with the palette writes EncodeRunsPng's file with it.
  FramePngEncoder encoder;
  encoder.SetPalette(std::make_shared<const FramePalette>(palette));
  BOOST_TEST((encoder.Encode(frame_runs, nullptr) == png));
  encoder.SetPalette(std::make_shared<const FramePalette>(std::vector<uint32_t>{}));
  BOOST_TEST((encoder.Encode(frame_runs, nullptr) == EncodeRunsPng(frame_runs)));
}

// A colour covering 1/1024 of one sample is exact in the sequence's palette
// however few samples show it: a grid line's blend over the pooled map,
// shown only by the pooling beats among a variant's samples, fell short of
// 1/1024 of all the samples together, and the pooling frames, where it
// covered more, then made it exact or served it by turns.
BOOST_AUTO_TEST_CASE(AColourCoveringMuchOfOneSampleIsExact) {
  const int w = 200, h = 300;
  std::vector<uint32_t> pooling = ShadesOverFills(w, h);
  const uint32_t blend = 0xFAFAF9u;  // next to the light fill: never the farthest
  FillBox(&pooling, w, 60, 280, 10, blend);  // 100 pixels: 1/600 of the sample, 1/4200 of all seven
  const std::vector<uint32_t> other = ShadesOverFills(w, h);
  const ColourRuns pooling_runs = RunsOf(pooling, w, h), other_runs = RunsOf(other, w, h);
  std::vector<const ColourRuns*> samples(6, &other_runs);
  samples.push_back(&pooling_runs);
  const FramePalette palette = FramePalette::FromSamples(samples, {0xFAFAFAu, 0x1F77B4u});
  BOOST_TEST(palette.colours().size() <= 240u);
  BOOST_TEST(std::count(palette.colours().begin(), palette.colours().end(), blend) == 1);
}

namespace {

// The colours farthest-first chooses the plain way from `colours`
// (ascending): the `kept` ones in turn (or the first colour when none is),
// then each colour worst served so far, the first of equals, up to 240 in
// all; sorted, the palette's order.
std::vector<uint32_t> FarthestFirstThePlainWay(const std::vector<uint32_t>& colours, const std::vector<uint32_t>& kept) {
  const DistanceWeights weights{1, 1, 1, 6};
  const auto channel = [](uint32_t v, int shift) { return static_cast<float>(v >> shift & 0xFF); };
  std::vector<float> nearest(colours.size(), std::numeric_limits<float>::max());
  std::vector<uint32_t> chosen;
  std::size_t next = 0;
  for (std::size_t k = 0; chosen.size() < 240u; ++k) {
    const uint32_t c = k < kept.size() ? kept[k] : colours[next];
    chosen.push_back(c);
    for (std::size_t i = 0; i < colours.size(); ++i) {
      const float d = WeightedDistance(weights, channel(colours[i], 16) - channel(c, 16),
                                       channel(colours[i], 8) - channel(c, 8), channel(colours[i], 0) - channel(c, 0));
      nearest[i] = std::min(nearest[i], d);
    }
    next = static_cast<std::size_t>(std::max_element(nearest.begin(), nearest.end()) - nearest.begin());
    if (k + 1 >= kept.size() && nearest[next] == 0) break;
  }
  std::sort(chosen.begin(), chosen.end());
  return chosen;
}

}  // namespace

// A sequence's palette holds the colours farthest-first chooses the plain
// way: the kept colours (named ones, and those covering 1/1024 of a
// sample), or the first colour when none is, then each colour worst served
// so far, the first of equals (colours on a lattice tie again and again),
// 240 entries in all.
BOOST_AUTO_TEST_CASE(APaletteIsChosenFarthestFirstTiesToTheFirst) {
  const int w = 1100, h = 1000;
  const auto lattice = [](uint32_t step) {
    std::vector<uint32_t> colours;
    for (uint32_t r = 0; r < 256; r += step)
      for (uint32_t g = 0; g < 256; g += step)
        for (uint32_t b = 0; b < 256; b += step) colours.push_back(r << 16 | g << 8 | b);
    return colours;
  };
  // White covers the picture (kept), 512 colours a pixel each.
  std::vector<uint32_t> sample(static_cast<std::size_t>(w * h), 0xFFFFFFu);
  std::vector<uint32_t> colours = lattice(36);
  for (std::size_t k = 0; k < colours.size(); ++k) sample[2 * k] = colours[k];
  colours.push_back(0xFFFFFFu);
  std::sort(colours.begin(), colours.end());
  const ColourRuns runs = RunsOf(sample, w, h);
  BOOST_TEST((FramePalette::FromSamples({&runs}, {}).colours() == FarthestFirstThePlainWay(colours, {0xFFFFFFu})));
  // Named colours kept first, in their order, white after them.
  std::vector<uint32_t> with_named = colours;
  with_named.push_back(0x123456u);
  std::sort(with_named.begin(), with_named.end());
  BOOST_TEST((FramePalette::FromSamples({&runs}, {0x6C6C6Cu, 0x123456u}).colours() ==
              FarthestFirstThePlainWay(with_named, {0x6C6C6Cu, 0x123456u, 0xFFFFFFu})));
  // None kept: 1331 colours, none covering 1/1024 of the picture.
  const std::vector<uint32_t> many = lattice(24);
  std::vector<uint32_t> mixed(static_cast<std::size_t>(w * h));
  for (std::size_t i = 0; i < mixed.size(); ++i) mixed[i] = many[i % many.size()];
  const ColourRuns mixed_runs = RunsOf(mixed, w, h);
  BOOST_TEST((FramePalette::FromSamples({&mixed_runs}, {}).colours() == FarthestFirstThePlainWay(many, {})));
}

// A rare blend's entry depends on its colour, not on which other blends the
// frame has: a blend that comes or goes leaves the others where they were,
// so the rows that hold them are the same bytes in the next frame and its
// unchanged bands are copied (a 1998-beat lesson's tall frames coded 788
// rows a beat, 149 of them changed, while blends were ordered by colour).
BOOST_AUTO_TEST_CASE(ARareBlendKeepsItsEntryWhateverTheOtherBlends) {
  const int w = 200, h = 300;
  const std::vector<uint32_t> sample = ShadesOverFills(w, h);
  const ColourRuns sample_runs = RunsOf(sample, w, h);
  const FramePalette palette = FramePalette::FromSamples({&sample_runs}, {0xFAFAFAu, 0x1F77B4u});
  const auto entry_of = [&](const std::vector<uint32_t>& blends, uint32_t colour) {
    std::vector<uint32_t> frame = sample;
    for (std::size_t i = 0; i < blends.size(); ++i) frame[static_cast<std::size_t>(250 * w + 7 + 3 * i)] = blends[i];
    const std::vector<uint32_t> plte = PaletteOf(EncodeRunsPng(RunsOf(frame, w, h), &palette));
    const auto at = std::find(plte.begin() + static_cast<std::ptrdiff_t>(palette.colours().size()), plte.end(), colour);
    return at == plte.end() ? -1 : static_cast<int>(at - plte.begin());
  };
  const uint32_t kept = 0x00FF00u;
  const int alone = entry_of({kept}, kept);
  BOOST_TEST(alone >= static_cast<int>(palette.colours().size()));
  // Blends of lower colours (which came first in colour order), and others.
  for (const uint32_t other : {0x000080u, 0x00C000u, 0x00FF01u, 0xFF00FFu})
    BOOST_TEST(entry_of({other, kept}, kept) == alone);
}

// Two blends whose colours pick one entry: the one covering more pixels
// keeps it, whichever comes first in colour order, so a rare blend that
// comes or goes (a window's edge) never moves a blend that fills many rows
// (a grid's edges) to another entry.
BOOST_AUTO_TEST_CASE(ABlendCoveringMorePixelsKeepsItsEntryFromARarerOne) {
  const int w = 200, h = 300;
  const std::vector<uint32_t> sample = ShadesOverFills(w, h);
  const ColourRuns sample_runs = RunsOf(sample, w, h);
  const FramePalette palette = FramePalette::FromSamples({&sample_runs}, {0xFAFAFAu, 0x1F77B4u});
  // The entries of `blends` (colour, pixels) in a frame of the sample with them added.
  const auto entries_of = [&](const std::vector<std::pair<uint32_t, int>>& blends) {
    std::vector<uint32_t> frame = sample;
    int at = 250 * w;
    for (const auto& [colour, pixels] : blends)
      for (int p = 0; p < pixels; ++p, at += 3) frame[static_cast<std::size_t>(at)] = colour;
    const std::vector<uint32_t> plte = PaletteOf(EncodeRunsPng(RunsOf(frame, w, h), &palette));
    std::vector<int> entries;
    for (const auto& blend : blends) {
      const auto found = std::find(plte.begin() + static_cast<std::ptrdiff_t>(palette.colours().size()), plte.end(), blend.first);
      entries.push_back(found == plte.end() ? -1 : static_cast<int>(found - plte.begin()));
    }
    return entries;
  };
  const uint32_t wide = 0x00FF00u;
  const int home = entries_of({{wide, 5}})[0];
  BOOST_REQUIRE(home >= static_cast<int>(palette.colours().size()));
  // A colour below it that picks the same entry.
  uint32_t rare = 0;
  for (uint32_t c = 0x000101u; c < wide && rare == 0; c += 0x000101u)
    if (entries_of({{c, 1}})[0] == home) rare = c;
  BOOST_REQUIRE(rare != 0);
  const std::vector<int> both = entries_of({{rare, 1}, {wide, 5}});
  BOOST_TEST(both[1] == home);
  BOOST_TEST(both[0] != home);
  BOOST_TEST(both[0] >= static_cast<int>(palette.colours().size()));
  // Equal pixels: colour order decides, never the order they were met in.
  const std::vector<int> rare_first = entries_of({{rare, 1}, {wide, 1}}), wide_first = entries_of({{wide, 1}, {rare, 1}});
  BOOST_TEST(rare_first[0] == home);
  BOOST_TEST(rare_first[0] == wide_first[1]);
  BOOST_TEST(rare_first[1] == wide_first[0]);
}

// A palette entry is chosen for lightness before hue: a grey cell takes a
// grey a little darker rather than a light blue entry nearer by distance
// alone (on the maps' diverging colours a tint would read as a sign).
BOOST_AUTO_TEST_CASE(AGreyTakesAGreyEntryBeforeATintedNearerOne) {
  const FramePalette palette({0xB0B0B0u, 0xC3CDD7u, 0xE66100u});
  BOOST_TEST(palette.Nearest(0xC8C8C8u) == 0);  // grey 200: grey 176, not the blue-grey 5-15 levels off
  BOOST_TEST(palette.Nearest(0xC3CDD7u) == 1);  // an entry is its own nearest
  BOOST_TEST(palette.Nearest(0xF07010u) == 2);  // an orange keeps its hue
}

// The search four entries at a time in floats (render/nearest_entry.h)
// finds what a plain search of every entry in integers finds, ties going to
// the lower entry, on full palettes and on sizes that leave a part of four.
BOOST_AUTO_TEST_CASE(TheNearestEntryIsThePlainSearchsOnRandomPalettes) {
  const auto distance = [](uint32_t a, uint32_t b) {
    const int dr = static_cast<int>(a >> 16 & 0xFF) - static_cast<int>(b >> 16 & 0xFF),
              dg = static_cast<int>(a >> 8 & 0xFF) - static_cast<int>(b >> 8 & 0xFF),
              db = static_cast<int>(a & 0xFF) - static_cast<int>(b & 0xFF);
    const int rg = dr - dg, gb = dg - db, br = db - dr;
    return dr * dr + dg * dg + db * db + 6 * (rg * rg + gb * gb + br * br);
  };
  uint32_t state = 777;
  const auto next = [&state] { return state = state * 1664525u + 1013904223u; };
  for (const int size : {1, 2, 3, 7, 100, 255, 256}) {
    std::vector<uint32_t> colours;
    // Coarse levels, so several entries often lie equally far from a colour.
    for (int i = 0; i < size; ++i) colours.push_back((next() >> 8) & 0xC0E0FFu);
    const FramePalette palette(colours);
    const std::vector<uint32_t>& entries = palette.colours();
    for (int k = 0; k < 2000; ++k) {
      const uint32_t rgb = k < 2 ? (k ? 0xFFFFFFu : 0u) : next() >> 8;
      std::size_t want = 0;
      for (std::size_t i = 1; i < entries.size(); ++i)
        if (distance(rgb, entries[i]) < distance(rgb, entries[want])) want = i;
      BOOST_TEST_REQUIRE(palette.Nearest(rgb) == want, "size " << size << ", 0x" << std::hex << rgb);
    }
  }
}

// A photograph lesson's wide samples hold more colours than a palette
// picture may (each cell blends its number's edges with its own colour):
// those frames are truecolour, but the palette chosen from their colours
// still serves its frames of fewer colours (its tall ones), whose bands can
// then be copied. Samples of more than 65536 colours give no palette.
BOOST_AUTO_TEST_CASE(APaletteFromManyColouredSamplesServesTheFramesThatFit) {
  const int w = 200, h = 300;
  // 5000 colours of a red-green plane, after a named fill covering rows 0-99.
  const auto plane = [](int i) { return static_cast<uint32_t>(i % 50 * 5) << 16 | static_cast<uint32_t>(i / 50 * 2) << 8 | 0x80u; };
  std::vector<uint32_t> sample(static_cast<std::size_t>(w * h), 0xFAFAFAu);
  for (int i = 0; i < 5000; ++i) sample[static_cast<std::size_t>(100 * w + i * 8)] = plane(i);
  const ColourRuns sample_runs = RunsOf(sample, w, h);
  BOOST_REQUIRE(sample_runs.colours.size() > 4096u);
  const std::vector<uint32_t> named = {0xFAFAFAu};
  const FramePalette palette = FramePalette::FromSamples({&sample_runs}, named);
  BOOST_REQUIRE(!palette.colours().empty());

  // A frame of 700 of those colours, a pixel each, on the fill.
  std::vector<uint32_t> frame(static_cast<std::size_t>(w * h), 0xFAFAFAu);
  for (int i = 0; i < 700; ++i) frame[static_cast<std::size_t>(i * 17)] = plane(i * 7);
  const ColourRuns frame_runs = RunsOf(frame, w, h);
  const std::string png = EncodeRunsPng(frame_runs, &palette);
  const std::vector<uint32_t> plte = PaletteOf(png);
  BOOST_REQUIRE(plte.size() >= palette.colours().size());
  BOOST_TEST(std::equal(palette.colours().begin(), palette.colours().end(), plte.begin()));
  const RasterImage image = DecodedWithinTheBound(png, frame);
  BOOST_TEST(Pixel(image, 100, 200) == 0xFAFAFAu);

  // 90000 colours, every pixel its own: no palette.
  std::vector<uint32_t> noise(static_cast<std::size_t>(w * 450));
  for (std::size_t i = 0; i < noise.size(); ++i) noise[i] = static_cast<uint32_t>(i * 97) & 0xFFFFFFu;
  const ColourRuns noise_runs = RunsOf(noise, w, 450);
  BOOST_REQUIRE(noise_runs.colours.size() > 65536u);
  BOOST_TEST(FramePalette::FromSamples({&noise_runs}, named).colours().empty());
}

// Each colour's count is its pixels, however its rows repeat: runs of rows
// equal to the row above, across the boundary of two bands, and at the
// picture's end, read directly and copied from a picture read before.
BOOST_AUTO_TEST_CASE(CountsAreEachColoursPixels) {
  const int w = 7, h = 9;
  std::vector<uint32_t> pixels;
  for (int y = 0; y < h; ++y) {
    const int pattern = y < 3 ? 0 : y < 6 ? 1 : 2;  // rows 1-2, 4-5 and 7-8 repeat the row above
    for (int x = 0; x < w; ++x) pixels.push_back(pattern == 1 && x < 3 ? 0x00FF0000u : x % (pattern + 2) ? 0x0000FF00u : 0x000000FFu);
  }
  std::map<uint32_t, uint64_t> want;
  for (const uint32_t p : pixels) ++want[p & 0xFFFFFFu];
  const auto counted = [](const ColourRuns& runs) {
    std::map<uint32_t, uint64_t> got;
    for (std::size_t i = 0; i < runs.colours.size(); ++i) got[runs.colours[i]] += runs.counts[i];
    return got;
  };
  ColourRunsReader bands(w, h);
  bands.Add(pixels.data(), 5, w);  // the second band's first row repeats the first band's last
  bands.Add(pixels.data() + 5 * w, h - 5, w);
  const ColourRuns read = bands.Finish();
  BOOST_TEST((counted(read) == want));
  // Every row copied from `read` but row 4 and row 5 below it, read again.
  ColourRunsReader copies(w, h);
  copies.AddRowsFrom(read, 4);
  for (int y : {4, 5}) copies.AddSplicedRow(read, {{0, w}}, pixels.data() + y * w);
  copies.AddRowsFrom(read, h - 6);
  BOOST_TEST((counted(copies.Finish()) == want));
}

namespace {

// Two pictures' runs are the same runs of the same colours, counted alike
// (the colours' order aside: a reader that copies keeps the earlier
// picture's).
void ExpectSameRuns(const ColourRuns& got, const ColourRuns& want) {
  BOOST_TEST(cl::testing::SameRuns(got, want));
}

}  // namespace

// A row spliced from the picture before's runs and the columns that
// changed has the runs the whole row read has: runs that meet at a
// column's edge in one colour are one run, a row that comes out equal to
// the row above repeats it (and one no longer equal does not), and the
// counts are the pixels'.
BOOST_AUTO_TEST_CASE(SplicedRowsAreTheRowsRead) {
  const int w = 12, h = 7;
  constexpr uint32_t kRed = 0xFF0000, kGreen = 0x00FF00, kBlue = 0x0000FF;
  std::vector<uint32_t> before(static_cast<std::size_t>(w * h));
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) before[static_cast<std::size_t>(y * w + x)] = y == 3 || y == 4 ? kBlue : (x / 3 + y) % 2 ? kRed : kGreen;
  std::vector<uint32_t> after = before;
  const auto set = [&](int y, int from, int to, uint32_t colour) {
    for (int x = from; x < to; ++x) after[static_cast<std::size_t>(y * w + x)] = colour;
  };
  set(1, 4, 8, kGreen);  // meets the green runs on both sides
  set(2, 4, 8, kBlue);
  set(3, 4, 8, kRed);    // row 4 no longer repeats row 3
  set(5, 0, 12, kRed);
  set(6, 0, 12, kRed);   // repeats row 5 now
  const auto read_whole = [&] {
    ColourRunsReader reader(w, h);
    reader.Add(after.data(), h, w);
    return reader.Finish();
  };
  ColourRunsReader first(w, h);
  first.Add(before.data(), h, w);
  const ColourRuns previous = first.Finish();
  ColourRunsReader spliced(w, h);  // rows 1, 2, 3, 5 and 6 changed
  spliced.AddRowsFrom(previous, 1);  // row 0
  const std::vector<std::pair<int, int>> middle{{4, 8}}, whole{{0, 12}}, none;
  for (int y : {1, 2, 3}) spliced.AddSplicedRow(previous, middle, after.data() + y * w);
  spliced.AddSplicedRow(previous, none, after.data() + 4 * w);  // unchanged, after a changed row
  for (int y : {5, 6}) spliced.AddSplicedRow(previous, whole, after.data() + y * w);
  const ColourRuns got = spliced.Finish(), want = read_whole();
  ExpectSameRuns(got, want);
  BOOST_TEST(want.row_same[6] == 1);
  BOOST_TEST(want.row_same[4] == 0);
}

// A picture read from an earlier one keeps that one's colours at their
// places, new colours after them, and drops those no pixel has any more
// (their runs' colours moved down to close the gap).
BOOST_AUTO_TEST_CASE(CopiesKeepThePictureBeforesColourPlaces) {
  const int w = 8, h = 4;
  constexpr uint32_t kWhite = 0xFFFFFF, kRed = 0xFF0000, kBlack = 0x000000, kBlue = 0x0000FF;
  std::vector<uint32_t> before(static_cast<std::size_t>(w * h), kWhite);
  for (int x = 2; x < 4; ++x) before[static_cast<std::size_t>(1 * w + x)] = kRed;  // red only in row 1
  for (int x = 0; x < w; ++x) before[static_cast<std::size_t>(3 * w + x)] = kBlack;
  ColourRunsReader first(w, h);
  first.Add(before.data(), h, w);
  const ColourRuns previous = first.Finish();
  BOOST_TEST((previous.colours == std::vector<uint32_t>{kWhite, kRed, kBlack}));
  std::vector<uint32_t> after = before;
  for (int x = 2; x < 4; ++x) after[static_cast<std::size_t>(1 * w + x)] = kBlue;  // the red gone, a blue come
  ColourRunsReader reader(w, h);
  reader.AddRowsFrom(previous, 1);
  reader.AddSplicedRow(previous, {{2, 4}}, after.data() + 1 * w);
  reader.AddRowsFrom(previous, 2);
  const ColourRuns got = reader.Finish();
  BOOST_TEST((got.colours == std::vector<uint32_t>{kWhite, kBlack, kBlue}));
  BOOST_TEST((got.counts == std::vector<uint64_t>{22, 8, 2}));
  ColourRunsReader whole(w, h);
  whole.Add(after.data(), h, w);
  const ColourRuns want = whole.Finish();
  BOOST_TEST((want.colours == std::vector<uint32_t>{kWhite, kBlue, kBlack}));  // read: in the order first seen
  ExpectSameRuns(got, want);
  BOOST_TEST(!cl::testing::SameRuns(previous, want));  // the blue's run tells them apart
}

// Rows copied from two earlier pictures of the same pixels: the first's
// are counted at the end from its counts, the second's as they are copied;
// the counts are the pixels' either way.
BOOST_AUTO_TEST_CASE(RowsCopiedFromTwoPicturesAreCounted) {
  const int w = 9, h = 6;
  std::vector<uint32_t> pixels(static_cast<std::size_t>(w * h));
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) pixels[static_cast<std::size_t>(y * w + x)] = y == 2 ? 0x00FF00u : (x + y / 3) % 4 ? 0xFFFFFFu : 0x0000FFu;
  const auto read_whole = [&] {
    ColourRunsReader reader(w, h);
    reader.Add(pixels.data(), h, w);
    return reader.Finish();
  };
  const ColourRuns first = read_whole(), second = read_whole(), want = read_whole();
  ColourRunsReader copies(w, h);
  copies.AddRowsFrom(first, 3);
  copies.AddRowsFrom(second, h - 3);
  ExpectSameRuns(copies.Finish(), want);
}

// The same on pictures made at random: widths around the four pixels the
// run search compares at once, runs of every length, boxes changed (some
// to colours already beside them, some to noise) and read as spans that
// may reach past the change, as FrameDrawer reads a beat's repainted boxes,
// each picture read twice: with the row above given where it was spliced
// just before with the same spans (a row that repeats it is found from the
// spans' pixels alone), and without.
BOOST_AUTO_TEST_CASE(SplicedRowsAreTheRowsReadOnRandomPictures) {
  uint32_t state = 12345;
  const auto next = [&](uint32_t n) { return ((state = state * 1103515245u + 12345u) >> 8) % n; };
  // The top byte as Cairo leaves it in an RGB24 surface: set, and ignored.
  const uint32_t shades[] = {0xFFFFFFFF, 0xFF1F77B4, 0xFFFF7F0E, 0xFF000000, 0xFFFAFAFA};
  for (int trial = 0; trial < 300; ++trial) {
    const int w = 1 + static_cast<int>(next(37)), h = 1 + static_cast<int>(next(12));
    std::vector<uint32_t> before(static_cast<std::size_t>(w * h));
    for (std::size_t i = 0; i < before.size();) {  // runs of 1 to 9 pixels
      const uint32_t colour = shades[next(5)];
      for (uint32_t n = 1 + next(9); n > 0 && i < before.size(); --n) before[i++] = colour;
    }
    if (trial % 3 == 0)  // rows that repeat the row above
      for (int y = 1; y < h; y += 2) std::copy_n(&before[static_cast<std::size_t>((y - 1) * w)], w, &before[static_cast<std::size_t>(y * w)]);
    if (trial % 3 == 1)  // every row the first (upright stripes)
      for (int y = 1; y < h; ++y) std::copy_n(&before[0], w, &before[static_cast<std::size_t>(y * w)]);
    std::vector<uint32_t> after = before;
    struct Box { int left, right, top, bottom; };
    std::vector<Box> boxes;
    for (uint32_t n = next(4); n > 0; --n) {
      Box box{static_cast<int>(next(static_cast<uint32_t>(w))), 0, static_cast<int>(next(static_cast<uint32_t>(h))), 0};
      box.right = box.left + 1 + static_cast<int>(next(static_cast<uint32_t>(w - box.left)));
      box.bottom = box.top + 1 + static_cast<int>(next(static_cast<uint32_t>(h - box.top)));
      const bool noise = next(2) == 1;
      const uint32_t fill = shades[next(5)];
      for (int y = box.top; y < box.bottom; ++y)
        for (int x = box.left; x < box.right; ++x)
          if (!noise || next(3) == 0) after[static_cast<std::size_t>(y * w + x)] = noise ? shades[next(5)] : fill;
      boxes.push_back(box);
    }
    std::vector<uint8_t> unchanged(static_cast<std::size_t>(h), 1);
    for (const Box& box : boxes)
      for (int y = box.top; y < box.bottom; ++y) unchanged[static_cast<std::size_t>(y)] = 0;
    ColourRunsReader first(w, h);
    first.Add(before.data(), h, w);
    const ColourRuns previous = first.Finish();
    ColourRunsReader whole(w, h);
    whole.Add(after.data(), h, w);
    const ColourRuns want = whole.Finish();
    for (const bool with_row_above : {false, true}) {
      ColourRunsReader spliced(w, h);
      std::vector<std::pair<int, int>> spans_above;
      int spliced_row = -1;
      for (int y = 0; y < h; ++y) {
        if (RunsUnchanged(unchanged, y)) {
          spliced.AddRowsFrom(previous, 1);
          continue;
        }
        std::vector<std::pair<int, int>> spans;
        for (const Box& box : boxes)
          if (box.top <= y && y < box.bottom) spans.emplace_back(box.left, box.right);
        std::sort(spans.begin(), spans.end());
        std::vector<std::pair<int, int>> merged;
        for (const auto& span : spans) {
          if (!merged.empty() && span.first <= merged.back().second) merged.back().second = std::max(merged.back().second, span.second);
          else merged.push_back(span);
        }
        const uint32_t* row = after.data() + static_cast<std::size_t>(y * w);
        const bool above = with_row_above && spliced_row == y - 1 && merged == spans_above;
        spliced.AddSplicedRow(previous, merged, row, above ? row - w : nullptr);
        spliced_row = y, spans_above = merged;
      }
      const ColourRuns got = spliced.Finish();
      BOOST_TEST_CONTEXT("trial " << trial << ", " << w << "x" << h << (with_row_above ? ", row above given" : "")) {
        ExpectSameRuns(got, want);
      }
    }
  }
}
