#include "render/png_encode.h"

#include <libdeflate.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#include <memory>
#include <new>
#include <optional>

#include "render/flat_deflate.h"

namespace cl {
namespace {

// How the scanlines are compressed: frames are encoded by the hundred, so
// palette frames go through the flat-art deflate writer (render/flat_deflate.h,
// several times faster than libdeflate's fastest level and within a few
// percent of its size on frames) and truecolour ones through libdeflate's
// fastest level; small data pictures (embedded in SVG as text) get
// libdeflate's densest level.
enum class Compression { kFrame, kDense };
constexpr int kFrameLevel = 1;
constexpr int kDenseLevel = 12;

// The most a palette PNG's pixel may differ from the drawn one, in any
// channel (of 255); a picture that cannot be held to it is written truecolour.
constexpr int kMaxPaletteError = 24;

// PNG colour types and row filters used here.
constexpr uint8_t kColourTruecolour = 2;
constexpr uint8_t kColourPalette = 3;
constexpr uint8_t kFilterNone = 0;
constexpr uint8_t kFilterUp = 2;

// One picture's pixels, read a row at a time as 32-bit words whose low 24
// bits are 0xRRGGBB (the top byte is ignored: Cairo leaves it undefined).
struct Pixels {
  int width = 0, height = 0;
  const uint32_t* xrgb = nullptr;  // stride words per row
  std::size_t stride = 0;
  const uint8_t* rgb = nullptr;  // or width * 3 bytes per row
  const uint32_t* Row(int y, std::vector<uint32_t>* scratch) const {
    if (xrgb) return xrgb + stride * static_cast<std::size_t>(y);
    scratch->resize(static_cast<std::size_t>(width));
    const uint8_t* in = rgb + static_cast<std::size_t>(y) * static_cast<std::size_t>(width) * 3;
    for (int x = 0; x < width; ++x, in += 3) (*scratch)[x] = uint32_t{in[0]} << 16 | uint32_t{in[1]} << 8 | in[2];
    return scratch->data();
  }
};

constexpr uint32_t kRgbMask = 0xFFFFFFu;
// The colour bits of the first of two pixels read as one 64-bit word.
constexpr uint64_t kFirstOfTwo = std::endian::native == std::endian::little ? kRgbMask : uint64_t{kRgbMask} << 32;

// The end of the run of pixels from `x` on that have row[x]'s colour; two
// pixels a compare, as runs are long.
int RunEnd(const uint32_t* row, int x, int width) {
  const uint32_t colour = row[x];
  const uint64_t pair = uint64_t{colour} << 32 | colour, mask = uint64_t{kRgbMask} << 32 | kRgbMask;
  int end = x + 1;
  for (; end + 2 <= width; end += 2) {
    uint64_t two;
    std::memcpy(&two, row + end, 8);
    const uint64_t differ = (two ^ pair) & mask;
    if (differ) return end + ((differ & kFirstOfTwo) ? 0 : 1);
  }
  while (end < width && ((row[end] ^ colour) & kRgbMask) == 0) ++end;
  return end;
}

// The distinct colours of a picture with their pixel counts, in an
// open-addressing table; flat art repeats the previous pixel's colour most of
// the time, so that case is checked first. Holds at most kMaxColours: more
// than that is a photograph, written as truecolour.
class ColourTable {
 public:
  static constexpr std::size_t kMaxColours = 4096;

  ColourTable() : keys_(kSlots, kEmpty), counts_(kSlots, 0), indices_(kSlots, 0) {}

