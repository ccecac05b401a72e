// Course plan: the first half of a course build, which decides and writes
// nothing. It reads each lesson file once, finds the lessons that are up to
// date (build_plan.h IsUpToDate: not even loaded), loads the others and plans
// which kinds of output each renders and keeps (PlanLessonOutputs), then
// gives out the ids in collection order. Every file it reads goes through a
// BuildFileSystem, so it runs on an in-memory one in tests; the lessons'
// image files are read by the loader from the disk.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "cli/build_file_system.h"
#include "cli/build_manifest.h"
#include "cli/build_plan.h"
#include "cli/build_progress.h"
#include "cli/build_settings.h"
#include "model/model.h"
#include "site/built_lesson.h"

namespace cl {

inline constexpr size_t kMaxLessonFileBytes = size_t{16} << 20;

// One lesson file of a build, from reading it to its outcome.
struct LessonJob {
  std::string path;       // as collected, for messages and loading
  std::string source;     // relative to out/, the manifest's name for it
  std::string yaml;       // the bytes everything below was computed from
  std::string yaml_hash;
  bool readable = false;
  std::optional<ManifestLesson> previous;  // what the manifest says this file made
  bool up_to_date = false;
  std::optional<Lesson> lesson;           // after loading
  std::vector<ManifestInput> inputs;      // files it read, hashed right after loading
  std::vector<std::string> tried_inputs;  // files loading read or tried to (a missing image too), for watch
  std::vector<Diagnostic> diagnostics;    // loader's, then renderer's
  std::string id;                         // the id it may write, once claimed
  LessonOutputPlan plan;                  // which kinds it writes and keeps
  std::optional<BuiltLesson> built;       // computed once, for its outputs and the course's
  bool attempted = false;
  LessonOutcome outcome = LessonOutcome::Failed;
};

struct CoursePlanInput {
  BuildFileSystem* fs = nullptr;
  std::string out;                    // the output folder
  const BuildManifest* manifest = nullptr;
  const BuildSettings* settings = nullptr;
  std::set<std::string> wanted;       // the kinds this build writes
  bool force = false;
  // Hash of a file (path relative to out/) now; "" when unreadable.
  std::function<std::string(const std::string&)> hash_input;
};

// Whether the lesson file at `path` (its bytes then in *yaml) and the
// record's input files (hashed by `hash_input`, paths relative to out/)
// still hold what `record` was made from.
bool MadeFromFilesAsTheyAre(BuildFileSystem& fs, const ManifestLesson& record, const std::string& path,
                            const std::function<std::string(const std::string&)>& hash_input,
                            std::string* yaml = nullptr);

// Reads the lesson files `paths` (the same file named twice counts once),
// decides which are up to date and loads and plans the others.
std::vector<LessonJob> PlanLessonJobs(const std::vector<std::string>& paths, const CoursePlanInput& input);

// Gives out the ids of `jobs` in their order: the first file to claim an id
// keeps it; a later one, an id that names a course output, or the id of
// another existing lesson file's outputs fails its job. Returns the ids kept.
std::set<std::string> ClaimLessonIds(std::vector<LessonJob>& jobs, const CoursePlanInput& input);

// The course outputs' part of the plan: the index (index.html, assets/) and
// course.pdf list every lesson in the manifest except those whose file is
// gone (`gone`); each part is due when the kinds this build writes include
// it and its key changed (or --force, or it is missing).
struct CourseOutputPlan {
  std::set<std::string> ids;      // the lessons listed
  std::set<std::string> present;  // the kinds every one of them holds: what the index links
  std::string index_key, pdf_key;
  bool index_due = false, pdf_due = false;
};

// Nullopt while a lesson's folder is pending (a killed build was changing
// it): the course waits for a build that settles it.
std::optional<CourseOutputPlan> PlanCourseOutputs(const CoursePlanInput& input, const std::set<std::string>& gone);

// The lesson files of share `shard` (1-based) of `shards`: AssignShards over
// each file's cost (EstimateRenderCost, plus 1; 1 for a file that does not
// load). Every machine given the same paths
// computes the same shares.
std::vector<std::string> ShardOfLessonFiles(const std::vector<std::string>& paths, int shard, int shards,
                                            BuildFileSystem& fs);

// Orders loaded jobs by EstimateRenderCost, the costliest first (equal
// costs keep their order).
void SortCostliestFirst(std::vector<LessonJob*>* jobs);

// Loads the bytes the job hashed (never the file again, which may have changed
// since). Diagnostics go to *diagnostics; a lesson only when there is no error.
// *tried_inputs (when given): the files it read or tried to, even on failure.
std::optional<Lesson> LoadJob(const LessonJob& job, std::vector<Diagnostic>* diagnostics,
                              std::vector<std::string>* tried_inputs = nullptr);

}  // namespace cl
