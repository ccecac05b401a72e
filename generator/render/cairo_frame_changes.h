// Where two frames of one variant can differ: consecutive beats change few of
// their scene's items (the window moves, one cell gets its value, the
// caption), so a frame can be drawn from the one before by redrawing only
// the pixels those items may touch (render/cairo_png.h's FrameDrawer).
#pragma once

#include <optional>
#include <vector>

#include "scene/scene.h"

namespace cl {

// A rectangle of whole pixels: columns [left, right), rows [top, bottom).
struct PixelBox {
  int left = 0, top = 0, right = 0, bottom = 0;
  long long Area() const { return static_cast<long long>(right - left) * (bottom - top); }
};

// The pixel boxes outside which `after` drawn at `scale` (width x height
// pixels) has exactly the pixels of `before` drawn at the same scale: the
// items of one scene not matched, in order, by an equal item of the other,
// each boxed generously (strokes, text ink and anti-aliasing) and merged;
// of a block of cells only its changed cells, of a text that begins as the
// one it replaces only its tail.
// Nothing when the frames must be drawn whole: different sizes or
// backgrounds, an item whose extent is not known here (text drawn through a
// fallback font), or changes over most of the frame.
// With `differ`, also the boxes outside which no pixel can change, unmerged,
// each inside a returned box: an outline's four sides rather than the cells
// it frames, which a box around it paints again as they were (the sliding
// window's box is mostly numbers that stay). The returned boxes are what to
// paint (every item crossing a box is drawn into it again, so a few large
// ones cost less than many thin ones); these are what to read back.
std::optional<std::vector<PixelBox>> ChangedPixelBoxes(const Scene& before, const Scene& after, double scale, int width,
                                                       int height, std::vector<PixelBox>* differ = nullptr);

}  // namespace cl
