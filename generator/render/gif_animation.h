// Beat GIF: every beat of a variant, in order, as one looping GIF at scale 1
// (1 pixel per scene unit), each frame held for its stage's time
// (animation_timing.h). The palette keeps every colour the scenes name exact
// (so a -18 cell is the same blue as in the PNG frames) and spends the rest on
// the commonest antialiasing shades of a few sample frames.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>

#include "scene/scene.h"
#include "storyboard/storyboard.h"

namespace cl {

// Lays out beat i (0-based) of the storyboard. Called more than once per beat
// (colours are collected before any pixel is encoded), so it must be pure.
using BeatSceneFn = std::function<Scene(int beat_index)>;

// The GIF of `story`'s beats. Returns false with *error when encoding fails
// or the story has no beats.
bool WriteBeatsGif(const Storyboard& story, const BeatSceneFn& scene_at, std::string* gif, std::string* error);

// Colours a scene names (background, fills, strokes, text, cell blocks), each
// with a weight for its visual importance (area for fills, a fixed amount
// for lines and text). Added to *weights (0xRRGGBB -> weight).
void CollectSceneColors(const Scene& scene, std::unordered_map<uint32_t, double>* weights);

}  // namespace cl
