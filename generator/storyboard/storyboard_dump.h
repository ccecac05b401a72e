// Storyboard dump: one variant's beats as stable, line-oriented text, the
// form `convlesson dump --stage storyboard` prints. First any warning from
// planning and the settings in words; per beat (numbered from 1, as steps and
// frame files are) its stage, the output cells it writes, what the frame
// shows as filled, its hold in the animation, its frame title, its step, its
// caption and its description; last the animation plan. Strings quoted by base/quoted_text.h, captions kept
// in UTF-8 (their U+2212 minus signs included).
#pragma once

#include <string>

#include "storyboard/storyboard.h"

namespace cl {

std::string DumpStoryboard(const Storyboard& story);

}  // namespace cl
