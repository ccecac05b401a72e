// Fontconfig's configuration and font list, loaded once before text is
// drawn or measured.
#pragma once

namespace cl {

// Loads fontconfig's configuration (about 5 ms: its XML files and font
// cache); in a binary that loads the graphics libraries at their first call,
// often that call, and then 10 ms more (graphics_libraries/graphics_libraries.h).
// Left to the first use, a build that rendered on two threads loaded it
// twice at once: Pango's initialising thread and the first text Cairo drew
// each found it missing. Call before rendering starts, beside work that
// draws no text; later calls return at once.
void LoadFontConfiguration();

}  // namespace cl
