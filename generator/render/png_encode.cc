#include "render/png_encode.h"

#include <libdeflate.h>

#include <array>
#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>

#include "base/sha256.h"
#include "render/flat_deflate.h"

namespace cl {
namespace {

// How the scanlines are compressed: frames are encoded by the hundred, so
// they go through the flat-art deflate writer (render/flat_deflate.h,
// several times faster than libdeflate's fastest level and within a few
// percent of its size on frames), palette and truecolour alike, a row at a
// time; data pictures (embedded in SVG as text) get libdeflate's level 9.
enum class Compression { kFrame, kDense };
// Not libdeflate's densest (12): its compressor is 8.8 MB (against 0.65), a
// 512x512 picture takes tens of milliseconds, and the shipped lessons' data
// pictures are only 0.2 % smaller for it. A lesson on a 512x512 image builds
// in 3.3 s instead of 4.1 s with level 9.
constexpr int kDenseLevel = 9;

// The most a palette PNG's pixel may differ from the drawn one, in any
// channel (of 255); a picture that cannot be held to it is written truecolour.
constexpr int kMaxPaletteError = 24;

// PNG colour types and row filters used here.
constexpr uint8_t kColourTruecolour = 2;
constexpr uint8_t kColourPalette = 3;
constexpr uint8_t kFilterNone = 0;
constexpr uint8_t kFilterUp = 2;

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

// At most this many colours make a palette picture; more is a photograph,
// written as truecolour.
constexpr std::size_t kMaxPaletteSourceColours = 4096;

int ChannelError(uint32_t a, uint32_t b) {
  int worst = 0;
  for (int shift : {16, 8, 0}) {
    const int d = static_cast<int>(a >> shift & 0xFF) - static_cast<int>(b >> shift & 0xFF);
    worst = std::max(worst, d < 0 ? -d : d);
  }
  return worst;
}

// Picks at most 256 palette colours and gives every colour of the picture
// (*index, by its position in runs.colours) the index of its nearest one;
// returns the palette, or nothing when some colour would be more than
// kMaxPaletteError from what was drawn. Up to 256 colours are kept exactly.
// Beyond that (anti-aliased text blends its ink with every fill it sits on),
// the most used colours are kept exactly, so fills and plain text never
// change, and the rest is chosen farthest-first: each added colour is the one
// worst served so far, which bounds the error of all.
std::optional<std::vector<uint32_t>> ChoosePalette(const ColourRuns& runs, std::vector<uint8_t>* index_of) {
  const std::vector<uint32_t>& seen = runs.colours;
  if (seen.size() > kMaxPaletteSourceColours) return std::nullopt;
  index_of->assign(seen.size(), 0);
  std::vector<uint32_t> palette;
  if (seen.size() <= 256) {
    for (std::size_t i = 0; i < seen.size(); ++i) (*index_of)[i] = static_cast<uint8_t>(i);
    return seen;
  }
  std::vector<std::size_t> by_use(seen.size());
  for (std::size_t i = 0; i < by_use.size(); ++i) by_use[i] = i;
  std::sort(by_use.begin(), by_use.end(), [&](std::size_t a, std::size_t b) {
    return runs.counts[a] != runs.counts[b] ? runs.counts[a] > runs.counts[b] : seen[a] < seen[b];
  });
  constexpr std::size_t kKeptByUse = 96;
  const std::size_t n = by_use.size();
  std::vector<uint32_t> colours(n);
  for (std::size_t i = 0; i < n; ++i) colours[i] = seen[by_use[i]];
  // The choice depends only on the colours in order of use, which the
  // frames of a sequence mostly share: the last choice on this thread is
  // reused when they are the same (a 2000-beat lesson's frames: 5 % of its
  // time went to choosing the same palette again).
  thread_local struct {
    std::vector<uint32_t> colours, palette;
    std::vector<uint8_t> index;
    bool exact = false;  // every colour within kMaxPaletteError
  } last;
  if (colours == last.colours) {
    if (!last.exact) return std::nullopt;
    for (std::size_t i = 0; i < n; ++i) (*index_of)[by_use[i]] = last.index[i];
    return last.palette;
  }
  std::vector<int> nearest(n, std::numeric_limits<int>::max());
  std::vector<uint8_t> index(n, 0);
  std::vector<int> red(n), green(n), blue(n);  // apart, so the loops below run on vectors
  for (std::size_t i = 0; i < n; ++i) {
    red[i] = static_cast<int>(colours[i] >> 16 & 0xFF);
    green[i] = static_cast<int>(colours[i] >> 8 & 0xFF);
    blue[i] = static_cast<int>(colours[i] & 0xFF);
  }
  // Adds colour `chosen`; returns the colour now served worst (ties: the
  // more used one, as sorted: the first).
  auto add = [&](std::size_t chosen) {
    const auto at = static_cast<uint8_t>(palette.size());
    palette.push_back(colours[chosen]);
    const int r = red[chosen], g = green[chosen], b = blue[chosen];
    int* near = nearest.data();
    uint8_t* to = index.data();
    int worst_distance = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const int dr = red[i] - r, dg = green[i] - g, db = blue[i] - b;
      const int d = dr * dr + dg * dg + db * db;
      const bool closer = d < near[i];
      near[i] = closer ? d : near[i];
      to[i] = closer ? at : to[i];
      worst_distance = std::max(worst_distance, near[i]);
    }
    return static_cast<std::size_t>(std::find(nearest.begin(), nearest.end(), worst_distance) - nearest.begin());
  };
  std::size_t worst = 0;
  for (std::size_t i = 0; i < kKeptByUse; ++i) worst = add(i);
  while (palette.size() < 256 && nearest[worst] > 0) worst = add(worst);
  last.colours = std::move(colours);
  last.index = std::move(index);
  last.exact = false;
  for (std::size_t i = 0; i < by_use.size(); ++i) {
    if (ChannelError(last.colours[i], palette[last.index[i]]) > kMaxPaletteError) return std::nullopt;
    (*index_of)[by_use[i]] = last.index[i];
  }
  last.palette = palette;
  last.exact = true;  // only once the palette it vouches for is stored
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
Scanlines PaletteRows(const ColourRuns& runs, const std::vector<uint8_t>& index_of) {
  const std::size_t row_bytes = static_cast<std::size_t>(runs.width) + 1;
  Scanlines rows(row_bytes * static_cast<std::size_t>(runs.height));
  for (int y = 0; y < runs.height; ++y) {
    uint8_t* row = rows.data() + row_bytes * static_cast<std::size_t>(y);
    row[0] = kFilterNone;
    uint8_t* out = row + 1;
    if (runs.row_same[static_cast<std::size_t>(y)]) {
      std::memcpy(out, out - row_bytes, row_bytes - 1);
      continue;
    }
    for (std::size_t r = runs.row_first[y]; r < runs.row_first[y + 1]; ++r) {
      std::memset(out, index_of[runs.run_colour[r]], runs.run_length[r]);
      out += runs.run_length[r];
    }
  }
  return rows;
}

// The filtered scanlines of a truecolour PNG: each row against the one above
// ("Up"), which turns the repeated rows of flat art into runs of zeros.
Scanlines TruecolourRows(const ColourRuns& runs) {
  const std::size_t width3 = static_cast<std::size_t>(runs.width) * 3;
  Scanlines rows((width3 + 1) * static_cast<std::size_t>(runs.height));
  std::vector<uint8_t> above(width3, 0), current(width3);
  RunRows<uint32_t> pixels_of(runs, runs.colours);
  for (int y = 0; y < runs.height; ++y) {
    const uint32_t* pixels = pixels_of.Next();
    for (int x = 0; x < runs.width; ++x) {
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

// Appends the IDAT chunk of `rows`, a zlib stream from libdeflate at
// kDenseLevel; false when out of memory.
bool AppendDenseIdat(std::string* png, const Scanlines& rows) {
  std::unique_ptr<libdeflate_compressor, CompressorDeleter> compressor(libdeflate_alloc_compressor(kDenseLevel));
  if (!compressor) return false;
  // Flat pictures compress to a few percent of their scanlines, so the
  // stream is first given an eighth of them, and the bound only when that is
  // too small; libdeflate writes the same bytes into either.
  const std::size_t bound = libdeflate_zlib_compress_bound(compressor.get(), rows.size());
  std::size_t capacity = std::min(bound, rows.size() / 8 + 4096);
  Scanlines stream(capacity);
  std::size_t size = libdeflate_zlib_compress(compressor.get(), rows.data(), rows.size(), stream.data(), capacity);
  if (size == 0 && capacity < bound) {
    capacity = bound;
    stream = Scanlines(capacity);
    size = libdeflate_zlib_compress(compressor.get(), rows.data(), rows.size(), stream.data(), capacity);
  }
  if (size == 0) return false;
  png->reserve(png->size() + size + 32);
  AppendChunk(png, "IDAT", stream.data(), size);
  return true;
}

// Appends the IDAT chunk of a frame: its scanlines made a row at a time
// from the runs straight into the flat-art deflate writer, so a large
// frame's scanlines are never held whole. The rows are unfiltered (a run of
// one pixel, or a row equal to the one above, is a match either way;
// measured on the photograph lesson, "Up" made truecolour frames no
// smaller). A palette frame's pixels are their indices in `index_of`;
// without one they are RGB.
void AppendFrameIdat(std::string* png, const ColourRuns& runs, const std::vector<uint8_t>* index_of) {
  const std::size_t pixel_bytes = index_of ? 1 : 3;
  const std::size_t row_bytes = static_cast<std::size_t>(runs.width) * pixel_bytes + 1;
  std::string idat;
  FlatZlibWriter writer(row_bytes, static_cast<std::size_t>(runs.height), &idat, pixel_bytes);
  std::vector<uint8_t> row(row_bytes);
  row[0] = kFilterNone;
  for (int y = 0; y < runs.height; ++y) {
    if (!runs.row_same[static_cast<std::size_t>(y)]) {  // else the row above, still in `row`
      uint8_t* out = row.data() + 1;
      for (std::size_t r = runs.row_first[y]; r < runs.row_first[y + 1]; ++r) {
        const std::size_t length = runs.run_length[r];
        if (index_of) {
          std::memset(out, (*index_of)[runs.run_colour[r]], length);
          out += length;
          continue;
        }
        const uint32_t c = runs.colours[runs.run_colour[r]];
        const uint8_t rgb[3] = {static_cast<uint8_t>(c >> 16), static_cast<uint8_t>(c >> 8), static_cast<uint8_t>(c)};
        for (std::size_t i = 0; i < length; ++i, out += 3) std::memcpy(out, rgb, 3);
      }
    }
    writer.Add(row.data(), row_bytes);
  }
  writer.Finish();
  // The bytes the PNG needs (IDAT and IEND: 24 beside the stream; `png`
  // holds only its first chunks yet, so the reserve is exact):
  // a chunk of frames waits in memory to be written in order, and a string
  // grown by doubling would hold up to twice its size.
  png->reserve(png->size() + idat.size() + 24);
  AppendChunk(png, "IDAT", idat.data(), idat.size());
}

// IHDR, PLTE for a palette picture, one IDAT and IEND: no time, gamma or text
// chunk, so equal pixels give equal bytes.
std::string Encode(const ColourRuns& runs, Compression compression) {
  try {
    std::vector<uint8_t> index_of;
    const std::optional<std::vector<uint32_t>> palette = ChoosePalette(runs, &index_of);
    const bool paletted = palette.has_value();
    std::string png("\x89PNG\r\n\x1a\n", 8);
    std::string header;
    AppendU32(&header, static_cast<uint32_t>(runs.width));
    AppendU32(&header, static_cast<uint32_t>(runs.height));
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
    if (compression == Compression::kFrame) {
      AppendFrameIdat(&png, runs, paletted ? &index_of : nullptr);
    } else if (!AppendDenseIdat(&png, paletted ? PaletteRows(runs, index_of) : TruecolourRows(runs))) {
      return "";
    }
    AppendChunk(&png, "IEND", nullptr, 0);
    return png;
  } catch (const std::bad_alloc&) {
    return "";
  }
}

bool SizesOk(int width, int height) {
  // Keep every intermediate size far from overflow; frames are much smaller.
  return width > 0 && height > 0 && width <= kMaxRunsWidth && height <= (1 << 16) &&
         static_cast<long long>(width) * height <= (1LL << 28);
}

}  // namespace

// The distinct colours seen so far in an open-addressing table (colour ->
// position in runs.colours), grown as needed; flat art repeats the previous
// pixel's colour most of the time, so that case is checked first.
struct ColourRunsReader::Table {
  static constexpr uint32_t kEmpty = 0xFF000000u;  // colours are 24-bit: never a key

  ColourRuns runs;
  std::vector<uint32_t> keys = std::vector<uint32_t>(kInitialSlots, kEmpty);
  std::vector<uint32_t> positions = std::vector<uint32_t>(kInitialSlots, 0);
  int shift = 64 - kInitialBits;
  std::vector<uint32_t> above;  // the last row of the previous band
  bool has_above = false;
  int y = 0;
  std::size_t above_first = 0;  // the runs of the row above (or of the row it repeats)
  uint32_t last_colour = kEmpty, last_position = 0;

  static constexpr int kInitialBits = 14;
  static constexpr std::size_t kInitialSlots = std::size_t{1} << kInitialBits;

  std::size_t Home(uint32_t colour) const {
    return static_cast<std::size_t>((uint64_t{colour} * 0x9E3779B97F4A7C15ull) >> shift);
  }

  uint32_t PositionOf(uint32_t colour) {
    if (colour == last_colour) return last_position;
    const std::size_t mask = keys.size() - 1;
    std::size_t slot = Home(colour);
    while (keys[slot] != colour) {
      if (keys[slot] == kEmpty) {
        keys[slot] = colour;
        positions[slot] = static_cast<uint32_t>(runs.colours.size());
        runs.colours.push_back(colour);
        runs.counts.push_back(0);
        if (runs.colours.size() * 4 > keys.size()) {
          Grow();
          return PositionOf(colour);
        }
        break;
      }
      slot = (slot + 1) & mask;
    }
    last_colour = colour;
    last_position = positions[slot];
    return last_position;
  }

  // Twice the slots, every colour placed again (a photograph's frame).
  void Grow() {
    keys.assign(keys.size() * 2, kEmpty);
    positions.assign(keys.size(), 0);
    --shift;
    const std::size_t mask = keys.size() - 1;
    for (std::size_t i = 0; i < runs.colours.size(); ++i) {
      std::size_t slot = Home(runs.colours[i]);
      while (keys[slot] != kEmpty) slot = (slot + 1) & mask;
      keys[slot] = runs.colours[i];
      positions[slot] = static_cast<uint32_t>(i);
    }
    last_colour = kEmpty;
  }

  void AddRow(const uint32_t* row, const uint32_t* row_above) {
    const int width = runs.width;
    const std::size_t first = runs.run_colour.size();
    runs.row_first[static_cast<std::size_t>(y)] = first;
    if (row_above && std::memcmp(row, row_above, static_cast<std::size_t>(width) * 4) == 0) {
      for (std::size_t r = above_first; r < first; ++r) runs.counts[runs.run_colour[r]] += runs.run_length[r];
      runs.row_same[static_cast<std::size_t>(y)] = 1;
      ++y;
      return;
    }
    for (int x = 0; x < width;) {
      const int end = RunEnd(row, x, width);
      const uint32_t position = PositionOf(row[x] & kRgbMask);
      runs.counts[position] += static_cast<uint32_t>(end - x);
      runs.run_colour.push_back(position);
      runs.run_length.push_back(static_cast<uint16_t>(end - x));
      x = end;
    }
    above_first = first;
    ++y;
  }

  // Row y taken from `previous`, whose rows y - 1 (when y > 0) and y are
  // this picture's: equal to the row above there means equal here too.
  void CopyRow(const ColourRuns& previous) {
    const std::size_t first = runs.run_colour.size();
    const auto row = static_cast<std::size_t>(y);
    runs.row_first[row] = first;
    if (previous.row_same[row]) {
      for (std::size_t r = above_first; r < first; ++r) runs.counts[runs.run_colour[r]] += runs.run_length[r];
      runs.row_same[row] = 1;
      ++y;
      return;
    }
    for (std::size_t r = previous.row_first[row]; r < previous.row_first[row + 1]; ++r) {
      const uint32_t position = PositionOf(previous.colours[previous.run_colour[r]]);
      runs.counts[position] += previous.run_length[r];
      runs.run_colour.push_back(position);
      runs.run_length.push_back(previous.run_length[r]);
    }
    above_first = first;
    ++y;
  }
};

ColourRunsReader::ColourRunsReader(int width, int height) : table_(std::make_unique<Table>()) {
  if (width > kMaxRunsWidth) width = height = 0;  // a run's length would not fit
  table_->runs.width = width;
  table_->runs.height = height;
  table_->runs.row_first.assign(static_cast<std::size_t>(std::max(0, height)) + 1, 0);
  table_->runs.row_same.assign(static_cast<std::size_t>(std::max(0, height)), 0);
}

ColourRunsReader::~ColourRunsReader() = default;

void ColourRunsReader::Add(const uint32_t* pixels, int rows, std::size_t stride) {
  Table& t = *table_;
  rows = std::min(rows, t.runs.height - t.y);
  if (rows <= 0) return;
  for (int i = 0; i < rows; ++i) {
    const uint32_t* row = pixels + stride * static_cast<std::size_t>(i);
    const uint32_t* row_above = i > 0 ? row - stride : t.has_above ? t.above.data() : nullptr;
    t.AddRow(row, row_above);
  }
  if (t.y < t.runs.height) {  // the next band compares its first row with this band's last
    const uint32_t* last = pixels + stride * static_cast<std::size_t>(rows - 1);
    t.above.assign(last, last + t.runs.width);
    t.has_above = true;
  }
}

void ColourRunsReader::AddReusing(const uint32_t* pixels, std::size_t stride, const ColourRuns& previous,
                                  const std::vector<uint8_t>& unchanged) {
  Table& t = *table_;
  const int height = t.runs.height;
  if (t.y != 0 || previous.width != t.runs.width || previous.height != height ||
      unchanged.size() != static_cast<std::size_t>(height)) {
    Add(pixels, height, stride);
    return;
  }
  AddBandReusing(pixels, height, stride, nullptr, previous, unchanged);
}

void ColourRunsReader::AddBandReusing(const uint32_t* pixels, int rows, std::size_t stride, const uint32_t* row_above,
                                      const ColourRuns& previous, const std::vector<uint8_t>& unchanged) {
  Table& t = *table_;
  rows = std::min(rows, t.runs.height - t.y);
  const bool reusable = previous.width == t.runs.width && previous.height == t.runs.height &&
                        unchanged.size() == static_cast<std::size_t>(t.runs.height);
  for (int i = 0; i < rows; ++i) {
    const auto row = static_cast<std::size_t>(t.y);
    if (reusable && unchanged[row] && (row == 0 || unchanged[row - 1])) {
      t.CopyRow(previous);
    } else {
      const uint32_t* line = pixels + stride * static_cast<std::size_t>(i);
      t.AddRow(line, i > 0 ? line - stride : row_above);
    }
  }
  t.has_above = false;  // a following Add has no pixels of this band's last row
}

void ColourRunsReader::ExpectRuns(std::size_t runs) {
  const std::size_t room = runs + runs / 32 + 64;  // a little more, for a frame that changed
  table_->runs.run_colour.reserve(room);
  table_->runs.run_length.reserve(room);
}

ColourRuns ColourRunsReader::Finish() {
  Table& t = *table_;
  t.runs.row_first[static_cast<std::size_t>(t.runs.height)] = t.runs.run_colour.size();
  return std::move(t.runs);
}

std::string EncodeRunsPng(const ColourRuns& runs) {
  if (!SizesOk(runs.width, runs.height)) return "";
  return Encode(runs, Compression::kFrame);
}

namespace {

// The last pictures EncodeRgbPng encoded on this thread, most recent first.
// The same block of cells recurs in frame after frame (the input image in
// every beat, each frame's SVG and its animation), and encoding it densely
// is slow (a 512x512 image: about 30 ms), so a repeat is looked up instead:
// by its SHA-256 (0.6 ms for that image), so the cache holds only the
// encoded pictures, not their pixels (6 MB a thread when it did). Bounded:
// at most 8 pictures of 4 MB in all.
class RecentPictures {
 public:
  using Key = std::array<uint8_t, SHA256_DIGEST_SIZE>;
  static Key KeyOf(int width, int height, const std::vector<uint8_t>& rgb) {
    Sha256 hash;
    hash.UpdateField(std::to_string(width) + "x" + std::to_string(height));
    hash.Update(std::string_view(reinterpret_cast<const char*>(rgb.data()), rgb.size()));
    return hash.Digest();
  }
  const std::string* Find(const Key& key) {
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (it->key != key) continue;
      if (it != entries_.begin()) std::rotate(entries_.begin(), it, it + 1);
      return &entries_.front().png;
    }
    return nullptr;
  }
  void Add(const Key& key, const std::string& png) {
    if (png.size() > kMaxBytes) return;
    entries_.insert(entries_.begin(), Entry{key, png});
    std::size_t bytes = 0, kept = 0;
    while (kept < entries_.size() && kept < kMaxEntries && bytes + entries_[kept].png.size() <= kMaxBytes)
      bytes += entries_[kept++].png.size();
    entries_.resize(kept);
  }

 private:
  static constexpr std::size_t kMaxEntries = 8, kMaxBytes = std::size_t{4} << 20;
  struct Entry {
    Key key;
    std::string png;
  };
  std::vector<Entry> entries_;
};

}  // namespace

std::string EncodeRgbPng(int width, int height, const std::vector<uint8_t>& rgb) {
  if (!SizesOk(width, height) || rgb.size() != static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3)
    return "";
  thread_local RecentPictures recent;
  try {
    const RecentPictures::Key key = RecentPictures::KeyOf(width, height, rgb);
    if (const std::string* png = recent.Find(key)) return *png;
    ColourRunsReader reader(width, height);
    std::vector<uint32_t> row(static_cast<std::size_t>(width));
    const uint8_t* in = rgb.data();
    for (int y = 0; y < height; ++y) {
      for (int x = 0; x < width; ++x, in += 3) row[x] = uint32_t{in[0]} << 16 | uint32_t{in[1]} << 8 | in[2];
      reader.Add(row.data(), 1, row.size());
    }
    std::string png = Encode(reader.Finish(), Compression::kDense);
    if (!png.empty()) recent.Add(key, png);
    return png;
  } catch (const std::bad_alloc&) {
    return "";
  }
}

std::string EncodeXrgbPng(int width, int height, const uint32_t* pixels, std::size_t stride) {
  if (!SizesOk(width, height) || pixels == nullptr || stride < static_cast<std::size_t>(width)) return "";
  try {
    ColourRunsReader reader(width, height);
    reader.Add(pixels, height, stride);
    return Encode(reader.Finish(), Compression::kFrame);
  } catch (const std::bad_alloc&) {
    return "";
  }
}

}  // namespace cl
