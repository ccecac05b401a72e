#include "site/generated_sections.h"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "base/number_format.h"
#include "site/number_table.h"
#include "storyboard/captions.h"
#include "storyboard/headings.h"

namespace cl {
namespace {

// People-facing operators, as in the captions.
constexpr const char* kDot = " \u00b7 ";
constexpr const char* kMinus = " \u2212 ";

std::string N(long long v) { return FormatNumberText(static_cast<double>(v)); }

std::string Size(int rows, int cols) { return N(rows) + "\u00d7" + N(cols); }

std::string Floor(const std::string& inner) { return "\u230a" + inner + "\u230b"; }
std::string Ceil(const std::string& inner) { return "\u2308" + inner + "\u2309"; }

// The words of one axis in the formulas: "height" with "top" and "bottom",
// or "width" with "left" and "right".
struct AxisTerms {
  Msg filter, window, image, map, pooled, pad_before, pad_after;
  Msg window_quantity, map_quantity, pooled_quantity;
  Msg pool_window;  // the pooling's own, so its rows never read as the convolution's
};
constexpr AxisTerms kHeightTerms{Msg::cx_term_filter_height, Msg::cx_term_window_height, Msg::cx_term_image_height,
                                 Msg::cx_term_map_height,    Msg::cx_term_pooled_height, Msg::cx_term_padding_top,
                                 Msg::cx_term_padding_bottom, Msg::cx_window_height,     Msg::cx_map_height,
                                 Msg::cx_pooled_height,       Msg::cx_term_pool_window_height};
constexpr AxisTerms kWidthTerms{Msg::cx_term_filter_width, Msg::cx_term_window_width, Msg::cx_term_image_width,
                                Msg::cx_term_map_width,    Msg::cx_term_pooled_width, Msg::cx_term_padding_left,
                                Msg::cx_term_padding_right, Msg::cx_window_width,     Msg::cx_map_width,
                                Msg::cx_pooled_width,       Msg::cx_term_pool_window_width};

void AddConvAxisRows(const ConvAxis& a, const AxisTerms& t, bool dilated, const Messages& m,
                     std::vector<ComplexityRow>* rows) {
  if (a.transposed) {
    // PyTorch's ConvTranspose2d: (in − 1) · stride − 2 · padding + dilation · (filter − 1) + output padding + 1.
    rows->push_back({m.Text(t.map_quantity),
                     fmt::format("({}{}1) \u00b7 {}{}2 \u00b7 {} + {} \u00b7 ({}{}1) + {} + 1", m.Text(t.image), kMinus,
                                 m.Text(Msg::cx_term_stride), kMinus, m.Text(Msg::cx_term_padding), m.Text(Msg::cx_term_dilation),
                                 m.Text(t.filter), kMinus, m.Text(Msg::cx_term_output_padding)),
                     fmt::format("({}{}1) \u00b7 {}{}2 \u00b7 {} + {} \u00b7 ({}{}1) + {} + 1", N(a.in), kMinus, N(a.stride),
                                 kMinus, N(a.crop), N(a.dilation), N(a.kernel), kMinus, N(a.output_padding)),
                     N(a.out)});
    return;
  }
  const std::string window = m.Text(dilated ? t.window : t.filter);
  if (dilated) {
    rows->push_back({m.Text(t.window_quantity),
                     fmt::format("({}{}1) \u00b7 {} + 1", m.Text(t.filter), kMinus, m.Text(Msg::cx_term_dilation)),
                     fmt::format("({}{}1) \u00b7 {} + 1", N(a.kernel), kMinus, N(a.dilation)), N(a.span)});
  }
  rows->push_back({m.Text(t.map_quantity),
                   Floor(fmt::format("({} + {} + {}{}{}) / {}", m.Text(t.image), m.Text(t.pad_before), m.Text(t.pad_after),
                                     kMinus, window, m.Text(Msg::cx_term_stride))) + " + 1",
                   Floor(fmt::format("({} + {} + {}{}{}) / {}", N(a.in), N(a.pad_before), N(a.pad_after), kMinus,
                                     N(a.span), N(a.stride))) + " + 1",
                   N(a.out)});
}

void AddPoolAxisRow(const PoolAxis& a, const AxisTerms& t, Remainder remainder, const Messages& m,
                    std::vector<ComplexityRow>* rows) {
  const std::string map = m.Text(t.map), window = m.Text(t.pool_window), stride = m.Text(Msg::cx_term_pool_stride);
  if (remainder == Remainder::Drop) {
    rows->push_back({m.Text(t.pooled_quantity), Floor(fmt::format("({}{}{}) / {}", map, kMinus, window, stride)) + " + 1",
                     Floor(fmt::format("({}{}{}) / {}", N(a.in), kMinus, N(a.size), N(a.stride))) + " + 1", N(a.out)});
  } else {
    rows->push_back({m.Text(t.pooled_quantity),
                     Ceil(fmt::format("max({}{}{}, 0) / {}", map, kMinus, window, stride)) + " + 1",
                     Ceil(fmt::format("max({}{}{}, 0) / {}", N(a.in), kMinus, N(a.size), N(a.stride))) + " + 1",
                     N(a.out)});
  }
}

TemplateData TableData(const std::string& caption, const Grid& grid, const Messages& m,
                       TableTones tones = TableTones::Signs) {
  return NumberTableData(MakeNumberTable(caption, grid, kMaxTableSide, tones), m);
}

// The grids a stage's group shows after its captions; with several
// filters, those of the group's map (`map`).
TemplateList GroupTables(Stage stage, const BuiltVariant& bv, int map) {
  const bool stacked = FilterCount(*bv.variant) > 1;
  const std::optional<Variant> focused_variant =
      stacked ? std::optional<Variant>(FocusOnFilter(*bv.variant, map)) : std::nullopt;
  const std::optional<VariantResult> focused_result =
      stacked ? std::optional<VariantResult>(FocusOnFilter(bv.result, map)) : std::nullopt;
  const Variant& v = stacked ? *focused_variant : *bv.variant;
  const VariantResult& r = stacked ? *focused_result : bv.result;
  const Messages& m = *bv.story.text;
  TemplateList tables;
  switch (stage) {
    case Stage::Intro:
      for (int c = 0; c < ChannelCount(v); ++c)
        PushMoved(&tables, TableData(ChannelTitle(v, c, m.Text(Msg::table_image, {{"size", Size(v.image->rows, v.image->cols)}}), m),
                                   ChannelAt(v, c), m, TableTones::Picture));
      for (int k = 0; k < FilterCount(v); ++k) {
        const Filter& f = FilterAt(v, k);
        const std::string size = Size(f.weights.rows, f.weights.cols);
        const std::string title = f.bias != 0.0 ? m.Text(Msg::table_filter_bias, {{"filter", f.name}, {"size", size},
                                                                                  {"bias", FormatNumberText(f.bias)}})
                                                : m.Text(Msg::table_filter, {{"filter", f.name}, {"size", size}});
        for (int c = 0; c < SliceCount(f); ++c) PushMoved(&tables, TableData(SliceTitle(v, c, title, m), SliceAt(f, c), m));
      }
      break;
    case Stage::Conv:
      PushMoved(&tables, TableData(m.Text(Msg::table_feature_map, {{"size", Size(r.conv().rows, r.conv().cols)}}), r.conv(), m));
      break;
    case Stage::Activation:
      PushMoved(&tables, TableData(m.Text(Msg::table_activated, {{"activation", ActivationName(v.activation, m)},
                                                                {"size", Size(r.activated().rows, r.activated().cols)}}),
                                 r.activated(), m));
      break;
    case Stage::Pool:
      if (r.pooled()) {
        PushMoved(&tables, TableData(m.Text(v.pool.type == PoolType::Max ? Msg::table_pooled_max : Msg::table_pooled_average,
                                          {{"size", Size(r.pooled()->rows, r.pooled()->cols)}}),
                                   *r.pooled(), m));
      }
      break;
    case Stage::Summary:
      break;
  }
  return tables;
}

TemplateData VariantStepByStep(const BuiltVariant& bv, const std::string& id_prefix) {
  const Variant& v = *bv.variant;
  const std::vector<Beat>& beats = bv.story.beats;
  TemplateData d;
  d.set("sbs_label", v.label);
  d.set("sbs_id", id_prefix + bv.slug);
  TemplateList groups;
  for (std::size_t i = 0; i < beats.size();) {
    Stage stage = beats[i].stage;
    const int map = beats[i].map;
    TemplateData group;
    const bool stacked = FilterCount(v) > 1 && stage != Stage::Intro && stage != Stage::Summary;
    group.set("group_title", stacked ? MapHeading(map, FilterCount(v), beats[i].stage_title, *bv.story.text) : beats[i].stage_title);
    group.set("group_start", std::to_string(i + 1));  // keeps the numbering of the player's steps
    TemplateList captions;
    for (; i < beats.size() && beats[i].stage == stage && beats[i].map == map; ++i) {
      // The page has the room for every term a frame's caption shortens.
      const Beat& b = beats[i];
      captions.push_back(TemplateData("beat_caption", b.full_caption.empty() ? b.caption : b.full_caption));
    }
    SetMoved(&group, "group_beats", std::move(captions));
    SetMoved(&group, "group_tables", GroupTables(stage, bv, map));
    PushMoved(&groups, std::move(group));
  }
  SetMoved(&d, "sbs_groups", std::move(groups));
  return d;
}

}  // namespace

std::string ComplexityIntro(const BuiltLesson& built, const Messages& m) {
  const bool transposed = std::all_of(built.variants.begin(), built.variants.end(),
                                      [](const BuiltVariant& bv) { return bv.variant->conv.transposed; });
  return m.Text(transposed ? Msg::cx_intro_transposed : Msg::cx_intro);
}

std::vector<ComplexityRow> ComplexityRows(const Variant& v, const Complexity& k, const Messages& m) {
  std::vector<ComplexityRow> rows;
  bool dilated = k.rows.dilation > 1 || k.cols.dilation > 1;
  AddConvAxisRows(k.rows, kHeightTerms, dilated, m, &rows);
  AddConvAxisRows(k.cols, kWidthTerms, dilated, m, &rows);
  std::string out_h = N(k.rows.out), out_w = N(k.cols.out);
  std::string k_h = N(k.rows.kernel), k_w = N(k.cols.kernel);
  const std::string filter_h = m.Text(Msg::cx_term_filter_height), filter_w = m.Text(Msg::cx_term_filter_width);
  const std::string map_h = m.Text(Msg::cx_term_map_height), map_w = m.Text(Msg::cx_term_map_width);
  // With channels every term of a filter's size gains the channel count.
  const std::string ch_term = k.channels > 1 ? m.Text(Msg::cx_term_channels) + kDot : std::string();
  const std::string ch = k.channels > 1 ? N(k.channels) + kDot : std::string();
  rows.push_back({m.Text(Msg::cx_weights), ch_term + filter_h + kDot + filter_w, ch + k_h + kDot + k_w, N(k.weights)});
  if (k.rows.transposed) {
    // Each input pixel multiplies every weight; each output cell adds up the products landing on it.
    const std::string image_h = m.Text(Msg::cx_term_image_height), image_w = m.Text(Msg::cx_term_image_width);
    rows.push_back({m.Text(Msg::cx_multiplications), image_h + kDot + image_w + kDot + ch_term + filter_h + kDot + filter_w,
                    N(k.rows.in) + kDot + N(k.cols.in) + kDot + ch + k_h + kDot + k_w, N(k.multiplies)});
    rows.push_back({m.Text(Msg::cx_additions),
                    m.Text(Msg::cx_term_landed_products) + kMinus + m.Text(Msg::cx_term_reached_cells),
                    N(k.landed) + kMinus + N(k.reached), N(k.additions)});
  } else {
    rows.push_back({m.Text(Msg::cx_multiplications), map_h + kDot + map_w + kDot + ch_term + filter_h + kDot + filter_w,
                    out_h + kDot + out_w + kDot + ch + k_h + kDot + k_w, N(k.multiplies)});
    rows.push_back({m.Text(Msg::cx_additions),
                    fmt::format("{}{}{}{}({}{}1)", map_h, kDot, map_w, kDot, m.Text(Msg::cx_term_weights), kMinus),
                    fmt::format("{}{}{}{}({}{}1)", out_h, kDot, out_w, kDot, N(k.weights), kMinus), N(k.additions)});
  }
  const int filters = FilterCount(v);
  if (filters > 1) {
    // The rows above are one filter's; the layer repeats them for each.
    const std::string f = N(filters);
    const std::string term = m.Text(Msg::cx_term_filters);
    // The layer's weights too, which the fully connected layer's (below,
    // counted for every map) are to be set against.
    rows.push_back({m.Text(Msg::cx_all_filters_weights, {{"count", f}}), term + kDot + m.Text(Msg::cx_term_weights),
                    f + kDot + N(k.weights), N(filters * k.weights)});
    rows.push_back({m.Text(Msg::cx_all_filters_multiplications, {{"count", f}}),
                    term + kDot + m.Text(Msg::cx_term_multiplications), f + kDot + N(k.multiplies),
                    N(filters * k.multiplies)});
    rows.push_back({m.Text(Msg::cx_all_filters_additions, {{"count", f}}), term + kDot + m.Text(Msg::cx_term_additions),
                    f + kDot + N(k.additions), N(filters * k.additions)});
  }
  bool bias = false;
  for (int i = 0; i < filters; ++i) bias = bias || FilterAt(v, i).bias != 0.0;
  if (bias) {
    rows.push_back({m.Text(Msg::cx_bias_additions), m.Text(Msg::cx_term_filters) + kDot + map_h + kDot + map_w,
                    N(filters) + kDot + out_h + kDot + out_w, N(filters * k.positions)});
  }
  // What follows the convolution is done on every filter's map.
  const std::string per_map_term = filters > 1 ? m.Text(Msg::cx_term_filters) + kDot : std::string();
  const std::string per_map = filters > 1 ? N(filters) + kDot : std::string();
  if (k.activation_comparisons > 0) {
    rows.push_back({m.Text(Msg::cx_activation_comparisons, {{"activation", ActivationName(v.activation, m)}}),
                    per_map_term + map_h + kDot + map_w, per_map + out_h + kDot + out_w,
                    N(filters * k.activation_comparisons)});
  }
  if (v.activation.type == ActivationType::LeakyRelu) {
    rows.push_back({m.Text(Msg::cx_slope_multiplications), m.Text(Msg::cx_term_negative_cells),
                    m.Text(Msg::cx_cells_of, {{"count", N(k.activation_multiplies)}, {"total", N(filters * k.positions)}}),
                    N(k.activation_multiplies)});
  }
  if (k.pooled) {
    AddPoolAxisRow(k.pool_rows, kHeightTerms, v.pool.remainder, m, &rows);
    AddPoolAxisRow(k.pool_cols, kWidthTerms, v.pool.remainder, m, &rows);
    std::string op = m.Text(v.pool.type == PoolType::Max ? Msg::cx_max_comparisons : Msg::cx_average_additions);
    std::string p_h = N(k.pool_rows.out), p_w = N(k.pool_cols.out);
    const std::string pooled_h = m.Text(Msg::cx_term_pooled_height), pooled_w = m.Text(Msg::cx_term_pooled_width);
    const auto in_brackets = [&](const std::string& s) { return filters > 1 ? "(" + s + ")" : s; };
    if (k.pool_windows_uniform) {
      rows.push_back({op, per_map_term + fmt::format("{}{}{}{}({}{}1)", pooled_h, kDot, pooled_w, kDot,
                                                     m.Text(Msg::cx_term_window_cells), kMinus),
                      per_map + fmt::format("{}{}{}{}({}{}1)", p_h, kDot, p_w, kDot,
                                            N(static_cast<long long>(v.pool.size_h) * v.pool.size_w), kMinus),
                      N(filters * k.pool_operations)});
    } else {
      // Windows clipped at the map's edge cover fewer cells: count them all.
      rows.push_back({op, per_map_term + in_brackets(m.Text(Msg::cx_term_covered_cells) + kMinus + m.Text(Msg::cx_term_windows)),
                      per_map + in_brackets(fmt::format("{}{}{}", N(k.pool_window_cells), kMinus, N(k.pool_filled_windows))),
                      N(filters * k.pool_operations)});
    }
    if (v.pool.type == PoolType::Avg) {
      if (k.pool_filled_windows == k.pool_windows)
        rows.push_back({m.Text(Msg::cx_average_divisions), per_map_term + pooled_h + kDot + pooled_w,
                        per_map + p_h + kDot + p_w, N(filters * k.pool_divisions)});
      else  // a window wholly past the map's edge is 0: nothing to divide
        rows.push_back({m.Text(Msg::cx_average_divisions), per_map_term + m.Text(Msg::cx_term_windows),
                        per_map + N(k.pool_filled_windows), N(filters * k.pool_divisions)});
    }
  }
  rows.push_back({m.Text(Msg::cx_dense_weights),
                  per_map_term + ch_term + m.Text(Msg::cx_term_image_height) + kDot + m.Text(Msg::cx_term_image_width) +
                      kDot + map_h + kDot + map_w,
                  per_map + ch + N(k.rows.in) + kDot + N(k.cols.in) + kDot + out_h + kDot + out_w,
                  N(filters * k.dense_weights)});
  return rows;
}

TemplateData StepByStepData(const BuiltLesson& built, const std::string& id_prefix) {
  TemplateList variants;
  variants.reserve(built.variants.size());  // a list growing copies its items
  for (const BuiltVariant& bv : built.variants) variants.push_back(VariantStepByStep(bv, id_prefix));
  TemplateData d;
  d.set("sbs_intro", built.text->Text(Msg::sbs_intro));
  SetMoved(&d, "sbs_variants", std::move(variants));
  return d;
}

TemplateData ComplexityData(const BuiltLesson& built) {
  const Messages& m = *built.text;
  struct Group {
    std::vector<std::string> labels;
    std::vector<ComplexityRow> rows;
    long long weights = 0, positions = 0, dense = 0;
  };
  std::vector<Group> groups;
  for (const BuiltVariant& bv : built.variants) {
    Complexity k = ComputeComplexity(*bv.variant, bv.result);
    std::vector<ComplexityRow> rows = ComplexityRows(*bv.variant, k, m);
    auto same = [&rows](const Group& g) {
      if (g.rows.size() != rows.size()) return false;
      for (std::size_t i = 0; i < rows.size(); ++i) {
        const ComplexityRow &a = g.rows[i], &b = rows[i];
        if (a.quantity != b.quantity || a.formula != b.formula || a.numbers != b.numbers || a.result != b.result) return false;
      }
      return true;
    };
    auto found = std::find_if(groups.begin(), groups.end(), same);
    if (found != groups.end()) {
      found->labels.push_back(bv.variant->label);
    } else {
      groups.push_back({{bv.variant->label}, std::move(rows), k.weights, k.positions,
                        FilterCount(*bv.variant) * k.dense_weights});
    }
  }
  TemplateList list;
  for (const Group& g : groups) {
    const std::string labels = ListText(g.labels, m);
    TemplateData d;
    d.set("cx_labels", labels);
    d.set("cx_title", m.Text(Msg::cx_title, {{"labels", labels}}));
    d.set("cx_caption", m.Text(Msg::cx_caption, {{"labels", labels}, {"weights", N(g.weights)}, {"positions", N(g.positions)}}));
    d.set("cx_weights", N(g.weights));
    d.set("cx_positions", N(g.positions));
    d.set("cx_dense", N(g.dense));
    TemplateList rows;
    for (const ComplexityRow& r : g.rows) {
      TemplateData row;
      row.set("cx_quantity", r.quantity);
      row.set("cx_formula", r.formula);
      row.set("cx_numbers", r.numbers);
      row.set("cx_result", r.result);
      rows.push_back(std::move(row));
    }
    SetMoved(&d, "cx_rows", std::move(rows));
    list.push_back(std::move(d));
  }
  TemplateData d;
  SetMoved(&d, "cx_groups", std::move(list));
  d.set("cx_intro", ComplexityIntro(built, m));
  d.set("cx_head_quantity", m.Text(Msg::cx_head_quantity));
  d.set("cx_head_formula", m.Text(Msg::cx_head_formula));
  d.set("cx_head_numbers", m.Text(Msg::cx_head_numbers));
  d.set("cx_head_result", m.Text(Msg::cx_head_result));
  return d;
}

}  // namespace cl
