#include "render/gif_encoder.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <iterator>
#include <memory>
#include <new>
#include <optional>
#include <utility>
#include <vector>

#include "base/thread_owned.h"
#include "render/colour_map.h"

namespace cl {

namespace {

constexpr int kMaxLzwCode = 4095;  // codes are at most 12 bits
constexpr std::size_t kSubBlock = 255;

void AppendWord(std::string* out, int value) {
  out->push_back(static_cast<char>(value & 0xff));
  out->push_back(static_cast<char>((value >> 8) & 0xff));
}

// The dictionary of an LZW writer: the code of (prefix code, next index) for
// every string added since the last clear, in a hash table small enough to
// stay in the first-level cache (32 KB: 8192 slots for at most 3837
// strings, probed in turn). A direct table of every key (4 MB) took one load
// a look-up, but one that missed the caches: a quarter of a GIF frame's
// coding time went to it on the default lesson's text.
// Keys are index << 12 | prefix (20 bits); a slot holds key << 12 | code,
// or all ones when free (prefix 4095 never occurs: a clear comes first).
class LzwDictionary {
 public:
  static constexpr uint32_t kCodeBits = 12;
  LzwDictionary() { Clear(); }
  void Clear() { std::fill(std::begin(slots_), std::end(slots_), kFree); }
  // The code of `key` (index << 12 | prefix), or -1 with *empty the slot
  // where AddAt can put it (a miss is mostly followed by adding the key:
  // its probe is not made twice).
  int Find(uint32_t key, uint32_t* empty) const {
    for (uint32_t at = Hash(key);; at = (at + 1) & kMask) {
      const uint32_t slot = slots_[at];
      if (slot == kFree) {
        *empty = at;
        return -1;
      }
      if (slot >> kCodeBits == key) return static_cast<int>(slot & kMaxLzwCode);
    }
  }
  // `key` at the slot Find gave for it, with nothing added since.
  void AddAt(uint32_t empty, uint32_t key, int code) { slots_[empty] = key << kCodeBits | static_cast<uint32_t>(code); }

 private:
  static constexpr uint32_t kSlotBits = 13;
  static constexpr uint32_t kMask = (uint32_t{1} << kSlotBits) - 1;
  static constexpr uint32_t kFree = ~uint32_t{0};
  static uint32_t Hash(uint32_t key) { return (key * 2654435761u) >> (32 - kSlotBits); }
  uint32_t slots_[std::size_t{1} << kSlotBits];
};

// The LZW-coded image data of one frame: the minimum code size, the codes
// in sub-blocks of at most 255 bytes, and the empty block that ends them.
// The codes are those giflib writes: a clear code first, greedy longest
// matches, the code width grown after writing a code once the next free code
// needs more bits, and a clear code (instead of a new string) when code 4095
// would be next.
//
// Frames are mostly long runs of one index (and, after the first frame, of
// the transparent index), so runs take a shortcut that gives the same codes:
// the strings of one index repeated that the dictionary holds are exactly
// those of lengths 1..M (a string of k + 1 is only added after the string of
// k), so the greedy match through a run is known without walking it pixel by
// pixel: it takes min(M, what is left) pixels at a time.
class LzwWriter {
 public:
  LzwWriter(int min_code_size, std::string* out)
      : out_(out), min_code_size_(min_code_size), clear_(1 << min_code_size), end_(clear_ + 1) {
    // Per thread, on the heap: as thread_local objects they sat in every
    // thread's static TLS block, which glibc zeroes for each thread made
    // (hundreds per build) and keeps resident in the stacks it caches; now
    // only threads that write a GIF pay for them.
    dict_ = &ThreadOwned<LzwDictionary>();
    repeats_ = &ThreadOwned<RepeatStrings>();
    out_->push_back(static_cast<char>(min_code_size));
    Reset();
    Emit(clear_);
  }

  // `length` pixels of index `value`.
  // The match and the tables are held in locals here: the codes' bytes are
  // written through `char`, which may alias any member, so members were
  // stored and loaded again at every pixel.
  void PutRun(uint8_t value, std::size_t length) {
    if (length == 0) return;
    int current = current_;
    if (current < 0) current = value, --length;
    const LzwDictionary& dict = *dict_;
    const RepeatStrings& repeats = *repeats_;
    while (length > 0) {
      if (repeats.byte[current] == value) {
        current = TakeRun(dict, repeats, current, value, length);
        break;
      }
      current = Step(dict, current, value);
      --length;
    }
    current_ = current;
  }

