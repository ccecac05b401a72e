// The program's static thread-local storage stays small. glibc zeroes the
// whole block for every thread made (a build makes hundreds: each parallel
// loop makes its helpers) and keeps it resident in the stacks it caches, so
// a large thread_local object (the GIF writer's 2 MB of repeat strings once
// sat there) cost milliseconds of zeroing and megabytes of memory per
// thread. Large per-thread tables belong on the heap, made on first use
// (render/gif_encoder.cc).
#include <boost/test/unit_test.hpp>

#include <link.h>

#include <cstddef>
#include <string>

#include "render/gif_encoder.h"
#include "render/gif_palette.h"
#include "render/png_encode.h"

namespace cl {
namespace {

// The size of the test program's own PT_TLS segment (its static
// thread-local block), which holds every thread_local of the code it links.
std::size_t ProgramTlsBytes() {
  std::size_t bytes = 0;
  dl_iterate_phdr(
      [](dl_phdr_info* info, std::size_t, void* data) {
        // The first object listed is the program itself.
        for (int i = 0; i < info->dlpi_phnum; ++i)
          if (info->dlpi_phdr[i].p_type == PT_TLS) *static_cast<std::size_t*>(data) = info->dlpi_phdr[i].p_memsz;
        return 1;  // stop after the program
      },
      &bytes);
  return bytes;
}

BOOST_AUTO_TEST_CASE(ThreadLocalBlockStaysSmall) {
  // Write a GIF and a PNG so the encoders' thread_local objects are linked
  // into this program and in use.
  ColourRunsReader reader(4, 2);
  const uint32_t pixels[8] = {0xFF0000, 0xFF0000, 0x00FF00, 0x0000FF, 0xFF0000, 0xFF0000, 0x00FF00, 0x0000FF};
  reader.Add(pixels, 2, 4);
  const ColourRuns runs = reader.Finish();
  GifAnimationEncoder gif(4, 2, GifPalette::Build({Color{255, 0, 0}, Color{0, 255, 0}, Color{0, 0, 255}}, {}));
  std::string error;
  BOOST_TEST_REQUIRE(gif.AddFrame(runs, 10, &error), error);
  BOOST_TEST(!EncodeRunsPng(runs).empty());
  BOOST_TEST(!EncodeRgbPng(1, 1, {1, 2, 3}).empty());

  BOOST_TEST(ProgramTlsBytes() <= std::size_t{16} << 10, "static TLS of " << ProgramTlsBytes() << " bytes");
}

}  // namespace
}  // namespace cl
