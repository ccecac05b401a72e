#include "cli/build_staging.h"

#include <filesystem>

#include "base/fault_injection.h"
#include "base/file_system.h"
#include "cli/build_paths.h"

namespace cl {
namespace {

// "name.old" -> "name"; "" for anything else.
std::string AsideOf(const std::string& name) {
  return name.size() > 4 && name.ends_with(".old") ? name.substr(0, name.size() - 4) : "";
}

}  // namespace

void RecoverStaging(const std::string& out_dir, std::string_view manifest_name, std::vector<std::string>* errors) {
  std::string staging = out_dir + "/" + std::string(kStagingName);
  std::string error;
  std::error_code ec;
  if (PathExists(staging) && !std::filesystem::is_symlink(staging, ec)) {
    for (const std::string& name : ListDirectory(staging)) {
      std::string id = AsideOf(name);
      if (IsLessonId(id) && !RecoverAside(staging + "/" + id, out_dir + "/" + id, &error)) errors->push_back(error);
    }
    std::string course = staging + "/" + std::string(kCourseStagingName);
    for (const std::string& name : ListDirectory(course)) {
      std::string entry = AsideOf(name);
      if (IsCourseEntryName(entry) && !RecoverAside(course + "/" + entry, out_dir + "/" + entry, &error))
        errors->push_back(error);
    }
  }
  CrashPoint("staging-recovered");
  if (PathExists(staging) && !RemoveTree(staging, &error)) errors->push_back(error);
  // The only file written straight into out/ is the manifest (WriteFileAtomic's
  // temporary is ".<name>.tmp<pid>-<n>").
  std::string temp_prefix = "." + std::string(manifest_name) + ".tmp";
  for (const std::string& name : ListDirectory(out_dir))
    if (name.starts_with(temp_prefix) && !RemoveTree(out_dir + "/" + name, &error)) errors->push_back(error);
}

}  // namespace cl
