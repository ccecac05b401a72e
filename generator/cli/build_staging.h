// Build staging: the folder out/.convlesson-staging/ where a build renders
// each lesson (<id>/ there) and the course files (.course/ there) before
// swapping them into out/. Nothing there is ever read by a user; what a build
// killed at any point leaves behind is put right or removed by the next one.
// Its name is the tool's own, as the manifest's and the lock's are: a build
// removes it whole, so it must never be a name a user's folder could have
// (".staging" was, until a user's drafts there were deleted).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cl {

inline constexpr std::string_view kStagingName = ".convlesson-staging";
inline constexpr std::string_view kCourseStagingName = ".course";  // never a lesson id: ids start with [a-z0-9]

// Under the build lock, before anything else: where a swap without atomic
// exchange was interrupted (ReplacePath's fallback), moves the complete old
// version back into out/; then removes the staging folder and any temporary
// left by an interrupted write of the file `manifest_name`. A staging "folder"
// that is a symbolic link is removed without looking inside. Problems are
// appended to *errors; the build goes on.
void RecoverStaging(const std::string& out_dir, std::string_view manifest_name, std::vector<std::string>* errors);

}  // namespace cl
