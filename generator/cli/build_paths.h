// Build paths: which names the build may create or delete directly under
// out/, and how lesson and image paths are kept relative to out/ in the
// manifest. Every name read back from the manifest or the staging folder is
// checked here before the build touches the disk with it, so a damaged or
// hostile manifest cannot make a build delete anything outside out/.
#pragma once

#include <string>
#include <string_view>

namespace cl {

// ^[a-z0-9][a-z0-9-]{0,63}$, the contract's lesson id (a folder out/<id>).
bool IsLessonId(std::string_view id);

// A single file or folder name a course output may take in out/: no '/',
// not hidden (the build's own files start with '.'), not "." or "..".
bool IsCourseEntryName(std::string_view name);

// `path` (relative to the working folder, or absolute) as seen from `out_dir`,
// computed lexically: "lessons/a.yaml" from "out" is "../lessons/a.yaml".
std::string RelativeToOut(const std::string& path, const std::string& out_dir);

// The inverse of RelativeToOut, as a path usable from the working folder.
std::string ResolveFromOut(const std::string& relative, const std::string& out_dir);

}  // namespace cl
