#include "render/animation_timing.h"

namespace cl {

int BeatHoldMs(Stage stage) {
  switch (stage) {
    case Stage::Intro: return 1500;
    case Stage::Conv: return 800;
    case Stage::Activation: return 2000;
    case Stage::Pool: return 1200;
    case Stage::Summary: return 3000;
  }
  return 1000;
}

std::vector<int> BeatHoldsMs(const Storyboard& story) {
  std::vector<int> holds;
  holds.reserve(story.beats.size());
  for (const Beat& beat : story.beats) holds.push_back(BeatHoldMs(beat.stage));
  return holds;
}

}  // namespace cl
