// The bounded pool: every index runs exactly once, never more threads at once
// than the limit, nested loops included, and a stop flag keeps further
// indices from starting; a loop started while the threads were busy takes
// them as they come free, and a chain of indices is split between the
// threads free at its start or later.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "base/parallel_for.h"

namespace bdata = boost::unit_test::data;

// Named, not anonymous: data test cases are templates that capture these.
namespace parallel_for_test {

// Counts tasks running at once and remembers the most.
struct Concurrency {
  std::atomic<int> running{0}, most{0};
  void Enter() {
    int now = ++running;
    for (int seen = most.load(); now > seen && !most.compare_exchange_weak(seen, now);) {
    }
  }
  void Leave() { --running; }
};

// Restores the default limit whatever the test does.
struct LimitGuard {
  explicit LimitGuard(int threads) { cl::SetParallelism(threads); }
  ~LimitGuard() { cl::SetParallelism(1); }
};

}  // namespace parallel_for_test

using parallel_for_test::Concurrency;
using parallel_for_test::LimitGuard;

BOOST_AUTO_TEST_SUITE(ParallelForSuite)

BOOST_DATA_TEST_CASE(EveryIndexOnceWithinTheLimit, bdata::make({1, 2, 3, 8}) * bdata::make({0, 1, 5, 40}), jobs,
                     count) {
  LimitGuard limit(jobs);
  std::vector<std::atomic<int>> runs(static_cast<size_t>(count));
  Concurrency c;
  cl::ParallelFor(static_cast<size_t>(count), [&](size_t i) {
    c.Enter();
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    runs[i]++;
    c.Leave();
  });
  for (const auto& r : runs) BOOST_TEST(r.load() == 1);
  BOOST_TEST(c.most.load() <= jobs);
}

BOOST_DATA_TEST_CASE(NestedLoopsShareTheLimit, bdata::make({1, 2, 4}), jobs) {
  LimitGuard limit(jobs);
  Concurrency c;
  std::atomic<int> leaves{0};
  cl::ParallelFor(3, [&](size_t) {
    cl::ParallelFor(10, [&](size_t) {
      c.Enter();
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
      leaves++;
      c.Leave();
    });
  });
  BOOST_TEST(leaves.load() == 30);
  BOOST_TEST(c.most.load() <= jobs);
}

BOOST_AUTO_TEST_CASE(StopKeepsLaterIndicesFromStarting) {
  std::atomic<bool> stop{false};
  std::mutex mutex;
  std::vector<size_t> ran;
  cl::ParallelFor(100, [&](size_t i) {
    std::lock_guard lock(mutex);
    ran.push_back(i);
    if (i == 2) stop = true;
  }, &stop);
  BOOST_TEST(ran == (std::vector<size_t>{0, 1, 2}));
}

// What a ParallelChain ran: (worker, index), in the order they ran.
struct ChainLog {
  mutable std::mutex mutex;
  std::vector<std::pair<size_t, size_t>> ran;
  void Add(size_t index, size_t worker) {
    const std::lock_guard lock(mutex);
    ran.emplace_back(worker, index);
  }
  // Every index of 0 .. count - 1 ran once.
  bool EachOnce(size_t count) const {
    std::vector<int> times(count, 0);
    for (const auto& entry : ran)
      if (entry.second >= count || ++times[entry.second] > 1) return false;
    return std::all_of(times.begin(), times.end(), [](int t) { return t == 1; });
  }
  // The indices `worker` ran, in its order.
  std::vector<size_t> Of(size_t worker) const {
    std::vector<size_t> indices;
    for (const auto& entry : ran)
      if (entry.first == worker) indices.push_back(entry.second);
    return indices;
  }
  size_t Workers() const {  // polled while the chain runs
    const std::lock_guard lock(mutex);
    std::vector<size_t> workers;
    for (const auto& entry : ran)
      if (std::find(workers.begin(), workers.end(), entry.first) == workers.end()) workers.push_back(entry.first);
    return workers.size();
  }
};

