#include "base/disk_file_sink.h"

#include <algorithm>

#include "base/fault_injection.h"
#include "base/file_system.h"

namespace cl {

bool DiskFileSink::Put(std::string_view relative_path, std::string_view bytes, std::string* error) {
  if (!IsSafeRelativePath(relative_path)) {
    if (error) *error = "unsafe output path '" + std::string(relative_path) + "'";
    return false;
  }
  std::string path = root_ + "/" + std::string(relative_path);
  if (WriteFailsForTests(relative_path)) {
    if (error) *error = "cannot write '" + path + "': Input/output error (CONVLESSON_TEST_FAIL_WRITE)";
    return false;
  }
  size_t slash = path.rfind('/');
  if (!MakeDirectories(path.substr(0, slash), error)) return false;
  // Staged: the build syncs the whole folder once, when ReplacePath publishes it.
  if (!WriteFileAtomic(path, bytes, error, Durability::kStaged)) return false;
  files_written_++;
  bytes_written_ += static_cast<long long>(bytes.size());
  std::lock_guard lock(mutex_);
  paths_.emplace_back(relative_path);
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
