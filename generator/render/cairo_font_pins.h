// Scaled fonts kept for the whole run. Cairo 1.16 (Debian 12's) shares a
// scaled font between the threads that draw with the same face, size and
// options, and races when one thread drops the last reference to it while
// another is making or using it: an assertion in cairo_scaled_font_destroy
// aborted a build under load (docs/performance.md, session 13). A font with
// a reference that is never released is never destroyed, so every font the
// renderers draw with is pinned here: the toy faces' (cairo_painter.cc), the
// ones Pango picks for handouts and fallback text and the ones Cairo makes
// from those for the surface it draws on, and, for each of their
// faces, the unscaled font Cairo's PDF surface makes for its font subsets
// (identity matrices, no hinting), which each surface drops when it ends.
#pragma once

#include <cairo.h>
#include <pango/pango.h>

namespace cl {

// Keeps a reference to `font` and to its face's PDF subset font for the rest
// of the run (once each; fonts in error are left alone). Thread-safe.
void PinScaledFont(cairo_scaled_font_t* font);

// Pins the font `cr` would draw text with now (made now, under the pins' lock,
// if no thread has made it yet).
void PinContextFont(cairo_t* cr);

// Sets `font` (not in error) as `cr`'s and pins it and the font `cr` will
// draw with: Cairo makes its own from a font's face, size and options merged
// with its surface's, under the pins' lock here.
void SetPinnedScaledFont(cairo_t* cr, cairo_scaled_font_t* font);

// Pins the fonts of every run of every line of `layout` (Pango's, through
// pangocairo) and the fonts `cr` draws them with (SetPinnedScaledFont).
void PinLayoutFonts(cairo_t* cr, PangoLayout* layout);

// Whether `font` is pinned (for tests).
bool IsPinned(cairo_scaled_font_t* font);

// The unscaled font Cairo's PDF surface makes from `font`'s face for its
// font subsets, with a reference the caller releases (for tests).
cairo_scaled_font_t* PdfSubsetFontOf(cairo_scaled_font_t* font);

}  // namespace cl
