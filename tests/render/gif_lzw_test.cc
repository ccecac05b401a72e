// Our GIF writer against giflib's: the same frames, delays and palette give
// the same bytes as the giflib encoder convlesson used before (kept here as
// the reference), for pictures that exercise the LZW writer's every path:
// noise (many clear codes), long runs (the run shortcut), runs of every
// length, small palettes (2-bit codes), 1x1 frames and changed boxes with
// transparent pixels.
#include <boost/test/unit_test.hpp>

#include <gif_lib.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "render/gif_encoder.h"
#include "render/gif_palette.h"

namespace cl {
namespace {

// The giflib encoder of convlesson 0.x, frame for frame: the first frame
// whole, then the box of changed pixels with unchanged ones transparent
// (ClearEqualPixels: those that would not join a neighbour of their index).
class GiflibReference {
 public:
  GiflibReference(int width, int height, const GifPalette& palette) : width_(width), height_(height), palette_(palette) {
    int code = 0;
    gif_ = EGifOpen(&bytes_, Append, &code);
    EGifSetGifVersion(gif_, true);
    std::vector<GifColorType> table(static_cast<size_t>(palette.table_size()), GifColorType{0, 0, 0});
    for (size_t i = 0; i < palette.colors().size(); ++i)
      table[i] = GifColorType{palette.colors()[i].r, palette.colors()[i].g, palette.colors()[i].b};
    ColorMapObject* map = GifMakeMapObject(palette.table_size(), table.data());
    EGifPutScreenDesc(gif_, width, height, 8, 0, map);
    GifFreeMapObject(map);
    static const GifByteType kNetscape[] = {'N', 'E', 'T', 'S', 'C', 'A', 'P', 'E', '2', '.', '0'};
    static const GifByteType kLoopForever[] = {1, 0, 0};
    EGifPutExtensionLeader(gif_, APPLICATION_EXT_FUNC_CODE);
    EGifPutExtensionBlock(gif_, sizeof kNetscape, kNetscape);
    EGifPutExtensionBlock(gif_, sizeof kLoopForever, kLoopForever);
    EGifPutExtensionTrailer(gif_);
  }

  void Add(const std::vector<uint8_t>& frame, int delay_cs) {
    int left = 0, top = 0, right = width_ - 1, bottom = height_ - 1;
    const bool first = shown_.empty();
    if (!first) {
      left = width_, right = -1, top = height_, bottom = -1;
      for (int y = 0; y < height_; ++y)
        for (int x = 0; x < width_; ++x)
          if (At(frame, x, y) != At(shown_, x, y)) {
            left = std::min(left, x), right = std::max(right, x), top = std::min(top, y), bottom = std::max(bottom, y);
          }
      if (right < 0) left = right = top = bottom = 0;
    }
    GraphicsControlBlock gcb{};
    gcb.DisposalMode = DISPOSE_DO_NOT;
    gcb.DelayTime = std::clamp(delay_cs, 1, 65535);
    gcb.TransparentColor = first ? NO_TRANSPARENT_COLOR : palette_.transparent_index();
    GifByteType block[4];
    EGifPutExtension(gif_, GRAPHICS_EXT_FUNC_CODE, static_cast<int>(EGifGCBToExtension(&gcb, block)), block);
    EGifPutImageDesc(gif_, left, top, right - left + 1, bottom - top + 1, false, nullptr);
    std::vector<GifPixelType> line;
    for (int y = top; y <= bottom; ++y) {
      line.clear();
      for (int x = left; x <= right; ++x) line.push_back(At(frame, x, y));
      if (!first) ClearEqualPixels(frame, y, left, &line);
      EGifPutLine(gif_, line.data(), static_cast<int>(line.size()));
    }
    shown_ = frame;
  }

  std::string Finish() {
    int code = 0;
    EGifCloseFile(gif_, &code);
    return bytes_;
  }

 private:
  static int Append(GifFileType* gif, const GifByteType* data, int length) {
    static_cast<std::string*>(gif->UserData)->append(reinterpret_cast<const char*>(data), static_cast<size_t>(length));
    return length;
  }
  // Row y's pixels from `left` in `line`, with those equal to the frame
  // shown made transparent, pixel by pixel, as the encoder's rule says:
  // outside the row's first and last differing pixel all of them; between,
  // a stretch of equal pixels keeps its index where it joins a neighbour of
  // that index (the piece left of it, or the differing pixels right of it
  // when the whole stretch is that index), else it is transparent.
  void ClearEqualPixels(const std::vector<uint8_t>& frame, int y, int left, std::vector<GifPixelType>* line) const {
    const auto clear = static_cast<GifPixelType>(palette_.transparent_index());
    const int n = static_cast<int>(line->size());
    const auto equal = [&](int i) { return At(frame, left + i, y) == At(shown_, left + i, y); };
    int first = 0, last = n - 1;
    while (first < n && equal(first)) ++first;
    while (last >= first && equal(last)) --last;
    int i = 0;
    for (; i < first; ++i) (*line)[static_cast<size_t>(i)] = clear;
    for (int k = last + 1; k < n; ++k) (*line)[static_cast<size_t>(k)] = clear;
    while (i <= last) {
      if (!equal(i)) {
        ++i;
        continue;
      }
      int end = i;  // the stretch of equal pixels [i, end), ended by a differing one
      while (equal(end)) ++end;
      // Left: equal pixels of the index of the pixel before join it, up to the first of another index.
      const GifPixelType before = (*line)[static_cast<size_t>(i - 1)];
      while (i < end && (*line)[static_cast<size_t>(i)] == before) ++i;
      // The rest joins the differing pixel after it if all of them are its index.
      const GifPixelType after = (*line)[static_cast<size_t>(end)];
      bool all_after = true;
      for (int k = i; k < end; ++k) all_after = all_after && (*line)[static_cast<size_t>(k)] == after;
      if (!all_after)
        for (int k = i; k < end; ++k) (*line)[static_cast<size_t>(k)] = clear;
      i = end;
    }
  }

