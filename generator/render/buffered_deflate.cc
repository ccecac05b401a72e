#include "render/buffered_deflate.h"

#include <libdeflate.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <unordered_set>
#include <vector>

namespace cl {
namespace {

// zlib's default level is 6; libdeflate's 6 is faster and no larger.
constexpr int kDefaultLevel = 6;

struct Stream {
  int level = kDefaultLevel;
  std::vector<uint8_t> input;
  std::vector<uint8_t> output;  // the zlib stream, once finished
  std::size_t given = 0;        // bytes of it handed out so far
  bool finished = false;
};

// The streams started here, by their state pointer: deflate and deflateEnd
// serve these and pass every other stream on to zlib.
class Registry {
 public:
  void Add(const void* state) {
    const std::lock_guard<std::mutex> hold(lock_);
    states_.insert(state);
  }
  void Remove(const void* state) {
    const std::lock_guard<std::mutex> hold(lock_);
    states_.erase(state);
  }
  bool Has(const void* state) {
    const std::lock_guard<std::mutex> hold(lock_);
    return states_.count(state) > 0;
  }

 private:
  std::mutex lock_;
  std::unordered_set<const void*> states_;
};

Registry& Streams() {
  static Registry* registry = new Registry;  // never destroyed: streams may end during exit
  return *registry;
}

Stream* StateOf(const z_stream* strm) {
  if (strm == nullptr || strm->state == nullptr || !Streams().Has(strm->state)) return nullptr;
  return reinterpret_cast<Stream*>(strm->state);
}

struct CompressorDeleter {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

// This thread's compressor for `level` (Cairo ends thousands of streams a
// lesson; a compressor is 0.65 MB to set up).
libdeflate_compressor* CompressorFor(int level) {
  thread_local std::unique_ptr<libdeflate_compressor, CompressorDeleter> compressor;
  thread_local int compressor_level = -1;
  if (!compressor || compressor_level != level) {
    compressor.reset(libdeflate_alloc_compressor(level));
    compressor_level = compressor ? level : -1;
  }
  return compressor.get();
}

bool Compress(Stream& s) {
  libdeflate_compressor* c = CompressorFor(s.level);
  if (c == nullptr) return false;
  s.output.resize(libdeflate_zlib_compress_bound(c, s.input.size()));
  const std::size_t n = libdeflate_zlib_compress(c, s.input.data(), s.input.size(), s.output.data(), s.output.size());
  if (n == 0) return false;
  s.output.resize(n);
  std::vector<uint8_t>().swap(s.input);
  return true;
}

}  // namespace

int BufferedDeflateInit(z_stream* strm, int level) noexcept {
  if (strm == nullptr) return Z_STREAM_ERROR;
  if (level == Z_DEFAULT_COMPRESSION) level = kDefaultLevel;
  if (level < 0 || level > 9) return Z_STREAM_ERROR;
  try {
    auto s = std::make_unique<Stream>();
    s->level = level;
    Streams().Add(s.get());
    strm->state = reinterpret_cast<internal_state*>(s.release());
  } catch (const std::bad_alloc&) {
    return Z_MEM_ERROR;
  }
  strm->total_in = strm->total_out = 0;
  strm->msg = nullptr;
  strm->data_type = Z_UNKNOWN;
  strm->adler = 1;
  return Z_OK;
}

int BufferedDeflate(z_stream* strm, int flush) noexcept {
  Stream* s = StateOf(strm);
  if (s == nullptr || (strm->next_out == nullptr && strm->avail_out > 0) ||
      (strm->next_in == nullptr && strm->avail_in > 0))
    return Z_STREAM_ERROR;
  if (flush != Z_NO_FLUSH && flush != Z_FINISH) return Z_STREAM_ERROR;
  if (s->finished && (strm->avail_in > 0 || flush != Z_FINISH)) return Z_STREAM_ERROR;
  if (strm->avail_in > 0) {
    try {
      s->input.insert(s->input.end(), strm->next_in, strm->next_in + strm->avail_in);
    } catch (const std::bad_alloc&) {
      return Z_MEM_ERROR;
    }
    strm->next_in += strm->avail_in;
    strm->total_in += strm->avail_in;
    strm->avail_in = 0;
    if (flush == Z_NO_FLUSH) return Z_OK;
  }
  if (flush == Z_NO_FLUSH) return Z_BUF_ERROR;  // no progress possible: no input
  if (!s->finished) {
    strm->adler = static_cast<uLong>(libdeflate_adler32(1, s->input.data(), s->input.size()));
    try {
      if (!Compress(*s)) return Z_MEM_ERROR;
    } catch (const std::bad_alloc&) {
      return Z_MEM_ERROR;
    }
    s->finished = true;
  }
  const std::size_t left = s->output.size() - s->given;
  if (left > 0 && strm->avail_out == 0) return Z_BUF_ERROR;
  const std::size_t n = std::min<std::size_t>(left, strm->avail_out);
  if (n > 0) std::memcpy(strm->next_out, s->output.data() + s->given, n);
  s->given += n;
  strm->next_out += n;
  strm->avail_out -= static_cast<uInt>(n);
  strm->total_out += n;
  return s->given == s->output.size() ? Z_STREAM_END : Z_OK;
}

int BufferedDeflateEnd(z_stream* strm) noexcept {
  Stream* s = StateOf(strm);
  if (s == nullptr) return Z_STREAM_ERROR;
  // As zlib: an error when input was given and not all its output taken.
  const bool discarded = s->finished ? s->given < s->output.size() : !s->input.empty();
  Streams().Remove(s);
  delete s;
  strm->state = nullptr;
  return discarded ? Z_DATA_ERROR : Z_OK;
}

bool IsBufferedDeflate(const z_stream* strm) noexcept {
  try {
    return StateOf(strm) != nullptr;
  } catch (...) {  // a lock that cannot be taken
    return false;
  }
}

}  // namespace cl
