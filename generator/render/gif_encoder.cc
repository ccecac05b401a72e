#include "render/gif_encoder.h"

#include <gif_lib.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

namespace cl {

namespace {

int AppendBytes(GifFileType* gif, const GifByteType* data, int length) {
  auto* out = static_cast<std::string*>(gif->UserData);
  out->append(reinterpret_cast<const char*>(data), static_cast<size_t>(length));
  return length;
}

std::string GifError(const char* what, int code) {
  const char* text = GifErrorString(code);
  return std::string("gif: ") + what + ": " + (text ? text : "unknown error");
}

}  // namespace

struct GifAnimationEncoder::State {
  int width = 0, height = 0;
  GifPalette palette;
  std::string bytes;
  GifFileType* gif = nullptr;
  bool failed = false;
  int frames = 0;
  std::vector<uint8_t> shown;    // palette indices on screen after the last frame
  std::vector<uint8_t> current;  // the frame being added
  std::vector<GifPixelType> line;

  ~State() {
    if (gif != nullptr) {
      int ignored = 0;
      EGifCloseFile(gif, &ignored);
    }
  }

  bool Fail(std::string message, std::string* error) {
    failed = true;
    if (error) *error = std::move(message);
    return false;
  }

  // Header, global palette and the NETSCAPE2.0 loop-forever block.
  bool Start(std::string* error) {
    int code = 0;
    gif = EGifOpen(&bytes, AppendBytes, &code);
    if (gif == nullptr) return Fail(GifError("open", code), error);
    EGifSetGifVersion(gif, true);

    const int size = palette.table_size();
    std::vector<GifColorType> table(static_cast<size_t>(size), GifColorType{0, 0, 0});
    for (size_t i = 0; i < palette.colors().size(); ++i) {
      const Color& c = palette.colors()[i];
      table[i] = GifColorType{c.r, c.g, c.b};
    }
    ColorMapObject* map = GifMakeMapObject(size, table.data());
    if (map == nullptr) return Fail("gif: out of memory", error);
    const int color_resolution = 8;
    const int ok = EGifPutScreenDesc(gif, width, height, color_resolution, 0, map);
    GifFreeMapObject(map);
    if (ok != GIF_OK) return Fail(GifError("screen descriptor", gif->Error), error);

    static const GifByteType kNetscape[] = {'N', 'E', 'T', 'S', 'C', 'A', 'P', 'E', '2', '.', '0'};
    static const GifByteType kLoopForever[] = {1, 0, 0};  // sub-block 1, loop count 0
    if (EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE) != GIF_OK ||
        EGifPutExtensionBlock(gif, sizeof kNetscape, kNetscape) != GIF_OK ||
        EGifPutExtensionBlock(gif, sizeof kLoopForever, kLoopForever) != GIF_OK ||
        EGifPutExtensionTrailer(gif) != GIF_OK) {
      return Fail(GifError("loop extension", gif->Error), error);
    }
    shown.assign(static_cast<size_t>(width) * static_cast<size_t>(height), 0);
    return true;
  }

  bool PutControl(int delay_cs, bool transparent, std::string* error) {
    GraphicsControlBlock gcb{};
    gcb.DisposalMode = DISPOSE_DO_NOT;
    gcb.UserInputFlag = false;
    gcb.DelayTime = std::clamp(delay_cs, 1, 65535);
    gcb.TransparentColor = transparent ? palette.transparent_index() : NO_TRANSPARENT_COLOR;
    GifByteType block[4];
    const size_t length = EGifGCBToExtension(&gcb, block);
    if (EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, static_cast<int>(length), block) != GIF_OK) {
      return Fail(GifError("graphics control", gif->Error), error);
    }
    return true;
  }

  // Writes the [left, right) x [top, bottom) box of `current`, with pixels
  // equal to what is shown replaced by the transparent index unless `full`.
  bool PutImage(int left, int top, int right, int bottom, bool full, std::string* error) {
    const int w = right - left, h = bottom - top;
    if (EGifPutImageDesc(gif, left, top, w, h, false, nullptr) != GIF_OK) {
      return Fail(GifError("image descriptor", gif->Error), error);
    }
    const auto transparent = static_cast<GifPixelType>(palette.transparent_index());
    line.resize(static_cast<size_t>(w));
    for (int y = top; y < bottom; ++y) {
      const size_t row = static_cast<size_t>(y) * static_cast<size_t>(width);
      for (int x = left; x < right; ++x) {
        const size_t at = row + static_cast<size_t>(x);
        const uint8_t value = current[at];
        line[static_cast<size_t>(x - left)] = (!full && value == shown[at]) ? transparent : value;
      }
      if (EGifPutLine(gif, line.data(), w) != GIF_OK) return Fail(GifError("image data", gif->Error), error);
    }
    return true;
  }
};

