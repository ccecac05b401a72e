// `convlesson watch`: builds, then polls what the build reads (the lesson and
// course files, the images the lessons name, the templates) every interval,
// and rebuilds (incrementally) when something changed, printing diagnostics
// as they occur. SIGINT or SIGTERM stop it cleanly: a build in progress
// finishes the lessons it started and the output folder stays consistent; if
// that left anything undone (lessons, the course files), watch says the
// folder is not up to date and exits 1.
#include <signal.h>  // NOLINT(modernize-deprecated-headers): sigaction is POSIX, not in <csignal>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include <fmt/format.h>

#include "cli/build_progress.h"
#include "cli/build_settings.h"
#include "cli/commands.h"
#include "cli/course_build.h"
#include "cli/watch_snapshot.h"

namespace cl {
namespace {

std::atomic<bool> g_stop{false};

void OnStopSignal(int) { g_stop.store(true); }

void InstallStopHandlers() {
  struct sigaction action {};
  action.sa_handler = OnStopSignal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESETHAND;  // a second Ctrl-C ends the process at once
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

// Sleeps up to `ms`, waking early when a stop was requested.
void SleepUnlessStopped(int ms) {
  auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  while (!g_stop.load() && std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

// The watch list after a build: the files it read, each as it was in `before`
// when listed there, so anything changed during the build shows as a
// difference at the first poll. A lesson that appeared in a watched folder
// during the build counts as missing before it, so the first poll builds it.
WatchSnapshot SnapshotAfterBuild(const std::vector<std::string>& paths, const std::vector<std::string>& inputs,
                                 const std::string& templates, const WatchSnapshot& before) {
  WatchSnapshot seen = TakeWatchSnapshot(paths, inputs, templates);
  const WatchSnapshot listed = TakeWatchSnapshot(paths, {}, templates);
  const auto in = [](const WatchSnapshot& snapshot, const std::string& path) {
    return std::any_of(snapshot.begin(), snapshot.end(), [&](const WatchedFile& w) { return w.path == path; });
  };
  for (WatchedFile& f : seen) {
    for (const WatchedFile& b : before)
      if (b.path == f.path) f = b;
    if (!in(before, f.path) && in(listed, f.path)) f = WatchedFile{f.path};
  }
  return seen;
}

}  // namespace

int RunWatch(const WatchOptions& options) {
  static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");
  if (!EveryPathExists(options.build.paths)) return 1;
  g_stop = false;
  InstallStopHandlers();
  BuildSettings settings;
  std::string error;
  if (!ResolveBuildSettings(options.build, &settings, &error)) {
    std::fputs(fmt::format("convlesson watch: error: {}\n", error).c_str(), stderr);
    return 2;
  }
  ProgressMode mode = DetectProgressMode(options.build.quiet);
  bool first = true;
  CourseBuildResult result;
  while (!g_stop.load()) {
    // Templates may have changed: the generator key is recomputed each time.
    if (!first && !ResolveBuildSettings(options.build, &settings, &error)) {
      std::fputs(fmt::format("convlesson watch: error: {}\n", error).c_str(), stderr);
      SleepUnlessStopped(options.interval_ms);
      continue;
    }
    first = false;
    const std::string& templates = settings.render.templates_dir;
    // The last build's inputs too: an image saved during this build counts.
    const WatchSnapshot before = TakeWatchSnapshot(options.build.paths, result.inputs, templates);
    result = {};
    std::string course_report;
    const bool course_ok = ApplyCourseFile(options.build, &settings, &course_report);
    PrintDiagnostics(course_report);
    if (course_ok) {  // else no build: wait for the course file to be fixed
      BuildProgress progress(mode, options.build.verbose, WantsColor(stdout), WantsColor(stderr));
      result = RunCourseBuild(options.build, settings, progress, &g_stop);
    }
    if (g_stop.load() && result.interrupted) {
      // The last good outputs stay, but a stale course.pdf or index must not
      // pass for this build's: the user is told, and a script sees exit 1.
      std::fputs(fmt::format("convlesson watch: stopped during a rebuild: '{}' is not up to date; run convlesson build "
                             "with the same paths and options to update it\n",
                             settings.out_dir)
                     .c_str(),
                 stderr);
      return 1;
    }
    if (g_stop.load()) break;
    const WatchSnapshot seen = SnapshotAfterBuild(options.build.paths, result.inputs, templates, before);
    if (mode != ProgressMode::Quiet)
      std::fputs(fmt::format("watching {} files for changes (Ctrl-C to stop)\n", seen.size()).c_str(), stdout);
    std::fflush(stdout);
    for (;;) {
      SleepUnlessStopped(options.interval_ms);
      if (g_stop.load()) break;
      WatchSnapshot now = TakeWatchSnapshot(options.build.paths, result.inputs, templates);
      std::vector<std::string> changed = ChangedPaths(seen, now);
      if (changed.empty()) continue;
      if (mode != ProgressMode::Quiet)
        std::fputs(fmt::format("changed: {}\n", fmt::join(changed, ", ")).c_str(), stdout);
      std::fflush(stdout);  // before the rebuild's errors on stderr, in a log that takes both
      break;
    }
  }
  if (mode != ProgressMode::Quiet) std::fputs("stopped watching\n", stdout);
  std::fflush(stdout);
  return 0;
}

}  // namespace cl
