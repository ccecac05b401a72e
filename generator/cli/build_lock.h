// BuildLock: one build at a time per output folder. An advisory lock (flock)
// on out/.convlesson.lock; the kernel drops it when the process exits, even on
// SIGKILL, so a killed build never leaves a stale lock. A second build waits
// for the first to finish rather than failing, so `watch` and a manual build
// can share out/. The lock file stays (empty) after the build.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace cl {

inline constexpr std::string_view kLockName = ".convlesson.lock";

class BuildLock {
 public:
  BuildLock() = default;
  BuildLock(const BuildLock&) = delete;
  BuildLock& operator=(const BuildLock&) = delete;
  ~BuildLock() { Release(); }

  // Locks `out_dir` (which must exist). If another process holds it, calls
  // `on_wait` once and blocks until it is free; with `wait` false fails instead.
  bool Acquire(const std::string& out_dir, bool wait, const std::function<void()>& on_wait, std::string* error);
  void Release();
  bool held() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

}  // namespace cl