  void Finish() {
    Emit(current_);
    Emit(end_);
    codes_.resize(size_ + 8);  // room for the last (at most 4) bytes
    for (; bit_count_ > 0; bit_count_ -= 8, bits_ >>= 8) codes_[size_++] = static_cast<char>(bits_ & 0xff);
    codes_.resize(size_);
    for (std::size_t at = 0; at < codes_.size(); at += kSubBlock) {
      const std::size_t n = std::min(kSubBlock, codes_.size() - at);
      out_->push_back(static_cast<char>(n));
      out_->append(codes_, at, n);
    }
    out_->push_back('\0');
  }

 private:
  // Which codes stand for one index repeated: byte[code] is the index (or
  // -1), length[code] how many times; CodeOf(index, k) is the code of the
  // index repeated k times, for k up to longest[index]. The codes of the
  // longer repeats (k >= 2) grow a list per index: a table of every index
  // and length (2 MB) took a fresh huge page per thread for a few indices'
  // repeats, which this project's VMs charge 1-4 ms for.
  struct RepeatStrings {
    int16_t byte[kMaxLzwCode + 1] = {};
    uint16_t length[kMaxLzwCode + 1] = {};
    uint16_t longest[256] = {};
    std::vector<uint16_t> longer[256];  // longer[index][k - 2]: the code of index repeated k times

    uint16_t CodeOf(uint8_t index, std::size_t k) const { return k == 1 ? index : longer[index][k - 2]; }
  };

  // One pixel the plain way after the match `current`: the match extended,
  // or written and a new one begun at the pixel. Returns the match.
  int Step(const LzwDictionary& dict, int current, uint8_t pixel) {
    const uint32_t key = uint32_t{pixel} << LzwDictionary::kCodeBits | static_cast<uint32_t>(current);
    uint32_t empty = 0;
    const int code = dict.Find(key, &empty);
    if (code >= 0) return code;
    Emit(current);
    if (next_code_ >= kMaxLzwCode) {
      Emit(clear_);
      Reset();
    } else {
      Add(empty, key, current, pixel);
    }
    return pixel;
  }

  // `run` pixels of `pixel` after the match `current`, `pixel` repeated.
  // Returns the match.
  int TakeRun(const LzwDictionary& dict, const RepeatStrings& r, int current, uint8_t pixel, std::size_t run) {
    while (run > 0) {
      const std::size_t have = r.length[current], longest = r.longest[pixel];
      if (have + run <= longest) return r.CodeOf(pixel, have + run);  // the whole rest extends the match
      // The match grows to the longest repeat, then the next pixel misses.
      run -= longest - have;
      current = r.CodeOf(pixel, longest);
      if (run == 0) return current;
      current = Step(dict, current, pixel);  // a miss: writes the longest repeat and adds one longer
      --run;
    }
    return current;
  }

  void Add(uint32_t empty, uint32_t key, int prefix, uint8_t pixel) {
    const int code = next_code_++;
    dict_->AddAt(empty, key, code);
    RepeatStrings& r = *repeats_;
    if (r.byte[prefix] == pixel) {
      const uint16_t length = r.length[prefix] + 1;
      r.byte[code] = pixel;
      r.length[code] = length;
      r.longer[pixel].push_back(static_cast<uint16_t>(code));  // the repeat one longer than the longest so far
      r.longest[pixel] = length;
    } else {
      r.byte[code] = -1;
    }
  }

  void Reset() {
    next_code_ = end_ + 1;
    code_bits_ = min_code_size_ + 1;
    code_limit_ = 1 << code_bits_;
    dict_->Clear();
    RepeatStrings& r = *repeats_;
    for (int b = 0; b < clear_; ++b) {
      r.byte[b] = static_cast<int16_t>(b);
      r.length[b] = 1;
      r.longest[b] = 1;
      r.longer[b].clear();
    }
    r.byte[clear_] = r.byte[end_] = -1;
  }
  // The codes' bits go out 4 whole bytes at a time, into room kept ahead
  // in codes_ (a byte appended at a time was a sixth of the writer).
  void Emit(int code) {
    bits_ |= static_cast<uint64_t>(code) << bit_count_;
    bit_count_ += code_bits_;
    if (bit_count_ >= 32) {
      if (size_ + 8 > codes_.size()) codes_.resize(std::max<std::size_t>(256, codes_.size() * 2));
      for (int k = 0; k < 4; ++k) codes_[size_ + static_cast<std::size_t>(k)] = static_cast<char>(bits_ >> (8 * k));
      size_ += 4;
      bits_ >>= 32;
      bit_count_ -= 32;
    }
    if (next_code_ >= code_limit_) code_limit_ = 1 << ++code_bits_;
  }

