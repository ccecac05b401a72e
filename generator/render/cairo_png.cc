#include "render/cairo_png.h"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>

#include "render/cairo_frame_changes.h"
#include "render/cairo_painter.h"
#include "render/png_encode.h"

namespace cl {
namespace {

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

// The pixel size of `scene` at `scale`; false when it is absurd.
bool PixelSize(const Scene& scene, double scale, int* width, int* height) {
  const double w = std::ceil(scene.width * scale), h = std::ceil(scene.height * scale);
  if (!(w >= 1 && h >= 1 && w <= kMaxRasterSide && h <= kMaxRasterSide)) return false;
  *width = static_cast<int>(w);
  *height = static_cast<int>(h);
  return true;
}

// Paints the pixel box `box` of the scene (drawn whole it would be
// full_width x full_height) into `pixels`, whose rows are `stride` words
// apart and whose first word is the box's top-left pixel, whatever they held
// before: the scene's background covers every pixel first. When the scene
// fills the raster exactly, its own background rectangle does (an opaque
// fill of whole pixels never reads what is under it), so the pixels need no
// clearing beforehand, which saves a pass over ~10 MB per frame; otherwise
// they are set to the background first, so a partly covered edge pixel
// blends with it and never with stale bytes (its unused top byte set as
// Cairo sets an opaque pixel's: a pixel no shape reaches then equals a
// painted one of its colour, and a row of them repeats the row above
// whether read in bands or whole). Moving the scene by whole
// pixels leaves every pixel's value as it was, so a frame drawn in bands, or
// box by box, equals one drawn whole.
void PaintBox(const Scene& scene, double scale, uint32_t* pixels, std::size_t stride, const PixelBox& box,
              int full_width, int full_height) {
  const int width = box.right - box.left, height = box.bottom - box.top;
  if (scene.width * scale != full_width || scene.height * scale != full_height)
    for (int y = 0; y < height; ++y)
      std::fill_n(pixels + stride * static_cast<std::size_t>(y), width, 0xFF000000u | PackRgb(scene.background));
  cairo_surface_t* surface = cairo_image_surface_create_for_data(reinterpret_cast<unsigned char*>(pixels),
                                                                 CAIRO_FORMAT_RGB24, width, height,
                                                                 static_cast<int>(stride * 4));
  cairo_t* cr = cairo_create(surface);
  if (box.left != 0 || box.top != 0) cairo_translate(cr, -box.left, -box.top);
  cairo_scale(cr, scale, scale);
  PaintScene(cr, scene);
  cairo_destroy(cr);
  cairo_surface_flush(surface);
  cairo_surface_destroy(surface);
}

// Rows [top, top + height) of the scene into `pixels` (width x height, no
// row padding).
void PaintInto(const Scene& scene, double scale, uint32_t* pixels, int width, int height, int top = 0,
               int full_height = -1) {
  if (full_height < 0) full_height = height;
  PaintBox(scene, scale, pixels, static_cast<std::size_t>(width), PixelBox{0, top, width, top + height}, width,
           full_height);
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
  RasterImage image;
  if (!PixelSize(scene, scale, &image.width, &image.height)) return {};
  image.argb.resize(static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height));
  PaintInto(scene, scale, image.argb.data(), image.width, image.height);
  for (uint32_t& p : image.argb) p |= 0xFF000000u;  // RGB24 leaves the top byte undefined
  return image;
}

// Makes `band` hold `pixels` words (their values do not matter: every band
// is painted or filled before it is read). A vector grown by resize doubles
// its room, so a band a few pixels larger than the last (a tall frame's
// after a wide one's) would take 16 MB for 8; the old room is freed first.
namespace {
void SizeBand(PixelBuffer* band, std::size_t pixels) {
  if (band->capacity() < pixels) {
    PixelBuffer().swap(*band);
    band->reserve(pixels);
  }
  band->resize(pixels);
}
}  // namespace

ColourRuns DrawColourRuns(const Scene& scene, double scale, std::size_t band_pixels) {
  PixelBuffer band;
  return DrawColourRuns(scene, scale, band_pixels, &band);
}

ColourRuns DrawColourRuns(const Scene& scene, double scale, std::size_t band_pixels, PixelBuffer* band_buffer) {
  int width = 0, height = 0;
  if (!PixelSize(scene, scale, &width, &height)) return {};
  const int band = static_cast<int>(std::clamp<std::size_t>(band_pixels / static_cast<std::size_t>(width), 1,
                                                            static_cast<std::size_t>(height)));
  // Every pixel is painted (PaintInto), so what the buffer held does not matter.
  SizeBand(band_buffer, static_cast<std::size_t>(width) * static_cast<std::size_t>(band));
  uint32_t* pixels = band_buffer->data();
  ColourRunsReader reader(width, height);
  for (int top = 0; top < height; top += band) {
    const int rows = std::min(band, height - top);
    PaintInto(scene, scale, pixels, width, rows, top, height);
    reader.Add(pixels, rows, static_cast<std::size_t>(width));
  }
  return reader.Finish();
}

namespace {

// A flag per row of a frame `height` rows high: 1 where no box crosses it.
std::vector<uint8_t> RowsOutside(const std::vector<PixelBox>& boxes, int height) {
  std::vector<uint8_t> outside(static_cast<std::size_t>(height), 1);
  for (const PixelBox& box : boxes) std::fill(outside.begin() + box.top, outside.begin() + box.bottom, uint8_t{0});
  return outside;
}

// Rows ya of `a` and yb of `b` (of one width; rows that hold runs) hold
// the same pixels.
bool SameRow(const ColourRuns& a, int ya, const ColourRuns& b, int yb) {
  const std::size_t first_a = a.row_first[ya], first_b = b.row_first[yb];
  const std::size_t n = a.row_first[ya + 1] - first_a;
  if (b.row_first[yb + 1] - first_b != n) return false;
  for (std::size_t r = 0; r < n; ++r)
    if (a.run_length[first_a + r] != b.run_length[first_b + r] ||
        a.colours[a.run_colour[first_a + r]] != b.colours[b.run_colour[first_b + r]])
      return false;
  return true;
}

}  // namespace

// The boxes repainted are generous (text's ink, anti-aliasing): rows they
// cross whose pixels came out as before are unchanged too, so the PNG copies
// their bands and the GIF skips them (a 2000-beat lesson's wide frames: 5
// bands of 15 coded a beat instead of 7).
void FrameDrawer::NarrowUnchangedRows(const ColourRuns& before, const ColourRuns& after) {
  if (unchanged_rows_.size() != static_cast<std::size_t>(after.height) || before.width != after.width ||
      before.height != after.height)
    return;
  // Each row's defining rows (DefiningRow) followed down the frame: looked
  // up from each row, a long stretch of repeated rows was walked again for
  // every row of it.
  for (int y = 0, ya = 0, yb = 0; y < after.height; ++y) {
    const auto row = static_cast<std::size_t>(y);
    if (!before.row_same[row]) ya = y;
    if (!after.row_same[row]) yb = y;
    if (!unchanged_rows_[row] && SameRow(before, ya, after, yb)) unchanged_rows_[row] = 1;
  }
}

bool FrameDrawer::Paint(Scene& scene) {
  int width = 0, height = 0;
  if (!PixelSize(scene, scale_, &width, &height) ||
      static_cast<std::size_t>(width) * static_cast<std::size_t>(height) > kKeptFramePixels) {
    width_ = height_ = 0;  // drawn in bands, not kept
    pixels_ = {};
    return false;
  }
  std::optional<std::vector<PixelBox>> boxes;
  std::vector<PixelBox> differ;
  if (width == width_ && height == height_) boxes = ChangedPixelBoxes(last_, scene, scale_, width, height, &differ);
  if (boxes) {
    unchanged_rows_ = RowsOutside(differ, height);
    for (const PixelBox& box : *boxes)
      PaintBox(scene, scale_, pixels_.data() + static_cast<std::size_t>(box.top) * width + box.left,
               static_cast<std::size_t>(width), box, width, height);
    may_differ_ = std::move(differ);
    ++incremental_frames_;
  } else {
    unchanged_rows_.clear();
    may_differ_.clear();
    pixels_.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
    PaintInto(scene, scale_, pixels_.data(), width, height);
    width_ = width, height_ = height;
    ++whole_frames_;
  }
  last_ = std::move(scene);
  return true;
}

const ColourRuns& FrameDrawer::Draw(Scene scene) {
  ++frames_;
  if (!Paint(scene)) return DrawInBands(std::move(scene));  // too large to keep
  ColourRunsReader reader(width_, height_);
  reader.ExpectRuns(last_runs_.run_colour.size());
  // Rows no box touched are the last frame's: their runs are too; in the
  // others only the boxes' columns are read.
  if (!unchanged_rows_.empty() && last_runs_.width == width_ && last_runs_.height == height_)
    ReadChangedRows(&reader, pixels_.data(), static_cast<std::size_t>(width_), 0, height_, may_differ_);
  else
    reader.Add(pixels_.data(), height_, static_cast<std::size_t>(width_));
  ColourRuns runs = reader.Finish();
  NarrowUnchangedRows(last_runs_, runs);
  last_runs_ = std::move(runs);
  return last_runs_;
}

const ColourRuns& FrameDrawer::Follow(Scene scene, ColourRuns runs) {
  ++frames_;
  if (!Paint(scene)) {
    ++whole_frames_;
    last_ = std::move(scene);
    unchanged_rows_.clear();
  }
  last_runs_ = std::move(runs);
  return last_runs_;
}

const ColourRuns& FrameDrawer::DrawInBands(Scene scene) {
  int width = 0, height = 0;
  if (!PixelSize(scene, scale_, &width, &height)) {
    last_runs_ = {};
    unchanged_rows_.clear();
    return last_runs_;
  }
  std::optional<std::vector<PixelBox>> boxes;
  std::vector<PixelBox> differ;
  if (last_runs_.width == width && last_runs_.height == height)
    boxes = ChangedPixelBoxes(last_, scene, scale_, width, height, &differ);
  ColourRuns runs;
  if (boxes) {
    runs = RepaintBands(scene, *boxes, differ, width, height);
    NarrowUnchangedRows(last_runs_, runs);
    ++incremental_frames_;
  } else {
    runs = DrawColourRuns(scene, scale_, band_pixels_, band_);
    unchanged_rows_.clear();
    ++whole_frames_;
  }
  last_ = std::move(scene);
  last_runs_ = std::move(runs);
  return last_runs_;
}

// The bands of DrawColourRuns (so the same cuts through what crosses them):
// in each the boxes that cross it are painted, and its rows are taken from
// last_runs_ and the columns of the boxes `differ` (inside those painted)
// that cross them (ReadChangedRows): a band none touches is last_runs_'s rows.
ColourRuns FrameDrawer::RepaintBands(const Scene& scene, const std::vector<PixelBox>& boxes,
                                     const std::vector<PixelBox>& differ, int width, int height) {
  unchanged_rows_ = RowsOutside(differ, height);
  const auto w = static_cast<std::size_t>(width);
  const int band = static_cast<int>(std::clamp<std::size_t>(band_pixels_ / w, 1, static_cast<std::size_t>(height)));
  PixelBuffer& band_pixels = *band_;
  SizeBand(&band_pixels, w * static_cast<std::size_t>(band));
  ColourRunsReader reader(width, height);
  reader.ExpectRuns(last_runs_.run_colour.size());
  for (int top = 0; top < height; top += band) {
    const int rows = std::min(band, height - top);
    // Only the boxes are painted: the rest of the band is never read.
    for (PixelBox box : boxes) {
      box.top = std::max(box.top, top), box.bottom = std::min(box.bottom, top + rows);
      if (box.top >= box.bottom) continue;
      PaintBox(scene, scale_, band_pixels.data() + static_cast<std::size_t>(box.top - top) * w + box.left, w, box, width,
               height);
    }
    ReadChangedRows(&reader, band_pixels.data(), w, top, rows, differ);
  }
  return reader.Finish();
}

// Rows [top, top + rows) of the frame, whose pixels are at `pixels` (row
// `top` first, `stride` words apart) inside `boxes`: a row that, like the
// row above it, no box touched is last_runs_'s; any other is spliced from
// last_runs_'s row and the pixels of the boxes that cross it.
void FrameDrawer::ReadChangedRows(ColourRunsReader* reader, const uint32_t* pixels, std::size_t stride, int top, int rows,
                                  const std::vector<PixelBox>& boxes) {
  std::vector<std::pair<int, int>> spans;
  int spans_end = 0;  // the spans hold for the rows above this one (from the row they were found for)
  int spliced = top - 1;  // the last row spliced
  for (int y = top; y < top + rows;) {
    if (RunsUnchanged(unchanged_rows_, y)) {
      int n = 1;
      while (y + n < top + rows && RunsUnchanged(unchanged_rows_, y + n)) ++n;
      reader->AddRowsFrom(last_runs_, n);
      y += n;
      continue;
    }
    const bool spans_kept = y < spans_end;  // the row above's spans hold for this row too
    if (!spans_kept) {
      // The columns of the boxes that cross row y, sorted and merged; the
      // same until the next row a box begins or ends at.
      spans.clear();
      spans_end = std::numeric_limits<int>::max();
      for (const PixelBox& box : boxes) {
        if (box.top <= y && y < box.bottom) spans.emplace_back(box.left, box.right);
        if (box.top > y) spans_end = std::min(spans_end, box.top);
        else if (box.bottom > y) spans_end = std::min(spans_end, box.bottom);
      }
      std::sort(spans.begin(), spans.end());
      std::size_t kept = 0;
      for (const auto& span : spans) {
        if (kept > 0 && span.first <= spans[kept - 1].second) spans[kept - 1].second = std::max(spans[kept - 1].second, span.second);
        else spans[kept++] = span;
      }
      spans.resize(kept);
    }
    const uint32_t* row = pixels + static_cast<std::size_t>(y - top) * stride;
    // The row above, when it was spliced with these spans.
    const uint32_t* row_above = spliced == y - 1 && spans_kept ? row - stride : nullptr;
    reader->AddSplicedRow(last_runs_, spans, row, row_above);
    spliced = y;
    ++y;
  }
}

std::string FrameDrawer::Png() {
  const bool follows = png_frame_ != 0 && png_frame_ + 1 == frames_ && !unchanged_rows_.empty();
  png_frame_ = frames_;
  return last_runs_.width > 0 ? png_.Encode(last_runs_, follows ? &unchanged_rows_ : nullptr) : "";
}

std::string RenderPng(const Scene& scene, double scale) {
  const ColourRuns runs = DrawColourRuns(scene, scale);
  return runs.width > 0 ? EncodeRunsPng(runs) : "";
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
