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
#include "site/page.h"
#include "site/slide_deck.h"

namespace cl {

bool RenderLessonOutputs(const Lesson& lesson, const RenderOptions& options, FileSink& sink,
                         std::vector<Diagnostic>* diagnostics) {
  const BuiltLesson built = BuildLesson(lesson, options.layout);
  diagnostics->insert(diagnostics->end(), built.warnings.begin(), built.warnings.end());
  // Budgets before anything is drawn: a lesson over one renders nothing.
  const std::vector<Diagnostic> over_budget = CheckLessonCost(built, options);
  if (!over_budget.empty()) {
    diagnostics->insert(diagnostics->end(), over_budget.begin(), over_budget.end());
    return false;
  }
  // The first output that fails ends the lesson, so a full disk costs one
  // error per lesson rather than one per file; the lesson fails either way.
  return WriteFrameFiles(built, options, sink, diagnostics) &&  // frames/<slug>/NNN-<stage>.svg|png
         WriteLessonJson(built, options, sink, diagnostics) &&  // lesson.json
         WriteAnimations(built, options, sink, diagnostics) &&  // <slug>.gif|svg
         WriteHandout(built, options, sink, diagnostics) &&     // handout.pdf
         WriteWorksheets(built, options, sink, diagnostics) &&  // worksheet.pdf, answers.pdf
         WriteSlideDeck(built, options, sink, diagnostics) &&   // slides.pdf
         WriteFigureFiles(built, options, sink, diagnostics) && // frames/<slug>/NNN-<stage>.pdf, figures.tex
         WriteLessonPage(built, options, sink, diagnostics);    // index.html
}

}  // namespace cl
