// BuildLock: one build at a time per output folder. An advisory lock (flock)
// on out/.convlesson.lock; the kernel drops it when the process exits, even on
// SIGKILL, so a killed build never leaves a stale lock. A second build waits
// for the first to finish rather than failing, so `watch` and a manual build
// can share out/. The lock file stays (empty) after the build, unless the
// build made the folder and wrote nothing into it (ReleaseRemovingFolder).
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
  // A lock whose file was removed while this one waited (the holder made
  // the folder, wrote nothing and removed both) is taken again, on a new
  // file in a folder made again.
  bool Acquire(const std::string& out_dir, bool wait, const std::function<void()>& on_wait, std::string* error);
  void Release();
  // Removes the lock file and `out_dir`, which must hold nothing else
  // (left as they are if it does), then releases: a failed first build
  // leaves no folder behind.
  void ReleaseRemovingFolder(const std::string& out_dir);
  bool held() const { return fd_ >= 0; }

 private:
  // Opens and locks the file at `path` (fd_), waiting if `wait`.
  bool LockFile(const std::string& path, const std::string& out_dir, bool wait, const std::function<void()>& on_wait,
                std::string* error);

  int fd_ = -1;
};

}  // namespace cl
