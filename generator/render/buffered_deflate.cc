#include "render/buffered_deflate.h"

#include <libdeflate.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <unordered_set>
#include <vector>

#include "render/deflate_compressor.h"

namespace cl {
namespace {

// zlib's default level is 6; libdeflate's 6 is faster and no larger.
constexpr int kDefaultLevel = 6;

// (Its first bytes are never a z_stream's address, which zlib's own
// functions check a state for before they touch it.)
struct Stream {
  int level = kDefaultLevel;
  bool called = false;    // deflate was called (zlib writes its header then)
  bool finished = false;  // compressed: the output is made
  std::vector<uint8_t> input;
  std::unique_ptr<uint8_t[]> output;  // the zlib stream, once finished (not zeroed first)
  std::size_t output_size = 0, given = 0;
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

Stream* StateOf(const z_stream* strm) noexcept {
  if (strm == nullptr || strm->state == nullptr) return nullptr;
  try {
    return Streams().Has(strm->state) ? reinterpret_cast<Stream*>(strm->state) : nullptr;
  } catch (...) {  // a lock that cannot be taken
    return nullptr;
  }
}

// zlib's deflate never runs out of memory once started, and its callers
// (Cairo's deflate stream) retry an error for ever: a stream that cannot be
// made ends the program, as running out of memory anywhere else would.
[[noreturn]] void OutOfMemory() noexcept {
  std::fputs("convlesson: out of memory compressing a PDF stream\n", stderr);
  std::abort();
}

void Compress(Stream& s) noexcept {
  libdeflate_compressor* const c = ThreadCompressor(s.level);
  if (c == nullptr) OutOfMemory();
  const std::size_t bound = libdeflate_zlib_compress_bound(c, s.input.size());
  s.output.reset(new (std::nothrow) uint8_t[bound]);
  if (!s.output) OutOfMemory();
  s.output_size = libdeflate_zlib_compress(c, s.input.data(), s.input.size(), s.output.get(), bound);
  if (s.output_size == 0) OutOfMemory();  // cannot happen with the bound's room
  std::vector<uint8_t>().swap(s.input);
  s.finished = true;
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
  } catch (...) {  // no memory, or a lock that cannot be taken
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
  // After Z_FINISH only Z_FINISH, with no input (zlib's answers).
  if (s->finished && flush != Z_FINISH) return Z_STREAM_ERROR;
  if (s->finished && strm->avail_in > 0) return Z_BUF_ERROR;
  const bool first = !s->called;
  s->called = true;
  if (strm->avail_in > 0) {
    try {
      s->input.insert(s->input.end(), strm->next_in, strm->next_in + strm->avail_in);
    } catch (const std::bad_alloc&) {
      OutOfMemory();
    }
    strm->next_in += strm->avail_in;
    strm->total_in += strm->avail_in;
    strm->avail_in = 0;
    if (flush == Z_NO_FLUSH) return Z_OK;
  }
  // No input: zlib's first call writes the stream's header, a later one
  // makes no progress.
  if (flush == Z_NO_FLUSH) return first ? Z_OK : Z_BUF_ERROR;
  if (!s->finished) {
    strm->adler = static_cast<uLong>(libdeflate_adler32(1, s->input.data(), s->input.size()));
    Compress(*s);
  }
  const std::size_t left = s->output_size - s->given;
  if (left > 0 && strm->avail_out == 0) return Z_BUF_ERROR;
  const std::size_t n = std::min<std::size_t>(left, strm->avail_out);
  if (n > 0) std::memcpy(strm->next_out, s->output.get() + s->given, n);
  s->given += n;
  strm->next_out += n;
  strm->avail_out -= static_cast<uInt>(n);
  strm->total_out += n;
  return s->given == s->output_size ? Z_STREAM_END : Z_OK;
}

int BufferedDeflateEnd(z_stream* strm) noexcept {
  Stream* s = StateOf(strm);
  if (s == nullptr) return Z_STREAM_ERROR;
  // As zlib: an error when deflate was called and the stream not finished
  // (once finished, output not taken yet is dropped without one).
  const bool discarded = s->called && !s->finished;
  try {
    Streams().Remove(s);
    delete s;
  } catch (...) {  // a lock that cannot be taken: kept, so no other stream takes its address
  }
  strm->state = nullptr;
  return discarded ? Z_DATA_ERROR : Z_OK;
}

bool IsBufferedDeflate(const z_stream* strm) noexcept { return StateOf(strm) != nullptr; }

}  // namespace cl
