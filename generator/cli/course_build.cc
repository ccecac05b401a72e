#include "cli/course_build.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <filesystem>
#include <functional>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>
#include <memory>
#include <set>

#include <fmt/format.h>

#include "base/background_writeback.h"
#include "base/fault_injection.h"
#include "base/large_buffers.h"
#include "base/number_format.h"
#include "base/disk_file_sink.h"
#include "base/file_system.h"
#include "base/parallel_for.h"
#include "base/sha256.h"
#include "cli/build_lock.h"
#include "cli/build_manifest.h"
#include "cli/build_paths.h"
#include "cli/build_plan.h"
#include "cli/build_staging.h"
#include "cli/course_plan.h"
#include "cli/course_publish.h"
#include "cli/lesson_publish.h"
#include "cli/shard_merge.h"
#include "cli/output_keys.h"
#include "cli/output_ownership.h"
#include "lesson/loader.h"
#include "render/font_configuration.h"
#include "site/built_lesson.h"
#include "site/cost_budget.h"
#include "site/handout_outputs.h"
#include "site/lesson_outputs.h"
#include "messages/messages.h"

namespace cl {
namespace {

constexpr size_t kMaxManifestBytes = size_t{64} << 20;  // ~200k lessons; beyond that it is not ours

// The kinds of output a lesson writes while the graphics libraries load
// (WriteEarlyOutputs), cheapest first: those made without them but SVG
// frames, which are laid out once with the PNG frames, later.
constexpr const char* kEarlyKinds[] = {"json", "embed", "html", "anim-svg"};

// The kinds of output made without the graphics libraries (Cairo, Pango,
// fontconfig): a build of these alone never loads them.
bool MadeWithoutGraphics(const std::string& kind) {
  return kind == "svg" || std::find(std::begin(kEarlyKinds), std::end(kEarlyKinds), kind) != std::end(kEarlyKinds);
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
  void PlanLessons();  // course_plan.h
  // Building lesson files beside a course file without it takes the default
  // course settings (documented, but a changed index title surprised users).
  void NoteCourseFilesNotGiven();
  void CheckFramesPerBuild();
  CoursePlanInput PlanInput();  // what planning the lessons and the course reads
  void Render();
  void SettleAllocator() const;
  void BuildJob(LessonJob& job) const;  // computes and lays out the lesson, once for every output
  // A lesson's outputs as they are staged, written in one or two passes.
  struct StagedOutputs {
    std::unique_ptr<FileSink> sink;  // into its staging folder, once opened
    bool failed = false;             // a pass failed (told)
    std::set<std::string> written_early;
    std::optional<std::chrono::steady_clock::time_point> started;
  };
  // Empties the lesson's staging folder and opens its sink; false (told) when it cannot.
  bool OpenStage(LessonJob& job, StagedOutputs* staged);
  // Writes `kinds` (not empty) of the lesson into its stage; false (told) when one fails.
  bool WriteKinds(LessonJob& job, const std::set<std::string>& kinds, FileSink& sink) const;
  // The lesson's outputs that draw nothing, written into its stage while
  // the graphics libraries load (until `fonts_loaded`).
  void WriteEarlyOutputs(LessonJob& job, StagedOutputs* staged, const std::atomic<bool>& fonts_loaded);
  void RenderOne(LessonJob& job, StagedOutputs& staged);
  BuiltLesson Build(const Lesson& lesson) const;
  // The course's index and course.pdf, drafted in memory beside the lessons'
  // outputs when this build renders every lesson the course will list (a
  // first build, a forced one): at the end only the plan is made and the
  // draft published, if that plan lists the lessons and kinds it assumed.
  // (Else the course waited for the last lesson, then took 25 ms for the
  // default lesson's course.pdf with one core idle.)
  bool DraftsCourse(const std::vector<LessonJob*>& todo) const;
  void DraftCourse(const std::vector<LessonJob*>& todo);
  bool SwapIntoPlace(const std::string& id, const std::string& stage, const ManifestLesson& entry,
                     const OwnedFiles& owned, std::string* error);
  bool PublishLesson(LessonJob& job, const std::string& stage, const ManifestLesson& entry);
  void ReplayUpToDate(LessonJob& job);
  bool CleanMatchesTheBuild();
  void RemoveStale();
  // `merge`: puts every lesson folder of the shard output folders into out/
  // with its manifest record, as the build that made it would have.
  void ImportShards();
  void BuildCourse();
  // The built lessons of the course's members: this build's, and the others
  // loaded from their lesson files; false (with a warning) when a member's
  // file is gone or changed since it was built.
  bool CourseMembers(const std::set<std::string>& ids, std::vector<Lesson>* loaded, std::vector<BuiltLesson>* built,
                     std::vector<const BuiltLesson*>* members);
  using CoursePart = bool (*)(const std::vector<const BuiltLesson*>&, const RenderOptions&, FileSink&,
                              std::vector<Diagnostic>*);
  // One part of the course outputs rendered into memory.
  struct DraftedPart {
    bool ok = false;
    std::vector<Diagnostic> diagnostics;
    MemoryFileSink files;
  };
  struct CourseDraft {
    std::set<std::string> ids, present;  // what the plan must say for the draft to serve
    std::optional<DraftedPart> index, handout;
  };
  // Runs `part` into `sink`; an exception it throws becomes a diagnostic.
  static bool RunCoursePart(CoursePart part, const std::vector<const BuiltLesson*>& lessons,
                            const RenderOptions& render, FileSink& sink, std::vector<Diagnostic>* diagnostics,
                            const std::string& out);
  // Runs one part of the course outputs into `sink`, printing its diagnostics
  // (or `failure` if it failed without one). True when it wrote everything.
  // `drafted`: that part as drafted, put into `sink` instead of rendered.
  bool RenderCoursePart(CoursePart part, const std::vector<const BuiltLesson*>& lessons, const RenderOptions& render,
                        FileSink& sink, const char* failure, const std::optional<DraftedPart>* drafted = nullptr);
  void Finish();

  // Whether to stop (the caller's cancel, or --fail-fast). Every caller skips
  // work when it is true, so a cancel seen here is noted: out/ is then not
  // up to date. (One set after the last check finds the build complete.)
  bool Cancelled() const {
    if (cancel_ && cancel_->load()) {
      cancel_seen_ = true;
      return true;
    }
    return stop_.load();
  }
  void Error(const std::string& message) {
    progress_.Diagnostic(fmt::format("convlesson: error: {}\n", message));
    failed_ = true;
  }
  std::string HashInput(const std::string& relative);
  // HashInput, for the planning and merge functions that take a hasher.
  std::function<std::string(const std::string&)> InputHasher() {
    return [this](const std::string& relative) { return HashInput(relative); };
  }
  bool WriteManifest();
  void PrintDiagnostics(const LessonJob& job, const std::vector<Diagnostic>& diagnostics);
  void ApplyWerror(std::vector<Diagnostic>* diagnostics) const;
  std::string LessonDir(const std::string& id) const { return out_ + "/" + id; }
  std::string StageDir(const std::string& id) const { return staging_ + "/" + id; }  // out/.convlesson-staging/<id>
  // Makes `stage` (under the staging folder) an empty folder.
  bool EmptyStage(const std::string& stage, std::string* error) {
    return fs_.MakeDirectories(staging_, error) && fs_.RemoveTree(stage, error) && fs_.MakeDirectories(stage, error);
  }
  // Removes what the build made at `target`, noting the files it keeps.
  // *kept_files: what it did not make and left (each noted); `target`
  // itself when nothing there was the build's to remove.
  bool RemoveOwned(const std::string& target, const OwnedFiles& owned, std::string* error,
                   std::vector<std::string>* kept_files = nullptr);
  // The message for a file in the way that no build made.
  std::string UnownedMessage(const std::string& file, const std::string& replaced) const;

  const BuildOptions& options_;
  const BuildSettings& settings_;
  BuildProgress& progress_;
  const std::atomic<bool>* cancel_;
  const std::string out_, staging_;
  DiskBuildFileSystem fs_;  // every file operation of planning and publishing

  BuildLock lock_;
  bool made_out_ = false;  // out_ was made by this build (removed again if it stays empty)
  std::optional<std::string> manifest_unread_;  // "missing" or "damaged": every file there reads as not the build's
  BuildManifest manifest_;
  std::string manifest_text_;  // as last read or written, to skip rewriting identical bytes
  std::vector<LessonJob> jobs_;
  std::set<std::string> claimed_;  // ids this build keeps or writes
  std::atomic<bool> stop_{false};
  mutable std::atomic<bool> cancel_seen_{false};  // see Cancelled()
  std::atomic<bool> failed_{false};  // something besides a lesson failed (paths, course, disk)
  std::mutex mutex_;  // guards manifest_, result_.totals, hash_cache_ and the swaps into out/
  std::map<std::string, std::string> hash_cache_;
  std::set<std::string> wanted_;  // the kinds this build writes (--only, else all)
  std::set<std::string> gone_;    // ids whose lesson file is gone and whose outputs stay
  std::optional<CourseDraft> draft_;
  // While lessons render, their staged files are written back to the disk
  // as they come, so each publishing sync waits for little
  // (base/background_writeback.h).
  std::optional<BackgroundWriteback> writeback_;
  std::atomic<bool> writeback_error_told_{false};  // a lesson failed for a flush's error
  CourseBuildResult result_;
};

// 20 ms: the publishing sync waits, with both cores idle, for what was
// written since the last flush. At 250 ms the default lesson (about 10 MB
// in 0.2 s) never flushed and its publishing waited 10-12 ms for all of it;
// at 50 ms 1.5-4 ms, its last 50 ms of files (a quarter of them). 20 ms
// took it 2-8 ms less in most sets of alternating runs, the course 2 %
// less; the long lessons, which write about 60 MB a second (1.2 MB a
// flush), took as long (docs/performance.md, session 33). 10 ms was no
// better.
constexpr std::chrono::milliseconds kWritebackInterval{20};

CourseBuildResult CourseBuilder::Run() {
  SetParallelism(settings_.jobs);  // lessons, and frames within them, share this bound
  wanted_ = settings_.render.only;
  if (wanted_.empty()) {  // every kind but the PDF figures, which lessons ask for (course_plan.cc)
    wanted_ = AllOutputKinds();
    wanted_.erase("pdf-frames");
  }
  if (!Prepare()) {
    result_.exit_code = 1;
    return result_;
  }
  PlanLessons();
  SettleAllocator();
  progress_.Begin(static_cast<int>(jobs_.size()));
  CheckFramesPerBuild();  // over the budget: stops before anything is drawn
  Render();
  // A shard makes no course files: `merge` makes them from every shard. A
  // shard whose share is empty (more shards than lessons) still leaves its
  // folder and manifest, so the merge of every shard's folder finds them.
  if (settings_.shards > 0 && !Cancelled() && !failed_) WriteManifest();
  if (options_.clean && !CleanMatchesTheBuild()) {
    Finish();
    return result_;
  }
  if (!Cancelled() && settings_.shards == 0) RemoveStale();
  if (!options_.merge_dirs.empty()) ImportShards();
  if (settings_.shards == 0) BuildCourse();
  Finish();
  return result_;
}

bool CourseBuilder::Prepare() {
  std::string error;
  made_out_ = !fs_.PathExists(out_);
  if (!fs_.MakeDirectories(out_, &error)) {
    Error(error);
    return false;
  }
  bool waited = false;
  if (!lock_.Acquire(out_, true,
                     [&] {
                       waited = true;
                       progress_.Note(fmt::format("waiting for another convlesson build to finish with '{}' ({})",
                                                  out_, kLockName));
                     },
                     &error)) {
    Error(error);
    return false;
  }
  if (waited) progress_.RestartClock();  // the summary's time is this build's, not the wait
  std::vector<std::string> problems;
  RecoverStaging(out_, kManifestName, &problems);
  for (const std::string& problem : problems) Error(problem);
  std::string manifest_path = out_ + "/" + std::string(kManifestName);
  if (fs_.PathExists(manifest_path)) {
    std::string text;
    std::optional<BuildManifest> parsed;
    if (fs_.ReadFile(manifest_path, &text, &error, kMaxManifestBytes) && (parsed = ParseManifest(text, &error))) {
      manifest_ = std::move(*parsed);
      manifest_text_ = std::move(text);
    } else {
      manifest_unread_ = "damaged";
      progress_.Diagnostic(fmt::format("{}: warning: ignoring the build manifest ({}); rebuilding everything\n",
                                       manifest_path, error));
    }
  } else if (const std::vector<std::string> names = fs_.ListDirectory(out_);
             std::any_of(names.begin(), names.end(), [](const std::string& name) { return IsLessonId(name); })) {
    manifest_unread_ = "missing";  // folders named like lessons, and no record of who made them
  }
  // Names from the file are used to delete folders: keep only well-formed ones.
  std::erase_if(manifest_.lessons, [](const auto& entry) { return !IsLessonId(entry.first); });
  std::erase_if(manifest_.course_entries, [](const std::string& name) { return !IsCourseEntryName(name); });
  return true;
}

void CourseBuilder::PlanLessons() {
  if (options_.clean || !options_.merge_dirs.empty()) return;  // `clean` and `merge` render no lesson
  std::vector<Diagnostic> diagnostics;
  std::vector<std::string> paths = CollectLessonPaths(options_.paths, &diagnostics);
  if (settings_.shards > 0) paths = ShardOfLessonFiles(paths, settings_.shard, settings_.shards, fs_);
  for (Diagnostic& d : diagnostics) {
    progress_.Diagnostic(FormatDiagnostic(d, ""));
    if (d.severity == Severity::Error) failed_ = true;
  }
  NoteCourseFilesNotGiven();
  const CoursePlanInput input = PlanInput();
  jobs_ = PlanLessonJobs(paths, input);
  claimed_ = ClaimLessonIds(jobs_, input);
}

void CourseBuilder::NoteCourseFilesNotGiven() {
  if (settings_.render.course.HasFile()) return;
  std::set<std::string> folders;
  std::error_code ec;
  for (const std::string& path : options_.paths)
    if (!std::filesystem::is_directory(path, ec)) folders.insert(std::filesystem::path(path).parent_path().string());
  static std::set<std::string> noted;  // once per process: `watch` builds again and again
  for (const std::string& folder : folders) {
    const std::string course = (folder.empty() ? std::string() : folder + "/") + std::string(kCourseFileName);
    if (fs_.PathExists(course) && noted.insert(course).second)
      progress_.Note(fmt::format("{} is not read, as only lesson files were given: the pages, PDFs and course index "
                                 "take the default course settings (give it too, or its folder, to keep its own)",
                                 course));
  }
}

std::string CourseBuilder::HashInput(const std::string& relative) {
  {
    std::lock_guard lock(mutex_);
    if (auto it = hash_cache_.find(relative); it != hash_cache_.end()) return it->second;
  }
  std::string bytes, hash;
  if (fs_.ReadFile(ResolveFromOut(relative, out_), &bytes, nullptr)) hash = Sha256Hex(bytes);
  std::lock_guard lock(mutex_);
  hash_cache_[relative] = hash;
  return hash;
}

CoursePlanInput CourseBuilder::PlanInput() {
  CoursePlanInput input;
  input.fs = &fs_;
  input.out = out_;
  input.manifest = &manifest_;
  input.settings = &settings_;
  input.wanted = wanted_;
  input.force = options_.force;
  input.hash_input = InputHasher();
  return input;
}

// A build that renders a lesson of a large picture makes the allocator give
// large buffers back before the lessons are computed (Build does too, for a
// lesson loaded later): before any helper thread takes a malloc arena when
// one lesson is built, as helpers back their heaps with huge pages from
// their start in other builds (base/parallel_for.cc).
void CourseBuilder::SettleAllocator() const {
  for (const LessonJob& job : jobs_)
    if (job.lesson && !job.up_to_date && HasLargeImage(*job.lesson)) return ReturnLargeBuffersWhenFreed();
}

void CourseBuilder::CheckFramesPerBuild() {
  // Lessons whose frames this build draws (svg or png written), not those it keeps.
  std::vector<LessonJob*> todo;
  for (LessonJob& job : jobs_)
    if (job.lesson && !job.up_to_date && (job.plan.write.count("svg") || job.plan.write.count("png")))
      todo.push_back(&job);
  std::vector<LessonFrames> frames(todo.size());
  ParallelFor(todo.size(), [&](size_t i) { frames[i] = {todo[i]->path, CountLessonFrames(*todo[i]->lesson)}; });
  if (std::string error = CheckBuildFrames(frames); !error.empty()) {
    Error(error);
    stop_ = true;
  }
}

bool CourseBuilder::RemoveOwned(const std::string& target, const OwnedFiles& owned, std::string* error,
                                std::vector<std::string>* kept_files) {
  std::vector<std::string> kept;
  if (!RemoveOwnedFiles(target, owned, &kept, error)) return false;
  for (const std::string& file : kept) progress_.Note(fmt::format("kept {}: convlesson did not make it", file));
  if (kept_files) *kept_files = std::move(kept);
  return true;
}

std::string CourseBuilder::UnownedMessage(const std::string& file, const std::string& replaced) const {
  // Without the manifest every file of out/ reads as someone else's: say
  // why, as a CI cache or artifact that drops hidden files loses it.
  const std::string why =
      manifest_unread_ ? fmt::format(" ({}/{}, the list of the files builds made, is {}, so no file there is known "
                                     "to be convlesson's; a cache or artifact that drops hidden files loses it)",
                                     out_, kManifestName, *manifest_unread_)
                       : "";
  return fmt::format("{} was not made by convlesson, and building would replace {}; move it out of the way, "
                     "or pass --replace-unowned to let the build delete it{}",
                     file, replaced, why);
}

void CourseBuilder::ApplyWerror(std::vector<Diagnostic>* diagnostics) const {
  if (options_.werror) PromoteWarnings(diagnostics);
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
  progress_.Finished(job.id, job.outcome, {}, 0);
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
      progress_.Finished(job.id.empty() ? job.path : job.id, LessonOutcome::Failed, {}, 0);
      if (options_.fail_fast) stop_ = true;
    } else {
      todo.push_back(&job);
    }
  }
  // With threads to share, the costliest lessons start first: a course's
  // photograph started sixth of eight left one thread idle at the end while
  // it finished alone. (Outputs never depend on the order.)
  if (Parallelism() > 1) SortCostliestFirst(&todo);
  if (!todo.empty()) writeback_.emplace(out_, kWritebackInterval);
  // Fontconfig's configuration is loaded first, beside the lessons'
  // computing, which draws no text (left to the rendering, it was loaded
  // twice at once on two threads). On x86-64 that first call also loads the
  // graphics libraries (graphics_libraries/graphics_libraries.h); a build
  // whose lessons write only what is made without them skips it (a
  // one-lesson `--only html` build took 34 ms, 22 without). A lesson
  // computed while they load writes its outputs that draw nothing then.
  const bool draws = std::any_of(todo.begin(), todo.end(), [](const LessonJob* job) {
    return !std::all_of(job->plan.write.begin(), job->plan.write.end(), MadeWithoutGraphics);
  });
  const std::size_t fonts = draws ? 1 : 0;
  std::atomic<bool> fonts_loaded{fonts == 0};  // (early outputs only fill the wait for them)
  std::vector<StagedOutputs> staged(todo.size());
  ParallelFor(fonts + todo.size(), [&](size_t i) {
    if (i < fonts) {
      LoadFontConfiguration();
      fonts_loaded = true;
      return;
    }
    if (Cancelled()) return;
    BuildJob(*todo[i - fonts]);
    // Not the costliest of several lessons: an early kind, once begun, runs
    // to its end, and the course's photograph's page and animations (80
    // and 100 ms) begun as the libraries came in kept the other thread
    // waiting for them at the end of this loop. It renders first below,
    // where its kinds share both threads with its frames.
    if (todo.size() > 1 && i == fonts) return;
    WriteEarlyOutputs(*todo[i - fonts], &staged[i - fonts], fonts_loaded);
  }, &stop_);
  // The draft last: it starts as a thread comes free, beside the lessons left.
  const bool draft = DraftsCourse(todo);
  ParallelFor(todo.size() + (draft ? 1 : 0), [&](size_t i) {
    if (Cancelled()) return;
    if (i == todo.size()) return DraftCourse(todo);
    RenderOne(*todo[i], staged[i]);
  }, &stop_);
  if (!writeback_) return;
  std::string error;
  writeback_->Pause(&error).unlock();
  writeback_.reset();
  // A flush's write error that no publishing was told of (none came after
  // it) fails the build all the same.
  if (!error.empty() && !writeback_error_told_) Error(error);
}

