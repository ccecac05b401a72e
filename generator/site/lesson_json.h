// lesson.json: the contract's results object for a built lesson, extended
// with what the build wrote: per variant its slug, its beats (stage, caption,
// frame paths) and its animations, and at top level the page and handout.
// A path is null when that kind of output was not asked for (--only).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/diagnostic.h"
#include "base/file_sink.h"
#include "site/built_lesson.h"
#include "site/lesson_outputs.h"

namespace cl {

// lesson.json's tree; it refers to `built`'s grids (GridRef), so write it while
// `built` lives.
nlohmann::ordered_json LessonJson(const BuiltLesson& built, const RenderOptions& options);

// Stores LessonJson at lesson.json when options.Wants("json").
bool WriteLessonJson(const BuiltLesson& built, const RenderOptions& options, FileSink& sink,
                     std::vector<Diagnostic>* diagnostics);

}  // namespace cl
