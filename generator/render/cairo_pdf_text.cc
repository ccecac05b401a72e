#include "render/cairo_pdf_text.h"

#include <algorithm>
#include <cmath>

#include "render/cairo_font_pins.h"

namespace cl {

namespace {

double Points(int pango_units) { return static_cast<double>(pango_units) / PANGO_SCALE; }

}  // namespace

double PdfText::Height(size_t first, size_t last) const {
  if (first >= last || last > lines.size()) return 0;
  return lines[last - 1].bottom - lines[first].top;
}

PdfTextContext::PdfTextContext(const std::string& language_tag) {
  context_ = pango_font_map_create_context(pango_cairo_font_map_get_default());
  pango_cairo_context_set_resolution(context_, 72.0);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options(context_, options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(context_, FALSE);
  pango_context_set_base_dir(context_, PANGO_DIRECTION_LTR);
  PangoLanguage* language = pango_language_from_string(language_tag.empty() ? "en" : language_tag.c_str());
  pango_context_set_language(context_, language);
}

PdfTextContext::~PdfTextContext() { g_object_unref(context_); }

PdfText PdfTextContext::Layout(const std::string& markup, const PdfTextStyle& style, double width) const {
  PdfText text;
  text.color = style.color;
  text.layout = LayoutPtr(pango_layout_new(context_), [](PangoLayout* l) { g_object_unref(l); });
  PangoLayout* layout = text.layout.get();

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

  PinLayoutFonts(layout);  // before any page shows them: render/cairo_font_pins.h
  PangoLayoutIter* iter = pango_layout_get_iter(layout);
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
    text.lines.push_back(line);
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);
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
    cairo_move_to(cr, x + line.x, y + line.baseline - origin);
    pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(text.layout.get(), static_cast<int>(i)));
  }
  cairo_restore(cr);
}

}  // namespace cl
