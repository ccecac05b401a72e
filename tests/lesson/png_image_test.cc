// Image files: PNGs written here with libpng in every colour type the loader
// accepts, read back as luminance, resampled, and refused when they break a limit.
#include <png.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "lesson/png_image.h"
#include "lesson_test_util.h"

namespace fs = std::filesystem;
using namespace cl;
using cl::testing::G;
using cl::testing::Printed;

namespace {

// A fresh folder under the system's temp dir, removed with the fixture.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("convlesson-png-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  static inline int counter = 0;
};

struct PngSpec {
  int width = 1, height = 1;
  int bit_depth = 8;
  int color_type = PNG_COLOR_TYPE_GRAY;
  std::vector<std::uint16_t> samples;  // row-major, channels interleaved (palette: indices)
  std::vector<png_color> palette;
  std::vector<png_byte> transparency;  // a tRNS chunk: palette entries' alpha
  bool interlaced = false;
};

PngSpec Png(int width, int height, int color_type, int bit_depth, std::vector<std::uint16_t> samples) {
  PngSpec spec;
  spec.width = width;
  spec.height = height;
  spec.color_type = color_type;
  spec.bit_depth = bit_depth;
  spec.samples = std::move(samples);
  return spec;
}

int Channels(int color_type) {
  switch (color_type) {
    case PNG_COLOR_TYPE_RGB: return 3;
    case PNG_COLOR_TYPE_RGB_ALPHA: return 4;
    case PNG_COLOR_TYPE_GRAY_ALPHA: return 2;
    default: return 1;
  }
}

void WritePng(const fs::path& path, const PngSpec& spec) {
  FILE* file = std::fopen(path.c_str(), "wb");
  BOOST_TEST_REQUIRE(file != nullptr);
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  png_init_io(png, file);
  png_set_IHDR(png, info, static_cast<png_uint_32>(spec.width), static_cast<png_uint_32>(spec.height), spec.bit_depth,
               spec.color_type, spec.interlaced ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  if (!spec.palette.empty()) png_set_PLTE(png, info, spec.palette.data(), static_cast<int>(spec.palette.size()));
  if (!spec.transparency.empty())
    png_set_tRNS(png, info, spec.transparency.data(), static_cast<int>(spec.transparency.size()), nullptr);
  png_write_info(png, info);
  if (spec.bit_depth < 8) png_set_packing(png);
  const int per_row = spec.width * Channels(spec.color_type);
  const int bytes = spec.bit_depth == 16 ? 2 : 1;
  std::vector<std::vector<png_byte>> rows(static_cast<std::size_t>(spec.height));
  std::vector<png_bytep> pointers;
  for (int r = 0; r < spec.height; ++r) {
    auto& row = rows[static_cast<std::size_t>(r)];
    for (int i = 0; i < per_row; ++i) {
      const std::uint16_t v = spec.samples[static_cast<std::size_t>(r * per_row + i)];
      if (bytes == 2) row.push_back(static_cast<png_byte>(v >> 8));
      row.push_back(static_cast<png_byte>(v & 0xFF));
    }
    pointers.push_back(row.data());
  }
  png_write_image(png, pointers.data());
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  std::fclose(file);
}

Grid MustRead(const fs::path& path) {
  std::string error;
  auto image = ReadPngLuminance(path.string(), &error);
  BOOST_TEST_REQUIRE(image.has_value(), error);
  return *image;
}

std::string ReadError(const fs::path& path) {
  std::string error;
  auto image = ReadPngLuminance(path.string(), &error);
  BOOST_TEST(!image.has_value());
  return error;
}

}  // namespace

BOOST_AUTO_TEST_CASE(RgbIsLuminanceRoundedHalfUp) {
  TempDir dir;
  // 0.299*255 = 76.245, 0.587*255 = 149.685, 0.114*255 = 29.07, 0.114*250 = 28.5 exactly.
  WritePng(dir.path / "rgb.png",
           Png(3, 2, PNG_COLOR_TYPE_RGB, 8, {255, 0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 250, 10, 20, 30, 255, 255, 255}));
  BOOST_TEST((MustRead(dir.path / "rgb.png") == G({{76, 150, 29}, {29, 18, 255}})));
}

