#include "cli/build_file_system.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <mutex>

#include "base/disk_file_sink.h"
#include "base/file_system.h"

namespace cl {
namespace {

// Normal form of a path: no "./", no doubled or trailing '/'.
std::string Normal(const std::string& path) {
  std::string normal = std::filesystem::path(path).lexically_normal().generic_string();
  while (normal.size() > 1 && normal.back() == '/') normal.pop_back();
  return normal;
}

std::string Parent(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

bool Under(const std::string& path, const std::string& dir) {
  return path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 && path[dir.size()] == '/';
}

class MemorySink : public FileSink {
 public:
  MemorySink(MemoryBuildFileSystem* fs, std::string root) : fs_(fs), root_(std::move(root)) {}
  bool Put(std::string_view relative_path, std::string_view bytes, std::string* error) override {
    std::lock_guard lock(mutex_);
    const std::string path = root_ + "/" + std::string(relative_path);
    if (!fs_->MakeDirectories(Parent(path), error) || !fs_->WriteFile(path, bytes, error)) return false;
    paths_.emplace_back(relative_path);
    return true;
  }
  std::vector<std::string> paths() const {
    std::lock_guard lock(mutex_);
    std::vector<std::string> sorted = paths_;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    return sorted;
  }

 private:
  MemoryBuildFileSystem* fs_;
  std::string root_;
  mutable std::mutex mutex_;
  std::vector<std::string> paths_;
};

}  // namespace

std::vector<std::string> SinkPaths(const FileSink& sink) {
  if (const auto* disk = dynamic_cast<const DiskFileSink*>(&sink)) return disk->paths();
  if (const auto* memory = dynamic_cast<const MemorySink*>(&sink)) return memory->paths();
  return {};
}

bool SameTree(BuildFileSystem& fs, const std::string& a, const std::string& b) {
  const bool dir_a = fs.IsDirectory(a), dir_b = fs.IsDirectory(b);
  if (dir_a != dir_b || !fs.PathExists(a) || !fs.PathExists(b)) return false;
  if (!dir_a) {
    std::string x, y;
    return fs.ReadFile(a, &x, nullptr) && fs.ReadFile(b, &y, nullptr) && x == y;
  }
  const std::vector<std::string> names = fs.ListDirectory(a);
  if (names != fs.ListDirectory(b)) return false;
  for (const std::string& name : names)
    if (!SameTree(fs, a + "/" + name, b + "/" + name)) return false;
  return true;
}

// --- the disk

namespace {

// Whether `a` and `b` are one file, by `stat_fn` (::stat follows links, ::lstat does not).
bool SameInode(const std::string& a, const std::string& b, int (*stat_fn)(const char*, struct stat*)) {
  struct stat x {}, y {};
  return stat_fn(a.c_str(), &x) == 0 && stat_fn(b.c_str(), &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

}  // namespace

bool DiskBuildFileSystem::ReadFile(const std::string& path, std::string* bytes, std::string* error, size_t max_bytes) {
  return ReadFileBytes(path, bytes, error, max_bytes);
}
bool DiskBuildFileSystem::WriteFile(const std::string& path, std::string_view bytes, std::string* error) {
  return WriteFileAtomic(path, bytes, error);
}
bool DiskBuildFileSystem::MakeDirectories(const std::string& path, std::string* error) {
  return cl::MakeDirectories(path, error);
}
bool DiskBuildFileSystem::RemoveTree(const std::string& path, std::string* error) { return cl::RemoveTree(path, error); }
bool DiskBuildFileSystem::ReplacePath(const std::string& staged, const std::string& target, std::string* error) {
  return cl::ReplacePath(staged, target, error);
}
bool DiskBuildFileSystem::LinkFile(const std::string& from, const std::string& to) {
  // `to` is that very file already (a merge links the shards' files, and
  // merging again finds them in both places): a rename between two links of
  // one file does nothing and would leave the temporary behind.
  if (SameInode(from, to, ::lstat)) return true;
  // Linked beside `to`, then renamed over it: `to` is never missing.
  const std::string temp = to + ".link";
  if (::link(from.c_str(), temp.c_str()) != 0) return false;
  if (::rename(temp.c_str(), to.c_str()) == 0) return true;
  ::unlink(temp.c_str());
  return false;
}
bool DiskBuildFileSystem::PathExists(const std::string& path) { return cl::PathExists(path); }
bool DiskBuildFileSystem::SameFile(const std::string& a, const std::string& b) { return SameInode(a, b, ::stat); }
bool DiskBuildFileSystem::IsDirectory(const std::string& path) { return cl::IsDirectory(path); }
bool DiskBuildFileSystem::IsPlainFileUnder(const std::string& root, const std::string& relative) {
  std::string path = root;
  for (std::size_t start = 0;;) {
    const std::size_t slash = relative.find('/', start);
    path += "/" + relative.substr(start, slash - start);
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) return false;
    if (slash == std::string::npos) return S_ISREG(st.st_mode);
    if (!S_ISDIR(st.st_mode)) return false;
    start = slash + 1;
  }
}
std::vector<std::string> DiskBuildFileSystem::ListDirectory(const std::string& dir) { return cl::ListDirectory(dir); }
std::unique_ptr<FileSink> DiskBuildFileSystem::SinkAt(const std::string& root) {
  return std::make_unique<DiskFileSink>(root);
}

// --- memory

bool MemoryBuildFileSystem::ReadFile(const std::string& path, std::string* bytes, std::string* error,
                                     size_t max_bytes) {
  auto it = files_.find(Normal(path));
  if (it == files_.end() || it->second->bytes.size() > max_bytes) {
    if (error) *error = "cannot read '" + path + "'";
    return false;
  }
  *bytes = it->second->bytes;
  return true;
}

bool MemoryBuildFileSystem::WriteFile(const std::string& path, std::string_view bytes, std::string* error) {
  const std::string p = Normal(path);
  if (!IsDirectory(Parent(p)) || folders_.count(p)) {
    if (error) *error = "cannot write '" + path + "'";
    return false;
  }
  files_[p] = std::make_shared<File>(File{std::string(bytes), next_identity_++});
  ++writes_;
  return true;
}

bool MemoryBuildFileSystem::MakeDirectories(const std::string& path, std::string* error) {
  std::string p = Normal(path);
  for (;;) {
    if (files_.count(p)) {
      if (error) *error = "'" + p + "' is a file";
      return false;
    }
    if (p == "." || p == "/" || p.empty()) return true;
    folders_.insert(p);
    if (p.find('/') == std::string::npos) return true;
    p = Parent(p);
  }
}

bool MemoryBuildFileSystem::RemoveTree(const std::string& path, std::string*) {
  const std::string p = Normal(path);
  files_.erase(p);
  folders_.erase(p);
  std::erase_if(files_, [&](const auto& entry) { return Under(entry.first, p); });
  std::erase_if(folders_, [&](const std::string& f) { return Under(f, p); });
  return true;
}

bool MemoryBuildFileSystem::ReplacePath(const std::string& staged, const std::string& target, std::string* error) {
  const std::string from = Normal(staged), to = Normal(target);
  if (!PathExists(from) || !IsDirectory(Parent(to))) {
    if (error) *error = "cannot replace '" + target + "'";
    return false;
  }
  RemoveTree(to, nullptr);
  std::map<std::string, std::shared_ptr<File>> moved;
  for (auto it = files_.begin(); it != files_.end();) {
    if (it->first == from || Under(it->first, from)) {
      moved[to + it->first.substr(from.size())] = it->second;
      it = files_.erase(it);
    } else {
      ++it;
    }
  }
  std::set<std::string> moved_folders;
  for (auto it = folders_.begin(); it != folders_.end();) {
    if (*it == from || Under(*it, from)) {
      moved_folders.insert(to + it->substr(from.size()));
      it = folders_.erase(it);
    } else {
      ++it;
    }
  }
  files_.insert(moved.begin(), moved.end());
  folders_.insert(moved_folders.begin(), moved_folders.end());
  return true;
}

bool MemoryBuildFileSystem::LinkFile(const std::string& from, const std::string& to) {
  auto it = files_.find(Normal(from));
  if (it == files_.end() || !IsDirectory(Parent(Normal(to))) || folders_.count(Normal(to))) return false;
  files_[Normal(to)] = it->second;
  return true;
}

bool MemoryBuildFileSystem::SameFile(const std::string& a, const std::string& b) {
  auto x = files_.find(Normal(a)), y = files_.find(Normal(b));
  return x != files_.end() && y != files_.end() && x->second == y->second;
}

bool MemoryBuildFileSystem::PathExists(const std::string& path) {
  const std::string p = Normal(path);
  return files_.count(p) || IsDirectory(p);
}

bool MemoryBuildFileSystem::IsPlainFileUnder(const std::string& root, const std::string& relative) {
  return files_.count(Normal(root + "/" + relative)) > 0;  // it holds no links
}

bool MemoryBuildFileSystem::IsDirectory(const std::string& path) {
  const std::string p = Normal(path);
  return p == "." || p == "/" || folders_.count(p) > 0;
}

std::vector<std::string> MemoryBuildFileSystem::ListDirectory(const std::string& dir) {
  const std::string d = Normal(dir);
  std::set<std::string> names;
  auto add = [&](const std::string& path) {
    if (d == ".") {
      if (path.find('/') == std::string::npos) names.insert(path);
    } else if (Under(path, d) && path.find('/', d.size() + 1) == std::string::npos) {
      names.insert(path.substr(d.size() + 1));
    }
  };
  for (const auto& [path, file] : files_) add(path);
  for (const std::string& folder : folders_) add(folder);
  return {names.begin(), names.end()};
}

std::unique_ptr<FileSink> MemoryBuildFileSystem::SinkAt(const std::string& root) {
  return std::make_unique<MemorySink>(this, Normal(root));
}

void MemoryBuildFileSystem::Put(const std::string& path, std::string_view bytes) {
  MakeDirectories(Parent(Normal(path)), nullptr);
  WriteFile(path, bytes, nullptr);
}

std::vector<std::string> MemoryBuildFileSystem::FilesUnder(const std::string& dir) const {
  const std::string d = Normal(dir);
  std::vector<std::string> files;
  for (const auto& [path, file] : files_)
    if (Under(path, d)) files.push_back(path.substr(d.size() + 1));
  return files;
}

long MemoryBuildFileSystem::Identity(const std::string& path) const {
  auto it = files_.find(Normal(path));
  return it == files_.end() ? 0 : it->second->identity;
}

}  // namespace cl