void CourseBuilder::BuildJob(LessonJob& job) const {
  try {
    job.built = Build(*job.lesson);
    job.diagnostics.insert(job.diagnostics.end(), job.built->warnings.begin(), job.built->warnings.end());
  } catch (const std::exception& e) {
    job.diagnostics.push_back({Severity::Error, {job.path, 0, 0}, fmt::format("internal error: {}", e.what())});
  }
}

bool CourseBuilder::DraftsCourse(const std::vector<LessonJob*>& todo) const {
  if (Parallelism() < 2 || settings_.shards > 0 || !options_.merge_dirs.empty() || todo.empty() || failed_ ||
      Cancelled() || todo.size() != jobs_.size() ||
      !(wanted_.count("pdf") || wanted_.count("html") || wanted_.count("embed")))
    return false;
  std::set<std::string> ids;
  for (const LessonJob* job : todo) {
    // A photograph's course.pdf pictures are megabytes: drafted beside its
    // frames they raised the peak of eight filters on a 512x512 photograph
    // at --scale 4 from 142-145 to 148 MB.
    if (!job->built || HasLargeImage(*job->lesson)) return false;
    ids.insert(job->id);
  }
  for (const auto& [id, record] : manifest_.lessons)  // a lesson in out/ that this build does not render
    if (!ids.count(id)) return false;
  return true;
}

