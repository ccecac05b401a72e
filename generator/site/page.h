// Lesson page: out/<id>/index.html, the walkthrough a class opens. It holds
// the title and summary, a step player over every variant's beats (which
// without JavaScript is an ordered list of every frame with its caption), the
// lesson's sections in the author's order with the generated ones where the
// lesson asks for them, and links to the downloadable files the build writes.
// All links are relative, so the folder works from file:// or any sub-path.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/file_sink.h"
#include "site/built_lesson.h"
#include "site/lesson_outputs.h"
#include "site/templates.h"

namespace cl {

// The template data of the page (exposed for tests).
TemplateData LessonPageData(const BuiltLesson& built, const RenderOptions& options);

// Renders the page with `templates`. False with *error on a template problem.
bool RenderLessonPage(const BuiltLesson& built, const RenderOptions& options, const TemplateSet& templates,
                      std::string* html, std::string* error);

// Loads the templates and puts index.html into `sink` (relative to out/<id>/)
// when options.Wants("html"); an error becomes a diagnostic on the lesson.
bool WriteLessonPage(const BuiltLesson& built, const RenderOptions& options, FileSink& sink,
                     std::vector<Diagnostic>* diagnostics);

}  // namespace cl
