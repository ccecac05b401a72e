#include "cli/watch_snapshot.h"

#include <sys/stat.h>

#include <filesystem>
#include <map>
#include <set>

#include "lesson/loader.h"

namespace cl {
namespace fs = std::filesystem;
namespace {

WatchedFile Stat(const std::string& path) {
  WatchedFile f;
  f.path = path;
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
    f.size = static_cast<long long>(st.st_size);
    f.mtime_ns = static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
    f.inode = st.st_ino;
  }
  return f;
}

}  // namespace

WatchSnapshot TakeWatchSnapshot(const std::vector<std::string>& lesson_paths, const std::vector<std::string>& inputs,
                                const std::string& templates_dir) {
  std::set<std::string> paths(inputs.begin(), inputs.end());
  std::error_code ec;
  for (const std::string& p : lesson_paths)
    if (!fs::is_directory(p, ec)) paths.insert(p);
  std::vector<Diagnostic> ignored;  // a missing path is reported by the build, not by every poll
  std::vector<std::string> course_files;  // course.yaml changes the whole build too
  for (const std::string& p : CollectLessonPaths(lesson_paths, &ignored, &course_files)) paths.insert(p);
  paths.insert(course_files.begin(), course_files.end());
  for (fs::recursive_directory_iterator it(templates_dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec)) paths.insert(it->path().string());
  WatchSnapshot snapshot;
  for (const std::string& p : paths) snapshot.push_back(Stat(p));
  return snapshot;
}

std::vector<std::string> ChangedPaths(const WatchSnapshot& before, const WatchSnapshot& after) {
  std::map<std::string, const WatchedFile*> old;
  for (const WatchedFile& f : before) old[f.path] = &f;
  std::set<std::string> changed;
  for (const WatchedFile& f : after) {
    auto it = old.find(f.path);
    if (it == old.end() || !(*it->second == f)) changed.insert(f.path);
    if (it != old.end()) old.erase(it);
  }
  for (const auto& [path, file] : old) changed.insert(path);
  return {changed.begin(), changed.end()};
}

}  // namespace cl
