// Beat GIF: the frames an animation plan names (storyboard/animation_plan.h),
// in its order and for its holds, as one looping GIF at `scale` pixels per
// scene unit (the build's --scale, as for the PNG frames). The palette keeps
// every colour the scenes name exact (so a -18 cell is the same blue as in
// the PNG frames) and spends the rest on the commonest antialiasing shades of
// the beats the plan picks for sampling.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "render/gif_palette.h"
#include "render/png_encode.h"
#include "scene/scene.h"
#include "storyboard/animation_plan.h"

namespace cl {

// Lays out beat i (0-based) of the storyboard. Called more than once per beat
// (colours are collected before any pixel is encoded), so it must be pure.
using BeatSceneFn = std::function<Scene(int beat_index)>;

// The GIF of `plan`. Returns false with *error when encoding fails or the
// plan has no frames.
bool WriteBeatsGif(const AnimationPlan& plan, const BeatSceneFn& scene_at, double scale, std::string* gif,
                   std::string* error);

// The palette's exact colours: every colour the beats `plan` shows name,
// the first shown beat's background first, then the lines' and texts' by
// weight, then the fills' by weight.
std::vector<Color> ExactGifColours(const AnimationPlan& plan, const BeatSceneFn& scene_at);

// Adds the pixels of `frame` whose colour is not among `exact` to *shades.
void CountGifShades(const ColourRuns& frame, const std::vector<Color>& exact, ColorHistogram* shades);

// The animation's palette from its exact colours and the shades counted in
// the plan's palette beats.
GifPalette BeatsGifPalette(const std::vector<Color>& exact, const ColorHistogram& shades);

// The colours scenes name (0xRRGGBB -> weight): the lines' and texts' (a
// fixed amount each) apart from the fills' (their area, the background's
// included).
struct SceneColourWeights {
  std::unordered_map<uint32_t, double> ink, fills;
};
// Adds the colours of `scene` to *weights.
void CollectSceneColors(const Scene& scene, SceneColourWeights* weights);

}  // namespace cl