  uint8_t At(const std::vector<uint8_t>& f, int x, int y) const {
    return f[static_cast<size_t>(y) * static_cast<size_t>(width_) + static_cast<size_t>(x)];
  }

  int width_, height_;
  const GifPalette& palette_;
  std::string bytes_;
  GifFileType* gif_ = nullptr;
  std::vector<uint8_t> shown_;
};

// `n` distinct grey-blue colours: entry i is colour i.
GifPalette Palette(int n) {
  std::vector<Color> colours;
  for (int i = 0; i < n; ++i) colours.push_back(Color{static_cast<uint8_t>(i), static_cast<uint8_t>(255 - i), 7});
  return GifPalette::Build(colours, {});
}

RasterImage Pixels(const std::vector<uint8_t>& indices, int width, int height, const GifPalette& palette) {
  RasterImage image;
  image.width = width;
  image.height = height;
  for (uint8_t i : indices) image.argb.push_back(0xff000000u | PackRgb(palette.colors()[i]));
  return image;
}

// Encodes `frames` with both writers and compares the bytes.
void Compare(const std::vector<std::vector<uint8_t>>& frames, int width, int height, int colours, const std::string& what) {
  const GifPalette palette = Palette(colours);
  GiflibReference reference(width, height, palette);
  GifAnimationEncoder ours(width, height, palette);
  std::string error;
  int delay = 7;
  for (const auto& frame : frames) {
    reference.Add(frame, delay);
    BOOST_REQUIRE_MESSAGE(ours.AddFrame(Pixels(frame, width, height, palette), delay, &error), error);
    delay += 13;
  }
  std::string bytes;
  BOOST_REQUIRE(ours.Finish(&bytes, &error));
  const std::string want = reference.Finish();
  BOOST_TEST((bytes == want), what << ": " << bytes.size() << " bytes, giflib " << want.size());
}

// Runs of one index with lengths drawn from [1, max_run], over `colours`.
std::vector<uint8_t> Runs(std::mt19937& rng, size_t size, int colours, int max_run) {
  std::vector<uint8_t> out;
  std::uniform_int_distribution<int> colour(0, colours - 1), length(1, max_run);
  while (out.size() < size) out.insert(out.end(), static_cast<size_t>(length(rng)), static_cast<uint8_t>(colour(rng)));
  out.resize(size);
  return out;
}

BOOST_AUTO_TEST_SUITE(gif_lzw)

BOOST_AUTO_TEST_CASE(noise_and_runs_give_giflibs_bytes) {
  std::mt19937 rng(12);
  for (int colours : {1, 2, 3, 4, 5, 17, 64, 200, 255}) {
    for (int max_run : {1, 2, 3, 8, 40, 300, 5000, 100000}) {
      const int width = 211, height = 97;
      const size_t size = static_cast<size_t>(width) * height;
      Compare({Runs(rng, size, colours, max_run)}, width, height, colours,
              "colours " + std::to_string(colours) + ", runs up to " + std::to_string(max_run));
    }
  }
}

BOOST_AUTO_TEST_CASE(one_index_repeated_at_every_length) {
  // A run longer than the table holds (several clears within one run), and
  // runs of each length 1..300 one after another.
  Compare({std::vector<uint8_t>(static_cast<size_t>(1500) * 1000, 3)}, 1500, 1000, 5, "one run of 1.5M");
  std::vector<uint8_t> steps;
  for (int n = 1; n <= 300; ++n) steps.insert(steps.end(), static_cast<size_t>(n), static_cast<uint8_t>(n % 3));
  steps.resize(static_cast<size_t>(301) * 150, 1);
  Compare({steps}, 301, 150, 3, "runs of every length");
  Compare({{0}}, 1, 1, 1, "1x1");
}

BOOST_AUTO_TEST_CASE(animations_with_changed_boxes_give_giflibs_bytes) {
  std::mt19937 rng(7);
  const int width = 160, height = 90, colours = 30;
  const size_t size = static_cast<size_t>(width) * height;
  std::vector<std::vector<uint8_t>> frames{Runs(rng, size, colours, 60)};
  std::uniform_int_distribution<int> x(0, width - 1), y(0, height - 1), c(0, colours - 1);
  for (int f = 0; f < 12; ++f) {
    std::vector<uint8_t> next = frames.back();
    for (int k = 0; k < f * 3; ++k) {  // a few rectangles change (none in the frame after the first: identical)
      const int x0 = x(rng), y0 = y(rng), x1 = std::min(width, x0 + 1 + x(rng) / 4), y1 = std::min(height, y0 + 1 + y(rng) / 4);
      const auto v = static_cast<uint8_t>(c(rng));
      for (int yy = y0; yy < y1; ++yy)
        for (int xx = x0; xx < x1; ++xx) next[static_cast<size_t>(yy) * width + static_cast<size_t>(xx)] = v;
    }
    frames.push_back(next);
  }
  Compare(frames, width, height, colours, "12 frames");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace cl
