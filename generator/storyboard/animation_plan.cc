#include "storyboard/animation_plan.h"

#include <array>
#include <set>

#include <fmt/format.h>

#include "storyboard/captions.h"
#include "storyboard/storyboard.h"

namespace cl {
namespace {

// The beat shown when nothing moves: the last summary beat, else the last.
int StillBeat(const Storyboard& story) {
  for (std::size_t i = story.beats.size(); i-- > 0;)
    if (story.beats[i].stage == Stage::Summary) return static_cast<int>(i);
  return story.beats.empty() ? 0 : static_cast<int>(story.beats.size()) - 1;
}

std::vector<int> PaletteBeats(const Storyboard& story) {
  std::set<int> picks;
  std::set<Stage> seen;
  for (std::size_t i = 0; i < story.beats.size(); ++i)
    if (seen.insert(story.beats[i].stage).second) picks.insert(static_cast<int>(i));
  if (!story.beats.empty()) picks.insert(static_cast<int>(story.beats.size()) - 1);
  return {picks.begin(), picks.end()};
}

std::string Description(const Storyboard& story, int still) {
  std::array<long long, 5> counts{};
  for (const Beat& b : story.beats) ++counts[static_cast<std::size_t>(b.stage)];
  std::vector<std::string> parts;
  if (counts[0] > 0) parts.push_back(CountText(counts[0], "introduction", "introductions"));
  if (counts[1] > 0) parts.push_back(CountText(counts[1], "convolution step", "convolution steps"));
  if (counts[2] > 0) parts.push_back(CountText(counts[2], "activation step", "activation steps"));
  if (counts[3] > 0) parts.push_back(CountText(counts[3], "pooling step", "pooling steps"));
  if (counts[4] > 0) parts.push_back(CountText(counts[4], "summary", "summaries"));
  std::string list;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) list += (i + 1 == parts.size()) ? " and " : ", ";
    list += parts[i];
  }
  std::string desc = fmt::format("An animation of {} in a loop: {}.",
                                 CountText(static_cast<long long>(story.beats.size()), "step", "steps"), list);
  if (!story.beats.empty()) desc += " Last step: " + story.beats[static_cast<std::size_t>(still)].caption;
  return desc;
}

}  // namespace

int StageHoldMs(Stage stage) {
  switch (stage) {
    case Stage::Intro: return 1500;
    case Stage::Conv: return 800;
    case Stage::Activation: return 2000;
    case Stage::Pool: return 1200;
    case Stage::Summary: return 3000;
  }
  return 1000;
}

AnimationPlan PlanAnimation(const Storyboard& story) {
  AnimationPlan plan;
  plan.frames.reserve(story.beats.size());
  for (std::size_t i = 0; i < story.beats.size(); ++i)
    plan.frames.push_back({static_cast<int>(i), StageHoldMs(story.beats[i].stage)});
  plan.still_beat = StillBeat(story);
  plan.palette_beats = PaletteBeats(story);
  plan.description = Description(story, plan.still_beat);
  return plan;
}

long long CycleMs(const AnimationPlan& plan) {
  long long total = 0;
  for (const AnimationFrame& f : plan.frames) total += f.hold_ms;
  return total;
}

std::string AnimationTitle(std::string_view lesson_title, std::string_view variant_label) {
  return fmt::format("{}: {} (animation)", lesson_title, variant_label);
}

}  // namespace cl
