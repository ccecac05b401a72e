#include "cli/course_publish.h"

#include <algorithm>

#include "cli/output_ownership.h"

namespace cl {

std::set<std::string> KeepUnchangedCourseEntries(BuildFileSystem& fs, const std::string& stage, const std::string& out,
                                                 const BuildManifest& manifest,
                                                 const std::vector<std::string>& staged_files,
                                                 std::vector<std::string>* entries) {
  auto entry_of = [](const std::string& path) { return path.substr(0, path.find('/')); };
  auto owns = [](const OwnedFiles& owned, const std::string& name, const std::string& path) {
    const std::string relative = path == name ? "" : path.substr(name.size() + 1);
    return owned.everything || owned.files.count(relative) > 0;
  };
  // Left alone: the same tree, every file of it the build's own.
  std::erase_if(*entries, [&](const std::string& name) {
    const OwnedFiles owned = OwnedByCourse(manifest, name);
    if (owned.everything || !SameTree(fs, stage + "/" + name, out + "/" + name)) return false;
    return std::all_of(staged_files.begin(), staged_files.end(), [&](const std::string& path) {
      return entry_of(path) != name || owns(owned, name, path);
    });
  });
  std::set<std::string> unchanged;
  for (const std::string& name : *entries) {
    const OwnedFiles owned = OwnedByCourse(manifest, name);
    for (const std::string& path : staged_files) {
      if (entry_of(path) != name || path == name || !owns(owned, name, path)) continue;
      const std::string old = out + "/" + path, now = stage + "/" + path;
      if (SameTree(fs, old, now) && fs.LinkFile(old, now)) unchanged.insert(path);
    }
  }
  return unchanged;
}

}  // namespace cl
