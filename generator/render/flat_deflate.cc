#include "render/flat_deflate.h"

#include <libdeflate.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <bit>
#include <memory>
#include <optional>
#include <cstring>
#include <utility>
#include <vector>

#include "base/thread_owned.h"

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

// One LZ77 symbol with what coding it needs: a literal (symbol < 256) or a
// match's length symbol (257..285) with its extra bits' value, and its
// distance symbol with its extra bits' value.
struct Token {
  uint16_t symbol;
  uint16_t distance_extra;
  uint8_t length_extra;
  uint8_t distance_symbol;
};

// A block's symbols as they are found, and how often each occurs (what
// its Huffman codes are fitted to), counted as they are added; the block's
// end counted from the start.
struct TokenBlock {
  std::vector<Token> tokens;
  uint32_t litlen_frequency[kLitLenSymbols];
  uint32_t distance_frequency[kDistanceSymbols];

  TokenBlock() { Clear(); }

  void Literal(uint8_t byte) {
    tokens.push_back({byte, 0, 0, 0});
    ++litlen_frequency[byte];
  }
  // A match of `length` (3..258) at `distance`, whose symbol `distance_index` is.
  void Match(std::size_t length, std::size_t distance, int distance_index) {
    const int l = kLengthIndex[length];
    tokens.push_back({static_cast<uint16_t>(257 + l), static_cast<uint16_t>(distance - kDistanceBase[distance_index]),
                      static_cast<uint8_t>(length - kLengthBase[l]), static_cast<uint8_t>(distance_index)});
    ++litlen_frequency[257 + l];
    ++distance_frequency[distance_index];
  }
  void Clear() {
    tokens.clear();
    std::fill(std::begin(litlen_frequency), std::end(litlen_frequency), 0);
    std::fill(std::begin(distance_frequency), std::end(distance_frequency), 0);
    litlen_frequency[kEndOfBlock] = 1;
  }
};

// How many bytes from a on equal those from b (b may overlap a), at most `max`:
// 16 bytes a compare where SSE2 is (every x86-64), else 8. Past the first 16,
// 32 bytes a step: most matches of flat art run to deflate's longest (258),
// and one branch per 32 bytes is a third fewer instructions there.
[[gnu::always_inline]] inline std::size_t MatchLength(const uint8_t* a, const uint8_t* b, std::size_t max) {
  std::size_t n = 0;
#if defined(__SSE2__)
  if (16 <= max) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(a));
    const __m128i y = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b));
    const auto equal = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, y)));
    if (equal != 0xFFFFu) return static_cast<std::size_t>(__builtin_ctz(~equal));
    n = 16;
  }
  while (n + 32 <= max) {
    const __m128i x0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(a + n));
    const __m128i y0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + n));
    const __m128i x1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(a + n + 16));
    const __m128i y1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + n + 16));
    const __m128i e0 = _mm_cmpeq_epi8(x0, y0), e1 = _mm_cmpeq_epi8(x1, y1);
    if (_mm_movemask_epi8(_mm_and_si128(e0, e1)) != 0xFFFF) {
      const auto equal = static_cast<unsigned>(_mm_movemask_epi8(e0)) | static_cast<unsigned>(_mm_movemask_epi8(e1)) << 16;
      return n + static_cast<std::size_t>(__builtin_ctz(~equal));
    }
    n += 32;
  }
  while (n + 16 <= max) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(a + n));
    const __m128i y = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + n));
    const auto equal = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, y)));
    if (equal != 0xFFFFu) return n + static_cast<std::size_t>(__builtin_ctz(~equal));
    n += 16;
  }
#endif
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

