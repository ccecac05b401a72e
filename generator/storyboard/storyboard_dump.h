// Storyboard dump: one variant's beats as stable, line-oriented text, the
// form `convlesson dump --stage storyboard` prints. Per beat (numbered from
// 1, as frame files are) its stage, the output cells it writes, what the
// frame shows as filled, its caption and its description, and first any
// warning from planning. Strings quoted by base/quoted_text.h, captions kept
// in UTF-8 (their U+2212 minus signs included).
#pragma once

#include <string>

#include "storyboard/storyboard.h"

namespace cl {

std::string DumpStoryboard(const Storyboard& story);

}  // namespace cl