  // Reads the picture once, as runs of one colour (a row like the one above
  // is noted as such), counting the pixels of each colour. False when the
  // picture has more than kMaxColours colours.
  bool Read(const Pixels& p) {
    std::vector<uint32_t> scratch, above_scratch;
    const uint32_t* above = nullptr;
    std::size_t above_first = 0;
    row_first_.resize(static_cast<std::size_t>(p.height) + 1);
    for (int y = 0; y < p.height; ++y) {
      const uint32_t* row = p.Row(y, &scratch);
      const std::size_t first = run_slot_.size();
      row_first_[y] = first;
      if (above && std::memcmp(row, above, static_cast<std::size_t>(p.width) * 4) == 0) {
        for (std::size_t r = above_first; r < first; ++r) counts_[run_slot_[r]] += run_length_[r];
        row_same_.push_back(true);
        continue;
      }
      row_same_.push_back(false);
      for (int x = 0; x < p.width;) {
        const int end = RunEnd(row, x, p.width);
        const std::size_t slot = SlotOf(row[x] & kRgbMask);
        if (slot == kFull) return false;
        counts_[slot] += static_cast<uint32_t>(end - x);
        run_slot_.push_back(static_cast<uint32_t>(slot));
        run_length_.push_back(static_cast<uint32_t>(end - x));
        x = end;
      }
      above_first = first;
      if (!p.xrgb) above_scratch.swap(scratch);
      above = p.xrgb ? row : above_scratch.data();
    }
    row_first_[p.height] = run_slot_.size();
    return true;
  }
  // The palette indices of row `y` into `out` (width bytes), `out - stride`
  // being the row above.
  void WriteIndices(int y, uint8_t* out, std::size_t width, std::size_t stride) const {
    if (row_same_[y]) {
      std::memcpy(out, out - stride, width);
      return;
    }
    for (std::size_t r = row_first_[y]; r < row_first_[y + 1]; ++r) {
      std::memset(out, indices_[run_slot_[r]], run_length_[r]);
      out += run_length_[r];
    }
  }
  const std::vector<std::size_t>& slots() const { return used_; }  // in the order first seen
  uint32_t colour(std::size_t slot) const { return keys_[slot]; }
  uint32_t count(std::size_t slot) const { return counts_[slot]; }
  void SetIndex(std::size_t slot, uint8_t index) { indices_[slot] = index; }

 private:
  static constexpr std::size_t kSlots = kMaxColours * 4;
  static constexpr std::size_t kFull = ~std::size_t{0};
  static constexpr uint32_t kEmpty = 0xFF000000u;  // colours are 24-bit: never a key

  std::size_t SlotOf(uint32_t colour) {
    if (colour == last_colour_) return last_slot_;
    std::size_t slot = (colour * 2654435761u) >> 18 & (kSlots - 1);
    while (keys_[slot] != colour) {
      if (keys_[slot] == kEmpty) {
        if (used_.size() == kMaxColours) return kFull;
        keys_[slot] = colour;
        used_.push_back(slot);
        break;
      }
      slot = (slot + 1) & (kSlots - 1);
    }
    last_colour_ = colour;
    last_slot_ = slot;
    return slot;
  }

