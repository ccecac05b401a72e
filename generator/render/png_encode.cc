#include "render/png_encode.h"

#include <libdeflate.h>

#include <array>
#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#include <memory>
#include <numeric>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "base/sha256.h"
#include "render/deflate_compressor.h"
#include "render/flat_deflate.h"

namespace cl {
namespace {

// How the scanlines are compressed: frames are encoded by the hundred, so
// they go through the flat-art deflate writer (render/flat_deflate.h,
// several times faster than libdeflate's fastest level and within a few
// percent of its size on frames), palette and truecolour alike, a row at a
// time; data pictures (embedded in SVG as text) get libdeflate's level 6.
enum class Compression { kFrame, kDense };
// Not libdeflate's densest (12): its compressor is 8.8 MB (against 0.65), a
// 512x512 picture takes tens of milliseconds, and the shipped lessons' data
// pictures are only 0.2 % smaller for it. A lesson on a 512x512 image built
// in 3.3 s instead of 4.1 s with level 9. Level 6 then took its SVG frames
// and animation from 0.67 to 0.43 s of CPU, for files 0.45 % larger (the
// 1998-beat checkerboard's: 1.03 to 0.90 s, 0.1 %).
constexpr int kDenseLevel = 6;

// The most a palette PNG's pixel may differ from the drawn one, in any
// channel (of 255); a picture that cannot be held to it is written truecolour.
constexpr int kMaxPaletteError = 24;
// The most a colour covering 1/1024 of a frame may differ from the drawn one
// under a sequence's palette (FramePalette): the colours the scenes name
// (fills, text, lines) are its entries, so exact; a shade of anti-aliasing
// that covers as much (a light grid line at a fraction of a pixel) changes
// by no more than this, which no eye tells. A frame's own palette keeps
// such shades exact.
constexpr int kMaxCoveringError = 2;
// Entries a sequence's palette takes: the rest are left for the rare blends
// a frame has that its samples did not (FitPalette).
constexpr std::size_t kSharedEntries = 240;

// PNG colour types and row filters used here.
constexpr uint8_t kColourTruecolour = 2;
constexpr uint8_t kColourPalette = 3;
constexpr uint8_t kFilterNone = 0;
constexpr uint8_t kFilterUp = 2;

constexpr uint32_t kRgbMask = 0xFFFFFFu;

// The end of the run of pixels from `x` on that have row[x]'s colour: the
// next pixel alone (text's runs are a pixel or two), then four pixels a
// compare where SSE2 is there (the fill between glyphs, a changed row's
// empty stretches), else two.
[[gnu::always_inline]] inline int RunEnd(const uint32_t* row, int x, int width) {
  const uint32_t colour = row[x];
  int end = x + 1;
  if (end < width && ((row[end] ^ colour) & kRgbMask) != 0) return end;
#if defined(__SSE2__)
  const __m128i wanted = _mm_set1_epi32(static_cast<int>(colour & kRgbMask)), mask = _mm_set1_epi32(kRgbMask);
  for (; end + 4 <= width; end += 4) {
    const __m128i four = _mm_and_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(row + end)), mask);
    const auto equal = static_cast<unsigned>(_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(four, wanted))));
    if (equal != 0xF) return end + std::countr_one(equal);
  }
#else
  // The colour bits of the first of two pixels read as one 64-bit word.
  constexpr uint64_t kFirstOfTwo = std::endian::native == std::endian::little ? kRgbMask : uint64_t{kRgbMask} << 32;
  const uint64_t pair = uint64_t{colour} << 32 | colour, mask = uint64_t{kRgbMask} << 32 | kRgbMask;
  for (; end + 2 <= width; end += 2) {
    uint64_t two;
    std::memcpy(&two, row + end, 8);
    const uint64_t differ = (two ^ pair) & mask;
    if (differ) return end + ((differ & kFirstOfTwo) ? 0 : 1);
  }
#endif
  while (end < width && ((row[end] ^ colour) & kRgbMask) == 0) ++end;
  return end;
}

// At most this many colours make a palette picture; more is a photograph,
// written as truecolour.
constexpr std::size_t kMaxPaletteSourceColours = 4096;
// A sequence's palette is chosen from its samples' colours up to this many:
// a photograph lesson's wide samples have 15000 (each of hundreds of cells
// blends its number's edges with its own colour) and are written
// truecolour, but its tall frames fit the palette those colours give. Past
// it the palette would cost more to choose than it saves (tens of ms a
// variant) and serve no frame.
constexpr std::size_t kMaxSharedSourceColours = std::size_t{1} << 16;

int ChannelError(uint32_t a, uint32_t b) {
  int worst = 0;
  for (int shift : {16, 8, 0}) {
    const int d = static_cast<int>(a >> shift & 0xFF) - static_cast<int>(b >> shift & 0xFF);
    worst = std::max(worst, d < 0 ? -d : d);
  }
  return worst;
}

// Pixels of a frame's colour that make it "cover much of" the frame: its
// palette keeps such colours exact.
uint64_t Covering(const ColourRuns& runs) {
  return std::max<uint64_t>(1, static_cast<uint64_t>(runs.width) * static_cast<uint64_t>(runs.height) >> 10);
}

// The colours (places in `counts`, ascending) used `covering` times or
// more; the most used 96 of them if there are more (ties: the lower place).
std::vector<std::size_t> KeptColours(const std::vector<uint64_t>& counts, uint64_t covering) {
  constexpr std::size_t kMostKept = 96;
  std::vector<std::size_t> kept;
  for (std::size_t i = 0; i < counts.size(); ++i)
    if (counts[i] >= covering) kept.push_back(i);
  if (kept.size() > kMostKept) {
    std::stable_sort(kept.begin(), kept.end(), [&](std::size_t a, std::size_t b) { return counts[a] > counts[b]; });
    kept.resize(kMostKept);
    std::sort(kept.begin(), kept.end());
  }
  return kept;
}

// How far apart two colours look to a palette: their squared distance,
// plus six times how far the difference is from a pure change of
// lightness. A grey cell of a photograph then takes a grey entry a little
// lighter or darker, not a light blue one nearer by distance alone: beside
// the maps' diverging colours a tint reads as a sign. (Measured on
// real-picture's palette frames: flat grey pixels tinted by more than 4
// levels 0.19 % -> 0.03 %; weight 2: 0.07 %.) Whole numbers below 2^24
// (at most 4.9 million): floats hold them exactly (render/nearest_entry.h).
constexpr DistanceWeights kPaletteDistance{1, 1, 1, 6};

