#include "cli/build_plan.h"

#include "base/sha256.h"

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
  if (!check.outputs_exist(previous->id)) return no("outputs missing");
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

std::string CourseKey(const std::string& generator_key, const BuildManifest& manifest,
                      const std::set<std::string>& ids) {
  Sha256 h;
  h.UpdateField("course");
  h.UpdateField(generator_key);
  for (const std::string& id : ids) {  // sorted: the key does not depend on file order
    auto it = manifest.lessons.find(id);
    h.UpdateField(id);
    h.UpdateField(it == manifest.lessons.end() ? std::string() : it->second.key);
  }
  return h.Hex();
}

std::vector<std::string> StaleLessonIds(const BuildManifest& manifest, const std::set<std::string>& claimed,
                                        const std::function<bool(const std::string&)>& source_exists) {
  std::vector<std::string> stale;
  for (const auto& [id, lesson] : manifest.lessons)
    if (!claimed.count(id) && !source_exists(lesson.source)) stale.push_back(id);
  return stale;
}

const ManifestLesson* FindBySource(const BuildManifest& manifest, const std::string& source) {
  for (const auto& [id, lesson] : manifest.lessons)
    if (lesson.source == source) return &lesson;
  return nullptr;
}

}  // namespace cl
