// RenderLessonOutputs: one lesson's files, each kind of output one call on
// the same BuiltLesson so no two files can disagree.
#include "site/lesson_outputs.h"

#include <atomic>
#include <iterator>
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
  // The page and lesson.json link the other files: they see what the folder
  // holds (`options`); the others only what they write. Longest first (on
  // the default lesson: the slides 33 ms, the handout 22, the worksheets
  // 11; the rest a few each).
  struct Other {
    bool wanted;
    bool (*write)(const BuiltLesson&, const RenderOptions&, FileSink&, std::vector<Diagnostic>*);
    const RenderOptions* with;
  };
  const Other others[] = {
      {true, WriteSlideDeck, &writing},                       // slides.pdf
      {true, WriteHandout, &writing},                         // handout.pdf
      {true, WriteWorksheets, &writing},                      // worksheet.pdf, answers.pdf
      {true, WriteFigureFiles, &writing},                     // frames/<slug>/NNN-<stage>.pdf, figures.tex
      {true, WriteAnimations, &writing},                      // <slug>.gif|svg
      {options.Writes("html"), WriteLessonPage, &options},    // index.html
      {options.Writes("embed"), WriteLessonEmbed, &options},  // embed.html
      {options.Writes("json"), WriteLessonJson, &options},    // lesson.json
  };
  constexpr std::size_t kOthers = std::size(others);
  // Each output a task, the others before the frames: the frames are split
  // between threads as they come free (ParallelChain), so they fill both
  // threads to the end, while the others cannot be split. Once a loop is
  // open, a thread that comes free joins it before starting anything else
  // (base/parallel_for.h), so the others, written after the frames as one
  // task, were left to the end on one thread while the other idled (the
  // default lesson: 60-80 ms of its 330). The first output that fails ends
  // the lesson, so a full disk costs one error per lesson rather than one
  // per file: nothing more starts once one fails, and only one failure is
  // told.
  std::vector<Diagnostic> problems[kOthers + 1];
  bool part_failed[kOthers + 1] = {};
  std::atomic<bool> failed{false};
  const auto write_part = [&](std::size_t part) {
    if (failed) return;
    const bool ok = part == kOthers ? WriteFrameFiles(built, writing, sink, &problems[part])  // frames/<slug>/NNN-<stage>.svg|png
                    : !others[part].wanted || others[part].write(built, *others[part].with, sink, &problems[part]);
    if (!ok) part_failed[part] = true, failed = true;
  };
  const auto write_others = [&] {
    for (std::size_t part = 0; part < kOthers; ++part) write_part(part);
  };
  if (HugeNoisyFrames(built, writing.scale)) {
    // A photograph's frames at --scale 8 and its handouts at once peaked at
    // 157 MB (eight filters): such frames go first, then the rest one at a
    // time, 133 MB for 30 % more time (docs/performance.md).
    write_part(kOthers);
    write_others();
  } else if (LargeFrames(built, writing.scale)) {
    // Large frames beside the others one at a time: side by side, the
    // others of `real-picture` at --scale 4 took 20 MB more at its peak.
    ParallelFor(2, [&](std::size_t side) { side == 0 ? write_part(kOthers) : write_others(); }, &failed);
  } else {
    ParallelFor(kOthers + 1, write_part, &failed);
  }
  // One failure told: the frames' when they failed, else the first output's
  // (in the order above) that failed; what the others said before it too.
  diagnostics->insert(diagnostics->end(), problems[kOthers].begin(), problems[kOthers].end());
  if (part_failed[kOthers]) return false;
  for (std::size_t part = 0; part < kOthers; ++part) {
    diagnostics->insert(diagnostics->end(), problems[part].begin(), problems[part].end());
    if (part_failed[part]) break;
  }
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
