#include "cli/shard_merge.h"

#include <map>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/build_paths.h"
#include "cli/build_plan.h"
#include "cli/course_plan.h"

namespace cl {

bool ReadShards(BuildFileSystem& fs, const std::vector<std::string>& dirs, const std::string& out,
                const std::string& generator_key, std::vector<ShardLesson>* lessons, std::string* error) {
  constexpr size_t kMaxManifestBytes = size_t{64} << 20;
  std::map<std::string, std::string> from;  // id -> the shard folder it came from
  for (const std::string& dir : dirs) {
    std::string text, why;
    std::optional<BuildManifest> shard;
    const std::string manifest_path = dir + "/" + std::string(kManifestName);
    if (!fs.ReadFile(manifest_path, &text, &why, kMaxManifestBytes) || !(shard = ParseManifest(text, &why))) {
      *error = fmt::format("{}: not the output of a build ({})", manifest_path, why);
      return false;
    }
    for (const auto& [id, record] : shard->lessons) {
      if (!IsLessonId(id)) continue;  // names from a file: never used on the disk unchecked
      if (auto [it, inserted] = from.emplace(id, dir); !inserted) {
        *error = fmt::format("lesson '{}' is in both {} and {}", id, it->second, dir);
        return false;
      }
      if (record.pending || !record.made) {
        *error = fmt::format("{}/{} was not built completely; build that shard again", dir, id);
        return false;
      }
      if (record.generator != generator_key) {
        *error = fmt::format("{}/{} was built with other settings than this merge's: give `merge` the course file "
                             "(--course) and the --templates, --scale, --paper, --handout, --layout and --base-url the shards "
                             "were built with, and build every shard with the same convlesson and options",
                             dir, id);
        return false;
      }
      ShardLesson lesson{dir, record};
      ManifestLesson& entry = lesson.record;
      entry.source = RelativeToOut(ResolveFromOut(record.source, dir), out);
      for (ManifestInput& input : entry.inputs) input.path = RelativeToOut(ResolveFromOut(input.path, dir), out);
      entry.key = LessonKey(entry.generator, entry.source, entry.yaml_hash, entry.inputs);
      lessons->push_back(std::move(lesson));
    }
  }
  return true;
}

bool CheckShardsCoverTheCourse(BuildFileSystem& fs, const std::vector<ShardLesson>& lessons,
                               const std::vector<std::string>& sources, const std::string& out,
                               const std::function<std::string(const std::string&)>& hash_input, std::string* error) {
  std::set<std::string> held;
  for (const ShardLesson& lesson : lessons) {
    const ManifestLesson& record = lesson.record;
    held.insert(record.source);
    const std::string path = ResolveFromOut(record.source, out);
    if (!fs.PathExists(path)) {  // a shard's folder used again keeps the lessons its build does not prune
      *error = fmt::format("{}/{} was built from {}, which is gone; remove {} and build that shard again",
                           lesson.dir, record.id, path, lesson.dir);
      return false;
    }
    if (!MadeFromFilesAsTheyAre(fs, record, path, hash_input)) {
      *error = fmt::format("{}/{} was built from {} or its images as they were before a change; build that shard "
                           "again",
                           lesson.dir, record.id, path);
      return false;
    }
  }
  std::vector<std::string> missing;
  for (const std::string& source : sources)
    if (!held.count(source)) missing.push_back(ResolveFromOut(source, out));
  if (missing.empty()) return true;
  // Every one named: a shard left out holds several.
  *error = fmt::format("{} {} in none of the shard folders given; give `merge` the output folder of every "
                       "`build --shard K/N`",
                       fmt::join(missing, ", "), missing.size() == 1 ? "is" : "are");
  return false;
}

}  // namespace cl
