// Animated SVG: the frames of an animation plan (storyboard/animation_plan.h)
// in one SVG that plays by itself, without script, through CSS animations
// (which browsers also run in an SVG shown as an <img>). Each frame is a group
// drawn from its beat's scene by the SVG writer, visible for the plan's hold,
// and the cycle loops. Viewers that honour prefers-reduced-motion, and those
// that run no CSS animation at all, see only the plan's still beat. The title
// and description are the caller's and the plan's words, never made here.
#pragma once

#include <string>
#include <string_view>

#include "render/gif_animation.h"
#include "scene/scene.h"
#include "storyboard/animation_plan.h"

namespace cl {

// The document, titled `title` (storyboard's AnimationTitle) and described by
// plan.description. `id_prefix` prefixes every id, class and keyframes name
// (only [A-Za-z0-9_-] are kept), so the file can also be inlined in a page.
// Drawn in scene units (the viewBox), displayed at `scale` times that size
// (the build's --scale, as for the PNG frames and the GIF).
std::string WriteAnimatedSvg(const AnimationPlan& plan, const BeatSceneFn& scene_at, std::string_view id_prefix,
                             std::string_view title, double scale = 1.0);

}  // namespace cl
