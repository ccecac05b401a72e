#include "site/paper_figures.h"

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <functional>
#include <iterator>
#include <optional>
#include <cmath>
#include <utility>
#include <variant>

#include "base/number_format.h"
#include "compute/decimal_clean.h"
#include "scene/grid_items.h"
#include "scene/palette.h"
#include "scene/text_fit.h"
#include "scene/text_metrics.h"
#include "storyboard/captions.h"
#include "storyboard/settings_text.h"

namespace cl {

namespace {

constexpr double kLineGap = 1.25;       // line height as a multiple of the font size
constexpr double kCellHeight = 14;      // one line of 9 pt numbers with air
constexpr double kProductCellHeight = 26;  // "9×(−1)" over its product
constexpr double kMinCell = 15;
constexpr double kCellPad = 6;          // horizontal room around a cell's number
constexpr double kBoxGap = 14;          // between boxes in a row
constexpr double kArrowGap = 24;        // between boxes joined by an arrow
constexpr double kMaxColourCell = 12;   // cells without numbers (grids too wide to number)
constexpr double kMaxColourSide = 260;  // and such a grid's longer side at most,
constexpr double kMaxColourShare = 0.36;  // and at most this share of the width: a filter fits beside it
constexpr double kTitleWrap = 120;      // a grid's title wraps at this width or the grid's
constexpr int kValueChars = 6;          // a cell's number: at most this many characters where possible
constexpr const char* kMinus = "\u2212";

void Shift(SceneItem& item, double dx, double dy) {
  std::visit(
      [&](auto& s) {
        using T = std::decay_t<decltype(s)>;
        if constexpr (std::is_same_v<T, RectShape> || std::is_same_v<T, TextShape> || std::is_same_v<T, CellsShape>) {
          s.x += dx;
          s.y += dy;
        } else if constexpr (std::is_same_v<T, LineShape>) {
          s.x1 += dx;
          s.x2 += dx;
          s.y1 += dy;
          s.y2 += dy;
        }
      },
      item);
}

void Text(PaperBox* box, double x, double baseline, std::string text, double size, Color color,
          TextAnchor anchor = TextAnchor::Start, bool bold = false) {
  box->items.emplace_back(MakeText(x, baseline, std::move(text), size, color, anchor, bold));
}

void Rect(PaperBox* box, double x, double y, double w, double h, Color fill) {
  RectShape r;
  r.x = x;
  r.y = y;
  r.w = w;
  r.h = h;
  r.fill = fill;
  box->items.emplace_back(r);
}

void Frame(PaperBox* box, double x, double y, double w, double h, Color stroke, double width) {
  box->items.emplace_back(Outline(x, y, w, h, stroke, width));
}

void Line(PaperBox* box, double x1, double y1, double x2, double y2, Color color, double width) {
  LineShape l;
  l.x1 = x1;
  l.y1 = y1;
  l.x2 = x2;
  l.y2 = y2;
  l.stroke = color;
  l.width = width;
  box->items.emplace_back(l);
}

// The amber outline of the sliding window, with a dark rim inside so it
// stays visible on orange cells (as in the frames).
void WindowMark(PaperBox* box, double x, double y, double w, double h) {
  Frame(box, x, y, w, h, palette::kAmber, 2.5);
  Frame(box, x + 1.6, y + 1.6, std::max(0.0, w - 3.2), std::max(0.0, h - 3.2), palette::kWindowEdge, 0.6);
}

// Lines of `text` wrapped to `width` at `size`, drawn from `*y` (top) down.
void Paragraph(PaperBox* box, const std::string& text, double size, bool bold, Color color, double width, double* y) {
  for (const std::string& line : WrapText(text, size, width, 6, bold)) {
    *y += size * kLineGap;
    Text(box, 0, *y - size * 0.3, line, size, color, TextAnchor::Start, bold);
    box->w = std::max(box->w, TextWidth(line, size, bold));
  }
}

double Baseline(double top, double height, double size) { return top + height / 2 + size * 0.36; }

std::string CellText(double v) { return FormatNumberCompact(v, kValueChars); }

// A grid drawn for paper: title, column and row indices, cells coloured on the
// diverging scale (the image: in grey, as in the frames) with their numbers,
// and optional padding ring and marks.
struct PaperGrid {
  std::string title;
  const Grid* grid = nullptr;
  double scale = 1;
  const Messages* text = nullptr;  // the notes under a grid (rounded numbers, none printed)
  // The image is a picture: grey from black at `black` to white at `white`.
  bool grey = false;
  double black = 0, white = 1;
  int pad_top = 0, pad_bottom = 0, pad_left = 0, pad_right = 0;
  // Marks, in grid coordinates counted from the padding's top-left corner.
  int mark_row = -1, mark_col = -1, mark_rows = 0, mark_cols = 0;
  // Cells shown, row-major from the top-left (a map being written, or an
  // empty grid to fill in by hand); -1: all. The rest stay white and empty.
  int filled = -1;
  // Cell size: at least min_cell_w wide (numbers set the rest), cell_h tall.
  // A worksheet's grids are larger, to write in by hand.
  double min_cell_w = kMinCell, cell_h = kCellHeight;
  // The numbers of the grid's first row and column: a part of a larger grid
  // keeps the whole one's, and says which it is under the title ("rows 6 to
  // 9", "columns 1 to 4").
  int first_row = 0, first_col = 0;
  std::string part_rows{}, part_cols{};
  // Every number as the lesson has it (a filter's weights: 0.03125, which
  // shortened to 0.031 would not give the products printed beside it).
  bool exact = false;
  std::string Number(double v) const { return exact ? FormatNumberText(v) : CellText(v); }
};

Color CellFill(const PaperGrid& g, double v) { return g.grey ? GreyColor(v, g.black, g.white) : DivergingColor(v, g.scale); }

// Room for the row numbers left of a grid's cells.
double RowLabelWidth(const PaperGrid& g) {
  return TextWidth(std::to_string(g.first_row + std::max(g.grid->rows, 1) - 1), kPaperIndexSize) + 4;
}

// Whether every number of `g` fits `max_width`, and the widest of them.
// The values are measured only while they still can fit: a photograph's
// quarter million cells are a picture after the first (measuring them all
// was a third of its handouts' time).
bool NumbersFit(const PaperGrid& g, double max_width, double* widest_number = nullptr) {
  const Grid& grid = *g.grid;
  const int cols = g.pad_left + grid.cols + g.pad_right;
  const double label_w = RowLabelWidth(g);
  double widest = TextWidth("0", kPaperValueSize);
  const auto fits = [&] { return label_w + std::max(g.min_cell_w, widest + kCellPad) * cols <= max_width; };
  bool numbers = fits();
  for (std::size_t i = 0; numbers && i < grid.values.size(); ++i) {
    widest = std::max(widest, TextWidth(g.Number(grid.values[i]), kPaperValueSize));
    numbers = fits();
  }
  if (widest_number) *widest_number = widest;
  return numbers;
}

PaperBox PaperGridBox(const PaperGrid& g, double max_width, bool* cramped) {
  const Grid& grid = *g.grid;
  const int rows = g.pad_top + grid.rows + g.pad_bottom, cols = g.pad_left + grid.cols + g.pad_right;
  const double label_w = RowLabelWidth(g);
  double widest = 0;
  const bool numbers = NumbersFit(g, max_width, &widest);
  double cw = std::max(g.min_cell_w, widest + kCellPad), ch = g.cell_h;
  if (!numbers) {
    *cramped = true;
    // Colours only: a picture of the grid, no larger than it needs to be.
    cw = std::min(kMaxColourCell, std::min(max_width * kMaxColourShare, kMaxColourSide) / std::max({rows, cols, 1}));
    ch = cw;
  }
  const double lx = numbers ? label_w : 0;
  const double grid_w = cw * cols, grid_h = ch * rows;

  PaperBox box;
  double y = 0;
  // A long title wraps rather than widening a small grid's box, so a 3x3
  // filter still fits beside its image.
  const double title_w =
      std::min(max_width, std::max(lx + grid_w, std::min(kTitleWrap, TextWidth(g.title, kPaperLabelSize, true))));
  Paragraph(&box, g.title, kPaperLabelSize, true, palette::kInk, title_w, &y);
  if (!g.part_rows.empty()) {  // on one line where it fits, else rows and columns a line each
    const std::string both = g.part_rows + ", " + g.part_cols;
    if (TextWidth(both, kPaperLabelSize) <= title_w) {
      Paragraph(&box, both, kPaperLabelSize, false, palette::kInk, title_w, &y);
    } else {
      Paragraph(&box, g.part_rows + ",", kPaperLabelSize, false, palette::kInk, title_w, &y);
      Paragraph(&box, g.part_cols, kPaperLabelSize, false, palette::kInk, title_w, &y);
    }
  }
  y += 2;
  const double index_h = numbers ? kPaperIndexSize * kLineGap : 0;
  const double top = y + index_h;
  auto cell_x = [&](int c) { return lx + c * cw; };
  auto cell_y = [&](int r) { return top + r * ch; };
  auto shown = [&](int r, int c) {
    const int ir = r - g.pad_top, ic = c - g.pad_left;
    if (g.filled < 0 || ir < 0 || ic < 0 || ir >= grid.rows || ic >= grid.cols) return true;  // padding: always
    return ir * grid.cols + ic < g.filled;
  };
  auto value_at = [&](int r, int c, bool* padding) {
    const int ir = r - g.pad_top, ic = c - g.pad_left;
    *padding = ir < 0 || ic < 0 || ir >= grid.rows || ic >= grid.cols;
    return *padding ? 0.0 : grid.at(ir, ic);
  };

  bool rounded = false;  // a printed number other than its value (padding prints 0, exactly)
  if (numbers) {
    for (int c = 0; c < grid.cols; ++c) {
      Text(&box, cell_x(c + g.pad_left) + cw / 2, top - 3, std::to_string(g.first_col + c), kPaperIndexSize,
           palette::kMutedInk, TextAnchor::Middle);
    }
    for (int r = 0; r < grid.rows; ++r) {
      Text(&box, lx - 3, Baseline(cell_y(r + g.pad_top), ch, kPaperIndexSize), std::to_string(g.first_row + r),
           kPaperIndexSize, palette::kMutedInk, TextAnchor::End);
    }
    for (int r = 0; r < rows; ++r) {
      for (int c = 0; c < cols; ++c) {
        bool padding = false;
        const double v = value_at(r, c, &padding);
        Rect(&box, cell_x(c), cell_y(r), cw, ch,
             padding ? palette::kPaddingCell : shown(r, c) ? CellFill(g, v) : palette::kEmptyCell);
      }
    }
    box.items.emplace_back(GroupBegin{"", kPaperValuesRole, ""});
    for (int r = 0; r < rows; ++r) {
      for (int c = 0; c < cols; ++c) {
        bool padding = false;
        const double v = value_at(r, c, &padding);
        if (!shown(r, c)) continue;
        const Color ink = padding ? palette::kPaddingInk : TextColorOn(CellFill(g, v));
        const std::string text = g.Number(v);
        rounded = rounded || text != FormatNumberText(v);
        Text(&box, cell_x(c) + cw / 2, Baseline(cell_y(r), ch, kPaperValueSize), text, kPaperValueSize, ink,
             TextAnchor::Middle);
      }
    }
    box.items.emplace_back(GroupEnd{});
    for (int r = 1; r < rows; ++r) Line(&box, lx, cell_y(r), lx + grid_w, cell_y(r), palette::kGridLine, 0.5);
    for (int c = 1; c < cols; ++c) Line(&box, cell_x(c), top, cell_x(c), top + grid_h, palette::kGridLine, 0.5);
  } else {
    CellsShape cells;
    cells.x = lx;
    cells.y = top;
    cells.cell_w = cw;
    cells.cell_h = ch;
    cells.rows = rows;
    cells.cols = cols;
    // Sized once: grown by doubling, a padded photograph's pictures held a
    // quarter more than their cells, and the handout holds them all.
    std::vector<Color> fills;
    fills.reserve(static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols));
    for (int r = 0; r < rows; ++r) {
      for (int c = 0; c < cols; ++c) {
        bool padding = false;
        const double v = value_at(r, c, &padding);
        fills.push_back(padding        ? palette::kPaddingCell
                        : shown(r, c) ? CellFill(g, v)
                                      : palette::kEmptyCell);
      }
    }
    cells.fills = BlockFills(std::move(fills));
    box.items.emplace_back(std::move(cells));
  }
  Frame(&box, lx, top, grid_w, grid_h, palette::kGridBorder, 0.75);
  if (g.pad_top + g.pad_bottom + g.pad_left + g.pad_right > 0) {  // the image's edge inside its padding
    Frame(&box, cell_x(g.pad_left), cell_y(g.pad_top), cw * grid.cols, ch * grid.rows, palette::kGridBorder, 0.75);
  }
  if (g.mark_row >= 0 && g.mark_col >= 0) {
    WindowMark(&box, cell_x(g.mark_col), cell_y(g.mark_row), cw * g.mark_cols, ch * g.mark_rows);
  }
  box.w = std::max(box.w, lx + grid_w);
  y = top + grid_h;
  // Said under the grid, as the web page's tables say it: a student's exact
  // answer must not look wrong beside a rounded key.
  const std::string note = !numbers ? g.text->Text(Msg::paper_grid_too_many, {{"size", SizeText(grid.rows, grid.cols)}})
                           : rounded ? g.text->Text(Msg::paper_grid_rounded)
                                     : std::string();
  if (!note.empty()) {
    y += 2;
    Paragraph(&box, note, kPaperTextSize, false, palette::kMutedInk, std::min(max_width, std::max(grid_w, 100.0)), &y);
  }
  box.h = y;
  box.w = std::min(box.w, max_width);
  return box;
}

// "(−1)" for negative numbers in a product, so "9×(−1)" reads unambiguously.
std::string Factor(double v, bool exact = false) {
  const std::string text = exact ? FormatNumberText(v) : CellText(v);
  return v < 0 ? "(" + text + ")" : text;
}

// The words around a products grid; empty: the worked position's own.
struct ProductsWords {
  std::string title, too_many, footer;
};

// The worked position: every pixel·weight with its product, and the sum.
PaperBox ProductsBox(const Variant& v, const ConvTrace& t, double max_width, const Messages& m, bool* cramped,
                     const ProductsWords& words = {}) {
  const Grid& w = v.filter.weights;
  const size_t n = t.products.size();
  if (n != w.values.size()) return {};
  std::vector<std::string> factors(n), products(n);
  double widest = 0, max_abs = 1e-9;
  // The factors as the lesson has them where the grid fits (0.03125, not
  // 0.031, whose product is not the one printed under it), else shortened.
  for (const bool exact : {true, false}) {
    widest = 0;
    for (size_t i = 0; i < n; ++i) {
      factors[i] = Factor(t.inputs[i], exact) + "\u00b7" + Factor(w.values[i], exact);
      products[i] = CellText(t.products[i]);
      widest = std::max({widest, TextWidth(factors[i], kPaperTextSize), TextWidth(products[i], kPaperValueSize, true)});
      max_abs = std::max(max_abs, std::fabs(t.products[i]));
    }
    if (std::max(kMinCell, widest + 8) * w.cols <= max_width) break;
  }
  PaperBox box;
  double y = 0;
  const std::string position = fmt::format("({}, {})", t.out_row, t.out_col);
  const std::string title = words.title.empty() ? m.Text(Msg::paper_products_title, {{"position", position}}) : words.title;
  const double cw = std::max(kMinCell, widest + 8), grid_w = cw * w.cols, grid_h = kProductCellHeight * w.rows;
  // With channels the cell adds every channel's products: paper says how
  // many and their sum (the frames and the page show each channel's).
  if (grid_w > max_width || t.channels.size() > 1) {
    *cramped = grid_w > max_width;
    const auto count = static_cast<long long>(n * std::max<std::size_t>(t.channels.size(), 1));
    std::string text = words.too_many;
    if (text.empty() && t.bias != 0.0) {
      // The products' sum apart from the bias, so the sentence adds up
      // (a conv trace lists every channel's products, the first included).
      DecimalSum products_sum;
      for (const ConvTrace::ChannelTaps& taps : t.channels)
        for (const double product : taps.products) products_sum.Add(product);
      text = m.Text(Msg::paper_products_too_many_bias, {{"position", position},
                                                       {"count", count},
                                                       {"products", FormatNumberText(products_sum.Clean())},
                                                       {"bias", FormatNumberText(t.bias)},
                                                       {"sum", FormatNumberText(t.sum)}});
    } else if (text.empty()) {
      text = m.Text(Msg::paper_products_too_many, {{"position", position}, {"count", count}, {"sum", FormatNumberText(t.sum)}});
    }
    Paragraph(&box, text, kPaperLabelSize, false, palette::kInk, max_width, &y);
    // With channels, each channel's partial sum, as the frames' captions add them.
    if (words.too_many.empty() && t.channels.size() > 1)
      Paragraph(&box, ChannelSumText(v, t, m), kPaperLabelSize, false, palette::kInk, max_width, &y);
    box.h = y;
    return box;
  }
  Paragraph(&box, title, kPaperLabelSize, true, palette::kInk, std::min(max_width, std::max(grid_w, 160.0)), &y);
  y += 3;
  const double top = y;
  for (int r = 0; r < w.rows; ++r) {
    for (int c = 0; c < w.cols; ++c) {
      const size_t i = static_cast<size_t>(r) * static_cast<size_t>(w.cols) + static_cast<size_t>(c);
      const Color fill = DivergingColor(t.products[i], max_abs);
      const double x = c * cw, cy = top + r * kProductCellHeight;
      Rect(&box, x, cy, cw, kProductCellHeight, fill);
      Text(&box, x + cw / 2, cy + 10, factors[i], kPaperTextSize, TextColorOn(fill), TextAnchor::Middle);
    }
  }
  box.items.emplace_back(GroupBegin{"", kPaperValuesRole, ""});
  for (int r = 0; r < w.rows; ++r) {
    for (int c = 0; c < w.cols; ++c) {
      const size_t i = static_cast<size_t>(r) * static_cast<size_t>(w.cols) + static_cast<size_t>(c);
      Text(&box, c * cw + cw / 2, top + r * kProductCellHeight + 21.5, products[i], kPaperValueSize,
           TextColorOn(DivergingColor(t.products[i], max_abs)), TextAnchor::Middle, true);
    }
  }
  box.items.emplace_back(GroupEnd{});
  for (int r = 1; r < w.rows; ++r) Line(&box, 0, top + r * kProductCellHeight, grid_w, top + r * kProductCellHeight, palette::kGridLine, 0.5);
  for (int c = 1; c < w.cols; ++c) Line(&box, c * cw, top, c * cw, top + grid_h, palette::kGridLine, 0.5);
  Frame(&box, 0, top, grid_w, grid_h, palette::kGridBorder, 0.75);
  box.w = std::max(box.w, grid_w);
  y = top + grid_h + 2;
  Paragraph(&box, !words.footer.empty() ? words.footer
                 : t.bias != 0.0 ? m.Text(Msg::paper_products_sum_bias, {{"count", static_cast<long long>(n)},
                                                                        {"bias", FormatNumberText(t.bias)},
                                                                        {"sum", FormatNumberText(t.sum)},
                                                                        {"position", position}})
                                 : m.Text(Msg::paper_products_sum,
                                          {{"count", static_cast<long long>(n)}, {"sum", FormatNumberText(t.sum)}, {"position", position}}),
            kPaperValueSize, false, palette::kInk, std::min(max_width, std::max(grid_w, 200.0)), &y);
  box.h = y;
  return box;
}

// Transposed: the scaled copy of input cell (row, col), each pixel × weight
// with its product, and where the copy lands in the output.
PaperBox ScaledCopyBox(const Variant& v, int row, int col, double max_width, const Messages& m, bool* cramped) {
  const ScatterTrace s = TraceScatterCell(v, row, col);
  ConvTrace t;
  t.out_row = row;
  t.out_col = col;
  t.inputs.assign(s.products.size(), s.input);
  t.products = s.products;
  const LandingBlock lands = LandingOf(s);
  const std::string position = fmt::format("({}, {})", row, col);
  // With a bias, the cells the copy lands on hold it too (the key's map
  // shows 0.85 where the product is 0.75).
  const std::string bias =
      v.filter.bias != 0.0 ? " " + m.Text(Msg::scatter_bias_start, {{"bias", FormatNumberText(v.filter.bias)}}) : "";
  const auto landing_words = [&] {
    return (lands.row1 < 0
                ? m.Text(Msg::scatter_cell_caption_cropped, {{"position", position}, {"value", FormatNumberText(s.input)}})
                : m.Text(Msg::paper_scaled_copy_lands,
                         {{"rows", RowsText(m, lands.row0, lands.row1)}, {"cols", ColumnsText(m, lands.col0, lands.col1)}})) +
           bias;
  };
  if (s.channels.size() > 1) {
    // Like a conv position with channels: paper names each channel's value
    // and where the copies land (the frames draw every channel's copy).
    std::vector<std::string> values;
    for (std::size_t c = 0; c < s.channels.size(); ++c)
      values.push_back(m.Text(Msg::term_channel, {{"value", FormatNumberText(s.channels[c].input)},
                                                  {"name", ChannelName(v, static_cast<int>(c), m)}}));
    PaperBox box;
    double y = 0;
    const Grid& w = v.filter.weights;
    Paragraph(&box,
              m.Text(Msg::paper_scaled_copy_channels,
                     {{"position", position},
                      {"values", ListText(values, m)},
                      {"filter_size", SizeText(w.rows, w.cols)},
                      {"count", static_cast<long long>(s.products.size() * s.channels.size())}}) +
                  " " +
                  (lands.row1 < 0 ? m.Text(Msg::scatter_cell_channels_caption_cropped,
                                           {{"position", position}, {"values", ListText(values, m)}}) + "."
                                  : landing_words()),
              kPaperLabelSize, false, palette::kInk, max_width, &y);
    box.h = y;
    return box;
  }
  ProductsWords words;
  words.title = m.Text(Msg::paper_scaled_copy_title, {{"position", position}});
  words.too_many = m.Text(Msg::paper_scaled_copy_too_many, {{"position", position}, {"count", static_cast<long long>(s.products.size())}});
  words.footer = landing_words();
  return ProductsBox(v, t, max_width, m, cramped, words);
}

// Boxes left to right, tops level, wrapping when the next would pass
// `width`: one box per line, so a page can break between lines. An arrow
// leads to each of the first `arrows` boxes that does not start a line.
// The boxes in a list, moved there (a braced list would copy each).
template <typename... Boxes>
std::vector<PaperBox> BoxList(Boxes&&... boxes) {
  std::vector<PaperBox> list;
  list.reserve(sizeof...(boxes));
  (list.push_back(std::forward<Boxes>(boxes)), ...);
  return list;
}

// Moves `boxes` to the end of `*to`.
void AppendBoxes(std::vector<PaperBox>* to, std::vector<PaperBox> boxes) {
  to->insert(to->end(), std::make_move_iterator(boxes.begin()), std::make_move_iterator(boxes.end()));
}

std::vector<PaperBox> FlowLines(std::vector<PaperBox> boxes, double width, size_t arrows) {
  std::vector<PaperBox> lines;
  double x = 0;
  for (size_t i = 0; i < boxes.size(); ++i) {
    const double w = boxes[i].w, h = boxes[i].h;
    const bool arrow = i < arrows;  // an arrow joins box i - 1 to box i
    const double gap = arrow ? kArrowGap : kBoxGap;
    if (lines.empty() || x + gap + w > width) {
      lines.emplace_back();
      x = 0;
    } else {
      PaperBox& line = lines.back();
      if (arrow) Text(&line, x + gap / 2, std::min(h, line.h) / 2 + 8, "\u2192", 12, palette::kMutedInk, TextAnchor::Middle);
      x += gap;
    }
    // Moved, not copied: a photograph's boxes hold megabytes of cell colours.
    PlaceBox(&lines.back(), std::move(boxes[i]), x, 0);
    x += w;
  }
  return lines;
}

std::string PaddingText(const ConvSpec& c, const Messages& m) {
  if (c.transposed) {  // "transposed, padding 1 cropped off every side, output padding 1"
    std::string text = m.Text(Msg::settings_transposed) + ", " + CropWords(c, m);
    if (const std::string extra = OutputPaddingWords(c, m); !extra.empty()) text += ", " + extra;
    return text;
  }
  if (c.pad_top == 0 && c.pad_bottom == 0 && c.pad_left == 0 && c.pad_right == 0) return m.Text(Msg::paper_no_padding);
  if (c.causal) return m.Text(Msg::padding_causal, {{"pad", c.pad_left}});
  if (c.pad_top == c.pad_bottom && c.pad_top == c.pad_left && c.pad_top == c.pad_right)
    return m.Count(c.same ? Msg::paper_same_padding_rings : Msg::paper_padding_rings, c.pad_top);
  return m.Text(c.same ? Msg::paper_same_padding_sides : Msg::paper_padding_sides,
                {{"top", c.pad_top}, {"bottom", c.pad_bottom}, {"left", c.pad_left}, {"right", c.pad_right}});
}

std::string PairText(int h, int w, const Messages& m) {
  return h == w ? std::to_string(h) : m.Text(Msg::paper_pair, {{"down", h}, {"across", w}});
}

std::string SettingsTextOf(const Variant& v, const Messages& m) {
  std::string s = m.Text(Msg::paper_settings_conv,
                         {{"padding", PaddingText(v.conv, m)}, {"stride", PairText(v.conv.stride_h, v.conv.stride_w, m)}});
  if (v.conv.dilation_h > 1 || v.conv.dilation_w > 1)
    s += ", " + m.Text(Msg::paper_settings_dilation, {{"dilation", PairText(v.conv.dilation_h, v.conv.dilation_w, m)}});
  const std::string activation = ActivationInSentence(v.activation, m);
  s += "; " + (v.activation.type == ActivationType::LeakyRelu
                   ? m.Text(Msg::paper_settings_slope, {{"activation", activation}, {"slope", FormatNumberText(v.activation.slope)}})
                   : activation);
  if (v.pool.enabled) {
    std::string pool = m.Text(v.pool.type == PoolType::Max ? Msg::paper_settings_pool_max : Msg::paper_settings_pool_average,
                              {{"size", SizeText(v.pool.size_h, v.pool.size_w)},
                               {"stride", PairText(v.pool.stride_h, v.pool.stride_w, m)}});
    if (v.pool.remainder == Remainder::Pad) pool = m.Text(Msg::paper_settings_leftover, {{"pool", pool}});
    s += "; " + pool;
  } else {
    s += "; " + m.Text(Msg::paper_settings_no_pooling);
  }
  return s + ".";
}

struct AxisNumbers {
  std::string window, size;  // "(3 − 1) · 2 + 1 = 5" (empty unless dilated); "⌊(…) / 2⌋ + 1 = 5"
};

AxisNumbers ConvAxisNumbers(int in, int before, int after, int kernel, int stride, int dilation) {
  AxisNumbers a;
  const int span = (kernel - 1) * dilation + 1;
  if (dilation > 1) a.window = fmt::format("({} {} 1) \u00b7 {} + 1 = {}", kernel, kMinus, dilation, span);
  const std::string pads = before == 0 && after == 0 ? "" : fmt::format(" + {} + {}", before, after);
  a.size = fmt::format("\u230a({}{} {} {}) / {}\u230b + 1 = {}", in, pads, kMinus, span, stride,
                       ConvOutputSize(in, before, after, kernel, stride, dilation));
  return a;
}

// PyTorch's ConvTranspose2d along one axis: "(2 − 1) · 2 − 2 · 0 + 1 · (3 − 1) + 0 + 1 = 5".
AxisNumbers TransposedAxisNumbers(int in, int crop, int kernel, int stride, int dilation, int output_padding) {
  AxisNumbers a;
  a.size = fmt::format("({} {} 1) \u00b7 {} {} 2 \u00b7 {} + {} \u00b7 ({} {} 1) + {} + 1 = {}", in, kMinus, stride, kMinus,
                       crop, dilation, kernel, kMinus, output_padding,
                       TransposedOutputSize(in, crop, kernel, stride, dilation, output_padding));
  return a;
}

std::string PoolAxisNumbers(int in, int size, int stride, Remainder remainder) {
  const bool drop = remainder == Remainder::Drop;
  return fmt::format("{}({} {} {}) / {}{} + 1 = {}", drop ? "\u230a" : "\u2308", in, kMinus, size, stride,
                     drop ? "\u230b" : "\u2309", PooledSize(in, size, stride, remainder));
}

// "What: numbers rows and columns", or one line per axis when they differ.
void AxisLines(const std::string& what, const std::string& rows, const std::string& cols, const Messages& m,
               std::vector<std::string>* lines) {
  if (rows.empty() && cols.empty()) return;
  if (rows.empty() || cols.empty()) {  // only one axis has it (a window dilated along one axis)
    lines->push_back(m.Text(rows.empty() ? Msg::paper_axis_columns : Msg::paper_axis_rows,
                            {{"what", what}, {"formula", rows.empty() ? cols : rows}}));
  } else if (rows == cols) {
    lines->push_back(m.Text(Msg::paper_axis_both, {{"what", what}, {"formula", rows}}));
  } else {
    lines->push_back(m.Text(Msg::paper_axis_rows, {{"what", what}, {"formula", rows}}));
    lines->push_back(m.Text(Msg::paper_axis_columns, {{"what", what}, {"formula", cols}}));
  }
}

// The output sizes, each "What: formula" as "What" over the indented
// formula, narrow enough to stand beside a small pooled map.
PaperBox SizesBox(const std::vector<std::string>& lines, double width, const Messages& m) {
  constexpr double kIndent = 8;
  PaperBox box;
  double y = 0;
  Paragraph(&box, m.Text(Msg::paper_output_sizes), kPaperLabelSize, true, palette::kInk, width, &y);
  for (const std::string& line : lines) {
    const size_t colon = line.find(": ");
    Paragraph(&box, line.substr(0, colon) + ":", kPaperLabelSize, false, palette::kInk, width, &y);
    PaperBox formula;
    double fy = 0;
    Paragraph(&formula, colon == std::string::npos ? "" : line.substr(colon + 2), kPaperLabelSize, false,
              palette::kInk, width - kIndent, &fy);
    formula.h = fy;
    PlaceBox(&box, std::move(formula), kIndent, y);
    y += fy;
  }
  box.h = y + 2;
  return box;
}

}  // namespace

