// PNG frames through Cairo: rasterise a Scene at a scale and encode it
// deterministically in memory (no timestamps, no text chunks; opaque images
// through render/png_encode.h, tuned for large flat frames and an order of
// magnitude faster than Cairo's own writer), plus
// decoding for tests that compare pixels, not bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/large_buffers.h"
#include "render/cairo_frame_changes.h"
#include "render/png_encode.h"
#include "scene/scene.h"

namespace cl {

// Refuse absurd rasters instead of allocating gigabytes (a hostile --scale or
// scene size): 16384 px per side is more than any slide needs. A frame's
// scene over it at the build's scale is refused before anything is drawn
// (site/cost_budget.h).
inline constexpr int kMaxRasterSide = 16384;

// Pixels in Cairo's native form: premultiplied ARGB32, one uint32_t per pixel,
// row-major, width * height entries (no row padding).
struct RasterImage {
  int width = 0, height = 0;
  std::vector<uint32_t> argb;
};

// An allocator whose resize leaves new elements uninitialised: a buffer
// every pixel of which is painted before it is read needs no zeroing, and
// a band of which a beat repaints a few boxes then touches only their pages
// (the default lesson's 8 MB bands, in session 3: its peak 10 MB lower at -j 2).
template <typename T>
struct UninitialisedAllocator : std::allocator<T> {
  template <typename U>
  struct rebind {
    using other = UninitialisedAllocator<U>;
  };
  UninitialisedAllocator() = default;
  template <typename U>
  UninitialisedAllocator(const UninitialisedAllocator<U>&) noexcept {}
  // A buffer of 1 MB or more in huge pages (base/large_buffers.h).
  T* allocate(std::size_t n) {
    if (n * sizeof(T) < kHugeBufferBytes) return std::allocator<T>::allocate(n);
    void* p = AllocateHugeBuffer(n * sizeof(T));
    if (p == nullptr) throw std::bad_alloc();
    return static_cast<T*>(p);
  }
  void deallocate(T* p, std::size_t n) noexcept {
    if (n * sizeof(T) < kHugeBufferBytes) return std::allocator<T>::deallocate(p, n);
    FreeHugeBuffer(p, n * sizeof(T));
  }
  template <typename U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};
// Pixels painted before they are read (resize does not clear them).
using PixelBuffer = std::vector<uint32_t, UninitialisedAllocator<uint32_t>>;

// The scene painted at `scale` pixels per unit on its background (opaque).
RasterImage RasterizeScene(const Scene& scene, double scale);

// Pixels per band of rows when drawing into runs: 2 MB, one huge page
// (base/large_buffers.h), so a large frame is never held whole: the
// default lesson's wide frame (2.8 megapixels at scale 2) in 6 bands, its
// frame at --scale 8 (45 megapixels) in 88. A band's pixels are fresh
// memory the system must zero, and on this project's VMs a 2 MB page the
// host has taken back costs 1-4 ms to touch first (docs/performance.md,
// session 32): with bands of 8 MB a build of the default lesson after a
// pause touched 25-29 huge pages, with these 13-15, and took 12-16 % less
// time, for 0.7 % more instructions. (On the photograph lesson in
// session 2, 4 MB bands cost 6 % more CPU than 16 MB ones.)
inline constexpr std::size_t kBandPixels = std::size_t{1} << 19;
// Bands of 8 MB for frames over 8 megapixels (site/frame_files.h's
// LargeFrames: `real-picture`'s, the default lesson's at --scale 8), whose
// scenes hold many items and each band paints every item that crosses it:
// `real-picture` took 4-5 % more CPU in bands of 4 MB (session 28) and of
// 2 MB (session 32).
inline constexpr std::size_t kLargeFrameBandPixels = std::size_t{1} << 21;
// Bands of 4 MB for lessons of large pictures (site/cost_budget.h's
// HasLargeImage), whose peak memory is what binds: seven variants of a
// 512x512 photograph at --scale 4 peaked at 151-154 MB with 8 MB bands and
// at 140-142 MB with these, for the same time (session 28).
inline constexpr std::size_t kLargeImageBandPixels = std::size_t{1} << 20;
// The largest frame FrameDrawer keeps to draw the next from (2 MB); a
// larger one is drawn in bands from the last frame's runs, which repaints
// the same boxes and reads the same rows, into a band rather than a frame
// of pixels (the default lesson's tall frames, 1.6 megapixels: 6.4 MB each
// kept, two variants at once). A 512x512 photograph's frames took 30 MB
// less at -j 2 in bands.
inline constexpr std::size_t kKeptFramePixels = std::size_t{1} << 19;

// RasterizeScene(scene, scale) read into runs of one colour
// (render/png_encode.h), drawn `band_pixels` at a time so a large frame is
// never held whole. Width 0 when the size is absurd.
ColourRuns DrawColourRuns(const Scene& scene, double scale, std::size_t band_pixels = kBandPixels);
// The same, painting each band into `band_buffer` (resized to a band), so a
// drawer that draws frame after frame holds one band buffer, not two.
ColourRuns DrawColourRuns(const Scene& scene, double scale, std::size_t band_pixels, PixelBuffer* band_buffer);

// Draws the frames of a sequence (a variant's beats, in order) into runs,
// each from the one before: the last frame's pixels are kept, and only the
// pixel boxes where the new scene's items differ from the last one's
// (render/cairo_frame_changes.h) are painted again, the whole scene clipped
// to each box by drawing it into that box alone (as bands are drawn: moving
// the scene by whole pixels leaves every pixel as it was). Draw(scene)
// returns exactly DrawColourRuns(scene, scale). A frame larger than
// kKeptFramePixels keeps only its runs: the next is drawn a band at a time
// (as DrawColourRuns does), a band no box touches taking its runs from the
// last frame, any other expanded from them and the boxes painted into it,
// so memory stays bounded at any --scale.
class FrameDrawer {
 public:
  // `band_scratch`: where bands of a frame too large to keep are painted,
  // shared by drawers that never draw at once (a beat's wide and tall
  // frames, drawn one after the other: 2 MB each); by default the drawer's own.
  // `band_pixels`: the pixels of a band of a frame too large to keep.
  explicit FrameDrawer(double scale, PixelBuffer* band_scratch = nullptr, std::size_t band_pixels = kBandPixels)
      : scale_(scale), band_pixels_(band_pixels), band_(band_scratch != nullptr ? band_scratch : &own_band_) {}
  FrameDrawer(const FrameDrawer&) = delete;
  FrameDrawer& operator=(const FrameDrawer&) = delete;
  // The frame's runs, held until the next Draw or Follow (not copied: a
  // large frame's runs are megabytes).
  const ColourRuns& Draw(Scene scene);
  // Takes `scene` as the last frame drawn, without drawing it: its runs
  // (DrawColourRuns's) are known already. Returns them, held as Draw's are.
  const ColourRuns& Follow(Scene scene, ColourRuns runs);
  // The PNG of the frame last drawn (EncodeRunsPng's bytes for its runs):
  // where it was drawn from the frame before and that frame's PNG was made
  // here too, the bands of rows it left unchanged are copied from that PNG.
  std::string Png();
  // The palette the PNGs of the frames that follow share where it serves
  // them (render/png_encode.h); null: each chooses its own.
  void SetPngPalette(std::shared_ptr<const FramePalette> palette) { png_.SetPalette(std::move(palette)); }
  // Per row of the last frame, 1 where it holds the pixels of the frame
  // drawn before it (not repainted, or repainted the same); empty when not
  // known (drawn whole).
  const std::vector<uint8_t>& unchanged_rows() const { return unchanged_rows_; }
  // Frames drawn whole and from the one before, so far (for tests).
  int whole_frames() const { return whole_frames_; }
  int incremental_frames() const { return incremental_frames_; }
  // PNG bands copied from the frame before's, so far (for tests).
  std::size_t png_bands_copied() const { return png_.bands_copied(); }

