#include "cli/shard_merge.h"

#include <map>

#include <fmt/format.h>

#include "cli/build_paths.h"
#include "cli/build_plan.h"

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
      if (record.pending || record.generator != generator_key || !record.made) {
        *error = fmt::format("{}/{} was not built completely with these settings (the same convlesson, templates, "
                             "course file and options); build that shard again",
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

}  // namespace cl
