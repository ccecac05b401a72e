// YamlTree: a lesson file parsed into a small read-only tree that keeps each
// node's source position. Built from yaml-cpp's event API rather than
// YAML::Node so that the parse itself can refuse what yaml-cpp would accept
// silently or expensively: duplicate keys, non-text keys, tags, alias bombs
// (alias expansion is counted, never built), nesting deeper than
// limits::kMaxNesting, and more than one document. An alias is a pointer to
// the node it names, so the tree is a DAG and walking it costs at most the
// counted expansion.
#pragma once

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/diagnostic.h"
#include "lesson/text_scan.h"

namespace cl {

struct YamlNode {
  enum class Kind { Null, Scalar, Sequence, Mapping };
  struct Entry {
    const YamlNode* key = nullptr;  // always a Scalar
    const YamlNode* value = nullptr;
  };

  Kind kind = Kind::Null;
  std::size_t offset = 0;  // byte offset of the node (of its key for an empty value) in the source
  bool located = false;    // false when yaml-cpp gave no position
  int span = 1;            // caret width in code points: a scalar as written on its line, else 1
  std::string text;        // Scalar: its value
  bool quoted = false;     // Scalar written quoted or as a block scalar: always text, never a number
  std::vector<const YamlNode*> items;  // Sequence
  std::vector<Entry> entries;          // Mapping, in source order, duplicates removed
};

struct YamlTree {
  std::deque<YamlNode> nodes;      // owns every node; pointers stay valid
  const YamlNode* root = nullptr;  // null when the file holds no document
};

// Parses `text` (clean UTF-8, within the size limit). Problems are appended
// to `diagnostics` located in `path`; a syntax or structure error that stops
// the parse leaves `root` null. Duplicate keys are reported and dropped (the
// first one counts), so the tree can still be validated.
YamlTree ParseYamlTree(std::string_view text, const std::string& path, std::vector<Diagnostic>* diagnostics);

// The location of `node` in `text` (1-based, columns in code points) and the
// width of its caret run: the key or scalar as written on its first line, 1
// for mappings and lists.
Diagnostic MakeDiagnostic(const YamlNode& node, const LineIndex& lines, const std::string& path,
                          Severity severity, std::string message);

}  // namespace cl
