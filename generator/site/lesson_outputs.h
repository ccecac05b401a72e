// Lesson outputs: every file of one lesson (frames, animations, handout, page,
// lesson.json) and of the course (index, shared assets, course handout),
// produced from a validated Lesson into a FileSink. The build decides where the
// sink writes and when; these functions decide what is written.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/file_sink.h"
#include "lesson/course.h"
#include "model/model.h"

namespace cl {

struct RenderOptions {
  double scale = 2.0;               // PNG pixels per scene unit
  std::set<std::string> only;       // empty: all of svg,png,gif,anim-svg,pdf,html,embed,json,slides (pdf-frames: on request)
  std::string paper = "a4";         // a4 | letter
  std::string handout;              // brief | full for every lesson; empty: each lesson's `handout` key, else brief
  std::optional<FrameLayout> layout;  // --layout: overrides the lessons' `layout` (default wide)
  std::string templates_dir;        // folder holding the page templates
  std::string base_url;             // --base-url: embed.html's paths start here ("" relative; else ends in '/')
  long long source_date_epoch = 0;  // dates stamped into PDFs (0: a fixed date)
  Course course;                    // the course file's settings; defaults without one
  // The kinds RenderLessonOutputs writes: empty, every kind `only` allows;
  // else only these, while pages and lesson.json still link what `only` says
  // the folder holds (an incremental build keeps the other kinds' files).
  std::set<std::string> write;

  bool Wants(const std::string& kind) const { return only.empty() || only.count(kind) > 0; }
  bool Writes(const std::string& kind) const { return Wants(kind) && (write.empty() || write.count(kind) > 0); }
};

struct BuiltLesson;

// Writes out/<id>/... (paths relative to the lesson's folder). Returns false
// with diagnostics on failure; warnings are appended either way.
bool RenderLessonOutputs(const Lesson& lesson, const RenderOptions& options, FileSink& sink,
                         std::vector<Diagnostic>* diagnostics);

// The same from a lesson already built (site/built_lesson.h), so a build that
// also needs it for the course computes and lays it out once.
bool RenderLessonOutputs(const BuiltLesson& built, const RenderOptions& options, FileSink& sink,
                         std::vector<Diagnostic>* diagnostics);

// The output kind (one of --only's kinds) of a file RenderLessonOutputs
// writes, from its path relative to out/<id>/: frames are svg, png or
// pdf-frames (with figures.tex), slides.pdf slides, other .svg and .gif files
// animations, other .pdf files handouts (pdf), lesson.json json, embed.html
// embed; anything else belongs to the page (html).
std::string LessonOutputKind(std::string_view path);

// Writes the course-level files (relative to out/): index.html, assets/...
// (the assets also for embed.html when only "embed" of the two is wanted),
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

// The same from lessons already built (each BuiltLesson's lesson outlives
// it), so a build computes and lays out each lesson once for every output.
bool RenderCourseIndex(const std::vector<const BuiltLesson*>& lessons, const RenderOptions& options, FileSink& sink,
                       std::vector<Diagnostic>* diagnostics);
bool RenderCourseHandout(const std::vector<const BuiltLesson*>& lessons, const RenderOptions& options, FileSink& sink,
                         std::vector<Diagnostic>* diagnostics);

}  // namespace cl
