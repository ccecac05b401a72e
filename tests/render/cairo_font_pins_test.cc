// Fonts kept for the run (render/cairo_font_pins.h): every font the frames
// and PDFs draw text with, and its face's PDF subset font, hold a reference
// that is never released, so Cairo 1.16 never destroys a font another thread
// may be using.
#include <boost/test/unit_test.hpp>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <string>
#include <variant>
#include <vector>

#include "render/cairo_font_pins.h"
#include "render/cairo_painter.h"
#include "render/cairo_pdf_text.h"

namespace cl {
namespace {

cairo_status_t Discard(void*, const unsigned char*, unsigned int) { return CAIRO_STATUS_SUCCESS; }

// The fonts of every run of `text`, as Pango picked them.
std::vector<cairo_scaled_font_t*> TextFonts(const PdfText& text) {
  std::vector<cairo_scaled_font_t*> fonts;
  for (const PdfLine& line : text.lines)
    for (const PdfLinePart& part : line.parts)
      if (const auto* run = std::get_if<PdfGlyphRun>(&part)) fonts.push_back(run->font);
  return fonts;
}

void ExpectPinnedWithSubsetFont(cairo_scaled_font_t* font) {
  BOOST_TEST(IsPinned(font));
  cairo_scaled_font_t* subset = PdfSubsetFontOf(font);
  BOOST_TEST(IsPinned(subset));
  cairo_scaled_font_destroy(subset);
}

BOOST_AUTO_TEST_SUITE(FontPins)

BOOST_AUTO_TEST_CASE(APinIsOneReferenceForGoodAndCoversTheFacesSubsetFont) {
  cairo_font_face_t* face = cairo_toy_font_face_create("DejaVu Sans", CAIRO_FONT_SLANT_ITALIC, CAIRO_FONT_WEIGHT_BOLD);
  cairo_matrix_t size, identity;
  cairo_matrix_init_scale(&size, 37.5, 37.5);
  cairo_matrix_init_identity(&identity);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_scaled_font_t* font = cairo_scaled_font_create(face, &size, &identity, options);
  BOOST_TEST(!IsPinned(font));
  PinScaledFont(font);
  PinScaledFont(font);
  ExpectPinnedWithSubsetFont(font);
  // Cairo's font map gives the pinned subset font to whoever asks for it again.
  cairo_scaled_font_t* a = PdfSubsetFontOf(font);
  cairo_scaled_font_t* b = PdfSubsetFontOf(font);
  BOOST_TEST(a == b);
  cairo_scaled_font_destroy(a);
  cairo_scaled_font_destroy(b);
  cairo_scaled_font_destroy(font);
  // Another font made last takes the font map's own reference (it keeps one
  // to the font made or found last): what is left is the pin's, once.
  cairo_matrix_t other;
  cairo_matrix_init_scale(&other, 11.5, 11.5);
  cairo_scaled_font_destroy(cairo_scaled_font_create(face, &other, &identity, options));
  BOOST_TEST(cairo_scaled_font_get_reference_count(font) == 1u);
  cairo_font_options_destroy(options);
  cairo_font_face_destroy(face);
}

BOOST_AUTO_TEST_CASE(HandoutTextPinsPangosFontsFallbacksIncluded) {
  PdfTextContext context;
  PdfTextStyle style;
  style.size = 13.25;
  // Greek and CJK: DejaVu Sans has the first; the second comes from a fallback font when one is installed.
  const PdfText text = context.Layout("Filter <b>weights</b> αβγ 卷积", style, 200);
  const std::vector<cairo_scaled_font_t*> fonts = TextFonts(text);
  BOOST_TEST(fonts.size() >= 2u);  // regular and bold at least
  for (cairo_scaled_font_t* font : fonts) ExpectPinnedWithSubsetFont(font);
}

BOOST_AUTO_TEST_CASE(HandoutTextPinsTheFontsCairoDrawsItWith) {
  PdfTextContext context;
  PdfTextStyle style;
  style.size = 11.75;
  const PdfText text = context.Layout("Sums <i>and</i> <b>maps</b> αβγ", style, 200);
  cairo_surface_t* pdf = cairo_pdf_surface_create_for_stream(Discard, nullptr, 300, 100);
  cairo_t* cr = cairo_create(pdf);
  DrawTextLines(cr, text, 0, text.lines.size(), 10, 10);
  // On a PDF page Cairo draws with a font it makes from the run's face,
  // size and options merged with the surface's: another font, pinned too.
  int derived = 0;
  for (cairo_scaled_font_t* font : TextFonts(text)) {
    cairo_save(cr);
    cairo_set_scaled_font(cr, font);
    cairo_scaled_font_t* drawn_with = cairo_get_scaled_font(cr);
    if (drawn_with != font) ++derived;
    ExpectPinnedWithSubsetFont(drawn_with);
    cairo_restore(cr);
  }
  BOOST_TEST(derived > 0);
  cairo_destroy(cr);
  cairo_surface_finish(pdf);
  cairo_surface_destroy(pdf);
}

BOOST_AUTO_TEST_CASE(ALayoutsFontsArePinnedWithTheOnesCairoDrawsThemWith) {
  // A frame's fallback text: Pango's layout on the frame's context, scaled.
  cairo_surface_t* image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 100, 50);
  cairo_t* cr = cairo_create(image);
  cairo_scale(cr, 2.5, 2.5);
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoFontDescription* font = pango_font_description_from_string("DejaVu Sans 9.5");
  pango_layout_set_font_description(layout, font);
  pango_font_description_free(font);
  pango_layout_set_text(layout, "Σ x 卷积", -1);
  PinLayoutFonts(cr, layout);
  for (GSList* line = pango_layout_get_lines_readonly(layout); line != nullptr; line = line->next) {
    for (GSList* run = static_cast<PangoLayoutLine*>(line->data)->runs; run != nullptr; run = run->next) {
      cairo_scaled_font_t* pango_font = pango_cairo_font_get_scaled_font(
          PANGO_CAIRO_FONT(static_cast<PangoGlyphItem*>(run->data)->item->analysis.font));
      ExpectPinnedWithSubsetFont(pango_font);
      cairo_save(cr);
      cairo_set_scaled_font(cr, pango_font);
      BOOST_TEST(IsPinned(cairo_get_scaled_font(cr)));
      cairo_restore(cr);
    }
  }
  g_object_unref(layout);
  cairo_destroy(cr);
  cairo_surface_destroy(image);
}

BOOST_AUTO_TEST_CASE(FramesTextPinsTheToyFacesAndTheFallbackFonts) {
  Scene scene;
  scene.width = 200, scene.height = 100;
  scene.items.push_back(TextShape{10, 40, "0.25", 17.5, {0, 0, 0}, TextAnchor::Start, false});
  scene.items.push_back(TextShape{10, 80, "Σ 卷积", 19.5, {0, 0, 0}, TextAnchor::Start, true});
  cairo_surface_t* pdf = cairo_pdf_surface_create_for_stream(Discard, nullptr, 200, 100);
  cairo_t* cr = cairo_create(pdf);
  PaintScene(cr, scene);
  // The toy face at the first text's size, as the painter set it.
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, 17.5);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_subpixel_order(options, CAIRO_SUBPIXEL_ORDER_DEFAULT);
  cairo_set_font_options(cr, options);
  cairo_font_options_destroy(options);
  ExpectPinnedWithSubsetFont(cairo_get_scaled_font(cr));
  cairo_destroy(cr);
  cairo_surface_finish(pdf);
  BOOST_TEST(cairo_surface_status(pdf) == CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy(pdf);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace cl
