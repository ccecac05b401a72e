// The loader's front door: file and text guards that run before any YAML is
// parsed (size, encoding), then the parse and the lesson checks, then the
// diagnostics in source order.
#include "lesson/loader.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "base/file_system.h"
#include "base/sha256.h"
#include "lesson/course_reader.h"
#include "lesson/lesson_reader.h"
#include "lesson/limits.h"
#include "lesson/node_reader.h"
#include "lesson/text_scan.h"
#include "lesson/yaml_tree.h"

namespace cl {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

Diagnostic FileError(const std::string& path, std::string message) {
  Diagnostic d;
  d.where.path = path;
  d.message = std::move(message);
  return d;
}

std::string TooLargeMessage(std::uintmax_t bytes, std::string_view what) {
  return fmt::format("the file has {} bytes; a {} must be at most {} MiB", bytes, what,
                     limits::kMaxLessonBytes >> 20);
}

// Source order, each problem once, and not an endless list for a badly broken file.
void Tidy(std::vector<Diagnostic>* diagnostics) {
  std::stable_sort(diagnostics->begin(), diagnostics->end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.where.line, a.where.column) < std::tie(b.where.line, b.where.column);
  });
  auto same = [](const Diagnostic& a, const Diagnostic& b) {
    return a.where.line == b.where.line && a.where.column == b.where.column && a.message == b.message &&
           a.severity == b.severity;
  };
  diagnostics->erase(std::unique(diagnostics->begin(), diagnostics->end(), same), diagnostics->end());
  if (diagnostics->size() > limits::kMaxDiagnostics) {
    const std::string path = diagnostics->front().where.path;
    diagnostics->resize(limits::kMaxDiagnostics);
    diagnostics->push_back(FileError(path, fmt::format("too many problems; showing the first {}", limits::kMaxDiagnostics)));
  }
}

// The guards every file of ours passes (size, BOM, encoding) and the parse.
// Fills result->source and returns the tree; a null root means stop (with a
// diagnostic unless the file holds no document at all).
template <typename Result>
std::optional<YamlTree> ParseGuarded(std::string_view text, const std::string& path, std::string_view what,
                                     Result* result) {
  if (text.size() > limits::kMaxLessonBytes) {
    result->diagnostics.push_back(FileError(path, TooLargeMessage(text.size(), what)));
    return std::nullopt;
  }
  if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) text.remove_prefix(kUtf8Bom.size());
  if (auto problem = FindEncodingProblem(text)) {
    result->source = SanitizeForDisplay(text);
    const LineColumn at = LineColumnAt(result->source, problem->offset);
    Diagnostic d = FileError(path, problem->message);
    d.where.line = at.line;
    d.where.column = at.column;
    result->diagnostics.push_back(std::move(d));
    return std::nullopt;
  }
  result->source = std::string(text);
  return ParseYamlTree(result->source, path, &result->diagnostics);
}

// Reads a regular file of at most the lesson size limit into *text, or
// reports why not ("what" names the kind of file expected).
template <typename Result>
bool ReadGuarded(const std::string& path, std::string_view what, Result* result, std::string* text) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status)) {
    result->diagnostics.push_back(FileError(path, "no such file"));
    return false;
  }
  if (fs::is_directory(status)) {
    result->diagnostics.push_back(FileError(path, fmt::format("is a folder, not a {}", what)));
    return false;
  }
  if (!fs::is_regular_file(status)) {
    result->diagnostics.push_back(FileError(path, "is not a regular file"));
    return false;
  }
  const std::uintmax_t size = fs::file_size(path, ec);
  if (!ec && size > limits::kMaxLessonBytes) {
    result->diagnostics.push_back(FileError(path, TooLargeMessage(size, what)));
    return false;
  }
  // Read as the build reads every file, in pieces (never into a buffer of
  // the limit's size: its 1 MiB zeroed and faulted in was a tenth of a
  // no-op build), up to one byte past the limit, which tells a file that
  // grew meanwhile; one that grew further fails the read.
  if (!ReadFileBytes(path, text, nullptr, limits::kMaxLessonBytes + 1)) {
    const std::uintmax_t now = fs::file_size(path, ec);
    result->diagnostics.push_back(!ec && now > limits::kMaxLessonBytes ? FileError(path, TooLargeMessage(now, what))
                                                                        : FileError(path, "cannot be read"));
    return false;
  }
  return true;
}

}  // namespace