void PlaceBox(PaperBox* into, PaperBox box, double x, double y) {
  for (SceneItem& item : box.items) {
    Shift(item, x, y);
    into->items.push_back(std::move(item));
  }
  into->w = std::max(into->w, x + box.w);
  into->h = std::max(into->h, y + box.h);
}

std::string SettingsText(const Variant& v, const Messages& m) { return SettingsTextOf(v, m); }

namespace {

// The first cell of `grid` (row-major) with the largest absolute value among
// those `counts` takes; (0, 0) when it takes none.
template <typename Counts>
CellPosition StrongestWhere(const Grid& grid, const Counts& counts) {
  CellPosition best{-1, -1};
  double best_abs = -1;
  for (int r = 0; r < grid.rows; ++r)
    for (int c = 0; c < grid.cols; ++c)
      if (counts(r, c) && std::fabs(grid.at(r, c)) > best_abs) {
        best_abs = std::fabs(grid.at(r, c));
        best = {r, c};
      }
  return best.row < 0 ? CellPosition{} : best;
}

}  // namespace

CellPosition StrongestCell(const Grid& map) {
  return StrongestWhere(map, [](int, int) { return true; });
}

std::vector<std::string> OutputSizeLines(const Variant& v, const Messages& m) {
  // One line per quantity when rows and columns agree (most lessons), else one per axis.
  const ConvSpec& c = v.conv;
  const Grid& w = v.filter.weights;
  const AxisNumbers rows = c.transposed ? TransposedAxisNumbers(v.image->rows, c.crop_h, w.rows, c.stride_h, c.dilation_h, c.output_padding_h)
                                        : ConvAxisNumbers(v.image->rows, c.pad_top, c.pad_bottom, w.rows, c.stride_h, c.dilation_h);
  const AxisNumbers cols = c.transposed ? TransposedAxisNumbers(v.image->cols, c.crop_w, w.cols, c.stride_w, c.dilation_w, c.output_padding_w)
                                        : ConvAxisNumbers(v.image->cols, c.pad_left, c.pad_right, w.cols, c.stride_w, c.dilation_w);
  std::vector<std::string> lines;
  AxisLines(m.Text(Msg::paper_window_on_image), rows.window, cols.window, m, &lines);
  AxisLines(m.Text(Msg::paper_feature_map), rows.size, cols.size, m, &lines);
  if (v.pool.enabled) {
    const int out_h = ConvMapRows(v.image, w, c);
    const int out_w = ConvMapCols(v.image, w, c);
    AxisLines(m.Text(Msg::paper_pooled), PoolAxisNumbers(out_h, v.pool.size_h, v.pool.stride_h, v.pool.remainder),
              PoolAxisNumbers(out_w, v.pool.size_w, v.pool.stride_w, v.pool.remainder), m, &lines);
  }
  return lines;
}

