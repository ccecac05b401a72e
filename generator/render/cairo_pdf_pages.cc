#include "render/cairo_pdf_pages.h"

#include <algorithm>
#include <numeric>

#include "render/pdf_layout_rules.h"

namespace cl {

namespace {

using TextPtr = std::shared_ptr<const PdfText>;

constexpr double kIndentStep = 18;     // per list / quote level
constexpr int kMaxIndent = 6;          // deeper nesting is drawn at this depth
constexpr double kCodePad = 5;         // around code, inside its background
constexpr double kCellPadX = 5, kCellPadY = 3;
constexpr double kFigureGap = 4;       // between a figure and its caption
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

size_t ColumnCount(const PdfTable& t) {
  size_t columns = t.header.size();
  for (const auto& row : t.rows) columns = std::max(columns, row.size());
  return columns;
}

const std::string& TableCell(const PdfTable& t, size_t row, size_t col) {
  static const std::string kEmpty;
  const auto& cells = row == kHeaderRow ? t.header : t.rows[row];
  return col < cells.size() ? cells[col] : kEmpty;
}

PdfTextStyle TableCellStyle(const PdfTable& t, size_t row, size_t col) {
  PdfTextStyle s;
  s.size = 9;
  if (t.monospace) s.family = "DejaVu Sans Mono";
  s.bold = row == kHeaderRow || (col == 0 && t.first_column_header);
  const PdfAlign a = col < t.align.size() ? t.align[col] : PdfAlign::Left;
  s.align = a == PdfAlign::Right ? PANGO_ALIGN_RIGHT : a == PdfAlign::Center ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT;
  return s;
}

// Columns [first, last) of `t`, plus column 0 first when it labels the rows.
PdfTable TableColumns(const PdfTable& t, size_t first, size_t last) {
  PdfTable band = t;
  band.column_bands = false;
  auto pick = [&](const std::vector<std::string>& cells) {
    std::vector<std::string> out;
    auto cell = [&](size_t c) { return c < cells.size() ? cells[c] : std::string(); };
    if (t.first_column_header) out.push_back(cell(0));
    for (size_t c = first; c < last; ++c) out.push_back(cell(c));
    return out;
  };
  if (!t.header.empty()) band.header = pick(t.header);
  for (auto& row : band.rows) row = pick(row);
  band.align.clear();
  auto align = [&](size_t c) { return c < t.align.size() ? t.align[c] : PdfAlign::Left; };
  if (t.first_column_header) band.align.push_back(align(0));
  for (size_t c = first; c < last; ++c) band.align.push_back(align(c));
  if (!t.header.empty()) {
    const std::string range = TableCell(t, kHeaderRow, first) + "–" + TableCell(t, kHeaderRow, last - 1);
    band.caption = (t.caption.empty() ? std::string() : t.caption + " ") + "(columns " + range + ")";
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

PdfPageGeometry PdfPaper(std::string_view paper, bool compact) {
  PdfPageGeometry g;
  if (paper == "letter") {
    g.width = 612;
    g.height = 792;
  } else {
    g.width = 210 / 25.4 * 72;  // 595.28
    g.height = 297 / 25.4 * 72; // 841.89
  }
  g.left = g.right = 64;
  g.top = 60;
  g.bottom = 72;
  g.footer_baseline = g.height - 42;
  if (compact) {  // the footer's 8 pt text still ends well inside kPdfInkFreeBorder
    g.compact = true;
    g.left = g.right = 42;
    g.top = 36;
    g.bottom = 46;
    g.footer_baseline = g.height - 33;
  }
  return g;
}

struct PdfPaginator::Prepared {
  enum Kind { Text, Table, Figure, Rule, Break } kind = Text;
  double space_before = 0, space_after = 0;

  // Text (paragraphs, headings, code, table-of-contents lines)
  TextPtr text;
  double x = 0;  // from the text block's left
  TextPtr marker;
  double marker_x = 0;
  bool keep_whole = false;  // headings and contents lines never split
  bool heading = false;
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
  std::vector<PdfAlign> align;

  // Figure
  const Scene* scene = nullptr;
  double scale = 1, fig_w = 0, fig_h = 0;
  bool border = true;
};

PdfPaginator::PdfPaginator(const PdfTextContext& text, const PdfPageGeometry& page) : text_(text), page_(page) {}

PdfPaginator::Prepared PdfPaginator::Prepare(const PdfBlock& block) const {
  Prepared p;
  const double width = page_.text_width();
  auto layout = [&](const std::string& markup, const PdfTextStyle& style, double w) {
    return std::make_shared<const PdfText>(text_.Layout(markup, style, w));
  };

  if (const auto* h = std::get_if<PdfHeading>(&block)) {
    const int level = std::clamp(h->level, 1, 6);
    p.text = layout(h->markup, HeadingStyle(level, page_.compact), width);
    p.space_before = HeadingSpaceBefore(level, page_.compact);
    p.space_after = HeadingSpaceAfter(level, page_.compact);
    p.keep_whole = true;
    p.heading = true;
    p.outline = h->outline;
    p.outline_level = level;
  } else if (const auto* para = std::get_if<PdfParagraph>(&block)) {
    PdfTextStyle style;
    style.line_spacing = page_.compact ? kCompactLineSpacing : kProseLineSpacing;
    if (page_.compact) style.size = 9;
    p.space_after = para->compact ? 2 : page_.compact ? 4 : 6;
    switch (para->style) {
      case PdfParagraphStyle::Body: break;
      case PdfParagraphStyle::Lead:
        style.size = page_.compact ? 10.5 : 12;
        style.color = Color{0x33, 0x33, 0x33};
        p.space_after = 10;
        break;
      case PdfParagraphStyle::Note:
        style.size = 9;  // notes hold numbers ("… 12 more steps"), and numbers print at 9 pt or more
        style.color = kGrey;
        break;
      case PdfParagraphStyle::Quote:
        style.color = Color{0x33, 0x33, 0x33};
        p.quote_bar = true;
        p.space_before = 4;
        break;
    }
    p.x = std::clamp(para->indent, 0, kMaxIndent) * kIndentStep;
    p.text = layout(para->markup, style, width - p.x);
    if (!para->marker.empty()) {
      p.marker = layout(PdfEscape(para->marker), style, -1);
      p.marker_x = std::max(0.0, p.x - p.marker->width - 5);
    }
  } else if (const auto* code = std::get_if<PdfCode>(&block)) {
    PdfTextStyle style;
    style.family = "DejaVu Sans Mono";
    style.size = 9;  // numbers in code print as large as the maps'
    p.code = true;
    p.x = std::clamp(code->indent, 0, kMaxIndent) * kIndentStep;
    p.text = layout(PdfEscape(code->text), style, width - p.x - 2 * kCodePad);
    p.space_before = 2;
    p.space_after = 8;
  } else if (const auto* toc = std::get_if<PdfTocEntry>(&block)) {
    PdfTextStyle style;
    style.size = toc->level <= 1 ? 11 : 10;
    style.bold = toc->level <= 1;
    p.x = toc->level <= 1 ? 0 : kIndentStep;
    p.text = layout(toc->markup, style, width - p.x - kTocNumberWidth);
    PdfTextStyle number = style;
    number.align = PANGO_ALIGN_RIGHT;
    p.page_label = layout(std::to_string(toc->target_page + 1), number, kTocNumberWidth);
    p.keep_whole = true;
    p.target_page = toc->target_page;
    p.target_y = toc->target_y;
    p.space_before = toc->level <= 1 ? 6 : 0;
    p.space_after = 2;
  } else if (const auto* table = std::get_if<PdfTable>(&block)) {
    p.kind = Prepared::Table;
    p.space_before = 4;
    p.space_after = 12;
    const size_t columns = ColumnCount(*table);
    if (columns == 0) {
      p.kind = Prepared::Rule;  // an empty table draws nothing but keeps its place
      p.space_after = 0;
      return p;
    }
    auto cell_style = [table](size_t row, size_t col) { return TableCellStyle(*table, row, col); };
    auto cell_markup = [table](size_t row, size_t col) -> const std::string& { return TableCell(*table, row, col); };
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
        out->push_back(layout(cell_markup(row, c), cell_style(row, c), std::max(1.0, widths[c] - 2 * kCellPadX)));
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
  } else if (const auto* figure = std::get_if<PdfFigure>(&block)) {
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
    p.fig_h = figure->scene.height * scale;
    if (!figure->caption.empty()) {
      PdfTextStyle caption;
      caption.size = 9;  // captions name step numbers; numbers print at 9 pt or more
      caption.italic = true;
      caption.color = Color{0x33, 0x33, 0x33};
      p.caption = layout(figure->caption, caption, width);
    }
  } else if (std::holds_alternative<PdfRule>(block)) {
    p.kind = Prepared::Rule;
    p.space_before = 6;
    p.space_after = 6;
  } else {
    p.kind = Prepared::Break;
  }
  return p;
}

std::vector<double> PdfPaginator::NaturalColumnWidths(const PdfTable& t, size_t columns) const {
  std::vector<double> natural(columns, 2 * kCellPadX + 4);
  auto measure = [&](size_t row) {
    for (size_t c = 0; c < columns; ++c) {
      const double w = text_.Layout(TableCell(t, row, c), TableCellStyle(t, row, c), -1).width;
      natural[c] = std::max(natural[c], w + 2 * kCellPadX);
    }
  };
  if (!t.header.empty()) measure(kHeaderRow);
  for (size_t r = 0; r < t.rows.size(); ++r) measure(r);
  return natural;
}

std::vector<PdfTable> PdfPaginator::ColumnBands(const PdfTable& t) const {
  const size_t columns = ColumnCount(t);
  const std::vector<double> natural = NaturalColumnWidths(t, columns);
  const double width = page_.text_width();
  if (!t.column_bands || std::accumulate(natural.begin(), natural.end(), 0.0) <= width) return {t};
  std::vector<PdfTable> bands;
  for (const auto& [first, last] : ColumnBandRanges(natural, width, t.first_column_header)) {
    bands.push_back(TableColumns(t, first, last));
  }
  return bands;
}

// The height that must share a page with a heading before it: a heading
// chain and the start of what follows (two lines, a table's header and first
// row, a whole figure).
double PdfPaginator::FirstPieceHeight(const std::vector<Prepared>& prepared, size_t i, int chain) const {
  if (i >= prepared.size() || chain > 3) return 0;
  const Prepared& p = prepared[i];
  switch (p.kind) {
    case Prepared::Text: {
      if (p.heading) return p.space_before + p.text->height() + p.space_after + FirstPieceHeight(prepared, i + 1, chain + 1);
      // As PlaceText breaks it: short or unbreakable text whole, else two lines.
      const size_t lines = p.text->lines.size();
      const size_t n = (p.keep_whole || lines <= 3) ? lines : 2;
      return p.space_before + p.text->Height(0, n) + (p.code ? 2 * kCodePad : 0);
    }
    case Prepared::Table: {
      const double caption = p.caption ? p.caption->height() + 3 : 0;
      const double whole = caption + p.header_h + std::accumulate(p.row_h.begin(), p.row_h.end(), 0.0);
      return p.space_before + (whole <= page_.text_height() / 2 ? whole : caption + p.header_h + (p.row_h.empty() ? 0 : p.row_h[0]));
    }
    case Prepared::Figure:
      return p.space_before + p.fig_h + (p.caption ? kFigureGap + p.caption->height() : 0);
    case Prepared::Rule:
    case Prepared::Break: return 0;
  }
  return 0;
}

int PdfPaginator::AddBlocks(const std::vector<PdfBlock>& blocks, const std::string& footer, int outline_depth) {
  footer_ = footer;
  outline_depth_ = outline_depth;
  NewPage();
  const int first_page = static_cast<int>(flow_.pages.size()) - 1;
  std::vector<Prepared> prepared;
  prepared.reserve(blocks.size());
  for (const PdfBlock& block : blocks) {
    if (const auto* table = std::get_if<PdfTable>(&block); table && table->column_bands) {
      for (const PdfTable& band : ColumnBands(*table)) prepared.push_back(Prepare(band));
    } else {
      prepared.push_back(Prepare(block));
    }
  }
  for (size_t i = 0; i < prepared.size(); ++i) {
    const Prepared& p = prepared[i];
    const double keep = p.heading ? FirstPieceHeight(prepared, i + 1, 0) : 0;
    Place(p, keep);
  }
  return first_page;
}

void PdfPaginator::NewPage() {
  flow_.pages.emplace_back();
  flow_.pages.back().footer = footer_;
  y_ = page_.top;
  pending_space_ = 0;
  has_content_ = false;
}

void PdfPaginator::Reserve(double height) {
  const double space = AtTop() ? 0 : pending_space_;
  if (!AtTop() && space + height > Remaining()) NewPage();
  if (!AtTop()) y_ += pending_space_;
  pending_space_ = 0;
}

void PdfPaginator::Place(const Prepared& p, double keep_height) {
  switch (p.kind) {
    case Prepared::Text: PlaceText(p, keep_height); break;
    case Prepared::Table: PlaceTable(p); break;
    case Prepared::Figure: PlaceFigure(p); break;
    case Prepared::Rule:
      pending_space_ = std::max(pending_space_, p.space_before);
      if (p.space_after == 0) break;  // an empty table
      Reserve(kRuleWidth);
      Put(PdfPlacedRect{page_.left, y_, page_.text_width(), kRuleWidth, kRuleColor});
      y_ += kRuleWidth;
      has_content_ = true;
      pending_space_ = p.space_after;
      break;
    case Prepared::Break:
      if (!AtTop()) NewPage();
      break;
  }
}

void PdfPaginator::PlaceText(const Prepared& p, double keep_height) {
  const PdfText& t = *p.text;
  const size_t n = t.lines.size();
  const double pad = p.code ? kCodePad : 0;
  pending_space_ = std::max(pending_space_, p.space_before);
  if (p.keep_whole || n <= 3) {
    Reserve(t.height() + 2 * pad + keep_height);
  } else {
    Reserve(t.Height(0, 2) + 2 * pad);  // at least two lines before a break
  }
  if (p.heading && !p.outline.empty()) {
    flow_.outline.push_back(PdfOutlineItem{p.outline_level - 1 + outline_depth_, p.outline,
                                           static_cast<int>(flow_.pages.size()) - 1, y_});
  }

  size_t start = 0;
  while (start < n) {
    // How many of the remaining lines fit on this page.
    size_t fit = 0;
    while (start + fit < n && t.Height(start, start + fit + 1) + 2 * pad <= Remaining()) ++fit;
    const size_t k = LinesForThisPage(fit, n - start, start == 0, p.keep_whole, AtTop());
    if (k == 0) {
      NewPage();
      continue;
    }
    const double h = t.Height(start, start + k) + 2 * pad;
    const double x = page_.left + p.x;
    if (p.code) Put(PdfPlacedRect{x, y_, page_.text_width() - p.x, h, kCodeBackground});
    if (p.quote_bar) Put(PdfPlacedRect{x - 10, y_, 2, h, kQuoteBar});
    if (p.marker && start == 0) {
      const double shift = t.lines[0].baseline - p.marker->lines[0].baseline;
      Put(PdfPlacedText{p.marker, 0, 1, page_.left + p.marker_x, y_ + pad + shift - p.marker->lines[0].top});
    }
    Put(PdfPlacedText{p.text, start, start + k, x + pad, y_ + pad});
    if (p.page_label) {
      const double last_baseline = t.lines[n - 1].baseline - t.lines[0].top;
      const double label_top = y_ + last_baseline - (p.page_label->lines[0].baseline - p.page_label->lines[0].top);
      Put(PdfPlacedText{p.page_label, 0, p.page_label->lines.size(), page_.left + page_.text_width() - kTocNumberWidth,
                        label_top});
      Put(PdfPlacedLink{page_.left + p.x, y_, page_.text_width() - p.x, h, p.target_page, p.target_y});
    }
    y_ += h;
    has_content_ = true;
    start += k;
    if (start < n) NewPage();
  }
  pending_space_ = p.space_after;
}

void PdfPaginator::PlaceTable(const Prepared& p) {
  pending_space_ = std::max(pending_space_, p.space_before);
  const double caption_h = p.caption ? p.caption->height() + 3 : 0;
  // A table of up to half a page moves whole; a longer one may break after
  // its first row (and repeats its header).
  const double whole = caption_h + p.header_h + std::accumulate(p.row_h.begin(), p.row_h.end(), 0.0);
  Reserve(whole <= page_.text_height() / 2 ? whole : caption_h + p.header_h + (p.row_h.empty() ? 0 : p.row_h[0]));
  if (p.caption) {
    Put(PdfPlacedText{p.caption, 0, p.caption->lines.size(), page_.left, y_});
    y_ += caption_h;
  }
  const double table_w = p.col_x.back() + p.col_w.back();
  auto put_row = [&](const std::vector<TextPtr>& cells, double h, bool header) {
    if (header) Put(PdfPlacedRect{page_.left, y_, table_w, h, kHeaderBackground});
    for (size_t c = 0; c < cells.size(); ++c) {
      Put(PdfPlacedText{cells[c], 0, cells[c]->lines.size(), page_.left + p.col_x[c] + kCellPadX, y_ + kCellPadY});
    }
    y_ += h;
    Put(PdfPlacedRect{page_.left, y_ - kRuleWidth / 2, table_w, kRuleWidth, kRuleColor});
  };
  auto put_header = [&] {
    Put(PdfPlacedRect{page_.left, y_ - kRuleWidth / 2, table_w, kRuleWidth, kRuleColor});
    if (!p.header.empty()) put_row(p.header, p.header_h, true);
  };
  put_header();
  has_content_ = true;
  for (size_t r = 0; r < p.rows.size(); ++r) {
    if (p.row_h[r] > Remaining()) {
      NewPage();
      put_header();
      has_content_ = true;
    }
    put_row(p.rows[r], p.row_h[r], false);
  }
  pending_space_ = p.space_after;
}

void PdfPaginator::PlaceFigure(const Prepared& p) {
  pending_space_ = std::max(pending_space_, p.space_before);
  const double caption_h = p.caption ? kFigureGap + p.caption->height() : 0;
  Reserve(p.fig_h + caption_h);
  const double x = page_.left + (page_.text_width() - p.fig_w) / 2;
  Put(PdfPlacedFigure{p.scene, x, y_, p.scale, p.border});
  y_ += p.fig_h;
  if (p.caption) {
    y_ += kFigureGap;
    Put(PdfPlacedText{p.caption, 0, p.caption->lines.size(), page_.left, y_});
    y_ += p.caption->height();
  }
  has_content_ = true;
  pending_space_ = p.space_after;
}

}  // namespace cl
