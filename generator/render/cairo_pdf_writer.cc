#include "render/cairo_pdf_writer.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <ctime>
#include <map>
#include <memory>
#include <set>
#include <utility>

#include "render/cairo_painter.h"
#include "render/cairo_pdf_pages.h"
#include "render/cairo_pdf_stream.h"
#include "render/cairo_pdf_text.h"
#include "render/pdf_markup.h"

namespace cl {

namespace {

constexpr double kFooterSize = 8;
constexpr double kFooterNumberWidth = 80;
constexpr Color kFooterColor{0x66, 0x66, 0x66};
constexpr Color kFigureBorder{0xcc, 0xcc, 0xcc};

std::string DestinationName(int page, double y) { return fmt::format("p{}y{:.0f}", page + 1, y * 100); }

void SetColor(cairo_t* cr, const Color& c) { cairo_set_source_rgb(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0); }

void PaintItem(cairo_t* cr, const PdfPlaced& item) {
  if (const auto* t = std::get_if<PdfPlacedText>(&item)) {
    DrawTextLines(cr, *t->text, t->first, t->last, t->x, t->y);
  } else if (const auto* r = std::get_if<PdfPlacedRect>(&item)) {
    cairo_save(cr);
    SetColor(cr, r->fill);
    cairo_rectangle(cr, r->x, r->y, r->w, r->h);
    cairo_fill(cr);
    cairo_restore(cr);
  } else if (const auto* f = std::get_if<PdfPlacedFigure>(&item)) {
    const double w = f->scene->width * f->scale, h = f->scene->height * f->scale;
    cairo_save(cr);
    cairo_rectangle(cr, f->x, f->y, w, h);
    cairo_clip(cr);
    cairo_translate(cr, f->x, f->y);
    cairo_scale(cr, f->scale, f->scale);
    PaintScene(cr, *f->scene);
    cairo_restore(cr);
    if (f->border) {
      cairo_save(cr);
      SetColor(cr, kFigureBorder);
      cairo_set_line_width(cr, 0.5);
      cairo_rectangle(cr, f->x, f->y, w, h);
      cairo_stroke(cr);
      cairo_restore(cr);
    }
  } else if (const auto* l = std::get_if<PdfPlacedLink>(&item)) {
    const std::string attributes = fmt::format("rect=[{:.2f} {:.2f} {:.2f} {:.2f}] dest='{}'", l->x, l->y, l->w, l->h,
                                               DestinationName(l->target_page, l->target_y));
    cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes.c_str());
    cairo_tag_end(cr, CAIRO_TAG_LINK);
  }
}

// Marks every place a link on any page points to, on the page being painted.
// (Cairo 1.16 writes links to later pages only through named destinations.)
void PaintDestinations(cairo_t* cr, const std::set<std::pair<int, double>>& targets, int page) {
  for (auto it = targets.lower_bound({page, -1e300}); it != targets.end() && it->first == page; ++it) {
    const std::string attributes = fmt::format("name='{}' x=0 y={:.2f}", DestinationName(page, it->second), it->second);
    cairo_tag_begin(cr, CAIRO_TAG_DEST, attributes.c_str());
    cairo_tag_end(cr, CAIRO_TAG_DEST);
  }
}

void PaintFooter(cairo_t* cr, const PdfTextContext& text, const PdfPageGeometry& page, const std::string& footer,
                 int number, int count) {
  PdfTextStyle style;
  style.size = kFooterSize;
  style.color = kFooterColor;
  style.ellipsize = true;
  const double width = page.text_width();
  const PdfText left = text.Layout(PdfEscape(footer), style, width - kFooterNumberWidth - 10);
  style.align = PANGO_ALIGN_RIGHT;
  const PdfText right = text.Layout(fmt::format("{} / {}", number, count), style, kFooterNumberWidth);
  auto top_for_baseline = [&](const PdfText& t) { return page.footer_baseline - (t.lines[0].baseline - t.lines[0].top); };
  DrawTextLines(cr, left, 0, 1, page.left, top_for_baseline(left));
  DrawTextLines(cr, right, 0, 1, page.left + width - kFooterNumberWidth, top_for_baseline(right));
}

bool Render(const PdfFlow& flow, const PdfPageGeometry& page, const doc::Metadata& meta, const PdfOptions& options,
            const PieceWriter& write, std::string* error) {
  const PdfTextContext text(meta.language);  // the footers'
  PdfStream stream(page.width, page.height, {meta.title, meta.author, meta.subject, options.source_date_epoch}, write);
  cairo_surface_t* surface = stream.surface();

  std::set<std::pair<int, double>> targets;
  for (const PdfPageContent& content : flow.pages) {
    for (const PdfPlaced& item : content.items) {
      if (const auto* l = std::get_if<PdfPlacedLink>(&item)) targets.emplace(l->target_page, l->target_y);
    }
  }

  cairo_t* cr = stream.cr();
  const int count = static_cast<int>(flow.pages.size());
  for (int i = 0; i < count; ++i) {
    const PdfPageContent& content = flow.pages[static_cast<size_t>(i)];
    PaintDestinations(cr, targets, i);
    for (const PdfPlaced& item : content.items) PaintItem(cr, item);
    PaintFooter(cr, text, page, content.footer, i + 1, count);
    cairo_show_page(cr);
  }

  // The outline: each item under the nearest earlier item of smaller depth.
  std::map<int, int> parent_at_depth;  // depth -> outline id of the latest item there
  for (const PdfOutlineItem& item : flow.outline) {
    int parent = CAIRO_PDF_OUTLINE_ROOT;
    for (int d = item.depth - 1; d >= 0; --d) {
      if (auto it = parent_at_depth.find(d); it != parent_at_depth.end()) {
        parent = it->second;
        break;
      }
    }
    const std::string link = fmt::format("page={} pos=[0 {:.2f}]", item.page + 1, item.y);
    const int id = cairo_pdf_surface_add_outline(surface, parent, item.title.c_str(), link.c_str(),
                                                 item.depth == 0 ? CAIRO_PDF_OUTLINE_FLAG_OPEN
                                                                 : static_cast<cairo_pdf_outline_flags_t>(0));
    parent_at_depth.erase(parent_at_depth.lower_bound(item.depth), parent_at_depth.end());
    parent_at_depth[item.depth] = id;
  }

  return stream.Finish(error);
}

std::atomic<long long> g_documents_laid_out{0};

// `document` broken into pages on `page`.
PdfFlow Paginate(const doc::Document& document, const PdfPageGeometry& page) {
  g_documents_laid_out.fetch_add(1, std::memory_order_relaxed);
  const PdfTextContext text(document.meta.language);
  PdfPaginator paginator(text, page);
  paginator.AddBlocks(document.blocks, document.meta.title, 0);
  return paginator.Take();
}

}  // namespace

