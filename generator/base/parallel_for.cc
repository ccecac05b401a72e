#include "base/parallel_for.h"

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

#include "base/huge_page_heaps.h"

namespace cl {
namespace {

std::atomic<int> g_limit{1};
// Places taken beyond the first thread's, across every loop: helper threads
// running, less the callers that wait for their loops and gave their place
// (so threads running = g_helpers + 1, never more than g_limit).
std::atomic<int> g_helpers{0};
// Callers whose loop has finished and who wait for a place to go on
// (FinishLoop): places go to them first. While they outnumber the free
// places no new helper starts, and helpers take no further indices.
std::atomic<int> g_resuming{0};

int FreePlaces(int helpers) { return g_limit.load() - (helpers + 1); }

// Whether a helper should leave its place to a caller waiting to go on.
bool HelperGivesWay() { return g_resuming.load() > FreePlaces(g_helpers.load()); }

// Claims one place if the limit leaves one free: for a caller going on, any;
// for a new helper (or a waiting caller's work), one that callers waiting to
// go on leave.
bool TryClaimPlace(bool resuming) {
  int busy = g_helpers.load();
  while (FreePlaces(busy) > (resuming ? 0 : g_resuming.load()))
    if (g_helpers.compare_exchange_weak(busy, busy + 1)) return true;
  return false;
}
bool TryClaimHelper() { return TryClaimPlace(false); }

// A loop's work as the threads running it see it: indices handed out in
// order. `running` counts the threads in it (guarded by Open::mutex).
struct Loop {
  std::size_t count = 0;
  const std::function<void(size_t)>* task = nullptr;
  const std::atomic<bool>* stop = nullptr;
  std::atomic<std::size_t> next{0};
  int running = 0;
  std::uint64_t opened = 0;  // when it was listed: later loops have larger numbers
  // Its caller waits for it having given its place (guarded by Open::mutex),
  // and the thread that ended its last index kept a place for the caller
  // (counted in g_resuming) instead of taking more work.
  bool caller_gave = false, place_kept = false;

  // Called by a thread leaving the loop (Open::mutex held): when it is the
  // last and the caller gave its place, one place is kept for the caller.
  // True then: the leaving thread gives up its place.
  bool LeaveKeepingCallersPlace() {
    --running;
    if (running > 0 || !caller_gave) return false;
    place_kept = true;
    g_resuming++;
    return true;
  }