void CourseBuilder::DraftCourse(const std::vector<LessonJob*>& todo) {
  CourseDraft draft;
  std::map<std::string, const BuiltLesson*> by_id;  // in id order, as CourseMembers lists them
  draft.present = AllOutputKinds();
  for (const LessonJob* job : todo) {
    by_id[job->id] = &*job->built;
    draft.ids.insert(job->id);
    // What each lesson's record will hold: the kinds it writes and keeps.
    std::erase_if(draft.present, [&](const std::string& kind) { return !job->plan.present.count(kind); });
  }
  std::vector<const BuiltLesson*> members;
  for (const auto& [id, built] : by_id) members.push_back(built);
  RenderOptions render = settings_.render;
  render.only = AsOnly(draft.present);
  const auto draft_part = [&](CoursePart part) {
    DraftedPart drafted;
    drafted.ok = RunCoursePart(part, members, render, drafted.files, &drafted.diagnostics, out_);
    return drafted;
  };
  if (wanted_.count("html") || wanted_.count("embed")) draft.index = draft_part(RenderCourseIndex);
  if (wanted_.count("pdf") && draft.present.count("pdf")) draft.handout = draft_part(RenderCourseHandout);
  draft_ = std::move(draft);
}

bool CourseBuilder::RunCoursePart(CoursePart part, const std::vector<const BuiltLesson*>& lessons,
                                  const RenderOptions& render, FileSink& sink, std::vector<Diagnostic>* diagnostics,
                                  const std::string& out) {
  try {
    return part(lessons, render, sink, diagnostics);
  } catch (const std::exception& e) {
    diagnostics->push_back({Severity::Error, {out, 0, 0}, fmt::format("internal error: {}", e.what())});
    return false;
  }
}

