#include "cli/build_settings.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include <fmt/format.h>

#include "base/file_system.h"
#include "base/number_format.h"
#include "base/sha256.h"
#include "base/utf8.h"
#include "cli/build_progress.h"
#include "cli/install_paths.h"
#include "lesson/loader.h"

namespace cl {
namespace fs = std::filesystem;

bool ParseOutputKinds(std::string_view list, std::set<std::string>* kinds, std::string* error) {
  kinds->clear();
  if (list.empty()) return true;
  size_t start = 0;
  for (;;) {
    size_t comma = list.find(',', start);
    std::string_view kind = list.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    if (std::find(std::begin(kOutputKinds), std::end(kOutputKinds), kind) == std::end(kOutputKinds)) {
      if (error)
        *error = fmt::format("--only: unknown output kind '{}' (expected a comma list of {})", kind,
                             fmt::join(kOutputKinds, ", "));
      return false;
    }
    kinds->insert(std::string(kind));
    if (comma == std::string_view::npos) return true;
    start = comma + 1;
  }
}

bool ParseShard(std::string_view text, int* shard, int* shards, std::string* error) {
  const size_t slash = text.find('/');
  auto whole = [](std::string_view part, int* value) {
    auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), *value);
    return !part.empty() && part.front() != '+' && part.front() != '-' && ec == std::errc() &&
           end == part.data() + part.size();
  };
  if (slash == std::string_view::npos || !whole(text.substr(0, slash), shard) ||
      !whole(text.substr(slash + 1), shards) || *shards < 1 || *shards > 1000 || *shard < 1 || *shard > *shards) {
    if (error) *error = fmt::format("--shard: expected K/N with 1 <= K <= N <= 1000, got '{}'", text);
    return false;
  }
  return true;
}

bool ParseSourceDateEpoch(const char* value, long long* seconds, std::string* error) {
  *seconds = 0;
  if (value == nullptr || *value == '\0') return true;
  std::string_view text(value);
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *seconds);
  if (ec != std::errc() || end != text.data() + text.size() || *seconds < 0 || text.front() == '+') {
    if (error) *error = fmt::format("SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got '{}'", text);
    *seconds = 0;
    return false;
  }
  return true;
}

std::string HashFolder(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    // The iterator's paths are `dir` joined with names: relative to it lexically,
    // without fs::relative's resolving of every component (a dozen system calls a file).
    if (it->is_regular_file(ec)) files.push_back(it->path().lexically_relative(dir).generic_string());
  std::sort(files.begin(), files.end());  // directory order differs between machines
  Sha256 h;
  h.UpdateField("folder");
  for (const std::string& name : files) {
    std::string bytes;
    if (!ReadFileBytes(dir + "/" + name, &bytes, nullptr)) bytes = "\x01unreadable";
    h.UpdateField(name);
    h.UpdateField(Sha256Hex(bytes));
  }
  return h.Hex();
}

namespace {

// `path` made absolute, with symbolic links, "." and ".." resolved as far as it exists.
fs::path Resolved(const std::string& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  if (ec) return fs::path(path).lexically_normal();
  fs::path resolved = fs::weakly_canonical(absolute, ec);
  return (ec ? absolute : resolved).lexically_normal();
}

// Whether `inner` is `outer` or lies under it (both resolved).
bool IsWithin(const fs::path& inner, const fs::path& outer) {
  auto text = [](const fs::path& p) {
    std::string s = p.generic_string();
    while (s.size() > 1 && s.back() == '/') s.pop_back();
    return s;
  };
  const std::string i = text(inner), o = text(outer);
  return i == o || i.starts_with(o == "/" ? o : o + "/");
}

}  // namespace

bool CheckOutputFolder(const std::string& out_dir, const std::vector<std::string>& lesson_paths,
                       const std::string& home, std::string* error) {
  const fs::path out = Resolved(out_dir);
  auto refuse = [&](const std::string& why) {
    if (error) *error = fmt::format("-o '{}': {}; choose a folder of its own for the outputs, such as 'out'", out_dir, why);
    return false;
  };
  if (out.relative_path().empty() || out.generic_string() == "/") return refuse("the root folder cannot be the output folder");
  if (!home.empty() && IsWithin(out, Resolved(home)) && IsWithin(Resolved(home), out)) return refuse("your home folder cannot be the output folder");
  for (const std::string& path : lesson_paths) {
    std::error_code ec;
    fs::path folder = fs::is_directory(path, ec) ? fs::path(path) : fs::path(path).parent_path();
    if (folder.empty()) folder = ".";
    const fs::path lessons = Resolved(folder.string());
    if (IsWithin(lessons, out))
      return refuse(fmt::format("it {} the lessons in '{}'", IsWithin(out, lessons) ? "is the folder of" : "contains",
                                folder.string()));
  }
  return true;
}

bool ParseBaseUrl(std::string_view text, std::string* base_url, std::string* error) {
  base_url->clear();
  if (text.empty()) return true;
  for (std::size_t i = 0; i < text.size();) {  // written into pages as it is: UTF-8, as they are
    const std::size_t n = Utf8SequenceLength(text, i);
    if (n == 0) {
      if (error) *error = "--base-url: not valid UTF-8";
      return false;
    }
    i += n;
  }
  for (const char ch : text) {
    const auto byte = static_cast<unsigned char>(ch);
    if (byte <= 0x20 || byte == 0x7f) {
      if (error) *error = "--base-url: a URL has no spaces or control characters (write a space as %20)";
      return false;
    }
  }
  *base_url = std::string(text);
  if (base_url->back() != '/') *base_url += '/';
  return true;
}