// Deflate writes bits from the least significant end of each byte. The
// bits go 8 bytes at a time into a buffer of the writer's own (never
// cleared: a block reserves room for its worst case, and a cleared string
// of that size was a memset per block), appended to the output by Finish;
// Reserve makes room for what follows first (a block's codes were a
// quarter of a frame's encoding when each 4 bytes were appended).
class BitWriter {
 public:
  explicit BitWriter(std::string* out) : out_(out) {}
  // Room for `bytes` more bytes of bits.
  void Reserve(std::size_t bytes) {
    const std::size_t needed = size_ + bytes + 8;
    if (capacity_ >= needed) return;
    const std::size_t capacity = std::max(needed, capacity_ * 2);
    std::unique_ptr<char[]> grown(new char[capacity]);
    if (size_ > 0) std::memcpy(grown.get(), buffer_.get(), size_);
    buffer_ = std::move(grown);
    capacity_ = capacity;
  }
  // Where the next bits go, for a run of puts into room reserved first
  // (Open, then Close). Held in the caller's locals, its fields stay in
  // registers: the buffer's bytes are chars, which may alias any field of
  // the writer, so each put through the writer loaded and stored them again.
  struct Cursor {
    uint64_t bits;  // as bits_
    int filled;     // as filled_
    char* at;       // the buffer at size_
    // Appends the low `count` bits of `value` (count <= 56).
    void Put(uint64_t value, int count) {
      bits |= value << filled;
      filled += count;
      StoreWord(bits, at);
      const int whole = filled & ~7;
      at += whole / 8;
      bits = whole == 64 ? 0 : bits >> whole;
      filled -= whole;
    }
  };
  // Room for `bytes` more bytes of bits, and where they go.
  Cursor Open(std::size_t bytes) {
    Reserve(bytes);
    return {bits_, filled_, buffer_.get() + size_};
  }
  void Close(const Cursor& cursor) {
    bits_ = cursor.bits;
    filled_ = cursor.filled;
    size_ = static_cast<std::size_t>(cursor.at - buffer_.get());
  }
  // Appends the low `count` bits of `value` (count <= 56), in reserved room.
  void Put(uint64_t value, int count) {
    Cursor cursor{bits_, filled_, buffer_.get() + size_};
    cursor.Put(value, count);
    Close(cursor);
  }
  // Bits put so far.
  std::size_t BitCount() const { return size_ * 8 + static_cast<std::size_t>(filled_); }
  // Appends the first `count` bits of `bits` (as this writer lays them out).
  // 64 bits a step: a frame copies most of its bands this way.
  void PutBits(const std::string& bits, std::size_t count) {
    Reserve(count / 8 + 16);
    const auto* b = reinterpret_cast<const uint8_t*>(bits.data());
    std::size_t i = 0;
    for (; (i + 8) * 8 <= count; i += 8) {
      const uint64_t word = LoadWord(b + i);
      StoreWord(bits_ | word << filled_, buffer_.get() + size_);
      size_ += 8;
      bits_ = filled_ == 0 ? 0 : word >> (64 - filled_);
    }
    for (; i * 8 < count; ++i) Put(b[i], static_cast<int>(std::min<std::size_t>(8, count - i * 8)));
  }
  // Pads the last byte with zeros and appends the bytes to the output.
  void Finish() {
    if (filled_ > 0) {
      Reserve(1);
      buffer_[size_++] = static_cast<char>(bits_);
    }
    out_->append(buffer_.get(), size_);
    size_ = 0;
    filled_ = 0;
    bits_ = 0;
  }

 private:
  // The 8 bytes at `from` as a word, the first the lowest (StoreWord's order).
  static uint64_t LoadWord(const uint8_t* from) {
    uint64_t word = 0;
    if constexpr (std::endian::native == std::endian::little) {
      std::memcpy(&word, from, 8);
    } else {
      for (int k = 7; k >= 0; --k) word = word << 8 | from[k];
    }
    return word;
  }
  // The 8 bytes of `word`, least significant first, at `to`.
  static void StoreWord(uint64_t word, char* to) {
    if constexpr (std::endian::native == std::endian::little) {
      std::memcpy(to, &word, 8);
    } else {
      for (int i = 0; i < 8; ++i) to[i] = static_cast<char>(word >> (8 * i));
    }
  }

  std::string* out_;
  std::unique_ptr<char[]> buffer_;
  std::size_t capacity_ = 0;
  std::size_t size_ = 0;  // whole bytes of bits so far
  uint64_t bits_ = 0;     // fewer than 8 bits not yet whole bytes, then the bits just put
  int filled_ = 0;
};