  std::string* out_;
  LzwDictionary* dict_;
  RepeatStrings* repeats_;
  std::string codes_;
  std::size_t size_ = 0;  // the bytes of codes_ written (the rest is room)
  const int min_code_size_, clear_, end_;
  int next_code_ = 0, code_bits_ = 0, code_limit_ = 0;
  int current_ = -1;  // the code of the string matched so far; -1 before the first pixel
  uint64_t bits_ = 0;
  int bit_count_ = 0;
};

// A stretch of pixels of one palette index.
struct Run {
  uint8_t index;
  std::size_t length;
};

// A row's runs, read where they are held.
class RunSpan {
 public:
  RunSpan() = default;
  RunSpan(const uint8_t* index, const uint16_t* length, std::size_t size) : index_(index), length_(length), size_(size) {}
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  Run operator[](std::size_t i) const { return Run{index_[i], length_[i]}; }
  Run back() const { return (*this)[size_ - 1]; }
  // Whether run i here and run j of `other` are the same run (index and
  // length): started at one pixel, they cover the same pixels alike.
  bool SameRun(std::size_t i, const RunSpan& other, std::size_t j) const {
    return index_[i] == other.index_[j] && length_[i] == other.length_[j];
  }
  std::size_t length(std::size_t i) const { return length_[i]; }

 private:
  const uint8_t* index_ = nullptr;
  const uint16_t* length_ = nullptr;
  std::size_t size_ = 0;
};

// The rows of a frame on a canvas `width` wide, top to bottom, as runs of one
// index: cut or filled with `fill` to the canvas width, rows below the frame
// all `fill`. A frame as wide as the canvas is read in place (copying each
// row's runs was a tenth of a long lesson's GIF).
class RowRuns {
 public:
  RowRuns(const GifIndexFrame& frame, int width, uint8_t fill) : frame_(frame), width_(width), fill_(fill) {}

  // Row y; y never decreases between calls. Valid until the next call.
  RunSpan Row(int y) {
    if (y == at_) return row_;
    if (y >= frame_.height) {
      if (at_ < frame_.height) {
        index_.assign(1, fill_);
        length_.assign(1, static_cast<uint16_t>(width_));
        row_ = RunSpan(index_.data(), length_.data(), 1);
      }
      at_ = y;
      return row_;
    }
    const bool continues = y == at_ + 1 && frame_.row_same[static_cast<std::size_t>(y)];
    at_ = y;
    if (continues) return row_;
    const auto defining = static_cast<std::size_t>(DefiningRow(frame_, y));
    const std::size_t first = frame_.row_first[defining], end = frame_.row_first[defining + 1];
    if (frame_.width == width_) {
      row_ = RunSpan(frame_.run_index.data() + first, frame_.run_length.data() + first, end - first);
    } else {
      Read(first, end);
    }
    return row_;
  }
  // Row y holds the same indices as row y - 1 (y >= 1).
  bool RepeatsAbove(int y) const {
    return y >= frame_.height ? y > frame_.height : frame_.row_same[static_cast<std::size_t>(y)] != 0;
  }

 private:
  // Runs [first, end) of the frame, cut or filled to the canvas width.
  void Read(std::size_t first, std::size_t end) {
    index_.clear();
    length_.clear();
    std::size_t left = static_cast<std::size_t>(width_);
    auto add = [this](uint8_t index, std::size_t n) {
      if (!index_.empty() && index_.back() == index) {
        length_.back() = static_cast<uint16_t>(length_.back() + n);
      } else {
        index_.push_back(index);
        length_.push_back(static_cast<uint16_t>(n));
      }
    };
    for (std::size_t r = first; r < end && left > 0; ++r) {
      const std::size_t n = std::min<std::size_t>(frame_.run_length[r], left);
      add(frame_.run_index[r], n);
      left -= n;
    }
    if (left > 0) add(fill_, left);
    row_ = RunSpan(index_.data(), length_.data(), index_.size());
  }

