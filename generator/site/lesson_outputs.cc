// RenderLessonOutputs: one lesson's files, each kind of output one call on
// the same BuiltLesson so no two files can disagree.
#include "site/lesson_outputs.h"

#include "site/animation_outputs.h"
#include "site/built_lesson.h"
#include "site/frame_files.h"
#include "site/handout_outputs.h"
#include "site/lesson_json.h"
#include "site/page.h"

namespace cl {

bool RenderLessonOutputs(const Lesson& lesson, const RenderOptions& options, FileSink& sink,
                         std::vector<Diagnostic>* diagnostics) {
  const BuiltLesson built = BuildLesson(lesson);
  diagnostics->insert(diagnostics->end(), built.warnings.begin(), built.warnings.end());
  bool ok = true;
  ok &= WriteFrameFiles(built, options, sink, diagnostics);  // frames/<slug>/NNN-<stage>.svg|png
  ok &= WriteLessonJson(built, options, sink, diagnostics);  // lesson.json
  ok &= WriteAnimations(built, options, sink, diagnostics);  // <slug>.gif|svg
  ok &= WriteHandout(built, options, sink, diagnostics);     // handout.pdf
  ok &= WriteWorksheets(built, options, sink, diagnostics);  // worksheet.pdf, answers.pdf
  ok &= WriteLessonPage(built, options, sink, diagnostics);  // index.html
  return ok;
}

}  // namespace cl
