// How the allocator treats large buffers, for the whole process.
#pragma once

#include <cstddef>

namespace cl {

// From now on, allocations under 8 MB come from the heap and freed memory
// is kept for reuse (up to 16 MB past what is in use), as glibc's own
// thresholds would be once a buffer of 8 MB was freed: before the pixel
// buffers had their own mappings (AllocateHugeBuffer), freeing the first
// frame band did that, and a frame's runs, PNG and GIF bytes stopped being
// mapped and faulted in afresh each (the course: 15 % more page faults
// without). For the whole process; call it first (after
// BackMainHeapWithHugePages). A no-op where the C library is not glibc.
void ReuseFreedBuffers();

// From now on, every allocation of 1 MB or more gets its own mapping,
// returned to the system when it is freed. By default glibc raises that
// threshold as large buffers are freed (up to 32 MB) and keeps their pages
// for reuse, so a build that makes and frees many buffers of megabytes
// (the frames of a photograph at --scale 4) holds tens of MB it is not
// using; each mapping costs page faults, so other builds keep
// ReuseFreedBuffers's thresholds. Threads made from then on share one
// malloc arena: a photograph's maps, made on one thread, and its frames'
// runs, on others, each grew an arena of their own to its peak (eight
// filters on a 512x512 photograph, alone: 146 to 141 MB at most in 3
// runs, 9 to 7.5 s, half the system time). glibc fixes its arena limit
// when a thread first needs an arena of its own, so a build that started
// threads before (a course's lessons loaded side by side) keeps its
// arenas. Huge buffers (below) are no longer kept for reuse either, and
// heaps no longer backed by huge pages (StopBackingHeapsWithHugePages). The
// malloc settings are a no-op where the C library is not glibc.
void ReturnLargeBuffersWhenFreed();

// Memory for a buffer of `bytes` (at least kHugeBufferBytes) in a mapping of
// its own, aligned to 2 MB and backed by transparent huge pages where the
// kernel offers them (`madvise`): a frame's pixel buffer is first written
// in 2 MB pages, not 4 KB ones. In this project's VMs a page fault costs
// about 7 us, and the 4 KB faults of fresh pixel buffers were an eighth of
// the default lesson's CPU. The mapping is given back when freed (a frame
// drawer's band is freed with it, chunk by chunk). Null when no mapping
// could be made. Free it with FreeHugeBuffer(p, bytes), the same size.
//
// A freed mapping is kept for the next buffer of the same mapped size, its
// pages already faulted in: the last 2 freed, of 16 MB together at most, so
// a chunk's band serves the next chunk's (keeping every band for the next
// drawer raised `real-picture`'s peak at --scale 4 by 10-30 MB); older ones,
// and every one after ReturnLargeBuffersWhenFreed, are given back.
// From 1 MB: such a buffer's mapping is rounded up to a whole 2 MB page (a
// frame band of 2 MB, a whole number of rows, is a little under it).
inline constexpr std::size_t kHugeBufferBytes = std::size_t{1} << 20;
void* AllocateHugeBuffer(std::size_t bytes);
void FreeHugeBuffer(void* p, std::size_t bytes);

// Gives back every mapping kept for reuse.
void GiveBackKeptBuffers();

}  // namespace cl
