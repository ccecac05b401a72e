#include "cli/build_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace cl {

namespace {

// Whether `fd` is still the file at `path` (not removed or replaced since it was opened).
bool StillAt(int fd, const std::string& path) {
  struct stat held {}, named {};
  return ::fstat(fd, &held) == 0 && ::lstat(path.c_str(), &named) == 0 && held.st_dev == named.st_dev &&
         held.st_ino == named.st_ino;
}

}  // namespace

bool BuildLock::Acquire(const std::string& out_dir, bool wait, const std::function<void()>& on_wait,
                        std::string* error) {
  Release();
  const std::string path = out_dir + "/" + std::string(kLockName);
  // A holder that made the folder may remove it with the lock file when it
  // wrote nothing: a waiter then holds a lock on a file no longer there, and
  // makes the folder and the file again. Bounded: each round needs another
  // build to have made and removed the folder meanwhile.
  for (int round = 0; round < 100; ++round) {
    if (round > 0 && ::mkdir(out_dir.c_str(), 0777) != 0 && errno != EEXIST) {
      if (error) *error = fmt::format("cannot make '{}' again: {}", out_dir, std::strerror(errno));
      return false;
    }
    if (!LockFile(path, out_dir, wait, round == 0 ? on_wait : nullptr, error)) return false;
    if (StillAt(fd_, path)) return true;
    Release();
  }
  if (error) *error = fmt::format("cannot lock '{}': its lock file keeps being removed", path);
  return false;
}

bool BuildLock::LockFile(const std::string& path, const std::string& out_dir, bool wait,
                         const std::function<void()>& on_wait, std::string* error) {
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

void BuildLock::ReleaseRemovingFolder(const std::string& out_dir) {
  if (fd_ >= 0) {
    const std::string path = out_dir + "/" + std::string(kLockName);
    // rmdir fails, leaving the folder, if anything else is in it; the lock
    // file is then made again, empty, as a build leaves it.
    if (StillAt(fd_, path) && ::unlink(path.c_str()) == 0 && ::rmdir(out_dir.c_str()) != 0) {
      const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0666);
      if (fd >= 0) ::close(fd);
    }
  }
  Release();
}

void BuildLock::Release() {
  if (fd_ < 0) return;
  ::flock(fd_, LOCK_UN);
  ::close(fd_);
  fd_ = -1;
}

}  // namespace cl
