// CourseBuild: one run of `convlesson build` over an output folder, shared by
// `build` and `watch`. Under the folder's lock it plans which lessons are
// stale (build_plan.h), loads and renders those on a bounded pool, stages
// each lesson in out/.convlesson-staging/<id> and swaps it into out/<id> only
// when it built without errors, removes outputs whose lesson file is gone, then brings the
// course files (index, assets) up to date. The manifest is rewritten before
// every swap or removal (marking what is about to change as pending) and
// after it, so a build killed at any point leaves a manifest that never calls
// a folder up to date unless it holds exactly what the record describes.
#pragma once

#include <atomic>
#include <string>
#include <vector>

#include "cli/build_progress.h"
#include "cli/build_settings.h"
#include "cli/commands.h"

namespace cl {

struct CourseBuildResult {
  int exit_code = 0;  // 0 all good, 1 a lesson or the course failed
  BuildTotals totals;
  // Files whose change should trigger another build: lesson files and the
  // images they read or tried to read (paths usable from the working folder).
  std::vector<std::string> inputs;
  // `cancel` stopped it before the end: lessons not started, stale outputs
  // not removed or the course files (index, course.pdf) not updated.
  bool interrupted = false;
};

// Runs one build. `cancel` (may be null) stops it between lessons; the
// lessons begun finish and out/ stays consistent, but not up to date.
CourseBuildResult RunCourseBuild(const BuildOptions& options, const BuildSettings& settings, BuildProgress& progress,
                                 const std::atomic<bool>* cancel);

}  // namespace cl