// Huffman code lengths of at most `limit` bits for `n` symbols of these
// frequencies (0: no code). At least two symbols get a code, so every code is
// complete, as all inflaters accept. Ties go by symbol, so equal input gives
// equal codes.
void BuildLengths(const uint32_t* frequency, int n, int limit, uint8_t* lengths) {
  // On the stack: three codes a block, and a block every 4096 symbols.
  constexpr std::size_t kMostSymbols = kLitLenSymbols, kMostNodes = 2 * kMostSymbols - 1;
  // Frequency << 16 | symbol, least frequent first (ties by symbol): one
  // integer compares faster than a pair, with the same order.
  std::array<uint64_t, kMostSymbols> used;
  const auto symbol_of = [&used](std::size_t i) { return static_cast<int>(used[i] & 0xFFFF); };
  std::size_t m = 0;
  for (int s = 0; s < n; ++s)
    if (frequency[s]) used[m++] = uint64_t{frequency[s]} << 16 | static_cast<uint64_t>(s);
  for (int s = 0; m < 2; ++s)
    if (!frequency[s]) used[m++] = uint64_t{1} << 16 | static_cast<uint64_t>(s);
  std::sort(used.begin(), used.begin() + static_cast<std::ptrdiff_t>(m));
  std::fill(lengths, lengths + n, 0);
  // Huffman's tree with two queues (leaves in order, inner nodes as made,
  // which come out in order too), then the depth of each leaf.
  std::array<uint64_t, kMostNodes> weight;
  std::array<std::size_t, kMostNodes> parent{};
  for (std::size_t i = 0; i < m; ++i) weight[i] = used[i] >> 16;
  std::size_t leaf = 0, inner = m;
  for (std::size_t node = m; node < 2 * m - 1; ++node) {
    const auto take = [&] { return leaf < m && (inner >= node || weight[leaf] <= weight[inner]) ? leaf++ : inner++; };
    const std::size_t a = take(), b = take();
    weight[node] = weight[a] + weight[b];
    parent[a] = parent[b] = node;
  }
  std::array<int, kMostNodes> depth{};
  std::array<int, kMostSymbols + 1> count{};  // by depth: at most m - 1 (<= n) or `limit` (<= 15)
  for (std::size_t node = 2 * m - 1; node-- > 0;) {
    if (node != 2 * m - 2) depth[node] = depth[parent[node]] + 1;
    if (node < m) ++count[depth[node]];
  }
  // Too deep: fold the deepest codes up to the limit, then lengthen the
  // deepest shorter codes until the lengths are a complete code again.
  const std::size_t depths = std::max<std::size_t>(m, static_cast<std::size_t>(limit)) + 1;
  for (std::size_t d = static_cast<std::size_t>(limit) + 1; d < depths; ++d) count[limit] += count[d], count[d] = 0;
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
    for (int k = 0; k < count[d]; ++k) lengths[symbol_of(--next)] = static_cast<uint8_t>(d);
}

// Each byte with its bits in the opposite order.
constexpr std::array<uint8_t, 256> kReversedByte = [] {
  std::array<uint8_t, 256> reversed{};
  for (int v = 0; v < 256; ++v)
    for (int b = 0; b < 8; ++b) reversed[static_cast<std::size_t>(v)] |= static_cast<uint8_t>(((v >> b) & 1) << (7 - b));
  return reversed;
}();

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
    // Its 16 bits reversed a byte at a time, then shifted to its length.
    const int reversed = kReversedByte[code & 0xFF] << 8 | kReversedByte[code >> 8];
    codes[s] = static_cast<uint16_t>(reversed >> (16 - lengths[s]));
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

