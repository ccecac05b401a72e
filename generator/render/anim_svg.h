// Animated SVG: every beat of a variant in one SVG that plays by itself,
// without script, through CSS animations (which browsers also run in an SVG
// shown as an <img>). Each beat is a group drawn from its scene by the SVG
// writer; a group is visible for its stage's hold time (animation_timing.h)
// and the cycle loops. Viewers that honour prefers-reduced-motion, and those
// that run no CSS animation at all, see only the summary beat.
#pragma once

#include <string>
#include <string_view>

#include "render/gif_animation.h"
#include "scene/scene.h"
#include "storyboard/storyboard.h"

namespace cl {

struct AnimatedSvgText {
  std::string title;  // e.g. "Convolve, ReLU, pool: Vertical edge (animation)"
  std::string desc;   // what the animation shows; empty: generated from the beats
};

// The document. `id_prefix` prefixes every id, class and keyframes name
// (only [A-Za-z0-9_-] are kept), so the file can also be inlined in a page.
std::string WriteAnimatedSvg(const Storyboard& story, const BeatSceneFn& scene_at, std::string_view id_prefix,
                             const AnimatedSvgText& text);

}  // namespace cl
