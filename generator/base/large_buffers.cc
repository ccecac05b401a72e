#include "base/large_buffers.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>  // defines __GLIBC__ where it is glibc
#include <mutex>

#include "base/huge_page_heaps.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace cl {
namespace {

// A buffer's mapping: its bytes rounded up to whole 4 KB pages, or to a
// whole 2 MB when that adds less than 1 MB. The kernel backs a mapping's
// last, partial 2 MB with 4 KB pages, and a band of frame pixels is mostly
// just under a multiple of 2 MB (the default lesson's: 8 MB less 4 KB, its
// last 2 MB 511 faults); rounded up, a buffer holds at most 1 MB it did not
// ask for.
std::size_t MappedSize(std::size_t bytes) {
  constexpr std::size_t kPage = 4096;
  const std::size_t tail = bytes % kHugePageBytes;
  if (tail >= kHugePageBytes / 2) return bytes - tail + kHugePageBytes;
  return (bytes + kPage - 1) / kPage * kPage;
}

// Mappings freed and kept for the next buffer of the same size, so its
// pages are not faulted in and zeroed again (the 2 MB pages of a frame
// drawer's band: the default lesson's 14 bands of 6 and 8 MB became 4, 5 %
// of its time). At most kKeptBuffers, of at most kKeptBytes together, the
// latest freed: the course's peak rose by 7 MB with these, by 20 with 4
// and 32 MB.
constexpr std::size_t kKeptBuffers = 2;
constexpr std::size_t kKeptBytes = std::size_t{16} << 20;

struct Kept {
  std::mutex lock;
  bool enabled = true;
  std::size_t bytes = 0;
  std::size_t count = 0;
  struct Buffer {
    void* p = nullptr;
    std::size_t size = 0;
  } buffers[kKeptBuffers];
};

Kept& KeptBuffers() {
  static Kept* const kept = new Kept;
  return *kept;
}

void* TakeKept(std::size_t size) {
  Kept& kept = KeptBuffers();
  const std::lock_guard<std::mutex> hold(kept.lock);
  for (std::size_t i = 0; i < kept.count; ++i) {
    if (kept.buffers[i].size != size) continue;
    void* p = kept.buffers[i].p;
    std::copy(kept.buffers + i + 1, kept.buffers + kept.count, kept.buffers + i);
    --kept.count;
    kept.bytes -= size;
    return p;
  }
  return nullptr;
}

// Keeps `p` (`size` bytes mapped), giving back the mappings kept longest
// ago to make room: the sizes a build draws now are the ones worth keeping.
bool Keep(void* p, std::size_t size) {
  Kept& kept = KeptBuffers();
  const std::lock_guard<std::mutex> hold(kept.lock);
  if (!kept.enabled || size > kKeptBytes) return false;
  while (kept.count == kKeptBuffers || kept.bytes + size > kKeptBytes) {
    munmap(kept.buffers[0].p, kept.buffers[0].size);
    kept.bytes -= kept.buffers[0].size;
    std::copy(kept.buffers + 1, kept.buffers + kept.count, kept.buffers);
    --kept.count;
  }
  kept.buffers[kept.count++] = {p, size};
  kept.bytes += size;
  return true;
}

}  // namespace

void ReuseFreedBuffers() {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 8 << 20);
  mallopt(M_TRIM_THRESHOLD, 16 << 20);
#endif
}

void ReturnLargeBuffersWhenFreed() {
#if defined(__GLIBC__)
  // 1 MB: eight filters on a 512x512 RGB photograph at --scale 4 peaked at
  // 162-176 MB with the default, 150 MB at 4 MB, 145 MB at 1 MB (for about
  // 10 % more time: fresh pages are faulted in for each buffer).
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  // Freeing a mapped buffer before this call may have raised the heap's
  // trim threshold to twice that buffer: back to the default.
  mallopt(M_TRIM_THRESHOLD, 128 << 10);
  mallopt(M_ARENA_MAX, 1);  // see the header: only threads' first arenas from now on
#endif
  StopBackingHeapsWithHugePages();
  // And no freed mapping kept for reuse either.
  {
    Kept& kept = KeptBuffers();
    const std::lock_guard<std::mutex> hold(kept.lock);
    kept.enabled = false;
  }
  GiveBackKeptBuffers();
}

void GiveBackKeptBuffers() {
  Kept& kept = KeptBuffers();
  const std::lock_guard<std::mutex> hold(kept.lock);
  for (std::size_t i = 0; i < kept.count; ++i) munmap(kept.buffers[i].p, kept.buffers[i].size);
  kept.count = 0;
  kept.bytes = 0;
}

void* AllocateHugeBuffer(std::size_t bytes) {
  const std::size_t size = MappedSize(bytes);
  if (void* kept = TakeKept(size)) return kept;
  // Mapped 2 MB larger, then trimmed to a 2 MB boundary at its start: the
  // kernel backs only aligned 2 MB ranges with huge pages.
  void* mapped = mmap(nullptr, size + kHugePageBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapped == MAP_FAILED) return nullptr;
  char* const start = static_cast<char*>(mapped);
  const std::size_t head = BytesToHugePageBoundary(reinterpret_cast<std::uintptr_t>(mapped));
  char* const aligned = start + head;
  if (head > 0) munmap(start, head);
  munmap(aligned + size, kHugePageBytes - head);  // never 0: head < kHugePageBytes
#if defined(MADV_HUGEPAGE)
  madvise(aligned, size, MADV_HUGEPAGE);  // advice: ignored where there are none
#endif
  return aligned;
}

void FreeHugeBuffer(void* p, std::size_t bytes) {
  if (p != nullptr && !Keep(p, MappedSize(bytes))) munmap(p, MappedSize(bytes));
}

}  // namespace cl