  const GifIndexFrame& frame_;
  int width_;  // at most 65535: a run of it fits 16 bits
  uint8_t fill_;
  std::vector<uint8_t> index_;  // a row read (cut or filled)
  std::vector<uint16_t> length_;
  RunSpan row_;
  int at_ = -1;
};

// The first pixel where two rows of equal width differ (the width when none).
std::size_t FirstDifference(const RunSpan& a, const RunSpan& b) {
  std::size_t x = 0, i = 0, j = 0, a_left = a.empty() ? 0 : a[0].length, b_left = b.empty() ? 0 : b[0].length;
  while (i < a.size() && j < b.size()) {
    // Runs that start together and are the same (most of two frames' rows)
    // are passed a run a step; the general step splits the longer run.
    if (a_left == a.length(i) && b_left == b.length(j)) {
      while (a.SameRun(i, b, j)) {
        x += a.length(i);
        if (++i == a.size() || ++j == b.size()) return x;
      }
      a_left = a.length(i), b_left = b.length(j);
    }
    if (a[i].index != b[j].index) return x;
    const std::size_t n = std::min(a_left, b_left);
    x += n, a_left -= n, b_left -= n;
    if (a_left == 0 && ++i < a.size()) a_left = a[i].length;
    if (b_left == 0 && ++j < b.size()) b_left = b[j].length;
  }
  return x;
}

// The last pixel where two rows of `width` pixels differ; they must differ.
std::size_t LastDifference(const RunSpan& a, const RunSpan& b, std::size_t width) {
  std::size_t x = width, i = a.size(), j = b.size(), a_left = a.back().length, b_left = b.back().length;
  while (i > 0 && j > 0) {
    if (a_left == a.length(i - 1) && b_left == b.length(j - 1)) {  // runs that end together
      while (a.SameRun(i - 1, b, j - 1)) {
        x -= a.length(i - 1);
        if (--i == 0 || --j == 0) return x - 1;
      }
      a_left = a.length(i - 1), b_left = b.length(j - 1);
    }
    if (a[i - 1].index != b[j - 1].index) return x - 1;
    const std::size_t n = std::min(a_left, b_left);
    x -= n, a_left -= n, b_left -= n;
    if (a_left == 0 && --i > 0) a_left = a[i - 1].length;
    if (b_left == 0 && --j > 0) b_left = b[j - 1].length;
  }
  return x - 1;
}

// Calls put(index, length) for pixels [left, right] of row `now`, every
// pixel as it is when before is null. Against row `before` (pixels `left`
// and `right` must then differ from it), a pixel that differs shows its
// index, and one that does not may show its index or `clear` alike: in a
// stretch of such equal pixels, those at its start of the index of the
// pixel before the stretch show it, joining that piece; the rest show the
// index of the pixel after the stretch if all of them have it, else they
// are `clear`. The same pixels then come in fewer pieces, which the LZW
// codes in fewer, longer strings (the course's GIFs 0.5-6 % smaller than
// with every equal pixel clear), at about the same cost. Neighbouring
// pieces of one index are joined.
template <typename Put>
void ForEachPiece(const RunSpan& now, const RunSpan* before, std::size_t left, std::size_t right,
                  uint8_t clear, Put put) {
  constexpr int kMixed = -1;
  // The piece not yet put (none at first: an empty clear one; putting
  // nothing writes nothing).
  uint8_t pending = clear;
  std::size_t pending_length = 0;
  int pending_shows = kMixed;  // when pending is clear: the one index its pixels all have in `now`, else kMixed
  // Pixels of `index` that differ from the frame before's: a clear piece
  // before them of that index alone shows it too.
  const auto differ = [&](uint8_t index, std::size_t n) {
    if (pending == clear && pending_shows == index) pending = index;
    if (pending != index) put(pending, pending_length), pending = index, pending_length = 0;
    pending_length += n;
  };
  // Pixels of `index` equal to the frame before's: they join the piece
  // before them when it shows their index or is clear, else start a clear one.
  const auto same = [&](uint8_t index, std::size_t n) {
    if (pending == index) {
      pending_length += n;
    } else if (pending == clear) {
      if (pending_shows != index) pending_shows = kMixed;
      pending_length += n;
    } else {
      put(pending, pending_length);
      pending = clear, pending_length = n, pending_shows = index;
    }
  };
  std::size_t i = 0, j = 0, i_start = 0, j_start = 0;  // runs and the pixel each starts at
  for (std::size_t x = left; x <= right;) {
    while (i_start + now[i].length <= x) i_start += now[i++].length;
    std::size_t end = std::min(right + 1, i_start + now[i].length);
    const uint8_t index = now[i].index;
    if (before) {
      while (j_start + (*before)[j].length <= x) j_start += (*before)[j++].length;
      if (i_start == x && j_start == x) {
        // Runs that start here and are the same: equal, a run a step.
        const std::size_t from = x;
        while (i < now.size() && j < before->size() && x + now.length(i) <= right + 1 && now.SameRun(i, *before, j)) {
          same(now[i].index, now.length(i));
          x += now.length(i++), ++j;
        }
        if (x > from) {
          i_start = j_start = x;
          continue;
        }
      }
      end = std::min(end, j_start + (*before)[j].length);
      if ((*before)[j].index == index) {
        same(index, end - x);
        x = end;
        continue;
      }
    }
    differ(index, end - x);
    x = end;
  }
  put(pending, pending_length);
}

}  // namespace

struct GifAnimationEncoder::State {
  int width = 0, height = 0;
  GifPalette palette;
  uint64_t serial = 0;  // tells this encoder's memo of nearest entries from another's
  uint8_t fill = 0;
  std::string bytes;
  bool started = false, failed = false;
  int frames = 0;
  GifIndexFrame shown;  // the last frame added

