// Frame files: every beat of every variant as an SVG and a PNG under
// frames/<slug>/, at the paths BuildLesson named.
#pragma once

#include <vector>

#include "base/diagnostic.h"
#include "base/file_sink.h"
#include "site/built_lesson.h"
#include "site/lesson_outputs.h"

namespace cl {

// Writes the SVG frames when options.Wants("svg"), the PNG frames (at
// options.scale) when options.Wants("png") and, when GifWrittenWithFrames,
// the variant's GIF from the same drawn frames. False, with one error diagnostic,
// at the first file that could not be produced or stored (the rest are not tried).
// True when the variant's GIF is written with its frames (each beat drawn
// once for both): the GIF is wanted and its plan plays every beat once, in
// order (as PlanAnimation plans). Otherwise WriteAnimations draws it.
bool GifWrittenWithFrames(const BuiltVariant& v, const RenderOptions& options);

// True when a variant draws frames over 8 megapixels at `scale` (a 28x28
// photograph at --scale 4, a 40x40 map at the default): each beat in flight
// holds megabytes of bands, runs and encoded frame.
bool LargeFrames(const BuiltLesson& built, double scale);

// True when a variant draws frames over 32 megapixels at `scale` of an
// image over 256x256 cells (site/cost_budget.h's kLargeImageCells): a
// photograph at --scale 8, whose frames are noise to the encoders, so each
// beat in flight holds tens of MB of runs, bands and GIF frames.
bool HugeNoisyFrames(const BuiltLesson& built, double scale);

bool WriteFrameFiles(const BuiltLesson& built, const RenderOptions& options, FileSink& sink,
                     std::vector<Diagnostic>* diagnostics);

}  // namespace cl
