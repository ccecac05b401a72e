// conv, activation and pool: the settings of the three layers a lesson teaches.
#include <array>
#include <tuple>

#include <fmt/format.h>

#include "base/number_format.h"
#include "lesson/lesson_settings.h"
#include "lesson/limits.h"

namespace cl {
namespace {

constexpr std::array<std::string_view, 3> kConvKeys{"padding", "stride", "dilation"};
constexpr std::array<std::string_view, 3> kPaddingWords{"valid", "same", "causal"};
constexpr std::array<std::string_view, 3> kActivationNames{"relu", "none", "leaky-relu"};
constexpr std::array<std::string_view, 2> kActivationKeys{"type", "slope"};
constexpr std::array<std::string_view, 4> kPoolKeys{"type", "size", "stride", "remainder"};
constexpr std::array<std::string_view, 2> kPoolTypes{"max", "avg"};
constexpr std::array<std::string_view, 2> kRemainders{"drop", "pad"};
constexpr double kDefaultSlope = 0.01;

bool LooksNumeric(const YamlNode& node) {
  if (node.kind != YamlNode::Kind::Scalar || node.quoted || node.text.empty()) return false;
  const char c = node.text[0];
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';
}

ActivationType ActivationFromName(std::string_view name) {
  if (name == "none") return ActivationType::None;
  if (name == "leaky-relu") return ActivationType::LeakyRelu;
  return ActivationType::Relu;
}

}  // namespace

std::optional<ConvSettings> ReadConv(NodeReader& reader, const YamlNode& value) {
  if (!reader.ExpectMapping(value, "conv")) return std::nullopt;
  reader.CheckKeys(value, kConvKeys);
  ConvSettings conv;
  bool ok = true;
  if (const auto* entry = NodeReader::Find(value, "padding")) {
    const YamlNode& padding = *entry->value;
    if (padding.kind == YamlNode::Kind::Scalar && !LooksNumeric(padding)) {
      auto word = reader.Choice(padding, "padding", kPaddingWords);
      ok = word.has_value();
      if (word)
        conv.padding = *word == "same" ? PaddingMode::Same : *word == "causal" ? PaddingMode::Causal : PaddingMode::Valid;
    } else if (padding.kind == YamlNode::Kind::Scalar || padding.kind == YamlNode::Kind::Sequence) {
      auto pads = reader.IntegerPair(padding, "padding", 0, limits::kMaxPadding);
      ok = pads.has_value();
      if (pads) {
        conv.padding = PaddingMode::Explicit;
        std::tie(conv.pad_h, conv.pad_w) = *pads;
      }
    } else {
      reader.Error(padding, fmt::format("padding must be 'valid', 'same', 'causal', a whole number or [rows, columns], got {}",
                                        NodeReader::Describe(padding)));
      ok = false;
    }
  }
  if (const auto* entry = NodeReader::Find(value, "stride")) {
    auto stride = reader.IntegerPair(*entry->value, "stride", 1, limits::kMaxStride);
    ok = ok && stride.has_value();
    if (stride) std::tie(conv.stride_h, conv.stride_w) = *stride;
  }
  if (const auto* entry = NodeReader::Find(value, "dilation")) {
    auto dilation = reader.IntegerPair(*entry->value, "dilation", 1, limits::kMaxDilation);
    ok = ok && dilation.has_value();
    if (dilation) std::tie(conv.dilation_h, conv.dilation_w) = *dilation;
  }
  if (!ok) return std::nullopt;
  return conv;
}

std::optional<ActivationSpec> ReadActivation(NodeReader& reader, const YamlNode& value) {
  ActivationSpec activation;
  if (value.kind != YamlNode::Kind::Mapping) {
    if (value.kind != YamlNode::Kind::Scalar) {
      reader.Error(value, fmt::format("activation must be 'relu', 'none' or {{type: leaky-relu, slope: s}}, got {}",
                                      NodeReader::Describe(value)));
      return std::nullopt;
    }
    auto name = reader.Choice(value, "activation", kActivationNames);
    if (!name) return std::nullopt;
    activation.type = ActivationFromName(*name);
    activation.slope = kDefaultSlope;
    return activation;
  }
  reader.CheckKeys(value, kActivationKeys);
  const auto* type = reader.Require(value, "type");
  std::optional<std::string> name;
  if (type != nullptr) name = reader.Choice(*type->value, "activation", kActivationNames);
  const auto* slope = NodeReader::Find(value, "slope");
  if (!name) return std::nullopt;
  activation.type = ActivationFromName(*name);
  activation.slope = kDefaultSlope;
  if (slope == nullptr) return activation;
  if (activation.type != ActivationType::LeakyRelu) {
    reader.Error(*slope->key, "'slope' applies only to leaky-relu");
    return std::nullopt;
  }
  auto s = reader.Number(*slope->value, "slope");
  if (!s) return std::nullopt;
  if (*s < 0 || *s > 1) {
    reader.Error(*slope->value, fmt::format("slope must be between 0 and 1, got {}", FormatNumber(*s)));
    return std::nullopt;
  }
  activation.slope = *s;
  return activation;
}

std::optional<PoolSpec> ReadPool(NodeReader& reader, const YamlNode& value) {
  PoolSpec pool;
  if (value.kind == YamlNode::Kind::Scalar && value.text == "none") {
    pool.enabled = false;
    return pool;
  }
  if (value.kind != YamlNode::Kind::Mapping) {
    reader.Error(value, fmt::format("pool must be 'none' or a mapping such as {{type: max, size: 2}}, got {}",
                                    NodeReader::Describe(value)));
    return std::nullopt;
  }
  reader.CheckKeys(value, kPoolKeys);
  bool ok = true;
  if (const auto* entry = NodeReader::Find(value, "type")) {
    auto type = reader.Choice(*entry->value, "pool type", kPoolTypes);
    ok = type.has_value();
    if (type) pool.type = *type == "avg" ? PoolType::Avg : PoolType::Max;
  }
  if (const auto* entry = NodeReader::Find(value, "size")) {
    auto size = reader.IntegerPair(*entry->value, "pool size", 1, limits::kMaxPoolSize);
    ok = ok && size.has_value();
    if (size) std::tie(pool.size_h, pool.size_w) = *size;
  }
  pool.stride_h = pool.size_h;  // the stride defaults to the window, so windows tile the map
  pool.stride_w = pool.size_w;
  if (const auto* entry = NodeReader::Find(value, "stride")) {
    auto stride = reader.IntegerPair(*entry->value, "pool stride", 1, limits::kMaxPoolStride);
    ok = ok && stride.has_value();
    if (stride) std::tie(pool.stride_h, pool.stride_w) = *stride;
  }
  if (const auto* entry = NodeReader::Find(value, "remainder")) {
    auto remainder = reader.Choice(*entry->value, "pool remainder", kRemainders);
    ok = ok && remainder.has_value();
    if (remainder) pool.remainder = *remainder == "pad" ? Remainder::Pad : Remainder::Drop;
  }
  if (!ok) return std::nullopt;
  return pool;
}

LessonSettings ReadSettings(NodeReader& reader, const YamlNode& map, const ImageContext& context) {
  LessonSettings settings;
  auto read = [&](auto& setting, std::string_view key, auto&& parse) {
    const auto* entry = NodeReader::Find(map, key);
    if (entry == nullptr) return;
    setting.key = entry->key;
    setting.value = entry->value;
    setting.parsed = parse(*entry->value);
  };
  read(settings.image, "image", [&](const YamlNode& v) { return ReadImage(reader, v, context); });
  read(settings.filter, "filter", [&](const YamlNode& v) -> std::optional<std::vector<Filter>> {
    auto filter = ReadFilter(reader, v);
    if (!filter) return std::nullopt;
    return std::vector<Filter>{std::move(*filter)};
  });
  if (const auto* list = NodeReader::Find(map, "filters")) {
    if (settings.filter.given()) {
      reader.Error(*list->key, "'filters' and 'filter' are both given; write one filter: or a list under filters:");
      settings.filter.parsed.reset();
    } else {
      read(settings.filter, "filters", [&](const YamlNode& v) { return ReadFilters(reader, v); });
    }
  }
  read(settings.conv, "conv", [&](const YamlNode& v) { return ReadConv(reader, v); });
  read(settings.activation, "activation", [&](const YamlNode& v) { return ReadActivation(reader, v); });
  read(settings.pool, "pool", [&](const YamlNode& v) { return ReadPool(reader, v); });
  return settings;
}

}  // namespace cl