 private:
  // Paints `scene` into pixels_ and keeps it (moved from); false, and
  // `scene` untouched, when the frame is too large to keep.
  bool Paint(Scene& scene);
  // A frame too large to keep, drawn from last_runs_ where it can be.
  const ColourRuns& DrawInBands(Scene scene);
  ColourRuns RepaintBands(const Scene& scene, const std::vector<PixelBox>& boxes, const std::vector<PixelBox>& differ,
                          int width, int height);
  void ReadChangedRows(ColourRunsReader* reader, const uint32_t* pixels, std::size_t stride, int top, int rows,
                       const std::vector<PixelBox>& boxes);
  // Marks unchanged the rows repainted whose pixels in `after` are those of `before`.
  void NarrowUnchangedRows(const ColourRuns& before, const ColourRuns& after);

  double scale_;
  std::size_t band_pixels_;
  Scene last_;
  PixelBuffer pixels_;            // last_ drawn, when kept
  std::vector<PixelBox> may_differ_;  // where the pixels Paint painted again may differ (none: painted whole)
  PixelBuffer own_band_;
  PixelBuffer* band_;             // a band of a frame too large to keep (scratch: no state between frames)
  ColourRuns last_runs_;          // last_'s runs, when known (else width 0)
  // Per row of the last frame: the pixels of the frame before (empty: not
  // known, the frame was drawn whole).
  std::vector<uint8_t> unchanged_rows_;
  int width_ = 0, height_ = 0;    // 0: nothing kept
  FramePngEncoder png_;
  uint64_t frames_ = 0;           // frames drawn (or followed) so far
  uint64_t png_frame_ = 0;        // the frame whose PNG was made last (0: none)
  int whole_frames_ = 0, incremental_frames_ = 0;
};

// The PNG file of RasterizeScene(scene, scale).
std::string RenderPng(const Scene& scene, double scale);

// Encodes / decodes a PNG through Cairo. Decode returns nullopt for bytes that
// are not a PNG Cairo can read.
std::string EncodePng(const RasterImage& image);
std::optional<RasterImage> DecodePng(std::string_view bytes);

}  // namespace cl
