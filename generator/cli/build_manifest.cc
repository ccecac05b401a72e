#include "cli/build_manifest.h"

#include <charconv>

#include <fmt/format.h>

#include "base/file_sink.h"

namespace cl {
namespace {

std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\') out += "\\\\";
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

bool Unescape(std::string_view s, std::string* out) {
  out->clear();
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\') {
      *out += s[i];
      continue;
    }
    if (++i == s.size()) return false;
    if (s[i] == '\\') *out += '\\';
    else if (s[i] == 't') *out += '\t';
    else if (s[i] == 'n') *out += '\n';
    else return false;
  }
  return true;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  for (;;) {
    size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

bool ParseInt(std::string_view s, int* value) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *value);
  return ec == std::errc() && end == s.data() + s.size();
}

bool IsHex(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

}  // namespace

std::string SerializeManifest(const BuildManifest& m) {
  std::string out = "convlesson-manifest\t3\n";
  if (!m.course_key.empty()) out += fmt::format("course\t{}\n", m.course_key);
  if (!m.course_pdf_key.empty()) out += fmt::format("course-pdf\t{}\n", m.course_pdf_key);
  for (const std::string& entry : m.course_entries) out += fmt::format("course-entry\t{}\n", Escape(entry));
  if (m.course_files)
    for (const std::string& file : *m.course_files) out += fmt::format("course-file\t{}\n", Escape(file));
  for (const auto& [id, l] : m.lessons) {
    out += fmt::format("lesson\t{}\nsource\t{}\nkey\t{}\nyaml\t{}\ngenerator\t{}\nfiles\t{}\n", Escape(id),
                       Escape(l.source), l.key, l.yaml_hash, l.generator, l.files);
    for (const ManifestInput& in : l.inputs) out += fmt::format("input\t{}\t{}\n", Escape(in.path), in.hash);
    if (l.made)
      for (const std::string& file : *l.made) out += fmt::format("made\t{}\n", Escape(file));
    for (const auto& [kind, key] : l.outputs) out += fmt::format("output\t{}\t{}\n", Escape(kind), key);
    if (!l.index_key.empty()) out += fmt::format("index\t{}\n", l.index_key);
    for (const ManifestWarning& w : l.warnings)
      out += fmt::format("warning\t{}\t{}\t{}\t{}\t{}\n", Escape(w.path), w.line, w.column, w.span,
                         Escape(w.message));
    if (l.pending) out += "pending\n";
  }
  return out;
}

std::optional<BuildManifest> ParseManifest(std::string_view text, std::string* error) {
  BuildManifest m;
  ManifestLesson* lesson = nullptr;
  int line_number = 0;
  int version = 0;
  auto fail = [&](std::string_view why) {
    if (error) *error = fmt::format("line {}: {}", line_number, why);
    return std::nullopt;
  };
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return fail("missing final newline");
    std::string_view line = text.substr(start, nl - start);
    start = nl + 1;
    ++line_number;
    std::vector<std::string_view> f = SplitTabs(line);
    std::string_view kind = f[0];
    std::string a;
    if (line_number == 1) {
      if (line == "convlesson-manifest\t1") version = 1;
      else if (line == "convlesson-manifest\t2") version = 2;
      else if (line == "convlesson-manifest\t3") version = 3;
      else return fail("not a convlesson manifest of version 1, 2 or 3");
      if (version == 1) m.course_files.reset();
      continue;
    }
    bool lesson_field = kind == "source" || kind == "key" || kind == "yaml" || kind == "generator" ||
                        kind == "files" || kind == "input" || kind == "made" || kind == "warning" ||
                        kind == "pending" || kind == "output" || kind == "index";
    if ((kind == "made" || kind == "course-file") && version < 2) return fail("file lists need version 2");
    if ((kind == "output" || kind == "index") && version < 3) return fail("output keys need version 3");
    bool well_formed = true;
    if (lesson_field && !lesson) return fail("unexpected record before any lesson");
    if (kind == "course") {
      well_formed = f.size() == 2 && IsHex(f[1]);
      if (well_formed) m.course_key = f[1];
    } else if (kind == "course-pdf") {
      well_formed = f.size() == 2 && IsHex(f[1]);
      if (well_formed) m.course_pdf_key = f[1];
    } else if (kind == "course-entry") {
      well_formed = f.size() == 2 && Unescape(f[1], &a);
      if (well_formed) m.course_entries.push_back(a);
    } else if (kind == "course-file") {
      well_formed = f.size() == 2 && Unescape(f[1], &a) && IsSafeRelativePath(a);
      if (well_formed) m.course_files->push_back(a);
    } else if (kind == "lesson") {
      well_formed = f.size() == 2 && Unescape(f[1], &a);
      if (well_formed && m.lessons.count(a)) return fail("lesson listed twice");
      if (well_formed) {
        lesson = &m.lessons[a];
        lesson->id = a;
        if (version == 1) lesson->made.reset();
      }
    } else if (kind == "source") {
      well_formed = f.size() == 2 && Unescape(f[1], &lesson->source);
    } else if (kind == "key" || kind == "yaml" || kind == "generator") {
      well_formed = f.size() == 2 && IsHex(f[1]);
      std::string& field = kind == "key" ? lesson->key : kind == "yaml" ? lesson->yaml_hash : lesson->generator;
      if (well_formed) field = f[1];
    } else if (kind == "files") {
      well_formed = f.size() == 2 && ParseInt(f[1], &lesson->files);
    } else if (kind == "input") {
      well_formed = f.size() == 3 && Unescape(f[1], &a) && IsHex(f[2]);
      if (well_formed) lesson->inputs.push_back({a, std::string(f[2])});
    } else if (kind == "made") {
      // Joined to out/<id> (or a shard's folder) to keep or link a file:
      // never a path that leads out of it.
      well_formed = f.size() == 2 && Unescape(f[1], &a) && IsSafeRelativePath(a);
      if (well_formed) lesson->made->push_back(a);
    } else if (kind == "output") {
      well_formed = f.size() == 3 && Unescape(f[1], &a) && IsHex(f[2]) && !lesson->outputs.count(a);
      if (well_formed) lesson->outputs[a] = f[2];
    } else if (kind == "index") {
      well_formed = f.size() == 2 && IsHex(f[1]);
      if (well_formed) lesson->index_key = f[1];
    } else if (kind == "warning") {
      ManifestWarning w;
      well_formed = f.size() == 6 && Unescape(f[1], &w.path) && ParseInt(f[2], &w.line) &&
                    ParseInt(f[3], &w.column) && ParseInt(f[4], &w.span) && Unescape(f[5], &w.message);
      if (well_formed) lesson->warnings.push_back(std::move(w));
    } else if (kind == "pending") {
      well_formed = f.size() == 1;
      lesson->pending = true;
    } else {
      return fail(fmt::format("unknown record '{}'", kind));
    }
    if (!well_formed) return fail(fmt::format("bad '{}' record", kind));
  }
  if (line_number == 0) return fail("empty manifest");
  for (const auto& [id, l] : m.lessons)
    if (l.source.empty() || l.key.empty() || l.yaml_hash.empty() || l.generator.empty())
      return fail(fmt::format("lesson '{}' is incomplete", id));
  return m;
}

}  // namespace cl
