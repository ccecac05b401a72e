// This thread's libdeflate compressor for a level: made on first use and
// kept, as one takes 0.65 MB to set up and a lesson compresses thousands of
// streams (Cairo's PDF streams, SVG frames' pictures), all at one level.
#pragma once

#include <libdeflate.h>

namespace cl {

// Null when out of memory. Valid on this thread until it asks for another
// level.
libdeflate_compressor* ThreadCompressor(int level) noexcept;

}  // namespace cl
