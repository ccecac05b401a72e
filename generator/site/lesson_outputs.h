// Lesson outputs: every file of one lesson (frames, animations, handout, page,
// lesson.json) and of the course (index, shared assets, course handout),
// produced from a validated Lesson into a FileSink. The build decides where the
// sink writes and when; these functions decide what is written.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/file_sink.h"
#include "lesson/course.h"
#include "model/model.h"

namespace cl {

struct RenderOptions {
  double scale = 2.0;               // PNG pixels per scene unit
  std::set<std::string> only;       // empty: all of svg,png,gif,anim-svg,pdf,html,json,slides (pdf-frames: on request)
  std::string paper = "a4";         // a4 | letter
  std::string handout;              // brief | full for every lesson; empty: each lesson's `handout` key, else brief
  std::optional<FrameLayout> layout;  // --layout: overrides the lessons' `layout` (default wide)
  std::string templates_dir;        // folder holding the page templates
  long long source_date_epoch = 0;  // dates stamped into PDFs (0: a fixed date)
  Course course;                    // the course file's settings; defaults without one

  bool Wants(const std::string& kind) const { return only.empty() || only.count(kind) > 0; }
};

// Writes out/<id>/... (paths relative to the lesson's folder). Returns false
// with diagnostics on failure; warnings are appended either way.
bool RenderLessonOutputs(const Lesson& lesson, const RenderOptions& options, FileSink& sink,
                         std::vector<Diagnostic>* diagnostics);

// Writes the course-level files (relative to out/): index.html, assets/...,
// course.pdf, from every lesson that built. The index and its assets come
// first and are written even when course.pdf fails; any failure is a
// diagnostic and makes the result false.
bool RenderCourseOutputs(const std::vector<Lesson>& lessons, const RenderOptions& options, FileSink& sink,
                         std::vector<Diagnostic>* diagnostics);

// The two parts of RenderCourseOutputs, for a build that publishes a complete
// index even when course.pdf fails: index.html and assets/ (when "html" is
// wanted), and course.pdf (when "pdf" is wanted and there is a lesson; the
// index links it exactly then). Each returns false with diagnostics on failure.
bool RenderCourseIndex(const std::vector<Lesson>& lessons, const RenderOptions& options, FileSink& sink,
                       std::vector<Diagnostic>* diagnostics);
bool RenderCourseHandout(const std::vector<Lesson>& lessons, const RenderOptions& options, FileSink& sink,
                         std::vector<Diagnostic>* diagnostics);

}  // namespace cl
