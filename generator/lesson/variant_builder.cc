#include "lesson/variant_builder.h"

#include <fmt/format.h>

#include "compute/compute.h"
#include "lesson/limits.h"

namespace cl {
namespace {

template <class T>
const Setting<T>& Pick(const Setting<T>& base, const LessonSettings* own, Setting<T> LessonSettings::*member) {
  if (own != nullptr && (own->*member).given()) return own->*member;
  return base;
}

// What to blame when the conv output would be empty: what the variant wrote
// itself (filter, then conv, then image), else the base's filter.
const YamlNode& ConvCulprit(const LessonSettings& base, const LessonSettings* own) {
  if (own != nullptr) {
    if (own->filter.given()) return *own->filter.value;
    if (own->conv.given()) return *own->conv.value;
    if (own->image.given()) return *own->image.value;
  }
  return *base.filter.value;
}

// What to blame when a transposed convolution's output is empty or too
// large: the conv that asked for it (the variant's own, else the base's).
const YamlNode& TransposedCulprit(const LessonSettings& base, const LessonSettings* own) {
  if (own != nullptr && own->conv.given()) return *own->conv.value;
  if (base.conv.given()) return *base.conv.value;
  return ConvCulprit(base, own);
}

// What to blame when the pool window does not fit: the pool's size as
// written, else whatever the variant changed that shrank the map, else the image.
const YamlNode& PoolCulprit(const LessonSettings& base, const LessonSettings* own) {
  const Setting<PoolSpec>* pool = nullptr;
  if (own != nullptr && own->pool.given()) pool = &own->pool;
  else if (own != nullptr && (own->filter.given() || own->conv.given() || own->image.given())) return ConvCulprit(base, own);
  else if (base.pool.given()) pool = &base.pool;
  if (pool == nullptr) return *base.image.value;
  if (pool->value->kind == YamlNode::Kind::Mapping)
    if (const auto* size = NodeReader::Find(*pool->value, "size")) return *size->value;
  return *pool->value;
}

// The node a filter's weights were written at: item k of a `filters:` list,
// and inside a {name, weights, bias} mapping its weights.
const YamlNode& FilterWeightsNode(const Setting<std::vector<Filter>>& filter, std::size_t k) {
  const YamlNode* node = filter.value;
  if (filter.key->text == "filters" && node->kind == YamlNode::Kind::Sequence && k < node->items.size())
    node = node->items[k];
  if (node->kind == YamlNode::Kind::Mapping)
    if (const auto* weights = NodeReader::Find(*node, "weights")) node = weights->value;
  return *node;
}

// Every filter needs one slice per image channel. Blames the filter, unless
// the variant changed the image and kept the base's filters.
bool CheckChannels(NodeReader& reader, const Variant& v, const Setting<ImageChannels>& image,
                   const Setting<std::vector<Filter>>& filter, const LessonSettings* own) {
  const int channels = ChannelCount(v);
  const bool blame_image = own != nullptr && own->image.given() && !own->filter.given();
  for (std::size_t k = 0; k < v.filters.size(); ++k) {
    const int slices = SliceCount(v.filters[k]);
    if (slices == channels) continue;
    const std::string which = v.filters.size() == 1 ? fmt::format("the filter '{}'", v.filters[k].name)
                                                    : fmt::format("filter {} ('{}')", k + 1, v.filters[k].name);
    const std::string mismatch =
        blame_image ? fmt::format("the image has {} channel{} but {} has {}", channels, channels == 1 ? "" : "s", which,
                                  slices)
                    : fmt::format("{} has {} channel{} but the image has {}", which, slices, slices == 1 ? "" : "s",
                                  channels);
    reader.Error(blame_image ? *image.value : FilterWeightsNode(filter, k),
                 mismatch + "; a filter needs one slice per image channel, its weights written as "
                            "[channels][rows][columns]");
    return false;
  }
  return true;
}

ConvSpec ResolvePadding(const ConvSettings& settings, const Grid& image, const Grid& weights) {
  ConvSpec conv;
  conv.stride_h = settings.stride_h;
  conv.stride_w = settings.stride_w;
  conv.dilation_h = settings.dilation_h;
  conv.dilation_w = settings.dilation_w;
  if (settings.transposed) {  // the padding crops the output; `same` was refused when read
    conv.transposed = true;
    conv.crop_h = settings.pad_h;
    conv.crop_w = settings.pad_w;
    conv.output_padding_h = settings.output_padding_h;
    conv.output_padding_w = settings.output_padding_w;
    return conv;
  }
  switch (settings.padding) {
    case PaddingMode::Valid: break;
    case PaddingMode::Explicit:
      conv.pad_top = conv.pad_bottom = settings.pad_h;
      conv.pad_left = conv.pad_right = settings.pad_w;
      break;
    case PaddingMode::Same: {
      conv.same = true;
      const PadPair rows = SamePadding(image.rows, weights.rows, settings.stride_h, settings.dilation_h);
      const PadPair cols = SamePadding(image.cols, weights.cols, settings.stride_w, settings.dilation_w);
      conv.pad_top = rows.before;
      conv.pad_bottom = rows.after;
      conv.pad_left = cols.before;
      conv.pad_right = cols.after;
      break;
    }
    case PaddingMode::Causal:
      // A 1-D signal's output at t reads only inputs up to t: every padding
      // zero goes before the first value.
      conv.causal = true;
      conv.pad_left = settings.dilation_w * (weights.cols - 1);
      break;
  }
  return conv;
}

}  // namespace

std::optional<Variant> BuildVariant(NodeReader& reader, const LessonSettings& base, const LessonSettings* own,
                                    std::string label, const YamlNode& where) {
  const auto& image = Pick(base.image, own, &LessonSettings::image);
  const auto& filter = Pick(base.filter, own, &LessonSettings::filter);
  const auto& conv = Pick(base.conv, own, &LessonSettings::conv);
  const auto& activation = Pick(base.activation, own, &LessonSettings::activation);
  const auto& pool = Pick(base.pool, own, &LessonSettings::pool);
  // A missing image or filter was reported on the base; an invalid setting where it was read.
  if (!image.parsed || !filter.parsed || conv.failed() || activation.failed() || pool.failed()) return std::nullopt;

  Variant v;
  v.label = std::move(label);
  const ImageChannels& read = *image.parsed;
  v.image = SharedValue<Grid>(read.channels.Share(0));  // the channel itself, not a copy
  if (read.channels.size() > 1) v.channels = read.channels;
  v.channel_names = read.names;
  v.image_from_file = ImageIsFile(*image.value);
  v.filters = *filter.parsed;
  v.filter = v.filters.front();
  v.conv = ResolvePadding(conv.parsed.value_or(ConvSettings{}), v.image, v.filter.weights);
  v.activation = activation.parsed.value_or(ActivationSpec{});
  v.pool = pool.parsed.value_or(PoolSpec{});
  v.where = reader.Where(where);
  if (!CheckChannels(reader, v, image, filter, own)) return std::nullopt;

  if (v.conv.causal && v.image->rows != 1) {
    // Blame the word `causal` (a variant that changed only the image still
    // meets the base's padding there).
    const auto* padding = NodeReader::Find(*conv.value, "padding");
    reader.Error(padding != nullptr ? *padding->value : *conv.value,
                 fmt::format("padding: causal is for a one-row image (a 1-D signal), but this image has {} rows; "
                             "use a number, [rows, columns] or same",
                             v.image->rows));
    return std::nullopt;
  }
  const ConvSpec& c = v.conv;
  const int out_rows = ConvMapRows(v.image, v.filter.weights, c);
  const int out_cols = ConvMapCols(v.image, v.filter.weights, c);
  if (c.transposed && (out_rows < 1 || out_cols < 1)) {
    reader.Error(TransposedCulprit(base, own),
                 fmt::format("the transposed convolution's full output is {}x{}, and padding [{}, {}] crops that many rows "
                             "and columns off each side; the conv output would be empty",
                             out_rows + 2 * c.crop_h - c.output_padding_h, out_cols + 2 * c.crop_w - c.output_padding_w,
                             c.crop_h, c.crop_w));
    return std::nullopt;
  }
  if (c.transposed && (out_rows > limits::kMaxTransposedOutputSide || out_cols > limits::kMaxTransposedOutputSide)) {
    reader.Error(TransposedCulprit(base, own),
                 fmt::format("the transposed convolution's output would be {}x{}, more than {} per side; "
                             "use a smaller image, stride or dilation",
                             out_rows, out_cols, limits::kMaxTransposedOutputSide));
    return std::nullopt;
  }
  if (out_rows < 1 || out_cols < 1) {
    reader.Error(ConvCulprit(base, own),
                 fmt::format("the filter covers {}x{} pixels but the image with its padding is only {}x{}; "
                             "the conv output would be empty",
                             (v.filter.weights.rows - 1) * c.dilation_h + 1, (v.filter.weights.cols - 1) * c.dilation_w + 1,
                             v.image->rows + c.pad_top + c.pad_bottom, v.image->cols + c.pad_left + c.pad_right));
    return std::nullopt;
  }
  if (v.pool.enabled) {
    const PoolSpec& p = v.pool;
    if (PooledSize(out_rows, p.size_h, p.stride_h, p.remainder) < 1 ||
        PooledSize(out_cols, p.size_w, p.stride_w, p.remainder) < 1) {
      reader.Error(PoolCulprit(base, own),
                   fmt::format("the {}x{} pool window is larger than the {}x{} map it pools; "
                               "use a smaller size or pool: none",
                               p.size_h, p.size_w, out_rows, out_cols));
      return std::nullopt;
    }
    // With `pad` and a stride longer than the window, the last window can start past the edge.
    const int pooled_rows = PooledSize(out_rows, p.size_h, p.stride_h, p.remainder);
    const int pooled_cols = PooledSize(out_cols, p.size_w, p.stride_w, p.remainder);
    if ((pooled_rows - 1) * p.stride_h >= out_rows || (pooled_cols - 1) * p.stride_w >= out_cols)
      reader.Warning(PoolCulprit(base, own),
                     fmt::format("the last pool window starts past the edge of the {}x{} map and covers no cell, "
                                 "so its value is 0; use remainder: drop or a stride no larger than the size",
                                 out_rows, out_cols));
  }
  return v;
}

}  // namespace cl
