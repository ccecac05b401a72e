#include "site/variant_switch.h"

#include <functional>
#include <string_view>

#include <fmt/format.h>

#include "base/number_format.h"
#include "storyboard/captions.h"
#include "storyboard/settings_text.h"
#include "compute/compute.h"

namespace cl {
namespace {

// The switch's words are messages (switch_*); the separator is punctuation.
constexpr std::string_view kSeparator = " \u00b7 ";

// One thing a variant can change: its name as the switch's label, whether two
// variants differ in it, and how a variant's value reads on its button.
struct Aspect {
  std::string name;
  std::function<bool(const Variant&, const Variant&)> same;
  std::function<std::string(const Variant&, const std::vector<Variant>&)> words;
};

bool SamePool(const PoolSpec& a, const PoolSpec& b) {
  if (a.enabled != b.enabled) return false;
  if (!a.enabled) return true;
  return a.type == b.type && a.size_h == b.size_h && a.size_w == b.size_w && a.stride_h == b.stride_h &&
         a.stride_w == b.stride_w && a.remainder == b.remainder;
}

// Every filter's weights and bias (a lesson may list several).
bool SameFilters(const Variant& a, const Variant& b) {
  if (FilterCount(a) != FilterCount(b)) return false;
  for (int k = 0; k < FilterCount(a); ++k) {
    if (!(FilterAt(a, k).weights == FilterAt(b, k).weights) || FilterAt(a, k).bias != FilterAt(b, k).bias) return false;
  }
  return true;
}

// "Vertical edge", or "Vertical edge, Horizontal edge and Brightness" for a list.
std::string FilterNames(const Variant& v, const Messages& m) {
  std::vector<std::string> names;
  for (int k = 0; k < FilterCount(v); ++k) names.push_back(FilterAt(v, k).name);
  return ListText(names, m);
}

std::vector<Aspect> Aspects(const Messages& m) {
  return {
      {m.Text(Msg::page_filter_switch), SameFilters,
       [&m](const Variant& v, const std::vector<Variant>& all) {
         if (FilterCount(v) > 1) return FilterNames(v, m);
         int same_name = 0;
         for (const Variant& o : all) same_name += FilterNames(o, m) == FilterNames(v, m);
         if (same_name > 1) {
           return m.Text(Msg::switch_filter_sized,
                         {{"size", SizeText(v.filter.weights.rows, v.filter.weights.cols)}, {"name", v.filter.name}});
         }
         return m.Text(Msg::switch_filter, {{"name", v.filter.name}});
       }},
      {m.Text(Msg::switch_image_aspect), [](const Variant& a, const Variant& b) { return a.image == b.image; },
       [&m](const Variant& v, const std::vector<Variant>& all) {
         int same_size = 0;
         for (const Variant& o : all) same_size += o.image->rows == v.image->rows && o.image->cols == v.image->cols;
         const std::string size = SizeText(v.image->rows, v.image->cols);
         return m.Text(same_size > 1 ? Msg::switch_own_image : Msg::switch_image, {{"size", size}});
       }},
      {m.Text(Msg::switch_padding_aspect),
       [](const Variant& a, const Variant& b) {
         return a.conv.pad_top == b.conv.pad_top && a.conv.pad_bottom == b.conv.pad_bottom &&
                a.conv.pad_left == b.conv.pad_left && a.conv.pad_right == b.conv.pad_right && a.conv.same == b.conv.same &&
                a.conv.causal == b.conv.causal && a.conv.transposed == b.conv.transposed && a.conv.crop_h == b.conv.crop_h &&
                a.conv.crop_w == b.conv.crop_w && a.conv.output_padding_h == b.conv.output_padding_h &&
                a.conv.output_padding_w == b.conv.output_padding_w;
       },
       [&m](const Variant& v, const std::vector<Variant>&) { return PaddingWords(v.conv, m); }},
      {m.Text(Msg::switch_stride_aspect),
       [](const Variant& a, const Variant& b) {
         return a.conv.stride_h == b.conv.stride_h && a.conv.stride_w == b.conv.stride_w;
       },
       [&m](const Variant& v, const std::vector<Variant>&) { return StrideWords(v.conv.stride_h, v.conv.stride_w, m); }},
      {m.Text(Msg::switch_dilation_aspect),
       [](const Variant& a, const Variant& b) {
         return a.conv.dilation_h == b.conv.dilation_h && a.conv.dilation_w == b.conv.dilation_w;
       },
       [&m](const Variant& v, const std::vector<Variant>&) {
         const std::string words = DilationWords(v.conv, m);
         return words.empty() ? m.Text(Msg::dilation, {{"dilation", 1}}) : words;
       }},
      {m.Text(Msg::switch_activation_aspect),
       [](const Variant& a, const Variant& b) {
         return a.activation.type == b.activation.type &&
                (a.activation.type != ActivationType::LeakyRelu || a.activation.slope == b.activation.slope);
       },
       [&m](const Variant& v, const std::vector<Variant>&) {
         if (v.activation.type != ActivationType::LeakyRelu) return ActivationName(v.activation, m);
         return m.Text(Msg::switch_leaky,
                       {{"name", ActivationName(v.activation, m)}, {"slope", FormatNumberText(v.activation.slope)}});
       }},
      {m.Text(Msg::switch_pooling_aspect), [](const Variant& a, const Variant& b) { return SamePool(a.pool, b.pool); },
       [&m](const Variant& v, const std::vector<Variant>&) {
         return v.pool.enabled ? PoolSettingsWords(v.pool, m) : m.Text(Msg::switch_no_pooling);
       }},
  };
}

}  // namespace

VariantSwitch DescribeVariantSwitch(const std::vector<Variant>& variants, const Messages& m) {
  VariantSwitch out;
  out.differences.assign(variants.size(), std::string());
  std::vector<Aspect> differing;
  for (Aspect& aspect : Aspects(m)) {
    bool differs = false;
    for (std::size_t i = 1; i < variants.size() && !differs; ++i) differs = !aspect.same(variants[0], variants[i]);
    if (differs) differing.push_back(std::move(aspect));
  }
  out.label = differing.size() == 1 ? differing[0].name : m.Text(Msg::switch_several);
  for (std::size_t i = 0; i < variants.size(); ++i) {
    std::string text;
    for (const Aspect& aspect : differing) {
      if (!text.empty()) text += kSeparator;
      text += aspect.words(variants[i], variants);
    }
    // A label that already says it all ("Leaky ReLU") needs no repeat.
    out.differences[i] = text == variants[i].label ? std::string() : text;
  }
  return out;
}

}  // namespace cl