// Computes and lays out `lesson`. A lesson of a large picture first makes
// the allocator give large buffers back as they are freed: a 512x512
// photograph's maps and frames are megabytes each, and the pages glibc
// kept after them swelled its build's peak by 15-40 MB (base/large_buffers.h).
BuiltLesson CourseBuilder::Build(const Lesson& lesson) const {
  if (HasLargeImage(lesson)) ReturnLargeBuffersWhenFreed();
  return BuildLesson(lesson, settings_.render.layout, MessagesFor(settings_.render.course.language));
}

// Written as soon as the lesson is computed, while the graphics libraries
// load on the other thread: in a one-lesson build that thread had nothing
// else to do for 8-10 ms (docs/performance.md, session 34).
void CourseBuilder::WriteEarlyOutputs(LessonJob& job, StagedOutputs* staged, const std::atomic<bool>& fonts_loaded) {
  if (!job.built || fonts_loaded) return;
  // One kind at a time while the libraries load: a kind started after that
  // keeps the threads done with the first loop waiting for it (the course's
  // photograph's page and animations, begun as the libraries came in, left
  // the other thread idle for 100-150 ms).
  std::vector<std::string> kinds;
  for (const char* kind : kEarlyKinds)
    if (job.plan.write.count(kind)) kinds.emplace_back(kind);
  if (kinds.empty()) return;
  staged->started = std::chrono::steady_clock::now();
  if (!OpenStage(job, staged)) {
    staged->failed = true;
    return;
  }
  for (const std::string& kind : kinds) {
    if (fonts_loaded) break;
    if (!WriteKinds(job, {kind}, *staged->sink)) {
      staged->failed = true;
      break;
    }
    staged->written_early.insert(kind);
  }
}

bool CourseBuilder::OpenStage(LessonJob& job, StagedOutputs* staged) {
  const std::string stage = StageDir(job.id);
  std::string error;
  if (!EmptyStage(stage, &error)) {
    job.diagnostics.push_back({Severity::Error, {job.path, 0, 0}, error});
    return false;
  }
  staged->sink = fs_.SinkAt(stage);
  return true;
}

bool CourseBuilder::WriteKinds(LessonJob& job, const std::set<std::string>& kinds, FileSink& sink) const {
  RenderOptions render = settings_.render;
  render.only = AsOnly(job.plan.present);  // what the page and lesson.json link
  render.write = kinds;
  try {
    return RenderLessonOutputs(*job.built, render, sink, &job.diagnostics);
  } catch (const std::exception& e) {
    job.diagnostics.push_back({Severity::Error, {job.path, 0, 0}, fmt::format("internal error: {}", e.what())});
    return false;
  }
}

