// Benchmark of PNG frame encoding beside its peer: every beat of the default
// lesson's first variant is rasterised once at scale 2, then encoded again
// and again by convlesson's encoder (render/png_encode.h) and by a bare Cairo
// program's cairo_surface_write_to_png_stream, on one core. It prints time
// and size per megapixel and their ratios. Not a test: it never fails on the
// numbers. Usage: png_bench [ROUNDS]
#include <cairo.h>

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "render/cairo_png.h"
#include "render/png_encode.h"
#include "support/default_scenes.h"

namespace {

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

std::string BareCairoPng(cl::RasterImage& image) {
  cairo_surface_t* surface = cairo_image_surface_create_for_data(
      reinterpret_cast<unsigned char*>(image.argb.data()), CAIRO_FORMAT_RGB24, image.width, image.height,
      image.width * 4);
  std::string png;
  cairo_surface_write_to_png_stream(surface, AppendToString, &png);
  cairo_surface_destroy(surface);
  return png;
}

struct Result {
  double seconds = 0;
  double bytes = 0;
};

// CPU time of this thread: on a shared machine wall time counts the other
// processes' turns too.
double CpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

template <typename Encode>
void TimeOne(cl::RasterImage& frame, Encode encode, Result* total) {
  const double start = CpuSeconds();
  total->bytes += static_cast<double>(encode(frame).size());
  total->seconds += CpuSeconds() - start;
}

}  // namespace

int main(int argc, char** argv) {
  const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
  cl::testing::DefaultVariantScenes scenes;
  const int beats = static_cast<int>(scenes.story.beats.size());
  // Each frame is encoded right after it is drawn, as in a build (its pixels
  // still in cache), by both encoders in turn; the best round counts.
  Result ours{1e300, 0}, cairo{1e300, 0};
  double megapixels = 0;
  for (int r = 0; r < rounds; ++r) {
    Result ours_round, cairo_round;
    megapixels = 0;
    for (int i = 0; i < beats; ++i) {
      cl::RasterImage frame = cl::RasterizeScene(scenes.scene_at(i), 2.0);
      megapixels += frame.width * static_cast<double>(frame.height) / 1e6;
      TimeOne(frame, [](cl::RasterImage& f) {
        return cl::EncodeXrgbPng(f.width, f.height, f.argb.data(), static_cast<std::size_t>(f.width));
      }, &ours_round);
      TimeOne(frame, BareCairoPng, &cairo_round);
    }
    if (ours_round.seconds < ours.seconds) ours = ours_round;
    if (cairo_round.seconds < cairo.seconds) cairo = cairo_round;
  }
  std::printf("%d frames of the default lesson at scale 2, %.1f megapixels; best of %d rounds, one core\n", beats,
              megapixels, rounds);
  auto report = [&](const char* name, const Result& r) {
    std::printf("%-28s %7.2f ms/MP %8.1f KiB/MP\n", name, r.seconds * 1000 / megapixels, r.bytes / 1024 / megapixels);
  };
  report("convlesson (png_encode)", ours);
  report("bare Cairo write_to_png", cairo);
  std::printf("convlesson / bare Cairo: %.3fx the time, %.2fx the size\n", ours.seconds / cairo.seconds,
              ours.bytes / cairo.bytes);
  return 0;
}
