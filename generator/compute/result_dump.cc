#include "compute/result_dump.h"

#include <fmt/format.h>

#include "base/grid_text.h"
#include "base/number_format.h"
#include "base/quoted_text.h"

namespace cl {
namespace {

// A trace's flat row-major values as the kh x kw window they were read from.
Grid WindowGrid(const std::vector<double>& values, const Grid& weights) {
  Grid g(weights.rows, weights.cols);
  if (values.size() == g.values.size()) g.values = values;
  return g;
}

std::string SizesLine(const Variant& v, const VariantResult& r) {
  const ConvSpec& c = v.conv;
  const int padded_h = v.image->rows + c.pad_top + c.pad_bottom;
  const int padded_w = v.image->cols + c.pad_left + c.pad_right;
  // The filter's reach on the image once dilation spreads its taps apart.
  const int window_h = (v.filter.weights.rows - 1) * c.dilation_h + 1;
  const int window_w = (v.filter.weights.cols - 1) * c.dilation_w + 1;
  return fmt::format("  sizes: image {}, padded {}x{}, filter {}, window {}x{}, conv {}, pooled {}\n",
                     GridSizeText(v.image), padded_h, padded_w, GridSizeText(v.filter.weights), window_h, window_w,
                     GridSizeText(r.conv()), r.pooled() ? GridSizeText(*r.pooled()) : std::string("none"));
}

std::string MapBlock(const char* name, const Grid& map, const std::string& note) {
  return fmt::format("  {}: {}{}\n", name, GridSizeText(map), note) + GridText(map, 4);
}

std::string ActivationNote(const ActivationSpec& a) {
  switch (a.type) {
    case ActivationType::Relu: return " (relu)";
    case ActivationType::None: return " (none)";
    case ActivationType::LeakyRelu: return " (leaky-relu, slope " + FormatNumber(a.slope) + ")";
  }
  return "";
}

// A transposed variant's trace: input (0, 0)'s scaled copy, where each
// product lands (cropped ones marked), and one output cell's gather.
std::string ScatterTraceBlock(const Variant& v, int row, int col) {
  const ScatterTrace t = TraceScatterCell(v, row, col);
  std::string lands;
  for (std::size_t i = 0; i < t.cells.size(); ++i)
    lands += fmt::format("{}({}, {}){}", i == 0 ? "" : " ", t.cells[i].row, t.cells[i].col, t.Inside(i) ? "" : "x");
  return fmt::format("  scatter trace ({}, {}): input {}, lands on {} (x: cropped)\n", t.in_row, t.in_col,
                     FormatNumber(t.input), lands) +
         "    products:\n" + GridText(WindowGrid(t.products, v.filter.weights), 6);
}

std::string GatherTraceBlock(const Variant& v, int row, int col) {
  const ConvTrace t = TraceConvCell(v, row, col);
  std::string from;
  for (std::size_t i = 0; i < t.cells.size(); ++i)
    if (t.cells[i].row >= 0)
      from += fmt::format(" ({}, {})*{}", t.cells[i].row, t.cells[i].col, FormatNumber(t.products[i]));
  return fmt::format("  conv trace ({}, {}): sum {}, bias {}, from inputs{}\n", t.out_row, t.out_col, FormatNumber(t.sum),
                     FormatNumber(t.bias), from.empty() ? " none" : from);
}

std::string ConvTraceBlock(const Variant& v, int row, int col) {
  if (v.conv.transposed) return GatherTraceBlock(v, row, col);
  const ConvTrace t = TraceConvCell(v, row, col);
  const std::string bias = t.bias != 0.0 ? " (products plus bias " + FormatNumber(t.bias) + ")" : "";
  return fmt::format("  conv trace ({}, {}): origin ({}, {}) on the padded image, sum {}{}\n", t.out_row, t.out_col,
                     t.origin_row, t.origin_col, FormatNumber(t.sum), bias) +
         "    inputs:\n" + GridText(WindowGrid(t.inputs, v.filter.weights), 6) + "    products:\n" +
         GridText(WindowGrid(t.products, v.filter.weights), 6);
}

std::string PoolTraceBlock(const Variant& v, const Grid& activated, int row, int col) {
  const PoolTrace t = TracePoolCell(v, activated, row, col);
  const std::string winner =
      t.winner_row < 0 ? std::string("none") : fmt::format("({}, {})", t.winner_row, t.winner_col);
  return fmt::format("  pool trace ({}, {}): rows [{}, {}), cols [{}, {}), winner {}, value {}\n", t.out_row,
                     t.out_col, t.row_begin, t.row_end, t.col_begin, t.col_end, winner, FormatNumber(t.value));
}

// The maps and a few traces of the drawn filter.
std::string MapsBlock(const Variant& variant, const VariantResult& result) {
  std::string out;
  out += MapBlock("conv", result.conv(), "");
  out += MapBlock("activated", result.activated(), ActivationNote(variant.activation));
  if (result.pooled())
    out += MapBlock("pooled", *result.pooled(), variant.pool.type == PoolType::Max ? " (max)" : " (avg)");
  else
    out += "  pooled: none\n";

  const Grid& conv = result.conv();
  if (variant.conv.transposed && !variant.image->empty()) {
    out += ScatterTraceBlock(variant, 0, 0);
    if (variant.image->rows * variant.image->cols > 1)
      out += ScatterTraceBlock(variant, variant.image->rows - 1, variant.image->cols - 1);
  }
  if (!conv.empty()) {
    out += ConvTraceBlock(variant, 0, 0);
    if (conv.rows * conv.cols > 1) out += ConvTraceBlock(variant, conv.rows - 1, conv.cols - 1);
  }
  if (result.pooled() && !result.pooled()->empty()) {
    const Grid& pooled = *result.pooled();
    out += PoolTraceBlock(variant, result.activated(), 0, 0);
    if (pooled.rows * pooled.cols > 1)
      out += PoolTraceBlock(variant, result.activated(), pooled.rows - 1, pooled.cols - 1);
  }
  return out;
}

}  // namespace

std::string DumpVariantResult(const Variant& variant, const VariantResult& result) {
  const ConvSpec& c = variant.conv;
  std::string out = "variant " + QuotedText(variant.label) + "\n";
  out += SizesLine(variant, result);
  out += fmt::format("  padding: [{}, {}, {}, {}]\n", c.pad_top, c.pad_bottom, c.pad_left, c.pad_right);
  if (c.transposed)
    out += fmt::format("  transposed: crop [{}, {}], output padding [{}, {}]\n", c.crop_h, c.crop_w, c.output_padding_h,
                       c.output_padding_w);
  if (!HasFilterList(variant) || result.maps.empty()) return out + MapsBlock(variant, result);
  // Several filters, or a bias: each filter's maps in turn.
  for (int k = 0; k < FilterCount(variant); ++k) {
    const Filter& f = FilterAt(variant, k);
    out += fmt::format("  map {} of {}: {}, bias {}\n", k + 1, FilterCount(variant), QuotedText(f.name),
                       FormatNumber(f.bias));
    out += MapsBlock(FocusOnFilter(variant, k), FocusOnFilter(result, k));
  }
  return out;
}

}  // namespace cl
