// ParallelFor: runs task(0..count-1) on the calling thread plus helper
// threads (made as needed and kept, idle, for later loops: what a thread
// keeps for itself, Pango's font map among it, outlives one loop), never
// more threads running at once than the process-wide limit
// (SetParallelism, the build's -j), even when loops nest: a loop inside a task
// (frames inside a lesson) gets only the helpers that are free at that moment,
// so lessons and their frames share one bound instead of multiplying. A
// thread that comes free later runs indices of the loop opened last that has
// some left, so a loop started while every thread was busy still gets them as
// they free: a helper done with its loop takes any; a caller waiting for its
// helpers takes only loops opened after its own (an older loop's index, say
// a lesson's other variant, would hold up what follows the caller's loop)
// and leaves older ones to a helper started in the place it gives. That
// caller gets a place back first: the thread that ends its loop's last index
// hands it its own, and while callers wait for one no new helper starts.
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

// Runs task(index, worker) for index = 0 .. count - 1, for work that is
// cheaper after the index before (frames drawn from the beat before): a
// worker runs on one thread, a run of consecutive indices at a time in
// order, and the caller starts with all of them as worker 0. A thread that
// comes free, at the start or later, becomes the next worker (at most
// max_workers), and a worker done with its run, the same: it takes the
// back half of the longest run left, if that half has least_taken indices
// or more (its first index starts cold). So no thread idles while a long
// run is left, and runs are split only when a thread can take them: with
// every helper busy (two lessons built at once) the indices run in order
// on the caller.
void ParallelChain(size_t count, size_t max_workers, size_t least_taken,
                   const std::function<void(size_t index, size_t worker)>& task);

}  // namespace cl
