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

void AddConvAxisRows(const ConvAxis& a, const char* axis, const char* before, const char* after, bool dilated,
                     std::vector<ComplexityRow>* rows) {
  std::string window = dilated ? fmt::format("window {}", axis) : fmt::format("filter {}", axis);
  if (dilated) {
    rows->push_back({fmt::format("Window {} on the image", axis),
                     fmt::format("(filter {}{}1) \u00b7 dilation + 1", axis, kMinus),
                     fmt::format("({}{}1) \u00b7 {} + 1", N(a.kernel), kMinus, N(a.dilation)), N(a.span)});
  }
  rows->push_back({fmt::format("Feature map {}", axis),
                   Floor(fmt::format("(image {} + padding {} + padding {}{}{}) / stride", axis, before, after, kMinus,
                                     window)) + " + 1",
                   Floor(fmt::format("({} + {} + {}{}{}) / {}", N(a.in), N(a.pad_before), N(a.pad_after), kMinus,
                                     N(a.span), N(a.stride))) + " + 1",
                   N(a.out)});
}

void AddPoolAxisRow(const PoolAxis& a, const char* axis, Remainder remainder, std::vector<ComplexityRow>* rows) {
  if (remainder == Remainder::Drop) {
    rows->push_back({fmt::format("Pooled {}", axis),
                     Floor(fmt::format("(map {}{}window {}) / stride", axis, kMinus, axis)) + " + 1",
                     Floor(fmt::format("({}{}{}) / {}", N(a.in), kMinus, N(a.size), N(a.stride))) + " + 1", N(a.out)});
  } else {
    rows->push_back({fmt::format("Pooled {}", axis),
                     Ceil(fmt::format("max(map {}{}window {}, 0) / stride", axis, kMinus, axis)) + " + 1",
                     Ceil(fmt::format("max({}{}{}, 0) / {}", N(a.in), kMinus, N(a.size), N(a.stride))) + " + 1",
                     N(a.out)});
  }
}

TemplateData TableData(const std::string& caption, const Grid& grid) {
  return NumberTableData(MakeNumberTable(caption, grid));
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
  TemplateList tables;
  switch (stage) {
    case Stage::Intro:
      tables.push_back(TableData(fmt::format("Input image ({})", Size(v.image.rows, v.image.cols)), v.image));
      for (int k = 0; k < FilterCount(v); ++k) {
        const Filter& f = FilterAt(v, k);
        const std::string bias = f.bias != 0.0 ? fmt::format(", bias {}", FormatNumberText(f.bias)) : std::string();
        tables.push_back(TableData(fmt::format("Filter: {} ({}{})", f.name, Size(f.weights.rows, f.weights.cols), bias),
                                   f.weights));
      }
      break;
    case Stage::Conv:
      tables.push_back(TableData(fmt::format("Feature map ({})", Size(r.conv.rows, r.conv.cols)), r.conv));
      break;
    case Stage::Activation:
      tables.push_back(TableData(fmt::format("After {} ({})", ActivationName(v.activation), Size(r.activated.rows, r.activated.cols)),
                                 r.activated));
      break;
    case Stage::Pool:
      if (r.pooled) {
        tables.push_back(TableData(fmt::format("After {} pooling ({})", v.pool.type == PoolType::Max ? "max" : "average",
                                               Size(r.pooled->rows, r.pooled->cols)),
                                   *r.pooled));
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
    group.set("group_title", stacked ? MapHeading(map, FilterCount(v), beats[i].stage_title) : beats[i].stage_title);
    group.set("group_start", std::to_string(i + 1));  // keeps the numbering of the player's steps
    TemplateList captions;
    for (; i < beats.size() && beats[i].stage == stage && beats[i].map == map; ++i) {
      captions.push_back(TemplateData("beat_caption", beats[i].caption));
    }
    group.set("group_beats", captions);
    group.set("group_tables", GroupTables(stage, bv, map));
    groups.push_back(group);
  }
  d.set("sbs_groups", groups);
  return d;
}

}  // namespace

