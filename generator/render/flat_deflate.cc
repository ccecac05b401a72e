#include "render/flat_deflate.h"

#include <libdeflate.h>

#include <algorithm>
#include <array>
#include <bit>
#include <optional>
#include <cstring>
#include <utility>
#include <vector>

namespace cl {
namespace {

// Deflate's limits (RFC 1951).
constexpr std::size_t kMinMatch = 3, kMaxMatch = 258, kWindow = 32768;
constexpr int kLitLenSymbols = 286, kDistanceSymbols = 30, kCodeLengthSymbols = 19;
constexpr int kEndOfBlock = 256;
constexpr int kMaxCodeBits = 15, kMaxCodeLengthBits = 7;

// Symbols per block: a block's Huffman codes follow the picture's changes
// (a band of text, then a band of flat cells) for a header of about 80 bytes.
// Measured on the default lesson's frames: 1 << 12 is the smallest of 2^11..2^16.
constexpr std::size_t kBlockTokens = 1 << 12;
// The shortest match to the row above worth taking: its distance costs 10
// or more extra bits, so short ones cost more than the literals they replace
// (10 measured smallest of 3..32; 3 makes files 4 % larger).
constexpr std::size_t kMinAboveMatch = 10;
// Where neither match holds (text: a digit's glyph drawn again in another
// cell), one look-up of the next 4 bytes in a table of where they were last
// seen finds the earlier copy, as fast deflate levels do; only a match of
// this length or more is taken.
constexpr std::size_t kMinFarMatch = 6;
constexpr int kFarTableBits = 14;

constexpr uint16_t kLengthBase[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                      31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr uint8_t kLengthExtra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                      2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr uint16_t kDistanceBase[30] = {1,    2,    3,    4,    5,    7,     9,     13,    17,  25,
                                        33,   49,   65,   97,   129,  193,   257,   385,   513, 769,
                                        1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr uint8_t kDistanceExtra[30] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6,
                                        6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
// The order the code length code's lengths are stored in.
constexpr uint8_t kCodeLengthOrder[kCodeLengthSymbols] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5,
                                                          11, 4,  12, 3, 13, 2, 14, 1, 15};

// Length 3..258 -> its symbol's index (0..28) in the tables above.
constexpr std::array<uint8_t, kMaxMatch + 1> kLengthIndex = [] {
  std::array<uint8_t, kMaxMatch + 1> index{};
  int code = 0;
  for (std::size_t length = kMinMatch; length <= kMaxMatch; ++length) {
    while (code < 28 && length >= kLengthBase[code + 1]) ++code;
    index[length] = static_cast<uint8_t>(code);
  }
  return index;
}();

// Distance 1..32768 -> its symbol's index (0..29) in the tables above: a
// table for distances up to 256, and one by (distance - 1) / 128 beyond, as
// zlib does (every symbol past 256 covers whole multiples of 128).
constexpr std::array<uint8_t, 512> kDistanceIndex = [] {
  std::array<uint8_t, 512> index{};
  auto slow = [](std::size_t distance) {
    int code = 0;
    while (code < 29 && distance >= kDistanceBase[code + 1]) ++code;
    return static_cast<uint8_t>(code);
  };
  for (std::size_t d = 1; d <= 256; ++d) index[d - 1] = slow(d);
  for (std::size_t k = 2; k < 256; ++k) index[256 + k] = slow(k * 128 + 1);
  return index;
}();

int DistanceIndex(std::size_t distance) {
  return distance <= 256 ? kDistanceIndex[distance - 1] : kDistanceIndex[256 + ((distance - 1) >> 7)];
}

// One LZ77 symbol: a literal byte (distance 0) or a match.
struct Token {
  uint16_t length_or_literal;
  uint16_t distance;
};

// How many bytes from a on equal those from b (b may overlap a), at most `max`.
std::size_t MatchLength(const uint8_t* a, const uint8_t* b, std::size_t max) {
  std::size_t n = 0;
  while (n + 8 <= max) {
    uint64_t x, y;
    std::memcpy(&x, a + n, 8);
    std::memcpy(&y, b + n, 8);
    if (x != y) {  // the first differing byte: the lowest one on a little-endian machine
      const int bit = std::endian::native == std::endian::little ? __builtin_ctzll(x ^ y) : __builtin_clzll(x ^ y);
      return n + static_cast<std::size_t>(bit / 8);
    }
    n += 8;
  }
  while (n < max && a[n] == b[n]) ++n;
  return n;
}

// Deflate writes bits from the least significant end of each byte.
class BitWriter {
 public:
  explicit BitWriter(std::string* out) : out_(out) {}
  // Appends the low `count` bits of `value` (count <= 32).
  void Put(uint32_t value, int count) {
    bits_ |= uint64_t{value} << filled_;
    filled_ += count;
    if (filled_ >= 32) {
      const char bytes[4] = {static_cast<char>(bits_), static_cast<char>(bits_ >> 8), static_cast<char>(bits_ >> 16),
                             static_cast<char>(bits_ >> 24)};
      out_->append(bytes, 4);
      bits_ >>= 32;
      filled_ -= 32;
    }
  }
  // Pads the last byte with zeros.
  void Finish() {
    for (; filled_ > 0; filled_ -= 8, bits_ >>= 8) out_->push_back(static_cast<char>(bits_));
    filled_ = 0;
    bits_ = 0;
  }

 private:
  std::string* out_;
  uint64_t bits_ = 0;
  int filled_ = 0;
};

// Huffman code lengths of at most `limit` bits for `n` symbols of these
// frequencies (0: no code). At least two symbols get a code, so every code is
// complete, as all inflaters accept. Ties go by symbol, so equal input gives
// equal codes.
void BuildLengths(const uint32_t* frequency, int n, int limit, uint8_t* lengths) {
  std::vector<std::pair<uint32_t, int>> used;  // (frequency, symbol), least frequent first
  for (int s = 0; s < n; ++s)
    if (frequency[s]) used.emplace_back(frequency[s], s);
  for (int s = 0; used.size() < 2; ++s)
    if (!frequency[s]) used.emplace_back(1, s);
  std::sort(used.begin(), used.end());
  std::fill(lengths, lengths + n, 0);
  // Huffman's tree with two queues (leaves in order, inner nodes as made,
  // which come out in order too), then the depth of each leaf.
  const std::size_t m = used.size();
  std::vector<uint64_t> weight(2 * m - 1);
  std::vector<std::size_t> parent(2 * m - 1, 0);
  for (std::size_t i = 0; i < m; ++i) weight[i] = used[i].first;
  std::size_t leaf = 0, inner = m;
  for (std::size_t node = m; node < 2 * m - 1; ++node) {
    const auto take = [&] { return leaf < m && (inner >= node || weight[leaf] <= weight[inner]) ? leaf++ : inner++; };
    const std::size_t a = take(), b = take();
    weight[node] = weight[a] + weight[b];
    parent[a] = parent[b] = node;
  }
  std::vector<int> depth(2 * m - 1, 0);
  std::vector<int> count(std::max<std::size_t>(m, static_cast<std::size_t>(limit)) + 1, 0);
  for (std::size_t node = 2 * m - 1; node-- > 0;) {
    if (node != 2 * m - 2) depth[node] = depth[parent[node]] + 1;
    if (node < m) ++count[depth[node]];
  }
  // Too deep: fold the deepest codes up to the limit, then lengthen the
  // deepest shorter codes until the lengths are a complete code again.
  for (std::size_t d = static_cast<std::size_t>(limit) + 1; d < count.size(); ++d) count[limit] += count[d], count[d] = 0;
  uint32_t kraft = 0;
  for (int d = limit; d > 0; --d) kraft += static_cast<uint32_t>(count[d]) << (limit - d);
  while (kraft > (1u << limit)) {
    --count[limit];
    for (int d = limit - 1; d > 0; --d)
      if (count[d]) {
        --count[d];
        count[d + 1] += 2;
        break;
      }
    --kraft;
  }
  // The most frequent symbols get the shortest codes.
  std::size_t next = m;
  for (int d = 1; d <= limit; ++d)
    for (int k = 0; k < count[d]; ++k) lengths[used[--next].second] = static_cast<uint8_t>(d);
}

// Canonical codes for the lengths, bit-reversed as deflate sends them.
void BuildCodes(const uint8_t* lengths, int n, uint16_t* codes) {
  int count[kMaxCodeBits + 1] = {};
  for (int s = 0; s < n; ++s) ++count[lengths[s]];
  count[0] = 0;
  int next[kMaxCodeBits + 1] = {};
  for (int bits = 1, code = 0; bits <= kMaxCodeBits; ++bits) next[bits] = code = (code + count[bits - 1]) << 1;
  for (int s = 0; s < n; ++s) {
    if (!lengths[s]) continue;
    const int code = next[lengths[s]]++;
    int reversed = 0;
    for (int b = 0; b < lengths[s]; ++b) reversed |= ((code >> b) & 1) << (lengths[s] - 1 - b);
    codes[s] = static_cast<uint16_t>(reversed);
  }
}

// A Huffman code: lengths and the bits to send.
struct Code {
  std::array<uint8_t, kLitLenSymbols> lengths{};
  std::array<uint16_t, kLitLenSymbols> bits{};
  void Fit(const uint32_t* frequency, int n, int limit) {
    BuildLengths(frequency, n, limit, lengths.data());
    BuildCodes(lengths.data(), n, bits.data());
  }
};

// One dynamic-Huffman block of `tokens` (RFC 1951, 3.2.7).
void WriteBlock(const std::vector<Token>& tokens, bool last, BitWriter* out) {
  uint32_t litlen_frequency[kLitLenSymbols] = {}, distance_frequency[kDistanceSymbols] = {};
  for (const Token& t : tokens) {
    if (t.distance == 0) {
      ++litlen_frequency[t.length_or_literal];
    } else {
      ++litlen_frequency[257 + kLengthIndex[t.length_or_literal]];
      ++distance_frequency[DistanceIndex(t.distance)];
    }
  }
  litlen_frequency[kEndOfBlock] = 1;
  Code litlen, distance;
  litlen.Fit(litlen_frequency, kLitLenSymbols, kMaxCodeBits);
  distance.Fit(distance_frequency, kDistanceSymbols, kMaxCodeBits);
  int hlit = kLitLenSymbols, hdist = kDistanceSymbols;
  while (hlit > 257 && litlen.lengths[hlit - 1] == 0) --hlit;
  while (hdist > 1 && distance.lengths[hdist - 1] == 0) --hdist;

  // Both codes' lengths as one sequence, runs shortened with symbols 16
  // (repeat the previous length 3-6 times), 17 (3-10 zeros), 18 (11-138 zeros).
  std::vector<uint8_t> sequence(litlen.lengths.begin(), litlen.lengths.begin() + hlit);
  sequence.insert(sequence.end(), distance.lengths.begin(), distance.lengths.begin() + hdist);
  std::vector<std::pair<uint8_t, uint8_t>> runs;  // (symbol, extra bits' value)
  uint32_t cl_frequency[kCodeLengthSymbols] = {};
  const auto emit = [&](int symbol, int extra) {
    runs.emplace_back(static_cast<uint8_t>(symbol), static_cast<uint8_t>(extra));
    ++cl_frequency[symbol];
  };
  for (std::size_t i = 0; i < sequence.size();) {
    const uint8_t length = sequence[i];
    std::size_t run = 1;
    while (i + run < sequence.size() && sequence[i + run] == length) ++run;
    i += run;
    if (length == 0) {
      for (; run >= 11; run -= std::min<std::size_t>(run, 138)) emit(18, static_cast<int>(std::min<std::size_t>(run, 138) - 11));
      if (run >= 3) emit(17, static_cast<int>(run - 3)), run = 0;
    } else {
      emit(length, 0), --run;
      for (; run >= 3; run -= std::min<std::size_t>(run, 6)) emit(16, static_cast<int>(std::min<std::size_t>(run, 6) - 3));
    }
    for (; run > 0; --run) emit(length, 0);
  }
  Code cl;
  cl.Fit(cl_frequency, kCodeLengthSymbols, kMaxCodeLengthBits);
  int hclen = kCodeLengthSymbols;
  while (hclen > 4 && cl.lengths[kCodeLengthOrder[hclen - 1]] == 0) --hclen;

  out->Put(last ? 1 : 0, 1);
  out->Put(2, 2);  // dynamic Huffman codes
  out->Put(static_cast<uint32_t>(hlit - 257), 5);
  out->Put(static_cast<uint32_t>(hdist - 1), 5);
  out->Put(static_cast<uint32_t>(hclen - 4), 4);
  for (int i = 0; i < hclen; ++i) out->Put(cl.lengths[kCodeLengthOrder[i]], 3);
  for (const auto& [symbol, extra] : runs) {
    out->Put(cl.bits[symbol], cl.lengths[symbol]);
    if (symbol == 16) out->Put(extra, 2);
    if (symbol == 17) out->Put(extra, 3);
    if (symbol == 18) out->Put(extra, 7);
  }
  for (const Token& t : tokens) {
    if (t.distance == 0) {
      out->Put(litlen.bits[t.length_or_literal], litlen.lengths[t.length_or_literal]);
      continue;
    }
    const int l = kLengthIndex[t.length_or_literal], d = DistanceIndex(t.distance);
    out->Put(litlen.bits[257 + l] | static_cast<uint32_t>(t.length_or_literal - kLengthBase[l]) << litlen.lengths[257 + l],
             litlen.lengths[257 + l] + kLengthExtra[l]);
    out->Put(distance.bits[d] | static_cast<uint32_t>(t.distance - kDistanceBase[d]) << distance.lengths[d],
             distance.lengths[d] + kDistanceExtra[d]);
  }
  out->Put(litlen.bits[kEndOfBlock], litlen.lengths[kEndOfBlock]);
}

}  // namespace

struct FlatZlibWriter::State {
  std::size_t row_bytes = 0, size = 0;
  std::size_t up = 0;             // the distance to the row above (0: rows wider than the window)
  std::size_t pixel = 1;          // the distance to the pixel before
  std::vector<uint8_t> window;    // input bytes from `base` on
  std::size_t base = 0;           // the input position of window[0]
  std::size_t added = 0, at = 0;  // bytes given so far; the next position to code
  uint32_t adler = 1;
  std::string* out = nullptr;
  std::optional<BitWriter> bits;
  std::vector<Token> tokens;
  std::vector<uint32_t> last_seen = std::vector<uint32_t>(std::size_t{1} << kFarTableBits, 0);  // position + 1

