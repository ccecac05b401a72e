// Frames and lesson.json as RenderLessonOutputs writes them: every beat's SVG
// and PNG at the paths lesson.json names, --only respected, slugs unique.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "../support/default_lesson.h"
#include "base/file_sink.h"
#include "lesson/loader.h"
#include "scene/layout.h"
#include "site/built_lesson.h"
#include "site/cost_budget.h"
#include "site/lesson_json.h"
#include "site/lesson_outputs.h"
#include "site/output_paths.h"

namespace bdata = boost::unit_test::data;
using namespace cl;

namespace {

std::size_t CountEnding(const MemoryFileSink& sink, const std::string& ext) {
  std::size_t n = 0;
  for (const auto& [path, bytes] : sink.files())
    n += path.size() >= ext.size() && path.compare(path.size() - ext.size(), ext.size(), ext) == 0;
  return n;
}

}  // namespace

struct SlugCase {
  const char* label;
  const char* want;
};
std::ostream& operator<<(std::ostream& os, const SlugCase& c) { return os << c.label; }

BOOST_DATA_TEST_CASE(SlugsAreLowercaseWordsJoinedByDashes,
                     bdata::make(std::vector<SlugCase>{
                         {"Vertical edge", "vertical-edge"},
                         {"  Sobel x (3x3)!  ", "sobel-x-3x3"},
                         {"\u00C9dge d\u00E9tect\u00E9e", "edge-detectee"},
                         {"3\u00D73 na\u00EFve", "3-3-naive"},
                         {"../../etc/passwd", "etc-passwd"},
                         {"", "variant"},
                         {"\u2212\u2212\u2212", "variant"},
                         {"A very long label that keeps going well past any sensible file name length",
                          "a-very-long-label-that-keeps-going-well-past-any"},
                     }),
                     c) {
  BOOST_TEST(SlugFromLabel(c.label) == c.want);
}

BOOST_AUTO_TEST_CASE(DuplicateSlugsGetNumbered) {
  BOOST_TEST((UniqueSlugs({"Edge", "edge!", "EDGE", "edge-2"}) ==
              std::vector<std::string>{"edge", "edge-2", "edge-3", "edge-2-2"}));
}

BOOST_AUTO_TEST_CASE(SlugAllocatorStepsAroundTakenNames) {
  SlugAllocator ids({"main", "frames"});
  BOOST_TEST(ids.Next("Main") == "main-2");
  BOOST_TEST(ids.Next("Frames!") == "frames-2");
  BOOST_TEST(ids.Next("Intuition") == "intuition");
  BOOST_TEST(ids.Next("intuition") == "intuition-2");
  BOOST_TEST(ids.Next("Intuition 2") == "intuition-2-2");
}

BOOST_AUTO_TEST_CASE(PathsFollowTheNamingScheme) {
  BOOST_TEST(FramePath("vertical-edge", 3, Stage::Conv, "svg") == "frames/vertical-edge/003-conv.svg");
  BOOST_TEST(FramePath("v", 1000, Stage::Summary, "png") == "frames/v/1000-summary.png");
  BOOST_TEST(AnimationPath("vertical-edge", "gif") == "vertical-edge.gif");
  BOOST_TEST(AnimationPath("horizontal-edge", "svg") == "horizontal-edge.svg");
  BOOST_TEST(FrameIdPrefix("vertical-edge", 7) == "vertical-edge-007-");
}