  std::vector<uint32_t> keys_, counts_;
  std::vector<uint8_t> indices_;
  std::vector<std::size_t> used_;
  std::vector<uint32_t> run_slot_, run_length_;  // the picture's runs, row after row
  std::vector<std::size_t> row_first_;            // each row's first run
  std::vector<bool> row_same_;                    // the row repeats the one above (and has no runs)
  uint32_t last_colour_ = kEmpty;
  std::size_t last_slot_ = 0;
};

int ChannelError(uint32_t a, uint32_t b) {
  int worst = 0;
  for (int shift : {16, 8, 0}) {
    const int d = static_cast<int>(a >> shift & 0xFF) - static_cast<int>(b >> shift & 0xFF);
    worst = std::max(worst, d < 0 ? -d : d);
  }
  return worst;
}

int Distance2(uint32_t a, uint32_t b) {
  int sum = 0;
  for (int shift : {16, 8, 0}) {
    const int d = static_cast<int>(a >> shift & 0xFF) - static_cast<int>(b >> shift & 0xFF);
    sum += d * d;
  }
  return sum;
}

// Picks at most 256 palette colours and gives every colour of the table the
// index of its nearest one; returns the palette, or nothing when some colour
// would be more than kMaxPaletteError from what was drawn. Up to 256 colours
// are kept exactly. Beyond that (anti-aliased text blends its ink with every
// fill it sits on), the most used colours are kept exactly, so fills and
// plain text never change, and the rest is chosen farthest-first: each added
// colour is the one worst served so far, which bounds the error of all.
std::optional<std::vector<uint32_t>> ChoosePalette(ColourTable* table) {
  const std::vector<std::size_t>& slots = table->slots();
  std::vector<uint32_t> palette;
  if (slots.size() <= 256) {
    for (std::size_t i = 0; i < slots.size(); ++i) {
      table->SetIndex(slots[i], static_cast<uint8_t>(i));
      palette.push_back(table->colour(slots[i]));
    }
    return palette;
  }
  std::vector<std::size_t> by_use = slots;
  std::sort(by_use.begin(), by_use.end(), [&](std::size_t a, std::size_t b) {
    return table->count(a) != table->count(b) ? table->count(a) > table->count(b) : table->colour(a) < table->colour(b);
  });
  constexpr std::size_t kKeptByUse = 96;
  std::vector<int> nearest(by_use.size(), std::numeric_limits<int>::max());
  std::vector<uint8_t> index(by_use.size(), 0);
  std::vector<uint32_t> colours(by_use.size());
  for (std::size_t i = 0; i < by_use.size(); ++i) colours[i] = table->colour(by_use[i]);
  // Adds colour `chosen`; returns the colour now served worst (ties: the
  // more used one, as sorted).
  auto add = [&](std::size_t chosen) {
    const uint32_t colour = colours[chosen];
    const auto at = static_cast<uint8_t>(palette.size());
    palette.push_back(colour);
    std::size_t worst = 0;
    for (std::size_t i = 0; i < colours.size(); ++i) {
      const int d = Distance2(colours[i], colour);
      if (d < nearest[i]) nearest[i] = d, index[i] = at;
      if (nearest[i] > nearest[worst]) worst = i;
    }
    return worst;
  };
  std::size_t worst = 0;
  for (std::size_t i = 0; i < kKeptByUse; ++i) worst = add(i);
  while (palette.size() < 256 && nearest[worst] > 0) worst = add(worst);
  for (std::size_t i = 0; i < by_use.size(); ++i) {
    if (ChannelError(table->colour(by_use[i]), palette[index[i]]) > kMaxPaletteError) return std::nullopt;
    table->SetIndex(by_use[i], index[i]);
  }
  return palette;
}

// A picture's filtered scanlines: a buffer every byte of which is written
// (a std::vector would first clear megabytes for nothing).
class Scanlines {
 public:
  explicit Scanlines(std::size_t size) : bytes_(new uint8_t[size]), size_(size) {}
  uint8_t* data() { return bytes_.get(); }
  const uint8_t* data() const { return bytes_.get(); }
  std::size_t size() const { return size_; }

