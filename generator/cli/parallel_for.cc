#include "cli/parallel_for.h"

#include <algorithm>
#include <thread>
#include <vector>

namespace cl {

void ParallelFor(size_t count, int jobs, const std::function<void(size_t)>& task, const std::atomic<bool>* stop) {
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (;;) {
      if (stop && stop->load()) return;
      size_t i = next++;
      if (i >= count) return;
      task(i);
    }
  };
  size_t threads = std::min(count, static_cast<size_t>(std::max(jobs, 1)));
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
}

}  // namespace cl