// One dynamic-Huffman block of the block's tokens (RFC 1951, 3.2.7).
void WriteBlock(const TokenBlock& block, BitWriter* out) {
  const std::vector<Token>& tokens = block.tokens;
  Code litlen, distance;
  litlen.Fit(block.litlen_frequency, kLitLenSymbols, kMaxCodeBits);
  distance.Fit(block.distance_frequency, kDistanceSymbols, kMaxCodeBits);
  int hlit = kLitLenSymbols, hdist = kDistanceSymbols;
  while (hlit > 257 && litlen.lengths[hlit - 1] == 0) --hlit;
  while (hdist > 1 && distance.lengths[hdist - 1] == 0) --hdist;

  // Both codes' lengths as one sequence, runs shortened with symbols 16
  // (repeat the previous length 3-6 times), 17 (3-10 zeros), 18 (11-138 zeros).
  std::array<uint8_t, kLitLenSymbols + kDistanceSymbols> sequence;
  std::copy_n(litlen.lengths.begin(), hlit, sequence.begin());
  std::copy_n(distance.lengths.begin(), hdist, sequence.begin() + hlit);
  const std::size_t sequence_size = static_cast<std::size_t>(hlit) + static_cast<std::size_t>(hdist);
  std::array<std::pair<uint8_t, uint8_t>, kLitLenSymbols + kDistanceSymbols> runs;  // (symbol, extra bits' value)
  std::size_t run_count = 0;
  uint32_t cl_frequency[kCodeLengthSymbols] = {};
  const auto emit = [&](int symbol, int extra) {
    runs[run_count++] = {static_cast<uint8_t>(symbol), static_cast<uint8_t>(extra)};
    ++cl_frequency[symbol];
  };
  for (std::size_t i = 0; i < sequence_size;) {
    const uint8_t length = sequence[i];
    std::size_t run = 1;
    while (i + run < sequence_size && sequence[i + run] == length) ++run;
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

  // The header: at most 17 + 19 * 3 bits and 316 lengths of 7 + 7 bits;
  // a token: at most 15 + 5 + 15 + 13 bits.
  BitWriter::Cursor w = out->Open(16 + (run_count * 14 + 7) / 8 + tokens.size() * 6 + 8);
  w.Put(0, 1);  // not the last block (the stream ends with an empty one)
  w.Put(2, 2);  // dynamic Huffman codes
  w.Put(static_cast<uint32_t>(hlit - 257), 5);
  w.Put(static_cast<uint32_t>(hdist - 1), 5);
  w.Put(static_cast<uint32_t>(hclen - 4), 4);
  for (int i = 0; i < hclen; ++i) w.Put(cl.lengths[kCodeLengthOrder[i]], 3);
  for (std::size_t r = 0; r < run_count; ++r) {
    const auto [symbol, extra] = runs[r];
    w.Put(cl.bits[symbol], cl.lengths[symbol]);
    if (symbol == 16) w.Put(extra, 2);
    if (symbol == 17) w.Put(extra, 3);
    if (symbol == 18) w.Put(extra, 7);
  }
  for (const Token& t : tokens) {
    if (t.symbol < kEndOfBlock) {
      w.Put(litlen.bits[t.symbol], litlen.lengths[t.symbol]);
      continue;
    }
    // Length code, its extra bits, distance code and its extra bits in one
    // put: at most 15 + 5 + 15 + 13 bits.
    const int l = t.symbol - 257, d = t.distance_symbol;
    int count = litlen.lengths[t.symbol];
    uint64_t bits = litlen.bits[t.symbol] | uint64_t{t.length_extra} << count;
    count += kLengthExtra[l];
    bits |= uint64_t{distance.bits[d]} << count;
    count += distance.lengths[d];
    bits |= uint64_t{t.distance_extra} << count;
    w.Put(bits, count + kDistanceExtra[d]);
  }
  w.Put(litlen.bits[kEndOfBlock], litlen.lengths[kEndOfBlock]);
  out->Close(w);
}

// zlib's adler32_combine: the Adler-32 of a's bytes then b's (b_bytes of them).
uint32_t CombineAdler(uint32_t a, uint32_t b, std::size_t b_bytes) {
  constexpr uint32_t kBase = 65521;
  const auto rem = static_cast<uint32_t>(b_bytes % kBase);
  uint32_t sum1 = a & 0xFFFF;
  uint32_t sum2 = static_cast<uint32_t>((uint64_t{rem} * sum1) % kBase);
  sum1 += (b & 0xFFFF) + kBase - 1;
  sum2 += ((a >> 16) & 0xFFFF) + ((b >> 16) & 0xFFFF) + kBase - rem;
  if (sum1 >= kBase) sum1 -= kBase;
  if (sum1 >= kBase) sum1 -= kBase;
  if (sum2 >= (kBase << 1)) sum2 -= (kBase << 1);
  if (sum2 >= kBase) sum2 -= kBase;
  return sum1 | (sum2 << 16);
}

// Where each 4 bytes were last seen (position + 1, 0: never), one table
// per thread for the writers it runs in turn: positions count on from one
// writer to the next, so what a writer before left lies below this
// writer's bands and is never taken, and the 64 KB are not cleared for each
// frame (the default lesson's build made 92 writers). A thread's writers
// run one at a time: each lives within one frame's encoding.
struct LastSeenTable {
  std::vector<uint32_t> slots = std::vector<uint32_t>(std::size_t{1} << kFarTableBits, 0);
  std::size_t next_base = 0;  // where the next writer's positions start

  // The first position of a writer of `size` bytes.
  std::size_t Take(std::size_t size) {
    constexpr std::size_t kMostPositions = 0xFFFFFFFE;  // position + 1 must fit a slot
    if (size > kMostPositions || next_base > kMostPositions - size) {  // start again
      std::fill(slots.begin(), slots.end(), 0);
      next_base = 0;
    }
    const std::size_t base = next_base;
    next_base += size;
    return base;
  }
};

}  // namespace

