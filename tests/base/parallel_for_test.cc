// The bounded pool: every index runs exactly once, never more threads at once
// than the limit, nested loops included, and a stop flag keeps further
// indices from starting; a loop of runs takes the threads free at its start,
// and a loop started while they were busy takes them as they come free.
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
  if (jobs > 1 && count >= 40) BOOST_TEST(c.most.load() > 1);  // it did run in parallel
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

BOOST_DATA_TEST_CASE(RunsTakeTheFreeThreads, bdata::make({1, 2, 3, 8}) * bdata::make({1, 2, 5}), jobs, max_runs) {
  LimitGuard limit(jobs);
  std::mutex mutex;
  std::vector<std::pair<size_t, size_t>> seen;  // (run, runs)
  std::atomic<size_t> arrived{0};
  std::atomic<bool> all_at_once{true};
  cl::ParallelRuns(static_cast<size_t>(max_runs), [&](size_t run, size_t runs) {
    {
      std::lock_guard lock(mutex);
      seen.emplace_back(run, runs);
    }
    // Each run waits for the others: only runs on threads of their own can
    // all arrive (one after another on one thread, the first would wait in
    // vain; the deadline keeps that a failure, not a hang).
    ++arrived;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (arrived.load() < runs)
      if (std::chrono::steady_clock::now() > deadline) {
        all_at_once = false;
        return;
      } else {
        std::this_thread::yield();
      }
  });
  const size_t runs = static_cast<size_t>(std::min(jobs, max_runs));  // every helper is free
  std::sort(seen.begin(), seen.end());
  BOOST_TEST_REQUIRE(seen.size() == runs);
  for (size_t r = 0; r < runs; ++r) BOOST_TEST((seen[r] == std::pair<size_t, size_t>{r, runs}));
  BOOST_TEST(all_at_once.load());
}

// With every helper busy (another lesson's loop) a loop of runs is one run on
// the calling thread, instead of its runs one after another.
BOOST_AUTO_TEST_CASE(RunsAreOneWhenEveryHelperIsBusy) {
  LimitGuard limit(2);
  std::atomic<size_t> inner_runs{0};
  std::atomic<int> outer_started{0};
  cl::ParallelFor(2, [&](size_t i) {
    ++outer_started;
    while (outer_started.load() < 2) std::this_thread::yield();  // both outer tasks hold the two threads
    if (i == 0) cl::ParallelRuns(4, [&](size_t, size_t runs) { inner_runs = runs; });
    else std::this_thread::sleep_for(std::chrono::milliseconds(20));
  });
  BOOST_TEST(inner_runs.load() == 1u);
  BOOST_TEST(cl::Parallelism() == 2);
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
  std::atomic<size_t> runs_seen{0};
  std::atomic<bool> met{true};
  cl::ParallelFor(2, [&](size_t) {
    if (std::this_thread::get_id() == caller) {  // one index, once the helper has the other
      const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
      while (!helper_started.load() && std::chrono::steady_clock::now() < deadline) std::this_thread::yield();
      return;
    }
    helper_started = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // the caller is waiting by then
    std::atomic<size_t> arrived{0};
    cl::ParallelRuns(2, [&](size_t, size_t runs) {
      runs_seen = runs;
      ++arrived;
      const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
      while (arrived.load() < 2)
        if (std::chrono::steady_clock::now() > deadline) {
          met = false;
          return;
        } else {
          std::this_thread::yield();
        }
    });
  });
  BOOST_TEST(runs_seen.load() == 2u);
  BOOST_TEST(met.load());
}

BOOST_AUTO_TEST_CASE(NoRunsForZero) {
  bool ran = false;
  cl::ParallelRuns(0, [&](size_t, size_t) { ran = true; });
  BOOST_TEST(!ran);
}

BOOST_AUTO_TEST_SUITE_END()
