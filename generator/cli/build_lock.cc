#include "cli/build_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace cl {

bool BuildLock::Acquire(const std::string& out_dir, bool wait, const std::function<void()>& on_wait,
                        std::string* error) {
  Release();
  std::string path = out_dir + "/" + std::string(kLockName);
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0666);
  if (fd < 0) {
    if (error) *error = fmt::format("cannot open lock file '{}': {}", path, std::strerror(errno));
    return false;
  }
  int rc;
  while ((rc = ::flock(fd, LOCK_EX | LOCK_NB)) != 0 && errno == EINTR) {
  }
  if (rc != 0 && errno == EWOULDBLOCK) {
    if (!wait) {
      ::close(fd);
      if (error) *error = fmt::format("another convlesson build is using '{}'", out_dir);
      return false;
    }
    if (on_wait) on_wait();
    while ((rc = ::flock(fd, LOCK_EX)) != 0 && errno == EINTR) {
    }
  }
  if (rc != 0) {
    int err = errno;
    ::close(fd);
    if (error) *error = fmt::format("cannot lock '{}': {}", path, std::strerror(err));
    return false;
  }
  fd_ = fd;
  return true;
}

void BuildLock::Release() {
  if (fd_ < 0) return;
  ::flock(fd_, LOCK_UN);
  ::close(fd_);
  fd_ = -1;
}

}  // namespace cl