BOOST_AUTO_TEST_CASE(DefaultLessonWritesEveryFrameAndItsJson) {
  const Lesson lesson = testing::DefaultLesson();
  RenderOptions options;
  options.scale = 1;
  options.only = {"svg", "png", "json"};
  MemoryFileSink sink;
  std::vector<Diagnostic> diagnostics;
  BOOST_TEST(RenderLessonOutputs(lesson, options, sink, &diagnostics));
  BOOST_TEST(diagnostics.empty());
  // 46 frames in the wide layout, and each beat's tall frame for phones.
  BOOST_TEST(CountEnding(sink, ".svg") == 2 * 46u);
  BOOST_TEST(CountEnding(sink, ".png") == 2 * 46u);
  BOOST_TEST(sink.files().count("frames/vertical-edge/001-intro.svg") == 1u);
  BOOST_TEST(sink.files().count("frames/vertical-edge/tall/001-intro.svg") == 1u);
  BOOST_TEST(sink.files().count("frames/horizontal-edge/tall/023-summary.png") == 1u);
  BOOST_TEST(sink.files().count("frames/horizontal-edge/023-summary.png") == 1u);

  const auto json = nlohmann::json::parse(sink.files().at("lesson.json"));
  BOOST_TEST(json["id"] == "conv-relu-pool");
  BOOST_TEST(json["page"].is_null());  // html was not asked for
  BOOST_TEST(json["handout"].is_null());
  BOOST_TEST(json["worksheet"].is_null());
  BOOST_TEST(json["answers"].is_null());
  BOOST_REQUIRE(json["variants"].size() == 2u);
  const auto& vertical = json["variants"][0];
  BOOST_TEST(vertical["slug"] == "vertical-edge");
  BOOST_TEST(vertical["pool"]["output"] == nlohmann::json::parse("[[0, 27], [0, 27]]"));
  BOOST_REQUIRE(vertical["beats"].size() == 23u);
  BOOST_TEST(vertical["beats"][0]["stage"] == "intro");
  BOOST_TEST(vertical["beats"][1]["stage"] == "conv");
  BOOST_TEST(vertical["beats"][17]["caption"] == "ReLU clears the 8 negative cells to 0");
  BOOST_TEST(vertical["beats"][18]["caption"] == "Max of 0, 0, 0, 0 = 0 at (0, 0)");
  BOOST_TEST(vertical["beats"][1]["svg"] == "frames/vertical-edge/002-conv.svg");
  BOOST_TEST(vertical["animation"]["gif"].is_null());
  // Every path lesson.json names was written.
  for (const auto& variant : json["variants"])
    for (const auto& beat : variant["beats"])
      for (const char* kind : {"svg", "png"}) BOOST_TEST(sink.files().count(beat[kind].get<std::string>()) == 1u);
}

BOOST_AUTO_TEST_CASE(LessonJsonNamesEveryOutputWhenAllAreWanted) {
  const Lesson lesson = testing::DefaultLesson();
  const BuiltLesson built = BuildLesson(lesson);
  const auto json = LessonJson(built, RenderOptions{});
  BOOST_TEST(json["page"] == "index.html");
  BOOST_TEST(json["handout"] == "handout.pdf");
  BOOST_TEST(json["worksheet"] == "worksheet.pdf");
  BOOST_TEST(json["answers"] == "answers.pdf");
  BOOST_TEST(json["variants"][1]["animation"]["gif"] == "horizontal-edge.gif");
  BOOST_TEST(json["variants"][1]["animation"]["svg"] == "horizontal-edge.svg");
  BOOST_TEST(json["variants"][1]["beats"][22]["png"] == "frames/horizontal-edge/023-summary.png");
}

BOOST_AUTO_TEST_CASE(OnlyJsonWritesNoFrames) {
  const Lesson lesson = testing::DefaultLesson();
  RenderOptions options;
  options.only = {"json"};
  MemoryFileSink sink;
  std::vector<Diagnostic> diagnostics;
  BOOST_TEST(RenderLessonOutputs(lesson, options, sink, &diagnostics));
  BOOST_TEST(sink.files().size() == 1u);
  BOOST_TEST(sink.files().count("lesson.json") == 1u);
}

BOOST_AUTO_TEST_CASE(WideScenesAreLaidOutOnceAsTheirLayoutsAre) {
  const Lesson lesson = testing::DefaultLesson();
  const BuiltLesson built = BuildLesson(lesson);
  BOOST_TEST(built.scenes->held_bytes() == 0u);
  for (const BuiltVariant& v : built.variants) {
    for (int beat = 0; beat < static_cast<int>(v.story.beats.size()); ++beat) {
      const Scene laid_out = LayoutBeat(LayoutInputFor(built, v), v.geometry, beat);
      for (int use = 0; use < 2; ++use) {  // laid out, then copied
        const Scene scene = LayoutBuiltBeat(built, v, beat);
        BOOST_TEST((scene.items == laid_out.items && scene.title == laid_out.title && scene.desc == laid_out.desc &&
                    scene.width == laid_out.width && scene.height == laid_out.height));
      }
    }
  }
  const std::size_t held = built.scenes->held_bytes();
  BOOST_TEST(held > 0u);
  // Tall frames' scenes are drawn once each: not held.
  const BuiltVariant& first = built.variants.front();
  BOOST_TEST_REQUIRE(!first.frame_svg_tall.empty());
  const Scene tall = LayoutBuiltBeat(built, first, 3, true);
  BOOST_TEST(tall.items == LayoutBeat(LayoutInputFor(built, first, true), first.tall_geometry, 3).items);
  BOOST_TEST(built.scenes->held_bytes() == held);
}

