// ParallelFor: runs task(0..count-1) on the calling thread plus helper
// threads, never more threads at once than the process-wide limit
// (SetParallelism, the build's -j), even when loops nest: a loop inside a task
// (frames inside a lesson) gets only the helpers that are free at that moment,
// so lessons and their frames share one bound instead of multiplying. A
// thread that comes free later (a helper done with its loop, a caller waiting
// for its helpers) runs indices of the loop opened last that has some left,
// so a loop started while every thread was busy still gets them as they free.
// Indices are handed out in order; results must not depend on which thread
// ran which index, so each task writes only its own slot. A task must not
// wait for anything but the loops it starts (a waiting thread may be the one
// that would run it), nor hold a lock while it starts one.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>

namespace cl {

// Threads that may run at once, the caller of the outermost loop included (>= 1; default 1).
void SetParallelism(int threads);
int Parallelism();

// Once `stop` becomes true no further index starts; running ones finish.
void ParallelFor(size_t count, const std::function<void(size_t)>& task, const std::atomic<bool>* stop = nullptr);

// Runs task(run, runs) for run = 0 .. runs - 1, each on its own thread, where
// runs is 1 plus the helpers free now (at most max_runs in all). For work
// split into runs that each start cold (frames drawn from the one before):
// ParallelFor would run several runs one after another on one thread when
// the helpers are busy (two lessons built at once), each run starting cold
// and holding its own state.
void ParallelRuns(size_t max_runs, const std::function<void(size_t run, size_t runs)>& task);

}  // namespace cl
