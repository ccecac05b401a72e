#include "base/large_buffers.h"

#include <sys/mman.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>  // defines __GLIBC__ where it is glibc
#include <map>
#include <mutex>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace cl {
namespace {

constexpr std::size_t kHuge = std::size_t{2} << 20;

// Freed buffers kept for the next, up to this many bytes in all: a
// lesson's frame drawers come and go chunk by chunk (the 1808-beat lesson
// made 51 bands of 8 MB), and a buffer reused is neither mapped, faulted in
// nor cleared again. Two drawers' bands fit.
constexpr std::size_t kKeptBytes = std::size_t{16} << 20;
std::atomic<bool> keep_freed{true};

// A buffer's mapping: its bytes rounded up to whole 4 KB pages, or to a
// whole 2 MB when that adds less than 1 MB. The kernel backs a mapping's
// last, partial 2 MB with 4 KB pages, and a band of frame pixels is mostly
// just under a multiple of 2 MB (the default lesson's: 8 MB less 4 KB, its
// last 2 MB 511 faults); rounded up, a buffer holds at most 1 MB it did not
// ask for.
std::size_t MappedSize(std::size_t bytes) {
  constexpr std::size_t kPage = 4096;
  const std::size_t tail = bytes % kHuge;
  if (tail >= kHuge / 2) return bytes - tail + kHuge;
  return (bytes + kPage - 1) / kPage * kPage;
}

void* MapAligned(std::size_t size) {
  // Mapped 2 MB larger, then trimmed to a 2 MB boundary at its start: the
  // kernel backs only aligned 2 MB ranges with huge pages.
  void* mapped = mmap(nullptr, size + kHuge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapped == MAP_FAILED) return nullptr;
  char* const start = static_cast<char*>(mapped);
  const std::size_t head = (kHuge - reinterpret_cast<std::uintptr_t>(mapped) % kHuge) % kHuge;
  char* const aligned = start + head;
  if (head > 0) munmap(start, head);
  munmap(aligned + size, kHuge - head);  // never 0: head < kHuge
#if defined(MADV_HUGEPAGE)
  madvise(aligned, size, MADV_HUGEPAGE);  // advice: ignored where there are none
#endif
  return aligned;
}

// Every buffer handed out, by address: its mapping's size (a kept buffer
// may serve a smaller one). And the freed buffers kept.
struct Buffers {
  std::mutex mutex;
  std::map<void*, std::size_t> mapped;
  std::vector<void*> kept;
  std::size_t kept_bytes = 0;
};

Buffers& TheBuffers() {
  static Buffers* buffers = new Buffers;  // never destroyed: buffers may be freed at exit
  return *buffers;
}

}  // namespace

void ReuseFreedBuffers() {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 8 << 20);
  mallopt(M_TRIM_THRESHOLD, 16 << 20);
#endif
}

void ReturnLargeBuffersWhenFreed() {
  keep_freed = false;
  {
    Buffers& b = TheBuffers();
    const std::lock_guard lock(b.mutex);
    for (void* p : b.kept) {
      munmap(p, b.mapped[p]);
      b.mapped.erase(p);
    }
    b.kept.clear();
    b.kept_bytes = 0;
  }
#if defined(__GLIBC__)
  // 1 MB: eight filters on a 512x512 RGB photograph at --scale 4 peaked at
  // 162-176 MB with the default, 150 MB at 4 MB, 145 MB at 1 MB (for about
  // 10 % more time: fresh pages are faulted in for each buffer).
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  // Freeing a mapped buffer before this call may have raised the heap's
  // trim threshold to twice that buffer: back to the default.
  mallopt(M_TRIM_THRESHOLD, 128 << 10);
#endif
}

void* AllocateHugeBuffer(std::size_t bytes) {
  const std::size_t size = MappedSize(bytes);
  Buffers& b = TheBuffers();
  const std::lock_guard lock(b.mutex);
  // The smallest kept buffer that holds it, if no more than 2 MB larger.
  auto best = b.kept.end();
  for (auto it = b.kept.begin(); it != b.kept.end(); ++it) {
    const std::size_t have = b.mapped[*it];
    if (have >= size && have <= size + kHuge && (best == b.kept.end() || have < b.mapped[*best])) best = it;
  }
  if (best != b.kept.end()) {
    void* p = *best;
    b.kept_bytes -= b.mapped[p];
    b.kept.erase(best);
    return p;
  }
  void* p = MapAligned(size);
  if (p != nullptr) b.mapped[p] = size;
  return p;
}

void FreeHugeBuffer(void* p, std::size_t /*bytes*/) {
  if (p == nullptr) return;
  Buffers& b = TheBuffers();
  const std::lock_guard lock(b.mutex);
  const auto found = b.mapped.find(p);
  if (found == b.mapped.end()) return;  // not one of ours: never happens
  const std::size_t size = found->second;
  if (keep_freed && size <= kKeptBytes) {
    // The oldest kept go first, to make room.
    while (b.kept_bytes + size > kKeptBytes) {
      void* oldest = b.kept.front();
      b.kept.erase(b.kept.begin());
      b.kept_bytes -= b.mapped[oldest];
      munmap(oldest, b.mapped[oldest]);
      b.mapped.erase(oldest);
    }
    b.kept.push_back(p);
    b.kept_bytes += size;
    return;
  }
  munmap(p, size);
  b.mapped.erase(found);
}

}  // namespace cl
