#include "render/cairo_font_pins.h"

#include <pango/pangocairo.h>

#include <algorithm>
#include <mutex>
#include <set>
#include <vector>

namespace cl {
namespace {

std::mutex& PinLock() {
  static std::mutex lock;
  return lock;
}

// Never freed, as the fonts it holds references to.
std::set<cairo_scaled_font_t*>& Pinned() {
  static std::set<cairo_scaled_font_t*>* const pinned = new std::set<cairo_scaled_font_t*>;
  return *pinned;
}

// Adds a reference to `font` unless it holds one already. Under PinLock.
bool PinLocked(cairo_scaled_font_t* font) {
  if (font == nullptr || cairo_scaled_font_status(font) != CAIRO_STATUS_SUCCESS) return false;
  if (Pinned().insert(font).second) cairo_scaled_font_reference(font);
  return true;
}

// Pins `font` and its face's PDF subset font. Under PinLock.
bool PinWithSubsetFontLocked(cairo_scaled_font_t* font) {
  if (Pinned().count(font) > 0) return true;
  if (!PinLocked(font)) return false;
  cairo_scaled_font_t* unscaled = PdfSubsetFontOf(font);
  PinLocked(unscaled);
  cairo_scaled_font_destroy(unscaled);  // the pin's reference stays
  return true;
}

// The fonts this thread has pinned (pinned fonts are never freed, so their
// addresses are never reused): most calls end at this list, without the lock.
std::vector<cairo_scaled_font_t*>& PinnedHere() {
  thread_local std::vector<cairo_scaled_font_t*> seen_here;
  return seen_here;
}

bool WasPinnedHere(cairo_scaled_font_t* font) {
  const std::vector<cairo_scaled_font_t*>& here = PinnedHere();
  return std::find(here.begin(), here.end(), font) != here.end();
}

// Pins `font` unless this thread did already. Under PinLock.
void PinOnceLocked(cairo_scaled_font_t* font) {
  if (!WasPinnedHere(font) && PinWithSubsetFontLocked(font)) PinnedHere().push_back(font);
}

// Pins the fonts of every run of `line` (Pango's, through pangocairo) and
// the ones `cr` draws them with.
void PinLineFonts(cairo_t* cr, PangoLayoutLine* line) {
  if (line == nullptr) return;
  for (GSList* run = line->runs; run != nullptr; run = run->next) {
    auto* glyphs = static_cast<PangoGlyphItem*>(run->data);
    if (glyphs == nullptr || glyphs->item == nullptr || glyphs->item->analysis.font == nullptr) continue;
    cairo_scaled_font_t* font = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(glyphs->item->analysis.font));
    if (font == nullptr || cairo_scaled_font_status(font) != CAIRO_STATUS_SUCCESS) continue;
    cairo_save(cr);
    SetPinnedScaledFont(cr, font);
    cairo_restore(cr);
  }
}

}  // namespace

cairo_scaled_font_t* PdfSubsetFontOf(cairo_scaled_font_t* font) {
  // As _cairo_scaled_font_subsets_map_glyph makes it (cairo 1.16): the same
  // face, identity matrices, default options without hinting; equal keys
  // give the same font from Cairo's font map.
  cairo_matrix_t identity;
  cairo_matrix_init_identity(&identity);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_scaled_font_t* unscaled = cairo_scaled_font_create(cairo_scaled_font_get_font_face(font), &identity, &identity, options);
  cairo_font_options_destroy(options);
  return unscaled;
}

void PinScaledFont(cairo_scaled_font_t* font) {
  if (font == nullptr || WasPinnedHere(font)) return;
  const std::lock_guard<std::mutex> hold(PinLock());
  PinOnceLocked(font);
}

void PinContextFont(cairo_t* cr) {
  // Made under the lock, so no other thread of this program makes or pins
  // the same font at the same moment.
  const std::lock_guard<std::mutex> hold(PinLock());
  PinOnceLocked(cairo_get_scaled_font(cr));
}

void SetPinnedScaledFont(cairo_t* cr, cairo_scaled_font_t* font) {
  PinScaledFont(font);
  cairo_set_scaled_font(cr, font);
  PinContextFont(cr);
}

void PinLayoutFonts(cairo_t* cr, PangoLayout* layout) {
  for (GSList* line = pango_layout_get_lines_readonly(layout); line != nullptr; line = line->next)
    PinLineFonts(cr, static_cast<PangoLayoutLine*>(line->data));
}

bool IsPinned(cairo_scaled_font_t* font) {
  const std::lock_guard<std::mutex> hold(PinLock());
  return Pinned().count(font) > 0;
}

}  // namespace cl
