// Helpers shared by the lesson tests: load YAML text as if it were a file and
// render the diagnostics exactly as `convlesson check` prints them.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/grid.h"
#include "lesson/loader.h"

namespace cl::testing {

inline LoadResult Load(std::string_view yaml, const std::string& path = "t.yaml", const std::string& base_dir = ".") {
  return LoadLessonText(yaml, path, base_dir);
}

inline std::string Printed(const LoadResult& result) {
  std::string out;
  for (const Diagnostic& d : result.diagnostics) out += FormatDiagnostic(d, result.source);
  return out;
}

// The smallest valid lesson, to which tests append the keys they exercise.
inline constexpr std::string_view kMinimal = "title: T\nimage: {pattern: vertical-bar}\nfilter: identity\n";

// The stems of the *.yaml files in `dir`, sorted: a corpus of cases.
inline std::vector<std::string> YamlStemsIn(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".yaml") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline Grid G(std::initializer_list<std::initializer_list<double>> rows) {
  std::vector<std::vector<double>> v;
  for (auto row : rows) v.emplace_back(row);
  return Grid::FromRows(v);
}

}  // namespace cl::testing
