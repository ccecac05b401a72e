// Build plan: the decisions that make a build incremental, as pure functions
// over the manifest so they can be tested without a disk. A lesson is up to
// date when its file, every file it read and the generator key hash as they
// did when its outputs were made, those outputs are still there and no build
// was killed while replacing them (ManifestLesson::pending); outputs
// whose lesson file is gone are stale and removed.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "cli/build_manifest.h"

namespace cl {

struct UpToDateCheck {
  std::string yaml_hash;      // the lesson file's bytes now
  std::string generator_key;  // this build's key
  bool force = false;
  // Hash of an input (path relative to out/) now; empty when unreadable.
  std::function<std::string(const std::string&)> hash_input;
  // Whether out/<id> exists.
  std::function<bool(const std::string&)> outputs_exist;
};

// True when `previous` (the manifest's entry for this lesson file, or null)
// can stay as it is. Sets *reason to why not ("lesson file changed", ...).
bool IsUpToDate(const ManifestLesson* previous, const UpToDateCheck& check, std::string* reason);

// The key of a lesson's outputs: the generator key, the lesson file (name
// relative to out/ and bytes) and every input (name and bytes).
std::string LessonKey(const std::string& generator_key, const std::string& source, const std::string& yaml_hash,
                      const std::vector<ManifestInput>& inputs);

// The key of the course outputs: the generator key and every lesson's id and key.
std::string CourseKey(const std::string& generator_key, const BuildManifest& manifest,
                      const std::set<std::string>& ids);

// Ids in the manifest that no lesson claims in this build and whose lesson
// file no longer exists: their out/<id> is to be removed. Lessons whose file
// still exists are kept (a build of some lessons leaves the others alone).
std::vector<std::string> StaleLessonIds(const BuildManifest& manifest, const std::set<std::string>& claimed,
                                        const std::function<bool(const std::string&)>& source_exists);

// The manifest entry made from lesson file `source` (relative to out/), or null.
const ManifestLesson* FindBySource(const BuildManifest& manifest, const std::string& source);

}  // namespace cl
