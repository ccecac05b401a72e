#include "render/deflate_compressor.h"

#include <memory>

namespace cl {
namespace {

struct CompressorDeleter {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

}  // namespace

libdeflate_compressor* ThreadCompressor(int level) noexcept {
  thread_local std::unique_ptr<libdeflate_compressor, CompressorDeleter> compressor;
  thread_local int compressor_level = -1;
  if (!compressor || compressor_level != level) {
    compressor.reset(libdeflate_alloc_compressor(level));
    compressor_level = compressor ? level : -1;
  }
  return compressor.get();
}

}  // namespace cl
