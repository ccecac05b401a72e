// `convlesson build`: resolves the settings, then runs one course build (see
// course_build.h) with progress on the terminal or as plain log lines.
#include <cstdio>

#include <fmt/format.h>

#include "cli/build_progress.h"
#include "cli/build_settings.h"
#include "cli/commands.h"
#include "cli/course_build.h"

namespace cl {

int RunBuild(const BuildOptions& options) {
  BuildSettings settings;
  std::string error;
  if (!ResolveBuildSettings(options, &settings, &error)) {
    std::fputs(fmt::format("convlesson build: error: {}\n", error).c_str(), stderr);
    return 2;
  }
  std::string course_report;
  const bool course_ok = ApplyCourseFile(options, &settings, &course_report);
  std::fputs(course_report.c_str(), stderr);
  if (!course_ok) return 1;
  BuildProgress progress(DetectProgressMode(options.quiet), options.verbose, WantsColor(stdout), WantsColor(stderr));
  return RunCourseBuild(options, settings, progress, nullptr).exit_code;
}

}  // namespace cl