BOOST_AUTO_TEST_CASE(GreyIsReadAsItIs) {
  TempDir dir;
  WritePng(dir.path / "grey.png", Png(4, 1, PNG_COLOR_TYPE_GRAY, 8, {0, 1, 128, 255}));
  BOOST_TEST((MustRead(dir.path / "grey.png") == G({{0, 1, 128, 255}})));
}

BOOST_AUTO_TEST_CASE(SixteenBitIsScaledToEight) {
  TempDir dir;
  WritePng(dir.path / "grey16.png",
           Png(4, 1, PNG_COLOR_TYPE_GRAY, 16, {0, 1000, 25700, 65535}));
  BOOST_TEST((MustRead(dir.path / "grey16.png") == G({{0, 4, 100, 255}})));
  WritePng(dir.path / "rgb16.png",
           Png(1, 1, PNG_COLOR_TYPE_RGB, 16, {65535, 0, 0}));
  BOOST_TEST((MustRead(dir.path / "rgb16.png") == G({{76}})));
}

BOOST_AUTO_TEST_CASE(AlphaIsIgnored) {
  TempDir dir;
  WritePng(dir.path / "rgba.png", Png(2, 1, PNG_COLOR_TYPE_RGB_ALPHA, 8, {255, 255, 255, 0, 0, 255, 0, 128}));
  BOOST_TEST((MustRead(dir.path / "rgba.png") == G({{255, 150}})));
  WritePng(dir.path / "grey-alpha.png",
           Png(2, 1, PNG_COLOR_TYPE_GRAY_ALPHA, 8, {7, 0, 200, 255}));
  BOOST_TEST((MustRead(dir.path / "grey-alpha.png") == G({{7, 200}})));
}

BOOST_AUTO_TEST_CASE(PaletteLowBitDepthAndInterlacing) {
  TempDir dir;
  PngSpec palette = Png(2, 1, PNG_COLOR_TYPE_PALETTE, 8, {1, 0});
  palette.palette = {{0, 0, 250}, {255, 0, 0}};
  WritePng(dir.path / "palette.png", palette);
  BOOST_TEST((MustRead(dir.path / "palette.png") == G({{76, 29}})));
  // Transparent entries (a tRNS chunk) are ignored as alpha is, in both modes.
  palette.transparency = {0, 128};
  WritePng(dir.path / "palette-trns.png", palette);
  BOOST_TEST((MustRead(dir.path / "palette-trns.png") == G({{76, 29}})));
  std::string error;
  const auto planes = ReadPngRgb((dir.path / "palette-trns.png").string(), &error);
  BOOST_TEST_REQUIRE(planes.has_value(), error);
  BOOST_TEST(((*planes)[0] == G({{255, 0}}) && (*planes)[2] == G({{0, 250}})));
  PngSpec bits_palette = Png(3, 1, PNG_COLOR_TYPE_PALETTE, 1, {1, 0, 1});
  bits_palette.palette = {{0, 0, 0}, {255, 255, 255}};
  bits_palette.transparency = {0};
  WritePng(dir.path / "bits-trns.png", bits_palette);
  BOOST_TEST((MustRead(dir.path / "bits-trns.png") == G({{255, 0, 255}})));
  WritePng(dir.path / "bits.png", Png(3, 1, PNG_COLOR_TYPE_GRAY, 1, {1, 0, 1}));
  BOOST_TEST((MustRead(dir.path / "bits.png") == G({{255, 0, 255}})));
  PngSpec adam7 = Png(5, 5, PNG_COLOR_TYPE_GRAY, 8, {});
  adam7.interlaced = true;
  for (int i = 0; i < 25; ++i) adam7.samples.push_back(static_cast<std::uint16_t>(i * 10));
  WritePng(dir.path / "adam7.png", adam7);
  BOOST_TEST((MustRead(dir.path / "adam7.png") ==
              G({{0, 10, 20, 30, 40}, {50, 60, 70, 80, 90}, {100, 110, 120, 130, 140}, {150, 160, 170, 180, 190},
                 {200, 210, 220, 230, 240}})));
}

