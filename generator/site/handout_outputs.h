// Handout outputs: the lesson's print-ready handout.pdf (out/<id>/) and the
// course handout course.pdf (out/), every lesson in the course index's order
// behind a contents page. Paper and dates come from RenderOptions, so two
// builds of the same lessons give the same bytes.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/file_sink.h"
#include "model/model.h"
#include "document/document.h"
#include "document/page_geometry.h"
#include "site/built_lesson.h"
#include "site/lesson_outputs.h"

namespace cl {

inline constexpr const char* kCoursePdfPath = "course.pdf";

// The handout a lesson gets: --handout when given, else the lesson's
// `handout` key, else the course file's `handout`, else brief.
HandoutKind ChosenHandout(const Lesson& lesson, const RenderOptions& options);

// The document of that handout; a brief one draws its figures for `page`.
doc::Document LessonHandoutDocument(const BuiltLesson& built, HandoutKind kind, const doc::PageGeometry& page);

// Writes handout.pdf when options.Wants("pdf").
bool WriteHandout(const BuiltLesson& built, const RenderOptions& options, FileSink& sink,
                  std::vector<Diagnostic>* diagnostics);

// Writes worksheet.pdf and answers.pdf when options.Wants("pdf").
bool WriteWorksheets(const BuiltLesson& built, const RenderOptions& options, FileSink& sink,
                     std::vector<Diagnostic>* diagnostics);

// True when WriteCourseHandout writes course.pdf: options.Wants("pdf") and
// there is a lesson. The course index links the handout exactly then.
bool WritesCourseHandout(const std::vector<Lesson>& lessons, const RenderOptions& options);

// Writes course.pdf when WritesCourseHandout.
bool WriteCourseHandout(const std::vector<Lesson>& lessons, const RenderOptions& options, FileSink& sink,
                        std::vector<Diagnostic>* diagnostics);

}  // namespace cl
