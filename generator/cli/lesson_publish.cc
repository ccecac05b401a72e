#include "cli/lesson_publish.h"

#include <algorithm>

namespace cl {

bool KeepFiles(BuildFileSystem& fs, const std::string& dir, const std::string& stage,
               const std::vector<std::string>& files, std::vector<std::string>* kept, std::string* error) {
  for (const std::string& file : files) {
    const std::string from = dir + "/" + file, to = stage + "/" + file;
    if (fs.PathExists(to)) continue;  // rendered anew (a kind's files never overlap another's)
    const size_t slash = to.rfind('/');
    std::string bytes, why;
    bool ok = fs.MakeDirectories(to.substr(0, slash), &why) &&
              (fs.LinkFile(from, to) || (fs.ReadFile(from, &bytes, &why) && fs.WriteFile(to, bytes, &why)));
    if (!ok) {
      if (error) *error = "cannot keep " + from + ": " + why;
      return false;
    }
    kept->push_back(file);
  }
  return true;
}

std::vector<std::string> KeepUnchangedFiles(BuildFileSystem& fs, const std::string& dir, const std::string& stage,
                                            const std::vector<std::string>& written,
                                            const std::vector<std::string>& owned) {
  std::vector<std::string> unchanged;
  for (const std::string& file : written) {
    if (!std::binary_search(owned.begin(), owned.end(), file)) continue;
    const std::string old = dir + "/" + file, now = stage + "/" + file;
    // Where the file system cannot link, the new copy simply stays.
    if (SameTree(fs, old, now) && fs.LinkFile(old, now)) unchanged.push_back(file);
  }
  return unchanged;
}

}  // namespace cl
