#include "render/cairo_pdf_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "render/cairo_font_pins.h"

// A Pango renderer that draws nothing: it keeps what Pango's Cairo renderer
// (pangocairo-render.c) would draw for a line, as PdfLineParts. Pango walks
// the line (runs, rises, attributes) exactly as when it draws it.
struct ClPdfTextCapture {
  PangoRenderer parent_instance;
  std::vector<cl::PdfLinePart>* parts;  // the line's, being captured
  std::exception_ptr* failure;          // what a capture threw: never through Pango's C
};
struct ClPdfTextCaptureClass {
  PangoRendererClass parent_class;
};

G_DEFINE_TYPE(ClPdfTextCapture, cl_pdf_text_capture, PANGO_TYPE_RENDERER)

namespace cl {

namespace {

double Points(int pango_units) { return static_cast<double>(pango_units) / PANGO_SCALE; }

std::optional<std::array<uint16_t, 3>> PartColor(PangoRenderer* renderer, PangoRenderPart part) {
  const PangoColor* c = pango_renderer_get_color(renderer, part);
  if (c == nullptr) return std::nullopt;
  return std::array<uint16_t, 3>{c->red, c->green, c->blue};
}

// Runs `capture`, keeping what it throws for after Pango returns.
template <typename Capture>
void Guarded(PangoRenderer* renderer, const Capture& capture) {
  auto* self = reinterpret_cast<ClPdfTextCapture*>(renderer);
  if (*self->failure) return;
  try {
    capture(*self->parts);
  } catch (...) {
    *self->failure = std::current_exception();
  }
}

// As pango_cairo_renderer_draw_glyph_item: the glyphs to show, the ones no
// font has, and the clusters that tie glyphs to characters in the PDF.
void CaptureRun(PangoRenderer* renderer, const char* text, PangoGlyphItem* glyph_item, int x, int y,
                std::vector<PdfLinePart>& parts) {
  PdfGlyphRun run;
  run.x = x;
  run.y = y;
  run.color = PartColor(renderer, PANGO_RENDER_PART_FOREGROUND);
  PangoItem* item = glyph_item->item;
  PangoGlyphString* glyphs = glyph_item->glyphs;
  run.backward = (item->analysis.level & 1) != 0;
  cairo_scaled_font_t* font = item->analysis.font == nullptr
                                  ? nullptr
                                  : pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(item->analysis.font));
  const bool shown = font != nullptr && cairo_scaled_font_status(font) == CAIRO_STATUS_SUCCESS;
  if (shown) {
    PinScaledFont(font);
    run.font = font;
  }
  int advance = 0;
  for (int i = 0; i < glyphs->num_glyphs; ++i) {
    const PangoGlyphInfo& gi = glyphs->glyphs[i];
    if (gi.glyph != PANGO_GLYPH_EMPTY) {
      const int at = advance + gi.geometry.x_offset;
      if (!shown || (gi.glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0) {
        const char32_t code = gi.glyph == PANGO_GLYPH_INVALID_INPUT ? 0x110000 : gi.glyph & ~PANGO_GLYPH_UNKNOWN_FLAG;
        run.missing.push_back({at, gi.geometry.y_offset, gi.geometry.width, code});
      } else {
        run.glyphs.push_back({gi.glyph, at, gi.geometry.y_offset});
      }
    }
    advance += gi.geometry.width;
  }
  if (shown) {
    run.text.assign(text + item->offset, static_cast<size_t>(item->length));
    PangoGlyphItemIter iter;
    if (pango_glyph_item_iter_init_start(&iter, glyph_item, text)) {
      do {
        int count = run.backward ? iter.start_glyph - iter.end_glyph : iter.end_glyph - iter.start_glyph;
        for (int i = std::min(iter.start_glyph, iter.end_glyph + 1); i < std::max(iter.start_glyph + 1, iter.end_glyph);
             ++i) {
          const PangoGlyph g = glyphs->glyphs[i].glyph;
          if (g == PANGO_GLYPH_EMPTY || (g & PANGO_GLYPH_UNKNOWN_FLAG) != 0) --count;
        }
        run.clusters.push_back({iter.end_index - iter.start_index, count});
      } while (pango_glyph_item_iter_next_cluster(&iter));
    }
  }
  parts.push_back(std::move(run));
}

void CaptureGlyphItem(PangoRenderer* renderer, const char* text, PangoGlyphItem* glyph_item, int x, int y) {
  Guarded(renderer, [&](std::vector<PdfLinePart>& parts) { CaptureRun(renderer, text, glyph_item, x, y, parts); });
}

void CaptureRectangle(PangoRenderer* renderer, PangoRenderPart part, int x, int y, int width, int height) {
  Guarded(renderer, [&](std::vector<PdfLinePart>& parts) {
    parts.push_back(PdfTextRect{PartColor(renderer, part), x, y, width, height});
  });
}

void SetColor(cairo_t* cr, const std::array<uint16_t, 3>& c) {
  cairo_set_source_rgb(cr, c[0] / 65535., c[1] / 65535., c[2] / 65535.);
}

// A box the glyph's width with its code point in two rows of hex digits, as
// Pango draws a character no font has; an X in it for invalid input.
void DrawMissing(cairo_t* cr, const PdfGlyphRun::Missing& m, double size, double x, double y) {
  const double width = Points(m.width);
  const double pad = std::max(0.5, size * 0.06);
  const double box_x = x + pad, box_w = std::max(0.0, width - 2 * pad);
  const double box_bottom = y + size * 0.15, box_h = size * 0.9;
  cairo_save(cr);
  cairo_new_path(cr);
  cairo_rectangle(cr, box_x, box_bottom - box_h, box_w, box_h);
  const bool invalid = m.code > 0x10FFFF;
  if (invalid) {
    cairo_move_to(cr, box_x, box_bottom - box_h);
    cairo_rel_line_to(cr, box_w, box_h);
    cairo_move_to(cr, box_x + box_w, box_bottom - box_h);
    cairo_rel_line_to(cr, -box_w, box_h);
  }
  cairo_set_line_width(cr, std::max(0.25, size / 20));
  cairo_stroke(cr);
  if (!invalid) {
    const auto code = static_cast<unsigned>(m.code);
    const std::string digits = m.code > 0xFFFF ? fmt::format("{:06X}", code) : fmt::format("{:04X}", code);
    const int columns = m.code > 0xFFFF ? 3 : 2;
    const double advance = 0.602;  // DejaVu Sans Mono's, per unit of size
    const double digit_size = std::min(box_h * 0.4, (box_w - 2 * pad) / (columns * advance));
    if (digit_size > 0) {
      cairo_select_font_face(cr, "DejaVu Sans Mono", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size(cr, digit_size);
      PinContextFont(cr);
      const double left = box_x + (box_w - columns * advance * digit_size) / 2;
      const double gap = (box_h - 2 * 0.73 * digit_size) / 3;
      for (int row = 0; row < 2; ++row) {
        cairo_move_to(cr, left, box_bottom - box_h + gap + 0.73 * digit_size + row * (gap + 0.73 * digit_size));
        const std::string text = digits.substr(static_cast<size_t>(row) * static_cast<size_t>(columns), static_cast<size_t>(columns));
        cairo_show_text(cr, text.c_str());
      }
    }
  }
  cairo_restore(cr);
}

// As pango_cairo_renderer_show_text_glyphs, from the line's origin (x0, y0).
void DrawRun(cairo_t* cr, const PdfGlyphRun& run, double x0, double y0) {
  const double base_x = x0 + static_cast<double>(run.x) / PANGO_SCALE;
  const double base_y = y0 + static_cast<double>(run.y) / PANGO_SCALE;
  const auto y_of = [&](int y_offset) {
    return y_offset == 0 ? base_y : base_y + static_cast<double>(y_offset) / PANGO_SCALE;
  };
  cairo_save(cr);
  if (run.color) SetColor(cr, *run.color);
  if (!run.missing.empty()) {
    cairo_matrix_t font_matrix;
    cairo_matrix_init_scale(&font_matrix, 10, 10);
    if (run.font != nullptr) cairo_scaled_font_get_font_matrix(run.font, &font_matrix);
    for (const PdfGlyphRun::Missing& m : run.missing)
      DrawMissing(cr, m, font_matrix.yy, base_x + static_cast<double>(m.x) / PANGO_SCALE, y_of(m.y_offset));
  }
  if (run.font != nullptr) {
    SetPinnedScaledFont(cr, run.font);  // and the font Cairo makes from it for this surface
    std::vector<cairo_glyph_t> glyphs;
    glyphs.reserve(run.glyphs.size());
    for (const PdfGlyphRun::Glyph& g : run.glyphs)
      glyphs.push_back({g.index, base_x + static_cast<double>(g.x) / PANGO_SCALE, y_of(g.y_offset)});
    cairo_show_text_glyphs(cr, run.text.data(), static_cast<int>(run.text.size()), glyphs.data(),
                           static_cast<int>(glyphs.size()), run.clusters.data(), static_cast<int>(run.clusters.size()),
                           run.backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : static_cast<cairo_text_cluster_flags_t>(0));
  }
  cairo_restore(cr);
}

void DrawRect(cairo_t* cr, const PdfTextRect& r, double x0, double y0) {
  cairo_save(cr);
  if (r.color) SetColor(cr, *r.color);
  cairo_rectangle(cr, x0 + static_cast<double>(r.x) / PANGO_SCALE, y0 + static_cast<double>(r.y) / PANGO_SCALE,
                  static_cast<double>(r.width) / PANGO_SCALE, static_cast<double>(r.height) / PANGO_SCALE);
  cairo_fill(cr);
  cairo_restore(cr);
}

}  // namespace

double PdfText::Height(size_t first, size_t last) const {
  if (first >= last || last > lines.size()) return 0;
  return lines[last - 1].bottom - lines[first].top;
}

namespace {

// One Pango font map for every document's text, whichever thread lays it
// out, used under one lock (a font map is not thread-safe). With each
// thread's default map, each thread resolved every font description anew:
// Pango 1.50 starts two threads per description and font map to match and
// sort the system's fonts (30 descriptions, 60 threads in the default
// lesson's build, 10-20 of them repeats). In the binary the match runs on
// the thread laying the text out, and the sort when a layout waits for it
// (glib_thread_shim.cc).
//
// Under the same lock, the texts laid out so far, for any document and
// thread: a worksheet and its answers, a lesson's handout and the course
// PDF, lay out the same paragraphs (35 of the default lesson's 113 layouts
// were repeats). A layout depends only on what its key holds, and its fonts
// are pinned for the run, so a copy is what laying it out again would give.
// At most 8 MB of them are kept; then they are let go and kept afresh.
struct SharedFontMap {
  std::mutex lock;
  PangoFontMap* map = pango_cairo_font_map_new();
  std::unordered_map<std::string, PdfText> laid_out;
  std::size_t laid_out_bytes = 0;  // about: keys and glyph runs
  static constexpr std::size_t kMostLaidOutBytes = std::size_t{8} << 20;
};

// About the bytes `text` holds (its glyph runs: a paragraph's are tens of KB).
std::size_t HeldBytes(const PdfText& text) {
  std::size_t bytes = sizeof(PdfText);
  for (const PdfLine& line : text.lines) {
    bytes += sizeof(PdfLine);
    for (const PdfLinePart& part : line.parts) {
      bytes += sizeof(PdfLinePart);
      if (const auto* run = std::get_if<PdfGlyphRun>(&part))
        bytes += run->glyphs.size() * sizeof(PdfGlyphRun::Glyph) + run->missing.size() * sizeof(PdfGlyphRun::Missing) +
                 run->text.size() + run->clusters.size() * sizeof(cairo_text_cluster_t);
    }
  }
  return bytes;
}

SharedFontMap& PdfFontMap() {
  static SharedFontMap* const shared = new SharedFontMap;  // never freed: its fonts are pinned for the run
  return *shared;
}

thread_local bool t_holds_pdf_font_map = false;

}  // namespace

PdfFontMapLock::PdfFontMapLock() {
  PdfFontMap().lock.lock();
  t_holds_pdf_font_map = true;
}

PdfFontMapLock::~PdfFontMapLock() {
  t_holds_pdf_font_map = false;
  PdfFontMap().lock.unlock();
}

bool HoldsPdfFontMapLock() { return t_holds_pdf_font_map; }

PdfTextContext::PdfTextContext(const std::string& language_tag) : language_(language_tag.empty() ? "en" : language_tag) {
  const PdfFontMapLock hold;
  context_ = pango_font_map_create_context(PdfFontMap().map);
  pango_cairo_context_set_resolution(context_, 72.0);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options(context_, options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(context_, FALSE);
  pango_context_set_base_dir(context_, PANGO_DIRECTION_LTR);
  PangoLanguage* language = pango_language_from_string(language_.c_str());
  pango_context_set_language(context_, language);
}

PdfTextContext::~PdfTextContext() {
  const PdfFontMapLock hold;
  g_object_unref(context_);
}

PdfText PdfTextContext::Layout(const std::string& markup, const PdfTextStyle& style, double width) const {
  const PdfFontMapLock hold;  // first: Pango's objects below go before it is let go
  // Everything the layout depends on: the context's language, the style, the width, the markup.
  const std::string key = fmt::format("{}\n{}\n{:a} {:d} {:d} {:d} {:d} {:d} {:d} {:d} {:a} {:a}\n{}", language_, style.family,
                                      style.size, style.bold, style.italic, style.color.r, style.color.g, style.color.b,
                                      static_cast<int>(style.align), style.ellipsize, style.line_spacing, width, markup);
  std::unordered_map<std::string, PdfText>& laid_out = PdfFontMap().laid_out;
  if (const auto it = laid_out.find(key); it != laid_out.end()) return it->second;
  PdfText text = LayOutAfresh(markup, style, width);
  const std::size_t bytes = key.size() + HeldBytes(text);
  if (PdfFontMap().laid_out_bytes + bytes > SharedFontMap::kMostLaidOutBytes) {
    laid_out.clear();
    PdfFontMap().laid_out_bytes = 0;
  }
  if (bytes <= SharedFontMap::kMostLaidOutBytes / 4) {  // a very long text is not kept
    laid_out.emplace(key, text);
    PdfFontMap().laid_out_bytes += bytes;
  }
  return text;
}

PdfText PdfTextContext::LayOutAfresh(const std::string& markup, const PdfTextStyle& style, double width) const {
  PdfText text;
  text.color = style.color;
  const std::unique_ptr<PangoLayout, void (*)(gpointer)> owned_layout(pango_layout_new(context_), g_object_unref);
  PangoLayout* layout = owned_layout.get();

  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, style.family);
  pango_font_description_set_size(font, static_cast<int>(std::lround(style.size * PANGO_SCALE)));
  pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description(layout, font);
  pango_font_description_free(font);

  if (width > 0) {
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    if (style.ellipsize) pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
  }
  pango_layout_set_alignment(layout, style.align);
  if (style.line_spacing > 0) pango_layout_set_line_spacing(layout, static_cast<float>(style.line_spacing));

  // Validate first: pango_layout_set_markup would print a warning and show nothing.
  if (pango_parse_markup(markup.c_str(), static_cast<int>(markup.size()), 0, nullptr, nullptr, nullptr, nullptr)) {
    pango_layout_set_markup(layout, markup.c_str(), static_cast<int>(markup.size()));
  } else {
    pango_layout_set_text(layout, markup.c_str(), static_cast<int>(markup.size()));
  }

  const std::unique_ptr<PangoRenderer, void (*)(gpointer)> capture(
      static_cast<PangoRenderer*>(g_object_new(cl_pdf_text_capture_get_type(), nullptr)), g_object_unref);
  std::exception_ptr failure;
  reinterpret_cast<ClPdfTextCapture*>(capture.get())->failure = &failure;
  const std::unique_ptr<PangoLayoutIter, void (*)(PangoLayoutIter*)> owned_iter(pango_layout_get_iter(layout),
                                                                                pango_layout_iter_free);
  PangoLayoutIter* iter = owned_iter.get();
  do {
    int y0 = 0, y1 = 0;
    pango_layout_iter_get_line_yrange(iter, &y0, &y1);
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter, nullptr, &logical);
    PdfLine line;
    line.top = Points(y0);
    line.bottom = Points(y1);
    line.baseline = Points(pango_layout_iter_get_baseline(iter));
    line.x = Points(logical.x);
    line.width = Points(logical.width);
    text.width = std::max(text.width, line.width);
    reinterpret_cast<ClPdfTextCapture*>(capture.get())->parts = &line.parts;
    pango_renderer_draw_layout_line(capture.get(), pango_layout_iter_get_line_readonly(iter), 0, 0);
    if (failure) std::rethrow_exception(failure);
    text.lines.push_back(std::move(line));
  } while (pango_layout_iter_next_line(iter));
  return text;
}

void DrawTextLines(cairo_t* cr, const PdfText& text, size_t first, size_t last, double x, double y) {
  last = std::min(last, text.lines.size());
  if (first >= last) return;
  cairo_save(cr);
  cairo_set_source_rgb(cr, text.color.r / 255.0, text.color.g / 255.0, text.color.b / 255.0);
  const double origin = text.lines[first].top;
  for (size_t i = first; i < last; ++i) {
    const PdfLine& line = text.lines[i];
    // The origin as Pango takes it: Cairo's current point, which Cairo
    // keeps in fixed point.
    cairo_move_to(cr, x + line.x, y + line.baseline - origin);
    double x0 = 0, y0 = 0;
    cairo_get_current_point(cr, &x0, &y0);
    for (const PdfLinePart& part : line.parts) {
      if (const auto* run = std::get_if<PdfGlyphRun>(&part)) {
        DrawRun(cr, *run, x0, y0);
      } else {
        DrawRect(cr, std::get<PdfTextRect>(part), x0, y0);
      }
    }
  }
  cairo_restore(cr);
}

}  // namespace cl

static void cl_pdf_text_capture_init(ClPdfTextCapture* self) {
  self->parts = nullptr;
  self->failure = nullptr;
}

static void cl_pdf_text_capture_class_init(ClPdfTextCaptureClass* klass) {
  PangoRendererClass* renderer = PANGO_RENDERER_CLASS(klass);
  renderer->draw_glyph_item = cl::CaptureGlyphItem;
  renderer->draw_rectangle = cl::CaptureRectangle;
}