BOOST_AUTO_TEST_CASE(ResamplingAveragesAreas) {
  // Whole blocks.
  BOOST_TEST((ResampleByArea(G({{0, 2, 4, 6}, {2, 4, 6, 8}, {10, 10, 0, 0}, {10, 10, 0, 1}}), 2, 2) ==
              G({{2, 6}, {10, 0}})));
  // Partial pixels: [0, 100, 200] into two halves of 1.5 pixels: 50/1.5 = 33.3, 250/1.5 = 166.7.
  BOOST_TEST((ResampleByArea(G({{0, 100, 200}}), 1, 2) == G({{33, 167}})));
  // Exact halves round up.
  BOOST_TEST((ResampleByArea(G({{1, 2}}), 1, 1) == G({{2}})));
  BOOST_TEST((ResampleByArea(G({{0, 255}, {255, 0}}), 1, 1) == G({{128}})));
  // Upsampling repeats pixels.
  BOOST_TEST((ResampleByArea(G({{1, 2}}), 2, 4) == G({{1, 1, 2, 2}, {1, 1, 2, 2}})));
}

BOOST_AUTO_TEST_CASE(RefusedFiles) {
  TempDir dir;
  BOOST_TEST(ReadError(dir.path / "missing.png") == "does not exist");
  BOOST_TEST(ReadError(dir.path) == "is not a regular file");
  std::ofstream(dir.path / "text.png") << "title: not a picture\n";
  BOOST_TEST(ReadError(dir.path / "text.png") == "is not a PNG image");
  WritePng(dir.path / "wide.png", Png(4097, 1, PNG_COLOR_TYPE_GRAY, 8, std::vector<std::uint16_t>(4097, 9)));
  BOOST_TEST(ReadError(dir.path / "wide.png") == "is 1x4097 pixels; at most 4096 per side can be read");
  // Truncated: the header survives, the image data does not.
  WritePng(dir.path / "whole.png", Png(64, 64, PNG_COLOR_TYPE_GRAY, 8, std::vector<std::uint16_t>(64 * 64, 3)));
  fs::copy_file(dir.path / "whole.png", dir.path / "cut.png");
  fs::resize_file(dir.path / "cut.png", 60);
  BOOST_TEST(ReadError(dir.path / "cut.png") == "is not a readable PNG image (the file is truncated)");
  // Over 16 MiB: a sparse file is enough, it is refused before it is read.
  fs::copy_file(dir.path / "whole.png", dir.path / "big.png");
  fs::resize_file(dir.path / "big.png", (16u << 20) + 1);
  BOOST_TEST(ReadError(dir.path / "big.png") == "is larger than 16 MiB");
}

BOOST_AUTO_TEST_CASE(LessonImageFiles) {
  TempDir dir;
  fs::create_directories(dir.path / "images");
  WritePng(dir.path / "images" / "ramp.png",
           Png(4, 2, PNG_COLOR_TYPE_GRAY, 8, {0, 10, 20, 30, 40, 50, 60, 70}));
  const std::string base = dir.path.string();
  const LoadResult r = LoadLessonText("title: T\nimage: {file: images/ramp.png}\nfilter: [[1]]\npool: none\n"
                                      "variants:\n  - {label: Small, image: {file: images/ramp.png, size: [1, 2]}}\n",
                                      "t.yaml", base);
  BOOST_TEST_REQUIRE(r.lesson.has_value(), Printed(r));
  BOOST_TEST((r.lesson->variants[0].image == G({{0, 10, 20, 30}, {40, 50, 60, 70}})));
  BOOST_TEST((r.lesson->variants[1].image == G({{25, 45}})));
  BOOST_TEST((r.lesson->inputs == std::vector<std::string>{base + "/images/ramp.png", base + "/images/ramp.png"}));

  WritePng(dir.path / "wide.png", Png(513, 1, PNG_COLOR_TYPE_GRAY, 8, std::vector<std::uint16_t>(513, 1)));
  const LoadResult wide = LoadLessonText("title: T\nimage: {file: wide.png}\nfilter: [[1]]\n", "t.yaml", base);
  BOOST_TEST(Printed(wide) ==
             "t.yaml:2:15: error: image file 'wide.png' is 1x513 pixels; at most 512 per side, or set size: [rows, "
             "columns] to resample it\n"
             "    2 | image: {file: wide.png}\n"
             "      |               ^~~~~~~~\n");
  // A lesson that failed for its image names it all the same, missing or not
  // (watch builds it again once the file appears or changes).
  BOOST_TEST((wide.inputs == std::vector<std::string>{base + "/wide.png"}));
  const LoadResult missing = LoadLessonText("title: T\nimage: {file: late.png}\nfilter: [[1]]\n", "t.yaml", base);
  BOOST_TEST(!missing.lesson.has_value());
  BOOST_TEST((missing.inputs == std::vector<std::string>{base + "/late.png"}));
  const LoadResult resampled =
      LoadLessonText("title: T\nimage: {file: wide.png, size: [1, 3]}\nfilter: [[1]]\npool: none\n", "t.yaml", base);
  BOOST_TEST_REQUIRE(resampled.lesson.has_value(), Printed(resampled));
  BOOST_TEST((resampled.lesson->variants[0].image == G({{1, 1, 1}})));

  const LoadResult absolute =
      LoadLessonText("title: T\nimage: {file: " + base + "/wide.png}\nfilter: [[1]]\n", "t.yaml", base);
  BOOST_TEST(Printed(absolute).find("t.yaml:2:15: error: image file must be a path relative to the lesson file, got '") == 0u);
  const LoadResult size_limit =
      LoadLessonText("title: T\nimage: {file: wide.png, size: [1, 600]}\nfilter: [[1]]\n", "t.yaml", base);
  BOOST_TEST(Printed(size_limit) ==
             "t.yaml:2:35: error: image size must be at most 512, got 600\n"
             "    2 | image: {file: wide.png, size: [1, 600]}\n"
             "      |                                   ^~~\n");
}