GifAnimationEncoder::GifAnimationEncoder(int width, int height, GifPalette palette)
    : state_(std::make_unique<State>()) {
  state_->width = width;
  state_->height = height;
  state_->palette = std::move(palette);
}

GifAnimationEncoder::~GifAnimationEncoder() = default;

bool GifAnimationEncoder::AddFrame(const RasterImage& frame, int delay_cs, std::string* error) {
  State& s = *state_;
  if (s.failed) return s.Fail("gif: encoder already failed", error);
  if (s.width < 1 || s.height < 1 || s.width > 65535 || s.height > 65535) {
    return s.Fail("gif: animation size out of range", error);
  }
  if (frame.width != s.width || frame.height != s.height ||
      frame.argb.size() != static_cast<size_t>(s.width) * static_cast<size_t>(s.height)) {
    return s.Fail("gif: frame size differs from the animation's", error);
  }
  if (s.gif == nullptr && !s.Start(error)) return false;

  s.current.resize(frame.argb.size());
  // Neighbouring pixels mostly share a colour: remember the last lookup.
  uint32_t last_rgb = 0;
  uint8_t last_index = s.palette.IndexOf(0);
  for (size_t i = 0; i < frame.argb.size(); ++i) {
    const uint32_t rgb = frame.argb[i] & 0xffffff;
    if (rgb != last_rgb) {
      last_rgb = rgb;
      last_index = s.palette.IndexOf(rgb);
    }
    s.current[i] = last_index;
  }

  bool ok = false;
  if (s.frames == 0) {
    ok = s.PutControl(delay_cs, false, error) && s.PutImage(0, 0, s.width, s.height, true, error);
  } else {
    // The box of changed pixels: most rows are unchanged (one memcmp each);
    // a changed row is searched from both ends.
    int left = s.width, right = -1, top = s.height, bottom = -1;
    for (int y = 0; y < s.height; ++y) {
      const uint8_t* now = s.current.data() + static_cast<size_t>(y) * static_cast<size_t>(s.width);
      const uint8_t* before = s.shown.data() + static_cast<size_t>(y) * static_cast<size_t>(s.width);
      if (std::memcmp(now, before, static_cast<size_t>(s.width)) == 0) continue;
      int first = 0, last = s.width - 1;
      while (now[first] == before[first]) ++first;
      while (now[last] == before[last]) --last;
      left = std::min(left, first);
      right = std::max(right, last);
      top = std::min(top, y);
      bottom = std::max(bottom, y);
    }
    ok = s.PutControl(delay_cs, true, error);
    if (ok && right < 0) {
      ok = s.PutImage(0, 0, 1, 1, false, error);  // nothing changed: one transparent pixel
    } else if (ok) {
      ok = s.PutImage(left, top, right + 1, bottom + 1, false, error);
    }
  }
  if (!ok) return false;
  std::swap(s.shown, s.current);
  ++s.frames;
  return true;
}

bool GifAnimationEncoder::Finish(std::string* gif, std::string* error) {
  State& s = *state_;
  if (s.failed) return s.Fail("gif: encoder already failed", error);
  if (s.frames == 0) return s.Fail("gif: no frames", error);
  int code = 0;
  const int ok = EGifCloseFile(s.gif, &code);
  s.gif = nullptr;  // closed (and freed) even on failure
  if (ok != GIF_OK) return s.Fail(GifError("close", code), error);
  *gif = std::move(s.bytes);
  s.failed = true;  // spent
  return true;
}

}  // namespace cl
