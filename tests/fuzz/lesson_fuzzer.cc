// libFuzzer target: lesson text through every stage that reads it, as a
// build would (load, compute, storyboard, layout, SVG). Whatever the bytes,
// the loader must answer with a lesson or diagnostics, and a lesson it
// accepts must compute, plan and draw without a crash, a sanitizer report,
// a hang or a huge allocation. Image files are looked up in an empty folder,
// so the fuzzer reaches the file errors but reads nothing of the machine's.
// Build and run: scripts/fuzz.sh (docs/architecture.md, Tests).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "lesson/loader.h"
#include "render/svg_writer.h"
#include "site/built_lesson.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  cl::LoadResult loaded = cl::LoadLessonText(text, "fuzz.yaml", "/nonexistent-convlesson-fuzz");
  if (!loaded.lesson || cl::HasErrors(loaded.diagnostics)) return 0;
  const cl::BuiltLesson built = cl::BuildLesson(*loaded.lesson);
  for (const cl::BuiltVariant& variant : built.variants) {
    const int beats = static_cast<int>(variant.story.beats.size());
    // The first, a middle and the last beat: every kind of frame, within the time a run allows.
    for (int beat : {0, beats / 2, beats - 1}) {
      if (beat < 0 || beat >= beats) continue;
      const cl::Scene scene = cl::LayoutBuiltBeat(built, variant, beat);
      if (cl::WriteSvg(scene, "f-").empty()) __builtin_trap();
    }
  }
  return 0;
}
