#include "cli/course_plan.h"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "base/number_format.h"
#include "base/parallel_for.h"
#include "base/sha256.h"
#include "cli/build_paths.h"
#include "cli/output_keys.h"
#include "lesson/loader.h"
#include "site/cost_budget.h"

namespace cl {
namespace {

std::string BaseDirOf(const std::string& path) {
  std::string parent = std::filesystem::path(path).parent_path().string();
  return parent.empty() ? "." : parent;
}

// Who holds `job`'s id by the manifest, when not `job`'s own file: the file
// that made out/<id> is gone (renamed or moved), is `job`'s own file spelled
// another way (through a linked folder), or is in this build with another id
// now (two files' names swapped): the id is freed, and its outputs are
// `job`'s, kept where their keys did not change. In this build with the same
// id: ClaimLessonIds decides between them. Else another existing file holds
// it (one in this build that failed to load too), whose path is *path.
// Reads the other jobs' ids: call it once every job is loaded.
enum class IdHolder { kNone, kFreed, kThisBuild, kOtherFile };

IdHolder HolderOfId(const LessonJob& job, const std::vector<LessonJob>& jobs, const CoursePlanInput& input,
                    std::string* path = nullptr) {
  auto it = input.manifest->lessons.find(job.id);
  if (it == input.manifest->lessons.end() || it->second.source == job.source) return IdHolder::kNone;
  const std::string made_by = ResolveFromOut(it->second.source, input.out);
  if (!input.fs->PathExists(made_by) || input.fs->SameFile(made_by, job.path)) return IdHolder::kFreed;
  for (const LessonJob& other : jobs)
    if (other.source == it->second.source && !other.id.empty())
      return other.id == job.id ? IdHolder::kThisBuild : IdHolder::kFreed;
  if (path) *path = made_by;
  return IdHolder::kOtherFile;
}

}  // namespace

std::optional<Lesson> LoadJob(const LessonJob& job, std::vector<Diagnostic>* diagnostics,
                              std::vector<std::string>* tried_inputs) {
  try {
    LoadResult loaded = LoadLessonText(job.yaml, job.path, BaseDirOf(job.path));
    diagnostics->insert(diagnostics->end(), loaded.diagnostics.begin(), loaded.diagnostics.end());
    if (tried_inputs) *tried_inputs = std::move(loaded.inputs);
    if (loaded.lesson && !HasErrors(loaded.diagnostics)) return std::move(loaded.lesson);
  } catch (const std::exception& e) {
    diagnostics->push_back({Severity::Error, {job.path, 0, 0}, fmt::format("internal error: {}", e.what())});
  }
  return std::nullopt;
}

bool MadeFromFilesAsTheyAre(BuildFileSystem& fs, const ManifestLesson& record, const std::string& path,
                            const std::function<std::string(const std::string&)>& hash_input,
                            std::string* yaml) {
  std::string bytes;
  if (!fs.ReadFile(path, &bytes, nullptr, kMaxLessonFileBytes) || Sha256Hex(bytes) != record.yaml_hash) return false;
  for (const ManifestInput& input : record.inputs)
    if (hash_input(input.path) != input.hash) return false;
  if (yaml) *yaml = std::move(bytes);
  return true;
}

std::vector<LessonJob> PlanLessonJobs(const std::vector<std::string>& paths, const CoursePlanInput& input) {
  BuildFileSystem& fs = *input.fs;
  auto lesson_dir = [&](const std::string& id) { return input.out + "/" + id; };
  std::vector<LessonJob> jobs;
  std::set<std::string> seen;
  for (const std::string& path : paths) {
    LessonJob job;
    job.path = path;
    job.source = RelativeToOut(path, input.out);
    if (!seen.insert(job.source).second) continue;  // the same file named twice
    std::string error;
    job.readable = fs.ReadFile(path, &job.yaml, &error, kMaxLessonFileBytes);
    if (!job.readable) job.diagnostics.push_back({Severity::Error, {path, 0, 0}, error});
    job.yaml_hash = Sha256Hex(job.yaml);
    if (const ManifestLesson* previous = FindBySource(*input.manifest, job.source)) job.previous = *previous;
    jobs.push_back(std::move(job));
  }

  UpToDateCheck check;
  check.generator_key = input.settings->generator_key;
  check.force = input.force;
  check.hash_input = input.hash_input;
  check.outputs_exist = [&](const ManifestLesson& record) {
    const std::string dir = lesson_dir(record.id);
    if (!fs.IsDirectory(dir)) return false;
    if (!record.made) return true;
    // Each folder listed once: a no-op build of the course looked its 2266
    // files up one by one in 4 ms, about twice the time of listing them.
    std::map<std::string, std::vector<std::string>> listed;  // folder (relative) -> its names, sorted
    for (const std::string& file : *record.made) {
      const std::size_t slash = file.rfind('/');
      const std::string folder = slash == std::string::npos ? "" : file.substr(0, slash);
      auto it = listed.find(folder);
      if (it == listed.end()) it = listed.emplace(folder, fs.ListDirectory(folder.empty() ? dir : dir + "/" + folder)).first;
      const std::string name = slash == std::string::npos ? file : file.substr(slash + 1);
      if (!std::binary_search(it->second.begin(), it->second.end(), name)) return false;
    }
    return true;
  };
  check.wanted = input.wanted;
  // (One thread: a no-op build of the course lists its lessons' folders in
  // about 2 ms, and starting the pool's threads cost more than it saved.)
  for (LessonJob& job : jobs) {
    if (!job.readable) continue;
    check.yaml_hash = job.yaml_hash;
    job.up_to_date = IsUpToDate(job.previous ? &*job.previous : nullptr, check, nullptr);
    if (job.up_to_date) job.id = job.previous->id;
  }

  std::vector<LessonJob*> todo;
  for (LessonJob& job : jobs)
    if (job.readable && !job.up_to_date) todo.push_back(&job);
  ParallelFor(todo.size(), [&](size_t i) {
    LessonJob& job = *todo[i];
    job.lesson = LoadJob(job, &job.diagnostics, &job.tried_inputs);
    if (!job.lesson) return;
    job.id = job.lesson->id;
    // Hashed now, as close as possible to the loader's read: a file saved
    // later only makes the next build redo this lesson.
    std::set<std::string> inputs_seen;
    for (const std::string& file : job.lesson->inputs) {
      std::string relative = RelativeToOut(file, input.out);
      if (inputs_seen.insert(relative).second) job.inputs.push_back({relative, input.hash_input(relative)});
    }
  });
  // Once every id is known: a file whose record is another id's now (renamed,
  // swapped) takes over the record of its own id where that is free.
  for (LessonJob* job : todo)
    if (job->lesson && (!job->previous || job->previous->id != job->id))
      if (HolderOfId(*job, jobs, input) == IdHolder::kFreed) job->previous = input.manifest->lessons.at(job->id);
  ParallelFor(todo.size(), [&](size_t i) {
    LessonJob& job = *todo[i];
    if (!job.lesson) return;
    const ManifestLesson* previous = job.previous ? &*job.previous : nullptr;
    // Without --only, a lesson's `pdf_frames: true` asks for its PDF figures.
    std::set<std::string> wanted = input.wanted;
    if (input.settings->render.only.empty() && job.lesson->pdf_frames) wanted.insert("pdf-frames");
    job.plan = PlanLessonOutputs(
        previous, job.id, wanted, input.force, !input.settings->render.only.empty(),
        [&](const std::set<std::string>& present) { return LessonOutputKeys(*job.lesson, *input.settings, present); },
        [&](const std::string& kind) {
          for (const std::string& file : FilesOfKinds(*previous, {kind}))
            if (!fs.PathExists(lesson_dir(job.id) + "/" + file)) return false;
          return true;
        });
  });
  return jobs;
}

std::vector<std::string> ShardOfLessonFiles(const std::vector<std::string>& paths, int shard, int shards,
                                            BuildFileSystem& fs) {
  std::vector<std::pair<std::string, double>> costs;
  for (const std::string& path : paths) {
    LessonJob job;
    job.path = path;
    double cost = 1;
    std::vector<Diagnostic> ignored;  // the shard that builds it reports them
    if (fs.ReadFile(path, &job.yaml, nullptr, kMaxLessonFileBytes))
      if (std::optional<Lesson> lesson = LoadJob(job, &ignored))
        cost += EstimateRenderCost(*lesson);
    costs.emplace_back(path, cost);
  }
  const std::vector<int> share = AssignShards(costs, shards);
  std::vector<std::string> mine;
  for (size_t i = 0; i < paths.size(); ++i)
    if (share[i] == shard) mine.push_back(paths[i]);
  return mine;
}

void SortCostliestFirst(std::vector<LessonJob*>* jobs) {
  std::vector<std::pair<double, LessonJob*>> by_cost;
  for (LessonJob* job : *jobs) by_cost.emplace_back(EstimateRenderCost(*job->lesson), job);
  std::stable_sort(by_cost.begin(), by_cost.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = 0; i < jobs->size(); ++i) (*jobs)[i] = by_cost[i].second;
}

std::optional<CourseOutputPlan> PlanCourseOutputs(const CoursePlanInput& input, const std::set<std::string>& gone) {
  const BuildManifest& manifest = *input.manifest;
  const RenderOptions& render = input.settings->render;
  CourseOutputPlan plan;
  for (const auto& [id, lesson] : manifest.lessons) {
    if (gone.count(id)) continue;
    if (lesson.pending) return std::nullopt;
    plan.ids.insert(id);
  }
  plan.present = plan.ids.empty() ? input.wanted : KindsHeldByAll(manifest, plan.ids);
  // What each part reads of the build's settings (the course file's bytes
  // included: its title, intro, order and language are the index's).
  Sha256 index_base, pdf_base;
  for (Sha256* h : {&index_base, &pdf_base}) {
    h->UpdateField(GeneratorIdentity());
    h->UpdateField("course:" + render.course.source_hash);
    h->UpdateField(FormatNumber(render.scale));
    h->UpdateField(render.layout ? FrameLayoutName(*render.layout) : "lesson's");
  }
  index_base.UpdateField(input.settings->templates_hash);
  for (const std::string& kind : plan.present) index_base.UpdateField(kind);
  pdf_base.UpdateField(render.paper);
  pdf_base.UpdateField("handout:" + render.handout);
  pdf_base.UpdateField(std::to_string(render.source_date_epoch));
  plan.index_key = CourseIndexKey(index_base.Hex(), manifest, plan.ids);
  plan.pdf_key = CoursePdfKey(pdf_base.Hex(), manifest, plan.ids);
  auto exists = [&](const std::string& name) { return input.fs->PathExists(input.out + "/" + name); };
  // Every asset the last build made, one deleted by hand included.
  const auto assets_there = [&] {
    if (!exists("assets")) return false;
    if (manifest.course_files)
      for (const std::string& file : *manifest.course_files)
        if (file.starts_with("assets/") && !exists(file)) return false;
    return true;
  };
  // The assets serve the pages and embed.html; index.html only the pages.
  const bool html = input.wanted.count("html") > 0;
  plan.index_due = (html || input.wanted.count("embed")) &&
                   (input.force || plan.index_key != manifest.course_key || (html && !exists("index.html")) ||
                    !assets_there());
  plan.pdf_due = input.wanted.count("pdf") && plan.present.count("pdf") && !plan.ids.empty() &&
                 (input.force || plan.pdf_key != manifest.course_pdf_key || !exists("course.pdf"));
  return plan;
}

std::set<std::string> ClaimLessonIds(std::vector<LessonJob>& jobs, const CoursePlanInput& input) {
  // The file whose outputs out/<id> holds (by the manifest), or that file
  // renamed, claims its id first: a new file with that id (a copy, say)
  // fails, whatever its name, and never takes the folder over. The others
  // then in collection order, so which of two files claiming one id wins
  // never depends on timing: the first keeps it, later ones fail.
  const std::vector<std::string>& course_entries = input.manifest->course_entries;
  const auto owns_outputs = [&input](const LessonJob& job) {
    auto it = input.manifest->lessons.find(job.id);
    if (it == input.manifest->lessons.end()) return false;
    // Its file, or that file renamed (HolderOfId: freed) with the same bytes.
    return it->second.source == job.source || (job.previous && job.previous->source == it->second.source &&
                                               it->second.yaml_hash == job.yaml_hash);
  };
  std::vector<LessonJob*> in_order;
  for (LessonJob& job : jobs)
    if (owns_outputs(job)) in_order.push_back(&job);
  for (LessonJob& job : jobs)
    if (!owns_outputs(job)) in_order.push_back(&job);
  std::set<std::string> claimed;
  std::map<std::string, const LessonJob*> owner;
  for (LessonJob* claiming : in_order) {
    LessonJob& job = *claiming;
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
    } else if (std::find(course_entries.begin(), course_entries.end(), job.id) != course_entries.end()) {
      refuse(fmt::format("lesson id '{}' is the name of a course output in {}", job.id, input.out));
    } else if (auto [it, inserted] = owner.emplace(job.id, &job); !inserted) {
      refuse(fmt::format("lesson id '{}' is already used by {}", job.id, it->second->path));
    } else if (std::string other; HolderOfId(job, jobs, input, &other) == IdHolder::kOtherFile) {
      owner.erase(job.id);
      refuse(fmt::format("lesson id '{}' is already used by {}, whose outputs are in {}; give this lesson another id",
                         job.id, other, input.out + "/" + job.id));
    } else {
      claimed.insert(job.id);
    }
  }
  return claimed;
}

}  // namespace cl
