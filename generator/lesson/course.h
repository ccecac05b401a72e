// Course: the optional course file, lessons/course.yaml, beside the lessons.
// It names the course (title, Markdown intro, author, licence, language tag)
// and sets its defaults (lesson order, paper size, handout kind). Without the
// file every field keeps the value the build used before course files
// existed, so outputs do not change. See docs/course-file.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "model/model.h"

namespace cl {

// The course file's name in a lessons folder; never read as a lesson.
inline constexpr std::string_view kCourseFileName = "course.yaml";

// The course title used without a course file (the index's site name and the
// course PDF's title).
inline constexpr std::string_view kDefaultCourseTitle = "Convolution lessons";

struct CourseOrderEntry {
  std::string id;
  SourceLocation where;  // the id in the course file, for warnings about it
};

struct Course {
  std::string path;     // the course file; empty: none (defaults)
  std::string title = std::string(kDefaultCourseTitle);
  std::string intro;    // CommonMark; empty: the index's built-in sentence
  std::string author;   // empty: none shown
  std::string licence;  // empty: none shown
  std::string language = "en";  // BCP 47 tag, as written
  std::vector<CourseOrderEntry> order;  // listed lessons first, in this order
  std::string paper;                    // "a4" | "letter"; empty: not set (a4)
  std::optional<HandoutKind> handout;   // unset: brief
  std::string source_hash;              // SHA-256 of the file's bytes; empty without a file

  bool HasFile() const { return !path.empty(); }
};

// Whether `tag` is a well-formed BCP 47 (RFC 5646) language tag: language
// (2-3 letters, optionally with up to three 3-letter extlangs; the reserved
// 4-8 letter form, unused by any language, is refused), then an optional script (4 letters), region (2 letters or 3
// digits), variants, extensions and a private-use part ("x-..."); or a
// private-use tag alone. Grandfathered tags (such as "i-klingon") are not
// accepted. Case-insensitive; only the form is checked, not the registry.
bool IsWellFormedLanguageTag(std::string_view tag);

// The `course` file name at the top of `path` ("lessons/course.yaml" ->
// true): a file of that name is a course file, never a lesson.
bool IsCourseFileName(const std::string& path);

}  // namespace cl
