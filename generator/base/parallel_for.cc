#include "base/parallel_for.h"

#include <algorithm>
#include <thread>
#include <vector>

namespace cl {
namespace {

std::atomic<int> g_limit{1};
std::atomic<int> g_helpers{0};  // helper threads running now, across every loop

// Claims one helper slot if the limit leaves one free.
bool TryClaimHelper() {
  int busy = g_helpers.load();
  while (busy + 1 < g_limit.load())
    if (g_helpers.compare_exchange_weak(busy, busy + 1)) return true;
  return false;
}

}  // namespace

void SetParallelism(int threads) { g_limit = std::max(threads, 1); }

int Parallelism() { return g_limit.load(); }

void ParallelFor(size_t count, const std::function<void(size_t)>& task, const std::atomic<bool>* stop) {
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (;;) {
      if (stop && stop->load()) return;
      size_t i = next++;
      if (i >= count) return;
      task(i);
    }
  };
  std::vector<std::thread> helpers;
  while (helpers.size() + 1 < count && TryClaimHelper())
    helpers.emplace_back([&] {
      worker();
      g_helpers--;
    });
  worker();
  for (std::thread& t : helpers) t.join();
}

void ParallelRuns(size_t max_runs, const std::function<void(size_t run, size_t runs)>& task) {
  if (max_runs == 0) return;
  size_t runs = 1;
  while (runs < max_runs && TryClaimHelper()) ++runs;
  std::vector<std::thread> helpers;
  helpers.reserve(runs - 1);
  for (size_t r = 1; r < runs; ++r)
    helpers.emplace_back([&task, r, runs] {
      task(r, runs);
      g_helpers--;
    });
  task(0, runs);
  for (std::thread& t : helpers) t.join();
}

}  // namespace cl
