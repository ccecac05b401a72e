#include "render/cairo_pdf_pages.h"

#include <algorithm>
#include <numeric>

#include "render/pdf_layout_rules.h"
#include "render/pdf_markup.h"

namespace cl {

namespace {

using TextPtr = std::shared_ptr<const PdfText>;

constexpr double kIndentStep = 18;     // per list / quote level
constexpr int kMaxIndent = 6;          // deeper nesting is drawn at this depth
constexpr double kCodePad = 5;         // around code, inside its background
constexpr double kCellPadX = 5, kCellPadY = 3;
constexpr double kFigureGap = 4;       // between a figure and its caption
constexpr double kCaptionGap = 3;      // between a table's caption and the table
constexpr double kRuleWidth = 0.5;
constexpr double kTocNumberWidth = 40;
constexpr double kProseLineSpacing = 1.3;  // airy enough to annotate a printout
constexpr double kCompactLineSpacing = 1.15;
constexpr Color kGrey{0x55, 0x55, 0x55};
constexpr Color kRuleColor{0xbb, 0xbb, 0xbb};
constexpr Color kCodeBackground{0xf3, 0xf3, 0xf3};
constexpr Color kHeaderBackground{0xec, 0xec, 0xec};
constexpr Color kQuoteBar{0xcc, 0xcc, 0xcc};

PdfTextStyle HeadingStyle(int level, bool compact) {
  PdfTextStyle s;
  s.bold = true;
  s.color = Color{0x11, 0x11, 0x11};
  if (compact) {
    s.size = level <= 1 ? 16 : level == 2 ? 11.5 : level == 3 ? 10 : 9.5;
  } else {
    s.size = level <= 1 ? 20 : level == 2 ? 14 : level == 3 ? 12 : 10.5;
  }
  return s;
}

constexpr size_t kHeaderRow = static_cast<size_t>(-1);  // row index meaning the table's header

size_t ColumnCount(const doc::Table& t) {
  size_t columns = t.header.size();
  for (const auto& row : t.rows) columns = std::max(columns, row.size());
  return columns;
}

const doc::Runs& TableCell(const doc::Table& t, size_t row, size_t col) {
  static const doc::Runs kEmpty;
  const auto& cells = row == kHeaderRow ? t.header : t.rows[row];
  return col < cells.size() ? cells[col] : kEmpty;
}

PdfTextStyle TableCellStyle(const doc::Table& t, size_t row, size_t col) {
  PdfTextStyle s;
  s.size = 9;
  if (t.monospace) s.family = "DejaVu Sans Mono";
  s.bold = row == kHeaderRow || (col == 0 && t.first_column_header);
  const doc::Align a = col < t.align.size() ? t.align[col] : doc::Align::Left;
  s.align = a == doc::Align::Right ? PANGO_ALIGN_RIGHT : a == doc::Align::Center ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT;
  return s;
}

// Columns [first, last) of `t`, plus column 0 first when it labels the rows.
doc::Table TableColumns(const doc::Table& t, size_t first, size_t last) {
  doc::Table band = t;
  band.column_bands = false;
  auto pick = [&](const std::vector<doc::Runs>& cells) {
    std::vector<doc::Runs> out;
    auto cell = [&](size_t c) { return c < cells.size() ? cells[c] : doc::Runs(); };
    if (t.first_column_header) out.push_back(cell(0));
    for (size_t c = first; c < last; ++c) out.push_back(cell(c));
    return out;
  };
  if (!t.header.empty()) band.header = pick(t.header);
  for (auto& row : band.rows) row = pick(row);
  band.align.clear();
  auto align = [&](size_t c) { return c < t.align.size() ? t.align[c] : doc::Align::Left; };
  if (t.first_column_header) band.align.push_back(align(0));
  for (size_t c = first; c < last; ++c) band.align.push_back(align(c));
  if (!t.header.empty()) {
    std::string note = t.band_note;
    auto put = [&note](std::string_view field, const std::string& value) {
      if (const size_t at = note.find(field); at != std::string::npos) note.replace(at, field.size(), value);
    };
    put("{first}", doc::PlainText(TableCell(t, kHeaderRow, first)));
    put("{last}", doc::PlainText(TableCell(t, kHeaderRow, last - 1)));
    if (!band.caption.empty()) band.caption.push_back(doc::Plain(" "));
    band.caption.push_back(doc::Plain(std::move(note)));
  }
  return band;
}

double HeadingSpaceBefore(int level, bool compact) {
  if (compact) return level <= 1 ? 0 : level == 2 ? 9 : 6;
  return level <= 1 ? 0 : level == 2 ? 18 : level == 3 ? 12 : 9;
}
double HeadingSpaceAfter(int level, bool compact) {
  if (compact) return level <= 1 ? 4 : 3;
  return level <= 1 ? 6 : level == 2 ? 6 : 4;
}

}  // namespace

struct PdfPaginator::Prepared {
  enum Kind { Text, Table, Figure, Rule, Empty, Break } kind = Text;
  double space_before = 0, space_after = 0;

