#include "base/large_buffers.h"

#include <sys/mman.h>

#include <cstdint>
#include <cstdlib>  // defines __GLIBC__ where it is glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace cl {
namespace {

constexpr std::size_t kHuge = std::size_t{2} << 20;

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
}

void* AllocateHugeBuffer(std::size_t bytes) {
  const std::size_t size = MappedSize(bytes);
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

void FreeHugeBuffer(void* p, std::size_t bytes) {
  if (p != nullptr) munmap(p, MappedSize(bytes));
}

}  // namespace cl
