// Helpers shared by the lesson tests: load YAML text as if it were a file and
// render the diagnostics exactly as `convlesson check` prints them.
#pragma once

#include <string>
#include <string_view>

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

inline Grid G(std::initializer_list<std::initializer_list<double>> rows) {
  std::vector<std::vector<double>> v;
  for (auto row : rows) v.emplace_back(row);
  return Grid::FromRows(v);
}

}  // namespace cl::testing
