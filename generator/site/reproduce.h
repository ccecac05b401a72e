// Reproduce it: short Python programs, written from a variant's settings and
// numbers, that compute and print the same maps as lesson.json, one with
// PyTorch (torch.nn.functional) and one with NumPy alone (the loops spelled
// out). The page shows them with a copy button; tests/snippets runs every
// shipped lesson's programs with Debian's python3-torch and python3-numpy and
// compares what they print with lesson.json.
//
// What they print: for each map a line "<name>:" (kFeatureMapHeading, ...)
// then one line per row, values with up to 10 significant digits.
#pragma once

#include <string>

#include "site/built_lesson.h"

namespace cl {

// Images larger than this per side are not written out in a program.
inline constexpr int kMaxSnippetSide = 32;

inline constexpr const char* kFeatureMapHeading = "Feature map:";
inline constexpr const char* kActivatedHeading = "After the activation:";
inline constexpr const char* kPooledHeading = "After pooling:";

bool HasSnippets(const BuiltVariant& bv);

std::string TorchSnippet(const BuiltVariant& bv);
std::string NumpySnippet(const BuiltVariant& bv);

}  // namespace cl
