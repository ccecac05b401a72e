// CollectLessonPaths: what `check` and `build` are asked to read.
#include <algorithm>
#include <filesystem>
#include <set>

#include "lesson/loader.h"

namespace cl {

std::vector<std::string> CollectLessonPaths(const std::vector<std::string>& paths,
                                            std::vector<Diagnostic>* diagnostics,
                                            std::vector<std::string>* course_files) {
  namespace fs = std::filesystem;
  std::vector<std::string> lessons;
  std::set<std::string> seen;
  auto add = [&](const std::string& path) {
    if (seen.insert(fs::path(path).lexically_normal().string()).second) lessons.push_back(path);
  };
  for (const std::string& path : paths) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (!fs::exists(status)) {
      diagnostics->push_back({Severity::Error, {path, 0, 0}, "no such file or folder", 1});
      continue;
    }
    if (!fs::is_directory(status)) {
      if (IsCourseFileName(path)) {  // its id would be the reserved "course": never a lesson
        if (course_files) course_files->push_back(path);
      } else {
        add(path);  // named explicitly: read whatever its extension
      }
      continue;
    }
    std::vector<std::string> names;
    for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
      const fs::path& entry = it->path();
      const std::string extension = entry.extension().string();
      if ((extension == ".yaml" || extension == ".yml") && fs::is_regular_file(it->status())) {
        if (IsCourseFileName(entry.string())) {
          if (course_files) course_files->push_back(entry.string());
        } else {
          names.push_back(entry.filename().string());
        }
      }
    }
    if (ec) {
      diagnostics->push_back({Severity::Error, {path, 0, 0}, "cannot list this folder", 1});
      continue;
    }
    if (names.empty()) diagnostics->push_back({Severity::Warning, {path, 0, 0}, "no lessons (*.yaml, *.yml) in this folder", 1});
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) add((fs::path(path) / name).string());
  }
  return lessons;
}

}  // namespace cl
