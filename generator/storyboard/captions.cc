#include "storyboard/captions.h"

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "base/number_format.h"
#include "storyboard/settings_text.h"

namespace cl {
namespace {

constexpr std::string_view kDot = "\u00B7";
constexpr std::string_view kTimes = "\u00D7";
constexpr std::string_view kEllipsis = "\u2026";
constexpr std::string_view kArrow = "\u2192";

// Lists longer than this are shortened to their first kShownWhenLong items.
constexpr std::size_t kMaxListed = 9;
constexpr std::size_t kShownWhenLong = 6;

// A value as people read it in a caption: exact when short, else rounded.
std::string Short(double v) { return FormatNumberCompact(v, 6); }

// A factor of a product: negative values in parentheses, "9·(−1)".
std::string Factor(double v) {
  std::string s = Short(v);
  return v < 0 ? "(" + s + ")" : s;
}

// Whether Short(v) shows other digits than v's own.
bool Rounded(double v) { return Short(v) != FormatNumberText(v); }

// " = 11.25", or " ≈ 0.333" when the shown digits are not the exact value,
// or when a term before it was rounded (`terms_rounded`): "100000·1 =
// 99999.5" reads as false.
std::string Result(double v, bool terms_rounded = false) {
  const std::string compact = FormatNumberCompact(v, 8);
  return (compact == FormatNumberText(v) && !terms_rounded ? " = " : " \u2248 ") + compact;
}

std::string Join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += sep;
    out += items[i];
  }
  return out;
}

// Joins items, keeping only the first few and an ellipsis when there are many.
std::string JoinShortened(std::vector<std::string> items, std::string_view sep) {
  if (items.size() > kMaxListed) {
    items.resize(kShownWhenLong);
    items.emplace_back(kEllipsis);
  }
  return Join(items, sep);
}

// "(row, column)"; in a 1-D signal just the column: "3".
std::string Position(const Variant& v, int r, int c) { return IsSignal(v) ? std::to_string(c) : fmt::format("({}, {})", r, c); }

std::string Range(const Messages& m, int first, int last) {
  return first == last ? fmt::format("{}", first) : m.Text(Msg::range, {{"first", first}, {"last", last}});
}

}  // namespace

std::string SpokenNumber(const Messages& m, double v) {
  const std::string compact = FormatNumberCompact(v, 9);
  return compact == FormatNumberText(v) ? compact : m.Text(Msg::about_value, {{"value", compact}});
}

std::string RowsText(const Messages& m, int first, int last) {
  return m.Text(first == last ? Msg::span_row : Msg::span_rows, {{"index", first}, {"range", Range(m, first, last)}});
}

std::string ColumnsText(const Messages& m, int first, int last) {
  return m.Text(first == last ? Msg::span_column : Msg::span_columns, {{"index", first}, {"range", Range(m, first, last)}});
}

namespace {

struct MinMax {
  double min = 0, max = 0;
};
MinMax ValueRange(const std::vector<double>& values) {
  if (values.empty()) return {};
  auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  return {*lo, *hi};
}

std::string ValuesFromTo(const Messages& text, const std::vector<double>& values) {
  const MinMax m = ValueRange(values);
  if (m.min == m.max) return text.Text(Msg::values_all, {{"value", Short(m.min)}});
  return text.Text(Msg::values_from_to, {{"min", Short(m.min)}, {"max", Short(m.max)}});
}

// The values of a grid as a phrase that stands on its own: "values from 0 to
// 9", or "the value 0 in every cell" when there is only one.
std::string ValuesPhrase(const Messages& text, const std::vector<double>& values) {
  const MinMax m = ValueRange(values);
  if (m.min == m.max) return text.Text(Msg::values_one_value, {{"value", Short(m.min)}});
  return text.Text(Msg::values_range, {{"min", Short(m.min)}, {"max", Short(m.max)}});
}

std::string RowValues(const Grid& g, int row) {
  std::vector<std::string> items;
  const int shown = std::min(g.cols, static_cast<int>(kMaxListed) + 1);
  for (int c = 0; c < shown; ++c) items.push_back(Short(g.at(row, c)));
  return JoinShortened(std::move(items), ", ");
}

// The caption of a beat that fills rows [first_row, last_row] of `m`:
// "Row 3: 1, 2, 3" for one row (message `row`), "Rows 2 to 4: values from 1
// to 9" for more (message `rows`).
std::string RowsCaption(const Messages& text, const Grid& m, int first_row, int last_row, Msg row, Msg rows) {
  if (first_row == last_row) return text.Text(row, {{"row", first_row}, {"values", RowValues(m, first_row)}});
  std::vector<double> values(m.values.begin() + static_cast<std::ptrdiff_t>(first_row) * m.cols,
                             m.values.begin() + static_cast<std::ptrdiff_t>(last_row + 1) * m.cols);
  return text.Text(rows, {{"rows", Range(text, first_row, last_row)}, {"values", ValuesPhrase(text, values)}});
}

std::string WeightsText(const Messages& text, const Grid& w) {
  if (w.rows * w.cols > 25) return ValuesFromTo(text, w.values);
  std::vector<std::string> rows;
  for (int r = 0; r < w.rows; ++r) {
    std::vector<std::string> row;
    for (int c = 0; c < w.cols; ++c) row.push_back(Short(w.at(r, c)));
    rows.push_back(Join(row, ", "));
  }
  return Join(rows, " / ");
}

long long CountNegative(const Grid& g) {
  return std::count_if(g.values.begin(), g.values.end(), [](double v) { return v < 0; });
}

// The span [first, last] of image rows (or columns) a window covers, clipped
// to the image; reports whether it reaches into the padding.
struct Span {
  int first = 0, last = -1;
  bool padded = false;
};
Span ImageSpan(int origin, int pad_before, int kernel, int dilation, int image_side) {
  Span s;
  const int first = origin - pad_before;
  const int last = first + (kernel - 1) * dilation;
  s.first = std::max(first, 0);
  s.last = std::min(last, image_side - 1);
  s.padded = first < 0 || last > image_side - 1;
  return s;
}

}  // namespace