void CourseBuilder::RenderOne(LessonJob& job, StagedOutputs& staged) {
  auto started = staged.started.value_or(std::chrono::steady_clock::now());
  job.attempted = true;
  progress_.Started(job.id);
  const Lesson& lesson = *job.lesson;
  std::string stage = StageDir(job.id);
  std::string error;
  bool ok = true;
  std::vector<std::string> written, linked;
  if (!job.built) ok = false;  // BuildJob failed: its error is in the diagnostics
  // Only a folder that changes is staged and swapped; a lesson whose edit
  // changed no output's key (its `order`, say) just gets its new record.
  bool changes_folder = !job.plan.write.empty();
  std::vector<std::string> unchanged;  // written again with the bytes out/<id> has
  if (staged.failed) ok = false;  // told when the early outputs were written
  if (ok && changes_folder && !staged.sink) ok = OpenStage(job, &staged);
  if (ok && changes_folder) {
    FileSink& sink = *staged.sink;
    std::set<std::string> kinds = job.plan.write;
    for (const std::string& kind : staged.written_early) kinds.erase(kind);
    ok = kinds.empty() || WriteKinds(job, kinds, sink);
    job.built->fills_memo->Clear();  // its beats are all drawn: their colours and scenes go
    job.built->scenes->Clear();
    if (!ok && !HasErrors(job.diagnostics))
      job.diagnostics.push_back({Severity::Error, {job.path, 0, 0}, "could not write the lesson's outputs"});
    written = SinkPaths(sink);
    if (ok && !job.plan.keep.empty() &&
        !KeepFiles(fs_, LessonDir(job.id), stage, FilesOfKinds(*job.previous, job.plan.keep), &linked, &error)) {
      job.diagnostics.push_back({Severity::Error, {job.path, 0, 0}, error});
      ok = false;
    }
    std::sort(linked.begin(), linked.end());
    const ManifestLesson* previous = job.previous ? &*job.previous : nullptr;
    // --force writes every file again; otherwise a file rendered to the bytes
    // it had stays the old file.
    if (ok && !options_.force && ListsFilesOf(previous, job.id))
      unchanged = KeepUnchangedFiles(fs_, LessonDir(job.id), stage, written, *previous->made);
    // Rendered again to the very same files: the folder stays as it is.
    if (ok && unchanged.size() == written.size() && job.previous && job.previous->made &&
        UnionOfFiles(written, linked) == *job.previous->made) {
      fs_.RemoveTree(stage, nullptr);
      changes_folder = false;
    }
    std::erase_if(written, [&](const std::string& file) {
      return std::binary_search(unchanged.begin(), unchanged.end(), file);
    });
  }
  // The entry recorded with the outputs: warnings before --werror promotes them.
  ManifestLesson entry;
  entry.id = job.id;
  entry.source = job.source;
  entry.yaml_hash = job.yaml_hash;
  entry.generator = settings_.generator_key;
  entry.inputs = job.inputs;
  entry.key = LessonKey(entry.generator, entry.source, entry.yaml_hash, entry.inputs);
  entry.index_key = LessonIndexKey(lesson);
  for (const std::string& kind : job.plan.write) entry.outputs[kind] = job.plan.keys.at(kind);
  for (const std::string& kind : job.plan.keep) {
    entry.outputs[kind] = job.previous->outputs.at(kind);
    // Kept with a key of other inputs (--only left it alone): the next build
    // must load this lesson to see it, rather than call it up to date.
    if (entry.outputs[kind] != job.plan.keys.at(kind)) entry.generator = std::string(kMixedGenerator);
  }
  for (const Diagnostic& d : job.diagnostics)
    if (d.severity == Severity::Warning)
      entry.warnings.push_back({d.where.path == job.path ? "" : d.where.path, d.where.line, d.where.column, d.span,
                                d.message});
  if (changes_folder) {
    entry.made = UnionOfFiles(UnionOfFiles(written, linked), unchanged);
  } else if (job.previous) {
    entry.made = job.previous->made;
  }
  entry.files = entry.made ? static_cast<int>(entry.made->size()) : 0;

  ApplyWerror(&job.diagnostics);
  ok = ok && !HasErrors(job.diagnostics);
  if (ok && changes_folder) ok = PublishLesson(job, stage, entry);
  if (ok && !changes_folder) {
    std::lock_guard lock(mutex_);
    manifest_.lessons[job.id] = entry;
    WriteManifest();
  }
  if (!ok && changes_folder) fs_.RemoveTree(stage, nullptr);  // the last good outputs stay in out/<id>
  PrintDiagnostics(job, job.diagnostics);
  if (ok)
    for (const std::string& path : written) progress_.FileWritten(LessonDir(job.id) + "/" + path);
  job.outcome = !ok ? LessonOutcome::Failed : changes_folder ? LessonOutcome::Built : LessonOutcome::UpToDate;
  if (ok) {
    std::lock_guard lock(mutex_);
    result_.totals.files_written += static_cast<int>(written.size());
    result_.totals.files_kept += static_cast<int>(linked.size() + unchanged.size());
    if (changes_folder && ListsFilesOf(job.previous ? &*job.previous : nullptr, job.id) && entry.made)
      for (const std::string& file : *job.previous->made)
        if (!std::binary_search(entry.made->begin(), entry.made->end(), file)) ++result_.totals.files_dropped;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  LessonReport report;
  report.files = static_cast<int>(written.size());
  report.kept = static_cast<int>(linked.size() + unchanged.size());
  if (job.plan.write != wanted_ || !job.plan.keep.empty())
    report.kinds.assign(job.plan.write.begin(), job.plan.write.end());
  progress_.Finished(job.id, job.outcome, report, seconds);
  if (!ok && options_.fail_fast) stop_ = true;
}

// Records `id` pending, owning the files of both versions (until the swap
// is recorded the folder holds either), then swaps `stage` into out/<id>.
// A build or merge killed after the swap must not leave a record that calls
// the other version up to date: the caller records `entry` once it is done.
bool CourseBuilder::SwapIntoPlace(const std::string& id, const std::string& stage, const ManifestLesson& entry,
                                  const OwnedFiles& owned, std::string* error) {
  error->clear();
  ManifestLesson replacing = entry;
  replacing.pending = true;
  if (auto old = manifest_.lessons.find(id); old != manifest_.lessons.end() && old->second.made)
    replacing.made = UnionOfFiles(*old->second.made, *entry.made);
  if (owned.everything) replacing.made.reset();
  manifest_.lessons[id] = replacing;
  if (!WriteManifest()) return false;  // told
  CrashPoint("lesson-pending");
  // No flush runs while the staged folder is synced (BackgroundWriteback::Pause).
  std::unique_lock<std::mutex> paused;
  if (writeback_) paused = writeback_->Pause(error);
  if (!error->empty()) writeback_error_told_ = true;
  if (!error->empty() || !fs_.ReplacePath(stage, LessonDir(id), error)) return false;
  if (paused) paused.unlock();
  CrashPoint("lesson-swapped");
  return true;
}

// Swaps the staged outputs into out/<id> (SwapIntoPlace), removes the
// folders this lesson file made under ids nothing claims now (marked pending
// with the swap's record), and records the lesson.
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
  std::string error;
  if (!SwapIntoPlace(job.id, stage, entry, owned, &error)) {
    if (!error.empty()) job.diagnostics.push_back({Severity::Error, {job.path, 0, 0}, error});
    return false;
  }
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
  return true;
}

