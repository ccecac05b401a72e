// Palette: every colour a frame uses, and the one diverging scale that turns
// a value into a cell colour. The scale runs from blue (negative) through
// white (zero) to orange (positive) — ColorBrewer's RdBu blues and PuOr
// oranges, a pairing that stays distinguishable with the common forms of
// colour blindness. The image is drawn apart from them, in grey, as the
// picture it is. Colour never carries meaning alone: cells also show their
// number (or, in grids too large for numbers, a sign) and the window is a
// thick outline.
#pragma once

#include <string>

#include "scene/scene.h"

namespace cl {

// `value` on the scale that saturates at |value| == scale (> 0).
Color DivergingColor(double value, double scale);

// The same scale for frames on a dark page (drawn for it, not inverted):
// zero is the dark background and the colour brightens with |value|, to a
// light blue (negative) or a light orange (positive) at |value| == scale.
Color DarkDivergingColor(double value, double scale);

// The image's grey: black at `black`, white at `white` (> black), linear in
// between and clamped outside.
Color GreyColor(double value, double black, double white);

// WCAG 2 relative luminance of an sRGB colour: 0 (black) to 1 (white).
double RelativeLuminance(Color c);

// Black-ish or white text, whichever reads better on `background`.
Color TextColorOn(Color background);

// "#rrggbb" (lowercase hex), as SVG, CSS and Pango markup write a colour.
std::string HexColor(Color c);

namespace palette {
inline constexpr Color kBackground{255, 255, 255};
inline constexpr Color kInk{26, 26, 26};           // text, borders
inline constexpr Color kMutedInk{90, 90, 90};      // indices, secondary text
inline constexpr Color kGridLine{190, 190, 190};
inline constexpr Color kGridBorder{102, 102, 102};
inline constexpr Color kEmptyCell{255, 255, 255};  // map cells not yet written
// Padding: a pale cell hatched in its corners, so it reads as "not the image"
// next to grey pixels by its texture as well as its colour.
inline constexpr Color kPaddingCell{244, 241, 232};
inline constexpr Color kPaddingHatch{176, 170, 156};
inline constexpr Color kPaddingInk{96, 96, 96};
inline constexpr Color kAmber{255, 176, 0};        // the sliding window
inline constexpr Color kWindowEdge{26, 26, 26};    // dark rim that keeps amber visible on orange
// A card of a stack of maps whose map is complete (the SVG's stack group
// says which in words, so the tint is never the only sign).
inline constexpr Color kStackDone{214, 214, 214};
}  // namespace palette

// The frames' colours on a dark page (scene/dark_scene.h): the same roles,
// chosen again for a dark background rather than inverted.
namespace dark_palette {
inline constexpr Color kBackground{30, 33, 38};    // DarkDivergingColor's zero
inline constexpr Color kInk{230, 232, 235};
inline constexpr Color kMutedInk{179, 185, 194};
inline constexpr Color kGridLine{74, 80, 89};
inline constexpr Color kGridBorder{138, 145, 155};
inline constexpr Color kPaddingCell{48, 46, 40};
inline constexpr Color kPaddingHatch{112, 106, 94};
inline constexpr Color kPaddingInk{190, 186, 176};
}  // namespace dark_palette

}  // namespace cl
