#include "cli/course_build.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "base/fault_injection.h"
#include "base/disk_file_sink.h"
#include "base/file_system.h"
#include "base/parallel_for.h"
#include "base/sha256.h"
#include "cli/build_lock.h"
#include "cli/build_manifest.h"
#include "cli/build_paths.h"
#include "cli/build_plan.h"
#include "cli/build_staging.h"
#include "cli/output_ownership.h"
#include "lesson/loader.h"
#include "site/cost_budget.h"
#include "site/lesson_outputs.h"

namespace cl {
namespace {

constexpr size_t kMaxLessonFileBytes = size_t{16} << 20;
constexpr size_t kMaxManifestBytes = size_t{64} << 20;  // ~200k lessons; beyond that it is not ours

// One lesson file of this build, from reading it to its outcome.
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
  std::vector<Diagnostic> diagnostics;    // loader's, then renderer's
  std::string id;                         // the id it may write, once claimed
  bool attempted = false;
  LessonOutcome outcome = LessonOutcome::Failed;
};

std::string BaseDirOf(const std::string& path) {
  std::string parent = std::filesystem::path(path).parent_path().string();
  return parent.empty() ? "." : parent;
}

// Loads the bytes the job hashed (never the file again, which may have changed
// since). Diagnostics go to *diagnostics; a lesson only when there is no error.
std::optional<Lesson> LoadJob(const LessonJob& job, std::vector<Diagnostic>* diagnostics) {
  try {
    LoadResult loaded = LoadLessonText(job.yaml, job.path, BaseDirOf(job.path));
    diagnostics->insert(diagnostics->end(), loaded.diagnostics.begin(), loaded.diagnostics.end());
    if (loaded.lesson && !HasErrors(loaded.diagnostics)) return std::move(loaded.lesson);
  } catch (const std::exception& e) {
    diagnostics->push_back({Severity::Error, {job.path, 0, 0}, fmt::format("internal error: {}", e.what())});
  }
  return std::nullopt;
}

class CourseBuilder {
 public:
  CourseBuilder(const BuildOptions& options, const BuildSettings& settings, BuildProgress& progress,
                const std::atomic<bool>* cancel)
      : options_(options), settings_(settings), progress_(progress), cancel_(cancel),
        out_(settings.out_dir), staging_(out_ + "/" + std::string(kStagingName)) {}

  CourseBuildResult Run();

 private:
  bool Prepare();
  void Collect();
  void Plan();
  void Load();
  void ClaimIds();
  void CheckFramesPerBuild();
  void Render();
  void RenderOne(LessonJob& job);
  bool PublishLesson(LessonJob& job, const std::string& stage, const ManifestLesson& entry);
  void ReplayUpToDate(LessonJob& job);
  void RemoveStale();
  void BuildCourse();
  using CoursePart = bool (*)(const std::vector<Lesson>&, const RenderOptions&, FileSink&, std::vector<Diagnostic>*);
  // Runs one part of the course outputs into `sink`, printing its diagnostics
  // (or `failure` if it failed without one). True when it wrote everything.
  bool RenderCoursePart(CoursePart part, const std::vector<Lesson>& lessons, DiskFileSink& sink, const char* failure);
  void Finish();

  bool Cancelled() const { return stop_.load() || (cancel_ && cancel_->load()); }
  void Error(const std::string& message) {
    progress_.Diagnostic(fmt::format("convlesson: error: {}\n", message));
    failed_ = true;
  }
  std::string HashInput(const std::string& relative);
  bool WriteManifest();
  void PrintDiagnostics(const LessonJob& job, const std::vector<Diagnostic>& diagnostics);
  void ApplyWerror(std::vector<Diagnostic>* diagnostics) const;
  std::string LessonDir(const std::string& id) const { return out_ + "/" + id; }
  std::string OtherSourceOf(const LessonJob& job) const;
  // Removes what the build made at `target`, noting the files it keeps.
  bool RemoveOwned(const std::string& target, const OwnedFiles& owned, std::string* error);
  // The message for a file in the way that no build made.
  std::string UnownedMessage(const std::string& file, const std::string& replaced) const;

