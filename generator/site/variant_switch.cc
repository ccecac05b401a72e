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

// The switch's words, in one place.
constexpr std::string_view kSeveralDiffer = "Variant";
constexpr std::string_view kFilterText = "{} filter";           // "Sobel x filter"
constexpr std::string_view kFilterSizedText = "{} {} filter";   // "3×3 Custom filter", when names repeat
constexpr std::string_view kImageText = "{} image";             // "6×6 image"
constexpr std::string_view kOwnImageText = "its own {} image";  // sizes repeat: the pixels differ
constexpr std::string_view kLeakyText = "{}, slope {}";         // "Leaky ReLU, slope 0.25"
constexpr std::string_view kNoPooling = "no pooling";
constexpr std::string_view kSeparator = " \u00b7 ";
constexpr std::string_view kAnd = " and ";

// One thing a variant can change: its name as the switch's label, whether two
// variants differ in it, and how a variant's value reads on its button.
struct Aspect {
  std::string_view name;
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
std::string FilterNames(const Variant& v) {
  std::string out;
  const int n = FilterCount(v);
  for (int k = 0; k < n; ++k) {
    const std::string_view separator = k == 0 ? std::string_view() : k + 1 == n ? kAnd : std::string_view(", ");
    out += separator;
    out += FilterAt(v, k).name;
  }
  return out;
}

std::vector<Aspect> Aspects() {
  return {
      {"Filter", SameFilters,
       [](const Variant& v, const std::vector<Variant>& all) {
         if (FilterCount(v) > 1) return FilterNames(v);
         int same_name = 0;
         for (const Variant& o : all) same_name += FilterNames(o) == FilterNames(v);
         if (same_name > 1) {
           return fmt::format(fmt::runtime(kFilterSizedText), SizeText(v.filter.weights.rows, v.filter.weights.cols),
                              v.filter.name);
         }
         return fmt::format(fmt::runtime(kFilterText), v.filter.name);
       }},
      {"Image", [](const Variant& a, const Variant& b) { return a.image == b.image; },
       [](const Variant& v, const std::vector<Variant>& all) {
         int same_size = 0;
         for (const Variant& o : all) same_size += o.image.rows == v.image.rows && o.image.cols == v.image.cols;
         const std::string size = SizeText(v.image.rows, v.image.cols);
         return fmt::format(fmt::runtime(same_size > 1 ? kOwnImageText : kImageText), size);
       }},
      {"Padding",
       [](const Variant& a, const Variant& b) {
         return a.conv.pad_top == b.conv.pad_top && a.conv.pad_bottom == b.conv.pad_bottom &&
                a.conv.pad_left == b.conv.pad_left && a.conv.pad_right == b.conv.pad_right && a.conv.same == b.conv.same;
       },
       [](const Variant& v, const std::vector<Variant>&) { return PaddingWords(v.conv); }},
      {"Stride",
       [](const Variant& a, const Variant& b) {
         return a.conv.stride_h == b.conv.stride_h && a.conv.stride_w == b.conv.stride_w;
       },
       [](const Variant& v, const std::vector<Variant>&) { return StrideWords(v.conv.stride_h, v.conv.stride_w); }},
      {"Dilation",
       [](const Variant& a, const Variant& b) {
         return a.conv.dilation_h == b.conv.dilation_h && a.conv.dilation_w == b.conv.dilation_w;
       },
       [](const Variant& v, const std::vector<Variant>&) {
         const std::string words = DilationWords(v.conv);
         return words.empty() ? std::string("dilation 1") : words;
       }},
      {"Activation",
       [](const Variant& a, const Variant& b) {
         return a.activation.type == b.activation.type &&
                (a.activation.type != ActivationType::LeakyRelu || a.activation.slope == b.activation.slope);
       },
       [](const Variant& v, const std::vector<Variant>&) {
         if (v.activation.type != ActivationType::LeakyRelu) return ActivationName(v.activation);
         return fmt::format(fmt::runtime(kLeakyText), ActivationName(v.activation), FormatNumberText(v.activation.slope));
       }},
      {"Pooling", [](const Variant& a, const Variant& b) { return SamePool(a.pool, b.pool); },
       [](const Variant& v, const std::vector<Variant>&) {
         return v.pool.enabled ? PoolSettingsWords(v.pool) : std::string(kNoPooling);
       }},
  };
}

}  // namespace

VariantSwitch DescribeVariantSwitch(const std::vector<Variant>& variants) {
  VariantSwitch out;
  out.differences.assign(variants.size(), std::string());
  std::vector<Aspect> differing;
  for (Aspect& aspect : Aspects()) {
    bool differs = false;
    for (std::size_t i = 1; i < variants.size() && !differs; ++i) differs = !aspect.same(variants[0], variants[i]);
    if (differs) differing.push_back(std::move(aspect));
  }
  out.label = differing.size() == 1 ? std::string(differing[0].name) : std::string(kSeveralDiffer);
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
