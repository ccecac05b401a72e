// How the allocator treats large buffers, for the whole process.
#pragma once

namespace cl {

// From now on, every allocation of 1 MB or more gets its own mapping,
// returned to the system when it is freed. By default glibc raises that
// threshold as large buffers are freed (up to 32 MB) and keeps their pages
// for reuse, so a build that makes and frees many buffers of megabytes
// (the frames of a photograph at --scale 4) holds tens of MB it is not
// using; each mapping costs page faults, so builds of small frames keep the
// default. A no-op where the C library is not glibc.
void ReturnLargeBuffersWhenFreed();

}  // namespace cl
