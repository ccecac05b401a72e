// The course file's keys (docs/course-file.md), read with the lessons'
// NodeReader so that it reports problems exactly like a lesson file does.
#include "lesson/course_reader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "lesson/lesson_reader.h"  // IsValidLessonId
#include "lesson/limits.h"
#include "lesson/suggest.h"
#include "messages/messages.h"

namespace cl {
namespace {

constexpr std::array<std::string_view, 8> kCourseKeys{"title", "intro", "author", "licence",
                                                      "language", "order", "paper", "handout"};
constexpr std::array<std::string_view, 2> kPapers{"a4", "letter"};
constexpr std::array<std::string_view, 2> kHandoutKinds{"brief", "full"};

bool AllOf(std::string_view s, int (*test)(int)) {
  return std::all_of(s.begin(), s.end(), [test](char c) { return test(static_cast<unsigned char>(c)) != 0; });
}
bool Alpha(std::string_view s) { return AllOf(s, std::isalpha); }
bool Digits(std::string_view s) { return AllOf(s, std::isdigit); }
bool Alnum(std::string_view s) { return AllOf(s, std::isalnum); }

void ReadOrder(NodeReader& reader, const YamlNode& list, Course* course, bool* ok) {
  if (list.kind != YamlNode::Kind::Sequence) {
    reader.Error(list, fmt::format("order must be a list of lesson ids, got {}", NodeReader::Describe(list)));
    *ok = false;
    return;
  }
  if (static_cast<int>(list.items.size()) > limits::kMaxCourseOrderIds) {
    reader.Error(list, fmt::format("order lists {} lessons; at most {} are allowed", list.items.size(),
                                   limits::kMaxCourseOrderIds));
    *ok = false;
    return;
  }
  std::map<std::string, int> first_line;
  for (const YamlNode* item : list.items) {
    auto id = reader.Text(*item, "a lesson id in order", limits::kMaxIdChars, true);
    if (!id) {
      *ok = false;
      continue;
    }
    if (!IsValidLessonId(*id)) {
      reader.Error(*item, fmt::format("'{}' in order is not a lesson id (lowercase letters, digits and '-', "
                                      "starting with a letter or digit)",
                                      *id));
      *ok = false;
      continue;
    }
    const SourceLocation where = reader.Where(*item);
    if (auto [it, fresh] = first_line.emplace(*id, where.line); !fresh) {
      reader.Error(*item, fmt::format("lesson '{}' is already listed in order (line {})", *id, it->second));
      *ok = false;
      continue;
    }
    course->order.push_back({*id, where});
  }
}

}  // namespace

bool IsWellFormedLanguageTag(std::string_view tag) {
  std::vector<std::string_view> parts;
  for (size_t start = 0;;) {
    const size_t dash = tag.find('-', start);
    parts.push_back(tag.substr(start, dash == std::string_view::npos ? std::string_view::npos : dash - start));
    if (dash == std::string_view::npos) break;
    start = dash + 1;
  }
  for (std::string_view p : parts)
    if (p.empty() || p.size() > 8 || !Alnum(p)) return false;
  size_t i = 0;
  auto is = [&](char c) { return parts[i].size() == 1 && std::tolower(static_cast<unsigned char>(parts[i][0])) == c; };
  auto private_use = [&] {  // "x" then one or more 1-8 character subtags, to the end
    if (i >= parts.size() || !is('x')) return false;
    return parts.size() > i + 1;
  };
  if (private_use()) return true;
  // language: 2-3 letters, then up to three 3-letter extlangs. (The grammar's
  // 4-8 letter languages are reserved, none is registered: "english" is a
  // mistake, not a tag.)
  if (!Alpha(parts[i]) || parts[i].size() < 2 || parts[i].size() > 3) return false;
  ++i;
  for (int n = 0; n < 3 && i < parts.size() && parts[i].size() == 3 && Alpha(parts[i]); ++n) ++i;
  if (i < parts.size() && parts[i].size() == 4 && Alpha(parts[i])) ++i;  // script
  if (i < parts.size() && ((parts[i].size() == 2 && Alpha(parts[i])) || (parts[i].size() == 3 && Digits(parts[i]))))
    ++i;  // region
  while (i < parts.size() &&
         (parts[i].size() >= 5 || (parts[i].size() == 4 && std::isdigit(static_cast<unsigned char>(parts[i][0])))))
    ++i;  // variants
  std::vector<char> singletons;
  while (i < parts.size() && parts[i].size() == 1 && !is('x')) {  // extensions: a singleton, then 2-8 characters
    const char singleton = static_cast<char>(std::tolower(static_cast<unsigned char>(parts[i][0])));
    if (std::find(singletons.begin(), singletons.end(), singleton) != singletons.end()) return false;
    singletons.push_back(singleton);
    ++i;
    size_t subtags = 0;
    for (; i < parts.size() && parts[i].size() >= 2; ++i) ++subtags;
    if (subtags == 0) return false;
  }
  if (i < parts.size()) return private_use();
  return true;
}

bool IsCourseFileName(const std::string& path) {
  return std::filesystem::path(path).filename() == std::filesystem::path(std::string(kCourseFileName));
}

std::optional<Course> ReadCourse(NodeReader& reader, const YamlNode& root, const std::string& path) {
  Course course;
  course.path = path;
  if (!reader.ExpectMapping(root, "the course file")) return std::nullopt;
  reader.CheckKeys(root, kCourseKeys);
  bool ok = true;
  auto text = [&](std::string_view key, int max_chars, bool one_line, std::string* out) {
    if (const auto* entry = NodeReader::Find(root, key)) {
      auto value = reader.Text(*entry->value, key, max_chars, one_line);
      if (value) *out = std::move(*value);
      ok = ok && value.has_value();
    }
  };
  text("title", limits::kMaxTitleChars, true, &course.title);
  text("intro", limits::kMaxCourseIntroChars, false, &course.intro);
  text("author", limits::kMaxCoursePersonChars, true, &course.author);
  text("licence", limits::kMaxCoursePersonChars, true, &course.licence);
  if (const auto* entry = NodeReader::Find(root, "language")) {
    auto tag = reader.Text(*entry->value, "language", limits::kMaxLanguageTagChars, true);
    if (tag && !IsWellFormedLanguageTag(*tag)) {
      reader.Error(*entry->value, fmt::format("language '{}' is not a BCP 47 language tag such as en, fr, de-CH "
                                              "or pt-BR",
                                              *tag));
      tag.reset();
    } else if (tag && FindMessages(*tag) == nullptr) {
      // Pages still say the course's language in `lang`; only the generated
      // words fall back (docs/languages.md).
      std::string shipped;
      for (const std::string& language : CatalogueLanguages()) shipped += (shipped.empty() ? "" : ", ") + language;
      reader.Warning(*entry->value, fmt::format("no message catalogue for language '{}' (there are: {}): "
                                                "generated text will be in English",
                                                *tag, shipped));
    }
    if (tag) course.language = *tag;
    ok = ok && tag.has_value();
  }
  if (const auto* entry = NodeReader::Find(root, "order")) ReadOrder(reader, *entry->value, &course, &ok);
  if (const auto* entry = NodeReader::Find(root, "paper")) {
    auto paper = reader.Choice(*entry->value, "paper", kPapers);
    if (paper) course.paper = *paper;
    ok = ok && paper.has_value();
  }
  if (const auto* entry = NodeReader::Find(root, "handout")) {
    auto kind = reader.Choice(*entry->value, "handout", kHandoutKinds);
    if (kind) course.handout = *kind == "full" ? HandoutKind::Full : HandoutKind::Brief;
    ok = ok && kind.has_value();
  }
  if (!ok) return std::nullopt;
  return course;
}

}  // namespace cl
