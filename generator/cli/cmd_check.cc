// `convlesson check`: loads every lesson it is given, prints each problem
// (stderr) and a one-line summary (stdout). Exit 1 when a lesson failed or a
// path does not exist (or, with --werror, anything drew a warning), else 0.
// Besides the loader's diagnostics it reports the storyboard's (beats cut to
// fit `max`) and the cost budgets at the default --scale (site/cost_budget.h),
// so that check warns of everything a build would and refuses what it would.
// A course file (course.yaml in a folder given, or named) is checked too, and
// each id its `order` lists must be a lesson of its folder.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/build_progress.h"
#include "cli/commands.h"
#include "lesson/loader.h"
#include "site/built_lesson.h"
#include "site/cost_budget.h"
#include "site/lesson_outputs.h"
#include "lesson/text_scan.h"  // CountCodePoints
#include "storyboard/captions.h"  // CountText

namespace cl {
namespace {

int CountWarnings(const std::vector<Diagnostic>& diagnostics) {
  int n = 0;
  for (const Diagnostic& d : diagnostics) n += d.severity == Severity::Warning ? 1 : 0;
  return n;
}

// The warnings planning the lesson's beats draws, as the build draws them,
// and the budgets a build at the default options would refuse it for.
void AddPlanningDiagnostics(LoadResult* r) {
  const BuiltLesson built = BuildLesson(*r->lesson);
  r->diagnostics.insert(r->diagnostics.end(), built.warnings.begin(), built.warnings.end());
  const std::vector<Diagnostic> over_budget = CheckLessonCost(built, RenderOptions{});
  if (over_budget.empty()) return;
  r->diagnostics.insert(r->diagnostics.end(), over_budget.begin(), over_budget.end());
  r->lesson.reset();
}

// Warns of each id in the course's `order` that no lesson file beside it
// has: the lessons checked, and those of its folder not given (read for
// their ids alone: `check course.yaml` warned of every id).
void AddOrderWarnings(const std::vector<const Lesson*>& lessons, CourseLoadResult* r) {
  namespace fs = std::filesystem;
  const fs::path folder = fs::path(r->course->path).parent_path().lexically_normal();
  std::set<std::string> ids;
  std::set<fs::path> checked;
  for (const Lesson* lesson : lessons)
    if (fs::path(lesson->path).parent_path().lexically_normal() == folder) {
      ids.insert(lesson->id);
      checked.insert(fs::path(lesson->path).lexically_normal());
    }
  std::vector<Diagnostic> ignored;  // the folder's own problems are the lessons' to report
  for (const std::string& path : CollectLessonPaths({folder.empty() ? "." : folder.string()}, &ignored))
    if (!checked.count(fs::path(path).lexically_normal())) {
      // One that fails to load (its own check would say why) is taken to
      // have the id its file name gives, rather than be called missing.
      const LoadResult other = LoadLessonFile(path);
      ids.insert(other.lesson ? other.lesson->id : fs::path(path).stem().string());
    }
  for (const CourseOrderEntry& entry : r->course->order)
    if (!ids.count(entry.id))
      r->diagnostics.push_back({Severity::Warning, entry.where,
                                fmt::format("order lists '{}', which is not the id of a lesson in this folder", entry.id),
                                std::max(1, CountCodePoints(entry.id))});
}

}  // namespace

int RunCheck(const CheckOptions& options) {
  std::vector<Diagnostic> path_problems;
  std::vector<std::string> course_paths;
  const std::vector<std::string> paths = CollectLessonPaths(options.paths, &path_problems, &course_paths);
  for (const Diagnostic& d : path_problems) PrintDiagnostics(FormatDiagnostic(d, ""));
  int missing = 0, warnings = CountWarnings(path_problems);
  for (const Diagnostic& d : path_problems) missing += d.severity == Severity::Error ? 1 : 0;

  std::vector<LoadResult> results;
  results.reserve(paths.size());
  for (const std::string& path : paths) results.push_back(LoadLessonFile(path));

  // Ids must differ across lessons: they name the output folders.
  std::vector<const Lesson*> lessons;
  std::vector<LoadResult*> owners;
  for (LoadResult& r : results)
    if (r.lesson) {
      lessons.push_back(&*r.lesson);
      owners.push_back(&r);
    }
  for (Diagnostic& d : CheckUniqueIds(lessons))
    for (LoadResult* r : owners)
      if (r->lesson->path == d.where.path) {  // paths are unique: CollectLessonPaths dropped repeats
        r->diagnostics.push_back(std::move(d));
        r->lesson.reset();
        break;
      }

  for (LoadResult& r : results)
    if (r.lesson) AddPlanningDiagnostics(&r);

  std::vector<CourseLoadResult> courses;
  for (const std::string& path : course_paths) {
    courses.push_back(LoadCourseFile(path));
    if (courses.back().course) AddOrderWarnings(lessons, &courses.back());
  }
  int courses_ok = 0, courses_failed = 0;
  for (const CourseLoadResult& r : courses) {
    for (const Diagnostic& d : r.diagnostics) PrintDiagnostics(FormatDiagnostic(d, r.source));
    const int course_warnings = CountWarnings(r.diagnostics);
    warnings += course_warnings;
    const bool passed = r.course.has_value() && !(options.werror && course_warnings > 0);
    (passed ? courses_ok : courses_failed) += 1;
  }

  int ok = 0, failed = 0;
  for (const LoadResult& r : results) {
    for (const Diagnostic& d : r.diagnostics) PrintDiagnostics(FormatDiagnostic(d, r.source));
    const int lesson_warnings = CountWarnings(r.diagnostics);
    warnings += lesson_warnings;
    const bool passed = r.lesson.has_value() && !(options.werror && lesson_warnings > 0);
    (passed ? ok : failed) += 1;
  }

  std::string summary = fmt::format("checked {}: {} ok, {} failed",
                                    CountText(static_cast<long long>(results.size()), "lesson", "lessons"), ok, failed);
  if (!courses.empty())
    summary += courses.size() == 1 ? (courses_ok == 1 ? "; course file ok" : "; course file failed")
                                   : fmt::format("; {} course files: {} ok, {} failed", courses.size(), courses_ok,
                                                 courses_failed);
  if (missing > 0) summary += fmt::format(", {} not found", CountText(missing, "path", "paths"));
  if (warnings > 0) summary += fmt::format(", {}", CountText(warnings, "warning", "warnings"));
  std::fputs((summary + "\n").c_str(), stdout);
  const bool fail = failed > 0 || courses_failed > 0 || missing > 0 || (options.werror && warnings > 0);
  return fail ? 1 : 0;
}

}  // namespace cl