// WaitFor(condition): true once it holds; false after a 20 s deadline (a
// failure, not a hang, when only one thread runs what two must).
template <typename Condition>
bool WaitFor(Condition condition) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!condition())
    if (std::chrono::steady_clock::now() > deadline) return false;
    else std::this_thread::yield();
  return true;
}

// Waits for `flag`; on the deadline, marks the test failed in *met.
void WaitOrFail(const std::atomic<bool>& flag, std::atomic<bool>* met) {
  if (!WaitFor([&] { return flag.load(); })) *met = false;
}

// A loop does run on several threads: each of its indices waits until the
// other runs too, which only two threads can do. (Not the count of indices
// seen at once in a timed loop: on a loaded machine a helper may not get a
// core before the caller has run them all.)
BOOST_AUTO_TEST_CASE(ALoopRunsOnSeveralThreadsAtOnce) {
  LimitGuard limit(2);
  Concurrency c;
  std::atomic<bool> met{true};
  cl::ParallelFor(2, [&](size_t) {
    c.Enter();
    if (!WaitFor([&] { return c.most.load() >= 2; })) met = false;
    c.Leave();
  });
  BOOST_TEST(met.load());
  BOOST_TEST(c.most.load() == 2);
}

// The threads free at the start each take a part of the chain: a worker's
// first index waits until every worker the limit allows has started, which
// only workers on threads of their own can do.
BOOST_DATA_TEST_CASE(ChainsTakeTheFreeThreads, bdata::make({1, 2, 3, 8}) * bdata::make({1, 2, 5}), jobs, max_workers) {
  LimitGuard limit(jobs);
  const size_t count = 40, workers = static_cast<size_t>(std::min(jobs, max_workers));
  ChainLog log;
  std::atomic<size_t> started{0};
  std::atomic<bool> met{true};
  cl::ParallelChain(count, static_cast<size_t>(max_workers), 1, [&](size_t index, size_t worker) {
    bool first = false;
    {
      const std::lock_guard lock(log.mutex);
      first = std::none_of(log.ran.begin(), log.ran.end(), [&](const auto& p) { return p.first == worker; });
    }
    log.Add(index, worker);
    if (!first) return;
    ++started;
    if (!WaitFor([&] { return started.load() >= workers; })) met = false;
  });
  BOOST_TEST(log.EachOnce(count));
  BOOST_TEST(log.Workers() == workers);
  BOOST_TEST(met.load());
  const bool first_on_worker_0 = std::find(log.ran.begin(), log.ran.end(), std::pair<size_t, size_t>{0, 0}) != log.ran.end();
  BOOST_TEST(first_on_worker_0);  // worker 0 starts at the start
}

// A run is split only where the thread that comes free takes least_taken
// indices or more: three indices, least_taken 2, are one run on the caller,
// in order, though a second thread is free.
BOOST_AUTO_TEST_CASE(AChainTooShortToSplitRunsInOrder) {
  LimitGuard limit(2);
  ChainLog log;
  cl::ParallelChain(3, 2, 2, [&](size_t index, size_t worker) {
    log.Add(index, worker);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  });
  BOOST_TEST((log.ran == std::vector<std::pair<size_t, size_t>>{{0, 0}, {0, 1}, {0, 2}}));
}

