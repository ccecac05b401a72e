// RenderLessonOutputs: one lesson's files, each kind of output one call on
// the same BuiltLesson so no two files can disagree.
#include "site/lesson_outputs.h"

#include <atomic>
#include <vector>

#include "base/parallel_for.h"

#include "site/animation_outputs.h"
#include "site/built_lesson.h"
#include "site/cost_budget.h"
#include "site/figure_files.h"
#include "site/frame_files.h"
#include "site/handout_outputs.h"
#include "site/lesson_json.h"
#include "site/output_paths.h"
#include "site/page.h"
#include "site/slide_deck.h"

namespace cl {

bool RenderLessonOutputs(const Lesson& lesson, const RenderOptions& options, FileSink& sink,
                         std::vector<Diagnostic>* diagnostics) {
  const BuiltLesson built = BuildLesson(lesson, options.layout, MessagesFor(options.course.language));
  diagnostics->insert(diagnostics->end(), built.warnings.begin(), built.warnings.end());
  return RenderLessonOutputs(built, options, sink, diagnostics);
}

bool RenderLessonOutputs(const BuiltLesson& built, const RenderOptions& options, FileSink& sink,
                         std::vector<Diagnostic>* diagnostics) {
  // Writers that only write see just the kinds to write; the page and
  // lesson.json, which also link the other files, see what the folder holds.
  RenderOptions writing = options;
  if (!options.write.empty()) {
    writing.only.clear();
    for (const std::string& kind : options.write)
      if (options.Wants(kind)) writing.only.insert(kind);
    if (writing.only.empty()) return true;  // nothing of this lesson to write
  }
  // Budgets before anything is drawn: a lesson over one renders nothing.
  const std::vector<Diagnostic> over_budget = CheckLessonCost(built, writing);
  if (!over_budget.empty()) {
    diagnostics->insert(diagnostics->end(), over_budget.begin(), over_budget.end());
    return false;
  }
  // The frames, and the rest side by side when a thread is free (the frames
  // take one or both threads as they come free, chunk by chunk). The first
  // output that fails ends the lesson, so a full disk costs one error per
  // lesson rather than one per file: the other side starts nothing more
  // once one fails, and only the first failure is told.
  // The page and lesson.json link the other files: they see what the folder
  // holds (`options`); the others only what they write.
  struct Other {
    bool wanted;
    bool (*write)(const BuiltLesson&, const RenderOptions&, FileSink&, std::vector<Diagnostic>*);
    const RenderOptions* with;
  };
  const Other others[] = {
      {options.Writes("json"), WriteLessonJson, &options},    // lesson.json
      {true, WriteAnimations, &writing},                      // <slug>.gif|svg
      {true, WriteHandout, &writing},                         // handout.pdf
      {true, WriteWorksheets, &writing},                      // worksheet.pdf, answers.pdf
      {true, WriteSlideDeck, &writing},                       // slides.pdf
      {true, WriteFigureFiles, &writing},                     // frames/<slug>/NNN-<stage>.pdf, figures.tex
      {options.Writes("html"), WriteLessonPage, &options},    // index.html
      {options.Writes("embed"), WriteLessonEmbed, &options},  // embed.html
  };
  std::vector<Diagnostic> problems[2];
  std::atomic<bool> failed{false};
  bool frames_failed = false;
  const auto write_part = [&](std::size_t part) {
    if (part == 0) {
      frames_failed = !WriteFrameFiles(built, writing, sink, &problems[0]);  // frames/<slug>/NNN-<stage>.svg|png
      if (frames_failed) failed = true;
      return;
    }
    for (const Other& other : others) {
      if (failed) return;
      if (other.wanted && !other.write(built, *other.with, sink, &problems[1])) failed = true;
    }
  };
  // A photograph's frames at --scale 8 and its handouts at once peaked at
  // 157 MB (eight filters): such frames go first, then the rest, 133 MB
  // for 30 % more time (docs/performance.md).
  if (HugeNoisyFrames(built, writing.scale)) {
    for (std::size_t part = 0; part < 2 && !failed; ++part) write_part(part);
  } else {
    ParallelFor(2, write_part, &failed);
  }
  // One failure told: the frames' when both sides failed at once.
  diagnostics->insert(diagnostics->end(), problems[0].begin(), problems[0].end());
  if (!frames_failed) diagnostics->insert(diagnostics->end(), problems[1].begin(), problems[1].end());
  return !failed;
}

std::string LessonOutputKind(std::string_view path) {
  auto ends = [path](std::string_view suffix) { return path.ends_with(suffix); };
  const bool top = path.find('/') == std::string_view::npos;
  // A variant's frame listing (frames/<slug>/index.html) is written with the
  // page: a build that keeps the pages keeps it.
  if (path.starts_with("frames/"))
    return ends(".png") ? "png" : ends(".pdf") ? "pdf-frames" : ends(".html") ? "html" : "svg";
  if (path == kFiguresTexPath) return "pdf-frames";
  if (path == kSlidesPath) return "slides";
  if (path == kLessonJsonPath) return "json";
  if (path == kEmbedPath) return "embed";
  if (ends(".pdf")) return "pdf";
  if (top && ends(".gif")) return "gif";
  if (top && ends(".svg")) return "anim-svg";
  return "html";
}

}  // namespace cl