bool ResolveBuildSettings(const BuildOptions& options, BuildSettings* settings, std::string* error) {
  RenderOptions& render = settings->render;
  if (!ParseOutputKinds(options.only, &render.only, error)) return false;
  settings->shard = settings->shards = 0;
  if (!options.shard.empty() && !ParseShard(options.shard, &settings->shard, &settings->shards, error)) return false;
  if (!ParseSourceDateEpoch(std::getenv("SOURCE_DATE_EPOCH"), &render.source_date_epoch, error)) return false;
  if (options.out_dir.empty()) {
    if (error) *error = "the output folder must not be empty";
    return false;
  }
  render.course = Course{};  // ApplyCourseFile sets it; a watch re-resolves each time
  render.scale = options.scale;
  render.paper = options.paper.empty() ? "a4" : options.paper;  // ApplyCourseFile may change an unset one
  render.handout = options.handout;
  if (!options.layout.empty()) {
    if (options.layout == "wide") render.layout = FrameLayout::Wide;
    else if (options.layout == "slides") render.layout = FrameLayout::Slides;
    else if (options.layout == "tall") render.layout = FrameLayout::Tall;
    else {
      if (error) *error = fmt::format("--layout: unknown layout '{}' (expected wide, slides or tall)", options.layout);
      return false;
    }
  }
  if (!ParseBaseUrl(options.base_url, &render.base_url, error)) return false;
  render.templates_dir = options.templates_dir.empty() ? DefaultTemplatesDir() : options.templates_dir;
  if (!IsDirectory(render.templates_dir)) {
    if (error) *error = fmt::format("templates folder '{}' does not exist", render.templates_dir);
    return false;
  }
  settings->out_dir = options.out_dir;
  while (settings->out_dir.size() > 1 && settings->out_dir.back() == '/') settings->out_dir.pop_back();
  const char* home = std::getenv("HOME");
  if (!CheckOutputFolder(settings->out_dir, options.paths, home ? home : "", error)) return false;
  int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  settings->jobs = options.jobs > 0 ? options.jobs : cores;

  // Everything here changes bytes in out/; -j, --force, --only and logging do not.
  Sha256 key;
  key.UpdateField(GeneratorIdentity());
  key.UpdateField(FormatNumber(render.scale));
  key.UpdateField(render.paper);
  key.UpdateField("handout:" + render.handout);
  key.UpdateField(render.layout ? FrameLayoutName(*render.layout) : "lesson's");
  key.UpdateField("base-url:" + render.base_url);  // only embed's key reads it (output_keys.h)
  // Not --only: it says which kinds to write, and each kind has its own key
  // (cli/output_keys.h); the manifest records which kinds a folder holds.
  key.UpdateField(std::to_string(render.source_date_epoch));
  settings->templates_hash = HashFolder(render.templates_dir);
  key.UpdateField(settings->templates_hash);
  settings->generator_key = key.Hex();
  return true;
}

bool EveryPathExists(const std::vector<std::string>& paths) {
  std::vector<Diagnostic> problems;
  CollectLessonPaths(paths, &problems);
  if (!HasErrors(problems)) return true;
  for (const Diagnostic& d : problems) PrintDiagnostics(FormatDiagnostic(d, ""));
  return false;
}

bool ApplyCourseFile(const BuildOptions& options, BuildSettings* settings, std::string* report) {
  std::vector<Diagnostic> problems;
  std::vector<std::string> found;
  CollectLessonPaths(options.paths, &problems, &found);  // problems with the paths are the build's to report
  std::vector<std::string> course_files;
  for (const std::string& path : found) {
    const std::string normal = fs::path(path).lexically_normal().string();
    if (std::none_of(course_files.begin(), course_files.end(),
                     [&](const std::string& f) { return fs::path(f).lexically_normal().string() == normal; }))
      course_files.push_back(path);
  }
  if (course_files.empty()) return true;  // no course file: today's defaults, key unchanged
  if (course_files.size() > 1) {
    *report += fmt::format("{}: error: a build reads one course file, and {} is another; build one folder of "
                           "lessons at a time\n",
                           course_files[1], course_files[0]);
    return false;
  }
  CourseLoadResult loaded = LoadCourseFile(course_files[0]);
  // --werror fails on the course file's warnings too (a language without a
  // catalogue), as `check --werror` does: CI builds with it.
  const bool promoted = options.werror && PromoteWarnings(&loaded.diagnostics);
  for (const Diagnostic& d : loaded.diagnostics) *report += FormatDiagnostic(d, loaded.source);
  if (!loaded.course || promoted) return false;
  RenderOptions& render = settings->render;
  render.course = std::move(*loaded.course);
  if (options.paper.empty() && !render.course.paper.empty()) render.paper = render.course.paper;  // --paper wins
  // The course file changes every page (language, footer), the handouts
  // (paper, handout kind) and the course files: its bytes join the generator
  // key, so editing it rebuilds every lesson and the course.
  Sha256 key;
  key.UpdateField(settings->generator_key);
  key.UpdateField("course:" + render.course.source_hash);
  key.UpdateField(render.paper);
  settings->generator_key = key.Hex();
  return true;
}

}  // namespace cl
