// Lesson publishing, the file side: what goes into a lesson's staged folder
// besides what was rendered into it. The files of the kinds a build keeps,
// and every rendered file whose bytes equal the old one, are the old files
// themselves (BuildFileSystem::LinkFile), so the folder swapped into place
// changes exactly the files whose bytes changed: the rest keep their inode
// and modification time.
#pragma once

#include <string>
#include <vector>

#include "cli/build_file_system.h"

namespace cl {

// Puts each of `files` (relative to the old folder `dir`) into `stage` as the
// old file itself, or a copy where links are not possible; a file already
// staged is left as it is. Appends what it put to *kept. False with *error
// when a file cannot be kept (it is gone, say): the lesson fails.
bool KeepFiles(BuildFileSystem& fs, const std::string& dir, const std::string& stage,
               const std::vector<std::string>& files, std::vector<std::string>* kept, std::string* error);

// Of `written` (files just rendered into `stage`, sorted), replaces each whose
// bytes equal the file of the same name in `dir` that `owned` (sorted) lists
// with that old file. Returns those replaced, sorted.
std::vector<std::string> KeepUnchangedFiles(BuildFileSystem& fs, const std::string& dir, const std::string& stage,
                                            const std::vector<std::string>& written,
                                            const std::vector<std::string>& owned);

}  // namespace cl
