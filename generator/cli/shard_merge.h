// Shard merge: what `convlesson merge` takes from the output folders of
// shard builds (`build --shard K/N`): every lesson record of their manifests,
// each refused unless it was built completely with this build's settings
// (the generator key) and found in one shard only, with its paths (relative
// to the shard's folder) made relative to the merged output folder, as one
// build of every lesson would have recorded them. Reads through a
// BuildFileSystem; the folders are then put in place as a build swaps them.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "cli/build_file_system.h"
#include "cli/build_manifest.h"

namespace cl {

struct ShardLesson {
  std::string dir;        // the shard's output folder
  ManifestLesson record;  // as the merged manifest records it
};

// The lessons of the shards `dirs`, in the order of the folders and then of
// their ids. False with *error (naming the folder or lesson) when a manifest
// is missing or damaged, a lesson is in two shards, or a record was not made
// under `generator_key` or is pending.
bool ReadShards(BuildFileSystem& fs, const std::vector<std::string>& dirs, const std::string& out,
                const std::string& generator_key, std::vector<ShardLesson>* lessons, std::string* error);

// Checked before a merge changes anything: the shards make what one build of
// the course would, so every lesson was built from its files as they are now
// and every lesson file of the course (`sources`, relative to `out` as the
// records name them) is in a shard. False with *error naming the first that
// is not.
bool CheckShardsCoverTheCourse(BuildFileSystem& fs, const std::vector<ShardLesson>& lessons,
                               const std::vector<std::string>& sources, const std::string& out,
                               const std::function<std::string(const std::string&)>& hash_input, std::string* error);

}  // namespace cl
