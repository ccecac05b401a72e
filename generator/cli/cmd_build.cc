// `convlesson build` and `convlesson clean`: resolve the settings, then run
// one course build (see course_build.h) with progress on the terminal or as
// plain log lines.
#include <cstdio>
#include <filesystem>

#include <fmt/format.h>

#include "cli/build_progress.h"
#include "cli/build_settings.h"
#include "cli/commands.h"
#include "cli/course_build.h"

namespace cl {

namespace {

int RunBuildOrClean(const BuildOptions& options, const char* command) {
  BuildSettings settings;
  std::string error;
  if (!ResolveBuildSettings(options, &settings, &error)) {
    std::fputs(fmt::format("convlesson {}: error: {}\n", command, error).c_str(), stderr);
    return 2;
  }
  std::string course_report;
  const bool course_ok = ApplyCourseFile(options, &settings, &course_report);
  PrintDiagnostics(course_report);
  if (!course_ok) return 1;
  BuildProgress progress(DetectProgressMode(options.quiet), options.verbose, WantsColor(stdout), WantsColor(stderr));
  return RunCourseBuild(options, settings, progress, nullptr).exit_code;
}

}  // namespace

int RunBuild(const BuildOptions& options) { return RunBuildOrClean(options, "build"); }

int RunMerge(const BuildOptions& options) {
  BuildOptions merge = options;
  merge.shard.clear();  // merge joins shards; it is never one itself
  return RunBuildOrClean(merge, "merge");
}

int RunClean(const BuildOptions& options) {
  // PATH names the course (its course file), as for build; no lesson is
  // rendered. A PATH that is not there (a typo) would make every lesson
  // folder look stale and drop the course file's settings: nothing is done.
  if (!EveryPathExists(options.paths)) return 1;
  // Nothing built there: nothing to clean, and no new site made.
  if (std::error_code ec; !std::filesystem::exists(options.out_dir, ec)) {
    std::fputs(fmt::format("nothing to clean: {} does not exist\n", options.out_dir).c_str(), stdout);
    return 0;
  }
  BuildOptions clean = options;
  clean.clean = true;
  clean.prune = true;
  return RunBuildOrClean(clean, "clean");
}

}  // namespace cl