std::string CountText(long long n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string SizeText(int rows, int cols) { return fmt::format("{}{}{}", rows, kTimes, cols); }

std::string ActivationName(const ActivationSpec& a, const Messages& m) {
  switch (a.type) {
    case ActivationType::Relu: return m.Text(Msg::activation_relu);
    case ActivationType::LeakyRelu: return m.Text(Msg::activation_leaky_relu);
    case ActivationType::None: break;
  }
  return m.Text(Msg::activation_none);
}

std::string ActivationInSentence(const ActivationSpec& a, const Messages& m) {
  return a.type == ActivationType::None ? m.Text(Msg::paper_settings_no_activation) : ActivationName(a, m);
}

std::string ChannelName(const Variant& v, int c, const Messages& m) {
  const auto k = static_cast<std::size_t>(c);
  return k < v.channel_names.size() ? v.channel_names[k] : m.Text(Msg::channel_default_name, {{"n", c + 1}});
}

std::string ChannelNames(const Variant& v, const Messages& m) {
  std::vector<std::string> names;
  for (int c = 0; c < ChannelCount(v); ++c) names.push_back(ChannelName(v, c, m));
  return ListText(names, m);
}

std::string FilterWeightsText(const Variant& v, const Filter& f, const Messages& m) {
  if (SliceCount(f) == 1) return WeightsText(m, f.weights);
  std::vector<std::string> slices;
  for (int c = 0; c < SliceCount(f); ++c)
    slices.push_back(m.Text(Msg::term_channel, {{"value", WeightsText(m, SliceAt(f, c))}, {"name", ChannelName(v, c, m)}}));
  return Join(slices, "; ");
}

std::string ChannelTitle(const Variant& v, int c, const std::string& title, const Messages& m) {
  if (ChannelCount(v) == 1) return title;
  return m.Text(Msg::table_channel, {{"title", title}, {"name", ChannelName(v, c, m)}});
}

std::string SliceTitle(const Variant& v, int c, const std::string& title, const Messages& m) {
  if (ChannelCount(v) == 1) return title;
  return m.Text(Msg::panel_filter_slice, {{"filter", title}, {"name", ChannelName(v, c, m)}});
}

std::string FilterPanelLabel(const Variant& v, const std::string& label, const Messages& m) {
  if (ChannelCount(v) == 1) return label;
  return m.Text(Msg::panel_filter_slice, {{"filter", label}, {"name", ChannelName(v, 0, m)}});
}

std::string ChannelSumText(const Variant& v, const ConvTrace& t, const Messages& m) {
  std::vector<std::string> terms;
  bool rounded = Rounded(t.bias);
  for (std::size_t c = 0; c < t.channels.size(); ++c) {
    terms.push_back(m.Text(Msg::term_channel, {{"value", Factor(t.channels[c].partial)},
                                               {"name", ChannelName(v, static_cast<int>(c), m)}}));
    rounded = rounded || Rounded(t.channels[c].partial);
  }
  if (t.bias != 0.0) terms.push_back(m.Text(Msg::term_bias, {{"bias", Factor(t.bias)}}));
  return Join(terms, " + ") + Result(t.sum, rounded);
}

namespace {

// Every pixel of every channel, for the intro's range of values.
std::vector<double> ImageValues(const Variant& v) {
  std::vector<double> values;
  for (int c = 0; c < ChannelCount(v); ++c)
    values.insert(values.end(), ChannelAt(v, c).values.begin(), ChannelAt(v, c).values.end());
  return values;
}

// With channels, the intro says what the stack of cards is and that every
// output cell adds up the channels' partial sums.
void AddChannelsSentence(const Variant& v, const Messages& m, BeatText* t) {
  if (ChannelCount(v) == 1) return;
  const std::string sentence = m.Text(Msg::intro_channels, {{"count", ChannelCount(v)},
                                                            {"names", ChannelNames(v, m)},
                                                            {"filter_size", SizeText(v.filter.weights.rows, v.filter.weights.cols)}});
  // The stacked intro's caption may end without a full stop.
  for (std::string* text : {&t->caption, &t->description})
    *text += (!text->empty() && text->back() != '.' ? ". " : " ") + sentence;
}

}  // namespace

BeatText IntroText(const Variant& v, const VariantResult& r, const Messages& m) {
  const Grid& w = v.filter.weights;
  BeatText t;
  // Settings beyond the plainest (no padding, stride 1) change the map's size: say them.
  const ConvSpec& c = v.conv;
  const bool plain = c.pad_top + c.pad_bottom + c.pad_left + c.pad_right == 0 && !c.same && c.stride_h == 1 &&
                     c.stride_w == 1 && c.dilation_h == 1 && c.dilation_w == 1 && !c.transposed;
  const std::string image = SizeText(v.image->rows, v.image->cols), filter_size = SizeText(w.rows, w.cols);
  const std::string map = SizeText(r.conv().rows, r.conv().cols);
  const std::string settings = ConvSettingsWords(c, m);
  t.caption = m.Text(plain ? Msg::intro_caption : Msg::intro_caption_settings,
                     {{"image", image}, {"filter_size", filter_size}, {"filter", v.filter.name},
                      {"settings", settings}, {"map", map}});
  t.description = m.Text(c.transposed ? Msg::intro_description_transposed : Msg::intro_description, {{"image", image},
                                                  {"values", ValuesPhrase(m, ImageValues(v))},
                                                  {"filter_size", filter_size},
                                                  {"filter", v.filter.name},
                                                  {"weights", v.filter.bias != 0.0 ? m.Text(Msg::weights_with_bias, {{"weights", FilterWeightsText(v, v.filter, m)},
                                                                                               {"bias", FormatNumberText(v.filter.bias)}})
                                                                  : FilterWeightsText(v, v.filter, m)},
                                                  {"settings", settings},
                                                  {"map", map}});
  AddChannelsSentence(v, m, &t);
  const bool activated = v.activation.type != ActivationType::None;
  const std::string activation = ActivationName(v.activation, m);
  if (r.pooled()) {
    const std::string pooled = SizeText(r.pooled()->rows, r.pooled()->cols), pool = PoolSettingsWords(v.pool, m);
    t.description += " " + m.Text(activated ? Msg::intro_activation_then_pooling : Msg::intro_then_pooling,
                                  {{"activation", activation}, {"size", pooled}, {"pool", pool}});
  } else if (activated) {
    t.description += " " + m.Text(Msg::intro_activation_follows, {{"activation", activation}});
  }
  return t;
}

ProductText CellProductText(double input, double weight) {
  const auto factor = [](double v) {
    const std::string s = FormatNumberCell(v);
    return v < 0 ? "(" + s + ")" : s;
  };
  return {factor(input) + std::string(kDot), factor(weight)};
}

namespace {

// "The 3×3 filter covers rows 0 to 2 and columns 1 to 3 of the image": where
// one conv cell's window lies, said alike with and without channels.
std::string WindowSentence(const Variant& v, const ConvTrace& tr, const Messages& m) {
  const Grid& w = v.filter.weights;
  const Span rows = ImageSpan(tr.origin_row, v.conv.pad_top, w.rows, v.conv.dilation_h, v.image->rows);
  const Span cols = ImageSpan(tr.origin_col, v.conv.pad_left, w.cols, v.conv.dilation_w, v.image->cols);
  std::string where;
  if (rows.first > rows.last || cols.first > cols.last)
    where = m.Text(Msg::conv_cell_in_padding);
  else
    where = m.Text(rows.padded || cols.padded ? Msg::conv_cell_covers_padded : Msg::conv_cell_covers,
                   {{"rows", RowsText(m, rows.first, rows.last)}, {"cols", ColumnsText(m, cols.first, cols.last)}});
  const bool dilated = v.conv.dilation_h > 1 || v.conv.dilation_w > 1;
  return m.Text(dilated ? Msg::conv_cell_window_dilated : Msg::conv_cell_window,
                {{"filter_size", SizeText(w.rows, w.cols)}, {"where", where}});
}

// A conv cell of a lesson with channels: the caption adds the channels'
// partial sums (the products are in the frame's panel, one grid per channel).
std::string ConvCellChannelsCaption(const Variant& v, const ConvTrace& tr, const std::string& position,
                                    const Messages& m) {
  return m.Text(Msg::conv_cell_channels_caption, {{"position", position}, {"sum", ChannelSumText(v, tr, m)}});
}

BeatText ConvCellChannelsText(const Variant& v, const ConvTrace& tr, const std::string& position, const Messages& m) {
  BeatText t;
  t.caption = ConvCellChannelsCaption(v, tr, position, m);
  std::vector<std::string> partials;
  for (std::size_t c = 0; c < tr.channels.size(); ++c)
    partials.push_back(m.Text(Msg::term_channel, {{"value", SpokenNumber(m, tr.channels[c].partial)},
                                                  {"name", ChannelName(v, static_cast<int>(c), m)}}));
  t.description = WindowSentence(v, tr, m) + " " +
                  m.Text(tr.bias != 0.0 ? Msg::conv_cell_channels_partials_bias : Msg::conv_cell_channels_partials,
                         {{"count", static_cast<long long>(tr.channels.size())},
                          {"names", ChannelNames(v, m)},
                          {"partials", ListText(partials, m)},
                          {"bias", FormatNumberText(tr.bias)},
                          {"sum", SpokenNumber(m, tr.sum)},
                          {"position", position}});
  return t;
}

// A conv cell's caption at `position` (Position of its output cell); a
// long sum shortened with "…" unless `every_term`.
std::string ConvCellCaptionAt(const Variant& v, const ConvTrace& tr, const std::string& position, const Messages& m,
                              bool every_term = false) {
  if (tr.channels.size() > 1) return ConvCellChannelsCaption(v, tr, position, m);
  const Grid& w = v.filter.weights;
  std::vector<std::string> terms;
  const std::size_t taps = tr.inputs.size();
  const std::size_t listed = taps > kMaxListed && !every_term ? kShownWhenLong : taps;
  bool rounded = Rounded(tr.bias);
  for (std::size_t i = 0; i < listed; ++i) {
    terms.push_back(Factor(tr.inputs[i]) + std::string(kDot) + Factor(w.values[i]));
    rounded = rounded || Rounded(tr.inputs[i]) || Rounded(w.values[i]);
  }
  if (listed < taps) terms.emplace_back(kEllipsis);
  if (tr.bias != 0.0) terms.push_back(m.Text(Msg::term_bias, {{"bias", Factor(tr.bias)}}));
  return m.Text(Msg::conv_cell_caption,
                {{"position", position}, {"sum", Join(terms, " + ") + Result(tr.sum, rounded)}});
}

}  // namespace

std::string ConvCellCaption(const Variant& v, const ConvTrace& tr, const Messages& m) {
  return ConvCellCaptionAt(v, tr, Position(v, tr.out_row, tr.out_col), m);
}

BeatText ConvCellText(const Variant& v, const ConvTrace& tr, const Messages& m) {
  const std::string position = Position(v, tr.out_row, tr.out_col);
  if (tr.channels.size() > 1) return ConvCellChannelsText(v, tr, position, m);
  const std::size_t taps = tr.inputs.size();
  BeatText t;
  t.caption = ConvCellCaptionAt(v, tr, position, m);
  if (taps > kMaxListed) t.full_caption = ConvCellCaptionAt(v, tr, position, m, true);
  t.description = WindowSentence(v, tr, m) + " " +
                  m.Count(tr.bias != 0.0 ? Msg::conv_cell_products_bias : Msg::conv_cell_products,
                          static_cast<long long>(taps),
                          {{"sum", SpokenNumber(m, tr.sum)}, {"position", position}, {"bias", FormatNumberText(tr.bias)}});
  return t;
}

namespace {

long long CountOverlaps(const ScatterPartial& p) {
  return std::count_if(p.hits.begin(), p.hits.end(), [](int hits) { return hits > 1; });
}

}  // namespace

BeatText ScatterCellText(const Variant& v, const ScatterTrace& tr, const Messages& m) {
  const Grid& w = v.filter.weights;
  const LandingBlock lands = LandingOf(tr);
  const long long inside = lands.inside;
  const long long cropped = static_cast<long long>(tr.cells.size()) - inside;
  const std::string position = Position(v, tr.in_row, tr.in_col), value = Short(tr.input);
  const ScatterPartial partial = ScatterPartialSums(v, tr.in_row * v.image->cols + tr.in_col + 1);
  const long long overlaps = CountOverlaps(partial);
  // With channels: every channel's value, and its copy of its own slice.
  const bool channels = tr.channels.size() > 1;
  std::vector<std::string> values, spoken, terms;
  for (std::size_t c = 0; channels && c < tr.channels.size(); ++c) {
    const std::string name = ChannelName(v, static_cast<int>(c), m);
    values.push_back(m.Text(Msg::term_channel, {{"value", Short(tr.channels[c].input)}, {"name", name}}));
    spoken.push_back(m.Text(Msg::term_channel, {{"value", FormatNumberText(tr.channels[c].input)}, {"name", name}}));
    terms.push_back(ScatterChannelTerm(v, static_cast<int>(c), tr.channels[c].input, m));
  }
  BeatText t;
  if (inside == 0) {
    t.caption = channels ? m.Text(Msg::scatter_cell_channels_caption_cropped, {{"position", position}, {"values", ListText(values, m)}})
                         : m.Text(Msg::scatter_cell_caption_cropped, {{"position", position}, {"value", value}});
  } else {
    t.caption = channels ? m.Text(Msg::scatter_cell_channels_caption, {{"position", position},
                                                                      {"values", ListText(values, m)},
                                                                      {"terms", Join(terms, " + ")},
                                                                      {"rows", RowsText(m, lands.row0, lands.row1)},
                                                                      {"cols", ColumnsText(m, lands.col0, lands.col1)}})
                         : IsSignal(v) ? m.Text(Msg::scatter_cell_caption_signal,
                                                {{"position", position}, {"value", value}, {"cols", Range(m, lands.col0, lands.col1)}})
                                       : m.Text(Msg::scatter_cell_caption, {{"position", position},
                                                                            {"value", value},
                                                                            {"rows", RowsText(m, lands.row0, lands.row1)},
                                                                            {"cols", ColumnsText(m, lands.col0, lands.col1)}});
    if (cropped > 0) t.caption += "; " + m.Count(Msg::scatter_cropped, cropped);
    if (overlaps > 0) t.caption += "; " + m.Count(Msg::scatter_overlaps, overlaps);
  }
  t.description = channels ? m.Count(Msg::scatter_cell_channels_description, inside,
                                     {{"position", position}, {"values", ListText(spoken, m)}, {"filter_size", SizeText(w.rows, w.cols)}})
                           : m.Count(Msg::scatter_cell_description, inside,
                                     {{"position", position}, {"value", FormatNumberText(tr.input)}, {"filter_size", SizeText(w.rows, w.cols)}});
  if (cropped > 0) t.description += " " + m.Count(Msg::scatter_cropped_description, cropped);
  if (overlaps > 0) t.description += " " + m.Count(Msg::scatter_overlap_description, overlaps);
  if (v.filter.bias != 0.0) t.description += " " + m.Text(Msg::scatter_bias_description, {{"bias", FormatNumberText(v.filter.bias)}});
  return t;
}

BeatText ScatterRowsText(const Variant& v, const VariantResult& r, int first_row, int last_row, const Messages& m) {
  // The output rows the rows' copies reach, clipped to the output.
  const ConvSpec& c = v.conv;
  const int top = std::max(first_row * c.stride_h - c.crop_h, 0);
  const int bottom = std::min(last_row * c.stride_h + (v.filter.weights.rows - 1) * c.dilation_h - c.crop_h, r.conv().rows - 1);
  const std::string rows = top <= bottom ? Range(m, top, bottom) : std::string("\u2013");
  BeatText t;
  t.caption = m.Text(first_row == last_row ? Msg::scatter_row_caption : Msg::scatter_rows_caption,
                     {{"row", Range(m, first_row, last_row)}, {"rows", rows}});
  t.description = m.Text(Msg::scatter_rows_description, {{"row", Range(m, first_row, last_row)},
                                                         {"filter_size", SizeText(v.filter.weights.rows, v.filter.weights.cols)},
                                                         {"stride", StrideWords(c.stride_h, c.stride_w, m)}});
  if (v.filter.bias != 0.0) t.description += " " + m.Text(Msg::scatter_bias_description, {{"bias", FormatNumberText(v.filter.bias)}});
  return t;
}

BeatText ConvRowsText(const Variant& v, const VariantResult& r, int first_row, int last_row, const Messages& m) {
  BeatText t;
  const Grid& map = r.conv();
  t.caption = RowsCaption(m, map, first_row, last_row, Msg::conv_row_caption, Msg::conv_rows_caption);
  const long long cells = static_cast<long long>(last_row - first_row + 1) * map.cols;
  t.description = m.Text(first_row == last_row ? Msg::conv_row_description : Msg::conv_rows_description,
                         {{"filter_size", SizeText(v.filter.weights.rows, v.filter.weights.cols)},
                          {"rows", Range(m, first_row, last_row)},
                          {"stride", StrideWords(v.conv.stride_h, v.conv.stride_w, m)},
                          {"values", m.Count(Msg::n_values, cells)}});
  return t;
}

BeatText ActivationText(const Variant& v, const VariantResult& r, const Messages& m) {
  const long long negative = CountNegative(r.conv());
  const std::string name = ActivationName(v.activation, m);
  const bool leaky = v.activation.type == ActivationType::LeakyRelu;
  BeatText t;
  if (negative == 0)
    t.caption = m.Text(Msg::activation_caption_none_negative, {{"activation", name}});
  else if (leaky)
    t.caption = m.Count(Msg::activation_caption_scales, negative, {{"activation", name}, {"slope", Short(v.activation.slope)}});
  else
    t.caption = m.Count(Msg::activation_caption_clears, negative, {{"activation", name}});

  const long long cells = static_cast<long long>(r.conv().rows) * r.conv().cols;
  t.description = m.Count(leaky ? Msg::activation_description_scales : Msg::activation_description_clears, negative,
                          {{"activation", name},
                           {"slope", FormatNumberText(v.activation.slope)},
                           {"size", SizeText(r.conv().rows, r.conv().cols)},
                           {"cells", cells},
                           {"values", ValuesPhrase(m, r.activated().values)}});
  return t;
}

BeatText PoolCellText(const Variant& v, const VariantResult& r, const PoolTrace& tr, const Messages& m) {
  const Grid& a = r.activated();
  const int count = (tr.row_end - tr.row_begin) * (tr.col_end - tr.col_begin);
  const std::string at = Position(v, tr.out_row, tr.out_col);
  BeatText t;
  if (count <= 0) {
    t.caption = m.Text(Msg::pool_cell_empty_caption, {{"position", at}});
    t.description = m.Text(Msg::pool_cell_empty_description, {{"position", at}});
    return t;
  }
  // Every value of the window; the caption lists the first few of a long
  // one (kMaxListed + 1 looked at), and its "≈" says whether those are rounded.
  std::vector<std::string> items;
  std::size_t first_rounded = static_cast<std::size_t>(count);  // none
  for (int row = tr.row_begin; row < tr.row_end; ++row)
    for (int col = tr.col_begin; col < tr.col_end; ++col) {
      if (first_rounded == static_cast<std::size_t>(count) && Rounded(a.at(row, col))) first_rounded = items.size();
      items.push_back(Short(a.at(row, col)));
    }
  const bool max = v.pool.type == PoolType::Max;
  // A maximum is one of the values itself: exact however the others were
  // rounded (an average of rounded values is not).
  const auto caption = [&](const std::string& values, std::size_t looked_at) {
    return m.Text(max ? Msg::pool_cell_caption_max : Msg::pool_cell_caption_average,
                  {{"values", values}, {"result", Result(tr.value, first_rounded < looked_at && !max)}, {"position", at}});
  };
  if (items.size() > kMaxListed) t.full_caption = caption(Join(items, ", "), items.size());
  const std::size_t looked_at = std::min(items.size(), kMaxListed + 1);
  t.caption = caption(JoinShortened(std::move(items), ", "), looked_at);

  const bool clipped = tr.row_end - tr.row_begin < v.pool.size_h || tr.col_end - tr.col_begin < v.pool.size_w;
  const Msg key = max ? (clipped ? Msg::pool_cell_description_max_clipped : Msg::pool_cell_description_max)
                      : (clipped ? Msg::pool_cell_description_average_clipped : Msg::pool_cell_description_average);
  t.description = m.Count(key, count,
                          {{"size", SizeText(v.pool.size_h, v.pool.size_w)},
                           {"rows", RowsText(m, tr.row_begin, tr.row_end - 1)},
                           {"cols", ColumnsText(m, tr.col_begin, tr.col_end - 1)},
                           {"value", SpokenNumber(m, tr.value)},
                           {"winner", Position(v, tr.winner_row, tr.winner_col)},
                           {"position", at}});
  return t;
}

BeatText PoolRowsText(const Variant& v, const VariantResult& r, int first_row, int last_row, const Messages& m) {
  const Grid& p = *r.pooled();
  BeatText t;
  t.caption = RowsCaption(m, p, first_row, last_row, Msg::pool_row_caption, Msg::pool_rows_caption);
  const long long cells = static_cast<long long>(last_row - first_row + 1) * p.cols;
  const bool max = v.pool.type == PoolType::Max, one_row = first_row == last_row;
  const Msg key = max ? (one_row ? Msg::pool_row_description_max : Msg::pool_rows_description_max)
                      : (one_row ? Msg::pool_row_description_average : Msg::pool_rows_description_average);
  t.description = m.Text(key, {{"settings", PoolSettingsWords(v.pool, m)},
                               {"rows", Range(m, first_row, last_row)},
                               {"values", m.Count(Msg::n_values, cells)}});
  return t;
}

BeatText SummaryText(const Variant& v, const VariantResult& r, const Messages& m) {
  std::vector<std::string> steps = {m.Text(Msg::summary_image, {{"size", SizeText(v.image->rows, v.image->cols)}}),
                                    m.Text(Msg::summary_feature_map, {{"size", SizeText(r.conv().rows, r.conv().cols)}})};
  if (v.activation.type != ActivationType::None) steps.push_back(ActivationName(v.activation, m));
  if (r.pooled())
    steps.push_back(m.Text(v.pool.type == PoolType::Max ? Msg::summary_pooled_max : Msg::summary_pooled_average,
                           {{"size", SizeText(r.pooled()->rows, r.pooled()->cols)}}));
  BeatText t;
  t.caption = Join(steps, fmt::format(" {} ", kArrow));

  t.description = m.Text(Msg::summary_description, {{"filter", v.filter.name},
                                                    {"image", SizeText(v.image->rows, v.image->cols)},
                                                    {"map", SizeText(r.conv().rows, r.conv().cols)},
                                                    {"values", ValuesPhrase(m, r.conv().values)}});
  const long long negative = CountNegative(r.conv());
  const std::string activation = ActivationName(v.activation, m);
  if (v.activation.type != ActivationType::None && negative == 0)
    t.description += "; " + m.Text(Msg::summary_activation_none_negative, {{"activation", activation}});
  else if (v.activation.type == ActivationType::Relu)
    t.description += "; " + m.Count(Msg::summary_activation_clears, negative, {{"activation", activation}});
  else if (v.activation.type == ActivationType::LeakyRelu)
    t.description += "; " + m.Count(Msg::summary_activation_scales, negative,
                                    {{"activation", activation}, {"slope", FormatNumberText(v.activation.slope)}});
  if (r.pooled()) {
    const Grid& p = *r.pooled();
    std::string values;
    if (p.rows * p.cols <= 16) {
      std::vector<std::string> items;
      for (double x : p.values) items.push_back(SpokenNumber(m, x));
      values = Join(items, ", ");
    } else {
      values = ValuesPhrase(m, p.values);
    }
    t.description += "; " + m.Text(Msg::summary_pooling, {{"size", SizeText(p.rows, p.cols)},
                                                          {"settings", PoolSettingsWords(v.pool, m)},
                                                          {"values", values}});
  }
  t.description += ".";
  return t;
}

std::string StackedFilterLabel(const Variant& v, int map, const Messages& m) {
  const Filter& f = FilterAt(v, map);
  const MsgArgs args = {{"k", map + 1}, {"n", FilterCount(v)}, {"name", f.name}, {"bias", Short(f.bias)}};
  return m.Text(f.bias != 0.0 ? Msg::stack_filter_label_bias : Msg::stack_filter_label, args);
}

std::string ProductsLabel(double bias, const Messages& m) {
  return bias != 0.0 ? m.Text(Msg::panel_products_bias, {{"bias", Factor(bias)}}) : m.Text(Msg::panel_products);
}

std::string ScatterChannelTerm(const Variant& v, int c, double input, const Messages& m) {
  return m.Text(Msg::scatter_channel_term, {{"value", Factor(input)}, {"name", ChannelName(v, c, m)}});
}

std::string ScaledCopyLabel(double bias, const Messages& m) {
  return bias != 0.0 ? m.Text(Msg::panel_scaled_copy_bias, {{"bias", Short(bias)}}) : m.Text(Msg::panel_scaled_copy);
}

std::string StackBudgetWarning(int walked, const std::string& warning) {
  if (walked == 1) return warning;
  return fmt::format("the {} maps share max between them; for each map, {}", walked, warning);
}

BeatText StackIntroText(const Variant& v, const VariantResult& r, const Messages& m) {
  const int maps = FilterCount(v);
  const Grid& w = v.filter.weights;
  const ConvSpec& c = v.conv;
  const bool plain = c.pad_top + c.pad_bottom + c.pad_left + c.pad_right == 0 && !c.same && c.stride_h == 1 &&
                     c.stride_w == 1 && c.dilation_h == 1 && c.dilation_w == 1 && !c.transposed;
  const std::string image = SizeText(v.image->rows, v.image->cols);
  const std::string filters = m.Count(Msg::n_filters, maps);
  const std::string map = SizeText(r.conv().rows, r.conv().cols);
  const std::string settings = ConvSettingsWords(c, m);
  BeatText t;
  t.caption = m.Text(plain ? Msg::stack_intro_caption : Msg::stack_intro_caption_settings,
                     {{"image", image}, {"filters", filters}, {"filter_size", SizeText(w.rows, w.cols)},
                      {"settings", settings}, {"count", maps}, {"map", map}});
  std::vector<std::string> each;
  for (int k = 0; k < maps; ++k) {
    const Filter& f = FilterAt(v, k);
    each.push_back(m.Text(Msg::stack_intro_filter, {{"k", k + 1},
                                                    {"name", f.name},
                                                    {"weights", FilterWeightsText(v, f, m)},
                                                    {"bias", FormatNumberText(f.bias)}}));
  }
  t.description = m.Text(Msg::stack_intro_description,
                         {{"image", image}, {"values", ValuesPhrase(m, ImageValues(v))}, {"filters", filters},
                          {"filter_size", SizeText(w.rows, w.cols)}, {"settings", settings}, {"map", map},
                          {"maps", Join(each, "; ")}});
  const bool activation = v.activation.type != ActivationType::None;
  const std::string name = ActivationName(v.activation, m);
  if (r.pooled()) {
    const MsgArgs args = {{"activation", name},
                          {"size", SizeText(r.pooled()->rows, r.pooled()->cols)},
                          {"pool", PoolSettingsWords(v.pool, m)}};
    t.description += " " + m.Text(activation ? Msg::stack_intro_activation_pooling : Msg::stack_intro_pooling, args);
  } else if (activation) {
    t.description += " " + m.Text(Msg::stack_intro_activation, {{"activation", name}});
  }
  AddChannelsSentence(v, m, &t);
  return t;
}

BeatText StackSummaryText(const Variant& v, const VariantResult& r, const Messages& m) {
  const int maps = FilterCount(v);
  const std::string image = SizeText(v.image->rows, v.image->cols);
  const std::string map = SizeText(r.conv().rows, r.conv().cols);
  std::vector<std::string> steps = {m.Text(Msg::summary_image, {{"size", image}}),
                                    m.Text(Msg::stack_summary_maps, {{"count", maps}, {"size", map}})};
  if (v.activation.type != ActivationType::None) steps.push_back(ActivationName(v.activation, m));
  if (r.pooled())
    steps.push_back(m.Text(v.pool.type == PoolType::Max ? Msg::stack_summary_pooled_max : Msg::stack_summary_pooled_average,
                           {{"count", maps}, {"size", SizeText(r.pooled()->rows, r.pooled()->cols)}}));
  BeatText t;
  t.caption = Join(steps, fmt::format(" {} ", kArrow));
  std::vector<std::string> parts;
  for (int k = 0; k < maps && k < static_cast<int>(r.maps.size()); ++k) {
    const FilterMaps& fm = r.maps[static_cast<std::size_t>(k)];
    const Grid& out = fm.pooled ? *fm.pooled : fm.activated;
    parts.push_back(m.Text(Msg::stack_summary_map, {{"k", k + 1},
                                                    {"name", FilterAt(v, k).name},
                                                    {"conv_values", ValuesPhrase(m, fm.conv.values)},
                                                    {"values", ValuesPhrase(m, out.values)}}));
  }
  t.description = m.Text(Msg::stack_summary_description,
                         {{"count", maps}, {"image", image}, {"map", map}, {"maps", Join(parts, "; ")}});
  return t;
}

}  // namespace cl
