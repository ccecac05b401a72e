#include "lesson/node_reader.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string>

#include <fmt/format.h>

#include "base/ascii.h"
#include "base/number_format.h"
#include "lesson/limits.h"
#include "lesson/suggest.h"
#include "lesson/text_scan.h"

namespace cl {
namespace {

constexpr std::size_t kMaxQuotedChars = 40;  // longer values are shortened in messages

std::string_view Trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Decimal notation only: [sign] digits [. digits] [e [sign] digits], or [sign] . digits [...].
bool IsDecimalSyntax(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  std::size_t digits = 0;
  while (i < s.size() && IsDigit(s[i])) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && IsDigit(s[i])) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t exponent_digits = 0;
    while (i < s.size() && IsDigit(s[i])) ++i, ++exponent_digits;
    if (exponent_digits == 0) return false;
  }
  return i == s.size();
}

bool IsNaNWord(std::string_view s) {
  const std::string lower = AsciiLower(s);
  return lower == ".nan" || lower == "nan";
}

bool IsInfinityWord(std::string_view s) {
  std::string lower = AsciiLower(s);
  if (!lower.empty() && (lower[0] == '+' || lower[0] == '-')) lower.erase(0, 1);
  return lower == ".inf" || lower == "inf" || lower == "infinity";
}

}  // namespace

void NodeReader::Error(const YamlNode& at, std::string message) {
  diagnostics_->push_back(MakeDiagnostic(at, lines_, path_, Severity::Error, std::move(message)));
}

void NodeReader::Warning(const YamlNode& at, std::string message) {
  diagnostics_->push_back(MakeDiagnostic(at, lines_, path_, Severity::Warning, std::move(message)));
}

SourceLocation NodeReader::Where(const YamlNode& at) const {
  return MakeDiagnostic(at, lines_, path_, Severity::Error, "").where;
}

std::string NodeReader::Describe(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::Null: return "nothing";
    case YamlNode::Kind::Sequence: return "a list";
    case YamlNode::Kind::Mapping: return "a mapping";
    case YamlNode::Kind::Scalar: break;
  }
  std::string text = node.text;
  const std::size_t newline = text.find('\n');
  if (newline != std::string::npos || CountCodePoints(text) > static_cast<int>(kMaxQuotedChars)) {
    text = text.substr(0, std::min(newline, kMaxQuotedChars));
    while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
    if (!text.empty() && static_cast<unsigned char>(text.back()) >= 0xC0) text.pop_back();
    text += "...";
  }
  return "'" + text + "'";
}

const YamlNode::Entry* NodeReader::Find(const YamlNode& map, std::string_view key) {
  for (const YamlNode::Entry& entry : map.entries)
    if (entry.key->text == key) return &entry;
  return nullptr;
}

bool NodeReader::ExpectMapping(const YamlNode& node, std::string_view what) {
  if (node.kind == YamlNode::Kind::Mapping) return true;
  Error(node, fmt::format("{} must be a mapping of keys, got {}", what, Describe(node)));
  return false;
}

void NodeReader::CheckKeys(const YamlNode& map, std::span<const std::string_view> known) {
  for (const YamlNode::Entry& entry : map.entries) {
    const std::string& key = entry.key->text;
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    if (key == "<<") {
      Error(*entry.key, "merge keys ('<<') are not supported; write the keys out or use variants");
      continue;
    }
    std::string hint = DidYouMean(key, known);
    if (hint.empty()) hint = "; expected " + ListNames(known);
    Error(*entry.key, fmt::format("unknown key '{}'{}", key, hint));
  }
}

const YamlNode::Entry* NodeReader::Require(const YamlNode& map, std::string_view key) {
  const YamlNode::Entry* entry = Find(map, key);
  if (entry != nullptr) return entry;
  // A misspelling of the key ("fitler") is already reported as an unknown key naming it.
  const std::array<std::string_view, 1> wanted{key};
  for (const YamlNode::Entry& e : map.entries)
    if (NearestName(e.key->text, wanted) == key) return nullptr;
  Error(map, fmt::format("missing required key '{}'", key));
  return nullptr;
}

