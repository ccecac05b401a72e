#include "base/file_system.h"

#include <fcntl.h>
#include <stdio.h>  // NOLINT(modernize-deprecated-headers): renameat2 is glibc's, declared here
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "base/fault_injection.h"

namespace cl {
namespace fs = std::filesystem;
namespace {

std::string Failure(std::string_view what, const std::string& path, int err) {
  return fmt::format("cannot {} '{}': {}", what, path, std::strerror(err));
}

// Writes `first` then `then`, in as few system calls as the kernel takes
// them, retrying short writes and EINTR.
bool WriteAll(int fd, std::string_view first, std::string_view then) {
  while (!first.empty() || !then.empty()) {
    iovec parts[2] = {{const_cast<char*>(first.data()), first.size()}, {const_cast<char*>(then.data()), then.size()}};
    const bool both = !first.empty() && !then.empty();
    ssize_t n = ::writev(fd, first.empty() ? &parts[1] : &parts[0], both ? 2 : 1);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    const std::size_t from_first = std::min(static_cast<std::size_t>(n), first.size());
    first.remove_prefix(from_first);
    then.remove_prefix(static_cast<std::size_t>(n) - from_first);
  }
  return true;
}

std::atomic<long long> sync_count{0};

// What WriteFileAtomicFrom gathers of a file's small pieces before writing
// them, and what counts as small.
constexpr std::size_t kGatheredBytes = 64 << 10, kSmallPiece = 4 << 10;

// fsync with EINTR retried; counts successes for SyncCountForTests.
bool Fsync(int fd) {
  int r;
  do r = ::fsync(fd);
  while (r != 0 && errno == EINTR);
  if (r == 0) ++sync_count;
  return r == 0;
}

// Makes a folder's entries (names created, renamed or removed in it) durable.
// A file system that cannot sync folders (EINVAL) has nothing more to give.
bool SyncFolder(const std::string& path, std::string* error) {
  int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    if (error) *error = Failure("sync", path, errno);
    return false;
  }
  const bool ok = Fsync(fd) || errno == EINVAL;
  const int err = errno;
  ::close(fd);
  if (!ok && error) *error = Failure("sync", path, err);
  return ok;
}

// A file's bytes, by path (a symbolic link has nothing to sync).
bool SyncFile(const std::string& path, std::string* error) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
  if (fd < 0 && errno == ELOOP) return true;
  if (fd < 0) {
    if (error) *error = Failure("sync", path, errno);
    return false;
  }
  const bool ok = Fsync(fd);
  const int err = errno;
  ::close(fd);
  if (!ok && error) *error = Failure("sync", path, err);
  return ok;
}

// Every file and folder under `staged` (symbolic links are not followed): the
// files were written unsynced (Durability::kStaged), so their file system is
// flushed once (syncfs: one journal commit for a lesson's ~200 files instead
// of one each), which writes its folders' entries too; where it cannot be,
// each file is, then each folder. A staged file is synced itself.
bool SyncStaged(const std::string& staged, std::string* error) {
  if (!IsDirectory(staged)) return SyncFile(staged, error);
  int fd = ::open(staged.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    if (error) *error = Failure("sync", staged, errno);
    return false;
  }
  const bool flushed = ::syncfs(fd) == 0;
  const int err = errno;
  ::close(fd);
  if (flushed) {
    // Like sync(2), syncfs writes the metadata too: fsyncing each folder
    // after it (the default lesson's six) only added journal commits.
    ++sync_count;
    return true;
  }
  if (err != ENOSYS) {
    if (error) *error = Failure("sync", staged, err);
    return false;
  }
  std::error_code ec;
  for (fs::recursive_directory_iterator it(staged, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_symlink(ec)) continue;
    if (it->is_directory(ec) ? !SyncFolder(it->path().string(), error)
                             : it->is_regular_file(ec) && !SyncFile(it->path().string(), error))
      return false;
  }
  if (ec) {
    if (error) *error = Failure("sync", staged, ec.value());
    return false;
  }
  return SyncFolder(staged, error);
}