BOOST_AUTO_TEST_CASE(AVariantsScenesGoOnceItsFramesAreWritten) {
  const Lesson lesson = testing::DefaultLesson();
  const BuiltLesson built = BuildLesson(lesson);
  RenderOptions options;
  options.scale = 1;
  options.only = {"anim-svg", "svg", "png", "gif"};
  MemoryFileSink sink;
  std::vector<Diagnostic> diagnostics;
  BOOST_TEST(RenderLessonOutputs(built, options, sink, &diagnostics));
  BOOST_TEST(diagnostics.empty());
  // The animations laid the scenes out (on one thread, before the frames)
  // and the frames took them, then let them go.
  BOOST_TEST(built.scenes->held_bytes() == 0u);
  BOOST_TEST(CountEnding(sink, ".png") == 2 * 46u);
}

BOOST_AUTO_TEST_CASE(BuiltLessonSharesOneColourScaleAndGeometryPerVariant) {
  const Lesson lesson = testing::DefaultLesson();
  const BuiltLesson built = BuildLesson(lesson);
  BOOST_TEST(built.value_scale == 27);
  BOOST_TEST(built.weight_scale == 1);
  BOOST_REQUIRE(built.variants.size() == 2u);
  for (const BuiltVariant& v : built.variants) {
    BOOST_TEST(v.frame_svg.size() == v.story.beats.size());
    const Scene first = LayoutBuiltBeat(built, v, 0);
    const Scene last = LayoutBuiltBeat(built, v, static_cast<int>(v.story.beats.size()) - 1);
    BOOST_TEST(first.width == v.geometry.width);
    BOOST_TEST(last.height == v.geometry.height);
  }
}

// Each variant has its own colour scales unless the lesson asks for one shared scale.
BOOST_AUTO_TEST_CASE(ColourScalesArePerVariantUnlessShared) {
  Lesson lesson = testing::DefaultLesson();
  for (double& w : lesson.variants[1].filter.weights.values) w *= 4;  // Horizontal edge: weights ±4, maps ±108
  const BuiltLesson own = BuildLesson(lesson);
  BOOST_TEST(own.variants[0].value_scale == 27);
  BOOST_TEST(own.variants[0].weight_scale == 1);
  BOOST_TEST(own.variants[1].value_scale == 108);
  BOOST_TEST(own.variants[1].weight_scale == 4);
  BOOST_TEST(own.variants[0].image_white == 9);
  BOOST_TEST(LayoutInputFor(own, own.variants[0]).value_scale == 27);
  lesson.scale = ScaleMode::Shared;
  const BuiltLesson shared = BuildLesson(lesson);
  for (const BuiltVariant& v : shared.variants) {
    BOOST_TEST(v.value_scale == 108);
    BOOST_TEST(v.weight_scale == 4);
  }
}