// A palette for `colours` chosen farthest-first: the `kept` colours (places
// in `colours`), then each colour worst served so far (ties: the lowest),
// until it has `entries` or serves every colour exactly; the entries in the order
// chosen. Sets *index to each colour's nearest entry (ties: the first chosen).
std::vector<uint32_t> FarthestFirst(const std::vector<uint32_t>& colours, const std::vector<std::size_t>& kept,
                                    std::vector<uint8_t>* index, std::size_t entries = 256) {
  const std::size_t n = colours.size();
  // Apart and in floats, four colours a step: floats hold the distances
  // exactly, and SSE2 multiplies floats where it multiplies 32-bit integers
  // only by emulation (a frame's choice measures up to 4096 colours against
  // each of 256 entries). Padded to a multiple of four with colours already
  // served exactly, which no entry moves.
  const std::size_t padded = (n + 3) / 4 * 4;
  std::vector<float> red(padded, 0), green(padded, 0), blue(padded, 0);
  std::vector<float> nearest(padded, 0);  // each colour's distance to its nearest entry so far
  std::vector<int32_t> entry(padded, 0);  // which entry that is
  for (std::size_t i = 0; i < n; ++i) {
    red[i] = static_cast<float>(colours[i] >> 16 & 0xFF);
    green[i] = static_cast<float>(colours[i] >> 8 & 0xFF);
    blue[i] = static_cast<float>(colours[i] & 0xFF);
    nearest[i] = std::numeric_limits<float>::max();
  }
  std::vector<uint32_t> palette;
  // Adds colour `chosen`; returns the colour now served worst (the first of
  // equals), found in the same pass (a second pass to find it, made also for
  // every kept colour but the last, was a fifth of the choice), or 0 when
  // `find_worst` is false.
  auto add = [&](std::size_t chosen, bool find_worst) -> std::size_t {
    const auto at = static_cast<int32_t>(palette.size());
    palette.push_back(colours[chosen]);
    const float r = red[chosen], g = green[chosen], b = blue[chosen];
#if defined(__SSE2__)
    const __m128 r4 = _mm_set1_ps(r), g4 = _mm_set1_ps(g), b4 = _mm_set1_ps(b);
    const __m128i at4 = _mm_set1_epi32(at), four = _mm_set1_epi32(4);
    // Each lane's greatest distance and where it first came: lane k holds
    // colours k, k + 4, ...
    __m128 worst4 = _mm_setzero_ps();
    __m128i worst_at4 = _mm_setr_epi32(0, 1, 2, 3), at_i4 = worst_at4;
    for (std::size_t i = 0; i < padded; i += 4, at_i4 = _mm_add_epi32(at_i4, four)) {
      const __m128 d = WeightedDistance4(kPaletteDistance, _mm_sub_ps(_mm_loadu_ps(&red[i]), r4),
                                         _mm_sub_ps(_mm_loadu_ps(&green[i]), g4), _mm_sub_ps(_mm_loadu_ps(&blue[i]), b4));
      const __m128 near = _mm_loadu_ps(&nearest[i]);
      const __m128 closer = _mm_cmplt_ps(d, near);
      const __m128 kept_near = _mm_or_ps(_mm_and_ps(closer, d), _mm_andnot_ps(closer, near));
      _mm_storeu_ps(&nearest[i], kept_near);
      const __m128i closer_i = _mm_castps_si128(closer);
      const __m128i old = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&entry[i]));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(&entry[i]),
                       _mm_or_si128(_mm_and_si128(closer_i, at4), _mm_andnot_si128(closer_i, old)));
      const __m128i farther = _mm_castps_si128(_mm_cmpgt_ps(kept_near, worst4));
      worst_at4 = _mm_or_si128(_mm_and_si128(farther, at_i4), _mm_andnot_si128(farther, worst_at4));
      worst4 = _mm_max_ps(worst4, kept_near);
    }
    if (!find_worst) return 0;
    alignas(16) float lane_worst[4];
    alignas(16) int32_t lane_at[4];
    _mm_store_ps(lane_worst, worst4);
    _mm_store_si128(reinterpret_cast<__m128i*>(lane_at), worst_at4);
    const float worst_distance = GreatestLane(worst4);
    std::size_t worst = padded;
    for (int k = 0; k < 4; ++k)
      if (lane_worst[k] == worst_distance) worst = std::min(worst, static_cast<std::size_t>(lane_at[k]));
    return worst;
#else
    float worst_distance = 0;
    for (std::size_t i = 0; i < padded; ++i) {
      const float d = WeightedDistance(kPaletteDistance, red[i] - r, green[i] - g, blue[i] - b);
      if (d < nearest[i]) nearest[i] = d, entry[i] = at;
      worst_distance = std::max(worst_distance, nearest[i]);
    }
    if (!find_worst) return 0;
    return static_cast<std::size_t>(std::find(nearest.begin(), nearest.end(), worst_distance) - nearest.begin());
#endif
  };
  std::size_t worst = 0;
  for (std::size_t k = 0; k < kept.size(); ++k) worst = add(kept[k], k + 1 == kept.size());  // the last one's worst only
  if (kept.empty() && n > 0) worst = add(0, true);
  while (n > 0 && palette.size() < entries && nearest[worst] > 0) worst = add(worst, true);
  index->resize(n);
  for (std::size_t i = 0; i < n; ++i) (*index)[i] = static_cast<uint8_t>(entry[i]);
  return palette;
}

// Picks at most 256 palette colours and gives every colour of the picture
// (*index, by its position in runs.colours) the index of its nearest one;
// returns the palette, or nothing when some colour would be more than
// kMaxPaletteError from what was drawn. Up to 256 colours are kept exactly,
// by colour.
// Beyond that (anti-aliased text blends its ink with every fill it sits on),
// the colours that cover much of a frame (of another picture: the 96 most
// used) are kept exactly, so fills and plain text never change, and the
// rest is chosen farthest-first: each added colour is the one worst served
// so far, which bounds the error of all. A frame's choice depends on which
// colours it has and which cover much of it, not on how many pixels each
// covers, so the frames of a sequence, which differ by a few cells, mostly
// choose the same palette (and so write the same bytes for the rows they
// share: FramePngEncoder).
std::optional<std::vector<uint32_t>> PickPaletteColours(const ColourRuns& runs, Compression compression,
                                                        std::vector<uint8_t>* index_of) {
  const std::vector<uint32_t>& seen = runs.colours;
  if (seen.size() > kMaxPaletteSourceColours) return std::nullopt;
  index_of->assign(seen.size(), 0);
  std::vector<uint32_t> palette;
  const std::size_t n = seen.size();
  std::vector<std::size_t> by_value(n);  // positions in `seen`, by colour
  for (std::size_t i = 0; i < n; ++i) by_value[i] = i;
  std::sort(by_value.begin(), by_value.end(), [&](std::size_t a, std::size_t b) { return seen[a] < seen[b]; });
  std::vector<uint32_t> colours(n);
  for (std::size_t i = 0; i < n; ++i) colours[i] = seen[by_value[i]];
  if (n <= 256) {  // every colour exactly, by colour
    for (std::size_t i = 0; i < n; ++i) (*index_of)[by_value[i]] = static_cast<uint8_t>(i);
    return colours;
  }
  // Kept exactly: a frame's colours covering 1/1024 of it or more, any
  // other picture's colours; the most used 96 of them if there are more.
  const uint64_t covering = compression == Compression::kFrame ? Covering(runs) : 0;
  std::vector<uint64_t> counts(n);
  for (std::size_t i = 0; i < n; ++i) counts[i] = runs.counts[by_value[i]];
  std::vector<std::size_t> kept = KeptColours(counts, covering);
  // The frames of a sequence mostly share their colours: the last choice on
  // this thread is reused when they are the same (a 2000-beat lesson's
  // frames: 5 % of its time went to choosing the same palette again).
  thread_local struct {
    std::vector<uint32_t> colours, palette;
    std::vector<std::size_t> kept;
    std::vector<uint8_t> index;
    bool exact = false;  // every colour within kMaxPaletteError
  } last;  // (kept differs for frames and other pictures, so it is part of the key)
  if (colours == last.colours && kept == last.kept) {
    if (!last.exact) return std::nullopt;
    for (std::size_t i = 0; i < n; ++i) (*index_of)[by_value[i]] = last.index[i];
    return last.palette;
  }
  std::vector<uint8_t> index;
  palette = FarthestFirst(colours, kept, &index);
  last.colours = std::move(colours);
  last.kept = std::move(kept);
  last.index = std::move(index);
  last.exact = false;
  for (std::size_t i = 0; i < n; ++i) {
    if (ChannelError(last.colours[i], palette[last.index[i]]) > kMaxPaletteError) return std::nullopt;
    (*index_of)[by_value[i]] = last.index[i];
  }
  last.palette = palette;
  last.exact = true;  // only once the palette it vouches for is stored
  return palette;
}