  // Text (paragraphs, headings, code, table-of-contents lines)
  TextPtr text;
  double x = 0;  // from the text block's left
  TextPtr marker;
  double marker_x = 0;
  bool keep_whole = false;  // headings and contents lines never split
  bool heading = false;
  bool keep_with_next = false;  // a paragraph or figure that asks to share a page with what follows
  bool soft_keep = false;       // ... only where that adds no page
  std::string outline;
  int outline_level = 0;
  bool code = false;        // grey background with padding
  bool quote_bar = false;
  TextPtr page_label;       // contents line: the page number, right-aligned
  int target_page = -1;
  double target_y = 0;

  // Table
  TextPtr caption;  // also the figure's caption
  std::vector<double> col_x, col_w;
  std::vector<TextPtr> header;
  std::vector<std::vector<TextPtr>> rows;
  double header_h = 0;
  std::vector<double> row_h;
  std::vector<doc::Align> align;

  // Figure
  const Scene* scene = nullptr;
  double scale = 1, fig_w = 0, fig_h = 0;
  bool border = true;
};

PdfPaginator::PdfPaginator(const PdfTextContext& text, const PdfPageGeometry& page) : text_(text), page_(page) {}

PdfPaginator::Prepared PdfPaginator::Prepare(const doc::Block& block) const {
  Prepared p;
  const double width = page_.text_width();
  auto layout_markup = [&](const std::string& markup, const PdfTextStyle& style, double w) {
    return std::make_shared<const PdfText>(text_.Layout(markup, style, w));
  };
  auto layout = [&](const doc::Runs& runs, const PdfTextStyle& style, double w) {
    return layout_markup(RunsMarkup(runs), style, w);
  };

  if (const auto* h = std::get_if<doc::Heading>(&block)) {
    const int level = std::clamp(h->level, 1, 6);
    p.text = layout(h->text, HeadingStyle(level, page_.compact), width);
    p.space_before = HeadingSpaceBefore(level, page_.compact);
    p.space_after = HeadingSpaceAfter(level, page_.compact);
    p.keep_whole = true;
    p.heading = true;
    p.outline = h->outline;
    p.outline_level = level;
  } else if (const auto* para = std::get_if<doc::Paragraph>(&block)) {
    PdfTextStyle style;
    style.line_spacing = page_.compact ? kCompactLineSpacing : kProseLineSpacing;
    if (page_.compact) style.size = 9;
    p.space_after = para->compact ? 2 : page_.compact ? 4 : 6;
    switch (para->style) {
      case doc::ParagraphStyle::Body: break;
      case doc::ParagraphStyle::Lead:
        style.size = page_.compact ? 10.5 : 12;
        style.color = Color{0x33, 0x33, 0x33};
        p.space_after = 10;
        break;
      case doc::ParagraphStyle::Note:
        style.size = 9;  // notes hold numbers ("… 12 more steps"), and numbers print at 9 pt or more
        style.color = kGrey;
        break;
      case doc::ParagraphStyle::Quote:
        style.color = Color{0x33, 0x33, 0x33};
        p.quote_bar = true;
        p.space_before = 4;
        break;
    }
    p.x = std::clamp(para->indent, 0, kMaxIndent) * kIndentStep;
    p.text = layout(para->text, style, width - p.x);
    p.keep_with_next = para->keep_with_next;
    if (!para->marker.empty()) {
      p.marker = layout_markup(PdfEscape(para->marker), style, -1);
      p.marker_x = std::max(0.0, p.x - p.marker->width - 5);
    }
  } else if (const auto* code = std::get_if<doc::Code>(&block)) {
    PdfTextStyle style;
    style.family = "DejaVu Sans Mono";
    style.size = 9;  // numbers in code print as large as the maps'
    p.code = true;
    p.x = std::clamp(code->indent, 0, kMaxIndent) * kIndentStep;
    p.text = layout_markup(PdfEscape(code->text), style, width - p.x - 2 * kCodePad);
    p.space_before = 2;
    p.space_after = 8;
  } else if (const auto* toc = std::get_if<doc::ContentsLine>(&block)) {
    PdfTextStyle style;
    style.size = toc->level <= 1 ? 11 : 10;
    style.bold = toc->level <= 1;
    p.x = toc->level <= 1 ? 0 : kIndentStep;
    p.text = layout(toc->text, style, width - p.x - kTocNumberWidth);
    PdfTextStyle number = style;
    number.align = PANGO_ALIGN_RIGHT;
    p.page_label = layout_markup(std::to_string(toc->target_page + 1), number, kTocNumberWidth);
    p.keep_whole = true;
    p.target_page = toc->target_page;
    p.target_y = toc->target_y;
    p.space_before = toc->level <= 1 ? 6 : 0;
    p.space_after = 2;
  } else if (const auto* table = std::get_if<doc::Table>(&block)) {
    p.kind = Prepared::Table;
    p.space_before = 4;
    p.space_after = 12;
    const size_t columns = ColumnCount(*table);
    if (columns == 0) {
      p.kind = Prepared::Empty;  // an empty table draws nothing but keeps its space before
      return p;
    }
    auto cell_style = [table](size_t row, size_t col) { return TableCellStyle(*table, row, col); };
    auto cell_runs = [table](size_t row, size_t col) -> const doc::Runs& { return TableCell(*table, row, col); };
    const std::vector<double> widths = FitColumnWidths(NaturalColumnWidths(*table, columns), width);
    p.col_w = widths;
    p.col_x.resize(columns);
    double x = 0;
    for (size_t c = 0; c < columns; ++c) {
      p.col_x[c] = x;
      x += widths[c];
    }
    auto lay_row = [&](size_t row, std::vector<TextPtr>* out, double* height) {
      double tallest = 0;
      for (size_t c = 0; c < columns; ++c) {
        out->push_back(layout(cell_runs(row, c), cell_style(row, c), std::max(1.0, widths[c] - 2 * kCellPadX)));
        tallest = std::max(tallest, out->back()->height());
      }
      *height = tallest + 2 * kCellPadY;
    };
    if (!table->header.empty()) lay_row(kHeaderRow, &p.header, &p.header_h);
    p.rows.resize(table->rows.size());
    p.row_h.resize(table->rows.size());
    for (size_t r = 0; r < table->rows.size(); ++r) lay_row(r, &p.rows[r], &p.row_h[r]);
    if (!table->caption.empty()) {
      PdfTextStyle caption;
      caption.size = 9;
      caption.bold = true;
      p.caption = layout(table->caption, caption, width);
    }
  } else if (const auto* figure = std::get_if<doc::Figure>(&block)) {
    p.kind = Prepared::Figure;
    p.scene = &figure->scene;
    p.space_before = figure->border ? 6 : 2;  // paper figures sit close, as rows of one picture
    p.space_after = figure->border ? 12 : 8;
    const double max_h = std::clamp(figure->max_height_fraction, 0.1, 1.0) * page_.text_height();
    double scale = figure->natural_scale;
    if (figure->scene.width > 0) scale = std::min(scale, width / figure->scene.width);
    if (figure->scene.height > 0) scale = std::min(scale, max_h / figure->scene.height);
    p.scale = scale;
    p.fig_w = figure->scene.width * scale;
    p.border = figure->border;
    p.keep_with_next = figure->keep_with_next;
    p.soft_keep = figure->keep_softly;
    p.fig_h = figure->scene.height * scale;
    if (!figure->caption.empty()) {
      PdfTextStyle caption;
      caption.size = 9;  // captions name step numbers; numbers print at 9 pt or more
      caption.italic = true;
      caption.color = Color{0x33, 0x33, 0x33};
      p.caption = layout(figure->caption, caption, width);
    }
  } else if (std::holds_alternative<doc::Rule>(block)) {
    p.kind = Prepared::Rule;
    p.space_before = 6;
    p.space_after = 6;
  } else {
    p.kind = Prepared::Break;
  }
  return p;
}

std::vector<double> PdfPaginator::NaturalColumnWidths(const doc::Table& t, size_t columns) const {
  std::vector<double> natural(columns, 2 * kCellPadX + 4);
  auto measure = [&](size_t row) {
    for (size_t c = 0; c < columns; ++c) {
      const double w = text_.Layout(RunsMarkup(TableCell(t, row, c)), TableCellStyle(t, row, c), -1).width;
      natural[c] = std::max(natural[c], w + 2 * kCellPadX);
    }
  };
  if (!t.header.empty()) measure(kHeaderRow);
  for (size_t r = 0; r < t.rows.size(); ++r) measure(r);
  return natural;
}

std::vector<doc::Table> PdfPaginator::ColumnBands(const doc::Table& t) const {
  const size_t columns = ColumnCount(t);
  const std::vector<double> natural = NaturalColumnWidths(t, columns);
  const double width = page_.text_width();
  if (!t.column_bands || std::accumulate(natural.begin(), natural.end(), 0.0) <= width) return {t};
  std::vector<doc::Table> bands;
  for (const auto& [first, last] : ColumnBandRanges(natural, width, t.first_column_header)) {
    bands.push_back(TableColumns(t, first, last));
  }
  return bands;
}

// The block as the page breaker sees it (render/pdf_layout_rules.h).
FlowBox PdfPaginator::Measure(const Prepared& p) const {
  FlowBox box;
  box.space_before = p.space_before;
  box.space_after = p.space_after;
  box.keep_with_next = p.heading || p.keep_with_next;
  box.soft_keep = p.soft_keep;
  switch (p.kind) {
    case Prepared::Text:
      box.kind = FlowBox::Kind::Lines;
      for (const PdfLine& line : p.text->lines) box.lines.push_back(LineExtent{line.top, line.bottom});
      box.pad = p.code ? kCodePad : 0;
      box.keep_whole = p.keep_whole;
      break;
    case Prepared::Table:
      box.kind = FlowBox::Kind::Rows;
      box.caption = p.caption ? p.caption->height() + kCaptionGap : 0;
      box.header = p.header_h;
      box.rows = p.row_h;
      break;
    case Prepared::Figure:
      box.height = p.fig_h + (p.caption ? kFigureGap + p.caption->height() : 0);
      break;
    case Prepared::Rule: box.height = kRuleWidth; break;
    case Prepared::Empty: box.kind = FlowBox::Kind::Spacer; break;
    case Prepared::Break: box.kind = FlowBox::Kind::PageBreak; break;
  }
  return box;
}

int PdfPaginator::AddBlocks(const std::vector<doc::Block>& blocks, const std::string& footer, int outline_depth) {
  std::vector<Prepared> prepared;
  prepared.reserve(blocks.size());
  for (const doc::Block& block : blocks) {
    if (const auto* table = std::get_if<doc::Table>(&block); table && table->column_bands) {
      for (const doc::Table& band : ColumnBands(*table)) prepared.push_back(Prepare(band));
    } else {
      prepared.push_back(Prepare(block));
    }
  }
  std::vector<FlowBox> boxes;
  boxes.reserve(prepared.size());
  for (const Prepared& p : prepared) boxes.push_back(Measure(p));
  int pages = 1;
  const std::vector<FlowPlacement> placed =
      BreakIntoPages(boxes, FlowFrame{page_.top, page_.height - page_.bottom}, &pages);

  const int first_page = static_cast<int>(flow_.pages.size());
  for (int i = 0; i < pages; ++i) {
    flow_.pages.emplace_back();
    flow_.pages.back().footer = footer;
  }
  for (size_t i = 0; i < prepared.size(); ++i) {
    const Prepared& p = prepared[i];
    const FlowPlacement& at = placed[i];
    if (p.heading && !p.outline.empty()) {
      flow_.outline.push_back(PdfOutlineItem{p.outline_level - 1 + outline_depth, p.outline, first_page + at.page, at.y});
    }
    for (size_t k = 0; k < at.pieces.size(); ++k) {
      const FlowPiece& piece = at.pieces[k];
      std::vector<PdfPlaced>& items = flow_.pages[static_cast<size_t>(first_page) + static_cast<size_t>(piece.page)].items;
      switch (p.kind) {
        case Prepared::Text: DrawText(p, piece, items); break;
        case Prepared::Table: DrawTable(p, piece, k == 0, items); break;
        case Prepared::Figure: DrawFigure(p, piece, items); break;
        case Prepared::Rule: items.push_back(PdfPlacedRect{page_.left, piece.y, page_.text_width(), kRuleWidth, kRuleColor}); break;
        case Prepared::Empty:
        case Prepared::Break: break;
      }
    }
  }
  return first_page;
}

void PdfPaginator::DrawText(const Prepared& p, const FlowPiece& piece, std::vector<PdfPlaced>& items) const {
  const PdfText& t = *p.text;
  const double pad = p.code ? kCodePad : 0;
  const double h = t.Height(piece.first, piece.last) + 2 * pad;
  const double x = page_.left + p.x, y = piece.y;
  if (p.code) items.push_back(PdfPlacedRect{x, y, page_.text_width() - p.x, h, kCodeBackground});
  if (p.quote_bar) items.push_back(PdfPlacedRect{x - 10, y, 2, h, kQuoteBar});
  if (p.marker && piece.first == 0) {
    const double shift = t.lines[0].baseline - p.marker->lines[0].baseline;
    items.push_back(PdfPlacedText{p.marker, 0, 1, page_.left + p.marker_x, y + pad + shift - p.marker->lines[0].top});
  }
  items.push_back(PdfPlacedText{p.text, piece.first, piece.last, x + pad, y + pad});
  if (p.page_label) {
    const double last_baseline = t.lines.back().baseline - t.lines[0].top;
    const double label_top = y + last_baseline - (p.page_label->lines[0].baseline - p.page_label->lines[0].top);
    items.push_back(PdfPlacedText{p.page_label, 0, p.page_label->lines.size(),
                                  page_.left + page_.text_width() - kTocNumberWidth, label_top});
    items.push_back(PdfPlacedLink{page_.left + p.x, y, page_.text_width() - p.x, h, p.target_page, p.target_y});
  }
}

// A table's piece: the caption on the first, then the header and the rows,
// each with a rule under it.
void PdfPaginator::DrawTable(const Prepared& p, const FlowPiece& piece, bool first_piece,
                             std::vector<PdfPlaced>& items) const {
  double y = piece.y;
  if (p.caption && first_piece) {
    items.push_back(PdfPlacedText{p.caption, 0, p.caption->lines.size(), page_.left, y});
    y += p.caption->height() + kCaptionGap;
  }
  const double table_w = p.col_x.back() + p.col_w.back();
  auto rule = [&] { items.push_back(PdfPlacedRect{page_.left, y - kRuleWidth / 2, table_w, kRuleWidth, kRuleColor}); };
  auto row = [&](const std::vector<TextPtr>& cells, double h, bool header) {
    if (header) items.push_back(PdfPlacedRect{page_.left, y, table_w, h, kHeaderBackground});
    for (size_t c = 0; c < cells.size(); ++c) {
      items.push_back(
          PdfPlacedText{cells[c], 0, cells[c]->lines.size(), page_.left + p.col_x[c] + kCellPadX, y + kCellPadY});
    }
    y += h;
    rule();
  };
  rule();
  if (!p.header.empty()) row(p.header, p.header_h, true);
  for (size_t r = piece.first; r < piece.last; ++r) row(p.rows[r], p.row_h[r], false);
}

void PdfPaginator::DrawFigure(const Prepared& p, const FlowPiece& piece, std::vector<PdfPlaced>& items) const {
  const double x = page_.left + (page_.text_width() - p.fig_w) / 2;
  items.push_back(PdfPlacedFigure{p.scene, x, piece.y, p.scale, p.border});
  if (p.caption) {
    items.push_back(PdfPlacedText{p.caption, 0, p.caption->lines.size(), page_.left, piece.y + p.fig_h + kFigureGap});
  }
}

}  // namespace cl
