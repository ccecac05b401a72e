// LayoutBeat: fills the planned geometry with one beat's state — what is
// written so far, where the window is, which cells the beat writes — and its
// heading and caption.
#include "scene/layout.h"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "base/number_format.h"
#include "scene/cell_fills_memo.h"
#include "scene/grid_items.h"
#include "scene/palette.h"
#include "scene/text_fit.h"
#include "scene/text_metrics.h"
#include "storyboard/captions.h"

namespace cl {
namespace {

// A label cut to fewer letters than this (and "…") says nothing: "N…".
constexpr std::size_t kMinLabelLetters = 4;

using Kind = CellState::Kind;

// One colour bar of the legend: `steps` cells of `color_at(t)` for t from 0 to 1.
template <class ColorAt>
void AddBar(Scene& scene, double x, double y, double w, double h, int steps, ColorAt color_at) {
  const double step = w / steps;
  for (int i = 0; i < steps; ++i) {
    RectShape r;
    r.x = x + i * step;
    r.y = y;
    r.w = step;
    r.h = h;
    r.fill = color_at((i + 0.5) / steps);
    scene.items.push_back(r);
  }
  scene.items.push_back(Outline(x, y, w, h, palette::kGridBorder, 1));
}

void AddLegend(Scene& scene, const FrameGeometry& g, const LayoutInput& in, GreyRange grey) {
  const Messages& m = *in.story->text;
  scene.items.push_back(GroupBegin{"legend", "legend", m.Text(Msg::group_legend)});
  const double s = g.legend_text_size;
  auto name_baseline = [&](double bar_y) { return bar_y + g.legend_h / 2 + (kFontAscent - kFontDescent) / 2 * s; };
  auto ends_baseline = [&](double bar_y) { return bar_y + g.legend_h + 3 + kFontAscent * s; };

  // The image: grey from its black to its white.
  AddText(scene, g.image_legend_name_x, name_baseline(g.image_legend_y), m.Text(Msg::legend_image), s, palette::kMutedInk, TextAnchor::Start);
  AddBar(scene, g.image_legend_x, g.image_legend_y, g.image_legend_w, g.legend_h, 16,
         [&](double t) { return GreyColor(grey.black + t * (grey.white - grey.black), grey.black, grey.white); });
  AddText(scene, g.image_legend_x, ends_baseline(g.image_legend_y), FormatNumberCell(grey.black), s, palette::kMutedInk,
          TextAnchor::Start);
  AddText(scene, g.image_legend_x + g.image_legend_w, ends_baseline(g.image_legend_y), FormatNumberCell(grey.white), s,
          palette::kMutedInk, TextAnchor::End);

  // The maps: blue negative, white zero, orange positive.
  AddText(scene, g.legend_name_x, name_baseline(g.legend_y), m.Text(Msg::legend_maps), s, palette::kMutedInk, TextAnchor::Start);
  AddBar(scene, g.legend_x, g.legend_y, g.legend_w, g.legend_h, 40,
         [](double t) { return DivergingColor(t * 2 - 1, 1.0); });
  AddText(scene, g.legend_x, ends_baseline(g.legend_y), FormatNumberCell(-in.value_scale), s, palette::kMutedInk,
          TextAnchor::Start);
  AddText(scene, g.legend_x + g.legend_w / 2, ends_baseline(g.legend_y), "0", s, palette::kMutedInk, TextAnchor::Middle);
  AddText(scene, g.legend_x + g.legend_w, ends_baseline(g.legend_y), FormatNumberCell(in.value_scale), s, palette::kMutedInk,
          TextAnchor::End);
  const std::string note = m.Text(Msg::legend_weights, {{"min", FormatNumberCell(-in.weight_scale)},
                                                        {"max", FormatNumberCell(in.weight_scale)}});
  AddText(scene, g.legend_note_x, g.legend_note_y, FitText(note, s, g.width - g.margin - g.legend_note_x), s,
          palette::kMutedInk, TextAnchor::Start);
  if (g.overlap_note_y > 0) {
    // A sample cell with the inner outline, then what it means.
    const double side = std::round(s * 1.4), top = g.overlap_note_y - kFontAscent * s + (kFontAscent * s - side) / 2 + 1;
    scene.items.push_back(Outline(g.margin, top, side, side, palette::kGridBorder, 1));
    scene.items.push_back(Outline(g.margin + 2.5, top + 2.5, side - 5, side - 5, palette::kInk, 1.5));
    AddText(scene, g.margin + side + 6, g.overlap_note_y,
            FitText(m.Text(Msg::legend_overlaps), s, g.width - 2 * g.margin - side - 6), s, palette::kMutedInk,
            TextAnchor::Start);
  }
  scene.items.push_back(GroupEnd{});
}

// The smallest rectangle of cells holding every cell of `cells`: {row0, row1, col0, col1}, ends exclusive.
struct CellBox {
  int row0 = 0, row1 = 0, col0 = 0, col1 = 0;
  int count() const { return (row1 - row0) * (col1 - col0); }
};
CellBox BoxOf(const std::vector<ConvTrace::Cell>& cells) {
  CellBox b{cells.front().row, cells.front().row + 1, cells.front().col, cells.front().col + 1};
  for (const ConvTrace::Cell& c : cells) {
    b.row0 = std::min(b.row0, c.row), b.row1 = std::max(b.row1, c.row + 1);
    b.col0 = std::min(b.col0, c.col), b.col1 = std::max(b.col1, c.col + 1);
  }
  return b;
}

// The window of one conv beat on the image, from compute's traces: the
// cells the computation read, never worked out again here. One output cell:
// exactly its cells (a solid window when they form a block; for dilation the
// block dashed and each cell read lit). A band of rows: the block from the
// first cell's window to the last's.
void AddConvWindow(Scene& scene, const Variant& v, const GridBox& ib, int conv_cols, int first, int last) {
  if (first == last) {
    const ConvTrace t = TraceConvCell(v, first / conv_cols, first % conv_cols);
    if (t.cells.empty()) return;
    const CellBox box = BoxOf(t.cells);
    if (box.count() == static_cast<int>(t.cells.size())) {
      AddHighlight(scene, ib, box.row0, box.row1, box.col0, box.col1);
      return;
    }
    scene.items.push_back(Outline(ib.x + box.col0 * ib.cell, ib.y + box.row0 * ib.cell,
                                  (box.col1 - box.col0) * ib.cell, (box.row1 - box.row0) * ib.cell,
                                  palette::kWindowEdge, 1.5, true));
    for (const ConvTrace::Cell& c : t.cells) AddHighlight(scene, ib, c.row, c.row + 1, c.col, c.col + 1, 0.7);
    return;
  }
  std::vector<ConvTrace::Cell> corners = TraceConvCell(v, first / conv_cols, 0).cells;
  const std::vector<ConvTrace::Cell> end = TraceConvCell(v, last / conv_cols, conv_cols - 1).cells;
  corners.insert(corners.end(), end.begin(), end.end());
  if (corners.empty()) return;
  const CellBox box = BoxOf(corners);
  AddHighlight(scene, ib, box.row0, box.row1, box.col0, box.col1);
}

// One product cell of the products panel at (x, y); a cropped one (a scaled
// copy's product that lands outside the output) dashed inside and muted.
void AddProductCell(Scene& scene, const FrameGeometry::Products& p, double x, double y, const ProductText& text,
                    bool cropped = false) {
  RectShape cell;
  cell.x = x, cell.y = y, cell.w = p.cell_w, cell.h = p.cell_h;
  cell.fill = palette::kBackground;
  scene.items.push_back(cell);
  scene.items.push_back(Outline(x, y, p.cell_w, p.cell_h, palette::kGridLine, 1));
  if (cropped) scene.items.push_back(Outline(x + 1.5, y + 1.5, p.cell_w - 3, p.cell_h - 3, palette::kMutedInk, 1, true));
  const Color ink = cropped ? palette::kMutedInk : palette::kInk;
  const double line = p.size * (kFontAscent + kFontDescent);
  const double middle = y + p.cell_h / 2, cx = x + p.cell_w / 2;
  const double lift = (kFontAscent - kFontDescent) / 2 * p.size;
  if (p.two_lines && !text.second.empty()) {
    AddText(scene, cx, middle - line / 2 + lift, text.first, p.size, ink, TextAnchor::Middle);
    AddText(scene, cx, middle + line / 2 + lift, text.second, p.size, ink, TextAnchor::Middle);
  } else {
    AddText(scene, cx, middle + lift, text.whole(), p.size, ink, TextAnchor::Middle);
  }
}

// Channel c's block of the products panel (channels' products, or scaled
// copies): the channel's name over it, cell(i, x, y) for each cell (i row
// by row, (x, y) its corner), then the block's border.
template <typename CellFn>
void AddChannelBlock(Scene& scene, const FrameGeometry& g, std::size_t c, const std::string& name, CellFn cell) {
  const FrameGeometry::Products& p = g.products;
  const double bx = p.block_x[c], by = p.block_y[c], block_w = p.cols * p.cell_w;
  AddText(scene, bx + block_w / 2, by - p.name_drop, FitText(name, g.label_size, block_w + p.gap, true), g.label_size,
          palette::kInk, TextAnchor::Middle, true);
  for (int row = 0; row < p.rows; ++row)
    for (int col = 0; col < p.cols; ++col)
      cell(static_cast<std::size_t>(row) * static_cast<std::size_t>(p.cols) + static_cast<std::size_t>(col),
           bx + col * p.cell_w, by + row * p.cell_h);
  scene.items.push_back(Outline(bx, by, block_w, p.cell_h * p.rows, palette::kGridBorder, 1));
}

// The products panel with channels: per channel its window's pixels times
// its slice's weights, named, with its partial sum below; "+" between the
// blocks; then the partial sums (and the bias) adding up to the cell.
void AddChannelProducts(Scene& scene, const FrameGeometry& g, const Variant& v, const ConvTrace& t, const Messages& m) {
  const FrameGeometry::Products& p = g.products;
  const std::size_t taps = static_cast<std::size_t>(p.rows) * static_cast<std::size_t>(p.cols);
  if (t.channels.size() != static_cast<std::size_t>(p.channels) || p.block_x.size() != t.channels.size()) return;
  scene.items.push_back(GroupBegin{"products", "products", m.Text(Msg::group_products)});
  AddText(scene, p.label_x, p.label_y, ProductsLabel(t.bias, m), g.label_size, palette::kInk, TextAnchor::Middle, true);
  const double block_w = p.cols * p.cell_w;
  for (std::size_t c = 0; c < t.channels.size(); ++c) {
    const ConvTrace::ChannelTaps& part = t.channels[c];
    if (part.inputs.size() != taps) continue;
    const std::string name = ChannelName(v, static_cast<int>(c), m);
    const std::string partial = FormatNumberCell(part.partial);
    scene.items.push_back(GroupBegin{fmt::format("products-channel-{}", c), "channel-products",
                                     m.Text(Msg::group_channel_products, {{"name", name}, {"partial", partial}})});
    const double bx = p.block_x[c], by = p.block_y[c];
    const Grid& slice = SliceAt(v.filter, static_cast<int>(c));
    AddChannelBlock(scene, g, c, name, [&](std::size_t i, double x, double y) {
      AddProductCell(scene, p, x, y, CellProductText(part.inputs[i], slice.values[i]));
    });
    AddText(scene, bx + block_w / 2, by + p.cell_h * p.rows + p.partial_drop, "= " + partial, g.label_size,
            palette::kInk, TextAnchor::Middle, true);
    // "+" to the next block in the same row.
    if (c + 1 < t.channels.size() && p.block_y[c + 1] == by)
      AddText(scene, bx + block_w + p.gap / 2, by + p.cell_h * p.rows / 2 + (kFontAscent - kFontDescent) / 2 * g.operator_size,
              "+", g.operator_size, palette::kInk, TextAnchor::Middle);
    scene.items.push_back(GroupEnd{});
  }
  scene.items.push_back(GroupBegin{"channel-sum", "channel-sum", m.Text(Msg::group_channel_sum)});
  const std::vector<std::string> lines = WrapText(ChannelSumText(v, t, m), g.label_size, p.sum_width, p.sum_lines, true);
  for (std::size_t i = 0; i < lines.size(); ++i)
    AddText(scene, p.sum_x, p.sum_y + static_cast<double>(i) * p.sum_line_height, lines[i], g.label_size, palette::kInk,
            TextAnchor::Middle, true);
  scene.items.push_back(GroupEnd{});
  scene.items.push_back(GroupEnd{});
}

// The products panel of a one-cell conv beat: each pixel·weight the
// computation multiplied (compute's trace), where the filter has that weight.
void AddProducts(Scene& scene, const FrameGeometry& g, const Variant& v, const ConvTrace& t, const Messages& m) {
  if (g.products.channels > 1) {
    AddChannelProducts(scene, g, v, t, m);
    return;
  }
  const FrameGeometry::Products& p = g.products;
  if (p.rows == 0 || t.inputs.size() != static_cast<std::size_t>(p.rows) * static_cast<std::size_t>(p.cols)) return;
  scene.items.push_back(GroupBegin{"products", "products", m.Text(Msg::group_products)});
  AddText(scene, p.label_x, p.label_y, ProductsLabel(t.bias, m), g.label_size, palette::kInk, TextAnchor::Middle, true);
  for (int row = 0; row < p.rows; ++row) {
    for (int col = 0; col < p.cols; ++col) {
      const std::size_t i = static_cast<std::size_t>(row) * static_cast<std::size_t>(p.cols) + static_cast<std::size_t>(col);
      const ConvTrace::Cell& at = t.cells[i];
      // One group per product naming the image cell it read (padded
      // coordinates), so tests and readers can check it.
      scene.items.push_back(GroupBegin{fmt::format("product-{}-{}", row, col), "product",
                                       m.Text(Msg::group_product, {{"position", fmt::format("({}, {})", at.row, at.col)}})});
      const double x = p.x + col * p.cell_w, y = p.y + row * p.cell_h;
      AddProductCell(scene, p, x, y, CellProductText(t.inputs[i], v.filter.weights.values[i]));
      scene.items.push_back(GroupEnd{});
    }
  }
  scene.items.push_back(Outline(p.x, p.y, p.cell_w * p.cols, p.cell_h * p.rows, palette::kGridBorder, 1));
  scene.items.push_back(GroupEnd{});
}

// A transposed convolution's conv beat: the input cells scattering (amber on
// the image) and the output cells their copies add into, from compute's
// traces. One input: each cell its copy lands on inside the output (a solid
// block when they form one; spread by dilation, the block dashed and each
// cell lit). A band of input rows: the rows and the output rows they reach.
void AddScatterTargets(Scene& scene, const Variant& v, const GridBox& ib, const GridBox& ob, int first, int last) {
  const int cols = v.image->cols;
  const auto lands_of = [&](int cell) {
    std::vector<ConvTrace::Cell> lands;
    const ScatterTrace t = TraceScatterCell(v, cell / cols, cell % cols);
    for (std::size_t i = 0; i < t.cells.size(); ++i)
      if (t.Inside(i)) lands.push_back(t.cells[i]);
    return lands;
  };
  if (first == last) {
    AddHighlight(scene, ib, first / cols, first / cols + 1, first % cols, first % cols + 1);
    const std::vector<ConvTrace::Cell> lands = lands_of(first);
    if (lands.empty()) return;
    const CellBox box = BoxOf(lands);
    if (box.count() == static_cast<int>(lands.size())) {
      AddHighlight(scene, ob, box.row0, box.row1, box.col0, box.col1);
      return;
    }
    scene.items.push_back(Outline(ob.x + box.col0 * ob.cell, ob.y + box.row0 * ob.cell, (box.col1 - box.col0) * ob.cell,
                                  (box.row1 - box.row0) * ob.cell, palette::kWindowEdge, 1.5, true));
    for (const ConvTrace::Cell& c : lands) AddHighlight(scene, ob, c.row, c.row + 1, c.col, c.col + 1, 0.7);
    return;
  }
  AddHighlight(scene, ib, first / cols, last / cols + 1, 0, cols);
  // Rows: from the first row's copies to the last row's, across the output.
  std::vector<ConvTrace::Cell> lands = lands_of(first);
  const std::vector<ConvTrace::Cell> end = lands_of(last);
  lands.insert(lands.end(), end.begin(), end.end());
  if (lands.empty()) return;
  const CellBox box = BoxOf(lands);
  AddHighlight(scene, ob, box.row0, box.row1, 0, ob.cols);
}

// The scaled copies of one input cell with channels: per channel its value
// times its slice (named above, "value·slice name" below, "+" between
// blocks), then after "=" the copies added weight by weight, each sum where
// it lands (cropped ones muted and dashed, as in the copies); the line below
// says where the sums go. Every number is the trace's.
void AddChannelCopies(Scene& scene, const FrameGeometry& g, const Variant& v, const ScatterTrace& t, const Messages& m) {
  const FrameGeometry::Products& p = g.products;
  const std::size_t taps = static_cast<std::size_t>(p.rows) * static_cast<std::size_t>(p.cols);
  if (t.channels.size() != static_cast<std::size_t>(p.channels) || p.block_x.size() != static_cast<std::size_t>(p.blocks()) ||
      t.added.size() != taps || t.cells.size() != taps)
    return;
  scene.items.push_back(GroupBegin{"products", "products", m.Text(Msg::group_scaled_copy)});
  AddText(scene, p.label_x, p.label_y, ScaledCopyLabel(v.filter.bias, m), g.label_size, palette::kInk, TextAnchor::Middle, true);
  const double block_w = p.cols * p.cell_w, block_h = p.cell_h * p.rows;
  const double operator_lift = (kFontAscent - kFontDescent) / 2 * g.operator_size;
  const auto where = [&](std::size_t i) { return fmt::format("({}, {})", t.cells[i].row, t.cells[i].col); };
  for (std::size_t c = 0; c < t.channels.size(); ++c) {
    const ScatterTrace::ChannelCopy& copy = t.channels[c];
    if (copy.products.size() != taps) continue;
    const std::string name = ChannelName(v, static_cast<int>(c), m);
    scene.items.push_back(GroupBegin{fmt::format("products-channel-{}", c), "channel-copy",
                                     m.Text(Msg::group_channel_copy, {{"name", name}, {"value", FormatNumberText(copy.input)}})});
    const double bx = p.block_x[c], by = p.block_y[c];
    const Grid& slice = SliceAt(v.filter, static_cast<int>(c));
    AddChannelBlock(scene, g, c, name, [&](std::size_t i, double x, double y) {
      const bool inside = t.Inside(i);
      scene.items.push_back(GroupBegin{fmt::format("product-{}-{}-{}", c, i / static_cast<std::size_t>(p.cols), i % static_cast<std::size_t>(p.cols)), "product",
                                       m.Text(inside ? Msg::group_product_lands : Msg::group_product_cropped,
                                              {{"weight", FormatNumberText(slice.values[i])}, {"position", where(i)}})});
      AddProductCell(scene, p, x, y, CellProductText(copy.input, slice.values[i]), !inside);
      scene.items.push_back(GroupEnd{});
    });
    AddText(scene, bx + block_w / 2, by + block_h + p.partial_drop,
            FitText(ScatterChannelTerm(v, static_cast<int>(c), copy.input, m), g.label_size, block_w + p.gap, true),
            g.label_size, palette::kInk, TextAnchor::Middle, true);
    // "+" before every copy but the first: beside the one before it, or on
    // a row of its own (tall frames) to its left where the frame has room.
    if (c > 0 && (p.block_y[c - 1] == by || bx - p.gap >= g.margin))
      AddText(scene, bx - p.gap / 2, by + block_h / 2 + operator_lift, "+", g.operator_size, palette::kInk, TextAnchor::Middle);
    scene.items.push_back(GroupEnd{});
  }
  // The sum block: "=" before it, beside the last copy or, on a row of its
  // own, to its left where the frame has room.
  const std::size_t last = t.channels.size();
  const double sx = p.block_x[last], sy = p.block_y[last];
  scene.items.push_back(GroupBegin{"copy-sum", "copy-sum", m.Text(Msg::group_copy_sum)});
  if (p.block_y[last - 1] == sy || sx - p.gap >= g.margin)
    AddText(scene, sx - p.gap / 2, sy + block_h / 2 + operator_lift, "=", g.operator_size, palette::kInk, TextAnchor::Middle);
  AddText(scene, sx + block_w / 2, sy - p.name_drop, FitText(m.Text(Msg::panel_scaled_copy_sum), g.label_size, block_w + p.gap, true),
          g.label_size, palette::kInk, TextAnchor::Middle, true);
  for (int row = 0; row < p.rows; ++row)
    for (int col = 0; col < p.cols; ++col) {
      const std::size_t i = static_cast<std::size_t>(row) * static_cast<std::size_t>(p.cols) + static_cast<std::size_t>(col);
      const bool inside = t.Inside(i);
      scene.items.push_back(GroupBegin{fmt::format("sum-{}-{}", row, col), "sum",
                                       m.Text(inside ? Msg::group_sum_lands : Msg::group_sum_cropped,
                                              {{"sum", FormatNumberText(t.added[i])}, {"position", where(i)}})});
      AddProductCell(scene, p, sx + col * p.cell_w, sy + row * p.cell_h, ProductText{FormatNumberCell(t.added[i]), ""}, !inside);
      scene.items.push_back(GroupEnd{});
    }
  scene.items.push_back(Outline(sx, sy, block_w, block_h, palette::kGridBorder, 1));
  scene.items.push_back(GroupEnd{});
  scene.items.push_back(GroupBegin{"channel-sum", "channel-sum", m.Text(Msg::scatter_channels_sum_line)});
  const std::vector<std::string> lines =
      WrapText(m.Text(Msg::scatter_channels_sum_line), g.label_size, p.sum_width, p.sum_lines, true);
  for (std::size_t i = 0; i < lines.size(); ++i)
    AddText(scene, p.sum_x, p.sum_y + static_cast<double>(i) * p.sum_line_height, lines[i], g.label_size, palette::kInk,
            TextAnchor::Middle, true);
  scene.items.push_back(GroupEnd{});
  scene.items.push_back(GroupEnd{});
}

// The scaled copy of one input cell: each input·weight product where the
// filter has that weight, each naming the output cell it lands on; products
// the padding crops away drawn dashed and muted and named so.
void AddScaledCopy(Scene& scene, const FrameGeometry& g, const Variant& v, const ScatterTrace& t, const Messages& m) {
  const FrameGeometry::Products& p = g.products;
  if (p.sum_block) {
    AddChannelCopies(scene, g, v, t, m);
    return;
  }
  if (p.rows == 0 || t.products.size() != static_cast<std::size_t>(p.rows) * static_cast<std::size_t>(p.cols)) return;
  scene.items.push_back(GroupBegin{"products", "products", m.Text(Msg::group_scaled_copy)});
  AddText(scene, p.label_x, p.label_y, ScaledCopyLabel(v.filter.bias, m), g.label_size, palette::kInk, TextAnchor::Middle, true);
  for (int row = 0; row < p.rows; ++row) {
    for (int col = 0; col < p.cols; ++col) {
      const std::size_t i = static_cast<std::size_t>(row) * static_cast<std::size_t>(p.cols) + static_cast<std::size_t>(col);
      const bool inside = t.Inside(i);
      const std::string where = fmt::format("({}, {})", t.cells[i].row, t.cells[i].col);
      const std::string weight = FormatNumberText(v.filter.weights.values[i]);
      scene.items.push_back(GroupBegin{fmt::format("product-{}-{}", row, col), "product",
                                       m.Text(inside ? Msg::group_product_lands : Msg::group_product_cropped,
                                              {{"weight", weight}, {"position", where}})});
      AddProductCell(scene, p, p.x + col * p.cell_w, p.y + row * p.cell_h,
                     CellProductText(t.input, v.filter.weights.values[i]), !inside);
      scene.items.push_back(GroupEnd{});
    }
  }
  scene.items.push_back(Outline(p.x, p.y, p.cell_w * p.cols, p.cell_h * p.rows, palette::kGridBorder, 1));
  scene.items.push_back(GroupEnd{});
}

// The image's channels as cards behind it: one card per channel after the
// first (channel 0 is the front grid), nearest first, each a blank card
// named on its exposed bottom edge.
void AddChannelCards(Scene& scene, const FrameGeometry& g, const Variant& v, const Messages& m) {
  const Panel& panel = g.input;
  const GridBox& b = panel.grid;
  const int channels = ChannelCount(v);
  if (channels < 2 || b.rows <= 0 || panel.stack <= 0) return;
  std::vector<std::string> names;
  for (int c = 0; c < channels; ++c) names.push_back(ChannelName(v, c, m));
  scene.items.push_back(GroupBegin{"channels", "channels", m.Text(Msg::group_channel_stack, {{"names", ListText(names, m)},
                                                                                             {"name", names[0]}})});
  const double off = panel.stack_offset;
  for (int i = std::min(channels - 1, panel.stack); i >= 1; --i) {
    const double d = i * off;
    RectShape card;
    card.x = b.x + d, card.y = b.y + d, card.w = b.cell * b.cols, card.h = b.cell * b.rows;
    card.fill = palette::kBackground;
    scene.items.push_back(card);
    scene.items.push_back(Outline(card.x, card.y, card.w, card.h, palette::kGridBorder, 1));
    // The name in the strip this card shows below the one in front of it.
    const double size = std::min(panel.stack_name_size, off - 3);
    const double baseline = card.y + card.h - off / 2 + (kFontAscent - kFontDescent) / 2 * size;
    AddText(scene, card.x + card.w - 4, baseline, FitText(names[static_cast<std::size_t>(i)], size, card.w - 8), size,
            palette::kInk, TextAnchor::End);
  }
  scene.items.push_back(GroupEnd{});
}

// Whether map k is complete in the frame of `beat`: every map but the
// walked one when the lesson walks one; else those before the beat's map.
bool MapDone(const Storyboard& story, const Beat& beat, int k) {
  if (story.walked_map >= 0) return k != story.walked_map || beat.stage == Stage::Summary;
  return k < beat.map || beat.stage == Stage::Summary;
}

std::string StackDescription(const Storyboard& story, const Beat& beat, int maps) {
  int done = 0;
  for (int k = 0; k < maps; ++k) done += k != beat.map && MapDone(story, beat, k);
  return story.text->Text(Msg::stack_description, {{"k", beat.map + 1}, {"n", maps}, {"done", done}, {"others", maps - 1}});
}

// The other maps' cards behind a panel (the filters' behind the filter): one
// card per other map, the nearest first, tinted once that map is complete.
void AddStackCards(Scene& scene, const Panel& panel, const Storyboard& story, const Beat& beat, int maps,
                   bool filters) {
  const GridBox& b = panel.grid;
  if (b.rows <= 0 || panel.stack <= 0) return;
  std::vector<int> others;
  for (int k = 0; k < maps; ++k)
    if (k != beat.map) others.push_back(k);
  for (int i = static_cast<int>(others.size()); i >= 1; --i) {
    const double d = i * panel.stack_offset;
    RectShape card;
    card.x = b.x + d, card.y = b.y + d, card.w = b.cell * b.cols, card.h = b.cell * b.rows;
    card.fill = !filters && MapDone(story, beat, others[static_cast<std::size_t>(i - 1)]) ? palette::kStackDone
                                                                                         : palette::kBackground;
    scene.items.push_back(card);
    scene.items.push_back(Outline(card.x, card.y, card.w, card.h, palette::kGridBorder, 1));
  }
}

// Cell (row, col) of a grid showing `values` pad_top rows and pad_left
// columns in, with padding around them.
CellState PaddedValue(const Grid& values, int pad_top, int pad_left, int row, int col) {
  const int y = row - pad_top, x = col - pad_left;
  if (y < 0 || x < 0 || y >= values.rows || x >= values.cols) return CellState{Kind::Padding, 0};
  return CellState{Kind::Value, values.at(y, x)};
}

// Lets a grid drawn as one picture take its colours from the lesson's
// memo (LayoutInput::fills_memo), made once for every beat: cells
// [0, shown) show their values, those of `values` starting pad_top rows and
// pad_left columns in (the cells around them are padding).
void ShareFills(GridContent& content, const LayoutInput& in, const GridBox& b, const Grid& values, std::size_t shown,
                int pad_top = 0, int pad_left = 0) {
  if (in.fills_memo == nullptr) return;
  const CellFillsMemo::Key key{&values, content.colors, pad_top, pad_left, b.rows, b.cols};
  content.made_fills = GridContent::MadeFills{shown, [memo = in.fills_memo, key, &values] {
    return memo->Get(key, [&] {
      return CellFills(key.rows, key.cols,
                       [&](int row, int col) { return PaddedValue(values, key.pad_top, key.pad_left, row, col); },
                       key.colors);
    });
  }};
}

}  // namespace

Scene LayoutBeat(const LayoutInput& in, const FrameGeometry& planned, int beat_index) {
  const Storyboard& story = *in.story;
  const Messages& m = *story.text;
  const Beat& beat = story.beats.at(static_cast<std::size_t>(beat_index));
  // A focused variant's beat shows its stage's panels only.
  const FrameGeometry& stage = planned.ForStage(beat.stage);
  std::optional<FrameGeometry> lifted;
  if (beat.stage == Stage::Intro && stage.intro_lift > 0) MoveDown(lifted.emplace(stage), 0, -stage.intro_lift);
  const FrameGeometry& g = lifted ? *lifted : stage;
  // With several filters the beat's map is drawn in front.
  std::optional<Variant> focused_variant;
  std::optional<VariantResult> focused_result;
  if (FilterCount(*in.variant) > 1 && beat.map != in.variant->drawn) {
    focused_variant = FocusOnFilter(*in.variant, beat.map);
    focused_result = FocusOnFilter(*in.result, beat.map);
  }
  const Variant& v = focused_variant ? *focused_variant : *in.variant;
  const VariantResult& r = focused_result ? *focused_result : *in.result;
  const ConvSpec& cs = v.conv;

  Scene scene;
  scene.width = g.width;
  scene.height = g.height;
  scene.background = palette::kBackground;
  // Room for as many items as this thread's scene before had: a beat's
  // scene is laid out for each output, thousands of items grown by doubling
  // (each growth moving every item) cost more than their first writing.
  thread_local std::size_t items_before = 0;
  scene.items.reserve(items_before);
  // The words are the storyboard's; only their fitting is decided here.
  const std::string& heading = beat.heading;
  scene.title = beat.title;
  scene.desc = beat.description;

  scene.items.push_back(GroupBegin{"heading", "heading", ""});
  // A long label gives way before the stage does, cut alike in every beat
  // (label_room), and goes whole where not even a few letters of it fit.
  const std::string stage_part = " \u00B7 " + heading;
  const double room = g.width - 2 * g.margin;
  const std::string label_part =
      FitText(v.label, g.heading_size, g.label_room[static_cast<std::size_t>(beat.stage)], true, kMinLabelLetters);
  // A label that gave way entirely takes its separator with it.
  const std::string whole = label_part.empty() ? heading : label_part + stage_part;
  AddText(scene, g.margin, g.heading_y, FitText(whole, g.heading_size, room, true), g.heading_size,
          palette::kInk, TextAnchor::Start, true);
  scene.items.push_back(GroupEnd{});

  // The image inside its zero padding, in grey: a picture.
  const GreyRange grey = in.image_white > in.image_black ? GreyRange{in.image_black, in.image_white} : ImageGreyRange(v);
  const CellColors maps{.scale = in.value_scale};
  GridContent input{.id = "input",
                    .label = g.input.label,
                    .colors = {.grey = true, .black = grey.black, .white = grey.white},
                    .index_row0 = cs.pad_top,
                    .index_col0 = cs.pad_left,
                    .index_rows = v.image->rows,
                    .index_cols = v.image->cols,
                    .cell = [&](int row, int col) { return PaddedValue(v.image, cs.pad_top, cs.pad_left, row, col); }};
  ShareFills(input, in, g.input.grid, v.image, GridContent::MadeFills::kAll, cs.pad_top, cs.pad_left);
  AddChannelCards(scene, g, v, m);
  AddGridPanel(scene, g, g.input, input);
  if (cs.pad_top + cs.pad_bottom + cs.pad_left + cs.pad_right > 0 && g.input.grid.rows > 0) {
    // The image's own edge inside the padding.
    const GridBox& b = g.input.grid;
    scene.items.push_back(Outline(b.x + cs.pad_left * b.cell, b.y + cs.pad_top * b.cell, v.image->cols * b.cell,
                                  v.image->rows * b.cell, palette::kInk, 1.5));
  }

  const Grid& w = v.filter.weights;
  const int filters = FilterCount(v);
  // Several filters: the label names the one in front (the geometry made
  // room for the longest).
  Panel filter_panel = g.filter;
  if (filters > 1) filter_panel.label = FilterPanelLabel(v, StackedFilterLabel(v, beat.map, m), m);
  // Strips: the filter sits under the window it is applied at (the first
  // cell's, for a beat of several), so each weight is under its pixel; a
  // dilated filter's weights are spaced out, so it stays where it is.
  // Transposed, the filter sits over the output cells its copy lands on
  // (cropped taps past the output's ends, where the geometry made room).
  std::optional<double> filter_x;
  if (g.strips && cs.dilation_w == 1 && beat.stage == Stage::Conv && beat.last_cell >= beat.first_cell) {
    if (cs.transposed) {
      const ScatterTrace t = TraceScatterCell(v, 0, beat.first_cell % v.image->cols);
      if (!t.cells.empty()) filter_x = g.conv.grid.x + t.cells.front().col * g.conv.grid.cell;
    } else if (r.conv().cols > 0) {
      const ConvTrace t = TraceConvCell(v, beat.first_cell / r.conv().cols, beat.first_cell % r.conv().cols);
      if (!t.cells.empty()) filter_x = g.input.grid.x + BoxOf(t.cells).col0 * g.input.grid.cell;
    }
  }
  if (filter_x) {
    const double dx = *filter_x - filter_panel.grid.x;
    filter_panel.grid.x += dx;
    const double half = TextWidth(filter_panel.label, g.label_size, true) / 2;
    filter_panel.label_x = std::clamp(filter_panel.label_x + dx, g.margin + half, std::max(g.margin + half, g.width - g.margin - half));
  }
  // The stacks' cards first, so the front grids cover them.
  if (filters > 1) {
    scene.items.push_back(GroupBegin{"stack", "stack", StackDescription(story, beat, filters)});
    for (const Panel* panel : {&g.filter, &g.conv, &g.activated, &g.pooled})
      AddStackCards(scene, panel == &g.filter ? filter_panel : *panel, story, beat, filters, panel == &g.filter);
    scene.items.push_back(GroupEnd{});
  }
  AddGridPanel(scene, g, filter_panel,
               {.id = "filter",
                .label = filters > 1 || ChannelCount(v) > 1 ? filter_panel.label : g.filter.label + ", " + v.filter.name,
                .colors = {.scale = in.weight_scale},
                .cell = [&](int row, int col) { return CellState{Kind::Value, w.at(row, col)}; }});

  const int conv_cols = r.conv().cols;
  // Transposed, while inputs still scatter: each output cell's running sum,
  // empty until a copy reaches it.
  const bool scatter = cs.transposed;
  const bool scattering = scatter && beat.stage == Stage::Conv;
  const ScatterPartial partial = scattering ? ScatterPartialSums(v, beat.conv_filled) : ScatterPartial{};
  GridContent conv{.id = "conv",
                   .label = g.conv.label,
                   .colors = maps,
                   .index_rows = r.conv().rows,
                   .index_cols = r.conv().cols,
                   .cell = [&](int row, int col) {
                     if (scattering) {
                       const auto at = static_cast<std::size_t>(row) * static_cast<std::size_t>(conv_cols) + static_cast<std::size_t>(col);
                       // A cell no copy will reach holds the bias from the start.
                       if (partial.hits[at] == 0 && partial.copies[at] > 0) return CellState{};
                       return CellState{Kind::Value, partial.sums.at(row, col)};
                     }
                     if (!scatter && row * conv_cols + col >= beat.conv_filled) return CellState{};
                     if (scatter && beat.conv_filled == 0) return CellState{};
                     return CellState{Kind::Value, r.conv().at(row, col)};
                   }};
  // (Cells a transposed convolution scatters into hold partial sums.)
  if (!scattering)
    ShareFills(conv, in, g.conv.grid, r.conv(),
               scatter ? (beat.conv_filled == 0 ? 0 : GridContent::MadeFills::kAll) : static_cast<std::size_t>(std::max(beat.conv_filled, 0)));
  AddGridPanel(scene, g, g.conv, conv);
  if (scattering && std::any_of(partial.copies.begin(), partial.copies.end(), [](int n) { return n > 1; })) {
    // Cells several copies have added into, marked by shape, not colour alone.
    scene.items.push_back(GroupBegin{"overlaps", "overlaps", m.Text(Msg::legend_overlaps)});
    for (int row = 0; row < r.conv().rows; ++row)
      for (int col = 0; col < conv_cols; ++col)
        if (partial.hits[static_cast<std::size_t>(row) * static_cast<std::size_t>(conv_cols) + static_cast<std::size_t>(col)] > 1 &&
            g.conv.grid.cell >= 6)
          AddCellMark(scene, g.conv.grid, row, col, false);
    scene.items.push_back(GroupEnd{});
  }
  GridContent activated{.id = "activated",
                        .label = g.activated.label,
                        .colors = maps,
                        .index_rows = r.activated().rows,
                        .index_cols = r.activated().cols,
                        .cell = [&](int row, int col) {
                          if (!beat.activated) return CellState{};
                          return CellState{Kind::Value, r.activated().at(row, col)};
                        }};
  ShareFills(activated, in, g.activated.grid, r.activated(), beat.activated ? GridContent::MadeFills::kAll : 0);
  AddGridPanel(scene, g, g.activated, activated);
  if (r.pooled()) {
    const Grid& p = *r.pooled();
    GridContent pooled{.id = "pooled",
                       .label = g.pooled.label,
                       .colors = maps,
                       .index_rows = p.rows,
                       .index_cols = p.cols,
                       .cell = [&](int row, int col) {
                         if (row * p.cols + col >= beat.pool_filled) return CellState{};
                         return CellState{Kind::Value, p.at(row, col)};
                       }};
    ShareFills(pooled, in, g.pooled.grid, p, static_cast<std::size_t>(std::max(beat.pool_filled, 0)));
    AddGridPanel(scene, g, g.pooled, pooled);
  }

  scene.items.push_back(GroupBegin{"operators", "operators", ""});
  for (const OperatorMark& op : g.operators)
    AddText(scene, op.x, op.y, op.text, g.operator_size, palette::kInk, TextAnchor::Middle);
  scene.items.push_back(GroupEnd{});

  // What this beat reads (the window) and writes (the highlighted cells).
  const int first_row = beat.last_cell >= beat.first_cell && conv_cols > 0 ? beat.first_cell : 0;
  if (beat.stage == Stage::Conv && scatter && beat.last_cell >= beat.first_cell) {
    scene.items.push_back(GroupBegin{"window", "window", m.Text(Msg::group_scatter_targets)});
    AddScatterTargets(scene, v, g.input.grid, g.conv.grid, beat.first_cell, beat.last_cell);
    AddHighlight(scene, filter_panel.grid, 0, w.rows, 0, w.cols);
    scene.items.push_back(GroupEnd{});
  } else if (beat.stage == Stage::Conv && conv_cols > 0) {
    scene.items.push_back(GroupBegin{"window", "window", m.Text(Msg::group_filter_window)});
    const int row0 = first_row / conv_cols, col0 = first_row % conv_cols;
    const int row1 = beat.last_cell / conv_cols;
    AddConvWindow(scene, v, g.input.grid, conv_cols, first_row, beat.last_cell);
    AddHighlight(scene, filter_panel.grid, 0, w.rows, 0, w.cols);
    if (beat.first_cell == beat.last_cell)
      AddHighlight(scene, g.conv.grid, row0, row0 + 1, col0, col0 + 1);
    else
      AddHighlight(scene, g.conv.grid, row0, row1 + 1, 0, conv_cols);
    scene.items.push_back(GroupEnd{});
  } else if (beat.stage == Stage::Activation) {
    scene.items.push_back(GroupBegin{"window", "window", m.Text(Msg::group_activation_changed)});
    const GridBox& ab = g.activated.grid;
    int changed = 0;
    for (double x : r.conv().values) changed += x < 0;
    if (changed <= 1024 && ab.cell >= 6) {
      for (int row = 0; row < r.conv().rows; ++row)
        for (int col = 0; col < r.conv().cols; ++col)
          if (r.conv().at(row, col) < 0) AddCellMark(scene, ab, row, col, true);
    }
    AddHighlight(scene, ab, 0, ab.rows, 0, ab.cols);
    scene.items.push_back(GroupEnd{});
  } else if (beat.stage == Stage::Pool && r.pooled()) {
    const Grid& p = *r.pooled();
    scene.items.push_back(GroupBegin{"window", "window", m.Text(Msg::group_pool_window)});
    const GridBox& ab = g.activated.grid.rows > 0 ? g.activated.grid : g.conv.grid;
    const int row0 = beat.first_cell / p.cols, col0 = beat.first_cell % p.cols;
    const int row1 = beat.last_cell / p.cols;
    if (beat.first_cell == beat.last_cell) {
      const PoolTrace t = TracePoolCell(v, r.activated(), row0, col0);
      if (t.row_end > t.row_begin && t.col_end > t.col_begin) {
        AddHighlight(scene, ab, t.row_begin, t.row_end, t.col_begin, t.col_end);
        if (t.winner_row >= 0 && ab.cell >= 6) AddCellMark(scene, ab, t.winner_row, t.winner_col, false);
      }
      AddHighlight(scene, g.pooled.grid, row0, row0 + 1, col0, col0 + 1);
    } else {
      // A band of rows: from the first cell's window to the last's, as traced.
      const PoolTrace a = TracePoolCell(v, r.activated(), row0, 0);
      const PoolTrace b = TracePoolCell(v, r.activated(), row1, p.cols - 1);
      const int top = std::min(a.row_begin, b.row_begin), bottom = std::max(a.row_end, b.row_end);
      const int left = std::min(a.col_begin, b.col_begin), right = std::max(a.col_end, b.col_end);
      if (bottom > top && right > left) AddHighlight(scene, ab, top, bottom, left, right);
      AddHighlight(scene, g.pooled.grid, row0, row1 + 1, 0, p.cols);
    }
    scene.items.push_back(GroupEnd{});
  }

  if (beat.stage == Stage::Conv && scatter && beat.first_cell == beat.last_cell)
    AddScaledCopy(scene, g, v, TraceScatterCell(v, beat.first_cell / v.image->cols, beat.first_cell % v.image->cols), m);
  else if (beat.stage == Stage::Conv && conv_cols > 0 && beat.first_cell == beat.last_cell)
    AddProducts(scene, g, v, TraceConvCell(v, beat.first_cell / conv_cols, beat.first_cell % conv_cols), m);

  scene.items.push_back(GroupBegin{"caption", "caption", ""});
  const std::vector<std::string> lines = WrapText(beat.caption, g.caption_size, g.caption_width, g.caption_lines);
  for (std::size_t i = 0; i < lines.size(); ++i)
    AddText(scene, g.margin, g.caption_y + static_cast<double>(i) * g.caption_line_height, lines[i], g.caption_size,
            palette::kInk, TextAnchor::Start);
  scene.items.push_back(GroupEnd{});

  AddLegend(scene, g, in, grey);
  items_before = scene.items.size();
  return scene;
}

}  // namespace cl
