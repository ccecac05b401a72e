// LessonSettings: the five keys (`filter` may be written `filters`) a lesson and each of its variants may set
// (image, filter, conv, activation, pool), read and checked on their own but
// not yet merged: a variant's settings replace the base's key by key, and only
// then can padding be resolved and output sizes be checked (variant_builder).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/grid.h"
#include "model/model.h"
#include "lesson/node_reader.h"
#include "lesson/yaml_tree.h"

namespace cl {

enum class PaddingMode { Valid, Same, Explicit, Causal };

// conv as written; `same` and `causal` are resolved per variant once its image and filter are known.
struct ConvSettings {
  PaddingMode padding = PaddingMode::Valid;
  int pad_h = 0, pad_w = 0;  // Explicit only: rows added top and bottom, columns left and right
  int stride_h = 1, stride_w = 1;
  int dilation_h = 1, dilation_w = 1;
  bool transposed = false;
  int output_padding_h = 0, output_padding_w = 0;  // transposed only
};

// One key as read: absent (key == null), given but invalid (value set,
// parsed empty; already reported) or valid.
template <class T>
struct Setting {
  const YamlNode* key = nullptr;
  const YamlNode* value = nullptr;
  std::optional<T> parsed;
  bool given() const { return key != nullptr; }
  bool failed() const { return given() && !parsed.has_value(); }
};

// An image as read: one channel or several ([c][h][w] pixels, `mode: rgb`).
struct ImageChannels {
  GridList channels;               // at least one, all of one size; shared by the variants
  std::vector<std::string> names;  // one per channel (`channels:`, R/G/B for rgb), or empty
};

struct LessonSettings {
  Setting<ImageChannels> image;
  Setting<std::vector<Filter>> filter;  // `filter` (one) or `filters` (a list)
  Setting<ConvSettings> conv;
  Setting<ActivationSpec> activation;
  Setting<PoolSpec> pool;
};

// What reading an image file needs besides the node.
struct ImageContext {
  std::string base_dir;              // folder that relative image paths start from
  std::vector<std::string>* inputs;  // files read, appended to
};

// Each reader reports its problems through `reader` and returns nullopt when
// the value is unusable.
std::optional<ImageChannels> ReadImage(NodeReader& reader, const YamlNode& value, const ImageContext& context);
// Whether an image node (as ReadImage accepted it) reads an image file.
bool ImageIsFile(const YamlNode& value);
std::optional<Filter> ReadFilter(NodeReader& reader, const YamlNode& value);
std::optional<std::vector<Filter>> ReadFilters(NodeReader& reader, const YamlNode& value);
std::optional<ConvSettings> ReadConv(NodeReader& reader, const YamlNode& value);
std::optional<ActivationSpec> ReadActivation(NodeReader& reader, const YamlNode& value);
std::optional<PoolSpec> ReadPool(NodeReader& reader, const YamlNode& value);

// Reads whichever of the five keys `map` holds.
LessonSettings ReadSettings(NodeReader& reader, const YamlNode& map, const ImageContext& context);

}  // namespace cl
