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

// A stage of more beats than this fills a map large enough that its first
// beat does not show the colours of its last.
constexpr std::size_t kLongStageBeats = 32;

std::vector<int> PaletteBeats(const Storyboard& story) {
  std::set<int> picks;
  std::set<Stage> seen;
  for (std::size_t i = 0, run_start = 0; i < story.beats.size(); ++i) {
    const Stage stage = story.beats[i].stage;
    if (seen.insert(stage).second) picks.insert(static_cast<int>(i));
    if (i > 0 && story.beats[i - 1].stage != stage) run_start = i;
    const bool run_ends = i + 1 == story.beats.size() || story.beats[i + 1].stage != stage;
    if (run_ends && i + 1 - run_start > kLongStageBeats) picks.insert(static_cast<int>(i));
  }
  if (!story.beats.empty()) picks.insert(static_cast<int>(story.beats.size()) - 1);
  return {picks.begin(), picks.end()};
}

std::string Description(const Storyboard& story, int still) {
  std::array<long long, 5> counts{};
  for (const Beat& b : story.beats) ++counts[static_cast<std::size_t>(b.stage)];
  const Messages& m = *story.text;
  constexpr Msg kStageCounts[] = {Msg::anim_introductions, Msg::anim_conv_steps, Msg::anim_activation_steps,
                                  Msg::anim_pool_steps, Msg::anim_summaries};
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < counts.size(); ++i)
    if (counts[i] > 0) parts.push_back(m.Count(kStageCounts[i], counts[i]));
  std::string desc = m.Count(Msg::anim_description, static_cast<long long>(story.beats.size()),
                             {{"stages", ListText(parts, m)}});
  if (!story.beats.empty())
    desc += " " + m.Text(Msg::anim_last_step, {{"caption", story.beats[static_cast<std::size_t>(still)].caption}});
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

std::string AnimationTitle(std::string_view lesson_title, std::string_view variant_label, const Messages& m) {
  return m.Text(Msg::animation_title, {{"lesson", std::string(lesson_title)}, {"variant", std::string(variant_label)}});
}

}  // namespace cl
