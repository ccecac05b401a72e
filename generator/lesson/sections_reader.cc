// sections: and beats: — what the page shows besides the figures.
#include <array>
#include <map>

#include <fmt/format.h>

#include "lesson/lesson_reader.h"
#include "lesson/limits.h"
#include "lesson/text_scan.h"

namespace cl {
namespace {

constexpr std::array<std::string_view, 3> kSectionKeys{"title", "body", "generate"};
constexpr std::array<std::string_view, 2> kGenerated{"step-by-step", "complexity"};
constexpr std::array<std::string_view, 3> kBeatsKeys{"per", "max", "map"};
constexpr std::array<std::string_view, 3> kBeatsPer{"auto", "cell", "row"};

// A body keeps its own indentation and line breaks (it is Markdown); only
// trailing white space goes.
std::optional<std::string> ReadBody(NodeReader& reader, const YamlNode& node) {
  if (node.kind != YamlNode::Kind::Scalar) {
    reader.Error(node, fmt::format("section body must be Markdown text, got {}", NodeReader::Describe(node)));
    return std::nullopt;
  }
  std::string body = node.text;
  while (!body.empty() && (body.back() == '\n' || body.back() == ' ' || body.back() == '\t' || body.back() == '\r'))
    body.pop_back();
  if (body.find_first_not_of(" \t\r\n") == std::string::npos) {
    reader.Error(node, "section body must not be empty");
    return std::nullopt;
  }
  return body;
}

std::optional<Section> ReadSection(NodeReader& reader, const YamlNode& item,
                                   std::map<std::string, const YamlNode*>* generated) {
  if (!reader.ExpectMapping(item, "a section")) return std::nullopt;
  reader.CheckKeys(item, kSectionKeys);
  const auto* generate = NodeReader::Find(item, "generate");
  const auto* title = NodeReader::Find(item, "title");
  const auto* body = NodeReader::Find(item, "body");
  if (generate != nullptr) {
    if (title != nullptr || body != nullptr) {
      reader.Error(*(title != nullptr ? title : body)->key,
                   "a section is either {title, body} or {generate: ...}, not both");
      return std::nullopt;
    }
    auto name = reader.Choice(*generate->value, "generated section", kGenerated);
    if (!name) return std::nullopt;
    auto [it, fresh] = generated->emplace(*name, generate->value);
    if (!fresh) {
      reader.Error(*generate->value, fmt::format("the {} section is already generated (line {})", *name,
                                                 reader.Where(*it->second).line));
      return std::nullopt;
    }
    Section section;
    section.kind = *name == "complexity" ? SectionKind::Complexity : SectionKind::StepByStep;
    return section;
  }
  Section section;
  bool ok = true;
  if ((title = reader.Require(item, "title")) != nullptr) {
    auto text = reader.Text(*title->value, "section title", limits::kMaxTitleChars, true);
    ok = text.has_value();
    section.title = text.value_or("");
  } else {
    ok = false;
  }
  if ((body = reader.Require(item, "body")) != nullptr) {
    auto text = ReadBody(reader, *body->value);
    ok = ok && text.has_value();
    section.body = text.value_or("");
  } else {
    ok = false;
  }
  if (!ok) return std::nullopt;
  return section;
}

}  // namespace

std::optional<std::vector<Section>> ReadSections(NodeReader& reader, const YamlNode& value) {
  if (value.kind != YamlNode::Kind::Sequence) {
    reader.Error(value, fmt::format("sections must be a list of {{title, body}} or {{generate: ...}} items, got {}",
                                    NodeReader::Describe(value)));
    return std::nullopt;
  }
  if (value.items.size() > static_cast<std::size_t>(limits::kMaxSections)) {
    reader.Error(value, fmt::format("a lesson has at most {} sections, got {}", limits::kMaxSections, value.items.size()));
    return std::nullopt;
  }
  std::vector<Section> sections;
  std::map<std::string, const YamlNode*> generated;
  bool ok = true;
  for (const YamlNode* item : value.items) {
    auto section = ReadSection(reader, *item, &generated);
    ok = ok && section.has_value();
    if (section) sections.push_back(std::move(*section));
  }
  if (!ok) return std::nullopt;
  return sections;
}

std::optional<BeatsSpec> ReadBeats(NodeReader& reader, const YamlNode& value) {
  if (!reader.ExpectMapping(value, "beats")) return std::nullopt;
  reader.CheckKeys(value, kBeatsKeys);
  BeatsSpec beats;
  beats.where = reader.Where(value);
  bool ok = true;
  if (const auto* entry = NodeReader::Find(value, "per")) {
    auto per = reader.Choice(*entry->value, "beats per", kBeatsPer);
    ok = per.has_value();
    if (per) beats.per = *per == "cell" ? BeatsPer::Cell : *per == "row" ? BeatsPer::Row : BeatsPer::Auto;
  }
  if (const auto* entry = NodeReader::Find(value, "max")) {
    auto max = reader.Integer(*entry->value, "beats max", limits::kMinBeats, limits::kMaxBeats);
    ok = ok && max.has_value();
    beats.max = max.value_or(beats.max);
  }
  if (const auto* entry = NodeReader::Find(value, "map")) {
    auto map = reader.Integer(*entry->value, "beats map", 1, limits::kMaxFilters);
    ok = ok && map.has_value();
    beats.map = map.value_or(0);
  }
  if (!ok) return std::nullopt;
  return beats;
}

}  // namespace cl