BOOST_AUTO_TEST_CASE(RgbModeKeepsTheChannelsAsStored) {
  TempDir dir;
  // The same pixels as RgbIsLuminanceRoundedHalfUp: no luminance, no gamma.
  WritePng(dir.path / "rgb.png",
           Png(3, 2, PNG_COLOR_TYPE_RGB, 8, {255, 0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 250, 10, 20, 30, 255, 255, 255}));
  std::string error;
  auto planes = ReadPngRgb((dir.path / "rgb.png").string(), &error);
  BOOST_TEST_REQUIRE(planes.has_value(), error);
  BOOST_TEST_REQUIRE(planes->size() == 3u);
  BOOST_TEST(((*planes)[0] == G({{255, 0, 0}, {0, 10, 255}})));
  BOOST_TEST(((*planes)[1] == G({{0, 255, 0}, {0, 20, 255}})));
  BOOST_TEST(((*planes)[2] == G({{0, 0, 255}, {250, 30, 255}})));
  // A grey file read as rgb: three equal channels.
  WritePng(dir.path / "grey.png", Png(2, 1, PNG_COLOR_TYPE_GRAY, 8, {7, 200}));
  planes = ReadPngRgb((dir.path / "grey.png").string(), &error);
  BOOST_TEST_REQUIRE(planes.has_value(), error);
  for (const Grid& plane : *planes) BOOST_TEST((plane == G({{7, 200}})));
}

BOOST_AUTO_TEST_CASE(RgbModeLessonResamplesEveryChannel) {
  TempDir dir;
  WritePng(dir.path / "four.png", Png(2, 2, PNG_COLOR_TYPE_RGB, 8, {10, 0, 1, 20, 0, 2, 30, 0, 3, 40, 0, 5}));
  const std::string yaml =
      "title: T\nimage: {file: four.png, mode: rgb, size: [1, 1]}\nfilter: [[[1]], [[1]], [[1]]]\npool: none\n";
  LoadResult r = cl::testing::Load(yaml, (dir.path / "t.yaml").string(), dir.path.string());
  BOOST_TEST_REQUIRE(r.lesson.has_value(), Printed(r));
  const Variant& v = r.lesson->variants[0];
  BOOST_TEST_REQUIRE(ChannelCount(v) == 3);
  BOOST_TEST((ChannelAt(v, 0) == G({{25}})));  // (10 + 20 + 30 + 40) / 4
  BOOST_TEST((ChannelAt(v, 1) == G({{0}})));
  BOOST_TEST((ChannelAt(v, 2) == G({{3}})));  // 11 / 4 = 2.75
  BOOST_TEST((v.channel_names == std::vector<std::string>{"R", "G", "B"}));
  BOOST_TEST(v.image_from_file);
}
