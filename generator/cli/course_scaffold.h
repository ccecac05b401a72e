// Course scaffold: the files `convlesson init` writes to start a course
// repository of its own (docs/ci.md): a starter lesson (the one `convlesson
// new` writes), the course file, a .gitignore, one install script for CI and
// the GitHub Actions and GitLab CI workflows that run it, build with --werror,
// cache out/ and publish it.
#pragma once

#include <string>
#include <vector>

namespace cl {

struct ScaffoldFile {
  std::string path;  // relative to the course folder, '/'-separated
  std::string text;
};

// The starter lesson's id, also its file name under lessons/.
inline constexpr const char* kStarterLessonId = "first-lesson";

// Every file of a new course, in the order `init` writes them. With
// `own_templates` the workflows build with `--templates templates` (the
// templates themselves are copied by `init`, not listed here).
std::vector<ScaffoldFile> CourseScaffold(bool own_templates);

}  // namespace cl