namespace {

int WindowSpan(int kernel, int dilation) { return (kernel - 1) * dilation + 1; }

// The image with its padding, the window of `trace` outlined (none: -1 row).
// Channel c of the image, marked where `trace` works (or not at all).
PaperGrid ImageGrid(const BuiltLesson& built, const BuiltVariant& bv, const Variant& v, int c, const ConvTrace* trace) {
  const Grid& w = v.filter.weights;
  PaperGrid image{ChannelTitle(v, c, built.text->Text(Msg::paper_image, {{"size", SizeText(v.image->rows, v.image->cols)}}), *built.text),
                  &ChannelAt(v, c), built.value_scale, built.text};
  image.grey = true;  // the frames' greys (the variant's range, or the lesson's under `scale: shared`)
  image.black = bv.image_black;
  image.white = bv.image_white;
  image.pad_top = v.conv.pad_top;
  image.pad_bottom = v.conv.pad_bottom;
  image.pad_left = v.conv.pad_left;
  image.pad_right = v.conv.pad_right;
  if (trace && v.conv.transposed) {  // the input cell whose copy is worked: trace->out_* name it
    image.mark_row = trace->out_row;
    image.mark_col = trace->out_col;
    image.mark_rows = image.mark_cols = 1;
  } else if (trace) {
    image.mark_row = trace->origin_row;
    image.mark_col = trace->origin_col;
    image.mark_rows = WindowSpan(w.rows, v.conv.dilation_h);
    image.mark_cols = WindowSpan(w.cols, v.conv.dilation_w);
  }
  return image;
}

// Slice c of filter f, titled with its bias when it has one.
PaperGrid FilterGrid(const BuiltLesson& built, const Variant& v, const Filter& f, int c) {
  const Messages& m = *built.text;
  const std::string size = SizeText(f.weights.rows, f.weights.cols);
  const std::string title =
      f.bias != 0.0 ? m.Text(Msg::table_filter_bias, {{"filter", f.name}, {"size", size}, {"bias", FormatNumberText(f.bias)}})
                    : m.Text(Msg::table_filter, {{"filter", f.name}, {"size", size}});
  PaperGrid grid{SliceTitle(v, c, title, m), &SliceAt(f, c), built.weight_scale, &m};
  grid.exact = true;
  return grid;
}

// Every channel of the image, each marked where `trace` works.
std::vector<PaperBox> ImageBoxes(const BuiltLesson& built, const BuiltVariant& bv, const Variant& v, const ConvTrace* trace,
                                 double width, bool* cramped) {
  std::vector<PaperBox> boxes;
  for (int c = 0; c < ChannelCount(v); ++c) boxes.push_back(PaperGridBox(ImageGrid(built, bv, v, c, trace), width, cramped));
  return boxes;
}

// What the maps are computed from: every channel of the image, then every
// filter's slices.
std::vector<PaperBox> GivenBoxes(const BuiltLesson& built, const BuiltVariant& bv, const Variant& v, const ConvTrace* trace,
                                 double width, bool* cramped) {
  std::vector<PaperBox> boxes = ImageBoxes(built, bv, v, trace, width, cramped);
  for (int k = 0; k < FilterCount(v); ++k)
    for (int c = 0; c < SliceCount(FilterAt(v, k)); ++c)
      boxes.push_back(PaperGridBox(FilterGrid(built, v, FilterAt(v, k), c), width, cramped));
  return boxes;
}

PaperGrid ConvGrid(const BuiltLesson& built, const VariantResult& r) {
  return PaperGrid{built.text->Text(Msg::table_feature_map, {{"size", SizeText(r.conv().rows, r.conv().cols)}}), &r.conv(),
                   built.value_scale, built.text};
}

PaperGrid ActivatedGrid(const BuiltLesson& built, const Variant& v, const VariantResult& r) {
  return PaperGrid{built.text->Text(Msg::table_activated, {{"activation", ActivationName(v.activation, *built.text)},
                                                          {"size", SizeText(r.activated().rows, r.activated().cols)}}),
                   &r.activated(), built.value_scale, built.text};
}

PaperGrid PooledGrid(const BuiltLesson& built, const Variant& v, const VariantResult& r) {
  return PaperGrid{built.text->Text(v.pool.type == PoolType::Max ? Msg::paper_pooled_max : Msg::paper_pooled_average,
                                    {{"size", SizeText(r.pooled()->rows, r.pooled()->cols)}}),
                   &*r.pooled(), built.value_scale, built.text};
}

void MarkCell(PaperGrid* g, int row, int col) {
  g->mark_row = row;
  g->mark_col = col;
  g->mark_rows = g->mark_cols = 1;
}

// The output cells a scaled copy lands on, as one marked block (clipped to the output).
void MarkLanding(PaperGrid* g, const ScatterTrace& t) {
  const LandingBlock lands = LandingOf(t);
  if (lands.row1 < 0) return;
  g->mark_row = lands.row0;
  g->mark_col = lands.col0;
  g->mark_rows = lands.row1 - lands.row0 + 1;
  g->mark_cols = lands.col1 - lands.col0 + 1;
}

// Calls `fn` with each filter's variant and maps, in order, and the
// filter's name when there are several (else empty).
void ForEachFilter(const BuiltVariant& bv, const std::function<void(const Variant&, const VariantResult&, const std::string&)>& fn) {
  const Variant& v = *bv.variant;
  if (FilterCount(v) == 1) {
    fn(v, bv.result, "");
    return;
  }
  for (int k = 0; k < FilterCount(v); ++k) fn(FocusOnFilter(v, k), FocusOnFilter(bv.result, k), FilterAt(v, k).name);
}

// A map's title with its filter's name in front, when it has one.
PaperGrid Named(PaperGrid g, const std::string& filter, const BuiltLesson& built) {
  if (!filter.empty()) g.title = built.text->Text(Msg::paper_filter_map, {{"filter", filter}, {"title", g.title}});
  return g;
}

// One filter's maps in order, `conv` first, then the activated and pooled
// maps when the lesson has them, each titled with the filter's name and made
// a box by `box`.
std::vector<PaperBox> MapBoxes(const BuiltLesson& built, const Variant& v, const VariantResult& r, PaperGrid conv,
                               const std::string& filter, const std::function<PaperBox(PaperGrid)>& box) {
  std::vector<PaperBox> maps = BoxList(box(Named(std::move(conv), filter, built)));
  if (v.activation.type != ActivationType::None) maps.push_back(box(Named(ActivatedGrid(built, v, r), filter, built)));
  if (r.pooled()) maps.push_back(box(Named(PooledGrid(built, v, r), filter, built)));
  return maps;
}

}  // namespace

