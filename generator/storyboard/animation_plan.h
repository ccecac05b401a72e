// Animation plan: what the GIF and the animated SVG of a variant play, as
// data, so render/ only turns scenes and holds into bytes. Both animations
// follow the same plan and so run at the same pace. Moments a learner must
// read or compare stay longer: the activation changes every negative cell at
// once, a pool beat asks to find the maximum in a window, and the summary is
// the whole lesson in one picture.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "messages/messages.h"

namespace cl {

enum class Stage;
struct Storyboard;

struct AnimationFrame {
  int beat = 0;     // 0-based index into the storyboard's beats
  int hold_ms = 0;  // how long it stays on screen
};

struct AnimationPlan {
  std::vector<AnimationFrame> frames;  // in playing order; the loop starts again after the last
  int still_beat = 0;                  // shown when nothing moves (reduced motion, no CSS animation)
  // Beats whose pixels are sampled for the GIF's and the PNG frames'
  // palettes: the first of each stage (each draws something new: window,
  // activation, pool window), the last of a stage of more than 32 beats (its
  // map full: the first beat of 1600 convolution steps lacked the blends of
  // the filled map, and a tenth of a 1998-beat lesson's frames then chose
  // palettes of their own), and the last.
  std::vector<int> palette_beats;
  std::string description;  // the animated SVG's <desc>: its steps by kind and the still beat's caption
};

// Milliseconds a beat of `stage` is shown: intro 1500, conv 800, activation
// 2000, pool 1200, summary 3000.
int StageHoldMs(Stage stage);

// Every beat of `story` once, in order, each held for its stage's time.
AnimationPlan PlanAnimation(const Storyboard& story);

// The sum of the plan's holds.
long long CycleMs(const AnimationPlan& plan);

// "Convolve, ReLU, pool: Vertical edge (animation)".
std::string AnimationTitle(std::string_view lesson_title, std::string_view variant_label,
                           const Messages& m = EnglishMessages());

}  // namespace cl
