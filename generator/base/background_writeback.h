// Writing staged files back to the disk while a build goes on. Publishing
// syncs the staged files' file system (ReplacePath: syncfs) before it swaps
// them in, and that sync waited for everything written since the last one:
// the 1808-beat lesson's 283 MB took 0.2-0.3 s at its end, with both cores
// idle. A thread that flushes the file system every so often while lessons
// render leaves the publishing sync the last few megabytes.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace cl {

class BackgroundWriteback {
 public:
  // How a flush is done: 0, or the errno value of its failure (ENOSYS: no
  // flushes can be, and none is tried again).
  using SyncFn = int (*)(int folder_fd);
  static int SyncFileSystem(int folder_fd);  // syncfs

  // Flushes the file system holding `folder` every `interval` until
  // destroyed; does nothing when the folder cannot be opened. With
  // CONVLESSON_TEST_FAIL_FLUSH set (base/fault_injection.h), a first flush
  // fails before this returns.
  BackgroundWriteback(const std::string& folder, std::chrono::milliseconds interval, SyncFn sync = SyncFileSystem);
  ~BackgroundWriteback();  // stops the flushes (waiting for one under way)
  BackgroundWriteback(const BackgroundWriteback&) = delete;
  BackgroundWriteback& operator=(const BackgroundWriteback&) = delete;

  // Holds flushes off until the returned lock is released; sets *error to
  // the error of a flush that failed, if one did. A publish syncs under it:
  // the kernel tells a write error to the first sync that asks, so one a
  // flush met would never reach the publishing sync, and must be told here.
  std::unique_lock<std::mutex> Pause(std::string* error);

  // Flushes done so far (for tests).
  int flushes() const;

 private:
  void Run(std::chrono::milliseconds interval);
  void Flush();  // under mutex_

  const SyncFn sync_;
  mutable std::mutex mutex_;  // held while flushing and by Pause
  std::condition_variable wake_;
  bool stop_ = false;
  int fd_ = -1;
  int flushes_ = 0;
  bool unsupported_ = false;  // the kernel has no syncfs
  std::string error_;  // the first failed flush's
  std::string folder_;
  std::thread thread_;
};

}  // namespace cl
