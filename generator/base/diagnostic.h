// Diagnostic: an error or warning about a lesson, carried as a value with its
// source location. Stages return diagnostics; only the CLI prints them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cl {

enum class Severity { Error, Warning };

struct SourceLocation {
  std::string path;  // as given on the command line, e.g. "lessons/edges.yaml"
  int line = 0;      // 1-based; 0 when unknown
  int column = 0;    // 1-based; 0 when unknown
};

struct Diagnostic {
  Severity severity = Severity::Error;
  SourceLocation where;
  std::string message;  // short lowercase phrase, no trailing period
  int span = 1;         // caret run length under the column (>= 1)
};

// "path:line:col: error: message" followed, when the line is known and present
// in `source`, by the source line and a caret run:
//     3 | fitler: vertical-edge
//       | ^~~~~~
// Ends with a newline. `source` is the whole file's text (may be empty).
std::string FormatDiagnostic(const Diagnostic& d, std::string_view source);

bool HasErrors(const std::vector<Diagnostic>& diagnostics);

// --werror: every warning becomes an error that says why ("… [--werror]").
// Returns whether any did.
bool PromoteWarnings(std::vector<Diagnostic>* diagnostics);

}  // namespace cl