BOOST_AUTO_TEST_CASE(VariantsNamedLikeTheLessonsFilesOverwriteNothing) {
  // Animations sit beside index.html, lesson.json, handout.pdf and frames/:
  // variants labelled after them must still leave every file its own.
  Lesson lesson = testing::DefaultLesson();
  lesson.variants = {testing::VerticalEdgeVariant(), testing::HorizontalEdgeVariant(), testing::VerticalEdgeVariant(),
                     testing::HorizontalEdgeVariant()};
  const std::vector<std::string> labels = {"Index", "Lesson", "Handout", "Frames"};
  for (std::size_t i = 0; i < labels.size(); ++i) lesson.variants[i].label = labels[i];
  RenderOptions options;
  options.scale = 1;
  options.templates_dir = CONVLESSON_SOURCE_DIR "/templates";
  options.only = {"svg", "gif", "anim-svg", "pdf", "html", "json"};
  MemoryFileSink sink;
  std::vector<Diagnostic> diagnostics;
  BOOST_TEST(RenderLessonOutputs(lesson, options, sink, &diagnostics));
  BOOST_TEST(diagnostics.empty());
  for (const char* path : {"index.gif", "index.svg", "lesson.gif", "lesson.svg", "handout.gif", "handout.svg",
                           "frames.gif", "frames.svg", "frames/frames/023-summary.svg"})
    BOOST_TEST(sink.files().count(path) == 1u, path);
  // page, json, handout, worksheet, answers; animations; frames, wide and tall, and their listing pages
  BOOST_TEST(sink.files().size() == 5u + 4u * 2u + 4u * 23u * 2u + 4u);
  BOOST_TEST(sink.files().count("frames/index/index.html") == 1u);
  BOOST_TEST(sink.files().at("index.html").starts_with("<!DOCTYPE html>"));
  BOOST_TEST(sink.files().at("handout.pdf").starts_with("%PDF-"));
  BOOST_TEST(sink.files().at("worksheet.pdf").starts_with("%PDF-"));
  BOOST_TEST(sink.files().at("answers.pdf").starts_with("%PDF-"));
  BOOST_TEST(sink.files().at("index.gif").starts_with("GIF89a"));
  BOOST_TEST(sink.files().at("handout.svg").starts_with("<?xml"));
  const auto json = nlohmann::json::parse(sink.files().at("lesson.json"));
  BOOST_TEST(json["variants"][0]["animation"]["gif"] == "index.gif");
  BOOST_TEST(json["variants"][3]["animation"]["svg"] == "frames.svg");
}

// The cost budgets count what the writers make: one frame per beat of every
// variant, and PNG pixels as the PNG renderer sizes its surface.
BOOST_AUTO_TEST_CASE(CostOfTheDefaultLessonIsItsFramesAndTheirPixels) {
  const Lesson lesson = testing::DefaultLesson();
  const BuiltLesson built = BuildLesson(lesson);
  RenderOptions options;
  options.scale = 1;
  options.only = {"png"};
  MemoryFileSink sink;
  std::vector<Diagnostic> diagnostics;
  BOOST_TEST_REQUIRE(RenderLessonOutputs(lesson, options, sink, &diagnostics));
  double pixels = 0;
  for (const auto& [path, bytes] : sink.files()) {
    BOOST_TEST_REQUIRE(bytes.size() > 24u);  // PNG signature, IHDR: width and height big-endian at 16 and 20
    auto be32 = [&](std::size_t at) {
      return (static_cast<unsigned char>(bytes[at]) << 24) | (static_cast<unsigned char>(bytes[at + 1]) << 16) |
             (static_cast<unsigned char>(bytes[at + 2]) << 8) | static_cast<unsigned char>(bytes[at + 3]);
    };
    pixels += static_cast<double>(be32(16)) * be32(20);
  }
  const LessonCost cost = MeasureLessonCost(built, 1);
  BOOST_TEST(cost.frames == 46);  // 2 variants x 23 beats
  BOOST_TEST(2 * cost.frames == static_cast<long long>(sink.files().size()));  // each wide and tall
  BOOST_TEST(cost.png_pixels == pixels);
  BOOST_TEST(CheckLessonCost(built, RenderOptions{}).empty());
}

// A variant whose maps are all 0 (a dilated filter over a flat strip) has
// the colour scale 1: its legend read "−1e−9 … 1e−9". Another variant's
// real scale is not raised by it, shared or not.
BOOST_AUTO_TEST_CASE(AllZeroMapsHaveScaleOne) {
  for (const char* scale : {"per-variant", "shared"}) {
    const std::string text = std::string("title: Zeros\nimage: {pixels: [[1, 1, 1, 1], [2, 2, 2, 2]]}\n") +
                             "filter: [[1, -1]]\nactivation: none\npool: none\nscale: " + scale +
                             "\nvariants:\n  - label: Ramp\n    image: {pixels: [[0, 0.5, 0, 0]]}\n";
    const LoadResult loaded = LoadLessonText(text, "zeros.yaml", ".");
    BOOST_TEST_REQUIRE(loaded.lesson.has_value(), scale);
    const BuiltLesson built = BuildLesson(*loaded.lesson);
    BOOST_TEST_REQUIRE(built.variants.size() == 2u);
    BOOST_TEST(built.variants[0].value_scale == (std::string(scale) == "shared" ? 0.5 : 1.0), scale);
    BOOST_TEST(built.variants[1].value_scale == 0.5, scale);
    BOOST_TEST(built.value_scale == 0.5, scale);
  }
}
