// Build plan: the decisions that make a build incremental, as pure functions
// over the manifest so they can be tested without a disk. A lesson is up to
// date when its file, every file it read and the generator key hash as they
// did when its outputs were made, those outputs are still there and no build
// was killed while replacing them (ManifestLesson::pending); outputs
// whose lesson file is gone are stale and removed.
#pragma once

#include <functional>
#include <map>
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
  // Whether out/<id> of the record exists with every file it lists (one
  // deleted by hand is made again: the page would link a hole).
  std::function<bool(const ManifestLesson&)> outputs_exist;
  // The kinds this build writes (every kind when --only is not given): a
  // record that holds none of one of them is not up to date.
  std::set<std::string> wanted;
};

// True when `previous` (the manifest's entry for this lesson file, or null)
// can stay as it is. Sets *reason to why not ("lesson file changed", ...).
bool IsUpToDate(const ManifestLesson* previous, const UpToDateCheck& check, std::string* reason);

// The key of a lesson's outputs: the generator key, the lesson file (name
// relative to out/ and bytes) and every input (name and bytes).
std::string LessonKey(const std::string& generator_key, const std::string& source, const std::string& yaml_hash,
                      const std::vector<ManifestInput>& inputs);

// What a build does with the folder of a lesson it loaded: which kinds it
// renders and which it keeps as they are (their files linked into the new
// folder, so they keep their bytes, inode and modification time).
struct LessonOutputPlan {
  std::set<std::string> write;    // kinds rendered now
  std::set<std::string> keep;     // kinds whose files stay
  std::set<std::string> present;  // write and keep: what the folder holds afterwards
  std::map<std::string, std::string> keys;  // every kind's key for this folder (output_keys.h)
};

// Plans one lesson: a kind is written when it is wanted and its key differs
// from the one `previous` recorded (or --force); kinds `previous` holds that
// are not wanted stay as they are when `keep_unwanted` (--only leaves the
// rest alone), else they go, as a cold build would not make them (PDF
// figures once a lesson no longer asks for them: kept, they showed the old
// numbers). Nothing is
// kept from a record of another id, a pending one, one without output keys,
// or of a kind whose files are not all there (`files_exist`, by kind).
// `keys_for` gives every kind's key for a folder holding `present` kinds.
LessonOutputPlan PlanLessonOutputs(
    const ManifestLesson* previous, const std::string& id, const std::set<std::string>& wanted, bool force,
    bool keep_unwanted,
    const std::function<std::map<std::string, std::string>(const std::set<std::string>&)>& keys_for,
    const std::function<bool(const std::string&)>& files_exist);

// Whether `record` (may be null) tells the files out/<id> holds: made for
// that id, listing its files, and not left pending by a build that was
// replacing them. Only then may a build keep or link any of them.
bool ListsFilesOf(const ManifestLesson* record, const std::string& id);

// The files of `lesson` (its made list) whose kind (LessonOutputKind) is in `kinds`.
std::vector<std::string> FilesOfKinds(const ManifestLesson& lesson, const std::set<std::string>& kinds);

// `kinds` as RenderOptions::only: empty when it holds every kind.
std::set<std::string> AsOnly(const std::set<std::string>& kinds);

// Every output kind (kOutputKinds) as a set.
std::set<std::string> AllOutputKinds();

// The keys of the two parts of the course outputs, from `base` (what the
// build's settings contribute to the part) and every member lesson's record:
// the index (index.html, assets/) reads each lesson's index key and the
// kinds it holds; course.pdf each lesson's index key and handout key.
std::string CourseIndexKey(const std::string& base, const BuildManifest& manifest, const std::set<std::string>& ids);
std::string CoursePdfKey(const std::string& base, const BuildManifest& manifest, const std::set<std::string>& ids);

// The kinds every one of `ids` holds by the manifest: what the course index may link.
std::set<std::string> KindsHeldByAll(const BuildManifest& manifest, const std::set<std::string>& ids);

// Ids in the manifest that no lesson claims in this build and whose lesson
// file no longer exists: their out/<id> is removed by `clean` or
// `build --prune`. Lessons whose file still exists are kept (a build of some
// lessons leaves the others alone).
std::vector<std::string> StaleLessonIds(const BuildManifest& manifest, const std::set<std::string>& claimed,
                                        const std::function<bool(const std::string&)>& source_exists);

// A deterministic share of lessons for each of `shards` machines, balanced by
// cost: the costliest first, each to the share with the least cost so far
// (the lower number on a tie); equal costs go by name. Returns each lesson's
// share, 1..shards, in the order given.
std::vector<int> AssignShards(const std::vector<std::pair<std::string, double>>& costs, int shards);

// The manifest entry made from lesson file `source` (relative to out/), or null.
const ManifestLesson* FindBySource(const BuildManifest& manifest, const std::string& source);

}  // namespace cl
