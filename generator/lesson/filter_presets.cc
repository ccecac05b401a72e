#include "lesson/filter_presets.h"

#include <array>

#include "base/ascii.h"

namespace cl {
namespace {

struct Preset {
  std::string_view name;
  std::array<double, 9> weights;
};

constexpr double kNinth = 1.0 / 9.0;

constexpr std::array<Preset, 8> kPresets{{
    {"vertical-edge", {1, 0, -1, 1, 0, -1, 1, 0, -1}},
    {"horizontal-edge", {1, 1, 1, 0, 0, 0, -1, -1, -1}},
    {"sobel-x", {1, 0, -1, 2, 0, -2, 1, 0, -1}},
    {"sobel-y", {1, 2, 1, 0, 0, 0, -1, -2, -1}},
    {"laplacian", {0, 1, 0, 1, -4, 1, 0, 1, 0}},
    {"sharpen", {0, -1, 0, -1, 5, -1, 0, -1, 0}},
    {"box-blur", {kNinth, kNinth, kNinth, kNinth, kNinth, kNinth, kNinth, kNinth, kNinth}},
    {"identity", {0, 0, 0, 0, 1, 0, 0, 0, 0}},
}};

constexpr std::array<std::string_view, kPresets.size()> kNames = [] {
  std::array<std::string_view, kPresets.size()> names{};
  for (std::size_t i = 0; i < kPresets.size(); ++i) names[i] = kPresets[i].name;
  return names;
}();

}  // namespace

std::span<const std::string_view> FilterPresetNames() { return kNames; }

std::optional<Filter> FindFilterPreset(std::string_view name) {
  for (const Preset& preset : kPresets) {
    if (preset.name != name) continue;
    Filter filter;
    filter.name = DashedNameAsWords(name);
    filter.weights = Grid(3, 3);
    filter.weights.values.assign(preset.weights.begin(), preset.weights.end());
    return filter;
  }
  return std::nullopt;
}

}  // namespace cl
