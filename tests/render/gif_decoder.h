// A GIF read back with giflib for the tests: the logical screen, the loop
// count of the NETSCAPE2.0 block, and per frame its delay, its stored box and
// the whole picture as shown after it (frames composed the way a viewer does,
// transparent pixels keeping what was there).
#pragma once

#include <gif_lib.h>

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cl::testing {

struct DecodedGifFrame {
  int delay_cs = 0;
  int left = 0, top = 0, width = 0, height = 0;  // the stored box
  int transparent = -1;
  std::vector<uint8_t> stored;                    // the box's palette indices as stored, row by row
  std::vector<uint32_t> shown;                    // 0xRRGGBB, screen-sized
};

struct DecodedGif {
  int width = 0, height = 0;
  int palette_size = 0;
  std::optional<int> loop_count;  // from NETSCAPE2.0; nullopt when absent
  std::vector<DecodedGifFrame> frames;
  uint32_t At(size_t frame, int x, int y) const {
    return frames[frame].shown[static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)];
  }
};

struct GifMemoryReader {
  std::string_view bytes;
  size_t at = 0;
  static int Read(GifFileType* gif, GifByteType* out, int length) {
    auto* self = static_cast<GifMemoryReader*>(gif->UserData);
    const size_t n = std::min(static_cast<size_t>(length), self->bytes.size() - self->at);
    std::memcpy(out, self->bytes.data() + self->at, n);
    self->at += n;
    return static_cast<int>(n);
  }
};

// nullopt when giflib cannot read `bytes`.
inline std::optional<DecodedGif> DecodeGif(std::string_view bytes) {
  GifMemoryReader reader{bytes};
  int error = 0;
  GifFileType* gif = DGifOpen(&reader, GifMemoryReader::Read, &error);
  if (gif == nullptr) return std::nullopt;
  if (DGifSlurp(gif) != GIF_OK) {
    DGifCloseFile(gif, &error);
    return std::nullopt;
  }
  DecodedGif out;
  out.width = gif->SWidth;
  out.height = gif->SHeight;
  out.palette_size = gif->SColorMap ? gif->SColorMap->ColorCount : 0;
  // Application extensions are stored with the first image in DGifSlurp.
  for (int i = 0; i < gif->ImageCount && !out.loop_count; ++i) {
    const SavedImage& image = gif->SavedImages[i];
    for (int e = 0; e + 1 < image.ExtensionBlockCount; ++e) {
      const ExtensionBlock& block = image.ExtensionBlocks[e];
      const ExtensionBlock& next = image.ExtensionBlocks[e + 1];
      if (block.Function == APPLICATION_EXT_FUNC_CODE && block.ByteCount == 11 &&
          std::memcmp(block.Bytes, "NETSCAPE2.0", 11) == 0 && next.ByteCount == 3 && next.Bytes[0] == 1) {
        out.loop_count = next.Bytes[1] | (next.Bytes[2] << 8);
      }
    }
  }
  std::vector<uint32_t> screen(static_cast<size_t>(out.width) * static_cast<size_t>(out.height), 0);
  for (int i = 0; i < gif->ImageCount; ++i) {
    const SavedImage& image = gif->SavedImages[i];
    GraphicsControlBlock gcb{};
    DGifSavedExtensionToGCB(gif, i, &gcb);
    DecodedGifFrame frame;
    frame.delay_cs = gcb.DelayTime;
    frame.transparent = gcb.TransparentColor;
    frame.left = image.ImageDesc.Left;
    frame.top = image.ImageDesc.Top;
    frame.width = image.ImageDesc.Width;
    frame.height = image.ImageDesc.Height;
    const ColorMapObject* map = image.ImageDesc.ColorMap ? image.ImageDesc.ColorMap : gif->SColorMap;
    frame.stored.assign(image.RasterBits, image.RasterBits + static_cast<size_t>(frame.width) * static_cast<size_t>(frame.height));
    for (int y = 0; y < frame.height; ++y) {
      for (int x = 0; x < frame.width; ++x) {
        const int index = image.RasterBits[y * frame.width + x];
        if (index == frame.transparent || map == nullptr || index >= map->ColorCount) continue;
        const GifColorType c = map->Colors[index];
        const int sx = x + frame.left, sy = y + frame.top;
        if (sx >= out.width || sy >= out.height) continue;
        screen[static_cast<size_t>(sy) * static_cast<size_t>(out.width) + static_cast<size_t>(sx)] =
            (uint32_t{c.Red} << 16) | (uint32_t{c.Green} << 8) | uint32_t{c.Blue};
      }
    }
    frame.shown = screen;
    out.frames.push_back(std::move(frame));
  }
  DGifCloseFile(gif, &error);
  return out;
}

}  // namespace cl::testing
