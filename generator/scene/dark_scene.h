// Dark scene: a frame redrawn for a dark page, item for item, so that the
// SVG writer can carry both and let the reader's prefers-color-scheme choose.
// It is drawn for dark, not inverted: the background and empty cells are the
// dark zero of the diverging scale (DarkDivergingColor), values brighten
// towards light blue and light orange, lines and text turn light, text on a
// cell is chosen for that cell's dark colour, and the image keeps its own
// greys (it is a picture: black stays black, white stays white), as does the
// legend's image scale. The sliding window keeps its amber and dark rim.
#pragma once

#include "scene/scene.h"

namespace cl {

// The same items in the same order, with every colour replaced by its dark
// counterpart. Only colours change.
Scene DarkScene(const Scene& light);

}  // namespace cl
