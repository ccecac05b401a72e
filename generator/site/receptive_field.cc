#include "site/receptive_field.h"

#include <algorithm>
#include <cstddef>
#include <string_view>

#include <fmt/format.h>

#include "base/number_format.h"
#include "site/number_table.h"
#include "storyboard/captions.h"

namespace cl {
namespace {

// A pixel's value, or with channels every channel's: "R 90, G 160 and B 230"
// (the receptive fields are the same cells in every channel).
std::string PixelText(const Variant& v, int y, int x, const Messages& m) {
  if (ChannelCount(v) == 1) return FormatNumberText(v.image->at(y, x));
  std::vector<std::string> values;
  for (int c = 0; c < ChannelCount(v); ++c)
    values.push_back(m.Text(Msg::term_channel, {{"name", ChannelName(v, c, m)}, {"value", FormatNumberText(ChannelAt(v, c).at(y, x))}}));
  return ListText(values, m);
}

// The Explore section's words are messages (explore_*); the arithmetic of
// map cells is their beats' captions, from storyboard/captions.h.
constexpr std::string_view kPaddingTone = "pad";

using Json = nlohmann::ordered_json;

std::string Size(int rows, int cols) { return std::to_string(rows) + "\u00d7" + std::to_string(cols); }

int Flat(int row, int col, int cols) { return row * cols + col; }

void SortUnique(std::vector<int>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

std::string ActivatedCellText(const ActivationSpec& a, double before, double after, const Messages& m) {
  const std::string b = FormatNumberText(before), c = FormatNumberText(after);
  if (a.type == ActivationType::None) return m.Text(Msg::explore_no_activation, {{"before", b}, {"after", c}});
  return m.Text(Msg::explore_activated_cell, {{"activation", ActivationName(a, m)}, {"before", b}, {"after", c}});
}

std::string PooledTitle(const PoolSpec& p, const Messages& m) {
  return m.Text(p.type == PoolType::Max ? Msg::explore_pooled_max : Msg::explore_pooled_average);
}

std::string ActivatedTitle(const ActivationSpec& a, const Messages& m) {
  return m.Text(Msg::explore_activated, {{"activation", ActivationName(a, m)}});
}

bool Padded(const ConvSpec& c) { return c.pad_top + c.pad_bottom + c.pad_left + c.pad_right > 0; }

Json FieldJson(const std::string& text, const ReceptiveField& f) {
  return Json::array({text, f.input, f.map});
}

Json VariantExploreJson(const BuiltVariant& bv, const Messages& m) {
  const Variant& v = *bv.variant;
  const VariantResult& r = bv.result;
  Json j = Json::object();
  if (!Explorable(bv)) {
    j["explorable"] = false;
    return j;
  }
  j["explorable"] = true;
  j["pad"] = Json::array({v.conv.pad_top, v.conv.pad_bottom, v.conv.pad_left, v.conv.pad_right});
  Json maps = Json::array();

  const int prows = PaddedRows(v), pcols = PaddedCols(v);
  Json input = {{"key", "input"}, {"rows", prows}, {"cols", pcols}, {"cells", Json::array()}};
  for (int row = 0; row < prows; ++row) {
    for (int col = 0; col < pcols; ++col) {
      const int y = row - v.conv.pad_top, x = col - v.conv.pad_left;
      const bool inside = y >= 0 && y < v.image->rows && x >= 0 && x < v.image->cols;
      std::string text =
          inside ? m.Text(Msg::explore_pixel, {{"row", y}, {"col", x}, {"value", PixelText(v, y, x, m)}})
                 : m.Text(Msg::explore_padding, {{"row", FormatNumberText(y)}, {"col", FormatNumberText(x)}});
      input["cells"].push_back(Json::array({std::move(text)}));
    }
  }
  maps.push_back(std::move(input));

  Json conv = {{"key", "conv"}, {"rows", r.conv().rows}, {"cols", r.conv().cols}, {"cells", Json::array()}};
  Json activated = {{"key", "activated"}, {"rows", r.conv().rows}, {"cols", r.conv().cols}, {"cells", Json::array()}};
  std::vector<ReceptiveField> conv_fields;
  conv_fields.reserve(r.conv().values.size());
  for (int row = 0; row < r.conv().rows; ++row) {
    for (int col = 0; col < r.conv().cols; ++col) {
      conv_fields.push_back(ConvCellField(v, row, col));
      conv["cells"].push_back(FieldJson(ConvCellCaption(v, TraceConvCell(v, row, col), m), conv_fields.back()));
      ReceptiveField through = conv_fields.back();
      through.map = {Flat(row, col, r.conv().cols)};
      activated["cells"].push_back(
          FieldJson(ActivatedCellText(v.activation, r.conv().at(row, col), r.activated().at(row, col), m), through));
    }
  }
  maps.push_back(std::move(conv));
  // Without an activation the map after it is the feature map itself: the
  // frames and the tables show no second grid, and neither does this.
  if (v.activation.type != ActivationType::None) maps.push_back(std::move(activated));

  if (r.pooled()) {
    Json pooled = {{"key", "pooled"}, {"rows", r.pooled()->rows}, {"cols", r.pooled()->cols}, {"cells", Json::array()}};
    for (int row = 0; row < r.pooled()->rows; ++row) {
      for (int col = 0; col < r.pooled()->cols; ++col) {
        const PoolTrace t = TracePoolCell(v, r.activated(), row, col);
        pooled["cells"].push_back(FieldJson(PoolCellText(v, r, t, m).caption, PoolCellField(v, r.activated(), row, col)));
      }
    }
    maps.push_back(std::move(pooled));
  }
  j["maps"] = std::move(maps);
  return j;
}

// One grid of the section as template data: its title, column and row
// numbers (in image coordinates for the padded input) and its cells.
TemplateData GridData(const std::string& id, const std::string& key, const std::string& title, const Grid& grid,
                      int row_offset, int col_offset, const std::vector<bool>* padding,
                      TableTones tones = TableTones::Signs) {
  const NumberTable numbers = MakeNumberTable(title, grid, kMaxExploreSide, tones);
  TemplateData d;
  d.set("grid_id", id);
  d.set("grid_key", key);
  d.set("grid_name", title);
  d.set("grid_title", title + " (" + Size(grid.rows, grid.cols) + ")");
  TemplateList header;
  header.reserve(static_cast<std::size_t>(grid.cols));  // a list growing copies its items
  for (int c = 0; c < grid.cols; ++c) header.push_back(TemplateData("col", FormatNumberText(c - col_offset)));
  SetMoved(&d, "grid_columns", std::move(header));
  TemplateList rows;
  rows.reserve(static_cast<std::size_t>(grid.rows));
  for (int r = 0; r < grid.rows; ++r) {
    TemplateList cells;
    cells.reserve(static_cast<std::size_t>(grid.cols));
    for (int c = 0; c < grid.cols; ++c) {
      const auto i = static_cast<std::size_t>(Flat(r, c, grid.cols));
      const bool pad = padding != nullptr && (*padding)[i];
      TemplateData cell;
      cell.set("index", std::to_string(i));
      cell.set("value", numbers.texts[i]);
      cell.set("tone", pad ? std::string(kPaddingTone) : numbers.tones[i]);
      cell.set("first", i == 0);
      cells.push_back(std::move(cell));
    }
    TemplateData row;
    row.set("row", FormatNumberText(r - row_offset));
    SetMoved(&row, "cells", std::move(cells));
    rows.push_back(std::move(row));
  }
  SetMoved(&d, "grid_rows", std::move(rows));
  return d;
}

TemplateData VariantExploreData(const BuiltVariant& bv, std::size_t index, const Messages& m) {
  const Variant& v = *bv.variant;
  const VariantResult& r = bv.result;
  TemplateData d;
  d.set("explore_index", std::to_string(index));
  d.set("explore_label", v.label);
  d.set("explore_hidden", index > 0);
  const bool explorable = Explorable(bv);
  d.set("explorable", explorable);
  if (!explorable) {
    d.set("explore_too_large", v.conv.transposed ? m.Text(Msg::explore_transposed, {{"label", v.label}})
                                                 : m.Text(Msg::explore_too_large, {{"label", v.label}, {"limit", kMaxExploreSide}}));
    return d;
  }
  const std::string prefix = "explore-" + std::to_string(index) + "-";

  // The input with its padding ring, so a window that reaches past the
  // image shows the zeros it reads.
  const int prows = PaddedRows(v), pcols = PaddedCols(v);
  Grid padded(prows, pcols);
  std::vector<bool> padding(static_cast<std::size_t>(prows) * static_cast<std::size_t>(pcols), true);
  for (int y = 0; y < v.image->rows; ++y) {
    for (int x = 0; x < v.image->cols; ++x) {
      padded.at(y + v.conv.pad_top, x + v.conv.pad_left) = v.image->at(y, x);
      padding[static_cast<std::size_t>(Flat(y + v.conv.pad_top, x + v.conv.pad_left, pcols))] = false;
    }
  }
  TemplateList grids;
  grids.reserve(4);  // a list growing copies its items, here whole grids
  // With channels the grid is the first one's: its title says so.
  grids.push_back(GridData(prefix + "input", "input",
                           ChannelTitle(v, 0, m.Text(Padded(v.conv) ? Msg::explore_input_padded : Msg::explore_input), m),
                           padded, v.conv.pad_top, v.conv.pad_left, &padding, TableTones::Picture));
  grids.push_back(GridData(prefix + "conv", "conv", m.Text(Msg::explore_conv), r.conv(), 0, 0, nullptr));
  if (v.activation.type != ActivationType::None)
    grids.push_back(GridData(prefix + "activated", "activated", ActivatedTitle(v.activation, m), r.activated(), 0, 0, nullptr));
  if (r.pooled()) grids.push_back(GridData(prefix + "pooled", "pooled", PooledTitle(v.pool, m), *r.pooled(), 0, 0, nullptr));
  SetMoved(&d, "explore_grids", std::move(grids));
  return d;
}

}  // namespace

int PaddedRows(const Variant& v) { return v.image->rows + v.conv.pad_top + v.conv.pad_bottom; }
int PaddedCols(const Variant& v) { return v.image->cols + v.conv.pad_left + v.conv.pad_right; }

ReceptiveField ConvCellField(const Variant& v, int out_row, int out_col) {
  const ConvTrace t = TraceConvCell(v, out_row, out_col);
  const int pcols = PaddedCols(v);
  ReceptiveField f;
  f.input.reserve(t.cells.size());
  for (const ConvTrace::Cell& cell : t.cells) f.input.push_back(Flat(cell.row, cell.col, pcols));
  SortUnique(&f.input);
  return f;
}

ReceptiveField PoolCellField(const Variant& v, const Grid& activated, int out_row, int out_col) {
  const PoolTrace t = TracePoolCell(v, activated, out_row, out_col);
  ReceptiveField f;
  for (int row = t.row_begin; row < t.row_end; ++row) {
    for (int col = t.col_begin; col < t.col_end; ++col) {
      f.map.push_back(Flat(row, col, activated.cols));
      const ReceptiveField cell = ConvCellField(v, row, col);
      f.input.insert(f.input.end(), cell.input.begin(), cell.input.end());
    }
  }
  SortUnique(&f.input);
  SortUnique(&f.map);
  return f;
}

bool Explorable(const BuiltVariant& bv) {
  const Variant& v = *bv.variant;
  const Grid& conv = bv.result.conv();
  // A transposed convolution's cells gather through the filter turned
  // around, which these windows on a padded input cannot draw.
  if (v.conv.transposed) return false;
  return !conv.empty() && PaddedRows(*bv.variant) <= kMaxExploreSide && PaddedCols(v) <= kMaxExploreSide &&
         conv.rows <= kMaxExploreSide && conv.cols <= kMaxExploreSide;
}

nlohmann::ordered_json ExploreJson(const BuiltLesson& built) {
  Json variants = Json::array();
  for (const BuiltVariant& bv : built.variants) variants.push_back(VariantExploreJson(bv, *built.text));
  return Json{{"variants", std::move(variants)}};
}

nlohmann::ordered_json ExploreTextJson(const Messages& m) {
  // The script fills the {names} itself: each message goes with its
  // placeholders standing for themselves.
  const auto noun = [&m](Msg one, Msg other) { return Json::array({m.Text(one), m.Text(other)}); };
  return Json{
      {"cell", m.Text(Msg::explore_cell, {{"map", "{map}"}, {"row", "{row}"}, {"col", "{col}"}})},
      {"reads", m.Text(Msg::explore_reads, {{"count", "{count}"}, {"rows", "{rows}"}, {"cols", "{cols}"}})},
      {"readsPadding", m.Text(Msg::explore_reads_padding, {{"padding", "{padding}"}})},
      {"feeds", m.Text(Msg::explore_feeds, {{"list", "{list}"}})},
      {"feedsNothing", m.Text(Msg::explore_feeds_nothing)},
      {"listAnd", m.Text(Msg::list_and, {{"items", "{items}"}, {"last", "{last}"}})},
      {"range", m.Text(Msg::range, {{"first", "{first}"}, {"last", "{last}"}})},
      {"nouns",
       {{"input", noun(Msg::explore_noun_input_one, Msg::explore_noun_input_other)},
        {"conv", noun(Msg::explore_noun_conv_one, Msg::explore_noun_conv_other)},
        {"activated", noun(Msg::explore_noun_activated_one, Msg::explore_noun_activated_other)},
        {"pooled", noun(Msg::explore_noun_pooled_one, Msg::explore_noun_pooled_other)}}},
  };
}

TemplateList ExploreVariantsData(const BuiltLesson& built) {
  TemplateList variants;
  variants.reserve(built.variants.size());  // a list growing copies its items
  for (std::size_t i = 0; i < built.variants.size(); ++i) variants.push_back(VariantExploreData(built.variants[i], i, *built.text));
  return variants;
}

}  // namespace cl
