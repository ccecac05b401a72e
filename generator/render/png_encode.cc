#include "render/png_encode.h"

#include <png.h>

#include <csetjmp>
#include <cstring>
#include <new>
#include <utility>

namespace cl {
namespace {

// zlib level and the PNG row filters libpng may choose from.
struct PngSettings {
  int level;
  int filters;
};

// Frames: level 1 on "Up"-filtered rows. On the default lesson at scale 2
// (2390x932) this takes about 11 ms a frame for 94 KB; level 6 with every
// filter gives 66 KB in 39 ms, no filter 113 KB in 9 ms, and higher levels
// with "Up" barely shrink the file (level 3: 91 KB).
constexpr PngSettings kFast = {1, PNG_FILTER_UP};
// Small data pictures: libpng's defaults (level 6, the best filter per row).
constexpr PngSettings kDense = {6, PNG_ALL_FILTERS};

// Fills `row` (width * 3 bytes) with the RGB bytes of row `y`.
using FillRow = void (*)(const void* source, int width, int y, uint8_t* row);

struct Output {
  std::string bytes;
  bool out_of_memory = false;
};

struct EncodeJob {
  int width = 0, height = 0;
  PngSettings settings{};
  const void* source = nullptr;
  FillRow fill = nullptr;
  uint8_t* row = nullptr;  // width * 3 bytes, owned by the caller
  Output* output = nullptr;
};

void AppendToOutput(png_structp png, png_bytep data, png_size_t length) {
  auto* output = static_cast<Output*>(png_get_io_ptr(png));
  if (output->out_of_memory) return;
  try {
    output->bytes.append(reinterpret_cast<const char*>(data), length);
  } catch (const std::bad_alloc&) {
    output->out_of_memory = true;  // reported once libpng is done; no jump out of a catch
  }
}

void FlushNothing(png_structp) {}

void OnPngError(png_structp png, png_const_charp) { png_longjmp(png, 1); }
void OnPngWarning(png_structp, png_const_charp) {}

// The libpng part. libpng reports errors with longjmp, so nothing here has a
// destructor: everything that outlives a jump belongs to the caller.
bool RunLibpng(const EncodeJob& job) {
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, OnPngError, OnPngWarning);
  if (png == nullptr) return false;
  png_infop info = png_create_info_struct(png);
  if (info == nullptr) {
    png_destroy_write_struct(&png, nullptr);
    return false;
  }
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return false;
  }
  png_set_write_fn(png, job.output, AppendToOutput, FlushNothing);
  png_set_compression_level(png, job.settings.level);
  png_set_filter(png, PNG_FILTER_TYPE_BASE, job.settings.filters);
  // Only IHDR, IDAT and IEND: no tIME, gAMA or text chunk is ever set.
  png_set_IHDR(png, info, static_cast<png_uint_32>(job.width), static_cast<png_uint_32>(job.height), 8,
               PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
  png_write_info(png, info);
  for (int y = 0; y < job.height; ++y) {
    job.fill(job.source, job.width, y, job.row);
    png_write_row(png, job.row);
  }
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return true;
}

bool SizesOk(int width, int height) {
  // Keep every intermediate size far from overflow; frames are much smaller.
  return width > 0 && height > 0 && width <= (1 << 16) && height <= (1 << 16);
}

std::string Encode(int width, int height, PngSettings settings, const void* source, FillRow fill) {
  std::vector<uint8_t> row(static_cast<std::size_t>(width) * 3);
  Output output;
  const EncodeJob job{width, height, settings, source, fill, row.data(), &output};
  if (!RunLibpng(job) || output.out_of_memory) return "";
  return std::move(output.bytes);
}

struct XrgbSource {
  const uint32_t* pixels;
  std::size_t stride;
};

}  // namespace

std::string EncodeRgbPng(int width, int height, const std::vector<uint8_t>& rgb) {
  if (!SizesOk(width, height) || rgb.size() != static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3)
    return "";
  return Encode(width, height, kDense, rgb.data(), [](const void* source, int w, int y, uint8_t* row) {
    const std::size_t row_bytes = static_cast<std::size_t>(w) * 3;
    std::memcpy(row, static_cast<const uint8_t*>(source) + row_bytes * static_cast<std::size_t>(y), row_bytes);
  });
}

std::string EncodeXrgbPng(int width, int height, const uint32_t* pixels, std::size_t stride) {
  if (!SizesOk(width, height) || pixels == nullptr || stride < static_cast<std::size_t>(width)) return "";
  const XrgbSource source{pixels, stride};
  return Encode(width, height, kFast, &source, [](const void* data, int w, int y, uint8_t* row) {
    const auto* s = static_cast<const XrgbSource*>(data);
    const uint32_t* in = s->pixels + s->stride * static_cast<std::size_t>(y);
    for (int x = 0; x < w; ++x) {
      *row++ = static_cast<uint8_t>(in[x] >> 16);
      *row++ = static_cast<uint8_t>(in[x] >> 8);
      *row++ = static_cast<uint8_t>(in[x]);
    }
  });
}

}  // namespace cl