// PickPaletteColours's palette, its entries by colour. The pixels are the
// same in any order; in this one the indices depend only on which colours
// the palette holds, so frames of a sequence that hold the same colours
// write the same bytes for the rows they share, which are then copied from
// the frame before's (FramePngEncoder). (PickPaletteColours gives a
// picture of 256 colours or fewer its colours by colour already.) The
// bytes never depend on the order of runs.colours, which differs for the
// same pixels read whole or from the frame before (ColourRunsReader).
std::optional<std::vector<uint32_t>> ChoosePalette(const ColourRuns& runs, Compression compression,
                                                   std::vector<uint8_t>* index_of) {
  std::optional<std::vector<uint32_t>> palette = PickPaletteColours(runs, compression, index_of);
  if (!palette || runs.colours.size() <= 256) return palette;  // by colour already
  std::vector<uint8_t> by_colour(palette->size());  // entries, by colour
  for (std::size_t e = 0; e < by_colour.size(); ++e) by_colour[e] = static_cast<uint8_t>(e);
  std::sort(by_colour.begin(), by_colour.end(), [&](uint8_t a, uint8_t b) { return (*palette)[a] < (*palette)[b]; });
  std::vector<uint8_t> moved_to(palette->size());
  std::vector<uint32_t> ordered(palette->size());
  for (std::size_t k = 0; k < by_colour.size(); ++k) {
    moved_to[by_colour[k]] = static_cast<uint8_t>(k);
    ordered[k] = (*palette)[by_colour[k]];
  }
  for (uint8_t& entry : *index_of) entry = moved_to[entry];
  return ordered;
}

// The entry a rare blend takes in the `free` entries after a sequence's
// shared ones: where its colour hashes to, or the next one not taken. A
// function of the colour, not of which other blends the frame has: in
// colour order, a blend that came or went moved every blend after it, and
// the unchanged rows those held were coded again in every frame (a tall
// frame of 44 columns: 788 of its 3382 rows a beat, 149 of them changed).
std::size_t BlendSlot(uint32_t colour, std::size_t free, const std::vector<bool>& taken) {
  std::size_t slot = static_cast<std::size_t>((uint64_t{colour * 0x9E3779B1u} * free) >> 32);
  while (taken[slot]) slot = (slot + 1) % free;
  return slot;
}