std::string PdfDate(long long source_date_epoch) {
  if (source_date_epoch <= 0) return "2000-01-01T00:00:00Z";
  const auto seconds = static_cast<std::time_t>(std::min(source_date_epoch, 253402300799LL));
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday,
                     utc.tm_hour, utc.tm_min, utc.tm_sec);
}

struct PdfPages {
  doc::Document document;  // the figures' scenes the pages point into
  PdfPageGeometry page;
  PdfFlow flow;
};

std::shared_ptr<const PdfPages> LayOutPdf(doc::Document document, const PdfOptions& options) {
  auto pages = std::make_shared<PdfPages>();
  pages->document = std::move(document);
  pages->page = PdfPaper(options.paper, options.compact);
  pages->flow = Paginate(pages->document, pages->page);
  return pages;
}

long long PdfDocumentsLaidOut() { return g_documents_laid_out.load(std::memory_order_relaxed); }

bool WritePdf(const PdfPages& pages, const PdfOptions& options, const PieceWriter& write, std::string* error) {
  return Render(pages.flow, pages.page, pages.document.meta, options, write, error);
}

bool WritePdf(const doc::Document& document, const PdfOptions& options, const PieceWriter& write, std::string* error) {
  const PdfPageGeometry page = PdfPaper(options.paper, options.compact);
  return Render(Paginate(document, page), page, document.meta, options, write, error);
}

