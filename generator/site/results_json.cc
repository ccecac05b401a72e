#include "site/results_json.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "site/json_writer.h"

namespace cl {
namespace {

using Json = nlohmann::ordered_json;

constexpr double kMaxExactInteger = 9007199254740992.0;  // 2^53, as in FormatNumber

Json Pair(int a, int b) { return Json::array({a, b}); }

Json ConvJson(const ConvSpec& conv, Json output) {
  Json j = Json::object();
  // Transposed: the padding is what is cropped off each side of the output
  // (PyTorch's `padding`), written in the same [top, bottom, left, right] shape.
  if (conv.transposed)
    j["padding"] = Json::array({conv.crop_h, conv.crop_h, conv.crop_w, conv.crop_w});
  else
    j["padding"] = Json::array({conv.pad_top, conv.pad_bottom, conv.pad_left, conv.pad_right});
  j["stride"] = Pair(conv.stride_h, conv.stride_w);
  j["dilation"] = Pair(conv.dilation_h, conv.dilation_w);
  if (conv.transposed) {
    j["transposed"] = true;
    j["output_padding"] = Pair(conv.output_padding_h, conv.output_padding_w);
  }
  j["output"] = std::move(output);
  return j;
}

Json ActivationJson(const ActivationSpec& activation, Json output) {
  Json j = Json::object();
  j["type"] = ActivationName(activation.type);
  if (activation.type == ActivationType::LeakyRelu) j["slope"] = NumberJson(activation.slope);
  j["output"] = std::move(output);
  return j;
}

Json PoolJson(const PoolSpec& pool, bool pooled, Json output) {
  if (!pool.enabled || !pooled) return nullptr;
  Json j = Json::object();
  j["type"] = PoolTypeName(pool.type);
  j["size"] = Pair(pool.size_h, pool.size_w);
  j["stride"] = Pair(pool.stride_h, pool.stride_w);
  j["remainder"] = RemainderName(pool.remainder);
  j["output"] = std::move(output);
  return j;
}

}  // namespace

Json NumberJson(double value) {
  if (value == 0.0) return 0;  // also -0
  if (std::isfinite(value) && std::nearbyint(value) == value && std::fabs(value) <= kMaxExactInteger)
    return static_cast<std::int64_t>(value);
  return value;
}

Json ObjectWithRoom(std::size_t keys) {
  Json j = Json::object();
  j.get_ref<Json::object_t&>().reserve(keys);
  return j;
}

namespace {

// The list shape (docs/computation.md): channels first on the input and
// the weights, one map per filter on every output.
Json ChannelsJson(const Variant& variant) {
  Json channels = Json::array();
  for (int c = 0; c < ChannelCount(variant); ++c) channels.push_back(GridRef(ChannelAt(variant, c)));
  return channels;
}

Json SlicesJson(const Filter& filter) {
  Json slices = Json::array();
  for (int c = 0; c < SliceCount(filter); ++c) slices.push_back(GridRef(SliceAt(filter, c)));
  return slices;
}

// Keys of a variant's object, with the three lesson.json adds (slug, beats,
// animation).
constexpr std::size_t kVariantKeys = 10;

Json ListShapeJson(const Variant& variant, const VariantResult& result) {
  Json j = ObjectWithRoom(kVariantKeys);
  j["label"] = variant.label;
  j["input"] = ChannelsJson(variant);
  // Names only when the lesson gives them (or `mode: rgb`): frames word the rest.
  if (HasChannels(variant) && !variant.channel_names.empty()) j["channels"] = variant.channel_names;
  Json filters = Json::array();
  for (int k = 0; k < FilterCount(variant); ++k) {
    const Filter& f = FilterAt(variant, k);
    filters.push_back(Json::object({{"name", f.name}, {"weights", SlicesJson(f)}, {"bias", NumberJson(f.bias)}}));
  }
  j["filters"] = std::move(filters);
  Json conv = Json::array(), activated = Json::array(), pooled = Json::array();
  for (const FilterMaps& m : result.maps) {
    conv.push_back(GridRef(m.conv));
    activated.push_back(GridRef(m.activated));
    if (m.pooled) pooled.push_back(GridRef(*m.pooled));
  }
  j["conv"] = ConvJson(variant.conv, std::move(conv));
  j["activation"] = ActivationJson(variant.activation, std::move(activated));
  j["pool"] = PoolJson(variant.pool, result.pooled().has_value(), std::move(pooled));
  return j;
}

}  // namespace

Json VariantJson(const Variant& variant, const VariantResult& result) {
  if (HasFilterList(variant) || HasChannels(variant)) return ListShapeJson(variant, result);
  Json j = ObjectWithRoom(kVariantKeys);
  j["label"] = variant.label;
  j["input"] = GridRef(variant.image);
  j["filter"] = Json::object({{"name", variant.filter.name}, {"weights", GridRef(variant.filter.weights)}});
  j["conv"] = ConvJson(variant.conv, GridRef(result.conv()));
  j["activation"] = ActivationJson(variant.activation, GridRef(result.activated()));
  j["pool"] = PoolJson(variant.pool, result.pooled().has_value(), result.pooled() ? GridRef(*result.pooled()) : Json());
  return j;
}

Json ResultsHeaderJson(const Lesson& lesson) {
  Json j = ObjectWithRoom(12);  // with the keys lesson.json adds after "variants"
  j["id"] = lesson.id;
  j["title"] = lesson.title;
  j["variants"] = Json::array();
  return j;
}

Json ResultsJson(const Lesson& lesson, const std::vector<VariantResult>& results) {
  Json j = ResultsHeaderJson(lesson);
  const std::size_t n = std::min(lesson.variants.size(), results.size());
  for (std::size_t i = 0; i < n; ++i) j["variants"].push_back(VariantJson(lesson.variants[i], results[i]));
  return j;
}

const char* ActivationName(ActivationType type) {
  switch (type) {
    case ActivationType::Relu: return "relu";
    case ActivationType::None: return "none";
    case ActivationType::LeakyRelu: return "leaky-relu";
  }
  return "relu";
}

const char* PoolTypeName(PoolType type) { return type == PoolType::Avg ? "avg" : "max"; }

const char* RemainderName(Remainder remainder) { return remainder == Remainder::Pad ? "pad" : "drop"; }

}  // namespace cl
