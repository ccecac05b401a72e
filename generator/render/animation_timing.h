// Animation timing: how long each beat stays on screen when the beats play as
// an animation (the GIF and the animated SVG share these, so both run at the
// same pace). Moments a learner must read or compare stay longer: the ReLU
// step changes every negative cell at once, a pool beat asks to find the
// maximum in a window, and the summary is the whole lesson in one picture.
#pragma once

#include <vector>

#include "storyboard/storyboard.h"

namespace cl {

// Milliseconds beat stage `stage` is shown: intro 1500, conv 800,
// activation 2000, pool 1200, summary 3000.
int BeatHoldMs(Stage stage);

// The hold of every beat of `story`, in order.
std::vector<int> BeatHoldsMs(const Storyboard& story);

}  // namespace cl