std::vector<PaperBox> VariantPaperRows(const BuiltLesson& built, const BuiltVariant& bv, double width, bool labelled,
                                       bool* cramped) {
  const Variant& v = *bv.variant;
  const VariantResult& r = bv.result;
  std::vector<PaperBox> rows;

  PaperBox head;
  double y = 0;
  if (labelled) Paragraph(&head, v.label, 10, true, palette::kInk, width, &y);
  Paragraph(&head, SettingsTextOf(v, *built.text), kPaperLabelSize, false, palette::kInk, width, &y);
  head.h = y + 4;

  // Transposed: the worked example is the strongest pixel's scaled copy.
  const bool scatter = v.conv.transposed;
  const CellPosition at = StrongestCell(scatter ? v.image.get() : r.conv());
  ConvTrace trace;
  if (scatter) trace.out_row = at.row, trace.out_col = at.col;
  else trace = TraceConvCell(v, at.row, at.col);
  // The label stays with the image: a page never ends on a variant's name.
  // The worked position follows the filter on the same line when it fits.
  std::vector<PaperBox> given = GivenBoxes(built, bv, v, &trace, width, cramped);
  given.push_back(scatter ? ScaledCopyBox(v, at.row, at.col, width, *built.text, cramped)
                          : ProductsBox(v, trace, width, *built.text, cramped));
  std::vector<PaperBox> first = FlowLines(std::move(given), width, 0);
  PlaceBox(&head, std::move(first.front()), 0, head.h);
  first.erase(first.begin());
  rows.push_back(std::move(head));
  AppendBoxes(&rows, std::move(first));

  // One line of maps per filter, the one worked out marked.
  ForEachFilter(bv, [&](const Variant& fv, const VariantResult& fr, const std::string& name) {
    PaperGrid conv = ConvGrid(built, fr);
    if (fv.drawn == v.drawn) {
      if (scatter) MarkLanding(&conv, TraceScatterCell(fv, at.row, at.col));
      else MarkCell(&conv, at.row, at.col);
    }
    std::vector<PaperBox> maps =
        MapBoxes(built, fv, fr, std::move(conv), name, [&](const PaperGrid& g) { return PaperGridBox(g, width, cramped); });
    const size_t arrows = maps.size();
    if (fv.drawn == FilterCount(v) - 1) maps.push_back(SizesBox(OutputSizeLines(v, *built.text), width, *built.text));
    AppendBoxes(&rows, FlowLines(std::move(maps), width, arrows));
  });
  return rows;
}