// A chain started while every helper is busy runs on the caller; the thread
// that comes free later takes the back half of what is left. Index 0 waits
// until another worker has run an index: only a thread joining the running
// chain can.
BOOST_AUTO_TEST_CASE(AThreadThatComesFreeTakesTheBackHalf) {
  LimitGuard limit(2);
  ChainLog log;
  std::atomic<bool> chain_started{false}, met{true};
  cl::ParallelFor(2, [&](size_t i) {
    if (i == 1) {  // holds the second thread until the chain has begun
      WaitOrFail(chain_started, &met);
      return;
    }
    cl::ParallelChain(10, 2, 1, [&](size_t index, size_t worker) {
      log.Add(index, worker);
      chain_started = true;
      if (index == 0 && !WaitFor([&] { return log.Workers() == 2; })) met = false;
    });
  });
  BOOST_TEST(met.load());
  BOOST_TEST(log.EachOnce(10));
  BOOST_TEST(log.Workers() == 2u);
  // The late worker took the back half of indices 1 .. 9 (6 .. 9), joining
  // while index 0 ran; the caller went on from 0 to 1. Whichever finishes
  // its run first takes halves of the other's (on a busy machine the
  // caller may take 8 and 9 back), so the late worker's indices are a run
  // from 6, of whatever length.
  const std::vector<size_t> caller = log.Of(0), late = log.Of(1);
  BOOST_TEST_REQUIRE(caller.size() >= 2u);
  BOOST_TEST(caller[0] == 0u);
  BOOST_TEST(caller[1] == 1u);
  // (Done first, it then takes halves of the caller's run, below 6.)
  std::size_t own = 0;
  while (own < late.size() && late[own] >= 6) ++own;
  BOOST_TEST(own >= 1u);
  for (std::size_t k = 0; k < own; ++k) BOOST_TEST(late[k] == 6 + k);
}

// A loop started while every helper is busy takes a thread as one comes
// free: the other task of the outer loop ends once the inner loop has begun,
// and its thread (a helper, or the caller waiting for its helper) runs the
// inner loop's second index. Each inner task waits until both run at once,
// which only two threads can do (the deadline makes one thread a failure,
// not a hang).
BOOST_AUTO_TEST_CASE(ALoopStartedBusyTakesTheThreadThatComesFree) {
  LimitGuard limit(2);
  Concurrency inner;
  std::atomic<bool> inner_started{false}, met{true};
  cl::ParallelFor(2, [&](size_t i) {
    if (i == 1) {
      while (!inner_started.load()) std::this_thread::yield();
      return;
    }
    cl::ParallelFor(2, [&](size_t) {
      inner.Enter();
      inner_started = true;
      const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
      while (inner.most.load() < 2)
        if (std::chrono::steady_clock::now() > deadline) {
          met = false;
          break;
        } else {
          std::this_thread::yield();
        }
      inner.Leave();
    });
  });
  BOOST_TEST(met.load());
  BOOST_TEST(inner.most.load() == 2);
}

// A caller waiting for its helper gives the helper its place: a loop of
// runs the helper starts then gets both threads. (The helper's task waits
// until the caller's own tasks are done, and the runs wait for each other,
// which only two threads can do; the deadline makes one a failure.)
BOOST_AUTO_TEST_CASE(ACallerWaitingGivesItsPlaceToItsHelpersRuns) {
  LimitGuard limit(2);
  const std::thread::id caller = std::this_thread::get_id();
  std::atomic<bool> helper_started{false};
  std::atomic<size_t> workers_seen{0};
  std::atomic<bool> met{true};
  cl::ParallelFor(2, [&](size_t) {
    if (std::this_thread::get_id() == caller) {  // one index, once the helper has the other
      const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
      while (!helper_started.load() && std::chrono::steady_clock::now() < deadline) std::this_thread::yield();
      return;
    }
    helper_started = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // the caller is waiting by then
    // Four indices: while worker 0 runs index 0, the other thread takes 3.
    ChainLog log;
    cl::ParallelChain(4, 2, 1, [&](size_t index, size_t worker) {
      log.Add(index, worker);
      if (index == 0 && !WaitFor([&] { return log.Workers() == 2; })) met = false;
    });
    workers_seen = log.Workers();
  });
  BOOST_TEST(workers_seen.load() == 2u);
  BOOST_TEST(met.load());
}