  // The longest match (within the window, still held) for the bytes at
  // position i, from the last place their first 4 bytes were seen; records
  // i as that place. Sets *distance.
  std::size_t FarMatch(std::size_t i, const uint8_t* here, std::size_t max, std::size_t* distance) {
    if (max < 4) return 0;
    // The bytes in a fixed order, so every machine finds the same matches.
    const uint32_t word = uint32_t{here[0]} | uint32_t{here[1]} << 8 | uint32_t{here[2]} << 16 | uint32_t{here[3]} << 24;
    uint32_t& slot = last_seen[(word * 0x9E3779B1u) >> (32 - kFarTableBits)];
    const std::size_t seen = slot;
    slot = static_cast<uint32_t>(i + 1);
    if (seen == 0 || seen - 1 < base || i - (seen - 1) > kWindow) return 0;
    *distance = i - (seen - 1);
    return MatchLength(here, here - *distance, max);
  }

  // Codes positions while their longest match (258 bytes) is known, or all
  // of them once every byte was given: greedy, as fast deflate levels are.
  void Code() {
    const uint8_t* data = window.data();  // input position p is data[p - base]
    const std::size_t end = added == size ? size : added >= kMaxMatch ? added - kMaxMatch + 1 : 0;
    std::size_t i = at;
    while (i < end) {
      // At each byte the longer of the run going on and the row above, if it
      // is long enough, else a literal.
      const std::size_t max = std::min(kMaxMatch, size - i);
      const uint8_t* here = data + (i - base);
      const std::size_t run = i >= pixel ? MatchLength(here, here - pixel, max) : 0;
      const std::size_t above = up && i >= up ? MatchLength(here, here - up, max) : 0;
      if (above >= kMinAboveMatch && above > run) {
        tokens.push_back({static_cast<uint16_t>(above), static_cast<uint16_t>(up)});
        i += above;
      } else if (run >= kMinMatch) {
        tokens.push_back({static_cast<uint16_t>(run), static_cast<uint16_t>(pixel)});
        i += run;
      } else if (std::size_t distance = 0, far = FarMatch(i, here, max, &distance); far >= kMinFarMatch) {
        tokens.push_back({static_cast<uint16_t>(far), static_cast<uint16_t>(distance)});
        i += far;
      } else {
        tokens.push_back({*here, 0});
        ++i;
      }
      if (tokens.size() == kBlockTokens && i < size) {
        WriteBlock(tokens, false, &*bits);
        tokens.clear();
      }
    }
    at = i;
    // Keep only what later matches can reach: deflate's window.
    const std::size_t keep_from = at - std::min(at, kWindow);
    if (keep_from > base && keep_from - base >= window.size() / 2) {
      window.erase(window.begin(), window.begin() + static_cast<std::ptrdiff_t>(keep_from - base));
      base = keep_from;
    }
  }
};

FlatZlibWriter::FlatZlibWriter(std::size_t row_bytes, std::size_t rows, std::string* out, std::size_t pixel_bytes)
    : state_(std::make_unique<State>()) {
  State& s = *state_;
  s.row_bytes = row_bytes;
  s.size = row_bytes * rows;
  s.up = row_bytes <= kWindow ? row_bytes : 0;
  s.pixel = std::clamp<std::size_t>(pixel_bytes, 1, 8);
  s.out = out;
  out->append("\x78\x01", 2);  // deflate, 32 KiB window, "fastest" (the check bits make it a multiple of 31)
  s.bits.emplace(out);
  s.tokens.reserve(kBlockTokens);
}

FlatZlibWriter::~FlatZlibWriter() = default;

void FlatZlibWriter::Add(const uint8_t* bytes, std::size_t n) {
  State& s = *state_;
  n = std::min(n, s.size - s.added);
  s.window.insert(s.window.end(), bytes, bytes + n);
  s.adler = libdeflate_adler32(s.adler, bytes, n);
  s.added += n;
  s.Code();
}

void FlatZlibWriter::Finish() {
  State& s = *state_;
  if (s.added < s.size) {  // never short of bytes: the rest are zeros
    const std::vector<uint8_t> zeros(s.size - s.added, 0);
    Add(zeros.data(), zeros.size());
  }
  WriteBlock(s.tokens, true, &*s.bits);
  s.bits->Finish();
  const uint32_t adler = s.adler;
  const char check[4] = {static_cast<char>(adler >> 24), static_cast<char>(adler >> 16), static_cast<char>(adler >> 8),
                         static_cast<char>(adler)};
  s.out->append(check, 4);
}

void AppendFlatZlib(const uint8_t* data, std::size_t row_bytes, std::size_t rows, std::string* out,
                    std::size_t pixel_bytes) {
  FlatZlibWriter writer(row_bytes, rows, out, pixel_bytes);
  writer.Add(data, row_bytes * rows);
  writer.Finish();
}

}  // namespace cl
