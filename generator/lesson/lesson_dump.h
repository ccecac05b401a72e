// Lesson dump: a validated Lesson as stable, line-oriented text, the form
// `convlesson dump --stage lesson` prints (in the spirit of pandoc's
// `-t native`). It shows what the loader decided rather than what the YAML
// said: every default filled in, `same` padding as its pixels, patterns and
// image files as the grids they became, sections in page order. Two spaces
// indent each level; numbers are written by base/number_format.h (ASCII
// minus), strings quoted by base/quoted_text.h.
#pragma once

#include <string>
#include <vector>

#include "model/model.h"

namespace cl {

// The lesson's keys, every variant (1-based, the base first) and its sections.
std::string DumpLesson(const Lesson& lesson);

// The same with only `variants` (pointers into lesson.variants, in the order
// given), each still numbered by its place in the lesson.
std::string DumpLesson(const Lesson& lesson, const std::vector<const Variant*>& variants);

// At most `max_chars` code points of the first line of `body`, ending in
// "..." when anything (of that line or later lines) was left out.
std::string BodyExcerpt(const std::string& body, int max_chars);

}  // namespace cl
