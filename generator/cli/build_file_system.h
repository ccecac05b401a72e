// BuildFileSystem: the file operations a course build's planning and
// publishing make, behind one small interface, so that they can be tested on
// an in-memory file system (MemoryBuildFileSystem) and run on the disk
// (DiskBuildFileSystem, base/file_system.h: atomic writes, swaps, fsync).
// Paths are plain strings with '/' (relative to the working folder or
// absolute). The build lock, crash recovery of staging folders and the
// ownership checks stay on the disk (build_lock.h, build_staging.h,
// output_ownership.h): they are about what a killed process leaves behind.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/file_sink.h"

namespace cl {

class BuildFileSystem {
 public:
  virtual ~BuildFileSystem() = default;
  // Whole file into *bytes; false with *error when missing, unreadable or over `max_bytes`.
  virtual bool ReadFile(const std::string& path, std::string* bytes, std::string* error,
                        size_t max_bytes = size_t{256} << 20) = 0;
  // Through a temporary and a rename; the parent folder must exist.
  virtual bool WriteFile(const std::string& path, std::string_view bytes, std::string* error) = 0;
  virtual bool MakeDirectories(const std::string& path, std::string* error) = 0;
  virtual bool RemoveTree(const std::string& path, std::string* error) = 0;  // a missing path is fine
  // Puts `staged` (file or folder) at `target` in one step; `staged` is gone after.
  virtual bool ReplacePath(const std::string& staged, const std::string& target, std::string* error) = 0;
  // Puts the file `from` itself at `to` as well (a hard link: same bytes,
  // inode and modification time), replacing what is at `to` in one step.
  // False, with `to` unchanged, where the file system cannot.
  virtual bool LinkFile(const std::string& from, const std::string& to) = 0;
  virtual bool PathExists(const std::string& path) = 0;   // without following a final symlink
  // Whether two paths name one existing file (spelled through a linked
  // folder, say).
  virtual bool SameFile(const std::string& a, const std::string& b) = 0;
  virtual bool IsDirectory(const std::string& path) = 0;
  // Whether root/relative is a regular file reached from `root` through
  // folders alone: no symbolic link on the way, nor at the end.
  virtual bool IsPlainFileUnder(const std::string& root, const std::string& relative) = 0;
  virtual std::vector<std::string> ListDirectory(const std::string& dir) = 0;  // names, sorted
  // A sink writing under `root` that remembers what was put (paths()).
  virtual std::unique_ptr<FileSink> SinkAt(const std::string& root) = 0;
};

// Relative paths put into a sink made by SinkAt, sorted.
std::vector<std::string> SinkPaths(const FileSink& sink);

// Whether `a` and `b` hold the same files with the same bytes (a file, or a
// folder's whole tree).
bool SameTree(BuildFileSystem& fs, const std::string& a, const std::string& b);

// The disk, through base/file_system.h.
class DiskBuildFileSystem : public BuildFileSystem {
 public:
  bool ReadFile(const std::string& path, std::string* bytes, std::string* error,
                size_t max_bytes = size_t{256} << 20) override;
  bool WriteFile(const std::string& path, std::string_view bytes, std::string* error) override;
  bool MakeDirectories(const std::string& path, std::string* error) override;
  bool RemoveTree(const std::string& path, std::string* error) override;
  bool ReplacePath(const std::string& staged, const std::string& target, std::string* error) override;
  bool LinkFile(const std::string& from, const std::string& to) override;
  bool PathExists(const std::string& path) override;
  bool SameFile(const std::string& a, const std::string& b) override;
  bool IsDirectory(const std::string& path) override;
  bool IsPlainFileUnder(const std::string& root, const std::string& relative) override;
  std::vector<std::string> ListDirectory(const std::string& dir) override;
  std::unique_ptr<FileSink> SinkAt(const std::string& root) override;
};

// Files and folders in memory, for tests. A file is shared by every path it
// is linked at, so Identity() tells a kept file from a rewritten one.
class MemoryBuildFileSystem : public BuildFileSystem {
 public:
  bool ReadFile(const std::string& path, std::string* bytes, std::string* error,
                size_t max_bytes = size_t{256} << 20) override;
  bool WriteFile(const std::string& path, std::string_view bytes, std::string* error) override;
  bool MakeDirectories(const std::string& path, std::string* error) override;
  bool RemoveTree(const std::string& path, std::string* error) override;
  bool ReplacePath(const std::string& staged, const std::string& target, std::string* error) override;
  bool LinkFile(const std::string& from, const std::string& to) override;
  bool PathExists(const std::string& path) override;
  bool SameFile(const std::string& a, const std::string& b) override;
  bool IsDirectory(const std::string& path) override;
  bool IsPlainFileUnder(const std::string& root, const std::string& relative) override;
  std::vector<std::string> ListDirectory(const std::string& dir) override;
  std::unique_ptr<FileSink> SinkAt(const std::string& root) override;

  // Test helpers: a file (and its folders), every file under `dir` (relative
  // to it, sorted), and which stored file a path holds (0: none).
  void Put(const std::string& path, std::string_view bytes);
  std::vector<std::string> FilesUnder(const std::string& dir) const;
  long Identity(const std::string& path) const;
  int writes() const { return writes_; }  // files written so far (not links)

 private:
  struct File {
    std::string bytes;
    long identity = 0;
  };
  std::map<std::string, std::shared_ptr<File>> files_;
  std::set<std::string> folders_;
  long next_identity_ = 1;
  int writes_ = 0;
};

}  // namespace cl
