// Lesson: a validated lesson as plain structs, the loader's output and every
// later stage's input. Nothing here refers to YAML; every value is already
// checked against the contract (docs/lesson-format.md), and every variant is
// fully merged over the base, so consumers never look for defaults.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/grid.h"

namespace cl {

struct Filter {
  std::string name;  // display name: "Vertical edge", "Custom", or the author's
  Grid weights;      // 1..15 per side; with several image channels, channel 0's slice
  double bias = 0.0;  // added to every cell of the filter's map, after the weighted sum
  // With more than one image channel: one k x k slice per channel, [c]
  // (`weights` written as [c][k][k]), slices[0] == weights. Empty for a
  // one-channel filter, whose one slice is `weights`; read it through
  // SliceAt so both cases look the same. (Last, so {name, weights, bias} still reads.)
  std::vector<Grid> slices{};
};

struct ConvSpec {
  // Resolved padding in pixels (for `same` already computed from the rule).
  int pad_top = 0, pad_bottom = 0, pad_left = 0, pad_right = 0;
  bool same = false;  // true when written as `same` (for captions and docs)
  bool causal = false;  // `causal`: a one-row image padded on the left only, by dilation * (k - 1)
  int stride_h = 1, stride_w = 1;
  int dilation_h = 1, dilation_w = 1;
  // `transposed: true`: PyTorch's ConvTranspose2d. Each input cell scatters
  // its value times the filter into the output instead of a window gathering
  // into one cell. The input is never padded (pad_* stay 0): PyTorch's
  // `padding` is crop_*, cut off each side of the full output, and
  // output_padding_* is added at its bottom and right.
  bool transposed = false;
  int crop_h = 0, crop_w = 0;
  int output_padding_h = 0, output_padding_w = 0;
};

enum class ActivationType { Relu, None, LeakyRelu };

struct ActivationSpec {
  ActivationType type = ActivationType::Relu;
  double slope = 0.01;  // leaky-relu only
};

enum class PoolType { Max, Avg };
enum class Remainder { Drop, Pad };

struct PoolSpec {
  bool enabled = true;  // false for `pool: none`
  PoolType type = PoolType::Max;
  int size_h = 2, size_w = 2;
  int stride_h = 2, stride_w = 2;
  Remainder remainder = Remainder::Drop;
};

// One entry of the filter panel: the base lesson is variants[0].
struct Variant {
  std::string label;  // unique within the lesson
  // 1..512 per side; with several channels, channel 0 (shared with
  // `channels`, not a copy). Shared by the variant's copies.
  SharedValue<Grid> image;
  // With more than one channel (`pixels` as [c][h][w], `mode: rgb`): every
  // channel, [c], all of one size, channels[0] == image. Empty for a
  // one-channel image, whose one channel is `image`; read it through
  // ChannelAt. Every filter then has one slice per channel. Shared by the
  // variant's copies and by the variants that share the image.
  GridList channels;
  // The channels' names as written (`channels:`) or R, G, B for `mode: rgb`;
  // empty when not named (frames then say "Channel 1", ...).
  std::vector<std::string> channel_names;
  // Read from an image file: its values are grey levels, 0 black to 255
  // white, so frames draw it on that fixed range rather than on its own.
  bool image_from_file = false;
  // Every filter in the order written, one output map each (`filter:` gives
  // one, `filters:` a list; all the same size).
  std::vector<Filter> filters;
  // The filter whose map the frames draw in front: filters[drawn]. A loaded
  // variant draws filters[0]; FocusOnFilter (compute.h) sets another, so
  // code written for one filter reads `filter` and works on any of them.
  Filter filter;
  int drawn = 0;
  ConvSpec conv;
  ActivationSpec activation;
  PoolSpec pool;
  SourceLocation where;  // the variant's entry (base: the document start)
};

// A variant's image channels and a filter's slices, the same way for one
// channel (image, weights) and several (channels, slices).
inline int ChannelCount(const Variant& v) { return v.channels.empty() ? 1 : static_cast<int>(v.channels.size()); }
// The cells of a variant's image, every channel's.
inline long long ImageCells(const Variant& v) {
  return static_cast<long long>(v.image->rows) * v.image->cols * ChannelCount(v);
}
inline const Grid& ChannelAt(const Variant& v, int c) {
  return v.channels.empty() ? v.image.get() : v.channels.at(static_cast<std::size_t>(c));
}
inline int SliceCount(const Filter& f) { return f.slices.empty() ? 1 : static_cast<int>(f.slices.size()); }
inline const Grid& SliceAt(const Filter& f, int c) {
  return f.slices.empty() ? f.weights : f.slices.at(static_cast<std::size_t>(c));
}

// A 1-D lesson: a one-row image (a signal) and one-row filters. Its frames
// draw strips and its captions name positions by their column alone.
inline bool IsSignal(const Variant& v) {
  // Several channels are drawn as the grid's stack of channel cards.
  if (v.image->rows != 1 || ChannelCount(v) > 1) return false;
  // Padded above or below, a row becomes a grid whose maps have rows: drawn
  // as a signal, its captions said "Position 1" for cells of three rows.
  if (v.conv.pad_top != 0 || v.conv.pad_bottom != 0) return false;
  for (const Filter& f : v.filters)
    if (f.weights.rows != 1) return false;
  return v.filter.weights.rows == 1;
}

enum class BeatsPer { Auto, Cell, Row };

struct BeatsSpec {
  BeatsPer per = BeatsPer::Auto;
  int max = 400;  // 1..2000
  // With several filters, the one map (1-based) whose cells the conv and pool
  // beats walk; 0 (the default): every map in turn, sharing the budget.
  int map = 0;
  SourceLocation where;  // for warnings such as "beats reduced to fit max"
};

// Colour scales of a lesson's frames: each variant on its own range (the
// default, so a variant with small values is not washed out by a larger
// one), or one range shared by every variant when comparing them is the point.
enum class ScaleMode { PerVariant, Shared };

// Where the frames are used, which decides their shape (docs/frames.md):
// `wide` for pages and screens (up to 1280 units wide, landscape), `slides`
// 16:9 at 1920x1080 with larger type, `tall` 390 units wide with the panels
// stacked, for phones and portrait pages.
enum class FrameLayout { Wide, Slides, Tall };
inline const char* FrameLayoutName(FrameLayout layout) {
  return layout == FrameLayout::Slides ? "slides" : layout == FrameLayout::Tall ? "tall" : "wide";
}

enum class SectionKind { Prose, StepByStep, Complexity };

struct Section {
  SectionKind kind = SectionKind::Prose;
  std::string title;  // prose only
  std::string body;   // CommonMark, prose only
};

// What handout.pdf holds: the lesson on one or two sheets, or every beat.
enum class HandoutKind { Brief, Full };

struct Lesson {
  std::string path;     // the lesson file as given
  std::string id;       // ^[a-z0-9][a-z0-9-]{0,63}$
  std::string title;    // plain text, <= 200 characters
  std::string summary;  // may be empty, <= 300 characters
  std::optional<double> order;
  std::optional<HandoutKind> handout;  // the `handout` key; unset: the build's choice (brief)
  bool pdf_frames = false;  // the `pdf_frames` key: a PDF per beat and figures.tex (site/figure_files.h)
  std::vector<Variant> variants;  // at least one; [0] is the base
  BeatsSpec beats;
  ScaleMode scale = ScaleMode::PerVariant;
  std::optional<FrameLayout> layout;  // the lesson's `layout`; unset: the build's (--layout, default wide)
  std::vector<Section> sections;  // without `sections`: the two generated ones
  std::vector<std::string> inputs;  // files read besides the lesson (image files), for rebuild checks
  SourceLocation id_where;  // the id's value, or just the path when the id is the file's stem
};

}  // namespace cl
