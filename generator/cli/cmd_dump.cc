// `convlesson dump --stage lesson|compute|storyboard|scene|document LESSON
// [--variant LABEL] [--beat N]`: loads one lesson, runs the pipeline up to the
// stage asked for and prints that stage's result with the stage's own dumper.
// The storyboard and the scene come from BuildLesson, as in a build, so what
// is printed is what the frames are drawn from; the document is the one
// handout.pdf is painted from.
#include <cstdio>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "cli/commands.h"
#include "cli/variant_selection.h"
#include "compute/compute.h"
#include "compute/result_dump.h"
#include "document/document_dump.h"
#include "lesson/lesson_dump.h"
#include "lesson/loader.h"
#include "scene/scene_dump.h"
#include "document/page_geometry.h"
#include "site/built_lesson.h"
#include "site/handout_outputs.h"
#include "storyboard/storyboard_dump.h"

namespace cl {
namespace {

const BuiltVariant* FindBuilt(const BuiltLesson& built, const Variant* variant) {
  for (const BuiltVariant& bv : built.variants)
    if (bv.variant == variant) return &bv;
  return nullptr;
}

// The scene of the beat `options.beat` (default 1) of the first selected
// variant, or a usage error when that beat does not exist.
int DumpSceneStage(const Lesson& lesson, const Variant* variant, const DumpOptions& options, std::string* text) {
  const BuiltLesson built = BuildLesson(lesson);
  const BuiltVariant* bv = FindBuilt(built, variant);
  if (bv == nullptr) return 2;  // BuildLesson builds every variant; kept for safety
  const int beats = static_cast<int>(bv->story.beats.size());
  const int beat = options.beat.value_or(1);
  if (beat < 1 || beat > beats) {
    std::fprintf(stderr, "convlesson dump: error: variant '%s' has %d beats; --beat must be 1 to %d, got %d\n",
                 variant->label.c_str(), beats, beats, beat);
    return 2;
  }
  *text = DumpScene(LayoutBuiltBeat(built, *bv, beat - 1));
  return 0;
}

}  // namespace

int RunDump(const DumpOptions& options) {
  if (options.beat && options.stage != "scene") {
    std::fprintf(stderr, "convlesson dump: error: --beat applies only to --stage scene\n");
    return 2;
  }
  if (options.variant && options.stage == "document") {
    std::fprintf(stderr, "convlesson dump: error: --variant does not apply to --stage document (a handout holds every variant)\n");
    return 2;
  }
  const LoadResult loaded = LoadLessonFile(options.lesson);
  for (const Diagnostic& d : loaded.diagnostics) std::fputs(FormatDiagnostic(d, loaded.source).c_str(), stderr);
  if (!loaded.lesson || HasErrors(loaded.diagnostics)) return 1;
  const Lesson& lesson = *loaded.lesson;

  const std::vector<const Variant*> selected = SelectVariants(lesson, options.variant, "dump");
  if (selected.empty()) return 2;

  std::string text;
  if (options.stage == "lesson") {
    text = DumpLesson(lesson, selected);
  } else if (options.stage == "compute") {
    for (const Variant* v : selected) text += DumpVariantResult(*v, ComputeVariant(*v));
  } else if (options.stage == "storyboard") {
    const BuiltLesson built = BuildLesson(lesson);
    for (const Variant* v : selected)
      if (const BuiltVariant* bv = FindBuilt(built, v)) text += DumpStoryboard(bv->story);
  } else if (options.stage == "scene") {
    if (const int code = DumpSceneStage(lesson, selected.front(), options, &text); code != 0) return code;
  } else if (options.stage == "document") {
    // As a build without options makes handout.pdf: the lesson's kind, A4.
    const RenderOptions defaults;
    const HandoutKind kind = ChosenHandout(lesson, defaults);
    const doc::PageGeometry page = doc::Paper(defaults.paper, kind == HandoutKind::Brief);
    text = doc::DumpDocument(LessonHandoutDocument(BuildLesson(lesson), kind, page));
  } else {
    std::fprintf(stderr, "convlesson dump: error: unknown stage '%s'\n", options.stage.c_str());
    return 2;
  }
  std::fputs(text.c_str(), stdout);
  return std::fflush(stdout) == 0 ? 0 : 1;
}

}  // namespace cl
