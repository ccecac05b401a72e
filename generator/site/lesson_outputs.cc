// RenderLessonOutputs: one lesson's files, each kind of output one call on
// the same BuiltLesson so no two files can disagree.
#include "site/lesson_outputs.h"

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
  // The first output that fails ends the lesson, so a full disk costs one
  // error per lesson rather than one per file; the lesson fails either way.
  return WriteFrameFiles(built, writing, sink, diagnostics) &&  // frames/<slug>/NNN-<stage>.svg|png
         (!options.Writes("json") || WriteLessonJson(built, options, sink, diagnostics)) &&  // lesson.json
         WriteAnimations(built, writing, sink, diagnostics) &&   // <slug>.gif|svg
         WriteHandout(built, writing, sink, diagnostics) &&      // handout.pdf
         WriteWorksheets(built, writing, sink, diagnostics) &&   // worksheet.pdf, answers.pdf
         WriteSlideDeck(built, writing, sink, diagnostics) &&    // slides.pdf
         WriteFigureFiles(built, writing, sink, diagnostics) &&  // frames/<slug>/NNN-<stage>.pdf, figures.tex
         (!options.Writes("html") || WriteLessonPage(built, options, sink, diagnostics)) &&  // index.html
         (!options.Writes("embed") || WriteLessonEmbed(built, options, sink, diagnostics));  // embed.html
}

std::string LessonOutputKind(std::string_view path) {
  auto ends = [path](std::string_view suffix) { return path.ends_with(suffix); };
  const bool top = path.find('/') == std::string_view::npos;
  if (path.starts_with("frames/")) return ends(".png") ? "png" : ends(".pdf") ? "pdf-frames" : "svg";
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
