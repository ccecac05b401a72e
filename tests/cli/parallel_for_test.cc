// The bounded pool: every index runs exactly once at most `jobs` at a time,
// and a stop flag keeps further indices from starting.
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "cli/parallel_for.h"

namespace bdata = boost::unit_test::data;

BOOST_AUTO_TEST_SUITE(ParallelForSuite)

BOOST_DATA_TEST_CASE(EveryIndexOnceWithinTheBound, bdata::make({1, 2, 3, 8}) * bdata::make({0, 1, 5, 40}), jobs,
                     count) {
  std::vector<std::atomic<int>> runs(static_cast<size_t>(count));
  std::atomic<int> running{0}, most{0};
  cl::ParallelFor(static_cast<size_t>(count), jobs, [&](size_t i) {
    int now = ++running;
    for (int seen = most.load(); now > seen && !most.compare_exchange_weak(seen, now);) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    runs[i]++;
    --running;
  });
  for (const auto& r : runs) BOOST_TEST(r.load() == 1);
  BOOST_TEST(most.load() <= jobs);
}

BOOST_AUTO_TEST_CASE(StopKeepsLaterIndicesFromStarting) {
  std::atomic<bool> stop{false};
  std::mutex mutex;
  std::vector<size_t> ran;
  cl::ParallelFor(100, 1, [&](size_t i) {
    std::lock_guard lock(mutex);
    ran.push_back(i);
    if (i == 2) stop = true;
  }, &stop);
  BOOST_TEST(ran == (std::vector<size_t>{0, 1, 2}));
}

BOOST_AUTO_TEST_SUITE_END()
