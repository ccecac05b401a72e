// WatchSnapshot: what `convlesson watch` compares between polls: the lesson
// files its paths expand to (so added and deleted lessons count), the files
// those lessons read, every other file in the lessons' folders and their
// subfolders (an image a lesson could not read yet, so never listed as read,
// counts once it appears), and every file of the templates folder, each by
// size, modification time and inode. A change only triggers a build; the build
// itself decides by content hashes what is really stale.
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

// `lesson_paths`: files or folders as given to watch; `inputs`: files the last
// build read; `templates_dir`: watched recursively; `out_dir`: never watched
// (it may lie in a lessons folder). Hidden files and folders are left out, and
// at most kMaxWatchedFolderFiles files of the lessons' folders are looked at.
// Sorted by path.
WatchSnapshot TakeWatchSnapshot(const std::vector<std::string>& lesson_paths, const std::vector<std::string>& inputs,
                                const std::string& templates_dir, const std::string& out_dir = "");

inline constexpr int kMaxWatchedFolderFiles = 10000;

// Paths that differ between two snapshots (added, removed or changed), sorted.
std::vector<std::string> ChangedPaths(const WatchSnapshot& before, const WatchSnapshot& after);

}  // namespace cl
