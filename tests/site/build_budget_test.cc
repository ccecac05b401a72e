// The frames-per-build budget (site/cost_budget.h): the lessons of one build
// together, counted as the per-lesson budget counts them.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "../support/default_lesson.h"
#include "site/built_lesson.h"
#include "site/cost_budget.h"

using namespace cl;

BOOST_AUTO_TEST_CASE(LessonFramesAreItsBeatsOverEveryVariant) {
  const Lesson lesson = testing::DefaultLesson();
  BOOST_TEST(CountLessonFrames(lesson) == MeasureLessonCost(BuildLesson(lesson), 1).frames);
  BOOST_TEST(CountLessonFrames(lesson) == 46);  // 2 variants x 23 beats
}

BOOST_AUTO_TEST_CASE(ABuildAtTheBudgetPassesAndOneFrameMoreIsRefused) {
  std::vector<LessonFrames> lessons = {{"a.yaml", 4000}, {"b.yaml", 4000}, {"c.yaml", 4000},
                                       {"d.yaml", 4000}, {"e.yaml", 4000}};
  BOOST_TEST(CheckBuildFrames(lessons).empty());
  BOOST_TEST(CheckBuildFrames({}).empty());
  lessons.push_back({"f.yaml", 1});
  BOOST_TEST(CheckBuildFrames(lessons) ==
             "the 6 lessons to build make 20001 frames in all; one build may make at most 20000 (largest: a.yaml "
             "(4000), b.yaml (4000), c.yaml (4000), ...): build fewer lessons at a time, or lower their beats max "
             "or variants");
}

BOOST_AUTO_TEST_CASE(TheMessageNamesTheLargestLessonsFirst) {
  BOOST_TEST(CheckBuildFrames({{"small.yaml", 10}, {"big.yaml", 19995}}) ==
             "the 2 lessons to build make 20005 frames in all; one build may make at most 20000 (largest: big.yaml "
             "(19995), small.yaml (10)): build fewer lessons at a time, or lower their beats max or variants");
}
