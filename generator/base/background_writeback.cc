#include "base/background_writeback.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "base/fault_injection.h"

namespace cl {

int BackgroundWriteback::SyncFileSystem(int folder_fd) { return ::syncfs(folder_fd) == 0 ? 0 : errno; }

BackgroundWriteback::BackgroundWriteback(const std::string& folder, std::chrono::milliseconds interval, SyncFn sync)
    : sync_(sync), folder_(folder) {
  fd_ = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd_ < 0) return;
  if (FlushFailsForTests()) error_ = fmt::format("cannot sync '{}': {}", folder_, std::strerror(EIO));
  thread_ = std::thread([this, interval] { Run(interval); });
}

BackgroundWriteback::~BackgroundWriteback() {
  {
    const std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  if (fd_ >= 0) ::close(fd_);
}

std::unique_lock<std::mutex> BackgroundWriteback::Pause(std::string* error) {
  std::unique_lock lock(mutex_);
  if (!error_.empty() && error != nullptr) *error = error_;
  return lock;
}

int BackgroundWriteback::flushes() const {
  const std::lock_guard lock(mutex_);
  return flushes_;
}

void BackgroundWriteback::Run(std::chrono::milliseconds interval) {
  std::unique_lock lock(mutex_);
  while (!unsupported_ && !wake_.wait_for(lock, interval, [this] { return stop_; })) Flush();
}

void BackgroundWriteback::Flush() {
  // Under the lock: a publish that pauses flushes waits for this one, and
  // its own sync then asks for what this one did not hear of.
  const int err = sync_(fd_);
  if (err == 0) {
    ++flushes_;
  } else if (err == ENOSYS) {
    unsupported_ = true;  // publishing syncs file by file instead (base/file_system.h)
  } else if (error_.empty()) {
    error_ = fmt::format("cannot sync '{}': {}", folder_, std::strerror(err));
  }
}

}  // namespace cl