// `clean` renders no lesson, so the course files it makes again must be made
// with the settings the lessons were built with: with another --paper, say,
// course.pdf would no longer match the handouts beside it. The manifest keeps
// only their hash, so a clean that differs changes nothing. The lessons it
// removes may have been built with anything.
bool CourseBuilder::CleanMatchesTheBuild() {
  for (const auto& [id, lesson] : manifest_.lessons)
    if (!lesson.pending && lesson.generator != settings_.generator_key &&
        fs_.PathExists(ResolveFromOut(lesson.source, out_))) {
      Error(fmt::format("{} was built with other settings than this clean's (its options, templates, course file, "
                        "SOURCE_DATE_EPOCH or convlesson version): give `clean` the --templates, --scale, --paper, "
                        "--handout, --layout and --base-url the build had, in the same environment, or run "
                        "`convlesson build --prune` instead",
                        LessonDir(id)));
      return false;
    }
  return true;
}

void CourseBuilder::RemoveStale() {
  std::vector<std::string> stale = StaleLessonIds(manifest_, claimed_, [this](const std::string& source) {
    return fs_.PathExists(ResolveFromOut(source, out_));
  });
  // The name may now belong to a course output.
  std::erase_if(stale, [this](const std::string& id) {
    return std::find(manifest_.course_entries.begin(), manifest_.course_entries.end(), id) !=
           manifest_.course_entries.end();
  });
  if (!options_.prune) {
    // Removing outputs is asked for, never implied: they leave the course
    // index (below) but their folder stays until `clean` or `--prune`.
    for (const std::string& id : stale)
      progress_.Note(fmt::format("kept {}: its lesson file {} is gone (`convlesson clean` removes it)", LessonDir(id),
                                 ResolveFromOut(manifest_.lessons[id].source, out_)));
    gone_ = {stale.begin(), stale.end()};
    return;
  }
  // Pending first: a folder half removed by a killed build is never up to
  // date, even if its lesson file comes back.
  for (const std::string& id : stale) manifest_.lessons[id].pending = true;
  if (!stale.empty() && !WriteManifest()) return;
  for (const std::string& id : stale) {
    std::string error;
    std::string source = ResolveFromOut(manifest_.lessons[id].source, out_);
    std::vector<std::string> kept;
    if (!RemoveOwned(LessonDir(id), OwnedByLesson(manifest_, id), &error, &kept)) {
      Error(error);
      continue;
    }
    CrashPoint("stale-removed");
    manifest_.lessons.erase(id);
    if (kept.empty()) {
      ++result_.totals.removed;
      progress_.Note(fmt::format("removed {}: its lesson file {} is gone", LessonDir(id), source));
    } else if (kept != std::vector<std::string>{LessonDir(id)}) {  // else nothing there was the build's
      ++result_.totals.emptied;
      progress_.Note(fmt::format("removed the outputs in {} (the folder stays for the files kept): its lesson file "
                                 "{} is gone",
                                 LessonDir(id), source));
    }
  }
  WriteManifest();
}

void CourseBuilder::ImportShards() {
  std::vector<ShardLesson> shards;
  std::string error;
  if (!ReadShards(fs_, options_.merge_dirs, out_, settings_.generator_key, &shards, &error)) {
    Error(error);
    return;
  }
  // The lesson files of the course folder (--course): each must be in a shard.
  std::vector<Diagnostic> ignored;  // a folder without lessons: nothing to check
  std::vector<std::string> sources;
  for (const std::string& path : CollectLessonPaths(options_.paths, &ignored)) sources.push_back(RelativeToOut(path, out_));
  if (!CheckShardsCoverTheCourse(fs_, shards, sources, out_, InputHasher(), &error)) {
    Error(error);
    return;
  }
  // A shard built with --only into a folder that holds more kinds: its
  // folder would drop them, where `build --only` keeps them, and what was
  // kept would not match pages made for a folder without them. Refused
  // before anything is put in place.
  for (const ShardLesson& shard : shards) {
    auto old = manifest_.lessons.find(shard.record.id);
    if (old == manifest_.lessons.end()) continue;
    std::vector<std::string> missing;
    for (const auto& [kind, key] : old->second.outputs)
      if (!shard.record.outputs.count(kind)) missing.push_back(kind);
    if (!missing.empty()) {
      Error(fmt::format("{} holds {} that {}/{} was not built with (`--only`); merge into a new folder, or build "
                        "the shards with every kind it holds",
                        LessonDir(shard.record.id), fmt::join(missing, ", "), shard.dir, shard.record.id));
      return;
    }
  }
  for (const ShardLesson& shard : shards) {
    const std::string& id = shard.record.id;
    const ManifestLesson& entry = shard.record;
    std::lock_guard lock(mutex_);
    ++result_.totals.lessons;
    // A lesson that cannot be put in place fails, as in a build: the others
    // are still merged, and the course files are not made.
    const auto fail = [this](const std::string& message) {
      if (!message.empty()) Error(message);
      ++result_.totals.failed;
    };
    for (const ManifestWarning& w : entry.warnings)  // as a build replays them
      progress_.Diagnostic(FormatDiagnostic({Severity::Warning,
                                             {w.path.empty() ? ResolveFromOut(entry.source, out_) : w.path, w.line,
                                              w.column},
                                             w.message, w.span},
                                            ""));
    const auto old = manifest_.lessons.find(id);
    const ManifestLesson* before = old != manifest_.lessons.end() ? &old->second : nullptr;
    const OwnedFiles owned = OwnedByLesson(manifest_, id);
    if (std::optional<std::string> unowned =
            options_.replace_unowned ? std::nullopt : FindUnownedFile(LessonDir(id), owned)) {
      fail(UnownedMessage(*unowned, LessonDir(id)));
      continue;
    }
    // Only files a build makes: a link would publish (or, linked, copy)
    // whatever it points at, anywhere on the machine.
    const auto not_plain = std::find_if(entry.made->begin(), entry.made->end(), [&](const std::string& file) {
      return !fs_.IsPlainFileUnder(shard.dir, id + "/" + file);
    });
    if (not_plain != entry.made->end()) {
      fail(fmt::format("{}/{}/{} is missing or not a plain file (a symbolic link, or one in its path); build that "
                       "shard again",
                       shard.dir, id, *not_plain));
      continue;
    }
    const std::string stage = StageDir(id);
    std::vector<std::string> kept;
    if (!EmptyStage(stage, &error) || !KeepFiles(fs_, shard.dir + "/" + id, stage, *entry.made, &kept, &error)) {
      fail(error);
      fs_.RemoveTree(stage, nullptr);
      continue;
    }
    // A file out/<id> holds with the same bytes stays that file, as in a
    // build, so a tool syncing out/ sees just the files that changed.
    std::vector<std::string> unchanged;
    if (ListsFilesOf(before, id))
      unchanged = KeepUnchangedFiles(fs_, LessonDir(id), stage, kept, *before->made);
    // The very files and record out/<id> holds (the same shards merged
    // again): the folder stays as it is. A file deleted or damaged there is
    // not the same, so merging again puts it right.
    if (before && *before == entry && unchanged.size() == kept.size()) {
      fs_.RemoveTree(stage, nullptr);
      ++result_.totals.up_to_date;
      continue;
    }
    if (!SwapIntoPlace(id, stage, entry, owned, &error)) {
      // Its record stays pending: the folder may hold either version.
      fail(error);  // empty when the manifest could not be written: told
      if (error.empty()) return;  // nothing more can be recorded
      fs_.RemoveTree(stage, nullptr);
      continue;
    }
    manifest_.lessons[id] = entry;
    if (!WriteManifest()) return fail("");
    ++result_.totals.merged;
    result_.totals.files_kept += static_cast<int>(unchanged.size());
    result_.totals.files_written += static_cast<int>(kept.size() - unchanged.size());
  }
}