std::vector<PaperBox> BeatPaperLines(const BuiltLesson& built, const BuiltVariant& bv, int beat_index, double width,
                                     bool* cramped) {
  const Beat& beat = bv.story.beats.at(static_cast<size_t>(beat_index));
  // With several filters, the beat's filter and maps are the ones drawn.
  const bool stacked = FilterCount(*bv.variant) > 1;
  const std::optional<Variant> focused_variant =
      stacked ? std::optional<Variant>(FocusOnFilter(*bv.variant, beat.map)) : std::nullopt;
  const std::optional<VariantResult> focused_result =
      stacked ? std::optional<VariantResult>(FocusOnFilter(bv.result, beat.map)) : std::nullopt;
  const Variant& v = stacked ? *focused_variant : *bv.variant;
  const VariantResult& r = stacked ? *focused_result : bv.result;
  auto box = [&](const PaperGrid& g) { return PaperGridBox(g, width, cramped); };
  const bool activates = v.activation.type != ActivationType::None;
  switch (beat.stage) {
    case Stage::Intro:
      return FlowLines(GivenBoxes(built, bv, v, nullptr, width, cramped), width, 0);
    case Stage::Conv: {
      if (v.conv.transposed) {
        // The last input cell the beat scatters, its scaled copy, and the
        // output's running sums after it (each cell starts at the bias).
        const int cell = std::max(beat.last_cell, beat.first_cell);
        const int cols = std::max(v.image->cols, 1);
        ConvTrace marked;
        marked.out_row = cell / cols, marked.out_col = cell % cols;
        const ScatterPartial partial = ScatterPartialSums(v, beat.conv_filled);
        PaperGrid conv = ConvGrid(built, r);
        conv.grid = &partial.sums;
        MarkLanding(&conv, TraceScatterCell(v, marked.out_row, marked.out_col));
        std::vector<PaperBox> boxes = ImageBoxes(built, bv, v, &marked, width, cramped);
        boxes.push_back(ScaledCopyBox(v, marked.out_row, marked.out_col, width, *built.text, cramped));
        boxes.push_back(box(conv));
        return FlowLines(std::move(boxes), width, 0);
      }
      // The last cell the beat writes, worked out; the map as far as written.
      const int cell = std::max(beat.last_cell, beat.first_cell);
      const int row = cell / std::max(r.conv().cols, 1), col = cell % std::max(r.conv().cols, 1);
      const ConvTrace trace = TraceConvCell(v, row, col);
      PaperGrid conv = ConvGrid(built, r);
      conv.filled = beat.conv_filled;
      MarkCell(&conv, row, col);
      std::vector<PaperBox> boxes = ImageBoxes(built, bv, v, &trace, width, cramped);
      boxes.push_back(ProductsBox(v, trace, width, *built.text, cramped));
      boxes.push_back(box(conv));
      return FlowLines(std::move(boxes), width, 0);
    }
    case Stage::Activation:
      if (!activates) return FlowLines(BoxList(box(ConvGrid(built, r))), width, 0);
      return FlowLines(BoxList(box(ConvGrid(built, r)), box(ActivatedGrid(built, v, r))), width, 2);
    case Stage::Pool: {
      if (!r.pooled()) return {};
      const int cell = std::max(beat.last_cell, beat.first_cell);
      const int cols = std::max(r.pooled()->cols, 1);
      const PoolTrace t = TracePoolCell(v, r.activated(), cell / cols, cell % cols);
      PaperGrid from = activates ? ActivatedGrid(built, v, r) : ConvGrid(built, r);
      from.mark_row = t.row_begin;
      from.mark_col = t.col_begin;
      from.mark_rows = t.row_end - t.row_begin;
      from.mark_cols = t.col_end - t.col_begin;
      PaperGrid pooled = PooledGrid(built, v, r);
      pooled.filled = beat.pool_filled;
      MarkCell(&pooled, cell / cols, cell % cols);
      return FlowLines(BoxList(box(from), box(pooled)), width, 2);
    }
    case Stage::Summary: {
      std::vector<PaperBox> maps = BoxList(box(ConvGrid(built, r)));
      if (activates) maps.push_back(box(ActivatedGrid(built, v, r)));
      if (r.pooled()) maps.push_back(box(PooledGrid(built, v, r)));
      const size_t arrows = maps.size();
      return FlowLines(std::move(maps), width, arrows);
    }
  }
  return {};
}

