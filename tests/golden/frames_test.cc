#define BOOST_TEST_MODULE golden_frames
// The default lesson's key frames, rendered by the real pipeline (loader,
// RenderLessonOutputs) at scale 1, against the reference PNGs in frames/.
// Pixels are compared, not bytes: a pixel counts as different when a channel
// is off by more than kChannelTolerance, and a frame fails when more than
// kMaxDifferentShare of its pixels differ. Set CONVLESSON_REGENERATE_GOLDEN=1
// to rewrite the references after an intended change (then look at them).
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "base/file_sink.h"
#include "lesson/loader.h"
#include "render/cairo_png.h"
#include "render/png_encode.h"
#include "site/lesson_outputs.h"

namespace bdata = boost::unit_test::data;
using namespace cl;

namespace {

constexpr int kChannelTolerance = 24;
constexpr double kMaxDifferentShare = 0.003;

// The beats worth pinning: every stage, and the second variant.
const std::vector<std::string> kFrames = {
    "frames/vertical-edge/001-intro.png",      "frames/vertical-edge/002-conv.png",
    "frames/vertical-edge/018-activation.png", "frames/vertical-edge/020-pool.png",
    "frames/vertical-edge/023-summary.png",    "frames/horizontal-edge/021-pool.png",
};

bool Regenerating() {
  const char* flag = std::getenv("CONVLESSON_REGENERATE_GOLDEN");
  return flag != nullptr && std::string(flag) == "1";
}

// Renders the default lesson's PNG frames once, into memory.
const MemoryFileSink& Rendered() {
  static const MemoryFileSink sink = [] {
    MemoryFileSink s;
    const LoadResult loaded = LoadLessonFile(CONVLESSON_SOURCE_DIR "/lessons/conv-relu-pool.yaml");
    if (!loaded.lesson) return s;
    RenderOptions options;
    options.scale = 1;
    options.only = {"png"};
    std::vector<Diagnostic> diagnostics;
    RenderLessonOutputs(*loaded.lesson, options, s, &diagnostics);
    return s;
  }();
  return sink;
}

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The reference as a compact PNG (zlib-compressed RGB), so the repository stays small.
std::string Compact(const RasterImage& image) {
  std::vector<uint8_t> rgb;
  rgb.reserve(image.argb.size() * 3);
  for (uint32_t p : image.argb)
    rgb.insert(rgb.end(), {static_cast<uint8_t>(p >> 16), static_cast<uint8_t>(p >> 8), static_cast<uint8_t>(p)});
  return EncodeRgbPng(image.width, image.height, rgb);
}

int ChannelDiff(uint32_t a, uint32_t b) {
  int worst = 0;
  for (int shift : {0, 8, 16}) {
    const int d = static_cast<int>((a >> shift) & 0xFF) - static_cast<int>((b >> shift) & 0xFF);
    worst = std::max(worst, d < 0 ? -d : d);
  }
  return worst;
}

}  // namespace

BOOST_DATA_TEST_CASE(DefaultLessonFramesMatchTheReferences, bdata::make(kFrames), frame) {
  const auto& files = Rendered().files();
  const auto it = files.find(frame);
  BOOST_REQUIRE_MESSAGE(it != files.end(), "not rendered: " << frame);
  const std::optional<RasterImage> actual = DecodePng(it->second);
  BOOST_REQUIRE(actual.has_value());

  const std::filesystem::path golden = std::filesystem::path(CONVLESSON_GOLDEN_DIR) / frame;
  if (Regenerating()) {
    std::filesystem::create_directories(golden.parent_path());
    std::ofstream(golden, std::ios::binary) << Compact(*actual);
    BOOST_TEST_MESSAGE("rewrote " << golden);
    return;
  }
  const std::optional<RasterImage> expected = DecodePng(ReadFile(golden));
  BOOST_REQUIRE_MESSAGE(expected.has_value(), "missing reference " << golden
                                                                   << " (CONVLESSON_REGENERATE_GOLDEN=1 writes it)");
  BOOST_REQUIRE(actual->width == expected->width);
  BOOST_REQUIRE(actual->height == expected->height);
  std::size_t different = 0;
  for (std::size_t i = 0; i < actual->argb.size(); ++i)
    different += ChannelDiff(actual->argb[i], expected->argb[i]) > kChannelTolerance;
  const double share = static_cast<double>(different) / static_cast<double>(actual->argb.size());
  BOOST_TEST(share <= kMaxDifferentShare, frame << ": " << different << " pixels differ (" << share * 100 << "%)");
}

BOOST_AUTO_TEST_CASE(EveryBeatOfTheDefaultLessonIsRendered) {
  std::size_t pngs = 0;
  for (const auto& [path, bytes] : Rendered().files()) pngs += path.size() > 4 && path.substr(path.size() - 4) == ".png";
  BOOST_TEST(pngs == 2 * 46u);  // wide, and tall for phones
}
