#include "site/animation_outputs.h"

#include <string>

#include "render/anim_svg.h"
#include "render/gif_animation.h"
#include "site/frame_files.h"
#include "site/write_failure.h"

namespace cl {

bool WriteAnimations(const BuiltLesson& built, const RenderOptions& options, FileSink& sink,
                     std::vector<Diagnostic>* diagnostics) {
  for (const BuiltVariant& bv : built.variants) {
    if (bv.story.beats.empty()) continue;
    const BeatSceneFn scene_at = [&built, &bv](int i) { return LayoutBuiltBeat(built, bv, i); };
    std::string error;
    if (options.Wants("gif") && !bv.animation_gif.empty() && !GifWrittenWithFrames(bv, options)) {
      std::string gif;
      if (!WriteBeatsGif(bv.story.animation, scene_at, options.scale, &gif, &error) || !sink.Put(bv.animation_gif, gif, &error)) {
        return ReportWriteFailure(diagnostics, built.lesson->path, "cannot write " + bv.animation_gif + ": " + error);
      }
    }
    if (options.Wants("anim-svg") && !bv.animation_svg.empty()) {
      const std::string svg = WriteAnimatedSvg(bv.story.animation, scene_at, bv.slug + "-anim-",
                                               AnimationTitle(built.lesson->title, bv.variant->label, *built.text), options.scale);
      if (!sink.Put(bv.animation_svg, svg, &error)) {
        return ReportWriteFailure(diagnostics, built.lesson->path, "cannot write " + bv.animation_svg + ": " + error);
      }
    }
  }
  return true;
}

}  // namespace cl