bool WritePdf(const doc::Document& document, const PdfOptions& options, std::string* pdf, std::string* error) {
  const auto write_pdf = [&](const PieceWriter& write, std::string* e) {
    return WritePdf(document, options, write, e);
  };
  return PdfIntoString(write_pdf, pdf, error);
}

bool WriteCoursePdf(const doc::Course& course, const std::vector<std::shared_ptr<const PdfPages>>& parts,
                    const PdfOptions& options, std::string* pdf, std::string* error) {
  const auto write_pdf = [&](const PieceWriter& write, std::string* e) {
    return WriteCoursePdf(course, parts, options, write, e);
  };
  return PdfIntoString(write_pdf, pdf, error);
}

bool WriteCoursePdf(const doc::Course& course, const std::vector<std::shared_ptr<const PdfPages>>& parts,
                    const PdfOptions& options, const PieceWriter& write, std::string* error) {
  const PdfPageGeometry page = PdfPaper(options.paper, options.compact);
  const std::string& title = course.meta.title;

  // The parts one after the other, as laid out for their own PDFs: where
  // each starts, and its pages, outline and links shifted to there.
  PdfFlow body;
  std::vector<int> starts;
  for (const std::shared_ptr<const PdfPages>& part : parts) {
    if (part->page != page) {
      *error = "a part of the course was laid out for other pages";
      return false;
    }
    const int start = static_cast<int>(body.pages.size());
    starts.push_back(start);
    for (PdfPageContent content : part->flow.pages) {
      for (PdfPlaced& item : content.items)
        if (auto* link = std::get_if<PdfPlacedLink>(&item)) link->target_page += start;
      body.pages.push_back(std::move(content));
    }
    for (PdfOutlineItem item : part->flow.outline) {
      item.page += start;
      body.outline.push_back(std::move(item));
    }
  }

  // The contents pages point into the body, shifted by their own length;
  // lay them out until that length is stable (once or twice).
  const PdfTextContext text(course.meta.language);
  std::vector<doc::Block> front;
  PdfFlow front_flow;
  int front_pages = 1;
  for (int attempt = 0; attempt < 4; ++attempt) {
    front.clear();
    front.push_back(doc::Heading{1, doc::Text(title), ""});
    if (!course.title_page.empty()) {
      front.insert(front.end(), course.title_page.begin(), course.title_page.end());
      front.push_back(doc::PageBreak{});
    }
    front.push_back(doc::Heading{2, doc::Text(course.contents_heading), course.contents_heading});
    size_t next_outline = 0;
    for (size_t d = 0; d < parts.size(); ++d) {
      const int end = d + 1 < parts.size() ? starts[d + 1] : static_cast<int>(body.pages.size());
      front.push_back(doc::ContentsLine{doc::Text(parts[d]->document.meta.title), 1, starts[d] + front_pages, 0});
      for (; next_outline < body.outline.size() && body.outline[next_outline].page < end; ++next_outline) {
        const PdfOutlineItem& item = body.outline[next_outline];
        if (item.depth == 1) {
          front.push_back(doc::ContentsLine{doc::Text(item.title), 2, item.page + front_pages, item.y});
        }
      }
    }
    PdfPaginator paginator(text, page);
    paginator.AddBlocks(front, title, 0);
    front_flow = paginator.Take();
    const int pages = static_cast<int>(front_flow.pages.size());
    if (pages == front_pages) break;
    front_pages = pages;
  }

  PdfFlow all = std::move(front_flow);
  for (PdfOutlineItem& item : body.outline) {
    item.page += front_pages;
    all.outline.push_back(std::move(item));
  }
  for (PdfPageContent& p : body.pages) {
    for (PdfPlaced& item : p.items)
      if (auto* link = std::get_if<PdfPlacedLink>(&item)) link->target_page += front_pages;
    all.pages.push_back(std::move(p));
  }
  return Render(all, page, course.meta, options, write, error);
}

}  // namespace cl