std::vector<ComplexityRow> ComplexityRows(const Variant& v, const Complexity& k) {
  std::vector<ComplexityRow> rows;
  bool dilated = k.rows.dilation > 1 || k.cols.dilation > 1;
  AddConvAxisRows(k.rows, "height", "top", "bottom", dilated, &rows);
  AddConvAxisRows(k.cols, "width", "left", "right", dilated, &rows);
  std::string out_h = N(k.rows.out), out_w = N(k.cols.out);
  std::string k_h = N(k.rows.kernel), k_w = N(k.cols.kernel);
  rows.push_back({"Weights in the filter", "filter height \u00b7 filter width", k_h + kDot + k_w, N(k.weights)});
  rows.push_back({"Multiplications", "map height \u00b7 map width \u00b7 filter height \u00b7 filter width",
                  out_h + kDot + out_w + kDot + k_h + kDot + k_w, N(k.multiplies)});
  rows.push_back({"Additions", fmt::format("map height \u00b7 map width \u00b7 (weights{}1)", kMinus),
                  fmt::format("{}{}{}{}({}{}1)", out_h, kDot, out_w, kDot, N(k.weights), kMinus), N(k.additions)});
  const int filters = FilterCount(v);
  if (filters > 1) {
    // The rows above are one filter's; the layer repeats them for each.
    const std::string f = N(filters);
    rows.push_back({fmt::format("Multiplications for all {} filters", f), "filters \u00b7 multiplications",
                    f + kDot + N(k.multiplies), N(filters * k.multiplies)});
    rows.push_back({fmt::format("Additions for all {} filters", f), "filters \u00b7 additions",
                    f + kDot + N(k.additions), N(filters * k.additions)});
  }
  bool bias = false;
  for (int i = 0; i < filters; ++i) bias = bias || FilterAt(v, i).bias != 0.0;
  if (bias) {
    rows.push_back({"Additions of the bias", "filters \u00b7 map height \u00b7 map width",
                    N(filters) + kDot + out_h + kDot + out_w, N(filters * k.positions)});
  }
  if (k.activation_comparisons > 0) {
    rows.push_back({fmt::format("{} comparisons with 0", ActivationName(v.activation)), "map height \u00b7 map width",
                    out_h + kDot + out_w, N(k.activation_comparisons)});
  }
  if (v.activation.type == ActivationType::LeakyRelu) {
    rows.push_back({"Multiplications by the slope", "negative cells of the feature map",
                    fmt::format("{} of {} cells", N(k.activation_multiplies), N(k.positions)), N(k.activation_multiplies)});
  }
  if (k.pooled) {
    AddPoolAxisRow(k.pool_rows, "height", v.pool.remainder, &rows);
    AddPoolAxisRow(k.pool_cols, "width", v.pool.remainder, &rows);
    std::string op = v.pool.type == PoolType::Max ? "Comparisons in max pooling" : "Additions in average pooling";
    std::string p_h = N(k.pool_rows.out), p_w = N(k.pool_cols.out);
    if (k.pool_windows_uniform) {
      rows.push_back({op, fmt::format("pooled height \u00b7 pooled width \u00b7 (window cells{}1)", kMinus),
                      fmt::format("{}{}{}{}({}{}1)", p_h, kDot, p_w, kDot,
                                  N(static_cast<long long>(v.pool.size_h) * v.pool.size_w), kMinus),
                      N(k.pool_operations)});
    } else {
      // Windows clipped at the map's edge cover fewer cells: count them all.
      rows.push_back({op, fmt::format("cells covered by all windows{}windows", kMinus),
                      fmt::format("{}{}{}", N(k.pool_window_cells), kMinus, N(k.pool_windows)), N(k.pool_operations)});
    }
    if (v.pool.type == PoolType::Avg) {
      rows.push_back({"Divisions in average pooling", "pooled height \u00b7 pooled width", p_h + kDot + p_w, N(k.pool_divisions)});
    }
  }
  rows.push_back({"Weights of a fully connected layer instead",
                  "image height \u00b7 image width \u00b7 map height \u00b7 map width",
                  N(k.rows.in) + kDot + N(k.cols.in) + kDot + out_h + kDot + out_w, N(k.dense_weights)});
  return rows;
}

TemplateData StepByStepData(const BuiltLesson& built, const std::string& id_prefix) {
  TemplateList variants;
  for (const BuiltVariant& bv : built.variants) variants.push_back(VariantStepByStep(bv, id_prefix));
  TemplateData d;
  d.set("sbs_variants", variants);
  return d;
}

TemplateData ComplexityData(const BuiltLesson& built) {
  struct Group {
    std::vector<std::string> labels;
    std::vector<ComplexityRow> rows;
    long long weights = 0, positions = 0, dense = 0;
  };
  std::vector<Group> groups;
  for (const BuiltVariant& bv : built.variants) {
    Complexity k = ComputeComplexity(*bv.variant, bv.result.conv);
    std::vector<ComplexityRow> rows = ComplexityRows(*bv.variant, k);
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
      groups.push_back({{bv.variant->label}, std::move(rows), k.weights, k.positions, k.dense_weights});
    }
  }
  TemplateList list;
  for (const Group& g : groups) {
    std::string labels;
    for (std::size_t i = 0; i < g.labels.size(); ++i) {
      labels += i == 0 ? "" : i + 1 == g.labels.size() ? " and " : ", ";
      labels += g.labels[i];
    }
    TemplateData d;
    d.set("cx_labels", labels);
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
      rows.push_back(row);
    }
    d.set("cx_rows", rows);
    list.push_back(d);
  }
  TemplateData d;
  d.set("cx_groups", list);
  return d;
}

}  // namespace cl
