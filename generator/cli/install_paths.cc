#include "cli/install_paths.h"

#include <filesystem>
#include <system_error>

#include "base/file_system.h"

// Written at build time by cli/revision.cmake; absent when the sources are built some other way.
#if __has_include("cl_revision.h")
#include "cl_revision.h"
#endif
#ifndef CONVLESSON_REVISION
#define CONVLESSON_REVISION "unknown"
#endif

namespace cl {

namespace fs = std::filesystem;

std::string ExecutableDir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? "" : exe.parent_path().string();
}

std::string DataDir() {
  const std::string exe_dir = ExecutableDir();
  const std::string installed = exe_dir + "/../share/convlesson";
  for (const std::string& candidate : {installed, exe_dir + "/share/convlesson"})
    if (IsDirectory(candidate)) return fs::path(candidate).lexically_normal().string();
  return fs::path(installed).lexically_normal().string();
}

std::string DefaultTemplatesDir() { return DataDir() + "/templates"; }

std::string VersionText() { return "convlesson " CONVLESSON_VERSION " (revision " CONVLESSON_REVISION ")"; }

}  // namespace cl
