// BufferedDeflate: zlib's deflate interface, served by libdeflate. Cairo
// compresses every stream of a PDF (page contents, pictures, fonts) through
// zlib's deflate at its default level; libdeflate makes the same format two
// to three times faster and no larger. It compresses a whole buffer at once,
// so such a stream gathers its input and compresses it when finished. The
// binary routes zlib's deflateInit_, deflate and deflateEnd here
// (generator/zlib_deflate_shim.cc); these functions are the tested part.
//
// Supported as zlib does: any number of deflate(Z_NO_FLUSH) calls, then
// deflate(Z_FINISH) until it returns Z_STREAM_END, with output space given
// in pieces of any size (what Cairo's deflate stream and zlib's compress2
// do; zlib's gzip writer starts its streams with deflateInit2_, which stays
// zlib's). Flushes in mid-stream (Z_SYNC_FLUSH and the like)
// cannot be made from one buffer: they get Z_STREAM_ERROR. zlib's other functions (deflateReset,
// deflateParams, deflateCopy, deflateSetDictionary, ...) are zlib's own:
// given such a stream they answer Z_STREAM_ERROR (its state is not
// theirs) and change nothing. Every library in the process that starts a
// stream with deflateInit gets one of these (GIO's zlib converter does,
// though the binary never uses it). Running out of memory in deflate,
// which zlib never does once started, ends the program: its callers would
// retry an error for ever.
#pragma once

#include <zlib.h>

namespace cl {

// Starts a stream on `strm` at zlib's compression `level` (Z_DEFAULT_COMPRESSION,
// or 0 to 9: libdeflate's level of the same number). Z_OK, Z_STREAM_ERROR
// for a null stream or another level, Z_MEM_ERROR.
int BufferedDeflateInit(z_stream* strm, int level) noexcept;

// zlib's deflate(strm, flush) for a stream BufferedDeflateInit started.
int BufferedDeflate(z_stream* strm, int flush) noexcept;

// Ends the stream: Z_OK, or Z_DATA_ERROR when deflate was called on it and
// it was not finished (zlib's answers).
int BufferedDeflateEnd(z_stream* strm) noexcept;

// Whether BufferedDeflateInit started `strm` (and it has not ended): any
// other stream is zlib's own.
bool IsBufferedDeflate(const z_stream* strm) noexcept;

}  // namespace cl
