// Signed-zero hygiene: every value compute/ hands out is free of -0, so no
// later stage (captions, JSON, pictures) can print "-0".
#pragma once

namespace cl {

// -0 becomes +0; every other value (NaN included) is returned unchanged.
inline double NormalizeZero(double x) { return x == 0.0 ? 0.0 : x; }

}  // namespace cl