struct FlatZlibWriter::State {
  std::size_t row_bytes = 0, size = 0;
  std::size_t up = 0;             // the distance to the row above (0: rows wider than the window)
  std::size_t pixel = 1;          // the distance to the pixel before
  std::size_t band_bytes = 0;     // a whole band's
  // The row above the band being gathered (when there is one), then the band's bytes so far.
  std::vector<uint8_t> buffer;
  bool has_above = false;
  std::size_t band_start = 0;     // the input position of the band's first byte
  std::size_t added = 0;          // bytes given (or skipped) so far
  uint32_t adler = 1;
  std::string* out = nullptr;
  std::optional<BitWriter> bits;
  TokenBlock block;
  uint32_t* last_seen = nullptr;  // the thread's LastSeenTable
  std::size_t base = 0;           // where this writer's positions start in it
  bool keep_bands = false;
  std::vector<FlatBand> bands;

  // The longest match for the bytes at position i from the last place their
  // first 4 bytes were seen, if that is in this band (so a band's matches
  // depend on its bytes alone); records i as that place. Sets *distance.
  std::size_t FarMatch(std::size_t i, const uint8_t* here, std::size_t max, std::size_t* distance) {
    if (max < 4) return 0;
    // The bytes in a fixed order, so every machine finds the same matches.
    const uint32_t word = uint32_t{here[0]} | uint32_t{here[1]} << 8 | uint32_t{here[2]} << 16 | uint32_t{here[3]} << 24;
    uint32_t& slot = last_seen[(word * 0x9E3779B1u) >> (32 - kFarTableBits)];
    const std::size_t seen = slot, at = base + i;
    slot = static_cast<uint32_t>(at + 1);
    if (seen == 0 || seen - 1 < base + band_start || at - (seen - 1) > kWindow) return 0;
    *distance = at - (seen - 1);
    return MatchLength(here, here - *distance, max);
  }

  // Codes the band gathered in `buffer`, greedy as fast deflate levels are,
  // into blocks of its own: matches reach no further back than the row
  // above it, and none runs past its end.
  FlatBand CodeBand() {
    const std::size_t above = has_above ? row_bytes : 0;
    const std::size_t end = band_start + (buffer.size() - above);
    const std::size_t lowest = band_start - above;  // the first position held
    const uint8_t* data = buffer.data() - lowest;   // input position p is data[p]
    FlatBand band;
    band.bytes = end - band_start;
    band.adler = libdeflate_adler32(1, buffer.data() + above, band.bytes);
    BitWriter band_bits(&band.bits);
    block.Clear();
    // The two distances most matches have, their symbols found once.
    const int up_index = up ? DistanceIndex(up) : 0, pixel_index = DistanceIndex(pixel);
    for (std::size_t i = band_start; i < end;) {
      // At each byte the longer of the run going on and the row above, if it
      // is long enough, else a literal.
      const std::size_t max = std::min(kMaxMatch, end - i);
      const uint8_t* here = data + i;
      const std::size_t run = i >= lowest + pixel ? MatchLength(here, here - pixel, max) : 0;
      // (The row above cannot beat a run as long as a match can be.)
      const std::size_t over = up && run < max && i >= lowest + up ? MatchLength(here, here - up, max) : 0;
      if (over >= kMinAboveMatch && over > run) {
        block.Match(over, up, up_index);
        i += over;
      } else if (run >= kMinMatch) {
        block.Match(run, pixel, pixel_index);
        i += run;
      } else if (std::size_t distance = 0, far = FarMatch(i, here, max, &distance); far >= kMinFarMatch) {
        block.Match(far, distance, DistanceIndex(distance));
        i += far;
      } else {
        block.Literal(*here);
        ++i;
      }
      if (block.tokens.size() == kBlockTokens || i == end) {
        WriteBlock(block, &band_bits);
        block.Clear();
      }
    }
    band.bit_count = band_bits.BitCount();
    band_bits.Finish();
    return band;
  }