  bool IndicesLeft() const { return next.load() < count && !(stop != nullptr && stop->load()); }
  // A helper (`yields`) stops taking indices while callers waiting to go on
  // outnumber the free places: the indices left are its loop's caller's,
  // which runs them.
  void RunIndices(bool yields) {
    for (;;) {
      if (stop != nullptr && stop->load()) return;
      if (yields && HelperGivesWay()) return;
      const std::size_t i = next++;
      if (i >= count) return;
      (*task)(i);
    }
  }
};

// The ParallelFor loops with indices not yet handed out. A thread that
// comes free (a helper done with its own loop, a caller waiting for its
// helpers) takes indices from the one opened last, the innermost: a loop
// started while every helper was busy (a lesson's variants, while its
// slides were written) gets threads as they come free instead of running
// on one thread to its end. Never destroyed: idle helper threads still
// wait on it as the process ends.
struct Open {
  std::mutex mutex;
  std::condition_variable changed;  // a loop opened, or a thread left one
  std::vector<Loop*> loops;  // in the order they were opened
  std::uint64_t opened = 0;  // loops listed so far
  // Helper threads with nothing to run wait here for a loop handed to them
  // instead of ending: a thread's Pango font map (each new one resolves
  // every font it is asked for through fontconfig again) and its other
  // per-thread caches outlive one loop, and no font Pango made on it is
  // dropped at its end (one of the candidates for Cairo 1.16's font race,
  // docs/performance.md). `handed`: loops given to idle threads, one each.
  std::condition_variable wake;
  std::vector<Loop*> handed;
  std::size_t idle = 0;
};
Open& Loops() {
  static Open* const open = new Open;
  return *open;
}

// Runs the indices of a loop this thread joined, where a task's exception
// cannot reach the loop it came from: it ends the process, as it did in a
// thread of its own.
void RunJoined(Loop* loop, bool yields) noexcept { loop->RunIndices(yields); }

// The loop opened last that has indices left, of those opened after
// `after`, or null. Open::mutex held.
Loop* LoopWithWork(std::uint64_t after = 0) {
  std::vector<Loop*>& loops = Loops().loops;
  for (auto it = loops.rbegin(); it != loops.rend() && (*it)->opened > after; ++it)
    if ((*it)->IndicesLeft()) return *it;
  return nullptr;
}

// A helper thread's life, from the loop it was started or woken for: it
// runs the loop's indices, then those of open loops while any has some,
// giving way to callers that wait to go on (HelperGivesWay,
// LeaveKeepingCallersPlace). It leaves a loop and takes the next in one
// step, and frees its slot before it leaves the last: a caller that sees
// its loop finished can claim that slot at once. Then it waits, idle and
// holding no slot, to be handed the next loop a helper is wanted for.
[[noreturn]] void RunHelper(Loop* loop) {
  Open& open = Loops();
  // Before its first indices: memory the heap hands out before the advice
  // stays in 4 KB pages (a lesson's layout, faulted in page by page). A
  // photograph's build has turned the advice off once its lessons were
  // loaded (ReturnLargeBuffersWhenFreed), so no arena is taken here ahead of
  // its arena limit: a lesson alone is loaded on one thread.
  BackThreadHeapWithHugePages();
  for (;;) {
    RunJoined(loop, true);
    std::unique_lock lock(open.mutex);
    for (;;) {
      const bool hands_over = loop->LeaveKeepingCallersPlace();  // `loop` may be gone once the lock is let go
      Loop* next = hands_over || HelperGivesWay() ? nullptr : LoopWithWork();
      if (next != nullptr) ++next->running;
      else g_helpers--;
      open.changed.notify_all();
      if (next == nullptr) break;
      loop = next;
      lock.unlock();
      RunJoined(loop, true);
      lock.lock();
    }
    ++open.idle;
    open.wake.wait(lock, [&open] { return !open.handed.empty(); });
    --open.idle;
    loop = open.handed.back();
    open.handed.pop_back();
  }
}

// Starts a helper in `loop`, its slot claimed: an idle helper thread if one
// is not yet handed a loop, else a new thread. False (the slot freed,
// nothing run) when no thread can be made. Open::mutex held.
bool StartHelperLocked(Loop* loop) {
  Open& open = Loops();
  ++loop->running;
  if (open.idle > open.handed.size()) {
    open.handed.push_back(loop);
    open.wake.notify_one();
    return true;
  }
  try {
    std::thread([loop] { RunHelper(loop); }).detach();
    return true;
  } catch (const std::system_error&) {  // out of threads: the caller does the work
    --loop->running;
    g_helpers--;
    open.changed.notify_all();  // the place is free again
    return false;
  }
}

bool StartHelper(Loop* loop) {
  const std::lock_guard lock(Loops().mutex);
  return StartHelperLocked(loop);
}

// Waits until no thread but the caller runs `loop`, then `loop` may go.
// Meanwhile the caller's thread, which counts against the limit, is not
// left idle: it runs indices of loops opened after `loop` (nested in its
// tasks, or as new), and while there are none it gives its place to a
// helper (a variant's next chunk, split into runs, takes it), and takes a
// place again before it goes on. It never takes an index of an older loop:
// that may be long (a lesson's other variant, or another lesson), and what
// follows `loop` would wait for it (the default lesson's second variant,
// taken by the first's thread while it waited for a palette sample, ran
// after the first instead of beside it: 60 ms of its 300). A helper takes
// that index instead, in the place given.
void FinishLoop(Loop* loop, bool listed) {
  Open& open = Loops();
  std::unique_lock lock(open.mutex);
  if (listed) std::erase(open.loops, loop);  // no one joins it from now on
  // loop->caller_gave: the caller's place, given to the helpers.
  while (loop->running > 0) {
    Loop* other = LoopWithWork(loop->opened);
    if (other != nullptr && (!loop->caller_gave || TryClaimHelper())) {
      loop->caller_gave = false;
      ++other->running;
      lock.unlock();
      RunJoined(other, false);
      lock.lock();
      if (other->LeaveKeepingCallersPlace()) g_helpers--, loop->caller_gave = true;  // its caller goes on in this place
      open.changed.notify_all();
      continue;
    }
    if (!loop->caller_gave) {
      g_helpers--;
      loop->caller_gave = true;
      open.changed.notify_all();  // a caller waiting for a place may take it
      if (Loop* older = LoopWithWork(); older != nullptr && TryClaimHelper()) StartHelperLocked(older);
    }
    open.changed.wait(lock);
  }
  if (!loop->caller_gave) return;
  // A place: the one the thread that ended the loop kept, else the next
  // that frees (helpers give way at their next index meanwhile).
  if (!loop->place_kept) {
    if (TryClaimPlace(true)) return;
    g_resuming++;
  }
  while (!TryClaimPlace(true)) open.changed.wait(lock);
  g_resuming--;
}

// Ends a loop even when the caller's own task throws: its helpers hold
// references to it.
struct LoopGuard {
  Loop* loop;
  bool listed;
  ~LoopGuard() { FinishLoop(loop, listed); }
};

}  // namespace

void SetParallelism(int threads) { g_limit = std::max(threads, 1); }

int Parallelism() { return g_limit.load(); }

void ParallelFor(size_t count, const std::function<void(size_t)>& task, const std::atomic<bool>* stop) {
  Loop loop;
  loop.count = count, loop.task = &task, loop.stop = stop;
  const bool listed = count > 1;
  if (listed) {
    Open& open = Loops();
    {
      const std::lock_guard lock(open.mutex);
      loop.opened = ++open.opened;
      open.loops.push_back(&loop);
    }
    open.changed.notify_all();  // waiting callers may help
  }
  LoopGuard guard{&loop, listed};
  for (size_t helpers = 0; helpers + 1 < count && TryClaimHelper(); ++helpers)
    if (!StartHelper(&loop)) break;
  loop.RunIndices(false);
}

void ParallelChain(size_t count, size_t max_workers, size_t least_taken,
                   const std::function<void(size_t index, size_t worker)>& task) {
  if (count == 0) return;
  // Each worker's run of indices not yet started, [next, end).
  struct Run {
    size_t next = 0, end = 0;
  };
  std::vector<Run> runs(std::max<size_t>(1, max_workers));
  runs[0].end = count;
  std::mutex mutex;
  // The worker's next index: the next of its run, else the first of the
  // back half of the longest run left, which becomes its run.
  const auto next_index = [&](size_t worker, size_t* index) {
    const std::lock_guard lock(mutex);
    Run& own = runs[worker];
    if (own.next == own.end) {
      Run* longest = &own;
      for (Run& run : runs)
        if (run.end - run.next > longest->end - longest->next) longest = &run;
      const size_t taken = (longest->end - longest->next) / 2;
      if (taken == 0 || taken < least_taken) return false;
      own.end = longest->end;
      own.next = longest->end = own.end - taken;
    }
    *index = own.next++;
    return true;
  };
  ParallelFor(runs.size(), [&](size_t worker) {
    for (size_t index = 0; next_index(worker, &index);) task(index, worker);
  });
}

}  // namespace cl