LoadResult LoadLessonText(std::string_view text, const std::string& path, const std::string& base_dir) {
  LoadResult result;
  std::optional<YamlTree> parsed = ParseGuarded(text, path, "lesson file", &result);
  if (!parsed) return result;
  YamlTree& tree = *parsed;
  if (tree.root == nullptr) {
    if (result.diagnostics.empty())
      result.diagnostics.push_back(FileError(path, "the lesson file is empty; a lesson needs at least title, image and filter"));
    Tidy(&result.diagnostics);
    return result;
  }
  NodeReader reader(result.source, path, &result.diagnostics);
  std::vector<std::string> inputs;
  ImageContext context{base_dir, &inputs};
  std::optional<Lesson> lesson = ReadLesson(reader, *tree.root, path, context);
  result.inputs = std::move(inputs);
  Tidy(&result.diagnostics);
  if (lesson && !HasErrors(result.diagnostics)) result.lesson = std::move(lesson);
  return result;
}

LoadResult LoadLessonFile(const std::string& path) {
  LoadResult result;
  std::string text;
  if (!ReadGuarded(path, "lesson file", &result, &text)) return result;
  std::string base_dir = std::filesystem::path(path).parent_path().string();
  if (base_dir.empty()) base_dir = ".";
  return LoadLessonText(text, path, base_dir);
}

CourseLoadResult LoadCourseText(std::string_view text, const std::string& path) {
  CourseLoadResult result;
  std::optional<YamlTree> parsed = ParseGuarded(text, path, "course file", &result);
  if (!parsed) return result;
  if (parsed->root == nullptr) {  // an empty course file: every default
    Tidy(&result.diagnostics);
    if (!HasErrors(result.diagnostics)) {
      result.course = Course{};
      result.course->path = path;
    }
  } else {
    NodeReader reader(result.source, path, &result.diagnostics);
    std::optional<Course> course = ReadCourse(reader, *parsed->root, path);
    Tidy(&result.diagnostics);
    if (course && !HasErrors(result.diagnostics)) result.course = std::move(course);
  }
  if (result.course) result.course->source_hash = Sha256Hex(text);
  return result;
}

CourseLoadResult LoadCourseFile(const std::string& path) {
  CourseLoadResult result;
  std::string text;
  if (!ReadGuarded(path, "course file", &result, &text)) return result;
  return LoadCourseText(text, path);
}

namespace {

// "a", "a and b", "a, b and c".
std::string JoinWithAnd(const std::vector<std::string>& items) {
  std::string joined;
  for (std::size_t i = 0; i < items.size(); ++i)
    joined += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
  return joined;
}

}  // namespace

std::vector<Diagnostic> CheckUniqueIds(const std::vector<const Lesson*>& lessons) {
  std::map<std::string, std::vector<const Lesson*>> by_id;
  for (const Lesson* lesson : lessons) by_id[lesson->id].push_back(lesson);
  std::vector<Diagnostic> diagnostics;
  for (const Lesson* lesson : lessons) {
    const std::vector<const Lesson*>& sharing = by_id.at(lesson->id);
    if (sharing.size() < 2) continue;
    // Every file of the id is told: which one keeps it is for its author to
    // say (a build keeps the one whose outputs out/ holds, which check
    // cannot see).
    std::vector<std::string> others;
    for (const Lesson* other : sharing)
      if (other != lesson) others.push_back(other->path);
    Diagnostic d;
    d.where = lesson->id_where;
    d.span = lesson->id_where.line > 0 ? std::max(1, CountCodePoints(lesson->id)) : 1;
    d.message = fmt::format("lesson id '{}' is also the id of {}; each lesson needs its own id, which names its "
                            "output folder",
                            lesson->id, JoinWithAnd(others));
    diagnostics.push_back(std::move(d));
  }
  return diagnostics;
}

}  // namespace cl