  bool Fail(std::string message, std::string* error) {
    failed = true;
    if (error) *error = std::move(message);
    return false;
  }

  int MinCodeSize() const {
    int bits = 1;
    while ((1 << bits) < palette.table_size()) ++bits;
    return std::max(2, bits);
  }

  // Header, logical screen, global palette and the NETSCAPE2.0 loop-forever
  // block.
  void Start() {
    bytes = "GIF89a";
    AppendWord(&bytes, width);
    AppendWord(&bytes, height);
    int table_bits = 1;
    while ((1 << table_bits) < palette.table_size()) ++table_bits;
    // A global table, 8 bits of colour resolution, the table's size.
    bytes.push_back(static_cast<char>(0x80 | (7 << 4) | (table_bits - 1)));
    bytes.push_back('\0');  // background: entry 0
    bytes.push_back('\0');  // no aspect ratio
    for (int i = 0; i < palette.table_size(); ++i) {
      const Color c = i < static_cast<int>(palette.colors().size()) ? palette.colors()[static_cast<std::size_t>(i)] : Color{0, 0, 0};
      bytes.push_back(static_cast<char>(c.r));
      bytes.push_back(static_cast<char>(c.g));
      bytes.push_back(static_cast<char>(c.b));
    }
    static const char kLoop[] = "\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00";
    bytes.append(kLoop, sizeof kLoop - 1);
    started = true;
  }

