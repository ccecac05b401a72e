// Cairo painter: the one translation of Scene primitives into Cairo calls,
// shared by the PNG frames, the GIF frames and the PDF figures. It never
// decides a position; it draws what the scene says at the context's current
// transform (1 scene unit = 1 user-space unit), with fixed font and
// antialiasing settings so that output is the same on every machine that has
// the DejaVu fonts (installed by the setup script, fonts-dejavu-core).
#pragma once

#include <cairo.h>

#include <cstddef>
#include <functional>

#include "scene/scene.h"

namespace cl {

// Paints `scene` (background included) into `cr` at its current transform.
// Leaves the context's state as it found it.
void PaintScene(cairo_t* cr, const Scene& scene);

// A surface holding scene.items[begin, end) (a group and its end) as
// PaintItems drew them, in scene units from the scene's origin; or null.
using RecordedGroup = std::function<cairo_surface_t*(const Scene& scene, std::size_t begin, std::size_t end)>;

// PaintScene, but each outermost group for which `recorded` gives a surface
// is painted from that surface instead of item by item (a PDF holds a
// surface painted on many pages once).
void PaintScene(cairo_t* cr, const Scene& scene, const RecordedGroup& recorded);

// scene.items[begin, end), without the background, with the settings
// PaintScene draws with. For a vector target (a recording surface).
void PaintItems(cairo_t* cr, const Scene& scene, std::size_t begin, std::size_t end);

// The box, in `cr`'s user space, that PaintScene may touch when it draws
// `text`: its glyphs' ink and its advance, from the anchor it is drawn at.
// False when the text needs a fallback font (its extent is Pango's choice).
// `cr` needs no font settings: the painter's own are used.
bool TextInkBox(cairo_t* cr, const TextShape& text, double* left, double* top, double* right, double* bottom);

}  // namespace cl
