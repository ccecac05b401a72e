// image: exactly one of pixels | pattern | file.
#include <algorithm>
#include <array>
#include <filesystem>
#include <limits>
#include <tuple>

#include <fmt/format.h>

#include "lesson/lesson_settings.h"
#include "lesson/limits.h"
#include "lesson/pattern_image.h"
#include "lesson/png_image.h"
#include "lesson/suggest.h"

namespace cl {
namespace {

constexpr std::array<std::string_view, 6> kImageKeys{"pixels", "pattern", "file", "size", "mode", "channels"};
constexpr std::array<std::string_view, 2> kImageModes{"grey", "rgb"};
constexpr std::array<std::string_view, 3> kImageSources{"pixels", "pattern", "file"};
constexpr std::array<std::string_view, 7> kPatternKeys{"kind", "size", "value", "background", "band", "span", "cell"};

bool IsBar(PatternKind kind) { return kind == PatternKind::VerticalBar || kind == PatternKind::HorizontalBar; }

// band or span: [first, last] (or one index n, meaning [n, n]) within 0..side-1
// of the `axis` ("rows" or "columns") it counts.
std::optional<std::pair<int, int>> ReadIndexRange(NodeReader& reader, const YamlNode& node, std::string_view what,
                                                  std::string_view axis, int side) {
  if (node.kind != YamlNode::Kind::Sequence && node.kind != YamlNode::Kind::Scalar) {
    reader.Error(node, fmt::format("{} must be [first, last], got {}", what, NodeReader::Describe(node)));
    return std::nullopt;
  }
  auto range = reader.IntegerPair(node, what, std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
  if (!range) return std::nullopt;
  const int indices[2] = {range->first, range->second};
  for (std::size_t i = 0; i < 2; ++i) {
    if (indices[i] < 0 || indices[i] >= side) {
      const YamlNode& at = node.kind == YamlNode::Kind::Sequence ? *node.items[i] : node;
      reader.Error(at, fmt::format("{} must lie within {} 0 to {}, got {}", what, axis, side - 1, indices[i]));
      return std::nullopt;
    }
  }
  if (range->first > range->second) {
    reader.Error(node, fmt::format("{} must be [first, last] with first <= last, got [{}, {}]", what, range->first,
                                   range->second));
    return std::nullopt;
  }
  return range;
}

std::optional<Grid> ReadPattern(NodeReader& reader, const YamlNode& node) {
  PatternSpec spec;
  if (node.kind == YamlNode::Kind::Scalar) {  // `pattern: checkerboard`: the kind with every default
    auto kind = reader.Choice(node, "pattern kind", PatternKindNames());
    if (!kind) return std::nullopt;
    spec.kind = PatternKindFromName(*kind);
    spec.band = DefaultBand(spec.kind == PatternKind::HorizontalBar ? spec.rows : spec.cols);
    spec.span = {0, (spec.kind == PatternKind::HorizontalBar ? spec.cols : spec.rows) - 1};
    return RenderPattern(spec);
  }
  if (!reader.ExpectMapping(node, "pattern")) return std::nullopt;
  reader.CheckKeys(node, kPatternKeys);
  bool ok = true;
  std::optional<PatternKind> kind;
  if (const auto* entry = reader.Require(node, "kind")) {
    if (auto name = reader.Choice(*entry->value, "pattern kind", PatternKindNames()))
      kind = PatternKindFromName(*name);
  }
  bool size_ok = true;
  if (const auto* entry = NodeReader::Find(node, "size")) {
    auto size = reader.IntegerPair(*entry->value, "pattern size", 1, limits::kMaxImageSide);
    if (size) std::tie(spec.rows, spec.cols) = *size;
    size_ok = size.has_value();
  }
  if (const auto* entry = NodeReader::Find(node, "value")) {
    auto value = reader.Number(*entry->value, "pattern value");
    ok = ok && value.has_value();
    spec.value = value.value_or(spec.value);
  }
  if (const auto* entry = NodeReader::Find(node, "background")) {
    auto value = reader.Number(*entry->value, "pattern background");
    ok = ok && value.has_value();
    spec.background = value.value_or(spec.background);
  }
  if (!kind) return std::nullopt;
  spec.kind = *kind;
  const bool vertical = spec.kind == PatternKind::VerticalBar;
  const int band_side = vertical ? spec.cols : spec.rows;  // the bar's thickness runs across this side
  const int span_side = vertical ? spec.rows : spec.cols;
  spec.band = DefaultBand(band_side);
  spec.span = {0, span_side - 1};
  for (std::string_view key : {std::string_view("band"), std::string_view("span")}) {
    const auto* entry = NodeReader::Find(node, key);
    if (entry == nullptr) continue;
    if (!IsBar(spec.kind)) {
      reader.Error(*entry->key, fmt::format("'{}' applies only to vertical-bar and horizontal-bar patterns", key));
      ok = false;
      continue;
    }
    if (!size_ok) continue;
    const bool band = key == "band";
    const std::string_view axis = band == vertical ? "columns" : "rows";
    auto range = ReadIndexRange(reader, *entry->value, key, axis, band ? band_side : span_side);
    ok = ok && range.has_value();
    if (range) (band ? spec.band : spec.span) = *range;
  }
  if (const auto* entry = NodeReader::Find(node, "cell")) {
    if (spec.kind != PatternKind::Checkerboard) {
      reader.Error(*entry->key, "'cell' applies only to checkerboard patterns");
      ok = false;
    } else {
      auto cell = reader.Integer(*entry->value, "checkerboard cell", 1, limits::kMaxImageSide);
      ok = ok && cell.has_value();
      spec.cell = cell.value_or(1);
    }
  }
  if (!ok || !size_ok) return std::nullopt;
  return RenderPattern(spec);
}

std::optional<ImageChannels> ReadImageFile(NodeReader& reader, const YamlNode& node, const YamlNode* size_node,
                                           bool rgb, const ImageContext& context) {
  auto name = reader.Text(node, "image file", 4096, true);
  std::optional<std::pair<int, int>> size;
  if (size_node != nullptr) {
    size = reader.IntegerPair(*size_node, "image size", 1, limits::kMaxImageSide);
    if (!size) return std::nullopt;
  }
  if (!name) return std::nullopt;
  const std::filesystem::path relative(*name);
  if (relative.is_absolute() || relative.has_root_name()) {
    reader.Error(node, fmt::format("image file must be a path relative to the lesson file, got '{}'", *name));
    return std::nullopt;
  }
  for (const auto& part : relative) {
    if (part == "..") {
      reader.Error(node, fmt::format("image file must be inside the lesson's folder; '..' is not allowed in '{}'", *name));
      return std::nullopt;
    }
  }
  const std::string path = (std::filesystem::path(context.base_dir) / relative).lexically_normal().string();
  context.inputs->push_back(path);
  std::string problem;
  std::vector<Grid> channels;
  std::vector<std::string> names;
  const PngReading reading{size, limits::kMaxImageSide};
  if (rgb) {
    auto planes = ReadPngRgb(path, &problem, reading);
    if (planes) channels = std::move(*planes), names = {"R", "G", "B"};
  } else if (auto grey = ReadPngLuminance(path, &problem, reading)) {
    channels.push_back(std::move(*grey));
  }
  if (channels.empty()) {
    reader.Error(node, fmt::format("image file '{}' {}", *name, problem));
    return std::nullopt;
  }
  return ImageChannels{std::move(channels), std::move(names)};
}

std::optional<ImageChannels> ReadPixels(NodeReader& reader, const YamlNode& node) {
  if (NodeReader::IsMatrixList(node)) {
    auto channels = reader.MatrixList(node, "pixels", "a pixel", limits::kMaxImageSide, limits::kMaxChannels);
    if (!channels) return std::nullopt;
    return ImageChannels{std::move(*channels), {}};
  }
  auto grid = reader.Matrix(node, "pixels", "a pixel", limits::kMaxImageSide);
  if (!grid) return std::nullopt;
  return ImageChannels{{std::move(*grid)}, {}};
}

// `channels: [names]`: one name per channel the image has.
bool ReadChannelNames(NodeReader& reader, const YamlNode& node, ImageChannels* image) {
  const std::size_t count = image->channels.size();
  if (node.kind != YamlNode::Kind::Sequence) {
    reader.Error(node, fmt::format("channels must be a list of {} name{}, one per image channel, got {}", count,
                                   count == 1 ? "" : "s", NodeReader::Describe(node)));
    return false;
  }
  if (node.items.size() != count) {
    reader.Error(node, fmt::format("channels lists {} name{} but the image has {} channel{}", node.items.size(),
                                   node.items.size() == 1 ? "" : "s", count, count == 1 ? "" : "s"));
    return false;
  }
  std::vector<std::string> names;
  bool ok = true;
  for (const YamlNode* item : node.items) {
    auto name = reader.Text(*item, "channel name", limits::kMaxLabelChars, true);
    ok = ok && name.has_value();
    names.push_back(name.value_or(""));
  }
  if (!ok) return false;
  image->names = std::move(names);
  return true;
}

}  // namespace

bool ImageIsFile(const YamlNode& value) {
  return value.kind == YamlNode::Kind::Mapping && NodeReader::Find(value, "file") != nullptr;
}

std::optional<ImageChannels> ReadImage(NodeReader& reader, const YamlNode& value, const ImageContext& context) {
  if (value.kind != YamlNode::Kind::Mapping) {
    reader.Error(value, fmt::format("image must be a mapping with one of {}, got {}", ListNames(kImageSources),
                                    NodeReader::Describe(value)));
    return std::nullopt;
  }
  reader.CheckKeys(value, kImageKeys);
  const YamlNode::Entry* source = nullptr;
  for (const YamlNode::Entry& entry : value.entries) {
    if (std::find(kImageSources.begin(), kImageSources.end(), entry.key->text) == kImageSources.end()) continue;
    if (source != nullptr) {
      reader.Error(*entry.key, fmt::format("image takes exactly one of {}; '{}' is already given",
                                           ListNames(kImageSources), source->key->text));
      return std::nullopt;
    }
    source = &entry;
  }
  if (source == nullptr) {
    reader.Error(value, fmt::format("image needs one of {}", ListNames(kImageSources)));
    return std::nullopt;
  }
  const YamlNode::Entry* size = NodeReader::Find(value, "size");
  if (size != nullptr && source->key->text != "file") {
    reader.Error(*size->key, fmt::format("'size' applies to image files only; {} sets its own size",
                                         source->key->text == "pattern" ? "a pattern" : "a pixels list"));
    return std::nullopt;
  }
  bool rgb = false;
  if (const YamlNode::Entry* mode = NodeReader::Find(value, "mode")) {
    if (source->key->text != "file") {
      reader.Error(*mode->key, fmt::format("'mode' applies to image files only; {}",
                                           source->key->text == "pattern"
                                               ? "a pattern has one channel"
                                               : "a pixels list gives several channels as [channels][rows][columns]"));
      return std::nullopt;
    }
    auto word = reader.Choice(*mode->value, "image mode", kImageModes);
    if (!word) return std::nullopt;
    rgb = *word == "rgb";
  }
  std::optional<ImageChannels> image;
  if (source->key->text == "pixels") {
    image = ReadPixels(reader, *source->value);
  } else if (source->key->text == "pattern") {
    if (auto grid = ReadPattern(reader, *source->value)) image = ImageChannels{{std::move(*grid)}, {}};
  } else {
    image = ReadImageFile(reader, *source->value, size != nullptr ? size->value : nullptr, rgb, context);
  }
  if (!image) return std::nullopt;
  if (const YamlNode::Entry* names = NodeReader::Find(value, "channels"))
    if (!ReadChannelNames(reader, *names->value, &*image)) return std::nullopt;
  return image;
}

}  // namespace cl
