// Palette: every colour a frame uses, and the one diverging scale that turns
// a value into a cell colour. The scale runs from blue (negative) through
// white (zero) to orange (positive) — ColorBrewer's RdBu blues and PuOr
// oranges, a pairing that stays distinguishable with the common forms of
// colour blindness. Colour never carries meaning alone: cells also show
// their number (or a sign) and the window is a thick outline.
#pragma once

#include <string>

#include "scene/scene.h"

namespace cl {

// `value` on the scale that saturates at |value| == scale (> 0).
Color DivergingColor(double value, double scale);

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
inline constexpr Color kPaddingCell{218, 218, 218};
inline constexpr Color kPaddingInk{96, 96, 96};
inline constexpr Color kAmber{255, 176, 0};        // the sliding window
inline constexpr Color kWindowEdge{26, 26, 26};    // dark rim that keeps amber visible on orange
}  // namespace palette

}  // namespace cl
