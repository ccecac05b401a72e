#include "render/cairo_png.h"

#include <cairo.h>

#include <cmath>
#include <cstring>

#include "render/cairo_painter.h"
#include "render/png_encode.h"

namespace cl {
namespace {

// Refuse absurd rasters instead of allocating gigabytes (a hostile --scale or
// scene size): 16384 px per side is more than any slide needs.
constexpr int kMaxSide = 16384;

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct ReadCursor {
  std::string_view bytes;
  std::size_t at = 0;
};

cairo_status_t ReadFromView(void* closure, unsigned char* data, unsigned int length) {
  auto* cursor = static_cast<ReadCursor*>(closure);
  if (cursor->bytes.size() - cursor->at < length) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(data, cursor->bytes.data() + cursor->at, length);
  cursor->at += length;
  return CAIRO_STATUS_SUCCESS;
}

// The scene painted on an opaque RGB surface; nullptr when the size is absurd.
cairo_surface_t* Paint(const Scene& scene, double scale) {
  const double w = std::ceil(scene.width * scale), h = std::ceil(scene.height * scale);
  if (!(w >= 1 && h >= 1 && w <= kMaxSide && h <= kMaxSide)) return nullptr;
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(w), static_cast<int>(h));
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface);
    return nullptr;
  }
  cairo_t* cr = cairo_create(surface);
  cairo_scale(cr, scale, scale);
  PaintScene(cr, scene);
  cairo_destroy(cr);
  cairo_surface_flush(surface);
  return surface;
}

RasterImage CopyPixels(cairo_surface_t* surface, bool opaque) {
  RasterImage image;
  image.width = cairo_image_surface_get_width(surface);
  image.height = cairo_image_surface_get_height(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  image.argb.resize(static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height));
  for (int y = 0; y < image.height; ++y) {
    const auto* row = reinterpret_cast<const uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
    for (int x = 0; x < image.width; ++x)
      image.argb[static_cast<std::size_t>(y) * image.width + x] = opaque ? row[x] | 0xFF000000u : row[x];
  }
  return image;
}

std::string WritePng(cairo_surface_t* surface) {
  std::string out;
  if (cairo_surface_write_to_png_stream(surface, AppendToString, &out) != CAIRO_STATUS_SUCCESS) return "";
  return out;
}

}  // namespace

RasterImage RasterizeScene(const Scene& scene, double scale) {
  cairo_surface_t* surface = Paint(scene, scale);
  if (surface == nullptr) return {};
  RasterImage image = CopyPixels(surface, true);
  cairo_surface_destroy(surface);
  return image;
}

std::string RenderPng(const Scene& scene, double scale) {
  cairo_surface_t* surface = Paint(scene, scale);
  if (surface == nullptr) return "";
  std::string png = EncodeXrgbPng(cairo_image_surface_get_width(surface), cairo_image_surface_get_height(surface),
                                  reinterpret_cast<const uint32_t*>(cairo_image_surface_get_data(surface)),
                                  static_cast<std::size_t>(cairo_image_surface_get_stride(surface)) / 4);
  cairo_surface_destroy(surface);
  return png;
}

std::string EncodePng(const RasterImage& image) {
  if (image.width <= 0 || image.height <= 0 ||
      image.argb.size() != static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height))
    return "";
  bool opaque = true;
  for (uint32_t p : image.argb) opaque &= (p >> 24) == 0xFF;
  if (opaque) return EncodeXrgbPng(image.width, image.height, image.argb.data(), static_cast<std::size_t>(image.width));
  // With transparency: Cairo's own writer keeps the alpha channel.
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, image.width, image.height);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface);
    return "";
  }
  cairo_surface_flush(surface);
  unsigned char* data = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  for (int y = 0; y < image.height; ++y)
    std::memcpy(data + static_cast<std::ptrdiff_t>(y) * stride, image.argb.data() + static_cast<std::size_t>(y) * image.width,
                static_cast<std::size_t>(image.width) * 4);
  cairo_surface_mark_dirty(surface);
  std::string png = WritePng(surface);
  cairo_surface_destroy(surface);
  return png;
}

std::optional<RasterImage> DecodePng(std::string_view bytes) {
  ReadCursor cursor{bytes};
  cairo_surface_t* surface = cairo_image_surface_create_from_png_stream(ReadFromView, &cursor);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface);
    return std::nullopt;
  }
  // Cairo hands back ARGB32 or RGB24 (then alpha bytes are undefined).
  cairo_surface_t* argb = surface;
  if (cairo_image_surface_get_format(surface) != CAIRO_FORMAT_ARGB32 &&
      cairo_image_surface_get_format(surface) != CAIRO_FORMAT_RGB24) {
    argb = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, cairo_image_surface_get_width(surface),
                                      cairo_image_surface_get_height(surface));
    cairo_t* cr = cairo_create(argb);
    cairo_set_source_surface(cr, surface, 0, 0);
    cairo_paint(cr);
    cairo_destroy(cr);
    cairo_surface_flush(argb);
  }
  RasterImage image = CopyPixels(argb, cairo_image_surface_get_format(argb) == CAIRO_FORMAT_RGB24);
  if (argb != surface) cairo_surface_destroy(argb);
  cairo_surface_destroy(surface);
  return image;
}

}  // namespace cl