std::optional<std::string> NodeReader::Text(const YamlNode& node, std::string_view what, int max_chars,
                                            bool one_line) {
  if (node.kind != YamlNode::Kind::Scalar) {
    Error(node, fmt::format("{} must be text, got {}", what, Describe(node)));
    return std::nullopt;
  }
  const std::string_view text = Trim(node.text);
  if (text.empty()) {
    Error(node, fmt::format("{} must not be empty", what));
    return std::nullopt;
  }
  if (one_line && text.find_first_of("\r\n") != std::string_view::npos) {
    Error(node, fmt::format("{} must fit on one line", what));
    return std::nullopt;
  }
  const int chars = CountCodePoints(text);
  if (chars > max_chars) {
    Error(node, fmt::format("{} must be at most {} characters, got {}", what, max_chars, chars));
    return std::nullopt;
  }
  return CloseBidiControls(text);
}

std::string NodeReader::NumberProblem(const YamlNode& node, double* value) const {
  if (node.kind != YamlNode::Kind::Scalar) return fmt::format("must be a number, got {}", Describe(node));
  const std::string_view text = Trim(node.text);
  if (node.quoted) return fmt::format("must be a number, got the quoted text {}", Describe(node));
  if (IsNaNWord(text)) return "must be a number, not NaN";
  if (IsInfinityWord(text)) return fmt::format("must be a finite number, got {}", Describe(node));
  if (!IsDecimalSyntax(text)) return fmt::format("must be a number, got {}", Describe(node));
  std::string_view digits = text;
  if (digits[0] == '+') digits.remove_prefix(1);
  double parsed = 0.0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), parsed);
  const auto bound = FormatNumber(limits::kMaxMagnitude);
  if (ec == std::errc::result_out_of_range && end == digits.data() + digits.size()) {
    // Either far too large (1e999) or so small it underflows (1e-999): the latter is 0 for our purposes.
    const bool tiny = text.find_first_of("eE") != std::string_view::npos &&
                      text.find('-', text.find_first_of("eE")) != std::string_view::npos;
    if (!tiny) return fmt::format("must be between -{} and {}, got {}", bound, bound, text);
    parsed = 0.0;
  } else if (ec != std::errc() || end != digits.data() + digits.size()) {
    return fmt::format("must be a number, got {}", Describe(node));
  }
  if (!std::isfinite(parsed) || std::fabs(parsed) > limits::kMaxMagnitude)
    return fmt::format("must be between -{} and {}, got {}", bound, bound, text);
  *value = parsed == 0.0 ? 0.0 : parsed;  // no -0
  return "";
}

std::optional<double> NodeReader::Number(const YamlNode& node, std::string_view what) {
  double value = 0.0;
  std::string problem = NumberProblem(node, &value);
  if (!problem.empty()) {
    Error(node, fmt::format("{} {}", what, problem));
    return std::nullopt;
  }
  return value;
}

std::optional<int> NodeReader::Integer(const YamlNode& node, std::string_view what, int min, int max) {
  double value = 0.0;
  std::string problem = NumberProblem(node, &value);
  if (problem.empty() && value != std::floor(value))
    problem = fmt::format("must be a whole number, got {}", FormatNumber(value));
  if (problem.empty() && value < min) problem = fmt::format("must be at least {}, got {}", min, FormatNumber(value));
  if (problem.empty() && value > max) problem = fmt::format("must be at most {}, got {}", max, FormatNumber(value));
  if (!problem.empty()) {
    Error(node, fmt::format("{} {}", what, problem));
    return std::nullopt;
  }
  return static_cast<int>(value);
}

std::optional<std::pair<int, int>> NodeReader::IntegerPair(const YamlNode& node, std::string_view what, int min,
                                                           int max) {
  if (node.kind == YamlNode::Kind::Sequence) {
    if (node.items.size() != 2) {
      Error(node, fmt::format("{} must be a whole number or [rows, columns], got a list of {}", what,
                              node.items.size()));
      return std::nullopt;
    }
    auto rows = Integer(*node.items[0], what, min, max);
    auto cols = Integer(*node.items[1], what, min, max);
    if (!rows || !cols) return std::nullopt;
    return std::pair{*rows, *cols};
  }
  if (node.kind != YamlNode::Kind::Scalar) {
    Error(node, fmt::format("{} must be a whole number or [rows, columns], got {}", what, Describe(node)));
    return std::nullopt;
  }
  auto n = Integer(node, what, min, max);
  if (!n) return std::nullopt;
  return std::pair{*n, *n};
}

