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

// The embeddable player, out/<id>/embed.html: an HTML fragment (no <html>,
// <head> or <body>) holding the lesson's step player, variant switch and
// frame list, with the <link> and <script> it needs (docs/embedding.md).
// Its paths start at options.base_url, the URL of the output folder as
// published, or, without one, are relative to the fragment's own folder.
struct EmbedPaths {
  std::string assets;  // before assets/player.js and assets/embed.css' names
  std::string files;   // before a path relative to out/<id>/ (frames)
};
EmbedPaths EmbedPathsFor(const BuiltLesson& built, const RenderOptions& options);

// The template data of embed.html (exposed for tests).
TemplateData LessonEmbedData(const BuiltLesson& built, const RenderOptions& options);

// Puts embed.html into `sink` when options.Wants("embed").
bool WriteLessonEmbed(const BuiltLesson& built, const RenderOptions& options, FileSink& sink,
                      std::vector<Diagnostic>* diagnostics);

}  // namespace cl