// A caller waiting for its loop never takes an index of an older loop: that
// index may be long, and what follows the caller's loop would wait for it.
// Here a lesson's two variants (V) start while the other thread is busy, so
// the first takes both places' worth of work alone; its palette samples (S)
// get the other thread once it comes free. The first variant, done with its
// sample while the other thread still runs one, must leave the second
// variant to a helper and go on beside it: the second waits for the first
// to go on, which it cannot if the first's thread is the one running it.
BOOST_AUTO_TEST_CASE(ACallerWaitingLeavesOlderLoopsToHelpers) {
  LimitGuard limit(2);
  std::atomic<bool> samples_open{false}, other_sample{false}, second_started{false}, first_went_on{false}, met{true};
  cl::ParallelFor(2, [&](size_t outer) {
    if (outer == 1) {  // busy until the samples are open; then free, it takes the second sample
      WaitOrFail(samples_open, &met);
      return;
    }
    cl::ParallelFor(2, [&](size_t variant) {
      if (variant == 1) {
        second_started = true;
        WaitOrFail(first_went_on, &met);
        return;
      }
      cl::ParallelFor(2, [&](size_t sample) {
        if (sample == 0) {  // done once the other thread has the other sample: then it waits for it
          samples_open = true;
          WaitOrFail(other_sample, &met);
          return;
        }
        // The other thread's sample lasts until the second variant started.
        other_sample = true;
        WaitOrFail(second_started, &met);
      });
      first_went_on = true;
    });
  });
  BOOST_TEST(met.load());
}

// The thread that ends the last index of a loop whose caller gave its place
// hands that place back, instead of taking more work: the caller goes on at
// once. Here the caller (A) opens a loop M of three indices; the first opens
// an inner loop I, whose second index the other thread takes. A, done with
// the first, waits for I and leaves M's second index to a helper; the other
// thread ends I once that helper has started. M's second and third indices
// wait for A to go on: they would hold both places if the other thread took
// the third instead of handing its place to A.
BOOST_AUTO_TEST_CASE(TheThreadEndingALoopHandsItsPlaceToTheWaitingCaller) {
  LimitGuard limit(2);
  const std::thread::id caller = std::this_thread::get_id();
  std::atomic<bool> inner_open{false}, other_inner{false}, long_started{false}, went_on{false}, met{true};
  const auto long_index = [&] {
    long_started = true;
    WaitOrFail(went_on, &met);
  };
  cl::ParallelFor(2, [&](size_t) {
    if (std::this_thread::get_id() != caller) {  // the other thread: busy until I is open
      WaitOrFail(inner_open, &met);
      return;
    }
    cl::ParallelFor(3, [&](size_t m) {
      if (m > 0) return long_index();
      cl::ParallelFor(2, [&](size_t i) {
        if (i == 0) {  // done once the other thread has the other index
          inner_open = true;
          WaitOrFail(other_inner, &met);
          return;
        }
        other_inner = true;
        WaitOrFail(long_started, &met);
      });
      went_on = true;
    });
  });
  BOOST_TEST(met.load());
}

// A helper with nothing left to run waits for the next loop instead of
// ending, so what a thread keeps for itself (Pango's font map, caches) is
// made once per thread, not once per loop. Each of many loops run one after
// another has its two indices wait for each other, so a helper runs one of
// them; without reuse each loop's helper would be a new thread. (Earlier
// tests may leave several idle helpers, any of which may be woken: the
// bound is loose, far under one thread a loop.)
BOOST_AUTO_TEST_CASE(LoopsOneAfterAnotherReuseTheirHelperThreads) {
  LimitGuard limit(2);
  const std::thread::id caller = std::this_thread::get_id();
  constexpr int kLoops = 200;
  std::atomic<int> threads_seen{0}, loops_helped{0};
  std::atomic<bool> met{true};
  for (int loop = 0; loop < kLoops; ++loop) {
    std::atomic<int> started{0};
    cl::ParallelFor(2, [&](size_t) {
      ++started;
      const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
      while (started.load() < 2)
        if (std::chrono::steady_clock::now() > deadline) return void(met = false);
      if (std::this_thread::get_id() == caller) return;
      thread_local bool seen = false;
      if (!seen) seen = true, ++threads_seen;
      ++loops_helped;
    });
  }
  BOOST_TEST(met.load());
  BOOST_TEST(loops_helped.load() == kLoops);
  BOOST_TEST(threads_seen.load() <= 32);
}

BOOST_AUTO_TEST_CASE(NoIndicesForZero) {
  bool ran = false;
  cl::ParallelChain(0, 2, 1, [&](size_t, size_t) { ran = true; });
  BOOST_TEST(!ran);
}

BOOST_AUTO_TEST_SUITE_END()