// `shared`'s colours for the picture, each colour of it given the index of
// its nearest entry (looked up in *nearest first, and kept there), if every
// colour is within kMaxPaletteError of it and those covering 1/1024 of the
// picture within kMaxCoveringError; a colour that is not (a rare blend the
// samples lacked) gets an entry of its own after the shared ones, at
// BlendSlot, while there is room (entries no blend takes repeat the first
// shared one). Nothing when there is not.
std::optional<std::vector<uint32_t>> FitPalette(const ColourRuns& runs, const FramePalette& shared, ColourMap* nearest,
                                                std::vector<uint8_t>* index_of) {
  const std::vector<uint32_t>& entries = shared.colours();
  if (entries.empty()) return std::nullopt;
  const uint64_t covering = Covering(runs);
  index_of->assign(runs.colours.size(), 0);
  std::vector<std::size_t> unserved;  // places in runs.colours
  for (std::size_t i = 0; i < runs.colours.size(); ++i) {
    const uint32_t colour = runs.colours[i];
    const auto find = [&] { return shared.Nearest(colour); };
    const uint8_t entry = nearest ? nearest->FindOrSet(colour, find) : find();
    const int error = ChannelError(colour, entries[entry]);
    if (error > kMaxPaletteError || (error > kMaxCoveringError && runs.counts[i] >= covering)) {
      if (entries.size() + unserved.size() >= 256) return std::nullopt;
      unserved.push_back(i);
    }
    (*index_of)[i] = entry;
  }
  std::vector<uint32_t> palette = entries;
  if (unserved.empty()) return palette;
  // The blends covering most pixels take their slots first (ties in colour
  // order: never the order the picture's colours were met in), so a rare
  // blend that comes or goes (an edge of the moving window, a digit of the
  // caption) probes past them rather than pushing one of them on, which
  // changed its index in every row that holds it: a tall frame of the
  // 1998-beat lesson coded 12.6 of its 106 bands a beat in colour order,
  // 9.1 in this one, where 9 hold a changed row.
  std::sort(unserved.begin(), unserved.end(), [&](std::size_t a, std::size_t b) {
    return runs.counts[a] != runs.counts[b] ? runs.counts[a] > runs.counts[b] : runs.colours[a] < runs.colours[b];
  });
  const std::size_t free = 256 - entries.size();
  std::vector<bool> taken(free, false);
  std::size_t used = 0;  // entries after the shared ones the palette holds
  for (const std::size_t i : unserved) {
    const std::size_t slot = BlendSlot(runs.colours[i], free, taken);
    taken[slot] = true;
    used = std::max(used, slot + 1);
    (*index_of)[i] = static_cast<uint8_t>(entries.size() + slot);
  }
  palette.resize(entries.size() + used, entries.front());
  for (const std::size_t i : unserved) palette[(*index_of)[i]] = runs.colours[i];
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

// Writes row y of `runs` as scanline bytes (no filter byte) to `out`:
// palette indices through `index_of`, else RGB.
void FillRow(const ColourRuns& runs, int y, const std::vector<uint8_t>* index_of, uint8_t* out) {
  y = DefiningRow(runs, y);
  const uint8_t* const end = out + static_cast<std::size_t>(runs.width) * (index_of ? 1 : 3);
  // The runs read through locals: a byte stored may alias anything, so the
  // vectors' data would be loaded again after each run's bytes.
  const uint16_t* const run_length = runs.run_length.data();
  const uint32_t* const run_colour = runs.run_colour.data();
  const uint8_t* const index_by_colour = index_of ? index_of->data() : nullptr;
  for (std::size_t r = runs.row_first[y], last = runs.row_first[y + 1]; r < last; ++r) {
    const std::size_t length = run_length[r];
    if (index_by_colour) {
      const uint8_t index = index_by_colour[run_colour[r]];
      if (length <= 16 && end - out >= 16) {  // most runs (text's): two stores, not a call to memset
        const uint64_t eight = uint64_t{index} * 0x0101010101010101ull;
        std::memcpy(out, &eight, 8);
        std::memcpy(out + 8, &eight, 8);
      } else {
        std::memset(out, index, length);
      }
      out += length;
      continue;
    }
    const uint32_t c = runs.colours[run_colour[r]];
    const std::size_t bytes = 3 * length;
    if constexpr (std::endian::native == std::endian::little) {
      // The run's bytes R G B R G B ..., 12 at a time (two stores); its last
      // pixels 8 bytes a store where the row has room, 6 of them new, the
      // rest written over by the runs after it. A photograph's frame is
      // mostly short runs, whose 12-byte pattern built byte by byte was most
      // of this.
      const uint64_t three = __builtin_bswap32(c & kRgbMask) >> 8;  // R G B
      const uint64_t eight = three | three << 24 | three << 48;       // R G B R G B R G
      const auto four = static_cast<uint32_t>(eight >> 16);           // B R G B
      const std::size_t room = static_cast<std::size_t>(end - out);
      std::size_t k = 0;
      for (; k + 12 <= bytes; k += 12) {
        std::memcpy(out + k, &eight, 8);
        std::memcpy(out + k + 8, &four, 4);
      }
      for (; k < bytes && k + 8 <= room; k += 6) std::memcpy(out + k, &eight, 8);
      for (; k < bytes; k += 3) std::memcpy(out + k, &eight, 3);
    } else {
      for (std::size_t k = 0; k < bytes; k += 3)
        out[k] = static_cast<uint8_t>(c >> 16), out[k + 1] = static_cast<uint8_t>(c >> 8), out[k + 2] = static_cast<uint8_t>(c);
    }
    out += bytes;
  }
}

// The filtered scanlines of a palette PNG: a filter byte, then one index a
// pixel (flat art compresses best unfiltered).
Scanlines PaletteRows(const ColourRuns& runs, const std::vector<uint8_t>& index_of) {
  const std::size_t row_bytes = static_cast<std::size_t>(runs.width) + 1;
  Scanlines rows(row_bytes * static_cast<std::size_t>(runs.height));
  for (int y = 0; y < runs.height; ++y) {
    uint8_t* row = rows.data() + row_bytes * static_cast<std::size_t>(y);
    row[0] = kFilterNone;
    if (y > 0 && runs.row_same[static_cast<std::size_t>(y)])
      std::memcpy(row + 1, row + 1 - row_bytes, row_bytes - 1);
    else
      FillRow(runs, y, &index_of, row + 1);
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

// A chunk whose data is appended after StartChunk (straight into `out`, as
// a frame's stream is written) and closed by EndChunk, which fills in its
// length and appends its CRC. StartChunk returns where the chunk starts.
std::size_t StartChunk(std::string* out, const char type[4]) {
  const std::size_t start = out->size();
  AppendU32(out, 0);
  out->append(type, 4);
  return start;
}

void EndChunk(std::string* out, std::size_t start) {
  const std::size_t size = out->size() - start - 8;
  for (std::size_t i = 0; i < 4; ++i) (*out)[start + i] = static_cast<char>(size >> (24 - 8 * i));
  AppendU32(out, libdeflate_crc32(0, out->data() + start + 4, size + 4));
}

void AppendChunk(std::string* out, const char type[4], const void* data, std::size_t size) {
  const std::size_t start = StartChunk(out, type);
  if (size) out->append(static_cast<const char*>(data), size);
  EndChunk(out, start);
}

// Appends the IDAT chunk of `rows`, a zlib stream from libdeflate at
// kDenseLevel; false when out of memory.
bool AppendDenseIdat(std::string* png, const Scanlines& rows) {
  libdeflate_compressor* const compressor = ThreadCompressor(kDenseLevel);
  if (compressor == nullptr) return false;
  // Flat pictures compress to a few percent of their scanlines, so the
  // stream is first given an eighth of them, and the bound only when that is
  // too small; libdeflate writes the same bytes into either.
  const std::size_t bound = libdeflate_zlib_compress_bound(compressor, rows.size());
  std::size_t capacity = std::min(bound, rows.size() / 8 + 4096);
  Scanlines stream(capacity);
  std::size_t size = libdeflate_zlib_compress(compressor, rows.data(), rows.size(), stream.data(), capacity);
  if (size == 0 && capacity < bound) {
    capacity = bound;
    stream = Scanlines(capacity);
    size = libdeflate_zlib_compress(compressor, rows.data(), rows.size(), stream.data(), capacity);
  }
  if (size == 0) return false;
  png->reserve(png->size() + size + 32);
  AppendChunk(png, "IDAT", stream.data(), size);
  return true;
}

}  // namespace

// What FramePngEncoder keeps of the picture it encoded last: what says
// whether a band of its stream can be copied, and the bands.
struct FramePngEncoder::Last {
  int width = 0, height = 0;
  bool paletted = false;
  ColourMap index_by_colour;  // a palette picture's index of each colour
  std::vector<FlatBand> bands;
};

namespace {

// A band of a frame ends after kFlatBandRows rows, or sooner where the rows
// change: at a row that differs from the one above after one that repeats
// its own (where a text line or a cell's edge starts), once the band has
// this many rows. A beat changes a few text lines and cells; cut where they
// start, the bands around them stay as the frame before had them and are
// copied, where bands cut every kFlatBandRows rows took the unchanged rows
// beside a change along (measured on the shipped course: 12-19 % fewer
// rows coded again, and frames 1.2 % smaller, as a band that starts at a
// text line fits its Huffman codes to it). The cuts depend on the frame's
// own rows alone, so a frame's bytes never depend on the frames encoded
// before it.
constexpr int kFewestBandRows = 8;

// The end of the band that starts at row `top`.
int BandEnd(const ColourRuns& runs, int top) {
  const int most = std::min(runs.height, top + static_cast<int>(kFlatBandRows));
  for (int y = top + kFewestBandRows; y < most; ++y)
    if (!runs.row_same[static_cast<std::size_t>(y)] && runs.row_same[static_cast<std::size_t>(y - 1)]) return y;
  return most;
}

// Appends the IDAT chunk of a frame: its scanlines made a row at a time
// from the runs straight into the flat-art deflate writer, so a large
// frame's scanlines are never held whole. The rows are unfiltered (a run of
// one pixel, or a row equal to the one above, is a match either way;
// measured on the photograph lesson, "Up" made truecolour frames no
// smaller). A palette frame's pixels are their indices in `index_of`;
// without one they are RGB. A band whose rows (and the row above) are all
// `same_rows`, their colours all `kept` (null: every colour), is copied from
// `last`'s stream, when it had a band of those rows; the bands of this
// frame go to *bands when asked.
void AppendFrameIdat(std::string* png, const ColourRuns& runs, const std::vector<uint8_t>* index_of,
                     FramePngEncoder::Last* last, const std::vector<uint8_t>* same_rows,
                     const std::vector<uint8_t>* kept, std::vector<FlatBand>* bands, std::size_t* copied) {
  const std::size_t pixel_bytes = index_of ? 1 : 3;
  const std::size_t row_bytes = static_cast<std::size_t>(runs.width) * pixel_bytes + 1;
  // The stream goes straight into `png`'s IDAT chunk, whose length is known
  // at the end, with room for about the frame before's stream (a frame's
  // stream copied into its chunk, and grown by copying itself, were 1.4 %
  // of the course's instructions).
  std::size_t expected = 0;
  if (last)
    for (const FlatBand& band : last->bands) expected += band.bit_count / 8 + 1;
  png->reserve(png->size() + expected + 64);
  const std::size_t chunk_start = StartChunk(png, "IDAT");
  FlatZlibWriter writer(row_bytes, static_cast<std::size_t>(runs.height), png, pixel_bytes, bands != nullptr);
  writer.ExpectBytes(expected);
  std::vector<uint8_t> row(row_bytes);
  row[0] = kFilterNone;
  int held = -1;  // the row `row` holds
  const auto unchanged = [&](int from, int to) {
    from = std::max(from, 0);
    for (int y = from; y < to; ++y)
      if (!(*same_rows)[static_cast<std::size_t>(y)]) return false;
    if (!kept) return true;
    from = DefiningRow(runs, from);
    for (std::size_t r = runs.row_first[from]; r < runs.row_first[to]; ++r)
      if (!(*kept)[runs.run_colour[r]]) return false;
    return true;
  };
  // The band of `last` that starts at each row (-1: none), when it can be copied from.
  std::vector<int> last_band_at;
  if (last && same_rows) {
    last_band_at.assign(static_cast<std::size_t>(runs.height), -1);
    std::size_t start = 0;
    for (std::size_t b = 0; b < last->bands.size() && start < last_band_at.size(); ++b) {
      last_band_at[start] = static_cast<int>(b);
      start += last->bands[b].bytes / row_bytes;
    }
  }
  for (int top = 0; top < runs.height;) {
    const int end = BandEnd(runs, top);
    if (!last_band_at.empty()) {
      const int b = last_band_at[static_cast<std::size_t>(top)];
      FlatBand* band = b >= 0 ? &last->bands[static_cast<std::size_t>(b)] : nullptr;
      if (band && band->bytes == row_bytes * static_cast<std::size_t>(end - top) && unchanged(top - 1, end)) {
        FillRow(runs, end - 1, index_of, row.data() + 1);
        held = end - 1;
        if (writer.AddCodedBand(std::move(*band), row.data())) {
          if (copied) ++*copied;
          top = end;
          continue;
        }
      }
    }
    for (int y = top; y < end; ++y) {
      if (!(held == y - 1 && runs.row_same[static_cast<std::size_t>(y)])) FillRow(runs, y, index_of, row.data() + 1);
      held = y;
      writer.Add(row.data(), row_bytes);
    }
    writer.EndBand();
    top = end;
  }
  std::vector<FlatBand> made = writer.Finish();
  if (bands) *bands = std::move(made);
  EndChunk(png, chunk_start);
}

// What a frame's encoding may copy from the one before, and keeps for the next.
struct FrameReuse {
  FramePngEncoder::Last* last = nullptr;  // the frame before's, if it can be copied from (its bands moved out)
  const std::vector<uint8_t>* same_rows = nullptr;
  FramePngEncoder::Last* next = nullptr;  // this frame's, when kept
  std::size_t* copied = nullptr;          // counts the bands copied
  const FramePalette* palette = nullptr;  // the sequence's, tried first
  ColourMap* nearest = nullptr;  // its entries by colour, as found so far
};

// IHDR, PLTE for a palette picture, one IDAT and IEND: no time, gamma or text
// chunk, so equal pixels give equal bytes.
std::string Encode(const ColourRuns& runs, Compression compression, const FrameReuse& reuse = {}) {
  try {
    std::vector<uint8_t> index_of;
    std::optional<std::vector<uint32_t>> palette;
    if (reuse.palette && runs.colours.size() > 256 && runs.colours.size() <= kMaxPaletteSourceColours)
      palette = FitPalette(runs, *reuse.palette, reuse.nearest, &index_of);
    if (!palette) palette = ChoosePalette(runs, compression, &index_of);
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
      // The frame before's bands hold the same bytes only for a picture of
      // the same size and kind, where a palette picture's colours keep
      // their indices (kept: per colour of runs.colours). A colour the
      // frame before lacked cannot be in a band whose rows are its rows, so
      // it counts as kept: a beat that brings a new colour (a cell's value)
      // no longer makes every band that could be copied scan its runs
      // (1.6 % of a 2000-beat lesson's build).
      FramePngEncoder::Last* last = reuse.last;
      if (last && (last->width != runs.width || last->height != runs.height || last->paletted != paletted))
        last = nullptr;
      std::vector<uint8_t> kept;
      if (last && paletted) {
        kept.resize(runs.colours.size());
        for (std::size_t i = 0; i < kept.size(); ++i) {
          const int before = last->index_by_colour.Find(runs.colours[i]);
          kept[i] = before < 0 || before == index_of[i];
        }
      }
      // Every colour kept its index (the usual case): no band need check its runs.
      const bool all_kept = std::find(kept.begin(), kept.end(), uint8_t{0}) == kept.end();
      std::vector<FlatBand> bands;
      AppendFrameIdat(&png, runs, paletted ? &index_of : nullptr, last, reuse.same_rows, paletted && !all_kept ? &kept : nullptr,
                      reuse.next ? &bands : nullptr, reuse.copied);
      if (reuse.next) {
        FramePngEncoder::Last& next = *reuse.next;
        next = {runs.width, runs.height, paletted, {}, std::move(bands)};
        if (paletted) {
          next.index_by_colour.Reserve(runs.colours.size());
          for (std::size_t i = 0; i < runs.colours.size(); ++i) next.index_by_colour.Set(runs.colours[i], index_of[i]);
        }
      }
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
  static constexpr uint32_t kNotLookedUp = ~0u;     // never a colour's position

  ColourRuns runs;
  std::vector<uint32_t> keys = std::vector<uint32_t>(kInitialSlots, kEmpty);
  std::vector<uint32_t> positions = std::vector<uint32_t>(kInitialSlots, 0);
  int shift = 64 - kInitialBits;
  std::vector<uint32_t> above;  // the last row of the previous band
  bool has_above = false;
  int y = 0;
  std::size_t above_first = 0;  // the runs of the row above (or of the row it repeats)
  // Rows since that row that repeat it, not yet in `counts`: added once, as
  // each run's length times this, when another row starts or the picture
  // ends (a frame's rows mostly repeat the row above, and adding their runs
  // row by row was a tenth of reading a long lesson's frames).
  uint64_t repeats_uncounted = 0;
  uint32_t last_colour = kEmpty, last_position = 0;
  // The position here of each colour of the picture CopyRow copies from
  // (kNotLookedUp: not yet), so a copied run costs no hash look-up.
  const ColourRuns* translated = nullptr;
  std::vector<uint32_t> from_previous;
  const ColourRuns* seeded_from = nullptr;  // the picture whose colours Seed placed first
  // The row of the picture SpliceRow splices from that it asked last for
  // (defining_y) and the row whose runs that one has.
  const ColourRuns* defined_in = nullptr;
  int defining_y = 0, defining_row = 0;
  // Rows copied from one earlier picture (CopyRows) are not counted as they
  // are copied: their pixels are that picture's, so Finish counts them at
  // once as its counts less those of its rows not copied, at the cost of
  // the rows a beat changed rather than of the frame (counting each copied
  // run was most of copying).
  const ColourRuns* copied_from = nullptr;
  std::vector<uint8_t> copied;  // per row: copied from copied_from

  // 1024 slots to start (8 KB): a frame's few hundred colours stay in the
  // first-level cache, and each frame's reader clears 8 KB, not 128 KB (a
  // long lesson reads 4000 frames); a photograph's table grows as it must.
  static constexpr int kInitialBits = 10;
  static constexpr std::size_t kInitialSlots = std::size_t{1} << kInitialBits;

  std::size_t Home(uint32_t colour) const {
    return static_cast<std::size_t>((uint64_t{colour} * 0x9E3779B97F4A7C15ull) >> shift);
  }

  // Inlined where runs are read (a call to it, saving and restoring its
  // registers, was a third of its cost); a new colour goes to Insert.
  uint32_t PositionOf(uint32_t colour) {
    if (colour == last_colour) return last_position;
    const std::size_t mask = keys.size() - 1;
    std::size_t slot = Home(colour);
    while (keys[slot] != colour) {
      if (keys[slot] == kEmpty) return Insert(colour, slot);
      slot = (slot + 1) & mask;
    }
    last_colour = colour;
    last_position = positions[slot];
    return last_position;
  }

  // `colour`, not in the table, placed at its empty `slot`; its position.
  [[gnu::noinline]] uint32_t Insert(uint32_t colour, std::size_t slot) {
    keys[slot] = colour;
    positions[slot] = static_cast<uint32_t>(runs.colours.size());
    runs.colours.push_back(colour);
    runs.counts.push_back(0);
    if (runs.colours.size() * 4 > keys.size()) Grow();  // then found where Grow placed it
    return PositionOf(colour);
  }

  // Twice the slots, every colour placed again (a photograph's frame).
  void Grow() { PlaceAll(keys.size() * 2); }

  // Every colour of runs.colours placed at its position in a table of
  // `slots` slots (a power of two, no fewer than it has).
  void PlaceAll(std::size_t slots) {
    for (std::size_t s = keys.size(); s < slots; s *= 2) --shift;
    keys.assign(slots, kEmpty);
    positions.assign(slots, 0);
    const std::size_t mask = slots - 1;
    for (std::size_t i = 0; i < runs.colours.size(); ++i) {
      std::size_t slot = Home(runs.colours[i]);
      while (keys[slot] != kEmpty) slot = (slot + 1) & mask;
      keys[slot] = runs.colours[i];
      positions[slot] = static_cast<uint32_t>(i);
    }
    last_colour = kEmpty;
  }

  // Adds the repeats of the row above (its runs end at `end`) to `counts`.
  void CountRepeats(std::size_t end) {
    if (repeats_uncounted == 0) return;
    for (std::size_t r = above_first; r < end; ++r)
      runs.counts[runs.run_colour[r]] += uint64_t{runs.run_length[r]} * repeats_uncounted;
    repeats_uncounted = 0;
  }

  // Row y repeats the row above: no runs of its own.
  void RepeatRow() {
    ++repeats_uncounted;
    runs.row_same[static_cast<std::size_t>(y)] = 1;
    ++y;
  }

  void AddRow(const uint32_t* row, const uint32_t* row_above) {
    const int width = runs.width;
    const std::size_t first = runs.run_colour.size();
    runs.row_first[static_cast<std::size_t>(y)] = first;
    if (row_above && std::memcmp(row, row_above, static_cast<std::size_t>(width) * 4) == 0) return RepeatRow();
    CountRepeats(runs.run_colour.size());
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

  // DefiningRow(previous, y) for the row y being made, walking up no
  // further than the row asked for before: rows are spliced top to bottom,
  // and a long stretch of repeated rows was walked again for each of its rows.
  int PreviousDefiningRow(const ColourRuns& previous) {
    int row = y;
    if (defined_in == &previous && y >= defining_y) {
      while (row > defining_y && previous.row_same[static_cast<std::size_t>(row)]) --row;
      if (row == defining_y) row = defining_row;
    } else {
      row = DefiningRow(previous, y);
    }
    defined_in = &previous, defining_y = y, defining_row = row;
    return row;
  }

  // The table from `previous`'s colour positions to this picture's
  // (kNotLookedUp: not yet); PositionOf never changes it.
  uint32_t* TranslationFrom(const ColourRuns& previous) {
    if (&previous != translated) {
      translated = &previous;
      if (seeded_from == nullptr && runs.colours.empty()) Seed(previous);
      if (&previous == seeded_from) {
        from_previous.resize(previous.colours.size());
        std::iota(from_previous.begin(), from_previous.end(), uint32_t{0});
      } else {
        from_previous.assign(previous.colours.size(), kNotLookedUp);
      }
    }
    return from_previous.data();
  }

  // Before any colour is read: `previous`'s colours at its positions, so
  // its runs are this picture's as they are (a frame keeps nearly all the
  // colours of the frame before, and translating each copied run was most
  // of copying). Those it turns out not to have are dropped by Finish.
  void Seed(const ColourRuns& previous) {
    seeded_from = &previous;
    runs.colours = previous.colours;
    runs.counts.assign(runs.colours.size(), 0);
    std::size_t slots = keys.size();
    while (runs.colours.size() * 4 > slots) slots *= 2;
    PlaceAll(slots);
  }

  // The colours Seed gave that no pixel has, dropped once every pixel is
  // counted; the others' positions close up.
  void DropColoursNotMet() {
    // Most frames met every colour: nothing to move.
    if (std::find(runs.counts.begin(), runs.counts.end(), uint64_t{0}) == runs.counts.end()) return;
    const std::size_t n = runs.colours.size();
    std::vector<uint32_t> moved(n);
    std::size_t kept = 0;
    for (std::size_t i = 0; i < n; ++i) {
      moved[i] = static_cast<uint32_t>(kept);
      if (runs.counts[i] == 0) continue;
      runs.colours[kept] = runs.colours[i];
      runs.counts[kept] = runs.counts[i];
      ++kept;
    }
    runs.colours.resize(kept);
    runs.counts.resize(kept);
    for (uint32_t& colour : runs.run_colour) colour = moved[colour];
  }

  // `previous`'s colour position `old`, translated to this picture's
  // through `table` (TranslationFrom(previous), held by the caller: read
  // through the member, it was reloaded for each run).
  uint32_t Translated(uint32_t* table, const ColourRuns& previous, uint32_t old) {
    if (table[old] == kNotLookedUp) table[old] = PositionOf(previous.colours[old]);
    return table[old];
  }

  // Appends `previous`'s runs [from, to), their colours translated to this
  // picture's in one pass after one copy; returns where they start.
  std::size_t AppendTranslated(const ColourRuns& previous, std::size_t from, std::size_t to) {
    const std::size_t first = runs.run_colour.size();
    const auto begin_at = static_cast<std::ptrdiff_t>(from), end_at = static_cast<std::ptrdiff_t>(to);
    runs.run_colour.insert(runs.run_colour.end(), previous.run_colour.begin() + begin_at, previous.run_colour.begin() + end_at);
    runs.run_length.insert(runs.run_length.end(), previous.run_length.begin() + begin_at, previous.run_length.begin() + end_at);
    uint32_t* const table = TranslationFrom(previous);
    if (&previous == seeded_from) return first;  // its positions are this picture's
    uint32_t* const colour = runs.run_colour.data();
    // (The end held apart: a colour looked up may grow runs.colours, so
    // the compiler read run_colour's size again at every run.)
    for (std::size_t i = first, end = runs.run_colour.size(); i < end; ++i) colour[i] = Translated(table, previous, colour[i]);
    return first;
  }

  // Row y's runs are appended as they are made, and dropped again if they
  // turn out to repeat the row above. Between spans the old runs are copied
  // whole: two runs side by side always differ in colour (a row's runs are
  // as long as they go, and translating positions keeps distinct colours
  // distinct), so only a span's edges can join two runs.
  void SpliceRow(const ColourRuns& previous, const std::vector<std::pair<int, int>>& spans, const uint32_t* row) {
    std::vector<uint32_t>& colour = runs.run_colour;
    std::vector<uint16_t>& length = runs.run_length;
    const std::size_t first = colour.size();
    runs.row_first[static_cast<std::size_t>(y)] = first;
    const auto append = [&](uint32_t position, int n) {
      if (colour.size() > first && colour.back() == position)
        length.back() = static_cast<uint16_t>(length.back() + n);
      else
        colour.push_back(position), length.push_back(static_cast<uint16_t>(n));
    };
    uint32_t* const table = TranslationFrom(previous);
    const uint16_t* old_length = previous.run_length.data();
    const uint32_t* old_colour = previous.run_colour.data();
    std::size_t r = previous.row_first[static_cast<std::size_t>(PreviousDefiningRow(previous))];
    int run_start = 0;  // where run r starts
    const int width = runs.width;
    std::size_t s = 0;
    for (int x = 0; x < width;) {
      if (s < spans.size() && x >= spans[s].first) {  // a span: its pixels, read
        const int right = std::min(spans[s].second, width);
        // Only the span's first run may join the run before: the runs read
        // are each as long as they go, so the next has another colour.
        if (x < right) {
          const int end = RunEnd(row, x, right);
          append(PositionOf(row[x] & kRgbMask), end - x);
          x = end;
        }
        while (x < right) {
          const int end = RunEnd(row, x, right);
          colour.push_back(PositionOf(row[x] & kRgbMask)), length.push_back(static_cast<uint16_t>(end - x));
          x = end;
        }
        ++s;
        continue;
      }
      // The old runs, up to the next span: the first may join the span before.
      const int limit = s < spans.size() ? std::min(spans[s].first, width) : width;
      while (run_start + old_length[r] <= x) run_start += old_length[r++];
      const int end = std::min(run_start + static_cast<int>(old_length[r]), limit);
      append(Translated(table, previous, old_colour[r]), end - x);
      x = end;
      if (x == limit) continue;
      // The runs from x (where run r + 1 starts) to the one `limit` cuts,
      // copied at once and translated in place.
      run_start += old_length[r++];
      std::size_t last = r;
      int last_start = run_start;
      while (last_start + old_length[last] < limit) last_start += old_length[last++];
      AppendTranslated(previous, r, last + 1);
      length.back() = static_cast<uint16_t>(limit - last_start);
      r = last, run_start = last_start, x = limit;
    }
    // Equal runs (each row's as long as they go) are equal pixels.
    const auto made = static_cast<std::ptrdiff_t>(colour.size() - first), at = static_cast<std::ptrdiff_t>(first),
               before = static_cast<std::ptrdiff_t>(above_first);
    if (y > 0 && at - before == made && std::equal(colour.begin() + at, colour.end(), colour.begin() + before) &&
        std::equal(length.begin() + at, length.end(), length.begin() + before)) {
      colour.resize(first);
      length.resize(first);
      return RepeatRow();
    }
    CountRepeats(first);
    uint64_t* const counts = runs.counts.data();
    for (std::size_t i = first, end = colour.size(); i < end; ++i) counts[colour[i]] += length[i];
    above_first = first;
    ++y;
  }

  // Rows y .. end - 1 taken from `previous`, whose rows y - 1 (when y > 0)
  // to end - 1 are this picture's: equal to the row above there means equal
  // here too. From the first picture copied from, at once (CopyStretch);
  // from another (rarely), row by row, each row's pixels counted here.
  void CopyRows(const ColourRuns& previous, int end) {
    if (!copied_from) {
      copied_from = &previous;
      copied.assign(runs.row_same.size(), 0);
    }
    if (copied_from == &previous) return CopyStretch(previous, end);
    while (y < end) {
      const auto row = static_cast<std::size_t>(y);
      const std::size_t first = runs.run_colour.size();
      runs.row_first[row] = first;
      if (previous.row_same[row]) {
        RepeatRow();
        continue;
      }
      CountRepeats(first);
      AppendTranslated(previous, previous.row_first[row], previous.row_first[row + 1]);
      for (std::size_t r = first; r < runs.run_colour.size(); ++r) runs.counts[runs.run_colour[r]] += runs.run_length[r];
      above_first = first;
      ++y;
    }
  }

  // CopyRows' rows [y, end) from the picture the reader copies from first:
  // their runs are one stretch of its runs, copied at once and their
  // colours translated in one pass (row by row, two inserts a row were most
  // of copying a tall frame's rows). Their pixels are counted by Finish.
  void CopyStretch(const ColourRuns& previous, int end) {
    const std::size_t from = previous.row_first[static_cast<std::size_t>(y)],
                      to = previous.row_first[static_cast<std::size_t>(end)];
    if (to > from) CountRepeats(runs.run_colour.size());  // a row with runs ends the row above's repeats
    const std::size_t first = AppendTranslated(previous, from, to);
    for (; y < end; ++y) {
      const auto row = static_cast<std::size_t>(y);
      runs.row_first[row] = first + (previous.row_first[row] - from);
      copied[row] = 1;
      if (previous.row_same[row])
        runs.row_same[row] = 1;
      else
        above_first = runs.row_first[row];
    }
  }

  // The pixels of the rows copied from copied_from, added to `counts`.
  void CountCopiedRows() {
    if (!copied_from) return;
    const ColourRuns& from = *copied_from;
    std::vector<uint64_t> left = from.counts;  // its pixels of each colour, less its rows not copied
    std::size_t defining = 0;
    for (std::size_t row = 0; row < copied.size(); ++row) {
      if (!from.row_same[row]) defining = row;
      if (copied[row]) continue;
      for (std::size_t r = from.row_first[defining]; r < from.row_first[defining + 1]; ++r)
        left[from.run_colour[r]] -= from.run_length[r];
    }
    // A colour with pixels left was met in a copied row, so has its place here.
    uint32_t* const table = TranslationFrom(from);
    for (std::size_t c = 0; c < left.size(); ++c)
      if (left[c] != 0) runs.counts[Translated(table, from, static_cast<uint32_t>(c))] += left[c];
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

void ColourRunsReader::AddRowsFrom(const ColourRuns& previous, int rows) {
  Table& t = *table_;
  t.CopyRows(previous, t.y + std::min(rows, t.runs.height - t.y));
  t.has_above = false;  // a following Add has no pixels of these rows
}

namespace {

// Whether rows `a` and `b` hold the same pixels in every span's columns.
bool SameInSpans(const uint32_t* a, const uint32_t* b, const std::vector<std::pair<int, int>>& spans, int width) {
  for (const auto& [left, right] : spans) {
    const int from = std::max(left, 0), to = std::min(right, width);
    if (from < to && std::memcmp(a + from, b + from, static_cast<std::size_t>(to - from) * sizeof *a) != 0) return false;
  }
  return true;
}

}  // namespace

void ColourRunsReader::AddSplicedRow(const ColourRuns& previous, const std::vector<std::pair<int, int>>& spans,
                                     const uint32_t* row, const uint32_t* row_above) {
  Table& t = *table_;
  if (t.y >= t.runs.height) return;
  if (previous.width != t.runs.width || previous.height != t.runs.height) {
    t.AddRow(row, nullptr);  // no row of `previous` to splice: the row as given, whole
  } else if (row_above != nullptr && t.y > 0 && previous.row_same[static_cast<std::size_t>(t.y)] &&
             SameInSpans(row, row_above, spans, t.runs.width)) {
    // Outside the spans row y is previous's row y, which repeats its row
    // above, row y - 1 here but in the same spans; inside them the pixels
    // are the row above's: the whole row repeats it (most rows spliced in
    // a frame: a changed cell's or text line's rows of one colour).
    t.runs.row_first[static_cast<std::size_t>(t.y)] = t.runs.run_colour.size();
    t.RepeatRow();
  } else {
    t.SpliceRow(previous, spans, row);
  }
  t.has_above = false;  // a following Add has no pixels of this row
}

void ColourRunsReader::ExpectRuns(std::size_t runs) {
  const std::size_t room = runs + runs / 32 + 64;  // a little more, for a frame that changed
  table_->runs.run_colour.reserve(room);
  table_->runs.run_length.reserve(room);
}

ColourRuns ColourRunsReader::Finish() {
  Table& t = *table_;
  t.CountRepeats(t.runs.run_colour.size());
  t.CountCopiedRows();
  if (t.seeded_from) t.DropColoursNotMet();
  t.runs.row_first[static_cast<std::size_t>(t.runs.height)] = t.runs.run_colour.size();
  return std::move(t.runs);
}

std::string EncodeRunsPng(const ColourRuns& runs, const FramePalette* palette) {
  if (!SizesOk(runs.width, runs.height)) return "";
  FrameReuse reuse;
  reuse.palette = palette;
  return Encode(runs, Compression::kFrame, reuse);
}

FramePalette::FramePalette(const std::vector<uint32_t>& colours) {
  for (const uint32_t c : colours) {
    if (colours_.size() == 256) break;
    if (std::find(colours_.begin(), colours_.end(), c & kRgbMask) == colours_.end()) colours_.push_back(c & kRgbMask);
  }
  std::sort(colours_.begin(), colours_.end());
  for (const uint32_t c : colours_) channels_.Add(c);
}

FramePalette FramePalette::FromSamples(const std::vector<const ColourRuns*>& samples, const std::vector<uint32_t>& named) {
  for (const ColourRuns* sample : samples)
    if (sample->colours.size() > kMaxSharedSourceColours) return FramePalette({});
  // By colour: its largest share of one sample, in pixels of the largest
  // sample. A colour that covers much of one kind of frame (a grid line's
  // blend over the pooled map, in the pooling beats) must be exact however
  // few of the samples show it: counted over all samples together, one
  // covering 1/1024 of each pooling frame fell short, was served within 24
  // levels, and every frame where it then covered 1/1024 made it exact
  // again, so the rows of every grid line changed from one beat to the next.
  uint64_t pixels = 0;
  for (const ColourRuns* sample : samples)
    pixels = std::max(pixels, static_cast<uint64_t>(sample->width) * static_cast<uint64_t>(sample->height));
  // Every (colour, share) of every sample, then sorted by colour with each
  // colour's largest share kept (a tree of them allocated a node per colour).
  constexpr std::size_t kMostNamed = 128;  // room left for the shades
  std::vector<std::pair<uint32_t, uint64_t>> shares;
  for (const ColourRuns* sample : samples) {
    const uint64_t sample_pixels = std::max<uint64_t>(1, static_cast<uint64_t>(sample->width) * static_cast<uint64_t>(sample->height));
    for (std::size_t i = 0; i < sample->colours.size(); ++i)
      shares.emplace_back(sample->colours[i] & kRgbMask, sample->counts[i] * pixels / sample_pixels);
  }
  for (std::size_t i = 0; i < named.size() && i < kMostNamed; ++i) shares.emplace_back(named[i] & kRgbMask, 0);
  std::sort(shares.begin(), shares.end());
  std::vector<uint32_t> colours;
  std::vector<uint64_t> counts;
  for (const auto& [colour, share] : shares) {
    if (!colours.empty() && colours.back() == colour)
      counts.back() = share;  // sorted: the last of a colour's shares is its largest
    else
      colours.push_back(colour), counts.push_back(share);
  }
  if (colours.size() > kMaxSharedSourceColours) return FramePalette({});
  if (colours.size() <= kSharedEntries) return FramePalette(colours);
  // Kept: the named colours, then those covering 1/1024 of a sample.
  std::vector<std::size_t> kept;
  for (std::size_t i = 0; i < named.size() && i < kMostNamed; ++i)
    kept.push_back(static_cast<std::size_t>(std::lower_bound(colours.begin(), colours.end(), named[i] & kRgbMask) - colours.begin()));
  for (const std::size_t i : KeptColours(counts, std::max<uint64_t>(1, pixels >> 10)))
    if (std::find(kept.begin(), kept.end(), i) == kept.end()) kept.push_back(i);
  std::vector<uint8_t> index;
  return FramePalette(FarthestFirst(colours, kept, &index, kSharedEntries));
}

uint8_t FramePalette::Nearest(uint32_t rgb) const {
  return channels_.Nearest(rgb, kPaletteDistance);
}

FramePngEncoder::FramePngEncoder() = default;
FramePngEncoder::~FramePngEncoder() = default;

std::string FramePngEncoder::Encode(const ColourRuns& runs, const std::vector<uint8_t>* same_rows) {
  std::unique_ptr<Last> last = std::move(last_);
  if (!SizesOk(runs.width, runs.height)) return "";
  if (same_rows && same_rows->size() != static_cast<std::size_t>(runs.height)) same_rows = nullptr;
  auto next = std::make_unique<Last>();
  std::string png = cl::Encode(runs, Compression::kFrame,
                               {same_rows ? last.get() : nullptr, same_rows, next.get(), &bands_copied_, palette_.get(),
                                &nearest_});
  last.reset();  // before the next is kept: never two frames' bands at once past this call
  if (!png.empty()) last_ = std::move(next);
  return png;
}

void FramePngEncoder::SetPalette(std::shared_ptr<const FramePalette> palette) {
  constexpr std::size_t kMostRemembered = std::size_t{1} << 16;  // a few MB at most
  if (nearest_.size() > kMostRemembered) nearest_.Clear();
  if (palette == palette_) return;
  palette_ = std::move(palette);
  nearest_.Clear();
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
