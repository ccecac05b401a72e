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

// " = 11.25", or " ≈ 0.333" when the shown digits are not the exact value.
std::string Result(double v) {
  const std::string compact = FormatNumberCompact(v, 8);
  return (compact == FormatNumberText(v) ? " = " : " \u2248 ") + compact;
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

std::string Position(int r, int c) { return fmt::format("({}, {})", r, c); }

std::string Range(int first, int last) {
  return first == last ? fmt::format("{}", first) : fmt::format("{} to {}", first, last);
}

struct MinMax {
  double min = 0, max = 0;
};
MinMax ValueRange(const std::vector<double>& values) {
  if (values.empty()) return {};
  auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  return {*lo, *hi};
}

std::string ValuesFromTo(const std::vector<double>& values) {
  const MinMax m = ValueRange(values);
  if (m.min == m.max) return "all " + Short(m.min);
  return "from " + Short(m.min) + " to " + Short(m.max);
}

// The values of a grid as a phrase that stands on its own: "values from 0 to
// 9", or "the value 0 in every cell" when there is only one.
std::string ValuesPhrase(const std::vector<double>& values) {
  const MinMax m = ValueRange(values);
  if (m.min == m.max) return "the value " + Short(m.min) + " in every cell";
  return "values " + ValuesFromTo(values);
}

std::string RowValues(const Grid& g, int row) {
  std::vector<std::string> items;
  const int shown = std::min(g.cols, static_cast<int>(kMaxListed) + 1);
  for (int c = 0; c < shown; ++c) items.push_back(Short(g.at(row, c)));
  return JoinShortened(std::move(items), ", ");
}

// The caption of a beat that fills rows [first_row, last_row] of `m`:
// "<row> 3: 1, 2, 3" for one row, "<rows> 2 to 4: values from 1 to 9" for more.
std::string RowsCaption(const Grid& m, int first_row, int last_row, std::string_view row, std::string_view rows) {
  if (first_row == last_row) return fmt::format("{} {}: {}", row, first_row, RowValues(m, first_row));
  std::vector<double> values(m.values.begin() + static_cast<std::ptrdiff_t>(first_row) * m.cols,
                             m.values.begin() + static_cast<std::ptrdiff_t>(last_row + 1) * m.cols);
  return fmt::format("{} {}: {}", rows, Range(first_row, last_row), ValuesPhrase(values));
}

std::string PoolName(const PoolSpec& p) { return p.type == PoolType::Max ? "max" : "average"; }

std::string WeightsText(const Grid& w) {
  if (w.rows * w.cols > 25) return ValuesFromTo(w.values);
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

std::string ActivationName(const ActivationSpec& a) {
  switch (a.type) {
    case ActivationType::Relu: return "ReLU";
    case ActivationType::LeakyRelu: return "Leaky ReLU";
    case ActivationType::None: break;
  }
  return "No activation";
}

BeatText IntroText(const Variant& v, const VariantResult& r) {
  const Grid& w = v.filter.weights;
  BeatText t;
  // Settings beyond the plainest (no padding, stride 1) change the map's size: say them.
  const ConvSpec& c = v.conv;
  const bool plain = c.pad_top + c.pad_bottom + c.pad_left + c.pad_right == 0 && !c.same && c.stride_h == 1 &&
                     c.stride_w == 1 && c.dilation_h == 1 && c.dilation_w == 1;
  t.caption = fmt::format("A {} image and the {} {} filter{}: the feature map will be {}",
                          SizeText(v.image.rows, v.image.cols), SizeText(w.rows, w.cols), v.filter.name,
                          plain ? std::string() : " (" + ConvSettingsWords(c) + ")", SizeText(r.conv.rows, r.conv.cols));
  t.description = fmt::format(
      "A {} image with {} and the {} {} filter (weights {}{}). The filter slides over the image with {}, so the "
      "feature map is {}.",
      SizeText(v.image.rows, v.image.cols), ValuesPhrase(v.image.values), SizeText(w.rows, w.cols), v.filter.name,
      WeightsText(w), v.filter.bias != 0.0 ? ", bias " + FormatNumberText(v.filter.bias) : std::string(),
      ConvSettingsWords(v.conv), SizeText(r.conv.rows, r.conv.cols));
  if (v.activation.type != ActivationType::None)
    t.description += fmt::format(" {} follows", ActivationName(v.activation));
  if (r.pooled)
    t.description += fmt::format("{} pooling to a {} map: {}", v.activation.type != ActivationType::None ? ", then" : " Then",
                                 SizeText(r.pooled->rows, r.pooled->cols), PoolSettingsWords(v.pool));
  if (v.activation.type != ActivationType::None || r.pooled) t.description += ".";
  return t;
}

ProductText CellProductText(double input, double weight) {
  const auto factor = [](double v) {
    const std::string s = FormatNumberCell(v);
    return v < 0 ? "(" + s + ")" : s;
  };
  return {factor(input) + std::string(kDot), factor(weight)};
}

BeatText ConvCellText(const Variant& v, const ConvTrace& tr) {
  const Grid& w = v.filter.weights;
  std::vector<std::string> terms;
  const std::size_t taps = tr.inputs.size();
  const std::size_t listed = taps > kMaxListed ? kShownWhenLong : taps;
  for (std::size_t i = 0; i < listed; ++i)
    terms.push_back(Factor(tr.inputs[i]) + std::string(kDot) + Factor(w.values[i]));
  if (listed < taps) terms.emplace_back(kEllipsis);

  BeatText t;
  if (tr.bias != 0.0) terms.push_back("bias " + Factor(tr.bias));
  t.caption = fmt::format("Position {}: {}{}", Position(tr.out_row, tr.out_col), Join(terms, " + "), Result(tr.sum));

  const Span rows = ImageSpan(tr.origin_row, v.conv.pad_top, w.rows, v.conv.dilation_h, v.image.rows);
  const Span cols = ImageSpan(tr.origin_col, v.conv.pad_left, w.cols, v.conv.dilation_w, v.image.cols);
  std::string where;
  if (rows.first > rows.last || cols.first > cols.last)
    where = "lies wholly in the zero padding";
  else
    where = fmt::format("covers rows {} and columns {} of the image{}", Range(rows.first, rows.last),
                        Range(cols.first, cols.last), rows.padded || cols.padded ? " and reaches into the zero padding" : "");
  const bool dilated = v.conv.dilation_h > 1 || v.conv.dilation_w > 1;
  t.description = fmt::format(
      "The {} filter {}{}. Each pixel it reads is multiplied by the weight over it, and the {}{} add up to {}, "
      "the feature map's value at {}.",
      SizeText(w.rows, w.cols), where, dilated ? ", reading only the pixels its dilated weights land on" : "",
      CountText(static_cast<long long>(taps), "product", "products"),
      tr.bias != 0.0 ? " and the filter's bias of " + FormatNumberText(tr.bias) : std::string(),
      FormatNumberText(tr.sum), Position(tr.out_row, tr.out_col));
  return t;
}

BeatText ConvRowsText(const Variant& v, const VariantResult& r, int first_row, int last_row) {
  BeatText t;
  const Grid& m = r.conv;
  t.caption = RowsCaption(m, first_row, last_row, "Row", "Rows");
  const long long cells = static_cast<long long>(last_row - first_row + 1) * m.cols;
  t.description = fmt::format(
      "The {} filter slides along output {} {} with {} and writes {} of the feature map.",
      SizeText(v.filter.weights.rows, v.filter.weights.cols), first_row == last_row ? "row" : "rows",
      Range(first_row, last_row), StrideWords(v.conv.stride_h, v.conv.stride_w), CountText(cells, "value", "values"));
  return t;
}

BeatText ActivationText(const Variant& v, const VariantResult& r) {
  const long long negative = CountNegative(r.conv);
  const std::string name = ActivationName(v.activation);
  const bool leaky = v.activation.type == ActivationType::LeakyRelu;
  BeatText t;
  if (negative == 0)
    t.caption = name + " keeps every cell: none is negative";
  else if (leaky)
    t.caption = fmt::format("{} scales the {} by {}", name, CountText(negative, "negative cell", "negative cells"),
                            Short(v.activation.slope));
  else
    t.caption = fmt::format("{} clears the {} to 0", name, CountText(negative, "negative cell", "negative cells"));

  const long long cells = static_cast<long long>(r.conv.rows) * r.conv.cols;
  t.description = fmt::format(
      "{} {} every negative value of the {} feature map and keeps the others; {} of its {} cells {} negative, so the "
      "activated map holds {}.",
      name, leaky ? fmt::format("multiplies by {}", FormatNumberText(v.activation.slope)) : std::string("clears to 0"),
      SizeText(r.conv.rows, r.conv.cols), negative, cells, negative == 1 ? "was" : "were",
      ValuesPhrase(r.activated.values));
  return t;
}

BeatText PoolCellText(const Variant& v, const VariantResult& r, const PoolTrace& tr) {
  const Grid& a = r.activated;
  const int count = (tr.row_end - tr.row_begin) * (tr.col_end - tr.col_begin);
  const std::string at = Position(tr.out_row, tr.out_col);
  BeatText t;
  if (count <= 0) {
    t.caption = fmt::format("Empty window at {}: 0", at);
    t.description = fmt::format("The pooling window for {} lies wholly past the edge of the map, so its value is 0.", at);
    return t;
  }
  std::vector<std::string> items;
  for (int row = tr.row_begin; row < tr.row_end && items.size() <= kMaxListed; ++row)
    for (int col = tr.col_begin; col < tr.col_end && items.size() <= kMaxListed; ++col)
      items.push_back(Short(a.at(row, col)));
  const bool max = v.pool.type == PoolType::Max;
  t.caption = fmt::format("{} of {}{} at {}", max ? "Max" : "Average", JoinShortened(std::move(items), ", "),
                          Result(tr.value), at);

  const bool clipped = tr.row_end - tr.row_begin < v.pool.size_h || tr.col_end - tr.col_begin < v.pool.size_w;
  const std::string which =
      max ? fmt::format("the largest of its {}, {} at {},", CountText(count, "value", "values"),
                        FormatNumberText(tr.value), Position(tr.winner_row, tr.winner_col))
          : fmt::format("the average of its {}, {},", CountText(count, "value", "values"), FormatNumberText(tr.value));
  t.description = fmt::format(
      "The {} pooling window covers rows {} and columns {} of the activated map{}; {} becomes the pooled value at {}.",
      SizeText(v.pool.size_h, v.pool.size_w), Range(tr.row_begin, tr.row_end - 1), Range(tr.col_begin, tr.col_end - 1),
      clipped ? ", clipped at its edge" : "", which, at);
  return t;
}

BeatText PoolRowsText(const Variant& v, const VariantResult& r, int first_row, int last_row) {
  const Grid& p = *r.pooled;
  BeatText t;
  t.caption = RowsCaption(p, first_row, last_row, "Pooled row", "Pooled rows");
  const long long cells = static_cast<long long>(last_row - first_row + 1) * p.cols;
  t.description = fmt::format("Pooling ({}) fills pooled {} {}: {}, each the {} of its window on the activated map.",
                              PoolSettingsWords(v.pool), first_row == last_row ? "row" : "rows", Range(first_row, last_row),
                              CountText(cells, "value", "values"), v.pool.type == PoolType::Max ? "largest" : "average");
  return t;
}

BeatText SummaryText(const Variant& v, const VariantResult& r) {
  std::vector<std::string> steps = {SizeText(v.image.rows, v.image.cols) + " image",
                                    SizeText(r.conv.rows, r.conv.cols) + " feature map"};
  if (v.activation.type != ActivationType::None) steps.push_back(ActivationName(v.activation));
  if (r.pooled) steps.push_back(fmt::format("{} {}-pooled map", SizeText(r.pooled->rows, r.pooled->cols), PoolName(v.pool)));
  BeatText t;
  t.caption = Join(steps, fmt::format(" {} ", kArrow));

  t.description = fmt::format("The {} filter turned the {} image into a {} feature map with {}",
                              v.filter.name, SizeText(v.image.rows, v.image.cols), SizeText(r.conv.rows, r.conv.cols),
                              ValuesPhrase(r.conv.values));
  const long long negative = CountNegative(r.conv);
  if (v.activation.type == ActivationType::Relu)
    t.description += fmt::format("; ReLU cleared its {}", CountText(negative, "negative cell", "negative cells"));
  else if (v.activation.type == ActivationType::LeakyRelu)
    t.description += fmt::format("; Leaky ReLU scaled its {} by {}", CountText(negative, "negative cell", "negative cells"),
                                 FormatNumberText(v.activation.slope));
  if (r.pooled) {
    const Grid& p = *r.pooled;
    std::string values;
    if (p.rows * p.cols <= 16) {
      std::vector<std::string> items;
      for (double x : p.values) items.push_back(FormatNumberText(x));
      values = Join(items, ", ");
    } else {
      values = ValuesPhrase(p.values);
    }
    t.description += fmt::format("; pooling reduced it to {} ({}): {}", SizeText(p.rows, p.cols), PoolSettingsWords(v.pool),
                                 values);
  }
  t.description += ".";
  return t;
}

std::string StackedFilterLabel(const Variant& v, int map) {
  const Filter& f = FilterAt(v, map);
  return fmt::format("Filter {} of {}: {}{}", map + 1, FilterCount(v), f.name,
                     f.bias != 0.0 ? ", bias " + Short(f.bias) : std::string());
}

std::string ProductsLabel(double bias) {
  const std::string label = "Products pixel\u00B7weight";
  return bias != 0.0 ? label + ", then + bias " + Factor(bias) : label;
}

std::string StackBudgetWarning(int walked, const std::string& warning) {
  if (walked == 1) return warning;
  return fmt::format("the {} maps share max between them; for each map, {}", walked, warning);
}

BeatText StackIntroText(const Variant& v, const VariantResult& r) {
  const int maps = FilterCount(v);
  const Grid& w = v.filter.weights;
  std::vector<std::string> names;
  for (int k = 0; k < maps; ++k) names.push_back(FilterAt(v, k).name);
  const ConvSpec& c = v.conv;
  const bool plain = c.pad_top + c.pad_bottom + c.pad_left + c.pad_right == 0 && !c.same && c.stride_h == 1 &&
                     c.stride_w == 1 && c.dilation_h == 1 && c.dilation_w == 1;
  BeatText t;
  t.caption = fmt::format("A {} image and {} {}{}: {} {} maps, one per filter",
                          SizeText(v.image.rows, v.image.cols), CountText(maps, "filter", "filters"),
                          SizeText(w.rows, w.cols), plain ? std::string() : " (" + ConvSettingsWords(c) + ")",
                          maps, SizeText(r.conv.rows, r.conv.cols));
  std::vector<std::string> filters;
  for (int k = 0; k < maps; ++k) {
    const Filter& f = FilterAt(v, k);
    filters.push_back(fmt::format("map {} from the {} filter (weights {}) plus a bias of {}", k + 1, f.name,
                                  WeightsText(f.weights), FormatNumberText(f.bias)));
  }
  t.description = fmt::format(
      "A {} image with {}, and {} of {}. Each filter slides over the image with {} and makes its own {} map: {}. "
      "The maps stack one behind the other.",
      SizeText(v.image.rows, v.image.cols), ValuesPhrase(v.image.values), CountText(maps, "filter", "filters"),
      SizeText(w.rows, w.cols), ConvSettingsWords(v.conv), SizeText(r.conv.rows, r.conv.cols), Join(filters, "; "));
  if (v.activation.type != ActivationType::None)
    t.description += fmt::format(" {} follows on each map", ActivationName(v.activation));
  if (r.pooled)
    t.description += fmt::format("{} pooling takes each to a {} map: {}",
                                 v.activation.type != ActivationType::None ? ", then" : " Then",
                                 SizeText(r.pooled->rows, r.pooled->cols), PoolSettingsWords(v.pool));
  if (v.activation.type != ActivationType::None || r.pooled) t.description += ".";
  return t;
}

BeatText StackSummaryText(const Variant& v, const VariantResult& r) {
  const int maps = FilterCount(v);
  std::vector<std::string> steps = {SizeText(v.image.rows, v.image.cols) + " image",
                                    fmt::format("{} feature maps {}", maps, SizeText(r.conv.rows, r.conv.cols))};
  if (v.activation.type != ActivationType::None) steps.push_back(ActivationName(v.activation));
  if (r.pooled)
    steps.push_back(fmt::format("{} {}-pooled maps {}", maps, PoolName(v.pool), SizeText(r.pooled->rows, r.pooled->cols)));
  BeatText t;
  t.caption = Join(steps, fmt::format(" {} ", kArrow));
  std::vector<std::string> parts;
  for (int k = 0; k < maps && k < static_cast<int>(r.maps.size()); ++k) {
    const FilterMaps& m = r.maps[static_cast<std::size_t>(k)];
    const Grid& out = m.pooled ? *m.pooled : m.activated;
    parts.push_back(fmt::format("map {} ({}) has {} and ends with {}", k + 1, FilterAt(v, k).name,
                                ValuesPhrase(m.conv.values), ValuesPhrase(out.values)));
  }
  t.description = fmt::format("The {} filters turned the {} image into {} feature maps of {}: {}.",
                              maps, SizeText(v.image.rows, v.image.cols), maps, SizeText(r.conv.rows, r.conv.cols),
                              Join(parts, "; "));
  return t;
}

}  // namespace cl
