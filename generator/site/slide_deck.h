// Slide deck: slides.pdf beside the page, a 16:9 deck to project: a title
// slide (the lesson's title, summary, and each variant with its settings in
// words), then one slide per beat of every variant, each the beat's frame in
// the slides layout with its heading and caption on it. Deterministic like
// every other PDF (dates from RenderOptions).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/file_sink.h"
#include "scene/title_slide.h"
#include "site/built_lesson.h"
#include "site/lesson_outputs.h"

namespace cl {

inline constexpr std::string_view kSlidesPath = "slides.pdf";

// The words of the title slide: per variant "<label>: 6×6 image, 3×3 filter,
// no padding, stride 1, ReLU, 2×2 max pooling with stride 2"; the footer names
// the course and its author when the course file gives them.
TitleSlideText LessonTitleSlide(const BuiltLesson& built, const Course& course);

// Slides in the deck: the title slide and every beat of every variant.
int SlideCount(const BuiltLesson& built);

// Writes slides.pdf when options.Wants("slides").
bool WriteSlideDeck(const BuiltLesson& built, const RenderOptions& options, FileSink& sink,
                    std::vector<Diagnostic>* diagnostics);

}  // namespace cl
