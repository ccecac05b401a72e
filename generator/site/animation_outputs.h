// Animation outputs: per variant, its beats as a looping GIF and as an
// animated SVG, at the paths BuiltVariant names (animation_gif,
// animation_svg). Both play the storyboard's animation plan
// (storyboard/animation_plan.h) at --scale and are drawn from the same scenes
// as the frames, so they show exactly the frames' numbers and colours.
#pragma once

#include <vector>

#include "base/diagnostic.h"
#include "base/file_sink.h"
#include "site/built_lesson.h"
#include "site/lesson_outputs.h"

namespace cl {

// Writes the GIF (when options.Wants("gif")) and the animated SVG (when
// options.Wants("anim-svg")) of every variant. Returns false with a
// diagnostic when one cannot be encoded or stored.
bool WriteAnimations(const BuiltLesson& built, const RenderOptions& options, FileSink& sink,
                     std::vector<Diagnostic>* diagnostics);

}  // namespace cl
