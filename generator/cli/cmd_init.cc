// `convlesson init [DIR]`: starts a course repository (cli/course_scaffold.h),
// creating only the files that do not exist yet, so running it again, or in a
// course that already has some of them, changes nothing it did not create.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "base/file_system.h"
#include "cli/commands.h"
#include "cli/course_scaffold.h"
#include "cli/install_paths.h"

namespace cl {
namespace {

enum class Created { kYes, kExists, kFailed };

// Writes `text` to `path` unless something is there: the whole text goes
// under a temporary name first, then link() gives it its name, which never
// replaces an existing file, so nobody sees a half-written one either.
Created CreateFile(const std::string& path, const std::string& text, std::string* error) {
  if (PathExists(path)) return Created::kExists;
  const std::string dir = std::filesystem::path(path).parent_path().string();
  if (!dir.empty() && !MakeDirectories(dir, error)) return Created::kFailed;
  const std::string temp = fmt::format("{}.init{}", path, static_cast<long>(::getpid()));
  if (!WriteFileAtomic(temp, text, error)) return Created::kFailed;
  const int rc = ::link(temp.c_str(), path.c_str());
  const int err = errno;
  ::unlink(temp.c_str());
  if (rc == 0) return Created::kYes;
  if (err == EEXIST) return Created::kExists;
  *error = fmt::format("cannot create '{}': {}", path, std::strerror(err));
  return Created::kFailed;
}

// The templates the binary uses by default, as files to copy into the course.
bool TemplateFiles(std::vector<ScaffoldFile>* files, std::string* error) {
  const std::string dir = DefaultTemplatesDir();
  if (!IsDirectory(dir)) {
    *error = fmt::format("templates folder '{}' does not exist", dir);
    return false;
  }
  for (const std::string& name : ListDirectory(dir)) {
    const std::string path = dir + "/" + name;
    if (IsDirectory(path)) continue;  // the templates are one flat folder
    ScaffoldFile file{"templates/" + name, ""};
    if (!ReadFileBytes(path, &file.text, error, size_t{4} << 20)) return false;
    files->push_back(std::move(file));
  }
  return true;
}

// What a CI file's build command adds when the course has its own templates.
constexpr const char* kOwnTemplates = "--templates templates";

// A CI file kept as it was that would build with the default templates,
// where this init copies the course its own: the file we would have written
// says `--templates templates`, and the one there does not.
bool UsesDefaultTemplates(const ScaffoldFile& file, const std::string& path) {
  if (file.text.find(kOwnTemplates) == std::string::npos) return false;
  std::string there, error;
  constexpr size_t kMostBytes = size_t{1} << 20;  // a CI file; anything larger is not ours to judge
  return ReadFileBytes(path, &there, &error, kMostBytes) && there.find("--templates") == std::string::npos;
}

}  // namespace

int RunInit(const InitOptions& options) {
  std::vector<ScaffoldFile> files = CourseScaffold(options.templates);
  std::string error;
  if (options.templates && !TemplateFiles(&files, &error)) {
    std::fputs(fmt::format("convlesson init: error: {}\n", error).c_str(), stderr);
    return 1;
  }
  std::string root = options.dir.empty() ? "." : options.dir;
  while (root.size() > 1 && root.back() == '/') root.pop_back();
  int created = 0;
  std::string report;
  for (const ScaffoldFile& file : files) {
    const std::string path = root == "." ? file.path : root + "/" + file.path;
    switch (CreateFile(path, file.text, &error)) {
      case Created::kYes:
        report += fmt::format("created {}\n", path);
        ++created;
        break;
      case Created::kExists:
        report += fmt::format("kept {}: it exists\n", path);
        if (UsesDefaultTemplates(file, path))
          report += fmt::format("  its build does not read the templates copied into {}: add `{}` to its `convlesson "
                                "build` line\n",
                                root == "." ? "templates/" : root + "/templates/", kOwnTemplates);
        break;
      case Created::kFailed:
        std::fputs(report.c_str(), stdout);
        std::fputs(fmt::format("convlesson init: error: {}\n", error).c_str(), stderr);
        return 1;
    }
  }
  if (created == 0) {
    report += fmt::format("nothing to do: every file of a new course is already in {}\n", root);
  } else {
    report += fmt::format("next: `convlesson build{}` in {} renders lessons/ into out/ (docs: `man convlesson`); "
                          "commit, then set CONVLESSON_DEB_URL or CONVLESSON_GIT_URL for CI "
                          "(ci/install-convlesson.sh)\n",
                          options.templates ? std::string(" ") + kOwnTemplates : "", root);
  }
  std::fputs(report.c_str(), stdout);
  return 0;
}

}  // namespace cl