void CourseBuilder::BuildCourse() {
  if (Cancelled() || failed_) return;
  // A lesson that failed keeps the last good course files, so that it never
  // drops out of the index. Where there are none yet (a first build), the
  // lessons that built get their index and assets: their pages, published,
  // would load without styles or player, and link to a missing index.
  const auto failed = [](const LessonJob& job) { return job.outcome == LessonOutcome::Failed || !job.attempted; };
  if (std::any_of(jobs_.begin(), jobs_.end(), failed) &&
      (!manifest_.course_entries.empty() || std::all_of(jobs_.begin(), jobs_.end(), failed)))
    return;
  const std::optional<CourseOutputPlan> plan = PlanCourseOutputs(PlanInput(), gone_);
  if (!plan || (!plan->index_due && !plan->pdf_due)) return;
  const std::set<std::string>& ids = plan->ids;
  const bool index_due = plan->index_due, pdf_due = plan->pdf_due;
  const std::string &index_key = plan->index_key, &pdf_key = plan->pdf_key;
  const RenderOptions& render = settings_.render;
  const std::set<std::string>& present = plan->present;

  // The draft serves when the plan lists the lessons and kinds it assumed
  // and each part due was drafted whole (a part that failed beside the
  // lessons, out of memory say, is rendered again now, as -j1 would).
  const auto drafted = [](const std::optional<DraftedPart>& part) { return part && part->ok; };
  const CourseDraft* draft = draft_ && draft_->ids == ids && draft_->present == present &&
                                     (!index_due || drafted(draft_->index)) && (!pdf_due || drafted(draft_->handout))
                                 ? &*draft_
                                 : nullptr;
  std::vector<Lesson> loaded;
  std::vector<BuiltLesson> built;
  std::vector<const BuiltLesson*> members;
  if (!draft && !CourseMembers(ids, &loaded, &built, &members)) return;

  std::string stage = StageDir(std::string(kCourseStagingName));
  std::string error;
  if (!EmptyStage(stage, &error)) {
    Error(error);
    return;
  }
  RenderOptions course_render = render;
  course_render.only = AsOnly(present);  // what the index links
  // The index and the handout go through sinks of their own, so a failed
  // handout can be taken out of the staging folder and the index still go out.
  std::unique_ptr<FileSink> index_owner = fs_.SinkAt(stage), handout_owner = fs_.SinkAt(stage);
  FileSink &index_sink = *index_owner, &handout_sink = *handout_owner;
  if (index_due && !RenderCoursePart(RenderCourseIndex, members, course_render, index_sink,
                                     "could not write the course pages", draft ? &draft->index : nullptr)) {
    failed_ = true;
    return;
  }
  const bool handout_ok = !pdf_due || RenderCoursePart(RenderCourseHandout, members, course_render, handout_sink,
                                                       "could not write the course handout",
                                                       draft ? &draft->handout : nullptr);
  if (!handout_ok) {
    failed_ = true;  // the index is published below; the last good course.pdf stays
    for (const std::string& path : SinkPaths(handout_sink))
      if (!fs_.RemoveTree(stage + "/" + path, &error)) {
        Error(error);
        return;
      }
  }
  std::vector<std::string> entries = fs_.ListDirectory(stage);
  for (const std::string& name : entries)
    if (!IsCourseEntryName(name) || claimed_.count(name) || manifest_.lessons.count(name)) {
      Error(fmt::format("course output '{}' would replace the lesson folder of the same name", name));
      return;
    }
  // An entry made again with the same bytes (the assets when only the index
  // changed) stays as it is; in the others, so does every unchanged file.
  std::vector<std::string> staged_files = SinkPaths(index_sink);
  if (handout_ok)
    for (const std::string& path : SinkPaths(handout_sink)) staged_files.push_back(path);
  const std::set<std::string> unchanged_course_files =
      KeepUnchangedCourseEntries(fs_, stage, out_, manifest_, staged_files, &entries);
  std::vector<std::string> course_files;
  for (const std::string& path : SinkPaths(index_sink))
    if (std::find(entries.begin(), entries.end(), path.substr(0, path.find('/'))) != entries.end())
      course_files.push_back(path);
  if (handout_ok)
    for (const std::string& path : SinkPaths(handout_sink))
      if (std::find(entries.begin(), entries.end(), path.substr(0, path.find('/'))) != entries.end())
        course_files.push_back(path);
  course_files = UnionOfFiles(course_files, {});
  std::lock_guard lock(mutex_);
  if (!options_.replace_unowned)
    for (const std::string& name : entries)
      if (std::optional<std::string> unowned = FindUnownedFile(out_ + "/" + name, OwnedByCourse(manifest_, name))) {
        Error(UnownedMessage(*unowned, out_ + "/" + name));
        return;
      }
  CrashPoint("course-staged");
  // As for lessons: the manifest first stops vouching for the parts being
  // replaced (and owns every name about to appear), then they are swapped one
  // by one; the entries of a part not rebuilt stay as they are.
  if (index_due) manifest_.course_key.clear();
  if (pdf_due) manifest_.course_pdf_key.clear();
  if (manifest_.course_files) manifest_.course_files = UnionOfFiles(*manifest_.course_files, course_files);
  for (const std::string& name : entries)
    if (std::find(manifest_.course_entries.begin(), manifest_.course_entries.end(), name) ==
        manifest_.course_entries.end())
      manifest_.course_entries.push_back(name);
  if (!WriteManifest()) return;
  CrashPoint("course-pending");
  for (const std::string& name : entries) {
    if (!fs_.ReplacePath(stage + "/" + name, out_ + "/" + name, &error)) {
      Error(error);
      return;
    }
    CrashPoint("course-entry-swapped");
  }
  // The files now under the swapped entries are exactly those staged; files
  // of the other entries stay listed.
  if (manifest_.course_files) {
    std::vector<std::string> files;
    for (const std::string& file : *manifest_.course_files) {
      const std::string top = file.substr(0, file.find('/'));
      if (std::find(entries.begin(), entries.end(), top) == entries.end()) files.push_back(file);
    }
    manifest_.course_files = UnionOfFiles(files, course_files);
  }
  std::sort(manifest_.course_entries.begin(), manifest_.course_entries.end());
  if (index_due) manifest_.course_key = index_key;
  if (pdf_due && handout_ok) manifest_.course_pdf_key = pdf_key;
  WriteManifest();
  CrashPoint("course-recorded");
  for (const std::string& path : course_files) {
    if (unchanged_course_files.count(path)) continue;
    ++result_.totals.files_written;
    progress_.FileWritten(out_ + "/" + path);
  }
  result_.totals.course_entries = entries;
}

