// Benchmark of PNG frames beside their peers: every beat of the default
// lesson's first variant is rasterised at scale 2 and encoded by
// convlesson's encoder (render/png_encode.h) and by a bare Cairo program's
// cairo_surface_write_to_png_stream, on one core; then whole frames (laid
// out, drawn, encoded) beside the matplotlib script in this folder drawing
// the same beats, each frame drawn whole and, as a build draws them, from
// the one before (FrameDrawer). It prints CPU time and size per megapixel and the ratios,
// and says so when the matplotlib peer cannot run. Not a test: it never
// fails on the numbers. Usage: png_bench [ROUNDS] [MATPLOTLIB_SCRIPT]
#include <cairo.h>
#include <stdlib.h>

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

// The matplotlib peer (tests/bench/matplotlib_frames.py) run by the first
// python3 that has matplotlib; false, with the reason, when none does.
bool RunMatplotlib(const std::string& script, Result* result, double* megapixels, std::string* why) {
  if (script.empty()) return *why = "no script given", false;
  for (const char* python : {"/usr/bin/python3", "python3"}) {
    if (std::system((std::string(python) + " -c 'import matplotlib' >/dev/null 2>&1").c_str()) != 0) continue;
    char dir[] = "/tmp/convlesson-matplotlib-XXXXXX";
    if (!mkdtemp(dir)) return *why = "cannot make a temporary folder", false;
    const std::string command = std::string(python) + " '" + script + "' " + dir + " 3";
    FILE* out = popen(command.c_str(), "r");
    int frames = 0;
    const int read = out ? std::fscanf(out, "%d %lf %lf %lf", &frames, megapixels, &result->seconds, &result->bytes) : 0;
    const int status = out ? pclose(out) : -1;
    std::system((std::string("rm -rf '") + dir + "'").c_str());
    if (read != 4 || status != 0) return *why = command + " failed", false;
    return true;
  }
  return *why = "no python3 with matplotlib (Debian: apt-get install python3-matplotlib)", false;
}

}  // namespace

int main(int argc, char** argv) {
  const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
  const std::string matplotlib_script = argc > 2 ? argv[2] : "";
  cl::testing::DefaultVariantScenes scenes;
  const int beats = static_cast<int>(scenes.story.beats.size());
  // Each frame is encoded right after it is drawn, as in a build (its pixels
  // still in cache), by both encoders in turn; the best round counts. Then
  // whole frames, laid out, drawn and encoded, as a build makes them.
  Result ours{1e300, 0}, cairo{1e300, 0}, frames{1e300, 0}, cairo_frames{1e300, 0}, followed{1e300, 0};
  double megapixels = 0;
  for (int r = 0; r < rounds; ++r) {
    Result ours_round, cairo_round, frames_round, cairo_frames_round, followed_round;
    cl::FrameDrawer drawer(2.0);  // a build's: each beat drawn from the one before
    megapixels = 0;
    for (int i = 0; i < beats; ++i) {
      cl::RasterImage frame = cl::RasterizeScene(scenes.scene_at(i), 2.0);
      megapixels += frame.width * static_cast<double>(frame.height) / 1e6;
      TimeOne(frame, [](cl::RasterImage& f) {
        return cl::EncodeXrgbPng(f.width, f.height, f.argb.data(), static_cast<std::size_t>(f.width));
      }, &ours_round);
      TimeOne(frame, BareCairoPng, &cairo_round);
      TimeOne(frame, [&](cl::RasterImage&) { return cl::RenderPng(scenes.scene_at(i), 2.0); }, &frames_round);
      TimeOne(frame, [&](cl::RasterImage&) {
        cl::RasterImage drawn = cl::RasterizeScene(scenes.scene_at(i), 2.0);
        return BareCairoPng(drawn);
      }, &cairo_frames_round);
      TimeOne(frame, [&](cl::RasterImage&) {
        drawer.Draw(scenes.scene_at(i));
        return drawer.Png();  // the bands the beat left unchanged copied from the frame before's
      }, &followed_round);
    }
    if (ours_round.seconds < ours.seconds) ours = ours_round;
    if (cairo_round.seconds < cairo.seconds) cairo = cairo_round;
    if (frames_round.seconds < frames.seconds) frames = frames_round;
    if (cairo_frames_round.seconds < cairo_frames.seconds) cairo_frames = cairo_frames_round;
    if (followed_round.seconds < followed.seconds) followed = followed_round;
  }
  std::printf("PNG frames: the default lesson's %d beats at scale 2, %.1f megapixels; CPU time, best of %d rounds, one core\n",
              beats, megapixels, rounds);
  auto report = [](const char* name, const Result& r, double mp) {
    std::printf("  %-44s %8.2f ms/MP %8.1f KiB/MP\n", name, r.seconds * 1000 / mp, r.bytes / 1024 / mp);
  };
  std::printf("encoding a drawn frame\n");
  report("convlesson (render/png_encode)", ours, megapixels);
  report("bare Cairo (cairo_surface_write_to_png)", cairo, megapixels);
  std::printf("  convlesson / bare Cairo: %.3fx the time, %.2fx the size\n", ours.seconds / cairo.seconds,
              ours.bytes / cairo.bytes);
  std::printf("a whole frame: laid out, drawn and written\n");
  report("convlesson, drawn whole (RenderPng)", frames, megapixels);
  report("convlesson, drawn from the beat before", followed, megapixels);
  report("bare Cairo (drawn, then write_to_png)", cairo_frames, megapixels);
  Result mpl;
  double mpl_megapixels = 0;
  std::string why;
  if (RunMatplotlib(matplotlib_script, &mpl, &mpl_megapixels, &why)) {
    report("matplotlib script (tests/bench, Agg, savefig)", mpl, mpl_megapixels);
    std::printf("  matplotlib / convlesson: convlesson is %.0fx faster per megapixel drawing each frame whole,\n",
                (mpl.seconds / mpl_megapixels) / (frames.seconds / megapixels));
    std::printf("  %.0fx as a build draws them (each from the beat before)\n",
                (mpl.seconds / mpl_megapixels) / (followed.seconds / megapixels));
  } else {
    std::printf("  matplotlib script: UNAVAILABLE, not measured: %s\n", why.c_str());
  }
  return 0;
}
