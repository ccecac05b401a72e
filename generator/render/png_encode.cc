#include "render/png_encode.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>

namespace cl {
namespace {

// --- Deflate: runs and 3-byte repeats, one dynamic Huffman block (RFC 1951) --

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

// A literal (length == 0, the byte in `value`) or a match of `length` bytes
// at distance 1 or 3 (in `value`).
struct Token {
  uint16_t length;
  uint16_t value;
};

constexpr int kLengthBase[] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                               31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr int kLengthExtra[] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};

// Length 3..258 -> index into kLengthBase (symbol 257 + index).
const std::array<uint8_t, 259>& LengthIndex() {
  static const std::array<uint8_t, 259> table = [] {
    std::array<uint8_t, 259> t{};
    for (int len = 3; len <= 258; ++len) {
      int i = 28;
      while (kLengthBase[i] > len) --i;
      t[static_cast<std::size_t>(len)] = static_cast<uint8_t>(i);
    }
    return t;
  }();
  return table;
}

// Distance 1 is distance code 0, distance 3 is code 2; neither has extra bits.
int DistanceSymbol(int distance) { return distance == 1 ? 0 : 2; }

// Length of the match of data[i..] against data[i - distance..], at most 258.
std::size_t MatchLength(const uint8_t* data, std::size_t i, std::size_t end, std::size_t distance) {
  const std::size_t limit = std::min<std::size_t>(end - i, 258);
  std::size_t n = 0;
  while (n < limit && data[i + n] == data[i + n - distance]) ++n;
  return n;
}

// Greedy parse: a run (distance 1) when one starts here, else a repeat of the
// previous pixel (distance 3), else a literal. Flat areas become long matches.
std::vector<Token> Tokenize(const uint8_t* data, std::size_t size) {
  std::vector<Token> tokens;
  tokens.reserve(size / 8 + 16);
  std::size_t i = 0;
  while (i < size) {
    if (i >= 1) {
      const std::size_t run = MatchLength(data, i, size, 1);
      if (run >= 3) {
        tokens.push_back({static_cast<uint16_t>(run), 1});
        i += run;
        continue;
      }
    }
    if (i >= 3) {
      const std::size_t repeat = MatchLength(data, i, size, 3);
      if (repeat >= 4) {
        tokens.push_back({static_cast<uint16_t>(repeat), 3});
        i += repeat;
        continue;
      }
    }
    tokens.push_back({0, data[i]});
    ++i;
  }
  return tokens;
}

// Huffman code lengths for `freq`, none longer than `limit`. Symbols with
// frequency 0 get length 0; a lone used symbol gets length 1. Deterministic:
// ties break by symbol. Too-long codes are avoided by flattening the
// frequencies and trying again, which costs little on these alphabets.
std::vector<int> CodeLengths(std::vector<uint64_t> freq, int limit) {
  const std::size_t n = freq.size();
  std::vector<int> lengths(n, 0);
  for (;;) {
    struct Node {
      uint64_t weight;
      int order;  // tie-break: leaves by symbol, then internal nodes by creation
      int left, right;
    };
    std::vector<Node> nodes;
    std::vector<int> live;
    for (std::size_t s = 0; s < n; ++s)
      if (freq[s] > 0) {
        nodes.push_back({freq[s], static_cast<int>(s), -1, static_cast<int>(s)});
        live.push_back(static_cast<int>(nodes.size()) - 1);
      }
    std::fill(lengths.begin(), lengths.end(), 0);
    if (live.empty()) return lengths;
    if (live.size() == 1) {
      lengths[static_cast<std::size_t>(nodes[0].right)] = 1;
      return lengths;
    }
    auto heavier = [&nodes](int a, int b) {
      return nodes[a].weight != nodes[b].weight ? nodes[a].weight > nodes[b].weight : nodes[a].order > nodes[b].order;
    };
    std::make_heap(live.begin(), live.end(), heavier);
    int next_order = static_cast<int>(n);
    while (live.size() > 1) {
      std::pop_heap(live.begin(), live.end(), heavier);
      const int a = live.back();
      live.pop_back();
      std::pop_heap(live.begin(), live.end(), heavier);
      const int b = live.back();
      live.pop_back();
      nodes.push_back({nodes[a].weight + nodes[b].weight, next_order++, a, b});
      live.push_back(static_cast<int>(nodes.size()) - 1);
      std::push_heap(live.begin(), live.end(), heavier);
    }
    // Depth of every leaf, walking down from the root.
    int longest = 0;
    std::vector<std::pair<int, int>> stack = {{live[0], 0}};
    while (!stack.empty()) {
      const auto [node, depth] = stack.back();
      stack.pop_back();
      if (nodes[node].left < 0) {
        lengths[static_cast<std::size_t>(nodes[node].right)] = depth;
        longest = std::max(longest, depth);
      } else {
        stack.push_back({nodes[node].left, depth + 1});
        stack.push_back({nodes[node].right, depth + 1});
      }
    }
    if (longest <= limit) return lengths;
    for (uint64_t& f : freq)
      if (f > 0) f = f / 2 + 1;
  }
}

// Canonical codes for `lengths` (RFC 1951, 3.2.2), bit-reversed for output.
std::vector<uint32_t> CanonicalCodes(const std::vector<int>& lengths) {
  int max_length = 0;
  for (int l : lengths) max_length = std::max(max_length, l);
  std::vector<int> count(static_cast<std::size_t>(max_length) + 1, 0);
  for (int l : lengths)
    if (l > 0) ++count[static_cast<std::size_t>(l)];
  std::vector<uint32_t> next(static_cast<std::size_t>(max_length) + 2, 0);
  uint32_t code = 0;
  for (int bits = 1; bits <= max_length; ++bits) {
    code = (code + static_cast<uint32_t>(count[static_cast<std::size_t>(bits) - 1])) << 1;
    next[static_cast<std::size_t>(bits)] = code;
  }
  std::vector<uint32_t> codes(lengths.size(), 0);
  for (std::size_t s = 0; s < lengths.size(); ++s) {
    const int l = lengths[s];
    if (l == 0) continue;
    uint32_t c = next[static_cast<std::size_t>(l)]++, reversed = 0;
    for (int k = 0; k < l; ++k) reversed |= ((c >> k) & 1u) << (l - 1 - k);
    codes[s] = reversed;
  }
  return codes;
}

// The code-length sequence with runs of zeros (17, 18) and repeats (16):
// pairs of (symbol, extra bits value).
std::vector<std::pair<int, int>> RunLengthCodeLengths(const std::vector<int>& lengths) {
  std::vector<std::pair<int, int>> out;
  for (std::size_t i = 0; i < lengths.size();) {
    const int l = lengths[i];
    std::size_t run = 1;
    while (i + run < lengths.size() && lengths[i + run] == l) ++run;
    if (l == 0 && run >= 3) {
      const std::size_t take = std::min<std::size_t>(run, 138);
      if (take >= 11) out.push_back({18, static_cast<int>(take - 11)});
      else out.push_back({17, static_cast<int>(take - 3)});
      i += take;
    } else if (l != 0 && run >= 4) {
      out.push_back({l, 0});
      const std::size_t take = std::min<std::size_t>(run - 1, 6);
      out.push_back({16, static_cast<int>(take - 3)});
      i += 1 + take;
    } else {
      out.push_back({l, 0});
      ++i;
    }
  }
  return out;
}

void Deflate(const uint8_t* data, std::size_t size, std::string* out) {
  const std::vector<Token> tokens = Tokenize(data, size);
  const auto& length_index = LengthIndex();

  std::vector<uint64_t> lit_freq(286, 0), dist_freq(30, 0);
  for (const Token& t : tokens) {
    if (t.length == 0) {
      ++lit_freq[t.value];
    } else {
      ++lit_freq[257 + static_cast<std::size_t>(length_index[t.length])];
      ++dist_freq[static_cast<std::size_t>(DistanceSymbol(t.value))];
    }
  }
  ++lit_freq[256];  // end of block
  if (dist_freq[0] == 0 && dist_freq[2] == 0) dist_freq[0] = 1;  // a distance code must exist

  const std::vector<int> lit_len = CodeLengths(lit_freq, 15), dist_len = CodeLengths(dist_freq, 15);
  const std::vector<uint32_t> lit_code = CanonicalCodes(lit_len), dist_code = CanonicalCodes(dist_len);

  std::size_t hlit = 286, hdist = 30;
  while (hlit > 257 && lit_len[hlit - 1] == 0) --hlit;
  while (hdist > 1 && dist_len[hdist - 1] == 0) --hdist;
  std::vector<int> all(lit_len.begin(), lit_len.begin() + static_cast<std::ptrdiff_t>(hlit));
  all.insert(all.end(), dist_len.begin(), dist_len.begin() + static_cast<std::ptrdiff_t>(hdist));
  const std::vector<std::pair<int, int>> runs = RunLengthCodeLengths(all);
  std::vector<uint64_t> cl_freq(19, 0);
  for (const auto& r : runs) ++cl_freq[static_cast<std::size_t>(r.first)];
  // Decoders refuse an incomplete code-length code: keep at least two symbols.
  if (std::count_if(cl_freq.begin(), cl_freq.end(), [](uint64_t f) { return f > 0; }) < 2)
    ++cl_freq[cl_freq[0] > 0 ? 1 : 0];
  const std::vector<int> cl_len = CodeLengths(cl_freq, 7);
  const std::vector<uint32_t> cl_code = CanonicalCodes(cl_len);
  static constexpr int kOrder[] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
  std::size_t hclen = 19;
  while (hclen > 4 && cl_len[static_cast<std::size_t>(kOrder[hclen - 1])] == 0) --hclen;

  BitWriter w(out);
  w.Put(0b101, 3);  // BFINAL = 1, BTYPE = 10 (dynamic Huffman)
  w.Put(static_cast<uint32_t>(hlit - 257), 5);
  w.Put(static_cast<uint32_t>(hdist - 1), 5);
  w.Put(static_cast<uint32_t>(hclen - 4), 4);
  for (std::size_t k = 0; k < hclen; ++k) w.Put(static_cast<uint32_t>(cl_len[static_cast<std::size_t>(kOrder[k])]), 3);
  for (const auto& [symbol, extra] : runs) {
    const auto s = static_cast<std::size_t>(symbol);
    w.Put(cl_code[s], cl_len[s]);
    if (symbol == 16) w.Put(static_cast<uint32_t>(extra), 2);
    if (symbol == 17) w.Put(static_cast<uint32_t>(extra), 3);
    if (symbol == 18) w.Put(static_cast<uint32_t>(extra), 7);
  }
  for (const Token& t : tokens) {
    if (t.length == 0) {
      w.Put(lit_code[t.value], lit_len[t.value]);
      continue;
    }
    const std::size_t i = length_index[t.length];
    w.Put(lit_code[257 + i], lit_len[257 + i]);
    if (kLengthExtra[i] > 0) w.Put(static_cast<uint32_t>(t.length - kLengthBase[i]), kLengthExtra[i]);
    const auto d = static_cast<std::size_t>(DistanceSymbol(t.value));
    w.Put(dist_code[d], dist_len[d]);
  }
  w.Put(lit_code[256], lit_len[256]);
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
