// The malloc heaps backed by transparent huge pages, as glibc's
// `glibc.malloc.hugetlb=1` tunable would back them, which a program cannot
// set for itself (it is read from the environment before `main`).
//
// In this project's VMs a page fault costs about 7 us, and the default
// lesson faulted in about 5900 pages of fresh heap (a frame's runs, PNG and
// GIF bytes, grown on two threads' heaps): a tenth of its CPU. With its heaps
// in 2 MB pages it takes about 2000 faults, 13-16 % less CPU and 11-14 %
// less time (docs/performance.md, session 29).
//
// Advice only: where the kernel offers no huge pages (transparent huge pages
// "never") nothing changes. A no-op where the C library is not glibc.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace cl {

// A transparent huge page's size: the kernel backs only whole, aligned ones.
inline constexpr std::uintptr_t kHugePageBytes = std::uintptr_t{2} << 20;

// How far `address` lies below the next 2 MB boundary (0 on one).
constexpr std::size_t BytesToHugePageBoundary(std::uintptr_t address) {
  return (kHugePageBytes - address % kHugePageBytes) % kHugePageBytes;
}

// Advises the main heap's next 12 MB (the main thread's allocations), which
// it then hands out from a 2 MB boundary. Call it first, before any thread
// starts, then ReuseFreedBuffers: it changes the malloc thresholds that one
// sets.
void BackMainHeapWithHugePages();

// Advises the heap of the calling thread's malloc arena (glibc's are 64 MB
// mappings aligned to 64 MB, made writable as they grow) and makes it
// writable to its end: the kernel backs a 2 MB range with a huge page only
// when all of it is mapped writable, and a heap grows by just what is asked,
// so its frontier, where fresh memory is written, would always be in 4 KB
// pages. Writable is not resident: untouched pages take no memory. The heap
// then hands out memory from the next 2 MB boundary: the range its first
// allocations were written in stays in 4 KB pages. Call it at a thread's
// start. Each heap once; not under strict overcommit accounting
// (`vm.overcommit_memory` 2), which would charge the whole 64 MB.
void BackThreadHeapWithHugePages();

// From now on no heap is advised, and those advised are advised back to
// small pages: a photograph's build keeps its peak memory down
// (ReturnLargeBuffersWhenFreed calls it).
void StopBackingHeapsWithHugePages();

// True when `maps` (the text of /proc/self/maps) shows a glibc thread heap
// at `base`: an anonymous read-write mapping starting at `base`, and an
// anonymous inaccessible one after it (the part not grown into), together
// exactly 64 MB. Anything else (a thread's stack and its guard page, another
// allocator's memory) is left alone.
bool MapsShowThreadHeapAt(std::string_view maps, std::uintptr_t base);

}  // namespace cl
