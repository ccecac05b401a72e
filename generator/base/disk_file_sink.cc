#include "base/disk_file_sink.h"

#include <algorithm>

#include "base/fault_injection.h"
#include "base/file_system.h"

namespace cl {

std::string DiskFileSink::Prepare(std::string_view relative_path, std::string* error) {
  if (!IsSafeRelativePath(relative_path)) {
    if (error) *error = "unsafe output path '" + std::string(relative_path) + "'";
    return "";
  }
  std::string path = root_ + "/" + std::string(relative_path);
  if (WriteFailsForTests(relative_path)) {
    if (error) *error = "cannot write '" + path + "': Input/output error (CONVLESSON_TEST_FAIL_WRITE)";
    return "";
  }
  const std::string_view folder = std::string_view(path).substr(0, path.rfind('/'));
  {
    const std::lock_guard lock(mutex_);
    if (folders_.count(folder)) return path;
  }
  if (!MakeDirectories(std::string(folder), error)) return "";
  const std::lock_guard lock(mutex_);
  folders_.emplace(folder);
  return path;
}

void DiskFileSink::Written(std::string_view relative_path, long long bytes) {
  files_written_++;
  bytes_written_ += bytes;
  std::lock_guard lock(mutex_);
  paths_.emplace_back(relative_path);
}

bool DiskFileSink::Put(std::string_view relative_path, std::string_view bytes, std::string* error) {
  const std::string path = Prepare(relative_path, error);
  // Staged: the build syncs the whole folder once, when ReplacePath publishes it.
  if (path.empty() || !WriteFileAtomic(path, bytes, error, Durability::kStaged)) return false;
  Written(relative_path, static_cast<long long>(bytes.size()));
  return true;
}

bool DiskFileSink::PutFrom(std::string_view relative_path, const FileFiller& fill, std::string* error) {
  const std::string path = Prepare(relative_path, error);
  if (path.empty()) return false;
  long long size = 0;
  const FileFiller counted = [&](const PieceWriter& write, std::string* fill_error) {
    return fill(
        [&](std::string_view piece) {
          size += static_cast<long long>(piece.size());
          return write(piece);
        },
        fill_error);
  };
  if (!WriteFileAtomicFrom(path, counted, error, Durability::kStaged)) return false;
  Written(relative_path, size);
  return true;
}

std::vector<std::string> DiskFileSink::paths() const {
  std::lock_guard lock(mutex_);
  std::vector<std::string> sorted = paths_;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());  // a path put twice
  return sorted;
}

}  // namespace cl