bool CourseBuilder::CourseMembers(const std::set<std::string>& ids, std::vector<Lesson>* loaded,
                                  std::vector<BuiltLesson>* built, std::vector<const BuiltLesson*>* members) {
  std::map<std::string, const LessonJob*> job_of;
  for (const LessonJob& job : jobs_)
    if (job.built && !job.id.empty()) job_of[job.id] = &job;
  // The others are read again from their files, which must still hold what
  // their outputs were made from.
  std::vector<LessonJob> others;
  for (const std::string& id : ids) {
    if (job_of.count(id)) continue;
    const ManifestLesson& record = manifest_.lessons.at(id);
    LessonJob other;
    other.path = ResolveFromOut(record.source, out_);
    for (const LessonJob& job : jobs_)
      if (job.source == record.source) other.path = job.path;
    if (!MadeFromFilesAsTheyAre(fs_, record, other.path, InputHasher(), &other.yaml)) {
      progress_.Diagnostic(fmt::format(
          "{}: warning: the course index and course.pdf are not updated: {} was made from this file, which has "
          "changed since; build it too\n",
          other.path, LessonDir(id)));
      return false;
    }
    other.id = id;
    others.push_back(std::move(other));
  }
  loaded->resize(others.size());
  built->resize(others.size());
  std::atomic<bool> ok{true};
  ParallelFor(others.size(), [&](size_t i) {
    std::vector<Diagnostic> diagnostics;
    std::optional<Lesson> lesson = LoadJob(others[i], &diagnostics);
    if (!lesson) {
      ok = false;
      PrintDiagnostics(others[i], diagnostics);
      return;
    }
    (*loaded)[i] = std::move(*lesson);
    (*built)[i] = Build((*loaded)[i]);
  });
  if (!ok) {
    failed_ = true;
    return false;
  }
  for (const auto& [id, job] : job_of)
    if (ids.count(id)) members->push_back(&*job->built);
  for (const BuiltLesson& b : *built) members->push_back(&b);
  return true;
}

bool CourseBuilder::RenderCoursePart(CoursePart part, const std::vector<const BuiltLesson*>& lessons,
                                     const RenderOptions& render, FileSink& sink, const char* failure,
                                     const std::optional<DraftedPart>* drafted) {
  std::vector<Diagnostic> diagnostics;
  bool ok = false;
  if (drafted && *drafted) {  // drafted whole (BuildCourse): put its files in place
    ok = true;
    diagnostics = (*drafted)->diagnostics;
    std::string error;
    for (const auto& [path, bytes] : (*drafted)->files.files())
      if (ok && !sink.Put(path, bytes, &error)) {
        ok = false;
        diagnostics.push_back({Severity::Error, {out_, 0, 0}, fmt::format("cannot write {}: {}", path, error)});
      }
  } else {
    ok = RunCoursePart(part, lessons, render, sink, &diagnostics, out_);
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
  if (!fs_.WriteFile(out_ + "/" + std::string(kManifestName), text, &error)) {
    Error(error);
    return false;
  }
  manifest_text_ = std::move(text);
  return true;
}

void CourseBuilder::Finish() {
  std::string error;
  if (fs_.PathExists(staging_) && !fs_.RemoveTree(staging_, &error)) Error(error);
  // A build that made out/ and wrote nothing into it (a first build whose
  // lessons all failed, a merge of no shard) leaves no empty folder behind.
  if (made_out_ && fs_.ListDirectory(out_) == std::vector<std::string>{std::string(kLockName)})
    lock_.ReleaseRemovingFolder(out_);
  else
    lock_.Release();
  BuildTotals& totals = result_.totals;
  bool any_failed = failed_;
  totals.other_errors = failed_;
  totals.clean = options_.clean;
  totals.merge = !options_.merge_dirs.empty();
  for (const LessonJob& job : jobs_) {
    if (!job.path.empty()) result_.inputs.push_back(job.path);
    // A lesson that failed for want of an image is built once it appears.
    result_.inputs.insert(result_.inputs.end(), job.tried_inputs.begin(), job.tried_inputs.end());
    if (!job.lesson && job.previous)
      for (const ManifestInput& input : job.previous->inputs) result_.inputs.push_back(ResolveFromOut(input.path, out_));
    if (!job.attempted) {
      // A stop skips lessons found up to date too; they need nothing.
      if (job.up_to_date) ++totals.lessons, ++totals.up_to_date;
      else ++totals.not_started;
      continue;
    }
    ++totals.lessons;
    if (job.outcome == LessonOutcome::Built) ++totals.built;
    if (job.outcome == LessonOutcome::UpToDate) ++totals.up_to_date;
    if (job.outcome == LessonOutcome::Failed) ++totals.failed, any_failed = true;
  }
  result_.interrupted = cancel_seen_.load();  // before the check below, which skips nothing
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
