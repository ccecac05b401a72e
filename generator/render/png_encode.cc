#include "render/png_encode.h"

#include <zlib.h>

#include <array>
#include <cstring>
#include <limits>

namespace cl {
namespace {

// --- Deflate with the fixed Huffman code (RFC 1951, 3.2.6) -----------------

class BitWriter {
 public:
  explicit BitWriter(std::string* out) : out_(out) {}
  // Appends the low `count` bits of `bits`, least significant first.
  void Put(uint32_t bits, int count) {
    buffer_ |= static_cast<uint64_t>(bits) << filled_;
    filled_ += count;
    while (filled_ >= 8) {
      out_->push_back(static_cast<char>(buffer_ & 0xFF));
      buffer_ >>= 8;
      filled_ -= 8;
    }
  }
  void Finish() {
    if (filled_ > 0) out_->push_back(static_cast<char>(buffer_ & 0xFF));
    buffer_ = 0;
    filled_ = 0;
  }

 private:
  std::string* out_;
  uint64_t buffer_ = 0;
  int filled_ = 0;
};

uint32_t Reverse(uint32_t code, int length) {
  uint32_t r = 0;
  for (int i = 0; i < length; ++i) r |= ((code >> i) & 1u) << (length - 1 - i);
  return r;
}

struct Code {
  uint32_t bits = 0;  // already reversed for LSB-first output, extra bits appended
  int length = 0;
};

// Fixed literal/length codes for symbols 0..287, ready to write.
std::array<Code, 288> LiteralCodes() {
  std::array<Code, 288> codes{};
  for (int s = 0; s < 288; ++s) {
    int length = 0;
    uint32_t code = 0;
    if (s < 144) length = 8, code = 0x30 + s;
    else if (s < 256) length = 9, code = 0x190 + (s - 144);
    else if (s < 280) length = 7, code = s - 256;
    else length = 8, code = 0xC0 + (s - 280);
    codes[s] = {Reverse(code, length), length};
  }
  return codes;
}

// Length 3..258 -> its symbol's code followed by the extra bits.
std::array<Code, 259> LengthCodes(const std::array<Code, 288>& literal) {
  static constexpr int kBase[] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                  31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
  static constexpr int kExtra[] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                   2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
  std::array<Code, 259> codes{};
  for (int len = 3; len <= 258; ++len) {
    int i = 28;
    while (kBase[i] > len) --i;
    const Code& sym = literal[257 + i];
    codes[len] = {sym.bits | (static_cast<uint32_t>(len - kBase[i]) << sym.length), sym.length + kExtra[i]};
  }
  return codes;
}

// Distance codes 0 (distance 1) and 2 (distance 3): five bits, no extra bits.
constexpr uint32_t kDistance1 = 0;       // Reverse(0, 5)
constexpr uint32_t kDistance3 = 0b01000;  // Reverse(2, 5)

// Length of the match of data[i..] against data[i - distance..], at most 258.
std::size_t MatchLength(const uint8_t* data, std::size_t i, std::size_t end, std::size_t distance) {
  const std::size_t limit = std::min<std::size_t>(end - i, 258);
  std::size_t n = 0;
  while (n < limit && data[i + n] == data[i + n - distance]) ++n;
  return n;
}

void Deflate(const uint8_t* data, std::size_t size, std::string* out) {
  static const std::array<Code, 288> kLiteral = LiteralCodes();
  static const std::array<Code, 259> kLength = LengthCodes(kLiteral);
  BitWriter w(out);
  w.Put(0b011, 3);  // BFINAL = 1, BTYPE = 01 (fixed Huffman)
  std::size_t i = 0;
  while (i < size) {
    if (i >= 1) {
      const std::size_t run = MatchLength(data, i, size, 1);
      if (run >= 3) {
        w.Put(kLength[run].bits, kLength[run].length);
        w.Put(kDistance1, 5);
        i += run;
        continue;
      }
    }
    if (i >= 3) {
      const std::size_t repeat = MatchLength(data, i, size, 3);
      if (repeat >= 4) {
        w.Put(kLength[repeat].bits, kLength[repeat].length);
        w.Put(kDistance3, 5);
        i += repeat;
        continue;
      }
    }
    w.Put(kLiteral[data[i]].bits, kLiteral[data[i]].length);
    ++i;
  }
  w.Put(kLiteral[256].bits, kLiteral[256].length);  // end of block
  w.Finish();
}

// --- PNG container ----------------------------------------------------------

void PutU32(std::string* out, uint32_t v) {
  out->push_back(static_cast<char>(v >> 24));
  out->push_back(static_cast<char>(v >> 16));
  out->push_back(static_cast<char>(v >> 8));
  out->push_back(static_cast<char>(v));
}

void PutChunk(std::string* out, const char type[4], std::string_view body) {
  PutU32(out, static_cast<uint32_t>(body.size()));
  const std::size_t start = out->size();
  out->append(type, 4);
  out->append(body);
  const uLong crc = crc32(0, reinterpret_cast<const Bytef*>(out->data() + start), static_cast<uInt>(out->size() - start));
  PutU32(out, static_cast<uint32_t>(crc));
}

// The zlib stream of `data` through the run finder above.
std::string FastZlib(const std::vector<uint8_t>& data) {
  std::string stream = {static_cast<char>(0x78), static_cast<char>(0x01)};
  Deflate(data.data(), data.size(), &stream);
  uLong adler = adler32(0, nullptr, 0);
  for (std::size_t at = 0; at < data.size();) {  // adler32 takes uInt lengths
    const auto n = static_cast<uInt>(std::min<std::size_t>(data.size() - at, 1u << 30));
    adler = adler32(adler, data.data() + at, n);
    at += n;
  }
  PutU32(&stream, static_cast<uint32_t>(adler));
  return stream;
}

// The zlib stream of `data` through zlib itself: slower, denser on busy data.
std::string DenseZlib(const std::vector<uint8_t>& data) {
  uLongf size = compressBound(static_cast<uLong>(data.size()));
  std::string stream(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(stream.data()), &size, data.data(), static_cast<uLong>(data.size()), 6) != Z_OK)
    return FastZlib(data);
  stream.resize(size);
  return stream;
}

// Wraps Up-filtered scanlines (filter byte + width*3 bytes per row) into a PNG.
std::string Container(int width, int height, const std::vector<uint8_t>& filtered, bool dense) {
  const std::string zlib_stream = dense ? DenseZlib(filtered) : FastZlib(filtered);

  std::string png = "\x89PNG\r\n\x1a\n";
  std::string header;
  PutU32(&header, static_cast<uint32_t>(width));
  PutU32(&header, static_cast<uint32_t>(height));
  header += std::string{8, 2, 0, 0, 0};  // 8-bit RGB, deflate, adaptive filtering, no interlace
  PutChunk(&png, "IHDR", header);
  PutChunk(&png, "IDAT", zlib_stream);
  PutChunk(&png, "IEND", "");
  return png;
}

bool SizesOk(int width, int height) {
  // Keep every intermediate size far from overflow; frames are much smaller.
  return width > 0 && height > 0 && width <= (1 << 16) && height <= (1 << 16);
}

// Filters rows produced by row(y, bytes) with "Up" (the first row: "None").
template <typename RowFn>
std::vector<uint8_t> FilterUp(int width, int height, RowFn&& row) {
  const std::size_t row_bytes = static_cast<std::size_t>(width) * 3;
  std::vector<uint8_t> filtered((row_bytes + 1) * static_cast<std::size_t>(height));
  std::vector<uint8_t> previous(row_bytes, 0), current(row_bytes);
  for (int y = 0; y < height; ++y) {
    row(y, current.data());
    uint8_t* out = filtered.data() + (row_bytes + 1) * static_cast<std::size_t>(y);
    out[0] = y == 0 ? 0 : 2;
    for (std::size_t i = 0; i < row_bytes; ++i) out[1 + i] = static_cast<uint8_t>(current[i] - previous[i]);
    previous.swap(current);
  }
  return filtered;
}

}  // namespace

std::string EncodeRgbPng(int width, int height, const std::vector<uint8_t>& rgb) {
  if (!SizesOk(width, height) || rgb.size() != static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3)
    return "";
  const std::size_t row_bytes = static_cast<std::size_t>(width) * 3;
  return Container(width, height, FilterUp(width, height, [&](int y, uint8_t* out) {
                     std::memcpy(out, rgb.data() + row_bytes * static_cast<std::size_t>(y), row_bytes);
                   }), true);
}

std::string EncodeXrgbPng(int width, int height, const uint32_t* pixels, std::size_t stride) {
  if (!SizesOk(width, height) || pixels == nullptr || stride < static_cast<std::size_t>(width)) return "";
  return Container(width, height, FilterUp(width, height, [&](int y, uint8_t* out) {
                     const uint32_t* row = pixels + stride * static_cast<std::size_t>(y);
                     for (int x = 0; x < width; ++x) {
                       *out++ = static_cast<uint8_t>(row[x] >> 16);
                       *out++ = static_cast<uint8_t>(row[x] >> 8);
                       *out++ = static_cast<uint8_t>(row[x]);
                     }
                   }), false);
}

}  // namespace cl
