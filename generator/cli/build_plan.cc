#include "cli/build_plan.h"

#include <algorithm>

#include "base/sha256.h"
#include "cli/build_settings.h"
#include "site/lesson_outputs.h"

namespace cl {

bool IsUpToDate(const ManifestLesson* previous, const UpToDateCheck& check, std::string* reason) {
  auto no = [&](const char* why) {
    if (reason) *reason = why;
    return false;
  };
  if (check.force) return no("--force");
  if (!previous) return no("not built before");
  if (previous->pending) return no("a build was interrupted while replacing its outputs");
  if (previous->yaml_hash != check.yaml_hash) return no("lesson file changed");
  if (previous->generator != check.generator_key) return no("generator, templates or options changed");
  for (const ManifestInput& input : previous->inputs)
    if (check.hash_input(input.path) != input.hash) return no("an input file changed");
  if (!check.outputs_exist(*previous)) return no("outputs missing");
  for (const std::string& kind : check.wanted)
    if (!previous->outputs.count(kind)) return no("a kind of output it did not make before is wanted");
  return true;
}

std::string LessonKey(const std::string& generator_key, const std::string& source, const std::string& yaml_hash,
                      const std::vector<ManifestInput>& inputs) {
  Sha256 h;
  h.UpdateField("lesson");
  h.UpdateField(generator_key);
  h.UpdateField(source);
  h.UpdateField(yaml_hash);
  for (const ManifestInput& input : inputs) {
    h.UpdateField(input.path);
    h.UpdateField(input.hash);
  }
  return h.Hex();
}

std::set<std::string> AllOutputKinds() {
  std::set<std::string> all;
  for (std::string_view kind : kOutputKinds) all.insert(std::string(kind));
  return all;
}

std::set<std::string> AsOnly(const std::set<std::string>& kinds) {
  return kinds == AllOutputKinds() ? std::set<std::string>{} : kinds;
}

LessonOutputPlan PlanLessonOutputs(
    const ManifestLesson* previous, const std::string& id, const std::set<std::string>& wanted, bool force,
    bool keep_unwanted,
    const std::function<std::map<std::string, std::string>(const std::set<std::string>&)>& keys_for,
    const std::function<bool(const std::string&)>& files_exist) {
  LessonOutputPlan plan;
  std::set<std::string> held;  // kinds of the old folder that may be kept
  if (ListsFilesOf(previous, id))
    for (const auto& [kind, key] : previous->outputs)
      if ((keep_unwanted || wanted.count(kind)) && files_exist(kind)) held.insert(kind);
  plan.present = wanted;
  plan.present.insert(held.begin(), held.end());
  plan.keys = keys_for(plan.present);
  for (const std::string& kind : plan.present) {
    const bool stale = !held.count(kind) || previous->outputs.at(kind) != plan.keys.at(kind);
    if (wanted.count(kind) && (force || stale)) plan.write.insert(kind);
    else plan.keep.insert(kind);
  }
  return plan;
}

bool ListsFilesOf(const ManifestLesson* record, const std::string& id) {
  return record && record->id == id && !record->pending && record->made;
}

std::vector<std::string> FilesOfKinds(const ManifestLesson& lesson, const std::set<std::string>& kinds) {
  std::vector<std::string> files;
  if (lesson.made)
    for (const std::string& file : *lesson.made)
      if (kinds.count(LessonOutputKind(file))) files.push_back(file);
  return files;
}

std::set<std::string> KindsHeldByAll(const BuildManifest& manifest, const std::set<std::string>& ids) {
  std::set<std::string> kinds = AllOutputKinds();
  for (const std::string& id : ids) {
    auto it = manifest.lessons.find(id);
    std::erase_if(kinds, [&](const std::string& kind) {
      return it == manifest.lessons.end() || !it->second.outputs.count(kind);
    });
  }
  return kinds;
}

namespace {

std::string CoursePartKey(const char* part, const std::string& base, const BuildManifest& manifest,
                          const std::set<std::string>& ids, bool with_kinds, const char* output) {
  Sha256 h;
  h.UpdateField(part);
  h.UpdateField(base);
  for (const std::string& id : ids) {  // sorted: the key does not depend on file order
    auto it = manifest.lessons.find(id);
    h.UpdateField(id);
    if (it == manifest.lessons.end()) continue;
    h.UpdateField(it->second.index_key);
    if (with_kinds)
      for (const auto& [kind, key] : it->second.outputs) h.UpdateField(kind);
    if (output) {
      auto out = it->second.outputs.find(output);
      h.UpdateField(out == it->second.outputs.end() ? std::string() : out->second);
    }
  }
  return h.Hex();
}

}  // namespace

std::string CourseIndexKey(const std::string& base, const BuildManifest& manifest, const std::set<std::string>& ids) {
  return CoursePartKey("course-index", base, manifest, ids, true, nullptr);
}

std::string CoursePdfKey(const std::string& base, const BuildManifest& manifest, const std::set<std::string>& ids) {
  return CoursePartKey("course-pdf", base, manifest, ids, false, "pdf");
}

std::vector<std::string> StaleLessonIds(const BuildManifest& manifest, const std::set<std::string>& claimed,
                                        const std::function<bool(const std::string&)>& source_exists) {
  std::vector<std::string> stale;
  for (const auto& [id, lesson] : manifest.lessons)
    if (!claimed.count(id) && !source_exists(lesson.source)) stale.push_back(id);
  return stale;
}

std::vector<int> AssignShards(const std::vector<std::pair<std::string, double>>& costs, int shards) {
  std::vector<size_t> order(costs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (costs[a].second != costs[b].second) return costs[a].second > costs[b].second;
    return costs[a].first < costs[b].first;
  });
  std::vector<double> load(static_cast<size_t>(std::max(shards, 1)), 0.0);
  std::vector<int> share(costs.size(), 1);
  for (size_t i : order) {
    const size_t lightest = static_cast<size_t>(std::min_element(load.begin(), load.end()) - load.begin());
    load[lightest] += costs[i].second;
    share[i] = static_cast<int>(lightest) + 1;
  }
  return share;
}

const ManifestLesson* FindBySource(const BuildManifest& manifest, const std::string& source) {
  for (const auto& [id, lesson] : manifest.lessons)
    if (lesson.source == source) return &lesson;
  return nullptr;
}

}  // namespace cl
