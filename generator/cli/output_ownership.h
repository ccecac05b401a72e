// Output ownership: the build replaces or removes a path in out/ only when
// every file there is one that the manifest says a build made. Anything else
// (a user's notes in out/<id>/, a stylesheet added to out/assets/, a folder
// that happens to share a lesson's id) is the user's and is never deleted
// unless the user passes --replace-unowned. Folders themselves are not
// counted: replacing an empty folder loses nothing.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cli/build_manifest.h"

namespace cl {

// The files a build made under one path of out/ (a lesson folder or a course
// entry), relative to that path; "" is the path itself when it is a file.
struct OwnedFiles {
  bool everything = false;  // a record from a manifest that listed no files (version 1)
  std::set<std::string> files;
};

// What the manifest says a build made in out/<id>; nothing when it has no record.
OwnedFiles OwnedByLesson(const BuildManifest& manifest, const std::string& id);

// What the manifest says the course wrote at out/<entry> (index.html, assets, ...).
OwnedFiles OwnedByCourse(const BuildManifest& manifest, const std::string& entry);

// The first file or symbolic link at or under `target` (in sorted order, not
// following links) that `owned` does not list, as a path beginning with
// `target`; nullopt when there is none or `target` does not exist. A folder
// that cannot be read counts as unowned.
std::optional<std::string> FindUnownedFile(const std::string& target, const OwnedFiles& owned);

// Removes the owned files at or under `target` and then every folder left
// empty there; unowned files stay, with the folders that hold them, and are
// appended to *kept. False with *error when a removal failed.
bool RemoveOwnedFiles(const std::string& target, const OwnedFiles& owned, std::vector<std::string>* kept,
                      std::string* error);

// The sorted union of two file lists (a record that must own both the old
// and the new version of a folder while it is being swapped).
std::vector<std::string> UnionOfFiles(const std::vector<std::string>& a, const std::vector<std::string>& b);

}  // namespace cl
