#include "cli/output_ownership.h"

#include <algorithm>
#include <filesystem>

#include "base/file_system.h"

namespace cl {
namespace fs = std::filesystem;
namespace {

bool IsFolder(const fs::path& path) {
  std::error_code ec;
  return fs::symlink_status(path, ec).type() == fs::file_type::directory;
}

// Every non-folder entry under `dir`, relative to it, sorted; false when some
// folder could not be read.
bool ListFiles(const fs::path& dir, std::vector<std::string>* files, std::vector<std::string>* folders) {
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec), end;
  if (ec) return false;
  for (; it != end; it.increment(ec)) {
    if (ec) return false;
    std::string relative = it->path().lexically_relative(dir).generic_string();
    if (IsFolder(it->path())) {
      if (folders) folders->push_back(relative);
    } else {
      files->push_back(relative);
    }
  }
  if (ec) return false;
  std::sort(files->begin(), files->end());
  return true;
}

bool Owns(const OwnedFiles& owned, const std::string& relative) {
  return owned.everything || owned.files.count(relative) > 0;
}

bool IsLink(const fs::path& path) {
  std::error_code ec;
  return fs::symlink_status(path, ec).type() == fs::file_type::symlink;
}

// Whether `path` (`relative` under the target) is a file a build made: listed,
// and not a symbolic link, which a build never makes (one put where a
// listed file was is the user's).
bool OwnsFile(const OwnedFiles& owned, const fs::path& path, const std::string& relative) {
  return Owns(owned, relative) && (owned.everything || !IsLink(path));
}

}  // namespace

OwnedFiles OwnedByLesson(const BuildManifest& manifest, const std::string& id) {
  OwnedFiles owned;
  auto it = manifest.lessons.find(id);
  if (it == manifest.lessons.end()) return owned;
  if (!it->second.made) {
    owned.everything = true;
  } else {
    owned.files.insert(it->second.made->begin(), it->second.made->end());
  }
  return owned;
}

OwnedFiles OwnedByCourse(const BuildManifest& manifest, const std::string& entry) {
  OwnedFiles owned;
  if (std::find(manifest.course_entries.begin(), manifest.course_entries.end(), entry) ==
      manifest.course_entries.end())
    return owned;
  if (!manifest.course_files) {
    owned.everything = true;
    return owned;
  }
  const std::string prefix = entry + "/";
  for (const std::string& path : *manifest.course_files) {
    if (path == entry) owned.files.insert("");
    else if (path.starts_with(prefix)) owned.files.insert(path.substr(prefix.size()));
  }
  return owned;
}

std::optional<std::string> FindUnownedFile(const std::string& target, const OwnedFiles& owned) {
  if (!PathExists(target)) return std::nullopt;
  if (!IsFolder(target)) return OwnsFile(owned, target, "") ? std::nullopt : std::optional<std::string>(target);
  if (owned.everything) return std::nullopt;
  std::vector<std::string> files;
  if (!ListFiles(target, &files, nullptr)) return target;
  for (const std::string& file : files)
    if (!OwnsFile(owned, fs::path(target) / file, file)) return target + "/" + file;
  return std::nullopt;
}

bool RemoveOwnedFiles(const std::string& target, const OwnedFiles& owned, std::vector<std::string>* kept,
                      std::string* error) {
  if (!FindUnownedFile(target, owned)) return RemoveTree(target, error);
  if (!IsFolder(target)) {  // a file or link that is not ours
    kept->push_back(target);
    return true;
  }
  std::vector<std::string> files, folders;
  if (!ListFiles(target, &files, &folders)) {
    kept->push_back(target);
    return true;
  }
  for (const std::string& file : files) {
    if (!OwnsFile(owned, fs::path(target) / file, file)) {
      kept->push_back(target + "/" + file);
    } else if (!RemoveTree(target + "/" + file, error)) {
      return false;
    }
  }
  // Deepest first, so a folder is tried after everything inside it.
  std::sort(folders.begin(), folders.end(), std::greater<>());
  folders.push_back("");
  for (const std::string& folder : folders) {
    std::error_code ec;
    fs::path path = folder.empty() ? fs::path(target) : fs::path(target) / folder;
    if (fs::is_empty(path, ec) && !ec) fs::remove(path, ec);
  }
  return true;
}

std::vector<std::string> UnionOfFiles(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::string> all = a;
  all.insert(all.end(), b.begin(), b.end());
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  return all;
}

}  // namespace cl
