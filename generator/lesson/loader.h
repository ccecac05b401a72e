// Loader: YAML text -> validated Lesson, or every diagnostic the loader can
// find (path:line:col, 1-based). The only place that includes yaml-cpp.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "lesson/course.h"
#include "model/model.h"

namespace cl {

// Ids a lesson may not take: the build writes the whole course's own outputs
// at out/'s top level (out/assets/, out/index.html, out/course.pdf), and a
// lesson folder out/<id> must never be one of them or look like one.
// tests/site checks that every top-level name the course writes is covered.
inline constexpr std::array<std::string_view, 3> kReservedLessonIds{"assets", "course", "index"};
bool IsReservedLessonId(std::string_view id);

struct LoadResult {
  std::optional<Lesson> lesson;         // set only when there is no error
  std::vector<Diagnostic> diagnostics;  // errors and warnings, in source order
  std::string source;                   // the file's text, for printing snippets
  // The image files it read or tried to, even when it failed (one missing
  // too): what `watch` watches besides the lesson file.
  std::vector<std::string> inputs;
};

// Reads and validates the lesson at `path` (image files relative to its folder).
LoadResult LoadLessonFile(const std::string& path);

// Validates lesson text as if read from `path`; image files resolve against `base_dir`.
LoadResult LoadLessonText(std::string_view text, const std::string& path, const std::string& base_dir);

struct CourseLoadResult {
  std::optional<Course> course;         // set only when there is no error
  std::vector<Diagnostic> diagnostics;  // errors and warnings, in source order
  std::string source;                   // the file's text, for printing snippets
};

// Reads and validates a course file (docs/course-file.md) with the lessons'
// guards and limits. An empty file is a course with every default.
CourseLoadResult LoadCourseFile(const std::string& path);
CourseLoadResult LoadCourseText(std::string_view text, const std::string& path);

// Expands files and folders (folders: their *.yaml / *.yml, sorted by name, not
// recursive) into lesson paths. Missing paths become diagnostics. A file
// named course.yaml is the course file, never a lesson: a folder's is skipped,
// and it and one named on the command line go to *course_files (when given),
// in the order found.
std::vector<std::string> CollectLessonPaths(const std::vector<std::string>& paths,
                                            std::vector<Diagnostic>* diagnostics,
                                            std::vector<std::string>* course_files = nullptr);

// One error per lesson whose id another lesson in `lessons` has too (ids
// name output folders), located at its id and naming the others.
std::vector<Diagnostic> CheckUniqueIds(const std::vector<const Lesson*>& lessons);

}  // namespace cl
