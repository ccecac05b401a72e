// filter: a preset name | a weights matrix | {name, weights}.
#include <array>

#include <fmt/format.h>

#include "lesson/filter_presets.h"
#include "lesson/lesson_settings.h"
#include "lesson/limits.h"

namespace cl {
namespace {

constexpr std::array<std::string_view, 2> kFilterKeys{"name", "weights"};
constexpr std::string_view kCustomName = "Custom";

std::optional<Grid> ReadWeights(NodeReader& reader, const YamlNode& node) {
  return reader.Matrix(node, "filter weights", "a weight", limits::kMaxFilterSide);
}

}  // namespace

std::optional<Filter> ReadFilter(NodeReader& reader, const YamlNode& value) {
  switch (value.kind) {
    case YamlNode::Kind::Scalar: {
      auto name = reader.Choice(value, "filter preset", FilterPresetNames());
      if (!name) return std::nullopt;
      return FindFilterPreset(*name);
    }
    case YamlNode::Kind::Sequence: {
      auto weights = ReadWeights(reader, value);
      if (!weights) return std::nullopt;
      return Filter{std::string(kCustomName), std::move(*weights)};
    }
    case YamlNode::Kind::Mapping: {
      reader.CheckKeys(value, kFilterKeys);
      Filter filter{std::string(kCustomName), {}};
      bool ok = true;
      if (const auto* entry = NodeReader::Find(value, "name")) {
        auto name = reader.Text(*entry->value, "filter name", limits::kMaxLabelChars, true);
        ok = name.has_value();
        if (name) filter.name = *name;
      }
      const auto* entry = reader.Require(value, "weights");
      if (entry == nullptr) return std::nullopt;
      auto weights = ReadWeights(reader, *entry->value);
      if (!weights || !ok) return std::nullopt;
      filter.weights = std::move(*weights);
      return filter;
    }
    case YamlNode::Kind::Null: break;
  }
  reader.Error(value, "filter must be a preset name, a weights matrix or {name, weights}, got nothing");
  return std::nullopt;
}

}  // namespace cl