  const BuildOptions& options_;
  const BuildSettings& settings_;
  BuildProgress& progress_;
  const std::atomic<bool>* cancel_;
  const std::string out_, staging_;

  BuildLock lock_;
  BuildManifest manifest_;
  std::string manifest_text_;  // as last read or written, to skip rewriting identical bytes
  std::vector<LessonJob> jobs_;
  std::set<std::string> claimed_;  // ids this build keeps or writes
  std::atomic<bool> stop_{false};
  std::atomic<bool> failed_{false};  // something besides a lesson failed (paths, course, disk)
  std::mutex mutex_;  // guards manifest_, result_.totals, hash_cache_ and the swaps into out/
  std::map<std::string, std::string> hash_cache_;
  CourseBuildResult result_;
};

CourseBuildResult CourseBuilder::Run() {
  SetParallelism(settings_.jobs);  // lessons, and frames within them, share this bound
  if (!Prepare()) {
    result_.exit_code = 1;
    return result_;
  }
  Collect();
  Plan();
  progress_.Begin(static_cast<int>(jobs_.size()));
  Load();
  ClaimIds();
  CheckFramesPerBuild();  // over the budget: stops before anything is drawn
  Render();
  if (!Cancelled()) RemoveStale();
  BuildCourse();
  Finish();
  return result_;
}

bool CourseBuilder::Prepare() {
  std::string error;
  if (!MakeDirectories(out_, &error)) {
    Error(error);
    return false;
  }
  if (!lock_.Acquire(out_, true,
                     [&] {
                       progress_.Note(fmt::format("waiting for another convlesson build to finish with '{}' ({})",
                                                  out_, kLockName));
                     },
                     &error)) {
    Error(error);
    return false;
  }
  std::vector<std::string> problems;
  RecoverStaging(out_, kManifestName, &problems);
  for (const std::string& problem : problems) Error(problem);
  std::string manifest_path = out_ + "/" + std::string(kManifestName);
  if (PathExists(manifest_path)) {
    std::string text;
    std::optional<BuildManifest> parsed;
    if (ReadFileBytes(manifest_path, &text, &error, kMaxManifestBytes) && (parsed = ParseManifest(text, &error))) {
      manifest_ = std::move(*parsed);
      manifest_text_ = std::move(text);
    } else {
      progress_.Diagnostic(fmt::format("{}: warning: ignoring the build manifest ({}); rebuilding everything\n",
                                       manifest_path, error));
    }
  }
  // Names from the file are used to delete folders: keep only well-formed ones.
  std::erase_if(manifest_.lessons, [](const auto& entry) { return !IsLessonId(entry.first); });
  std::erase_if(manifest_.course_entries, [](const std::string& name) { return !IsCourseEntryName(name); });
  return true;
}

void CourseBuilder::Collect() {
  std::vector<Diagnostic> diagnostics;
  std::vector<std::string> paths = CollectLessonPaths(options_.paths, &diagnostics);
  for (Diagnostic& d : diagnostics) {
    progress_.Diagnostic(FormatDiagnostic(d, ""));
    if (d.severity == Severity::Error) failed_ = true;
  }
  std::set<std::string> seen;
  for (const std::string& path : paths) {
    LessonJob job;
    job.path = path;
    job.source = RelativeToOut(path, out_);
    if (!seen.insert(job.source).second) continue;  // the same file named twice
    std::string error;
    job.readable = ReadFileBytes(path, &job.yaml, &error, kMaxLessonFileBytes);
    if (!job.readable) job.diagnostics.push_back({Severity::Error, {path, 0, 0}, error});
    job.yaml_hash = Sha256Hex(job.yaml);
    if (const ManifestLesson* previous = FindBySource(manifest_, job.source)) job.previous = *previous;
    jobs_.push_back(std::move(job));
  }
}

std::string CourseBuilder::HashInput(const std::string& relative) {
  {
    std::lock_guard lock(mutex_);
    if (auto it = hash_cache_.find(relative); it != hash_cache_.end()) return it->second;
  }
  std::string bytes, hash;
  if (ReadFileBytes(ResolveFromOut(relative, out_), &bytes, nullptr)) hash = Sha256Hex(bytes);
  std::lock_guard lock(mutex_);
  hash_cache_[relative] = hash;
  return hash;
}

void CourseBuilder::Plan() {
  UpToDateCheck check;
  check.generator_key = settings_.generator_key;
  check.force = options_.force;
  check.hash_input = [this](const std::string& relative) { return HashInput(relative); };
  check.outputs_exist = [this](const std::string& id) { return IsDirectory(LessonDir(id)); };
  for (LessonJob& job : jobs_) {
    if (!job.readable) continue;
    check.yaml_hash = job.yaml_hash;
    std::string reason;
    job.up_to_date = IsUpToDate(job.previous ? &*job.previous : nullptr, check, &reason);
    if (job.up_to_date) job.id = job.previous->id;
  }
}

void CourseBuilder::Load() {
  std::vector<LessonJob*> todo;
  for (LessonJob& job : jobs_)
    if (job.readable && !job.up_to_date) todo.push_back(&job);
  ParallelFor(todo.size(), [&](size_t i) {
    LessonJob& job = *todo[i];
    job.lesson = LoadJob(job, &job.diagnostics);
    if (!job.lesson) return;
    job.id = job.lesson->id;
    // Hashed now, as close as possible to the loader's read: a file saved
    // later only makes the next build redo this lesson.
    std::set<std::string> seen;
    for (const std::string& input : job.lesson->inputs) {
      std::string relative = RelativeToOut(input, out_);
      if (seen.insert(relative).second) job.inputs.push_back({relative, HashInput(relative)});
    }
  });
}

void CourseBuilder::ClaimIds() {
  // In collection order, so which of two files claiming one id wins never
  // depends on timing: the first keeps it, later ones fail.
  std::map<std::string, const LessonJob*> owner;
  for (LessonJob& job : jobs_) {
    if (job.id.empty()) continue;
    auto refuse = [&job](std::string message) {
      SourceLocation where = job.lesson ? job.lesson->id_where : SourceLocation{job.path, 0, 0};
      job.diagnostics.push_back({Severity::Error, where, std::move(message)});
      job.id.clear();
      job.lesson.reset();
      job.up_to_date = false;
    };
    if (!IsLessonId(job.id)) {  // the loader validates ids; this guards the disk
      refuse(fmt::format("invalid lesson id '{}'", job.id));
    } else if (std::find(manifest_.course_entries.begin(), manifest_.course_entries.end(), job.id) !=
               manifest_.course_entries.end()) {
      refuse(fmt::format("lesson id '{}' is the name of a course output in {}", job.id, out_));
    } else if (auto [it, inserted] = owner.emplace(job.id, &job); !inserted) {
      refuse(fmt::format("lesson id '{}' is already used by {}", job.id, it->second->path));
    } else if (std::string other = OtherSourceOf(job); !other.empty()) {
      owner.erase(job.id);
      refuse(fmt::format("lesson id '{}' is already used by {}, whose outputs are in {}; give this lesson another id",
                         job.id, other, LessonDir(job.id)));
    } else {
      claimed_.insert(job.id);
    }
  }
}

void CourseBuilder::CheckFramesPerBuild() {
  std::vector<LessonJob*> todo;
  for (LessonJob& job : jobs_)
    if (job.lesson && !job.up_to_date) todo.push_back(&job);
  std::vector<LessonFrames> frames(todo.size());
  ParallelFor(todo.size(), [&](size_t i) { frames[i] = {todo[i]->path, CountLessonFrames(*todo[i]->lesson)}; });
  if (std::string error = CheckBuildFrames(frames); !error.empty()) {
    Error(error);
    stop_ = true;
  }
}

// The lesson file (as the user would name it) that, by the manifest, made
// out/<id> and still exists, when it is not a file of this build; "" when none.
std::string CourseBuilder::OtherSourceOf(const LessonJob& job) const {
  auto it = manifest_.lessons.find(job.id);
  if (it == manifest_.lessons.end() || it->second.source == job.source) return "";
  for (const LessonJob& other : jobs_)
    if (other.source == it->second.source) return "";  // in this build: ClaimIds decides between them
  std::string path = ResolveFromOut(it->second.source, out_);
  return PathExists(path) ? path : "";
}

bool CourseBuilder::RemoveOwned(const std::string& target, const OwnedFiles& owned, std::string* error) {
  std::vector<std::string> kept;
  if (!RemoveOwnedFiles(target, owned, &kept, error)) return false;
  for (const std::string& file : kept) progress_.Note(fmt::format("kept {}: convlesson did not make it", file));
  return true;
}

std::string CourseBuilder::UnownedMessage(const std::string& file, const std::string& replaced) const {
  return fmt::format("{} was not made by convlesson, and building would replace {}; move it out of the way, "
                     "or pass --replace-unowned to let the build delete it",
                     file, replaced);
}

void CourseBuilder::ApplyWerror(std::vector<Diagnostic>* diagnostics) const {
  if (!options_.werror) return;
  for (Diagnostic& d : *diagnostics)
    if (d.severity == Severity::Warning) {
      d.severity = Severity::Error;
      d.message += " [--werror]";
    }
}

void CourseBuilder::PrintDiagnostics(const LessonJob& job, const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (const Diagnostic& d : diagnostics) text += FormatDiagnostic(d, d.where.path == job.path ? job.yaml : "");
  if (!text.empty()) progress_.Diagnostic(text);
}

void CourseBuilder::ReplayUpToDate(LessonJob& job) {
  std::vector<Diagnostic> warnings;
  for (const ManifestWarning& w : job.previous->warnings)
    warnings.push_back({Severity::Warning, {w.path.empty() ? job.path : w.path, w.line, w.column}, w.message, w.span});
  ApplyWerror(&warnings);
  PrintDiagnostics(job, warnings);
  job.outcome = HasErrors(warnings) ? LessonOutcome::Failed : LessonOutcome::UpToDate;
  job.attempted = true;
  progress_.Finished(job.id, job.outcome, 0, 0);
  if (job.outcome == LessonOutcome::Failed && options_.fail_fast) stop_ = true;
}

void CourseBuilder::Render() {
  std::vector<LessonJob*> todo;
  for (LessonJob& job : jobs_) {
    if (Cancelled()) break;
    if (job.up_to_date) {
      ReplayUpToDate(job);
    } else if (!job.lesson) {  // unreadable, invalid or a duplicate id
      job.attempted = true;
      job.outcome = LessonOutcome::Failed;
      ApplyWerror(&job.diagnostics);
      PrintDiagnostics(job, job.diagnostics);
      progress_.Finished(job.id.empty() ? job.path : job.id, LessonOutcome::Failed, 0, 0);
      if (options_.fail_fast) stop_ = true;
    } else {
      todo.push_back(&job);
    }
  }
  ParallelFor(todo.size(), [&](size_t i) {
    if (Cancelled()) return;
    RenderOne(*todo[i]);
  }, &stop_);
}

void CourseBuilder::RenderOne(LessonJob& job) {
  auto started = std::chrono::steady_clock::now();
  job.attempted = true;
  progress_.Started(job.id);
  const Lesson& lesson = *job.lesson;
  std::string stage = staging_ + "/" + job.id;
  std::string error;
  bool ok = MakeDirectories(staging_, &error) && RemoveTree(stage, &error) && MakeDirectories(stage, &error);
  if (!ok) job.diagnostics.push_back({Severity::Error, {job.path, 0, 0}, error});
  DiskFileSink sink(stage);
  if (ok) {
    try {
      ok = RenderLessonOutputs(lesson, settings_.render, sink, &job.diagnostics);
    } catch (const std::exception& e) {
      ok = false;
      job.diagnostics.push_back({Severity::Error, {job.path, 0, 0}, fmt::format("internal error: {}", e.what())});
    }
    if (!ok && !HasErrors(job.diagnostics))
      job.diagnostics.push_back({Severity::Error, {job.path, 0, 0}, "could not write the lesson's outputs"});
  }
  // The entry recorded with the outputs: warnings before --werror promotes them.
  ManifestLesson entry;
  entry.id = job.id;
  entry.source = job.source;
  entry.yaml_hash = job.yaml_hash;
  entry.generator = settings_.generator_key;
  entry.inputs = job.inputs;
  entry.key = LessonKey(entry.generator, entry.source, entry.yaml_hash, entry.inputs);
  for (const Diagnostic& d : job.diagnostics)
    if (d.severity == Severity::Warning)
      entry.warnings.push_back({d.where.path == job.path ? "" : d.where.path, d.where.line, d.where.column, d.span,
                                d.message});
  std::vector<std::string> written = sink.paths();
  entry.files = static_cast<int>(written.size());
  entry.made = UnionOfFiles(written, {});

  ApplyWerror(&job.diagnostics);
  ok = ok && !HasErrors(job.diagnostics);
  ok = ok && PublishLesson(job, stage, entry);
  if (!ok) RemoveTree(stage, nullptr);  // the last good outputs stay in out/<id>
  PrintDiagnostics(job, job.diagnostics);
  if (ok)
    for (const std::string& path : written) progress_.FileWritten(LessonDir(job.id) + "/" + path);
  job.outcome = ok ? LessonOutcome::Built : LessonOutcome::Failed;
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  progress_.Finished(job.id, job.outcome, entry.files, seconds);
  if (!ok && options_.fail_fast) stop_ = true;
}

// Swaps the staged outputs into out/<id> and records them. The manifest is
// written before the swap too, with every record whose folder is about to
// change marked pending: a build killed after the swap but before the final
// write must not leave a record that calls the other version up to date.
bool CourseBuilder::PublishLesson(LessonJob& job, const std::string& stage, const ManifestLesson& entry) {
  std::lock_guard lock(mutex_);
  CrashPoint("lesson-staged");
  const OwnedFiles owned = OwnedByLesson(manifest_, job.id);
  if (!options_.replace_unowned)
    if (std::optional<std::string> unowned = FindUnownedFile(LessonDir(job.id), owned)) {
      job.diagnostics.push_back({Severity::Error, job.lesson->id_where, UnownedMessage(*unowned, LessonDir(job.id))});
      return false;
    }
  // Folders this lesson file made under an id that nothing claims now: removed
  // once the new one is in place.
  std::vector<std::string> superseded;
  for (auto& [id, other] : manifest_.lessons)
    if (id != job.id && other.source == job.source && !claimed_.count(id)) {
      superseded.push_back(id);
      other.pending = true;
    }
  ManifestLesson replacing = entry;
  replacing.pending = true;
  // Until the swap is recorded the folder holds either version: own both.
  if (auto old = manifest_.lessons.find(job.id); old != manifest_.lessons.end() && old->second.made)
    replacing.made = UnionOfFiles(*old->second.made, *entry.made);
  if (owned.everything) replacing.made.reset();
  manifest_.lessons[job.id] = replacing;
  if (!WriteManifest()) return false;
  CrashPoint("lesson-pending");
  std::string error;
  if (!ReplacePath(stage, LessonDir(job.id), &error)) {
    job.diagnostics.push_back({Severity::Error, {job.path, 0, 0}, error});
    return false;
  }
  CrashPoint("lesson-swapped");
  for (const std::string& id : superseded) {
    if (RemoveOwned(LessonDir(id), OwnedByLesson(manifest_, id), &error)) {
      manifest_.lessons.erase(id);
    } else {
      job.diagnostics.push_back({Severity::Error, {job.path, 0, 0}, error});
      failed_ = true;
    }
  }
  manifest_.lessons[job.id] = entry;
  WriteManifest();  // on failure the outputs are still the new ones; the error fails the build
  CrashPoint("lesson-recorded");
  result_.totals.files_written += entry.files;
  return true;
}

void CourseBuilder::RemoveStale() {
  std::vector<std::string> stale = StaleLessonIds(manifest_, claimed_, [this](const std::string& source) {
    return PathExists(ResolveFromOut(source, out_));
  });
  // The name may now belong to a course output.
  std::erase_if(stale, [this](const std::string& id) {
    return std::find(manifest_.course_entries.begin(), manifest_.course_entries.end(), id) !=
           manifest_.course_entries.end();
  });
  // Pending first: a folder half removed by a killed build is never up to
  // date, even if its lesson file comes back.
  for (const std::string& id : stale) manifest_.lessons[id].pending = true;
  if (!stale.empty() && !WriteManifest()) return;
  for (const std::string& id : stale) {
    std::string error;
    std::string source = ResolveFromOut(manifest_.lessons[id].source, out_);
    if (!RemoveOwned(LessonDir(id), OwnedByLesson(manifest_, id), &error)) {
      Error(error);
      continue;
    }
    CrashPoint("stale-removed");
    manifest_.lessons.erase(id);
    progress_.Note(fmt::format("removed {}: its lesson file {} is gone", LessonDir(id), source));
  }
  WriteManifest();
}

void CourseBuilder::BuildCourse() {
  if (Cancelled() || failed_) return;
  for (const LessonJob& job : jobs_)
    if (job.outcome == LessonOutcome::Failed || !job.attempted) return;  // keep the last good course files
  // The course file (course.yaml) is folded into settings_.generator_key by
  // ApplyCourseFile, so editing it changes this key and every lesson's.
  std::string key = CourseKey(settings_.generator_key, manifest_, claimed_);
  bool entries_exist = true;
  for (const std::string& name : manifest_.course_entries) entries_exist = entries_exist && PathExists(out_ + "/" + name);
  if (!options_.force && key == manifest_.course_key && entries_exist) return;

  // Up-to-date lessons were not loaded; the course needs them all.
  std::vector<Lesson> lessons;
  for (LessonJob& job : jobs_) {
    if (job.id.empty()) continue;
    if (!job.lesson) {
      std::vector<Diagnostic> load_diagnostics;
      job.lesson = LoadJob(job, &load_diagnostics);
      if (!job.lesson) {
        PrintDiagnostics(job, load_diagnostics);
        failed_ = true;
        return;
      }
    }
    lessons.push_back(*job.lesson);
  }
  std::sort(lessons.begin(), lessons.end(), [](const Lesson& a, const Lesson& b) { return a.id < b.id; });

  std::string stage = staging_ + "/" + std::string(kCourseStagingName);
  std::string error;
  if (!MakeDirectories(staging_, &error) || !RemoveTree(stage, &error) || !MakeDirectories(stage, &error)) {
    Error(error);
    return;
  }
  // The index and the handout go through sinks of their own, so a failed
  // handout can be taken out of the staging folder and the index still go out.
  DiskFileSink index_sink(stage), handout_sink(stage);
  if (!RenderCoursePart(RenderCourseIndex, lessons, index_sink, "could not write the course pages")) {
    failed_ = true;
    return;
  }
  const bool handout_ok = RenderCoursePart(RenderCourseHandout, lessons, handout_sink, "could not write the course handout");
  if (!handout_ok) {
    failed_ = true;  // the index is published below; the last good course.pdf stays
    for (const std::string& path : handout_sink.paths())
      if (!RemoveTree(stage + "/" + path, &error)) {
        Error(error);
        return;
      }
  }
  std::vector<std::string> entries = ListDirectory(stage);
  for (const std::string& name : entries)
    if (!IsCourseEntryName(name) || claimed_.count(name) || manifest_.lessons.count(name)) {
      Error(fmt::format("course output '{}' would replace the lesson folder of the same name", name));
      return;
    }
  std::vector<std::string> course_files = index_sink.paths();
  if (handout_ok)
    for (const std::string& path : handout_sink.paths()) course_files.push_back(path);
  course_files = UnionOfFiles(course_files, {});
  std::lock_guard lock(mutex_);
  if (!options_.replace_unowned)
    for (const std::string& name : entries)
      if (std::optional<std::string> unowned = FindUnownedFile(out_ + "/" + name, OwnedByCourse(manifest_, name))) {
        Error(UnownedMessage(*unowned, out_ + "/" + name));
        return;
      }
  CrashPoint("course-staged");
  // As for lessons: the manifest first stops vouching for the course files
  // (and owns every name about to appear), then they are swapped one by one.
  manifest_.course_key.clear();
  if (manifest_.course_files) manifest_.course_files = UnionOfFiles(*manifest_.course_files, course_files);
  for (const std::string& name : entries)
    if (std::find(manifest_.course_entries.begin(), manifest_.course_entries.end(), name) ==
        manifest_.course_entries.end())
      manifest_.course_entries.push_back(name);
  if (!WriteManifest()) return;
  CrashPoint("course-pending");
  for (const std::string& name : entries) {
    if (!ReplacePath(stage + "/" + name, out_ + "/" + name, &error)) {
      Error(error);
      return;
    }
    CrashPoint("course-entry-swapped");
  }
  std::vector<std::string> written = index_sink.paths();
  if (!handout_ok) {
    // Incomplete: no course key, so the next build makes the course again, and
    // the entries the handout did not replace (the last course.pdf) stay ours.
    WriteManifest();
  } else {
    for (const std::string& old : manifest_.course_entries)
      if (std::find(entries.begin(), entries.end(), old) == entries.end() && !claimed_.count(old) &&
          !manifest_.lessons.count(old) && !RemoveOwned(out_ + "/" + old, OwnedByCourse(manifest_, old), &error))
        Error(error);  // (the pending union added files only under this build's entries, not under `old`)
    manifest_.course_key = key;
    manifest_.course_entries = entries;
    manifest_.course_files = course_files;
    WriteManifest();
    CrashPoint("course-recorded");
    for (const std::string& path : handout_sink.paths()) written.push_back(path);
  }
  result_.totals.files_written += static_cast<int>(written.size());
  for (const std::string& path : written) progress_.FileWritten(out_ + "/" + path);
}

bool CourseBuilder::RenderCoursePart(CoursePart part, const std::vector<Lesson>& lessons, DiskFileSink& sink,
                                     const char* failure) {
  std::vector<Diagnostic> diagnostics;
  bool ok = false;
  try {
    ok = part(lessons, settings_.render, sink, &diagnostics);
  } catch (const std::exception& e) {
    diagnostics.push_back({Severity::Error, {out_, 0, 0}, fmt::format("internal error: {}", e.what())});
  }
  ApplyWerror(&diagnostics);
  std::string text;
  for (Diagnostic& d : diagnostics) {
    if (d.where.path.empty()) d.where.path = out_;  // about the course as a whole: name its folder
    text += FormatDiagnostic(d, "");
  }
  if (!text.empty()) progress_.Diagnostic(text);
  if (!ok && !HasErrors(diagnostics)) Error(failure);
  return ok && !HasErrors(diagnostics);
}

bool CourseBuilder::WriteManifest() {
  std::string text = SerializeManifest(manifest_);
  if (text == manifest_text_) return true;  // unchanged bytes keep their mtime
  std::string error;
  if (!WriteFileAtomic(out_ + "/" + std::string(kManifestName), text, &error)) {
    Error(error);
    return false;
  }
  manifest_text_ = std::move(text);
  return true;
}

void CourseBuilder::Finish() {
  std::string error;
  if (PathExists(staging_) && !RemoveTree(staging_, &error)) Error(error);
  lock_.Release();
  BuildTotals& totals = result_.totals;
  bool any_failed = failed_;
  for (const LessonJob& job : jobs_) {
    if (!job.path.empty()) result_.inputs.push_back(job.path);
    if (job.lesson)
      for (const std::string& input : job.lesson->inputs) result_.inputs.push_back(input);
    else if (job.previous)
      for (const ManifestInput& input : job.previous->inputs) result_.inputs.push_back(ResolveFromOut(input.path, out_));
    if (!job.attempted) continue;
    ++totals.lessons;
    if (job.outcome == LessonOutcome::Built) ++totals.built;
    if (job.outcome == LessonOutcome::UpToDate) ++totals.up_to_date;
    if (job.outcome == LessonOutcome::Failed) ++totals.failed, any_failed = true;
  }
  if (Cancelled() && !any_failed && std::any_of(jobs_.begin(), jobs_.end(), [](const LessonJob& j) { return !j.attempted; }))
    any_failed = true;  // stopped before every lesson was attempted
  result_.exit_code = any_failed ? 1 : 0;
  progress_.End(totals);
}

}  // namespace

CourseBuildResult RunCourseBuild(const BuildOptions& options, const BuildSettings& settings, BuildProgress& progress,
                                 const std::atomic<bool>* cancel) {
  CourseBuilder builder(options, settings, progress, cancel);
  return builder.Run();
}

}  // namespace cl