namespace {

constexpr double kWriteCellW = 30, kWriteCellH = 22;  // a worksheet's cells: room for a handwritten "−1020"
constexpr int kWorkedPooledSide = kWorkedPartSide / 2;  // pooled cells a side of a part

// A map's grid with cells to write in.
PaperGrid ForWriting(PaperGrid g, bool blank) {
  g.filled = blank ? 0 : -1;
  g.min_cell_w = kWriteCellW;
  g.cell_h = kWriteCellH;
  return g;
}

// `side` cells of `length` around `centre`, inside it.
std::pair<int, int> Around(int centre, int length, int side) {
  const int n = std::min(side, length);
  return {std::clamp(centre - (n - 1) / 2, 0, length - n), n};
}

CellBlock BlockAround(CellPosition centre, const Grid& grid, int side) {
  const auto [row0, rows] = Around(centre.row, grid.rows, side);
  const auto [col0, cols] = Around(centre.col, grid.cols, side);
  return {row0, rows, col0, cols};
}

// The cells of `grid` in `block`.
Grid Cut(const Grid& grid, const CellBlock& block) {
  Grid part(block.rows, block.cols);
  for (int r = 0; r < block.rows; ++r)
    for (int c = 0; c < block.cols; ++c) part.at(r, c) = grid.at(block.row0 + r, block.col0 + c);
  return part;
}

// `g` cut to `block` (kept in *store, which the grid then points into).
PaperGrid PartOf(PaperGrid g, const CellBlock& block, std::deque<Grid>* store, const Messages& m) {
  g.grid = &store->emplace_back(Cut(*g.grid, block));
  g.part_rows = RowsText(m, block.row0, block.row0 + block.rows - 1);
  g.part_cols = ColumnsText(m, block.col0, block.col0 + block.cols - 1);
  g.first_row = block.row0;
  g.first_col = block.col0;
  return g;
}

// The image's part: `input` is in padded rows and columns, so where it
// reaches the image's edge its padding shows as such.
PaperGrid ImagePart(PaperGrid g, const CellBlock& input, std::deque<Grid>* store, const Messages& m) {
  const Grid& image = *g.grid;
  const int pad_top = g.pad_top, pad_left = g.pad_left;
  const int row0 = std::max(0, input.row0 - pad_top), row1 = std::min(image.rows, input.row0 + input.rows - pad_top);
  const int col0 = std::max(0, input.col0 - pad_left), col1 = std::min(image.cols, input.col0 + input.cols - pad_left);
  g.pad_top = std::max(0, pad_top - input.row0);
  g.pad_left = std::max(0, pad_left - input.col0);
  g.pad_bottom = std::max(0, input.row0 + input.rows - (pad_top + image.rows));
  g.pad_right = std::max(0, input.col0 + input.cols - (pad_left + image.cols));
  return PartOf(std::move(g), {row0, row1 - row0, col0, col1 - col0}, store, m);
}

// A grid of `rows` rows of `cell_h` leaves the question under it room on
// the page when it takes no more than this share of the text block.
constexpr double kMostGridShare = 0.6;

bool LowEnough(int rows, double cell_h, double height) { return rows * cell_h <= height * kMostGridShare; }

// Whether the worksheet's grids, whole, print every number in `width` and
// leave room under them in `height`: the image's channels, and every
// filter's maps in cells to write in.
bool EveryGridFits(const BuiltLesson& built, const BuiltVariant& bv, double width, double height) {
  const Variant& v = *bv.variant;
  if (!LowEnough(v.image->rows + v.conv.pad_top + v.conv.pad_bottom, kCellHeight, height) ||
      !LowEnough(bv.result.conv().rows, kWriteCellH, height))
    return false;
  for (int c = 0; c < ChannelCount(v); ++c)
    if (!NumbersFit(ImageGrid(built, bv, v, c, nullptr), width)) return false;
  bool fits = true;
  ForEachFilter(bv, [&](const Variant& fv, const VariantResult& fr, const std::string&) {
    fits = fits && NumbersFit(ForWriting(ConvGrid(built, fr), true), width) &&
           (!fr.pooled() || NumbersFit(ForWriting(PooledGrid(built, fv, fr), true), width));
  });
  return fits;
}

// Whether the window of conv cell (row, col) reads at least one pixel of the
// image, not padding alone.
bool ReadsThePicture(const Variant& v, int row, int col) {
  const ConvSpec& c = v.conv;
  const Grid& w = v.filter.weights;
  const auto touches = [](int start, int span, int before, int length) {
    return start < before + length && start + span > before;
  };
  return touches(row * c.stride_h, WindowSpan(w.rows, c.dilation_h), c.pad_top, v.image->rows) &&
         touches(col * c.stride_w, WindowSpan(w.cols, c.dilation_w), c.pad_left, v.image->cols);
}

// The part of `side` map cells a side (pooled: `side / 2` pooled cells)
// around the strongest answer whose window reads the picture.
WorkedPart PartOfSide(const Variant& v, const VariantResult& r, int side) {
  WorkedPart part;
  part.whole = false;
  if (r.pooled()) {
    // Whole pooling windows: the pooled block, then the map cells they read.
    const auto reads = [&](int row, int col) {
      const PoolTrace t = TracePoolCell(v, r.activated(), row, col);
      for (int i = t.row_begin; i < t.row_end; ++i)
        for (int j = t.col_begin; j < t.col_end; ++j)
          if (ReadsThePicture(v, i, j)) return true;
      return false;
    };
    part.pooled = BlockAround(StrongestWhere(*r.pooled(), reads), *r.pooled(), std::max(1, side / 2));
    const PoolTrace first = TracePoolCell(v, r.activated(), part.pooled.row0, part.pooled.col0);
    const PoolTrace last = TracePoolCell(v, r.activated(), part.pooled.row0 + part.pooled.rows - 1,
                                         part.pooled.col0 + part.pooled.cols - 1);
    part.conv = {first.row_begin, last.row_end - first.row_begin, first.col_begin, last.col_end - first.col_begin};
  } else {
    const auto reads = [&](int row, int col) { return ReadsThePicture(v, row, col); };
    part.conv = BlockAround(StrongestWhere(r.conv(), reads), r.conv(), side);
  }
  // The padded image's rows and columns the block's windows cover.
  const ConvSpec& c = v.conv;
  const Grid& w = v.filter.weights;
  part.input = {part.conv.row0 * c.stride_h, (part.conv.rows - 1) * c.stride_h + WindowSpan(w.rows, c.dilation_h),
                part.conv.col0 * c.stride_w, (part.conv.cols - 1) * c.stride_w + WindowSpan(w.cols, c.dilation_w)};
  return part;
}

// Whether `part`'s grids print every number in `width`.
bool PartFits(const BuiltLesson& built, const BuiltVariant& bv, const WorkedPart& part, double width) {
  const Variant& v = *bv.variant;
  std::deque<Grid> store;
  for (int c = 0; c < ChannelCount(v); ++c)
    if (!NumbersFit(ImagePart(ImageGrid(built, bv, v, c, nullptr), part.input, &store, *built.text), width)) return false;
  return NumbersFit(ForWriting(PartOf(ConvGrid(built, bv.result), part.conv, &store, *built.text), true), width);
}

}  // namespace

