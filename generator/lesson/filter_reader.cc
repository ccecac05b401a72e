// filter: a preset name | a weights matrix | {name, weights, bias};
// filters: a list of those, one output map each.
#include <array>

#include <fmt/format.h>

#include "lesson/filter_presets.h"
#include "lesson/lesson_settings.h"
#include "lesson/limits.h"

namespace cl {
namespace {

constexpr std::array<std::string_view, 3> kFilterKeys{"name", "weights", "bias"};
constexpr std::string_view kCustomName = "Custom";

// A k x k matrix (one channel) or a list of them ([c][k][k], one slice per
// image channel): sets the filter's weights and, for a list, its slices.
bool ReadWeights(NodeReader& reader, const YamlNode& node, Filter* filter) {
  if (NodeReader::IsMatrixList(node)) {
    auto slices = reader.MatrixList(node, "filter weights", "a weight", limits::kMaxFilterSide, limits::kMaxChannels);
    if (!slices) return false;
    filter->weights = slices->front();
    // One slice is one channel: the same filter as the 2-D matrix.
    if (slices->size() > 1) filter->slices = std::move(*slices);
    return true;
  }
  auto weights = reader.Matrix(node, "filter weights", "a weight", limits::kMaxFilterSide);
  if (!weights) return false;
  filter->weights = std::move(*weights);
  return true;
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
      Filter filter{std::string(kCustomName), {}};
      if (!ReadWeights(reader, value, &filter)) return std::nullopt;
      return filter;
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
      if (const auto* bias = NodeReader::Find(value, "bias")) {
        auto number = reader.Number(*bias->value, "filter bias");
        ok = ok && number.has_value();
        filter.bias = number.value_or(0.0);
      }
      const auto* entry = reader.Require(value, "weights");
      if (entry == nullptr) return std::nullopt;
      if (!ReadWeights(reader, *entry->value, &filter) || !ok) return std::nullopt;
      return filter;
    }
    case YamlNode::Kind::Null: break;
  }
  reader.Error(value, "filter must be a preset name, a weights matrix or {name, weights}, got nothing");
  return std::nullopt;
}

std::optional<std::vector<Filter>> ReadFilters(NodeReader& reader, const YamlNode& value) {
  if (value.kind == YamlNode::Kind::Sequence && value.items.empty()) {
    reader.Error(value, "filters must list at least one filter, got an empty list");
    return std::nullopt;
  }
  if (value.kind != YamlNode::Kind::Sequence) {
    reader.Error(value, fmt::format("filters must be a list of 1 to {} filters (each a preset name, a weights matrix "
                                    "or {{name, weights, bias}}), got {}",
                                    limits::kMaxFilters, NodeReader::Describe(value)));
    return std::nullopt;
  }
  if (value.items.size() > static_cast<std::size_t>(limits::kMaxFilters)) {
    reader.Error(value, fmt::format("filters must be a list of 1 to {} filters, got {}", limits::kMaxFilters,
                                    value.items.size()));
    return std::nullopt;
  }
  std::vector<Filter> filters;
  bool ok = true;
  for (const YamlNode* item : value.items) {
    auto filter = ReadFilter(reader, *item);
    if (!filter) {
      ok = false;
      continue;
    }
    // One output map per filter, stacked: every map must have the same size.
    if (!filters.empty() && ok &&
        (filter->weights.rows != filters[0].weights.rows || filter->weights.cols != filters[0].weights.cols)) {
      reader.Error(*item, fmt::format("filter {} is {}x{} but filter 1 is {}x{}; every filter of a list has the same "
                                      "size",
                                      filters.size() + 1, filter->weights.rows, filter->weights.cols,
                                      filters[0].weights.rows, filters[0].weights.cols));
      ok = false;
    }
    filters.push_back(std::move(*filter));
  }
  if (!ok) return std::nullopt;
  return filters;
}

}  // namespace cl
