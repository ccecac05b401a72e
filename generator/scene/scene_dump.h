// Scene dump: one frame's primitives as stable, line-oriented text, the form
// `convlesson dump --stage scene` prints. One line per primitive in drawing
// order, as `kind key=value ...`; a group's items are indented two spaces
// under its line (group ends print nothing, unless unmatched). Coordinates
// and sizes are rounded to a thousandth of a unit by base/number_format.h,
// below anything a renderer shows; colours are #rrggbb. A cells block lists
// its fills row by row.
#pragma once

#include <string>

#include "scene/scene.h"

namespace cl {

std::string DumpScene(const Scene& scene);

}  // namespace cl
