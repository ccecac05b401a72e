// The frames-per-build budget (site/cost_budget.h): the lessons of one build
// together, counted as the per-lesson budget counts them.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include <filesystem>

#include "../support/default_lesson.h"
#include "lesson/loader.h"
#include "site/built_lesson.h"
#include "site/cost_budget.h"
#include "site/frame_files.h"

using namespace cl;

namespace {

// Beats counted from the sides must be the beats planned from the maps, for
// every way of walking them: lesson files, and texts that vary `per`, `max`,
// the maps walked, padding, stride, transposition, activation and pooling.
void ExpectCountedAsPlanned(const Lesson& lesson, const std::string& what) {
  const BuiltLesson built = BuildLesson(lesson);
  for (std::size_t i = 0; i < lesson.variants.size(); ++i)
    BOOST_TEST(CountStoryboardBeats(lesson.variants[i], lesson.beats) ==
                   static_cast<int>(built.variants[i].story.beats.size()),
               what << " variant " << i);
  BOOST_TEST(CountLessonFrames(lesson) == MeasureLessonCost(built, 1).frames, what);
}

}  // namespace

BOOST_AUTO_TEST_CASE(FramesCountedFromTheSidesAreTheFramesPlanned) {
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(CONVLESSON_SOURCE_DIR) + "/lessons")) {
    if (entry.path().extension() != ".yaml" || entry.path().filename() == "course.yaml") continue;
    const LoadResult loaded = LoadLessonFile(entry.path().string());
    BOOST_TEST_REQUIRE(loaded.lesson.has_value(), entry.path());
    ExpectCountedAsPlanned(*loaded.lesson, entry.path().string());
    ++files;
  }
  BOOST_TEST(files >= 8);
  const std::vector<std::string> settings = {
      "beats: {per: cell}",
      "beats: {per: row}",
      "beats: {per: cell, max: 9}",
      "beats: {per: row, max: 5}",
      "beats: {max: 4}",
      "beats: {max: 3}",
      "conv: {padding: same, stride: 2}\nbeats: {per: cell}",
      "conv: {padding: 2, dilation: 2}\npool: none\nbeats: {per: row, max: 7}",
      "activation: none\npool: {size: 3, stride: 1, remainder: pad}\nbeats: {max: 12}",
      "conv: {transposed: true, stride: 2, padding: 1}\npool: none\nbeats: {per: cell, max: 40}",
      "conv: {transposed: true, stride: 2}\nbeats: {per: row}",
      "filters: [sobel-x, sobel-y, laplacian]\nbeats: {per: row, max: 11}",
      "filters: [sobel-x, sobel-y, laplacian]\nbeats: {per: cell, map: 2, max: 30}",
      "filters: [sobel-x, sobel-y]\npool: none\nbeats: {max: 6}",
  };
  for (const std::string& extra : settings) {
    const std::string text = "title: Counted\nimage: {pattern: {kind: checkerboard, size: 9, cell: 2}}\n" +
                             std::string(extra.find("filters:") == 0 ? "" : "filter: sobel-x\n") + extra + "\n";
    const LoadResult loaded = LoadLessonText(text, "counted.yaml", ".");
    BOOST_TEST_REQUIRE(loaded.lesson.has_value(), text);
    ExpectCountedAsPlanned(*loaded.lesson, text);
  }
}

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