std::string ParentFolder(const std::string& path) {
  const std::string parent = fs::path(path).parent_path().string();
  return parent.empty() ? "." : parent;
}

}  // namespace

long long SyncCountForTests() { return sync_count.load(); }

bool ReadFileBytes(const std::string& path, std::string* bytes, std::string* error, size_t max_bytes) {
  // O_NONBLOCK: opening a FIFO named where a file was expected must not hang
  // the build (regular files ignore the flag).
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    if (error) *error = Failure("read", path, errno);
    return false;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    int err = S_ISDIR(st.st_mode) ? EISDIR : S_ISREG(st.st_mode) ? errno : EINVAL;
    ::close(fd);
    if (error) *error = Failure("read", path, err == 0 ? EINVAL : err);
    return false;
  }
  if (static_cast<unsigned long long>(st.st_size) > max_bytes) {
    ::close(fd);
    if (error) *error = fmt::format("cannot read '{}': larger than {} bytes", path, max_bytes);
    return false;
  }
  bytes->clear();
  bytes->reserve(static_cast<size_t>(st.st_size));
  char chunk[65536];
  for (;;) {
    ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      if (error) *error = Failure("read", path, err);
      return false;
    }
    if (n == 0) break;
    if (bytes->size() + static_cast<size_t>(n) > max_bytes) {  // the file grew while we read it
      ::close(fd);
      if (error) *error = fmt::format("cannot read '{}': larger than {} bytes", path, max_bytes);
      return false;
    }
    bytes->append(chunk, static_cast<size_t>(n));
  }
  ::close(fd);
  return true;
}

bool WriteFileAtomic(const std::string& path, std::string_view bytes, std::string* error, Durability durability) {
  return WriteFileAtomicFrom(
      path, [bytes](const PieceWriter& write, std::string*) { return write(bytes); }, error, durability);
}

bool WriteFileAtomicFrom(const std::string& path, const FileFiller& fill, std::string* error, Durability durability) {
  static std::atomic<unsigned long> counter{0};
  // A staged file not there yet is made under its own name (a rename per
  // file was 2 % of a 2000-beat lesson's build, 8000 files): its folder is
  // published only whole, once every file in it is complete, and a build
  // that stops first leaves the folder to be removed. A file already there
  // (a path put twice, a kept output linked in) is never written in place:
  // a temporary replaces it, as for a published file.
  std::string temp;
  int fd = -1;
  if (durability == Durability::kStaged) {
    fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST) {
      if (error) *error = Failure("write", path, errno);
      return false;
    }
  }
  if (fd < 0) {
    const fs::path target(path);
    // Hidden, unique per process and call, in the same folder so rename stays atomic.
    temp = (target.parent_path() /
            fmt::format(".{}.tmp{}-{}", target.filename().string(), static_cast<long>(::getpid()), counter++))
               .string();
    fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) {
      if (error) *error = Failure("write", path, errno);
      return false;
    }
  }
  // What a failure removes: the temporary, or the staged file this call made.
  const std::string& made = temp.empty() ? path : temp;
  // The bytes reach the disk before the rename names them: otherwise a crash
  // soon after can leave an empty file under the new name. A staged file is
  // synced with the whole staging folder before it is published (ReplacePath).
  int err = 0;
  std::string fill_error;
  bool filled = false;
  // Small pieces are gathered and go out with the next large one, in one
  // system call: an SVG frame came as its declaration, its root element,
  // its body and its end tag, four writes where two do (half of a course
  // build's writes were of under a kilobyte).
  std::string gathered;
  try {
    filled = fill(
        [&](std::string_view piece) {
          if (piece.size() < kSmallPiece && gathered.size() + piece.size() <= kGatheredBytes) {
            gathered += piece;
            return true;
          }
          const bool written = WriteAll(fd, gathered, piece);
          gathered.clear();
          if (!written) err = errno;
          return written;
        },
        &fill_error);
    if (filled && !WriteAll(fd, gathered, {})) filled = false, err = errno;
  } catch (...) {  // the maker of the pieces failed (out of memory): no half file stays behind
    ::close(fd);
    ::unlink(made.c_str());
    throw;
  }
  bool ok = filled && (durability == Durability::kStaged || Fsync(fd));
  if (filled && !ok) err = errno;
  if (::close(fd) != 0 && ok) ok = false, err = errno;
  if (ok && !temp.empty() && ::rename(temp.c_str(), path.c_str()) != 0) ok = false, err = errno;
  if (!ok) {
    ::unlink(made.c_str());
    if (error) *error = err != 0 ? Failure("write", path, err) : !fill_error.empty() ? fill_error : Failure("write", path, EIO);
    return false;
  }
  if (durability == Durability::kPublished) return SyncFolder(ParentFolder(path), error);
  return true;
}