  // Appends a band's bits and sum to the stream and keeps the band if
  // asked; the buffer must then hold just the band's last row (the next
  // band's above).
  void Append(FlatBand band) {
    bits->PutBits(band.bits, band.bit_count);
    adler = CombineAdler(adler, band.adler, band.bytes);
    band_start += band.bytes;
    has_above = true;
    if (keep_bands) bands.push_back(std::move(band));
  }

  void EndBand() {
    FlatBand band = CodeBand();
    if (buffer.size() > row_bytes)  // else it holds just that row already
      std::copy(buffer.end() - static_cast<std::ptrdiff_t>(row_bytes), buffer.end(), buffer.begin());
    buffer.resize(row_bytes);
    Append(std::move(band));
  }
};

FlatZlibWriter::FlatZlibWriter(std::size_t row_bytes, std::size_t rows, std::string* out, std::size_t pixel_bytes,
                               bool keep_bands)
    : state_(std::make_unique<State>()) {
  State& s = *state_;
  s.row_bytes = row_bytes;
  s.size = row_bytes * rows;
  s.up = row_bytes <= kWindow ? row_bytes : 0;
  s.pixel = std::clamp<std::size_t>(pixel_bytes, 1, 8);
  s.band_bytes = row_bytes * kFlatBandRows;
  s.out = out;
  s.keep_bands = keep_bands;
  LastSeenTable& table = ThreadOwned<LastSeenTable>();
  s.last_seen = table.slots.data();
  s.base = table.Take(s.size);
  out->append("\x78\x01", 2);  // deflate, 32 KiB window, "fastest" (the check bits make it a multiple of 31)
  s.bits.emplace(out);
  s.block.tokens.reserve(kBlockTokens);
  s.buffer.reserve(s.band_bytes + row_bytes);
}

FlatZlibWriter::~FlatZlibWriter() = default;

void FlatZlibWriter::Add(const uint8_t* bytes, std::size_t n) {
  State& s = *state_;
  n = std::min(n, s.size - s.added);
  while (n > 0) {
    const std::size_t gathered = s.added - s.band_start;
    const std::size_t take = std::min(n, s.band_bytes - gathered);
    s.buffer.insert(s.buffer.end(), bytes, bytes + take);
    s.added += take, bytes += take, n -= take;
    if (s.added - s.band_start == s.band_bytes) s.EndBand();
  }
}

void FlatZlibWriter::ExpectBytes(std::size_t bytes) { state_->bits->Reserve(bytes); }

void FlatZlibWriter::EndBand() {
  State& s = *state_;
  if (s.added > s.band_start) s.EndBand();
}

bool FlatZlibWriter::AddCodedBand(FlatBand band, const uint8_t* last_row) {
  State& s = *state_;
  if (s.added != s.band_start || band.bytes == 0 || band.bytes > std::min(s.band_bytes, s.size - s.added)) return false;
  s.added += band.bytes;
  s.buffer.assign(last_row, last_row + s.row_bytes);
  s.Append(std::move(band));
  return true;
}

std::vector<FlatBand> FlatZlibWriter::Finish() {
  State& s = *state_;
  if (s.added < s.size) {  // never short of bytes: the rest are zeros
    const std::vector<uint8_t> zeros(s.size - s.added, 0);
    Add(zeros.data(), zeros.size());
  }
  if (s.added > s.band_start) s.EndBand();
  // An empty last block (fixed codes: the end-of-block code is 7 zero bits),
  // so no band's bits depend on whether it is the last.
  s.bits->Reserve(2);
  s.bits->Put(1, 1);
  s.bits->Put(1, 2);
  s.bits->Put(0, 7);
  s.bits->Finish();
  const uint32_t adler = s.adler;
  const char check[4] = {static_cast<char>(adler >> 24), static_cast<char>(adler >> 16), static_cast<char>(adler >> 8),
                         static_cast<char>(adler)};
  s.out->append(check, 4);
  return std::move(s.bands);
}

void AppendFlatZlib(const uint8_t* data, std::size_t row_bytes, std::size_t rows, std::string* out,
                    std::size_t pixel_bytes) {
  FlatZlibWriter writer(row_bytes, rows, out, pixel_bytes);
  writer.Add(data, row_bytes * rows);
  writer.Finish();
}

}  // namespace cl
