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
// without). For the whole process; call it first. A no-op where the C
// library is not glibc.
void ReuseFreedBuffers();

// From now on, every allocation of 1 MB or more gets its own mapping,
// returned to the system when it is freed. By default glibc raises that
// threshold as large buffers are freed (up to 32 MB) and keeps their pages
// for reuse, so a build that makes and frees many buffers of megabytes
// (the frames of a photograph at --scale 4) holds tens of MB it is not
// using; each mapping costs page faults, so builds of small frames keep the
// default. A no-op where the C library is not glibc.
void ReturnLargeBuffersWhenFreed();

// Memory for a buffer of `bytes` (at least kHugeBufferBytes) in a mapping of
// its own, aligned to 2 MB and backed by transparent huge pages where the
// kernel offers them (`madvise`): a frame's pixel buffer is first written
// in 2 MB pages, not 4 KB ones. In this project's VMs a page fault costs
// about 7 us, and the 4 KB faults of fresh pixel buffers were an eighth of
// the default lesson's CPU. Buffers freed are kept (up to 16 MB in all) for
// the next of about their size, so a frame drawer made chunk after chunk
// reuses its predecessor's pages; not once ReturnLargeBuffersWhenFreed was
// called (which also gives back those kept). Null when no mapping could be made. Thread-safe. Free it with
// FreeHugeBuffer.
inline constexpr std::size_t kHugeBufferBytes = std::size_t{2} << 20;
void* AllocateHugeBuffer(std::size_t bytes);
void FreeHugeBuffer(void* p, std::size_t bytes);

}  // namespace cl
