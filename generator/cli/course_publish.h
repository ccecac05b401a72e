// Course publishing, the file side: which of the course entries a build
// staged (index.html, assets/, course.pdf) really replace the ones in out/.
// An entry staged with exactly the files and bytes out/ has stays as it is;
// in an entry that changed, each file with the bytes it had is the old file
// itself (BuildFileSystem::LinkFile), so it keeps its inode and modification
// time. Only entries and files the manifest says the build made are taken
// over.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "cli/build_file_system.h"
#include "cli/build_manifest.h"

namespace cl {

// `entries`: the names staged in `stage`; `staged_files`: every file staged,
// relative to `stage` (e.g. "assets/style.css"). Removes from *entries those
// to leave alone and returns the staged files now linked to the old ones.
std::set<std::string> KeepUnchangedCourseEntries(BuildFileSystem& fs, const std::string& stage, const std::string& out,
                                                 const BuildManifest& manifest,
                                                 const std::vector<std::string>& staged_files,
                                                 std::vector<std::string>* entries);

}  // namespace cl
