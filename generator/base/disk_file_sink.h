// DiskFileSink: a FileSink that writes under one root folder on disk, each
// file staged (Durability::kStaged: a new file under its own name, one there
// already replaced through a temporary). The build points it at a fresh
// staging folder and swaps the folder into place when the lesson is complete.
// Put may be called from several threads at once.
#pragma once

#include <atomic>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "base/file_sink.h"

namespace cl {

class DiskFileSink : public FileSink {
 public:
  explicit DiskFileSink(std::string root) : root_(std::move(root)) {}

  bool Put(std::string_view relative_path, std::string_view bytes, std::string* error) override;
  bool PutFrom(std::string_view relative_path, const FileFiller& fill, std::string* error) override;

  const std::string& root() const { return root_; }
  int files_written() const { return files_written_.load(); }
  long long bytes_written() const { return bytes_written_.load(); }
  // Relative paths written so far, sorted.
  std::vector<std::string> paths() const;

 private:
  // The file's full path once checked and its folder made; "" after an error.
  std::string Prepare(std::string_view relative_path, std::string* error);
  void Written(std::string_view relative_path, long long bytes);

  std::string root_;
  std::atomic<int> files_written_{0};
  std::atomic<long long> bytes_written_{0};
  mutable std::mutex mutex_;
  std::vector<std::string> paths_;
  // Folders this sink made or found (under mutex_): each is made once, not
  // looked up again for every file in it (a stat of each, 0.8 % of a
  // course build's time on this project's VMs).
  std::set<std::string, std::less<>> folders_;
};

}  // namespace cl
