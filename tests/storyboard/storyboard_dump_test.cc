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
  s.beats = {MakeBeat(Stage::Intro, 0, -1, 0, false, 0, "Image and filter", "Two grids.\nNo map yet."),
             MakeBeat(Stage::Conv, 0, 0, 1, false, 0, "Output (0, 0) = \u221218", ""),
             MakeBeat(Stage::Conv, 1, 3, 4, false, 0, "Row 0", "Cells 1 to 3."),
             MakeBeat(Stage::Activation, 0, -1, 4, true, 0, "ReLU", ""),
             MakeBeat(Stage::Pool, 0, 0, 4, true, 1, "Max of 4 cells", ""),
             MakeBeat(Stage::Summary, 0, -1, 4, true, 1, "All maps", "")};
  BOOST_TEST(DumpStoryboard(s) ==
             "storyboard \"Edge \\\"x\\\"\": 6 beats\n"
             "  warning at 7:3: \"variant 'Edge': beats thinned to 3\"\n"
             "  warning: \"no location\"\n"
             "  beat 1: intro, cells none, filled conv 0, activated no, pool 0\n"
             "    caption: \"Image and filter\"\n"
             "    description: \"Two grids.\\nNo map yet.\"\n"
             "  beat 2: conv, cells 0, filled conv 1, activated no, pool 0\n"
             "    caption: \"Output (0, 0) = \u221218\"\n"
             "    description: \"\"\n"
             "  beat 3: conv, cells 1-3, filled conv 4, activated no, pool 0\n"
             "    caption: \"Row 0\"\n"
             "    description: \"Cells 1 to 3.\"\n"
             "  beat 4: activation, cells none, filled conv 4, activated yes, pool 0\n"
             "    caption: \"ReLU\"\n"
             "    description: \"\"\n"
             "  beat 5: pool, cells 0, filled conv 4, activated yes, pool 1\n"
             "    caption: \"Max of 4 cells\"\n"
             "    description: \"\"\n"
             "  beat 6: summary, cells none, filled conv 4, activated yes, pool 1\n"
             "    caption: \"All maps\"\n"
             "    description: \"\"\n");
}

BOOST_AUTO_TEST_CASE(CountsAreSingularForOneBeat) {
  Storyboard s;
  s.label = "One";
  BOOST_TEST(DumpStoryboard(s) == "storyboard \"One\": 0 beats\n");
  s.beats = {MakeBeat(Stage::Intro, 0, -1, 0, false, 0, "", "")};
  BOOST_TEST(DumpStoryboard(s) ==
             "storyboard \"One\": 1 beat\n"
             "  beat 1: intro, cells none, filled conv 0, activated no, pool 0\n"
             "    caption: \"\"\n"
             "    description: \"\"\n");
}

BOOST_AUTO_TEST_SUITE_END()