  bool CheckSize(std::string* error) {
    if (failed) return Fail("gif: encoder already failed", error);
    if (width < 1 || height < 1 || width > 65535 || height > 65535) {
      return Fail("gif: animation size out of range", error);
    }
    return true;
  }
};

GifAnimationEncoder::GifAnimationEncoder(int width, int height, GifPalette palette, uint8_t fill_index)
    : state_(std::make_unique<State>()) {
  state_->width = width;
  state_->height = height;
  state_->palette = std::move(palette);
  state_->fill = fill_index;
  static std::atomic<uint64_t> serials{0};
  state_->serial = ++serials;
}

GifAnimationEncoder::~GifAnimationEncoder() = default;

GifIndexFrame GifAnimationEncoder::Index(const ColourRuns& frame, const GifIndexFrame* before,
                                         const std::vector<uint8_t>* unchanged) const {
  if (before == nullptr || unchanged == nullptr || before->width != frame.width || before->height != frame.height ||
      unchanged->size() != static_cast<std::size_t>(frame.height) || before->row_first.size() != frame.row_first.size())
    before = nullptr;
  // Each thread remembers the entries it found for this encoder's palette:
  // a photograph's frames have thousands of colours, mostly the frame
  // before's, each a search of up to 255 entries.
  thread_local struct {
    uint64_t serial = 0;
    ColourMap entry;
  } memo;
  constexpr std::size_t kMostRemembered = std::size_t{1} << 16;  // a few MB at most
  if (memo.serial != state_->serial || memo.entry.size() > kMostRemembered)
    memo.serial = state_->serial, memo.entry.Clear();
  std::vector<uint8_t> index_of(frame.colours.size());
  for (std::size_t i = 0; i < frame.colours.size(); ++i)
    index_of[i] = memo.entry.FindOrSet(frame.colours[i], [&] { return state_->palette.Nearest(frame.colours[i]); });
  GifIndexFrame out;
  out.width = frame.width;
  out.height = frame.height;
  out.row_same = frame.row_same;
  out.row_first.reserve(frame.row_first.size());
  out.run_index.reserve(frame.run_colour.size());
  out.run_length.reserve(frame.run_colour.size());
  // Neighbouring runs of colours that share an entry become one run.
  for (int y = 0; y < frame.height; ++y) {
    if (before != nullptr && RunsUnchanged(*unchanged, y)) {
      // `before`'s pixels after the same row above: its runs, for the whole
      // stretch of such rows at once (row by row, two inserts a row).
      int end = y + 1;
      while (end < frame.height && RunsUnchanged(*unchanged, end)) ++end;
      const std::size_t from = before->row_first[static_cast<std::size_t>(y)],
                        to = before->row_first[static_cast<std::size_t>(end)], first = out.run_index.size();
      const auto begin_at = static_cast<std::ptrdiff_t>(from), end_at = static_cast<std::ptrdiff_t>(to);
      out.run_index.insert(out.run_index.end(), before->run_index.begin() + begin_at, before->run_index.begin() + end_at);
      out.run_length.insert(out.run_length.end(), before->run_length.begin() + begin_at, before->run_length.begin() + end_at);
      for (int row = y; row < end; ++row)
        out.row_first.push_back(first + (before->row_first[static_cast<std::size_t>(row)] - from));
      y = end - 1;  // the stretch's last row
      continue;
    }
    out.row_first.push_back(out.run_index.size());
    int last = -1;  // the index of the row's last run so far
    for (std::size_t r = frame.row_first[y], end = frame.row_first[y + 1]; r < end; ++r) {
      const uint8_t index = index_of[frame.run_colour[r]];
      if (index == last) {
        out.run_length.back() = static_cast<uint16_t>(out.run_length.back() + frame.run_length[r]);  // within the row
      } else {
        out.run_index.push_back(index);
        out.run_length.push_back(frame.run_length[r]);
        last = index;
      }
    }
  }
  out.row_first.push_back(out.run_index.size());
  return out;
}

std::string GifAnimationEncoder::FrameBytes(const GifIndexFrame* before, const GifIndexFrame& now, int delay_cs) const {
  const State& s = *state_;
  const int transparent = s.palette.transparent_index();
  // The box of changed pixels, row by row on runs (rows that both repeat the
  // row above differ as that row did).
  int left = 0, top = 0, right = s.width - 1, bottom = s.height - 1;
  // Rows known to be the frame before's: equal, so all transparent.
  const bool known = before != nullptr && before->width == now.width && before->height == now.height &&
                     now.unchanged.size() == static_cast<std::size_t>(now.height);
  const auto unchanged = [&](int y) { return known && y < now.height && now.unchanged[static_cast<std::size_t>(y)]; };
  // Per row, the first and last pixel that differ from the frame before
  // (first past the last: none), found once for the box and for the codes.
  std::vector<std::pair<int, int>> differ;
  if (before != nullptr) {
    RowRuns now_rows(now, s.width, s.fill), before_rows(*before, s.width, s.fill);
    left = s.width, right = -1, top = s.height, bottom = -1;
    differ.assign(static_cast<std::size_t>(s.height), {s.width, -1});
    bool equal = true;
    std::size_t first = 0, last = 0;
    for (int y = 0; y < s.height; ++y) {
      if (unchanged(y)) {
        equal = true;  // and so is a row below that repeats it in both
        continue;
      }
      if (y == 0 || !now_rows.RepeatsAbove(y) || !before_rows.RepeatsAbove(y)) {
        const RunSpan a = now_rows.Row(y), b = before_rows.Row(y);
        first = FirstDifference(a, b);
        equal = first == static_cast<std::size_t>(s.width);
        if (!equal) last = LastDifference(a, b, static_cast<std::size_t>(s.width));
      }
      if (equal) continue;
      differ[static_cast<std::size_t>(y)] = {static_cast<int>(first), static_cast<int>(last)};
      left = std::min(left, static_cast<int>(first));
      right = std::max(right, static_cast<int>(last));
      top = std::min(top, y);
      bottom = std::max(bottom, y);
    }
    if (right < 0) left = top = right = bottom = 0;  // nothing changed: one transparent pixel
  }
  const int w = right - left + 1, h = bottom - top + 1;
  std::string out;
  // Graphics control: keep the frame when the next is drawn over it, its
  // delay, and the transparent index after the first frame.
  const int delay = std::clamp(delay_cs, 1, 65535);
  out.append("\x21\xf9\x04", 3);
  out.push_back(static_cast<char>((1 << 2) | (before != nullptr ? 1 : 0)));
  AppendWord(&out, delay);
  out.push_back(before != nullptr ? static_cast<char>(transparent) : '\xff');
  out.push_back('\0');
  // Image descriptor: the box, no local palette, not interlaced.
  out.push_back('\x2c');
  AppendWord(&out, left);
  AppendWord(&out, top);
  AppendWord(&out, w);
  AppendWord(&out, h);
  out.push_back('\0');

  LzwWriter lzw(s.MinCodeSize(), &out);
  RowRuns now_rows(now, s.width, s.fill);
  std::optional<RowRuns> before_rows;
  if (before != nullptr) before_rows.emplace(*before, s.width, s.fill);
  const auto clear = static_cast<uint8_t>(transparent);
  const auto put = [&lzw](uint8_t index, std::size_t n) { lzw.PutRun(index, n); };
  for (int y = top; y <= bottom; ++y) {
    if (!before_rows) {
      ForEachPiece(now_rows.Row(y), nullptr, static_cast<std::size_t>(left), static_cast<std::size_t>(right), clear, put);
      continue;
    }
    // Clear outside the row's differing stretch (a frame's box is mostly
    // rows like that), ForEachPiece's pieces within it.
    const auto [first, last] = differ[static_cast<std::size_t>(y)];
    if (first > last) {
      put(clear, static_cast<std::size_t>(right) - static_cast<std::size_t>(left) + 1);
      continue;
    }
    if (first > left) put(clear, static_cast<std::size_t>(first - left));
    const RunSpan before_row = before_rows->Row(y);
    ForEachPiece(now_rows.Row(y), &before_row, static_cast<std::size_t>(first), static_cast<std::size_t>(last), clear, put);
    if (last < right) put(clear, static_cast<std::size_t>(right - last));
  }
  lzw.Finish();
  return out;
}

bool GifAnimationEncoder::AppendFrame(const std::string& frame_bytes, std::string* error) {
  State& s = *state_;
  if (!s.CheckSize(error)) return false;
  if (!s.started) s.Start();
  s.bytes += frame_bytes;
  ++s.frames;
  return true;
}

bool GifAnimationEncoder::AddFrame(const ColourRuns& frame, int delay_cs, std::string* error) {
  State& s = *state_;
  if (!s.CheckSize(error)) return false;
  try {
    GifIndexFrame indexed = Index(frame);
    const std::string bytes = FrameBytes(s.frames == 0 ? nullptr : &s.shown, indexed, delay_cs);
    if (!AppendFrame(bytes, error)) return false;
    s.shown = std::move(indexed);
    return true;
  } catch (const std::bad_alloc&) {
    return s.Fail("gif: out of memory", error);
  }
}

bool GifAnimationEncoder::AddFrame(const RasterImage& frame, int delay_cs, std::string* error) {
  State& s = *state_;
  if (!s.CheckSize(error)) return false;
  if (frame.width != s.width || frame.height != s.height ||
      frame.argb.size() != static_cast<size_t>(s.width) * static_cast<size_t>(s.height)) {
    return s.Fail("gif: frame size differs from the animation's", error);
  }
  ColourRunsReader reader(frame.width, frame.height);
  reader.Add(frame.argb.data(), frame.height, static_cast<std::size_t>(frame.width));
  return AddFrame(reader.Finish(), delay_cs, error);
}

std::string GifAnimationEncoder::TakeBytes() { return std::exchange(state_->bytes, std::string()); }

bool GifAnimationEncoder::Finish(std::string* gif, std::string* error) {
  State& s = *state_;
  if (s.failed) return s.Fail("gif: encoder already failed", error);
  if (s.frames == 0) return s.Fail("gif: no frames", error);
  s.bytes.push_back('\x3b');  // trailer
  *gif = std::move(s.bytes);
  s.failed = true;  // spent
  return true;
}

}  // namespace cl