bool MakeDirectories(const std::string& path, std::string* error) {
  std::error_code ec;
  fs::create_directories(path, ec);
  // Another thread creating a parent at the same moment can make this call
  // fail half way (it found the parent missing, then could not create it):
  // once more, with the parent there.
  if (ec && !IsDirectory(path)) {
    ec.clear();
    fs::create_directories(path, ec);
  }
  if (ec && !IsDirectory(path)) {
    if (error) *error = Failure("create folder", path, ec.value());
    return false;
  }
  if (!IsDirectory(path)) {
    if (error) *error = Failure("create folder", path, ENOTDIR);
    return false;
  }
  return true;
}

bool RemoveTree(const std::string& path, std::string* error) {
  std::error_code ec;
  fs::remove_all(path, ec);  // removes symlinks themselves, never their targets
  if (ec && ec != std::errc::no_such_file_or_directory) {
    if (error) *error = Failure("remove", path, ec.value());
    return false;
  }
  return true;
}

bool ReplacePath(const std::string& staged, const std::string& target, std::string* error, bool allow_exchange) {
  if (!SyncStaged(staged, error)) return false;
  const std::string parent = ParentFolder(target);
  if (!PathExists(target)) {
    if (::rename(staged.c_str(), target.c_str()) == 0) {
      CrashPoint("swapped");
      return SyncFolder(parent, error);
    }
    if (error) *error = Failure("move into place", target, errno);
    return false;
  }
  if (allow_exchange && !ExchangeDisabledForTests()) {
    if (::renameat2(AT_FDCWD, staged.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
      CrashPoint("swapped");
      return SyncFolder(parent, error) && RemoveTree(staged, error);  // `staged` now holds the old version
    }
  } else {
    errno = ENOSYS;
  }
  if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP) {
    if (error) *error = Failure("swap into place", target, errno);
    return false;
  }
  // No atomic exchange on this file system: move the old version aside first.
  std::string aside = staged + ".old";
  if (!RemoveTree(aside, error)) return false;
  if (::rename(target.c_str(), aside.c_str()) != 0) {
    if (error) *error = Failure("move aside", target, errno);
    return false;
  }
  CrashPoint("moved-aside");
  if (::rename(staged.c_str(), target.c_str()) != 0) {
    int err = errno;
    (void)::rename(aside.c_str(), target.c_str());  // put the old version back (else RecoverAside will)
    if (error) *error = Failure("move into place", target, err);
    return false;
  }
  CrashPoint("swapped");
  return SyncFolder(parent, error) && RemoveTree(aside, error);
}

bool RecoverAside(const std::string& staged, const std::string& target, std::string* error) {
  std::string aside = staged + ".old";
  if (PathExists(target) || !PathExists(aside)) return true;
  if (::rename(aside.c_str(), target.c_str()) == 0) return true;
  if (error) *error = Failure("restore", target, errno);
  return false;
}

bool PathExists(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0;
}

bool IsDirectory(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::vector<std::string> ListDirectory(const std::string& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    names.push_back(it->path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace cl