CellPosition StrongestCellIn(const Grid& grid, const CellBlock& block) {
  return StrongestWhere(grid, [&](int row, int col) { return block.Contains(row, col); });
}

WorkedPart WholeMaps(const VariantResult& r) {
  WorkedPart part;
  part.conv = {0, r.conv().rows, 0, r.conv().cols};
  if (r.pooled()) part.pooled = {0, r.pooled()->rows, 0, r.pooled()->cols};
  return part;
}

WorkedPart PartToWork(const BuiltLesson& built, const BuiltVariant& bv, double width, double height) {
  const Variant& v = *bv.variant;
  const VariantResult& r = bv.result;
  if (v.conv.transposed || EveryGridFits(built, bv, width, height)) return WholeMaps(r);
  // Smaller where a wide window (a long dilated filter) leaves its image
  // part too wide for its numbers; the smallest is one map cell.
  WorkedPart part = PartOfSide(v, r, kWorkedPartSide);
  for (int side = kWorkedPartSide - 1; side >= 1 && !PartFits(built, bv, part, width); --side)
    part = PartOfSide(v, r, side);
  return part;
}

std::vector<PaperBox> GivenPaperLines(const BuiltLesson& built, const BuiltVariant& bv, const WorkedPart& part,
                                      double width, bool* cramped) {
  const Variant& v = *bv.variant;
  if (part.whole) return FlowLines(GivenBoxes(built, bv, v, nullptr, width, cramped), width, 0);
  std::deque<Grid> store;
  std::vector<PaperBox> boxes;
  for (int c = 0; c < ChannelCount(v); ++c)
    boxes.push_back(PaperGridBox(ImagePart(ImageGrid(built, bv, v, c, nullptr), part.input, &store, *built.text), width,
                                 cramped));
  for (int k = 0; k < FilterCount(v); ++k)
    for (int c = 0; c < SliceCount(FilterAt(v, k)); ++c)
      boxes.push_back(PaperGridBox(FilterGrid(built, v, FilterAt(v, k), c), width, cramped));
  return FlowLines(std::move(boxes), width, 0);
}

std::vector<PaperBox> ExerciseMapLines(const BuiltLesson& built, const BuiltVariant& bv, const WorkedPart& part,
                                       double width, bool blank, bool* cramped) {
  // Every filter's maps, a line each: with several filters each has its own.
  std::vector<PaperBox> lines;
  ForEachFilter(bv, [&](const Variant& v, const VariantResult& r, const std::string& name) {
    std::deque<Grid> store;
    auto box = [&](PaperGrid g) {
      if (!part.whole) {
        const CellBlock& block = r.pooled() && g.grid == &*r.pooled() ? part.pooled : part.conv;
        g = PartOf(std::move(g), block, &store, *built.text);
      }
      return PaperGridBox(ForWriting(std::move(g), blank), width, cramped);
    };
    std::vector<PaperBox> maps = MapBoxes(built, v, r, ConvGrid(built, r), name, box);
    const size_t arrows = maps.size();
    AppendBoxes(&lines, FlowLines(std::move(maps), width, arrows));
  });
  return lines;
}

Scene PaperScene(PaperBox box, double width, const std::string& title) {
  Scene s;
  s.width = width;
  s.height = std::ceil(box.h);
  s.title = title;
  s.items = std::move(box.items);
  return s;
}

}  // namespace cl
