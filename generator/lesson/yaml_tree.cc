#include "lesson/yaml_tree.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "base/utf8.h"
#include "lesson/limits.h"
#include "lesson/text_scan.h"

namespace cl {
namespace {

// `value` with yaml-cpp's escapes \N and \_ as UTF-8: it writes them as the
// single Latin-1 bytes 0x85 and 0xA0, where they stand for U+0085 and
// U+00A0 (the file itself was checked to be UTF-8 before parsing, so a byte
// that starts no UTF-8 sequence came from an escape).
std::string WithEscapesInUtf8(const std::string& value) {
  std::string out;
  std::size_t copied = 0;  // value[0, copied) is in `out`
  for (std::size_t i = 0; i < value.size();) {
    const std::size_t n = Utf8SequenceLength(value, i);
    const auto byte = static_cast<unsigned char>(value[i]);
    if (n == 0 && (byte == 0x85 || byte == 0xA0)) {
      out.append(value, copied, i - copied);
      out += '\xC2';
      out += static_cast<char>(byte);
      copied = i + 1;
    }
    i += n == 0 ? 1 : n;
  }
  if (copied == 0) return value;  // the common case: nothing to mend
  return out.append(value, copied, std::string::npos);
}

// Thrown from the event handler to abandon a parse that must not continue.
struct StopParse {
  YAML::Mark mark;
  std::string message;
};

bool HasPosition(const YAML::Mark& mark) { return !mark.is_null() && mark.pos >= 0; }

// Caret width of a scalar that starts at `offset`: the quoted or plain text as
// written on its first line; 1 when that cannot be told (block scalars, anchors).
int ScalarSpan(std::string_view source, std::size_t offset, const std::string& value, bool quoted) {
  if (offset >= source.size()) return 1;
  const std::size_t line_end = std::min(source.find('\n', offset), source.size());
  const std::string_view line = source.substr(offset, line_end - offset);
  if (!quoted) {
    if (value.find('\n') == std::string::npos && line.substr(0, value.size()) == value)
      return std::max(1, CountCodePoints(value));
    return 1;
  }
  const char quote = line[0];
  if (quote != '"' && quote != '\'') return 1;
  for (std::size_t i = 1; i < line.size(); ++i) {
    if (quote == '"' && line[i] == '\\') {
      ++i;
    } else if (line[i] == quote) {
      if (quote == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
        ++i;
        continue;
      }
      return CountCodePoints(line.substr(0, i + 1));
    }
  }
  return 1;
}

std::string DescribeKind(YamlNode::Kind kind) {
  switch (kind) {
    case YamlNode::Kind::Mapping: return "a mapping";
    case YamlNode::Kind::Sequence: return "a list";
    case YamlNode::Kind::Null: return "nothing";
    case YamlNode::Kind::Scalar: break;
  }
  return "text";
}

constexpr std::string_view kTabMessage = "invalid YAML: a tab indents this line; indent with spaces";

// Friendlier words for the yaml-cpp messages a lesson author meets most.
std::string SyntaxMessage(const std::string& yaml_cpp_message) {
  if (yaml_cpp_message == "illegal tab when looking for indentation") return std::string(kTabMessage);
  if (yaml_cpp_message == "end of sequence flow not found")
    return "invalid YAML: end of sequence flow not found (is a '[' missing its ']'?)";
  if (yaml_cpp_message == "end of map flow not found")
    return "invalid YAML: end of map flow not found (is a '{' missing its '}'?)";
  return "invalid YAML: " + yaml_cpp_message;
}

// yaml-cpp marks an error found at the end of the input at the end of the
// text, which is a line past the last one when the file ends with a newline;
// the last character that is not white space is where the author stopped.
std::size_t OnARealLine(std::string_view source, std::size_t offset) {
  if (offset < source.size() && source[offset] != '\n' && source[offset] != '\r') return offset;
  const std::size_t last = source.substr(0, std::min(offset, source.size())).find_last_not_of(" \t\r\n");
  return last == std::string_view::npos ? 0 : last;
}

// YAML never indents with tabs, but yaml-cpp often reports a tab-indented
// line as some other error further on. When a parse fails, the first line up
// to the failure whose indentation holds a tab is the likelier culprit;
// returns the tab's offset, or npos.
std::size_t FindTabIndentation(std::string_view source, std::size_t up_to) {
  for (std::size_t line = 0; line <= up_to && line < source.size();) {
    std::size_t i = line;
    while (i < source.size() && (source[i] == ' ' || source[i] == '\t')) ++i;
    const std::size_t tab = source.substr(line, i - line).find('\t');
    const bool has_text = i < source.size() && source[i] != '\n' && source[i] != '\r' && source[i] != '#';
    if (tab != std::string_view::npos && has_text) return line + tab;
    const std::size_t newline = source.find('\n', line);
    if (newline == std::string_view::npos) break;
    line = newline + 1;
  }
  return std::string_view::npos;
}

class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(YamlTree* tree, std::string_view source, const std::string& path, std::vector<Diagnostic>* diagnostics)
      : tree_(tree), source_(source), lines_(source), path_(path), diagnostics_(diagnostics) {}

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ > 1) throw StopParse{mark, "a lesson file holds one YAML document; a second one starts here"};
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (deferred_) return;
    YamlNode* node = NewNode(YamlNode::Kind::Null, mark);
    PlaceEmptyValueAtKey(node);
    Register(anchor, node, Expanded{1, 0}, 0);
    Attach(node, Expanded{1, 0}, 0);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (deferred_) return;
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) throw StopParse{mark, "alias to an anchor that is not defined"};
    const Anchored& target = it->second;
    if (!target.complete) throw StopParse{mark, "an alias cannot refer to a node that contains it"};
    alias_values_ += target.expanded.values;
    if (alias_values_ > limits::kMaxAliasValues)
      throw StopParse{mark, fmt::format("aliases repeat more than {} values; refusing to expand them",
                                        limits::kMaxAliasValues)};
    // Few values can still be much text: one anchored 1 MiB body in 64
    // sections would make a 64 MiB page.
    alias_bytes_ += target.expanded.bytes;
    if (alias_bytes_ > limits::kMaxAliasBytes)
      throw StopParse{mark, fmt::format("aliases repeat more than {} MiB of text; refusing to expand them",
                                        limits::kMaxAliasBytes >> 20)};
    CheckNesting(static_cast<int>(stack_.size()) + target.height, mark);
    Attach(target.node, target.expanded, target.height);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    if (deferred_) return;
    CheckTag(tag, mark);
    YamlNode* node = NewNode(YamlNode::Kind::Scalar, mark);
    node->text = WithEscapesInUtf8(value);
    node->quoted = tag == "!";
    if (node->located) node->span = ScalarSpan(source_, node->offset, value, node->quoted);
    // The file was scanned before parsing, so a forbidden character here was
    // spelt as an escape ("\0", "\uFFFF").
    if (auto problem = FindForbiddenCodePoint(node->text))
      diagnostics_->push_back(MakeDiagnostic(*node, lines_, path_, Severity::Error,
                                             problem->message + ", not even as an escape"));
    const Expanded weight{1, static_cast<std::int64_t>(value.size())};
    Register(anchor, node, weight, 0);
    Attach(node, weight, 0);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Open(YamlNode::Kind::Sequence, mark, tag, anchor);
  }
  void OnSequenceEnd() override { Close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Open(YamlNode::Kind::Mapping, mark, tag, anchor);
  }
  void OnMapEnd() override { Close(); }

  // A parse abandoned by the builder, or a syntax error from yaml-cpp; either
  // replaces a problem of structure deferred by Open.
  void ReportStop(const StopParse& stop) { Report(stop.mark, stop.message); }
  // After a parse that ran to its end: the deferred problem, if any.
  bool ReportDeferred() {
    if (!deferred_) return false;
    Report(deferred_->mark, deferred_->message);
    return true;
  }
  void ReportSyntax(const YAML::Exception& e) {
    YAML::Mark mark = e.mark;
    if (mark.pos < 0) mark = YAML::Mark::null_mark();
    if (!mark.is_null()) mark.pos = static_cast<int>(OnARealLine(source_, static_cast<std::size_t>(mark.pos)));
    const std::size_t up_to = mark.is_null() ? source_.size() : static_cast<std::size_t>(mark.pos);
    const std::size_t tab = FindTabIndentation(source_, up_to);
    if (tab != std::string_view::npos) {
      YAML::Mark at;
      at.pos = static_cast<int>(tab);
      Report(at, std::string(kTabMessage));
      return;
    }
    Report(mark, SyntaxMessage(e.msg));
  }

 private:
  // What a node stands for once the aliases inside it are expanded.
  struct Expanded {
    std::int64_t values = 1;
    std::int64_t bytes = 0;  // of scalar text
  };
  struct Anchored {
    const YamlNode* node = nullptr;
    Expanded expanded;
    int height = 0;             // collections nested in it, itself included
    bool complete = false;
  };
  struct OpenCollection {
    YamlNode* node = nullptr;
    YAML::anchor_t anchor = 0;
    Expanded expanded;
    int height = 1;
    const YamlNode* pending_key = nullptr;  // mappings: the key waiting for its value
    bool drop_value = false;                // the pending key repeats an earlier one
    std::unordered_map<std::string, std::size_t> keys;  // mappings: key text -> its offset
  };

  YamlNode* NewNode(YamlNode::Kind kind, const YAML::Mark& mark) {
    YamlNode& node = tree_->nodes.emplace_back();
    node.kind = kind;
    node.located = HasPosition(mark);
    if (node.located) node.offset = static_cast<std::size_t>(mark.pos);
    return &node;
  }

  // An empty value ("title:" and nothing more) has its mark on the next token,
  // often the next line; point at its key instead.
  void PlaceEmptyValueAtKey(YamlNode* node) const {
    if (stack_.empty() || stack_.back().node->kind != YamlNode::Kind::Mapping) return;
    const YamlNode* key = stack_.back().pending_key;
    if (key == nullptr || !key->located) return;
    if (!node->located || node->offset < key->offset ||
        source_.substr(key->offset, node->offset - key->offset).find('\n') != std::string_view::npos) {
      node->offset = key->offset;
      node->located = true;
      node->span = key->span;
    }
  }

  void CheckTag(const std::string& tag, const YAML::Mark& mark) {
    if (tag.empty() || tag == "?" || tag == "!" || reported_tag_) return;
    reported_tag_ = true;
    Report(mark, "YAML tags are not supported in lessons; write the value without one");
  }

  void CheckNesting(int depth, const YAML::Mark& mark) const {
    if (depth > limits::kMaxNesting)
      throw StopParse{mark, fmt::format("nesting is deeper than {} levels", limits::kMaxNesting)};
  }

  // A collection where a key belongs is refused, but only once yaml-cpp has
  // read the rest of the file: an unclosed "[[1" reaches here as a list used
  // as a key before yaml-cpp notices the missing ']', and the syntax error is
  // the one to report. Until then only the nesting is followed.
  void Open(YamlNode::Kind kind, const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor) {
    if (deferred_) {
      CheckNesting(static_cast<int>(stack_.size()) + ++deferred_depth_, mark);
      return;
    }
    CheckTag(tag, mark);
    if (!stack_.empty() && stack_.back().node->kind == YamlNode::Kind::Mapping && stack_.back().pending_key == nullptr) {
      deferred_ = StopParse{mark, fmt::format("a key must be plain text, not {}", DescribeKind(kind))};
      CheckNesting(static_cast<int>(stack_.size()) + ++deferred_depth_, mark);
      return;
    }
    CheckNesting(static_cast<int>(stack_.size()) + 1, mark);
    YamlNode* node = NewNode(kind, mark);
    if (anchor != 0) anchors_[anchor] = Anchored{node, Expanded{}, 1, false};
    stack_.push_back(OpenCollection{node, anchor, Expanded{}, 1, nullptr, false, {}});
  }

  void Close() {
    if (deferred_) {
      --deferred_depth_;  // below 0 once collections opened before the problem close
      return;
    }
    OpenCollection done = std::move(stack_.back());
    stack_.pop_back();
    if (done.anchor != 0) anchors_[done.anchor] = Anchored{done.node, done.expanded, done.height, true};
    Attach(done.node, done.expanded, done.height);
  }

  void Register(YAML::anchor_t anchor, const YamlNode* node, Expanded expanded, int height) {
    if (anchor != 0) anchors_[anchor] = Anchored{node, expanded, height, true};
  }

  // Adds a finished node to the collection being built (or makes it the root).
  void Attach(const YamlNode* node, Expanded expanded, int height) {
    if (stack_.empty()) {
      tree_->root = node;
      return;
    }
    OpenCollection& parent = stack_.back();
    // Capped, so sums stay far from overflowing; a cap beyond the limits is
    // refused as surely as the real total would be.
    parent.expanded.values = std::min(parent.expanded.values + expanded.values, limits::kMaxAliasValues * 4);
    parent.expanded.bytes = std::min(parent.expanded.bytes + expanded.bytes, limits::kMaxAliasBytes * 4);
    parent.height = std::max(parent.height, height + 1);
    if (parent.node->kind == YamlNode::Kind::Sequence) {
      parent.node->items.push_back(node);
      return;
    }
    if (parent.pending_key == nullptr) {
      AcceptKey(parent, node);
      return;
    }
    if (!parent.drop_value) parent.node->entries.push_back({parent.pending_key, node});
    parent.pending_key = nullptr;
    parent.drop_value = false;
  }

  void AcceptKey(OpenCollection& parent, const YamlNode* key) {
    if (key->kind != YamlNode::Kind::Scalar)  // collections were refused when they opened
      throw StopParse{MarkOf(*key), "a key cannot be empty"};
    parent.pending_key = key;
    auto [it, fresh] = parent.keys.emplace(key->text, key->offset);
    if (!fresh) {
      parent.drop_value = true;
      diagnostics_->push_back(MakeDiagnostic(
          *key, lines_, path_, Severity::Error,
          fmt::format("duplicate key '{}' (first given on line {})", key->text, lines_.At(it->second).line)));
    }
  }

  YAML::Mark MarkOf(const YamlNode& node) const {
    if (!node.located) return YAML::Mark::null_mark();
    YAML::Mark mark;
    mark.pos = static_cast<int>(node.offset);
    return mark;
  }

  void Report(const YAML::Mark& mark, std::string message) {
    YamlNode at;
    at.located = HasPosition(mark);
    if (at.located) at.offset = static_cast<std::size_t>(mark.pos);
    diagnostics_->push_back(MakeDiagnostic(at, lines_, path_, Severity::Error, std::move(message)));
  }

  YamlTree* tree_;
  std::string_view source_;
  LineIndex lines_;
  const std::string& path_;
  std::vector<Diagnostic>* diagnostics_;
  std::vector<OpenCollection> stack_;
  std::unordered_map<YAML::anchor_t, Anchored> anchors_;
  std::int64_t alias_values_ = 0;
  std::int64_t alias_bytes_ = 0;
  int documents_ = 0;
  bool reported_tag_ = false;
  std::optional<StopParse> deferred_;  // a key that is a collection, reported once the parse ends
  int deferred_depth_ = 0;             // collections opened since, minus those closed

};

}  // namespace

YamlTree ParseYamlTree(std::string_view text, const std::string& path, std::vector<Diagnostic>* diagnostics) {
  YamlTree tree;
  std::istringstream in{std::string(text)};
  TreeBuilder builder(&tree, text, path, diagnostics);
  try {
    YAML::Parser parser(in);
    if (parser.HandleNextDocument(builder)) parser.HandleNextDocument(builder);  // a second one is an error
    if (builder.ReportDeferred()) tree.root = nullptr;
  } catch (const StopParse& stop) {
    builder.ReportStop(stop);
    tree.root = nullptr;
  } catch (const YAML::Exception& e) {
    builder.ReportSyntax(e);
    tree.root = nullptr;
  }
  return tree;
}

Diagnostic MakeDiagnostic(const YamlNode& node, const LineIndex& lines, const std::string& path,
                          Severity severity, std::string message) {
  Diagnostic d;
  d.severity = severity;
  d.where.path = path;
  d.message = std::move(message);
  if (node.located) {
    const LineColumn at = lines.At(node.offset);
    d.where.line = at.line;
    d.where.column = at.column;
    d.span = std::max(node.span, 1);
  }
  return d;
}

}  // namespace cl
