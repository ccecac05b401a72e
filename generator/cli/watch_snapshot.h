// WatchSnapshot: what `convlesson watch` compares between polls: exactly what
// a build reads. The lesson files its paths expand to (so added and deleted
// lessons count), the course file, the files those lessons read or tried to
// read (an image not there yet counts once it appears) and every file of the
// templates folder, each by size, modification time and inode. Nothing else
// in the lessons' folders is looked at: a log or the output folder there
// would start a build with every write. A change only triggers a build; the
// build itself decides by content hashes what is really stale.
#pragma once

#include <string>
#include <tuple>
#include <vector>

namespace cl {

struct WatchedFile {
  std::string path;
  long long size = -1;  // -1: missing
  long long mtime_ns = 0;
  unsigned long long inode = 0;
  bool operator==(const WatchedFile&) const = default;
};

using WatchSnapshot = std::vector<WatchedFile>;

// `lesson_paths`: files or folders as given to watch (one that is no folder
// is watched itself, missing or not, so a lesson file deleted and saved again
// counts); `inputs`: files the last build read; `templates_dir`: watched
// recursively. Sorted by path.
WatchSnapshot TakeWatchSnapshot(const std::vector<std::string>& lesson_paths, const std::vector<std::string>& inputs,
                                const std::string& templates_dir);

// Paths that differ between two snapshots (added, removed or changed), sorted.
std::vector<std::string> ChangedPaths(const WatchSnapshot& before, const WatchSnapshot& after);

}  // namespace cl
