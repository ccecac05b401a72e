// NodeReader: typed reads of YamlTree nodes that report what is wrong, where.
// Each read returns nullopt after reporting an error at the offending node,
// so validation can carry on and find the next problem. Messages are short
// lowercase phrases that name the key and what was expected and found.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/diagnostic.h"
#include "base/grid.h"
#include "lesson/yaml_tree.h"

namespace cl {

class NodeReader {
 public:
  NodeReader(std::string_view source, std::string path, std::vector<Diagnostic>* diagnostics)
      : source_(source), lines_(source), path_(std::move(path)), diagnostics_(diagnostics) {}

  void Error(const YamlNode& at, std::string message);
  void Warning(const YamlNode& at, std::string message);
  SourceLocation Where(const YamlNode& at) const;
  const std::string& path() const { return path_; }

  // "'abc'" for a scalar, else "a list", "a mapping" or "nothing".
  static std::string Describe(const YamlNode& node);

  // The entry for `key` in `map` (a Mapping), or null.
  static const YamlNode::Entry* Find(const YamlNode& map, std::string_view key);

  // Reports "`what` must be a mapping, got ..." unless `node` is one.
  bool ExpectMapping(const YamlNode& node, std::string_view what);

  // Reports each key of `map` that is not in `known`, naming the nearest.
  void CheckKeys(const YamlNode& map, std::span<const std::string_view> known);

  // Reports "missing required key" at `map` when `key` is absent (unless a
  // misspelling of it is there, which CheckKeys reports); returns the entry.
  const YamlNode::Entry* Require(const YamlNode& map, std::string_view key);

  // Text of a scalar, trimmed of surrounding white space, non-empty, at most
  // `max_chars` code points, and on one line when `one_line`; bidi controls
  // it leaves open are closed at its end (CloseBidiControls).
  std::optional<std::string> Text(const YamlNode& node, std::string_view what, int max_chars, bool one_line);

  // A finite number within +-limits::kMaxMagnitude. `what` is the subject of
  // the message: "stride", "a pixel".
  std::optional<double> Number(const YamlNode& node, std::string_view what);

  // A whole number in [min, max].
  std::optional<int> Integer(const YamlNode& node, std::string_view what, int min, int max);

  // A whole number n (meaning {n, n}) or a list [rows, columns], each in [min, max].
  std::optional<std::pair<int, int>> IntegerPair(const YamlNode& node, std::string_view what, int min, int max);

  // A rectangular list of rows of numbers, 1 to `max_side` per side. `what`
  // names the whole ("pixels"), `cell` one value ("a pixel").
  std::optional<Grid> Matrix(const YamlNode& node, std::string_view what, std::string_view cell, int max_side);

  // Whether `node` is written as a list of matrices ([c][h][w]): a list
  // whose first item is a list whose first item is a list.
  static bool IsMatrixList(const YamlNode& node);

  // A list of 1 to `max_channels` matrices ([c][h][w]), each read as by
  // Matrix (named "channel N of `what`"), all of the first one's size.
  std::optional<std::vector<Grid>> MatrixList(const YamlNode& node, std::string_view what, std::string_view cell,
                                              int max_side, int max_channels);

  // A scalar that is exactly one of `names`.
  std::optional<std::string> Choice(const YamlNode& node, std::string_view what,
                                    std::span<const std::string_view> names);

 private:
  // The reason `node` is not a usable number ("" when it is one; *value set).
  std::string NumberProblem(const YamlNode& node, double* value) const;

  std::string_view source_;
  LineIndex lines_;  // for locating diagnostics
  std::string path_;
  std::vector<Diagnostic>* diagnostics_;
};

}  // namespace cl
