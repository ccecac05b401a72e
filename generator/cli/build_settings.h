// BuildSettings: the command line and environment of a build, checked and
// resolved once (output kinds, SOURCE_DATE_EPOCH, templates folder, jobs), and
// the generator key: the hash of everything besides a lesson's own files that
// changes its outputs. A lesson built under another key is rebuilt.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.h"
#include "site/lesson_outputs.h"

namespace cl {

// The output kinds `--only` accepts, in the order they are listed in messages.
inline constexpr std::string_view kOutputKinds[] = {"svg",  "png",   "gif",  "anim-svg", "pdf",       "html",
                                                    "embed", "json", "slides", "pdf-frames"};

// Parses "svg,png" into kinds. Empty text means all (an empty set).
bool ParseOutputKinds(std::string_view list, std::set<std::string>* kinds, std::string* error);

// Parses --base-url: the URL (absolute, or a path such as /lessons/) the
// output folder is published at, which embed.html's paths start with; a '/'
// is added when it does not end in one. Empty stays empty (relative paths).
// False with *error when it holds a space or a control character.
bool ParseBaseUrl(std::string_view text, std::string* base_url, std::string* error);

// Parses a SOURCE_DATE_EPOCH value: decimal seconds since 1970, >= 0. Null or
// empty: 0 (the renderers' fixed date).
bool ParseSourceDateEpoch(const char* value, long long* seconds, std::string* error);

struct BuildSettings {
  RenderOptions render;
  std::string out_dir;
  int jobs = 1;               // resolved: >= 1
  std::string generator_key;  // see above
  std::string templates_hash;  // HashFolder(render.templates_dir)
  int shard = 0, shards = 0;   // --shard K/N (0/0: not a shard build)
};

// Parses "K/N" (1 <= K <= N <= 1000). False with *error otherwise.
bool ParseShard(std::string_view text, int* shard, int* shards, std::string* error);

// Fills *settings from options and the environment; false with *error on a
// usage error (exit code 2).
bool ResolveBuildSettings(const BuildOptions& options, BuildSettings* settings, std::string* error);

// Reads the course file of a build over options.paths (docs/course-file.md):
// course.yaml in a folder given, or a file named course.yaml; none when only
// lesson files are given. Sets settings->render.course, the paper when
// --paper was not given, and folds the file into the generator key. Its
// diagnostics, formatted, are appended to *report. False when it has an
// error (or two course files are given): the build must not run (exit 1).
// Without a course file nothing changes.
bool ApplyCourseFile(const BuildOptions& options, BuildSettings* settings, std::string* report);

// Whether every PATH is there; a missing one (a typo) is reported as `build`
// reports it. `clean` and `watch` then do nothing: a clean would take every
// lesson folder for stale, a watch would watch nothing.
bool EveryPathExists(const std::vector<std::string>& paths);

// Whether `out_dir` may receive a build of `lesson_paths`: not the root
// folder, not `home` (the user's home folder; empty: none), and neither a
// folder of lessons given (a folder, or the folder of a lesson file) nor one
// that contains it, since a build replaces folders there. Compared after
// resolving "..", "." and symbolic links. False with *error otherwise.
bool CheckOutputFolder(const std::string& out_dir, const std::vector<std::string>& lesson_paths,
                       const std::string& home, std::string* error);

// Hash of the templates folder (names and bytes of every file under it).
std::string HashFolder(const std::string& dir);

// The generator's own identity: its version and a fingerprint of its sources.
std::string_view GeneratorIdentity();

}  // namespace cl