// The estimate that orders and shares lessons before they are computed ranks
// the shipped lessons as the PNG pixels they turn out to render, wherever
// those differ by half or more, and puts a 40x40 checkerboard of one beat
// per cell (1808 beats) above all of them. (It is an estimate: it knows the
// cells, not how wide their numbers are, so a grid of one-digit numbers
// counts for more than it draws.)
BOOST_AUTO_TEST_CASE(TheCostEstimateRanksLessonsAsTheirPixels) {
  struct Measured {
    std::string what;
    double estimate = 0, pixels = 0;
  };
  std::vector<Measured> lessons;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(CONVLESSON_SOURCE_DIR) + "/lessons")) {
    if (entry.path().extension() != ".yaml" || entry.path().filename() == "course.yaml") continue;
    const LoadResult loaded = LoadLessonFile(entry.path().string());
    BOOST_TEST_REQUIRE(loaded.lesson.has_value(), entry.path());
    const Lesson& lesson = *loaded.lesson;
    lessons.push_back({entry.path().filename().string(), EstimateRenderCost(lesson),
                       MeasureLessonCost(BuildLesson(lesson), 2).png_pixels});
  }
  BOOST_TEST_REQUIRE(lessons.size() >= 8u);
  for (const Measured& a : lessons) {
    BOOST_TEST_MESSAGE(a.what << ": estimate " << a.estimate << ", PNG pixels " << a.pixels);
    for (const Measured& b : lessons)
      if (a.pixels > 1.5 * b.pixels) BOOST_TEST(a.estimate > b.estimate, a.what << " against " << b.what);
  }
  const LoadResult long_lesson = LoadLessonText("title: Long\nimage: {pattern: {kind: checkerboard, size: 40, cell: 4}}\n"
                                                "filter: laplacian\nbeats: {per: cell, max: 2000}\n",
                                                "long.yaml", ".");
  BOOST_TEST_REQUIRE(long_lesson.lesson.has_value());
  for (const Measured& shipped : lessons) BOOST_TEST(EstimateRenderCost(*long_lesson.lesson) > 4 * shipped.estimate);
}

// Images over 256x256 cells make the allocator give large buffers back
// (cli/course_build.cc): none of the shipped lessons, which keep glibc's
// faster default, and a picture one cell past the bound.
BOOST_AUTO_TEST_CASE(LargeImagesArePicturesPastTheBound) {
  const auto lesson = [](const std::string& size) {
    LoadResult loaded = LoadLessonText("title: T\nimage: {pattern: {kind: checkerboard, size: " + size +
                                           "}}\nfilter: laplacian\n",
                                       "t.yaml", ".");
    BOOST_TEST_REQUIRE(loaded.lesson.has_value(), size);
    return *loaded.lesson;
  };
  BOOST_TEST(!HasLargeImage(lesson("[256, 256]")));
  BOOST_TEST(HasLargeImage(lesson("[256, 257]")));
  for (const auto& entry : std::filesystem::directory_iterator(std::string(CONVLESSON_SOURCE_DIR) + "/lessons")) {
    if (entry.path().extension() != ".yaml" || entry.path().filename() == "course.yaml") continue;
    const LoadResult loaded = LoadLessonFile(entry.path().string());
    BOOST_TEST_REQUIRE(loaded.lesson.has_value(), entry.path());
    BOOST_TEST(!HasLargeImage(*loaded.lesson), entry.path());
  }
}

// Frames over 32 megapixels of an image over 256x256 cells are written
// before the lesson's other outputs (site/lesson_outputs.cc): a picture's at
// --scale 8, not at 2, and never the default lesson's, whatever the scale.
BOOST_AUTO_TEST_CASE(HugeNoisyFramesArePicturesAtLargeScales) {
  const LoadResult picture = LoadLessonText(
      "title: T\nimage: {pattern: {kind: checkerboard, size: [300, 300]}}\nfilter: laplacian\nbeats: {max: 3}\n", "t.yaml", ".");
  BOOST_TEST_REQUIRE(picture.lesson.has_value());
  const BuiltLesson built = BuildLesson(*picture.lesson);
  BOOST_TEST(HugeNoisyFrames(built, 8));
  BOOST_TEST(!HugeNoisyFrames(built, 2));
  const LoadResult shipped = LoadLessonFile(std::string(CONVLESSON_SOURCE_DIR) + "/lessons/conv-relu-pool.yaml");
  BOOST_TEST_REQUIRE(shipped.lesson.has_value());
  BOOST_TEST(!HugeNoisyFrames(BuildLesson(*shipped.lesson), 8));
}
