// BuildManifest: what the last build put in out/ and from which inputs, kept
// in out/.convlesson-manifest. It lets the next build skip lessons whose
// inputs hash the same, replay their warnings, and remove only folders that a
// build made. Paths are stored relative to out/ so the file does not depend on
// where the course is checked out. The format is one record per line, fields
// separated by tabs, with \\, \t and \n escaped:
//   convlesson-manifest<TAB>3
//   course<TAB>KEY                         the course index's key (index.html, assets/)
//   course-pdf<TAB>KEY                     course.pdf's key
//   course-entry<TAB>index.html            a top-level name the course wrote
//   course-file<TAB>assets/player.js       a file the course wrote, relative to out/
//   lesson<TAB>ID                          starts a lesson; the lines below belong to it
//   source<TAB>../lessons/x.yaml
//   key<TAB>HEX  yaml<TAB>HEX  generator<TAB>HEX  files<TAB>N
//   input<TAB>../lessons/x.png<TAB>HEX
//   made<TAB>frames/x.svg                   a file the build made in out/ID
//   output<TAB>png<TAB>HEX                  a kind out/ID holds and its key (cli/output_keys.h)
//   index<TAB>HEX                           what the course index reads of the lesson
//   warning<TAB>PATH<TAB>LINE<TAB>COL<TAB>SPAN<TAB>MESSAGE   (PATH empty: the lesson file)
//   pending                                 out/ID is being replaced or removed
// A build writes `pending` (and drops the course key) before it touches a
// folder and the full record after, so a build killed in between leaves a
// manifest that owns the folder but never calls it up to date.
// The made and course-file lists say which files are the build's own: only
// those are ever replaced or removed (cli/output_ownership.h). Version 1
// manifests had no lists; their records are read as owning whole folders.
// Version 2 had no output keys: its lessons are rebuilt whole once.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cl {

struct ManifestInput {
  std::string path;  // relative to out/
  std::string hash;
  bool operator==(const ManifestInput&) const = default;
};

struct ManifestWarning {
  std::string path;  // empty: the lesson file itself (printed under its current name)
  int line = 0, column = 0, span = 1;
  std::string message;
  bool operator==(const ManifestWarning&) const = default;
};

struct ManifestLesson {
  std::string id;
  std::string source;     // the lesson file, relative to out/
  std::string key;        // hash of everything the outputs depend on
  std::string yaml_hash;  // the lesson file's bytes
  std::string generator;  // the generator key it was built with
  std::vector<ManifestInput> inputs;      // images and other files it read
  std::vector<ManifestWarning> warnings;  // replayed when the lesson is up to date
  int files = 0;                          // files in out/<id>/
  // The files the build made in out/<id>/, sorted; nullopt for a record of a
  // version 1 manifest, which did not list them.
  std::optional<std::vector<std::string>> made = std::vector<std::string>{};
  // The kinds of output out/<id>/ holds, each with the key it was made with.
  std::map<std::string, std::string> outputs;
  std::string index_key;  // LessonIndexKey when it was built; empty for older records
  // out/<id> may hold another version than this record describes (a build
  // was replacing or removing it): never up to date, but still ours to remove.
  bool pending = false;
  bool operator==(const ManifestLesson&) const = default;
};

struct BuildManifest {
  std::string course_key;                 // the index's (index.html, assets/); empty: not built
  std::string course_pdf_key;             // course.pdf's; empty: not built
  std::vector<std::string> course_entries;  // top-level names in out/ the course wrote
  // Every file under those names, relative to out/, sorted; nullopt as for ManifestLesson::made.
  std::optional<std::vector<std::string>> course_files = std::vector<std::string>{};
  std::map<std::string, ManifestLesson> lessons;  // by id
  bool operator==(const BuildManifest&) const = default;
};

inline constexpr std::string_view kManifestName = ".convlesson-manifest";

// The generator key of a record whose folder holds kinds made with other
// keys (an --only build kept them): never any build's key.
inline constexpr std::string_view kMixedGenerator = "0";

std::string SerializeManifest(const BuildManifest& manifest);

// Parses SerializeManifest's output. Returns nullopt with *error for text it
// did not write (then the caller treats out/ as never built).
std::optional<BuildManifest> ParseManifest(std::string_view text, std::string* error);

}  // namespace cl
