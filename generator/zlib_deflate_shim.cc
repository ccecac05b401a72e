// The binary's own deflateInit_, deflate and deflateEnd, which the shared
// libraries it loads call in place of zlib's (an executable's definitions
// come first in symbol look-up): Cairo compresses every stream of every PDF
// through them. Streams started here are served by libdeflate
// (render/buffered_deflate.h); deflate and deflateEnd pass any other
// stream (one a library started with zlib's deflateInit2_) on to zlib's.
// Linked into the binary only, so the tests drive BufferedDeflate directly.
#include <dlfcn.h>
#include <zlib.h>

#include <cstring>

#include "render/buffered_deflate.h"

namespace {

template <typename Function>
Function* Zlibs(const char* name) {
  return reinterpret_cast<Function*>(dlsym(RTLD_NEXT, name));
}

}  // namespace

extern "C" int deflateInit_(z_streamp strm, int level, const char* version, int stream_size) {
  // zlib's own check: a caller built against another major version or
  // another z_stream layout.
  if (version == nullptr || version[0] != ZLIB_VERSION[0] || stream_size != static_cast<int>(sizeof(z_stream)))
    return Z_VERSION_ERROR;
  return cl::BufferedDeflateInit(strm, level);
}

extern "C" int deflate(z_streamp strm, int flush) {
  if (cl::IsBufferedDeflate(strm)) return cl::BufferedDeflate(strm, flush);
  static auto* const zlib = Zlibs<int(z_streamp, int)>("deflate");
  return zlib != nullptr ? zlib(strm, flush) : Z_STREAM_ERROR;
}

extern "C" int deflateEnd(z_streamp strm) {
  if (cl::IsBufferedDeflate(strm)) return cl::BufferedDeflateEnd(strm);
  static auto* const zlib = Zlibs<int(z_streamp)>("deflateEnd");
  return zlib != nullptr ? zlib(strm) : Z_STREAM_ERROR;
}
