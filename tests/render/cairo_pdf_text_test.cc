// Laid-out PDF text (render/cairo_pdf_text.h): what Pango decided, kept as
// plain data, draws the very bytes Pango's own Cairo renderer draws, from
// any thread, several at once, and shows characters no font has as boxes.
#include <boost/test/unit_test.hpp>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "render/cairo_pdf_text.h"

namespace cl {
namespace {

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// A one-page PDF of whatever `draw` paints.
template <typename Draw>
std::string OnePagePdf(const Draw& draw) {
  std::string bytes;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(Append, &bytes, 300, 200);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z");
  cairo_t* cr = cairo_create(surface);
  draw(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return bytes;
}

// The same text drawn by Pango's renderer, as the handouts were before.
std::string PangoDrawn(const std::string& markup, double size, double width, double x, double y) {
  return OnePagePdf([&](cairo_t* cr) {
    PangoContext* context = pango_font_map_create_context(pango_cairo_font_map_get_default());
    pango_cairo_context_set_resolution(context, 72.0);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(context, options);
    cairo_font_options_destroy(options);
    pango_context_set_round_glyph_positions(context, FALSE);
    pango_context_set_base_dir(context, PANGO_DIRECTION_LTR);
    pango_context_set_language(context, pango_language_from_string("en"));
    PangoLayout* layout = pango_layout_new(context);
    PangoFontDescription* font = pango_font_description_from_string("DejaVu Sans");
    pango_font_description_set_size(font, static_cast<int>(size * PANGO_SCALE));
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_markup(layout, markup.c_str(), -1);
    cairo_set_source_rgb(cr, 0x1a / 255.0, 0x1a / 255.0, 0x1a / 255.0);
    // Each line's origin as DrawTextLines takes it: its logical left edge,
    // its baseline below the first line's top at (x, y).
    PangoLayoutIter* iter = pango_layout_get_iter(layout);
    int first_top = 0, unused = 0;
    pango_layout_iter_get_line_yrange(iter, &first_top, &unused);
    const double origin = static_cast<double>(first_top) / PANGO_SCALE;
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(iter, nullptr, &logical);
      const double baseline = static_cast<double>(pango_layout_iter_get_baseline(iter)) / PANGO_SCALE;
      cairo_move_to(cr, x + static_cast<double>(logical.x) / PANGO_SCALE, y + baseline - origin);
      pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(iter));
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
    g_object_unref(layout);
    g_object_unref(context);
  });
}

std::string CaptureDrawn(const PdfText& text, double x, double y) {
  return OnePagePdf([&](cairo_t* cr) { DrawTextLines(cr, text, 0, text.lines.size(), x, y); });
}

// Bold, italic, monospace and coloured spans, right-to-left scripts,
// ligatures and combining marks, over several lines; underlined, struck
// and highlighted spans (Pango draws their rectangles).
const char* const kMixed =
    "Filter <b>weights</b> and <i>sums</i>: <span font_family=\"DejaVu Sans Mono\">max(0, x)</span> "
    "<u>under</u> <s>struck</s> <span background=\"#ffee00\" underline_color=\"#2166ac\" underline=\"double\">lit</span> "
    "<span foreground=\"#2166ac\">-12.5</span> <span foreground=\"#555555\">muted</span> office ﬃ e\u0301, "
    "Σ αβγ, שלום עולם, مرحبا بالعالم, and a long line that wraps over the width.";

BOOST_AUTO_TEST_SUITE(pdf_text_capture)

BOOST_AUTO_TEST_CASE(a_laid_out_text_draws_the_bytes_pangos_renderer_draws) {
  PdfTextContext context;
  PdfTextStyle style;
  style.size = 10;
  const PdfText text = context.Layout(kMixed, style, 180);
  BOOST_TEST_REQUIRE(text.lines.size() > 2u);
  BOOST_TEST(CaptureDrawn(text, 10, 20) == PangoDrawn(kMixed, 10, 180, 10, 20));
}

BOOST_AUTO_TEST_CASE(every_run_keeps_its_font_glyphs_and_characters) {
  PdfTextContext context;
  const PdfText text = context.Layout("<b>ab</b> שלום", PdfTextStyle{}, 0);
  BOOST_TEST_REQUIRE(text.lines.size() == 1u);
  std::string characters;
  bool right_to_left = false;
  for (const PdfLinePart& part : text.lines[0].parts) {
    const auto* run = std::get_if<PdfGlyphRun>(&part);
    BOOST_TEST_REQUIRE(run != nullptr);
    BOOST_TEST(run->font != nullptr);
    BOOST_TEST(run->missing.empty());
    size_t bytes = 0;
    for (const cairo_text_cluster_t& c : run->clusters) bytes += static_cast<size_t>(c.num_bytes);
    BOOST_TEST(bytes == run->text.size());
    characters += run->text;
    right_to_left = right_to_left || run->backward;
  }
  BOOST_TEST(characters == "ab שלום");
  BOOST_TEST(right_to_left);
}

BOOST_AUTO_TEST_CASE(threads_drawing_one_text_at_once_draw_the_same_bytes) {
  PdfTextContext context;
  PdfTextStyle style;
  style.size = 9;
  const PdfText text = context.Layout(kMixed, style, 150);
  const std::string alone = CaptureDrawn(text, 12, 14);
  std::vector<std::string> drawn(4);
  std::vector<std::thread> threads;
  for (std::string& out : drawn) {
    threads.emplace_back([&text, &out] {
      for (int i = 0; i < 20; ++i) out = CaptureDrawn(text, 12, 14);
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::string& out : drawn) BOOST_TEST(out == alone);
}

BOOST_AUTO_TEST_CASE(threads_laying_out_at_once_get_what_one_alone_gets) {
  // Every context lays out with one shared font map, a thread at a time.
  PdfTextStyle style;
  style.size = 9;
  const std::string alone = CaptureDrawn(PdfTextContext().Layout(kMixed, style, 150), 12, 14);
  std::vector<std::string> drawn(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < drawn.size(); ++t) {
    threads.emplace_back([&drawn, t] {
      for (int i = 0; i < 10; ++i) {
        PdfTextContext context;
        PdfTextStyle mine;
        mine.size = 9 + (i % 3) * 0.5;  // descriptions made afresh on several threads at once
        context.Layout(kMixed, mine, 150);
        mine.size = 9;
        drawn[t] = CaptureDrawn(context.Layout(kMixed, mine, 150), 12, 14);
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::string& out : drawn) BOOST_TEST(out == alone);
}

BOOST_AUTO_TEST_CASE(a_text_laid_out_again_is_the_same_whatever_context_asks) {
  // Laid out once per process (worksheets and answers share paragraphs):
  // another context, on another thread, gets what the first got.
  PdfTextStyle style;
  style.size = 9.75;
  const PdfText first = PdfTextContext().Layout(kMixed, style, 150);
  PdfText again;
  std::thread([&] { again = PdfTextContext().Layout(kMixed, style, 150); }).join();
  BOOST_TEST(CaptureDrawn(again, 12, 14) == CaptureDrawn(first, 12, 14));
  // Each setting is its own layout.
  const PdfText narrower = PdfTextContext().Layout(kMixed, style, 80);
  BOOST_TEST(narrower.lines.size() > first.lines.size());
  PdfTextStyle bold = style;
  bold.bold = true;
  BOOST_TEST(PdfTextContext().Layout(kMixed, bold, 150).width != first.width);
  PdfTextStyle larger = style;
  larger.size = 11;
  BOOST_TEST(PdfTextContext().Layout(kMixed, larger, 150).width != first.width);
  PdfTextStyle red = style;
  red.color = Color{200, 0, 0};
  BOOST_TEST((PdfTextContext().Layout(kMixed, red, 150).color == red.color));
  BOOST_TEST(PdfTextContext().Layout(std::string(kMixed) + " more", style, 150).width >= first.width);
  BOOST_TEST(CaptureDrawn(PdfTextContext().Layout(std::string(kMixed) + " more", style, 150), 12, 14) != CaptureDrawn(first, 12, 14));
}

BOOST_AUTO_TEST_CASE(a_character_no_font_has_is_a_box_with_its_code_point) {
  PdfTextContext context;
  PdfTextStyle style;
  style.size = 20;
  // A private-use character of plane 16: no font maps it.
  const PdfText text = context.Layout("a \U0010FFFD b", style, 0);
  const PdfGlyphRun::Missing* missing = nullptr;
  for (const PdfLinePart& part : text.lines.at(0).parts)
    if (const auto* run = std::get_if<PdfGlyphRun>(&part); run && !run->missing.empty()) missing = &run->missing[0];
  BOOST_TEST_REQUIRE(missing != nullptr);
  BOOST_TEST(static_cast<unsigned>(missing->code) == 0x10FFFDu);
  BOOST_TEST(missing->width > 0);
  // Drawn: ink inside the glyph's advance (the box and its digits).
  cairo_surface_t* image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 200, 60);
  cairo_t* cr = cairo_create(image);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  DrawTextLines(cr, text, 0, 1, 0, 10);
  cairo_destroy(cr);
  cairo_surface_flush(image);
  const double x0 = text.lines[0].x, baseline = 10 + text.lines[0].baseline - text.lines[0].top;
  const int left = static_cast<int>(x0 + static_cast<double>(missing->x) / PANGO_SCALE);
  const int right = left + missing->width / PANGO_SCALE;
  int dark = 0;
  const unsigned char* data = cairo_image_surface_get_data(image);
  const int stride = cairo_image_surface_get_stride(image);
  for (int y = static_cast<int>(baseline) - 18; y < static_cast<int>(baseline) + 4; ++y)
    for (int x = left; x < right; ++x)
      if (data[y * stride + x * 4 + 1] < 128) ++dark;
  BOOST_TEST(dark > 20);
  cairo_surface_destroy(image);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace cl
