// Every PNG frame a build writes, decoded, against the pixels Cairo drew for
// it: exactly the same when the frame has at most 256 colours or is written
// truecolour; otherwise (a palette chosen for more colours, docs/frames.md)
// every fill exact and every pixel within 24 levels of 255 in each channel.
// The default lesson's two variants and a lesson as authors write them
// (values 0 to 255 and decimals, a 12x12 image, a 5x5 filter), wide frames
// and the tall ones for phones.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <unordered_set>
#include <vector>

#include "../support/default_lesson.h"
#include "base/file_sink.h"
#include "render/cairo_png.h"
#include "site/built_lesson.h"
#include "site/lesson_outputs.h"

using namespace cl;

namespace {

constexpr int kPaletteBound = 24;  // render/png_encode.cc's kMaxPaletteError, as documented

Lesson AuthoredLesson() {
  return testing::AuthoredLesson(12, [](int r, int c) { return (r * 12 + c) * 255 / 143; });
}

bool IsPalettePng(const std::string& png) { return png.size() > 25 && png[25] == 3; }

// Checks the decoded frame against what Cairo drew; a palette frame of more
// than 256 colours must still have `min_exact` of its pixels exact.
void CheckFrame(const std::string& png, const RasterImage& drawn, const std::string& path, double min_exact) {
  BOOST_TEST_CONTEXT(path) {
    const std::optional<RasterImage> decoded = DecodePng(png);
    BOOST_REQUIRE(decoded.has_value());
    BOOST_REQUIRE(decoded->width == drawn.width);
    BOOST_REQUIRE(decoded->height == drawn.height);
    std::unordered_set<uint32_t> colours;
    int worst = 0;
    std::size_t exact = 0;
    for (std::size_t i = 0; i < drawn.argb.size(); ++i) {
      const uint32_t want = drawn.argb[i] | 0xFF000000u, got = decoded->argb[i];
      colours.insert(want);
      exact += want == got;
      for (int shift : {16, 8, 0})
        worst = std::max(worst, std::abs(static_cast<int>(want >> shift & 0xFF) - static_cast<int>(got >> shift & 0xFF)));
    }
    if (colours.size() <= 256 || !IsPalettePng(png)) {
      BOOST_TEST(exact == drawn.argb.size());
    } else {
      BOOST_TEST(worst <= kPaletteBound);
      BOOST_TEST(static_cast<double>(exact) >= min_exact * static_cast<double>(drawn.argb.size()));
    }
  }
}

// `all_palette`: every frame must be a palette PNG (flat fills: the lesson
// has few colours besides its text's blends).
void CheckEveryFrame(const Lesson& lesson, bool all_palette, double min_exact) {
  RenderOptions options;
  options.only = {"png"};
  MemoryFileSink sink;
  std::vector<Diagnostic> diagnostics;
  BOOST_REQUIRE(RenderLessonOutputs(lesson, options, sink, &diagnostics));
  const BuiltLesson built = BuildLesson(lesson);
  int frames = 0, palette = 0;
  for (const BuiltVariant& v : built.variants) {
    for (int beat = 0; beat < static_cast<int>(v.story.beats.size()); ++beat) {
      for (bool tall : {false, true}) {
        const std::vector<std::string>& paths = tall ? v.frame_png_tall : v.frame_png;
        if (paths.empty()) continue;
        const std::string& png = sink.files().at(paths[beat]);
        CheckFrame(png, RasterizeScene(LayoutBuiltBeat(built, v, beat, tall), options.scale), paths[beat], min_exact);
        ++frames;
        palette += IsPalettePng(png);
      }
    }
  }
  if (all_palette) BOOST_TEST(frames == palette);
  BOOST_TEST(palette > 0);
}

}  // namespace

BOOST_AUTO_TEST_CASE(EveryDefaultLessonFrameDecodesToWhatCairoDrew) {
  // Flat fills and text: every fill and plain glyph exact, only blended
  // glyph edges (under 3 % of the pixels: 2.6 % in the phones' focused
  // frames, which have no empty grids) moved, within the bound.
  CheckEveryFrame(testing::DefaultLesson(), true, 0.97);
}

BOOST_AUTO_TEST_CASE(EveryAuthoredLessonFrameDecodesToWhatCairoDrew) {
  // 144 greys of the image besides the maps' colours: some frames are
  // truecolour (exact), the others within the bound. The phones' frames
  // write the picture's 144 values over its greys, whose glyph edges blend
  // with every grey: 84 % of their pixels exact.
  CheckEveryFrame(AuthoredLesson(), false, 0.8);
}
