// Storyboard dump: the exact text of hand-built storyboards (the planner has
// its own tests; these pin only the printed form).
#include <boost/test/unit_test.hpp>

#include <string>

#include "storyboard/storyboard_dump.h"

using namespace cl;

namespace {

Beat MakeBeat(Stage stage, int first, int last, int conv, bool activated, int pool, std::string caption,
              std::string description) {
  Beat b;
  b.stage = stage;
  b.first_cell = first;
  b.last_cell = last;
  b.conv_filled = conv;
  b.activated = activated;
  b.pool_filled = pool;
  b.caption = std::move(caption);
  b.description = std::move(description);
  return b;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(StoryboardDump)

BOOST_AUTO_TEST_CASE(EveryBeatWithItsCellsFillsAndText) {
  Storyboard s;
  s.label = "Edge \"x\"";
  s.warnings = {{Severity::Warning, {"l.yaml", 7, 3}, "variant 'Edge': beats thinned to 3"},
                {Severity::Warning, {"l.yaml", 0, 0}, "no location"}};
  s.conv_settings = "no padding, stride 1";
  s.pool_settings = "2\u00D72 max pooling with stride 2";
  s.beats = {MakeBeat(Stage::Intro, 0, -1, 0, false, 0, "Image and filter", "Two grids.\nNo map yet."),
             MakeBeat(Stage::Conv, 0, 0, 1, false, 0, "Output (0, 0) = \u221218", ""),
             MakeBeat(Stage::Conv, 1, 3, 4, false, 0, "Row 0", "Cells 1 to 3."),
             MakeBeat(Stage::Activation, 0, -1, 4, true, 0, "ReLU", ""),
             MakeBeat(Stage::Pool, 0, 0, 4, true, 1, "Max of 4 cells", ""),
             MakeBeat(Stage::Summary, 0, -1, 4, true, 1, "All maps", "")};
  s.beats[1].title = "Edge \u00B7 Convolution \u00B7 position 1 of 2";
  s.beats[1].step = "Step 2 of 6";
  // A plan that leaves beat 3 out and holds the others 100 ms.
  s.animation.frames = {{0, 100}, {1, 100}, {3, 100}, {4, 100}, {5, 100}};
  s.animation.still_beat = 5;
  s.animation.palette_beats = {0, 5};
  s.animation.description = "Five frames.";
  BOOST_TEST(DumpStoryboard(s) ==
             "storyboard \"Edge \\\"x\\\"\": 6 beats\n"
             "  warning at 7:3: \"variant 'Edge': beats thinned to 3\"\n"
             "  warning: \"no location\"\n"
             "  conv settings: \"no padding, stride 1\"\n"
             "  pool settings: \"2\u00D72 max pooling with stride 2\"\n"
             "  beat 1: intro, cells none, filled conv 0, activated no, pool 0, hold 100 ms\n"
             "    title: \"\"\n"
             "    step: \"\"\n"
             "    caption: \"Image and filter\"\n"
             "    description: \"Two grids.\\nNo map yet.\"\n"
             "  beat 2: conv, cells 0, filled conv 1, activated no, pool 0, hold 100 ms\n"
             "    title: \"Edge \u00B7 Convolution \u00B7 position 1 of 2\"\n"
             "    step: \"Step 2 of 6\"\n"
             "    caption: \"Output (0, 0) = \u221218\"\n"
             "    description: \"\"\n"
             "  beat 3: conv, cells 1-3, filled conv 4, activated no, pool 0, hold 0 ms\n"
             "    title: \"\"\n"
             "    step: \"\"\n"
             "    caption: \"Row 0\"\n"
             "    description: \"Cells 1 to 3.\"\n"
             "  beat 4: activation, cells none, filled conv 4, activated yes, pool 0, hold 100 ms\n"
             "    title: \"\"\n"
             "    step: \"\"\n"
             "    caption: \"ReLU\"\n"
             "    description: \"\"\n"
             "  beat 5: pool, cells 0, filled conv 4, activated yes, pool 1, hold 100 ms\n"
             "    title: \"\"\n"
             "    step: \"\"\n"
             "    caption: \"Max of 4 cells\"\n"
             "    description: \"\"\n"
             "  beat 6: summary, cells none, filled conv 4, activated yes, pool 1, hold 100 ms\n"
             "    title: \"\"\n"
             "    step: \"\"\n"
             "    caption: \"All maps\"\n"
             "    description: \"\"\n"
             "  animation: 5 frames, 500 ms a loop, still beat 6, palette from beats 1 6\n"
             "    description: \"Five frames.\"\n");
}

BOOST_AUTO_TEST_CASE(CountsAreSingularForOneBeat) {
  Storyboard s;
  s.label = "One";
  BOOST_TEST(DumpStoryboard(s) ==
             "storyboard \"One\": 0 beats\n"
             "  conv settings: \"\"\n"
             "  animation: 0 frames, 0 ms a loop, still beat 1, palette from beats\n"
             "    description: \"\"\n");
  s.beats = {MakeBeat(Stage::Intro, 0, -1, 0, false, 0, "", "")};
  s.animation = PlanAnimation(s);
  BOOST_TEST(DumpStoryboard(s) ==
             "storyboard \"One\": 1 beat\n"
             "  conv settings: \"\"\n"
             "  beat 1: intro, cells none, filled conv 0, activated no, pool 0, hold 1500 ms\n"
             "    title: \"\"\n"
             "    step: \"\"\n"
             "    caption: \"\"\n"
             "    description: \"\"\n"
             "  animation: 1 frame, 1500 ms a loop, still beat 1, palette from beats 1\n"
             "    description: \"An animation of 1 step in a loop: 1 introduction. Last step: \"\n");
}

BOOST_AUTO_TEST_SUITE_END()
