// PNG frames through Cairo: rasterise a Scene at a scale and encode it
// deterministically in memory (no timestamps, no text chunks; opaque images
// through render/png_encode.h, tuned for large flat frames and an order of
// magnitude faster than Cairo's own writer), plus
// decoding for tests that compare pixels, not bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "render/png_encode.h"
#include "scene/scene.h"

namespace cl {

// Pixels in Cairo's native form: premultiplied ARGB32, one uint32_t per pixel,
// row-major, width * height entries (no row padding).
struct RasterImage {
  int width = 0, height = 0;
  std::vector<uint32_t> argb;
};

// The scene painted at `scale` pixels per unit on its background (opaque).
RasterImage RasterizeScene(const Scene& scene, double scale);

// Pixels per band of rows when drawing into runs: 16 MB, so frames at the
// default scale are drawn whole and a --scale 8 frame (45 megapixels) in a
// dozen bands.
inline constexpr std::size_t kBandPixels = std::size_t{1} << 22;

// RasterizeScene(scene, scale) read into runs of one colour
// (render/png_encode.h), drawn `band_pixels` at a time so a large frame is
// never held whole. Width 0 when the size is absurd.
ColourRuns DrawColourRuns(const Scene& scene, double scale, std::size_t band_pixels = kBandPixels);

// The PNG file of RasterizeScene(scene, scale).
std::string RenderPng(const Scene& scene, double scale);

// Encodes / decodes a PNG through Cairo. Decode returns nullopt for bytes that
// are not a PNG Cairo can read.
std::string EncodePng(const RasterImage& image);
std::optional<RasterImage> DecodePng(std::string_view bytes);

}  // namespace cl