std::optional<Grid> NodeReader::Matrix(const YamlNode& node, std::string_view what, std::string_view cell,
                                       int max_side) {
  if (node.kind != YamlNode::Kind::Sequence) {
    Error(node, fmt::format("{} must be a list of rows, such as [[1, 2], [3, 4]], got {}", what, Describe(node)));
    return std::nullopt;
  }
  if (node.items.empty()) {
    Error(node, fmt::format("{} must have at least one row", what));
    return std::nullopt;
  }
  if (node.items.size() > static_cast<std::size_t>(max_side)) {
    Error(node, fmt::format("{} has {} rows; at most {} are allowed", what, node.items.size(), max_side));
    return std::nullopt;
  }
  // Report the first problem of each kind, not one per cell of a large matrix.
  bool ok = true, reported_shape = false, reported_cell = false;
  const YamlNode& first = *node.items[0];
  const std::size_t width = first.kind == YamlNode::Kind::Sequence ? first.items.size() : 0;
  Grid grid;
  for (const YamlNode* row : node.items) {
    if (row->kind != YamlNode::Kind::Sequence || row->items.empty() ||
        row->items.size() > static_cast<std::size_t>(max_side) || row->items.size() != width) {
      ok = false;
      if (reported_shape) continue;
      reported_shape = true;
      if (row->kind != YamlNode::Kind::Sequence)
        Error(*row, fmt::format("each row of {} must be a list of numbers, got {}", what, Describe(*row)));
      else if (row->items.empty())
        Error(*row, fmt::format("a row of {} cannot be empty", what));
      else if (row->items.size() > static_cast<std::size_t>(max_side))
        Error(*row, fmt::format("{} has a row of {} values; at most {} are allowed", what, row->items.size(), max_side));
      else
        Error(*row, fmt::format("rows of {} must all have the same length: this one has {} values, the first has {}",
                                what, row->items.size(), width));
      continue;
    }
    for (const YamlNode* item : row->items) {
      double value = 0.0;
      std::string problem = NumberProblem(*item, &value);
      if (!problem.empty()) {
        ok = false;
        if (!reported_cell) Error(*item, fmt::format("{} {}", cell, problem));
        reported_cell = true;
      }
      if (ok) grid.values.push_back(value);
    }
  }
  if (!ok) return std::nullopt;
  grid.rows = static_cast<int>(node.items.size());
  grid.cols = static_cast<int>(width);
  return grid;
}

bool NodeReader::IsMatrixList(const YamlNode& node) {
  if (node.kind != YamlNode::Kind::Sequence || node.items.empty()) return false;
  const YamlNode& first = *node.items[0];
  return first.kind == YamlNode::Kind::Sequence && !first.items.empty() &&
         first.items[0]->kind == YamlNode::Kind::Sequence;
}

std::optional<std::vector<Grid>> NodeReader::MatrixList(const YamlNode& node, std::string_view what,
                                                        std::string_view cell, int max_side, int max_channels) {
  if (node.items.size() > static_cast<std::size_t>(max_channels)) {
    Error(node, fmt::format("{} has {} channels; at most {} are allowed", what, node.items.size(), max_channels));
    return std::nullopt;
  }
  std::vector<Grid> channels;
  bool ok = true;
  for (std::size_t k = 0; k < node.items.size(); ++k) {
    const YamlNode& item = *node.items[k];
    auto matrix = Matrix(item, fmt::format("channel {} of {}", k + 1, what), cell, max_side);
    if (!matrix) {
      ok = false;
      continue;
    }
    if (!channels.empty() && (matrix->rows != channels[0].rows || matrix->cols != channels[0].cols)) {
      Error(item, fmt::format("channel {} of {} is {}x{} but channel 1 is {}x{}; every channel has the same size", k + 1,
                              what, matrix->rows, matrix->cols, channels[0].rows, channels[0].cols));
      ok = false;
    }
    channels.push_back(std::move(*matrix));
  }
  if (!ok) return std::nullopt;
  return channels;
}

std::optional<std::string> NodeReader::Choice(const YamlNode& node, std::string_view what,
                                              std::span<const std::string_view> names) {
  if (node.kind != YamlNode::Kind::Scalar) {
    Error(node, fmt::format("{} must be {}, got {}", what, ListNames(names), Describe(node)));
    return std::nullopt;
  }
  const std::string text(Trim(node.text));
  if (std::find(names.begin(), names.end(), text) != names.end()) return text;
  std::string hint = DidYouMean(text, names);
  if (hint.empty()) hint = "; expected " + ListNames(names);
  Error(node, fmt::format("unknown {} {}{}", what, Describe(node), hint));
  return std::nullopt;
}

}  // namespace cl