 private:
  std::unique_ptr<uint8_t[]> bytes_;
  std::size_t size_;
};

// The filtered scanlines of a palette PNG: a filter byte, then one index a
// pixel (flat art compresses best unfiltered).
Scanlines PaletteRows(const Pixels& p, const ColourTable& table) {
  const std::size_t row_bytes = static_cast<std::size_t>(p.width) + 1;
  Scanlines rows(row_bytes * static_cast<std::size_t>(p.height));
  for (int y = 0; y < p.height; ++y) {
    uint8_t* row = rows.data() + row_bytes * static_cast<std::size_t>(y);
    row[0] = kFilterNone;
    table.WriteIndices(y, row + 1, row_bytes - 1, row_bytes);
  }
  return rows;
}

// The filtered scanlines of a truecolour PNG: each row against the one above
// ("Up"), which turns the repeated rows of flat art into runs of zeros.
Scanlines TruecolourRows(const Pixels& p) {
  const std::size_t width3 = static_cast<std::size_t>(p.width) * 3;
  Scanlines rows((width3 + 1) * static_cast<std::size_t>(p.height));
  std::vector<uint8_t> above(width3, 0), current(width3);
  std::vector<uint32_t> scratch;
  for (int y = 0; y < p.height; ++y) {
    const uint32_t* pixels = p.Row(y, &scratch);
    for (int x = 0; x < p.width; ++x) {
      const uint32_t c = pixels[x];
      current[3 * x] = static_cast<uint8_t>(c >> 16);
      current[3 * x + 1] = static_cast<uint8_t>(c >> 8);
      current[3 * x + 2] = static_cast<uint8_t>(c);
    }
    uint8_t* row = rows.data() + (width3 + 1) * static_cast<std::size_t>(y);
    row[0] = kFilterUp;
    for (std::size_t i = 0; i < width3; ++i) row[i + 1] = static_cast<uint8_t>(current[i] - above[i]);
    above.swap(current);
  }
  return rows;
}

void AppendU32(std::string* out, uint32_t v) {
  const char bytes[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
                         static_cast<char>(v)};
  out->append(bytes, 4);
}

void AppendChunk(std::string* out, const char type[4], const void* data, std::size_t size) {
  AppendU32(out, static_cast<uint32_t>(size));
  const std::size_t start = out->size();
  out->append(type, 4);
  if (size) out->append(static_cast<const char*>(data), size);
  AppendU32(out, libdeflate_crc32(0, out->data() + start, size + 4));
}

struct CompressorDeleter {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

// Appends the IDAT chunk of `rows` (`row_bytes` each), a zlib stream; false
// when out of memory.
bool AppendIdat(std::string* png, const Scanlines& rows, std::size_t row_bytes, bool paletted, Compression compression) {
  if (paletted && compression == Compression::kFrame) {
    std::string idat;
    AppendFlatZlib(rows.data(), row_bytes, rows.size() / row_bytes, &idat);
    AppendChunk(png, "IDAT", idat.data(), idat.size());
    return true;
  }
  const int level = compression == Compression::kFrame ? kFrameLevel : kDenseLevel;
  std::unique_ptr<libdeflate_compressor, CompressorDeleter> compressor(libdeflate_alloc_compressor(level));
  if (!compressor) return false;
  const std::size_t bound = libdeflate_zlib_compress_bound(compressor.get(), rows.size());
  Scanlines stream(bound);
  const std::size_t size = libdeflate_zlib_compress(compressor.get(), rows.data(), rows.size(), stream.data(), bound);
  if (size == 0) return false;
  png->reserve(png->size() + size + 32);
  AppendChunk(png, "IDAT", stream.data(), size);
  return true;
}

// IHDR, PLTE for a palette picture, one IDAT and IEND: no time, gamma or text
// chunk, so equal pixels give equal bytes.
std::string Encode(const Pixels& p, Compression compression) {
  try {
    auto table = std::make_unique<ColourTable>();
    std::optional<std::vector<uint32_t>> palette;
    if (table->Read(p)) palette = ChoosePalette(table.get());
    const bool paletted = palette.has_value();
    const Scanlines rows = paletted ? PaletteRows(p, *table) : TruecolourRows(p);
    std::string png("\x89PNG\r\n\x1a\n", 8);
    std::string header;
    AppendU32(&header, static_cast<uint32_t>(p.width));
    AppendU32(&header, static_cast<uint32_t>(p.height));
    header += static_cast<char>(8);  // bits per sample (or per palette index)
    header += static_cast<char>(paletted ? kColourPalette : kColourTruecolour);
    header.append(3, '\0');  // deflate, adaptive filtering, no interlace
    AppendChunk(&png, "IHDR", header.data(), header.size());
    if (paletted) {
      std::string plte;
      for (uint32_t c : *palette) {
        plte += static_cast<char>(c >> 16);
        plte += static_cast<char>(c >> 8);
        plte += static_cast<char>(c);
      }
      AppendChunk(&png, "PLTE", plte.data(), plte.size());
    }
    const std::size_t row_bytes = static_cast<std::size_t>(p.width) * (paletted ? 1 : 3) + 1;
    if (!AppendIdat(&png, rows, row_bytes, paletted, compression)) return "";
    AppendChunk(&png, "IEND", nullptr, 0);
    return png;
  } catch (const std::bad_alloc&) {
    return "";
  }
}

bool SizesOk(int width, int height) {
  // Keep every intermediate size far from overflow; frames are much smaller.
  return width > 0 && height > 0 && width <= (1 << 16) && height <= (1 << 16) &&
         static_cast<long long>(width) * height <= (1LL << 28);
}

}  // namespace

std::string EncodeRgbPng(int width, int height, const std::vector<uint8_t>& rgb) {
  if (!SizesOk(width, height) || rgb.size() != static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3)
    return "";
  Pixels p;
  p.width = width;
  p.height = height;
  p.rgb = rgb.data();
  return Encode(p, Compression::kDense);
}

std::string EncodeXrgbPng(int width, int height, const uint32_t* pixels, std::size_t stride) {
  if (!SizesOk(width, height) || pixels == nullptr || stride < static_cast<std::size_t>(width)) return "";
  Pixels p;
  p.width = width;
  p.height = height;
  p.xrgb = pixels;
  p.stride = stride;
  return Encode(p, Compression::kFrame);
}

}  // namespace cl
