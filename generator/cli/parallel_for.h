// ParallelFor: runs task(0..count-1) on at most `jobs` threads (the calling
// thread is one of them), handing out indices in order. Once `stop` becomes
// true no further index starts; running ones finish. Results must not depend
// on which thread ran which index: each task writes only its own slot.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>

namespace cl {

void ParallelFor(size_t count, int jobs, const std::function<void(size_t)>& task,
                 const std::atomic<bool>* stop = nullptr);

}  // namespace cl
