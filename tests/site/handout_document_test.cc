// Handout document: what the default lesson's handout says, block by block
// (headings, figures of the key beats, the grids as tables, the complexity
// table with the page's rows), and the key-steps section of a lesson without
// a step by step.
#include <boost/test/unit_test.hpp>

#include <fmt/format.h>

#include <string>
#include <vector>

#include "../support/default_lesson.h"
#include "site/built_lesson.h"
#include "site/handout_document.h"

namespace cl {
namespace {

// The outline of a document: headings as "H<level> text", figures as
// "F caption" (a figure drawn in several lines is captioned under its last), tables as "T caption", one per line.
std::string Outline(const doc::Document& doc) {
  std::string out;
  for (const doc::Block& b : doc.blocks) {
    if (const auto* h = std::get_if<doc::Heading>(&b)) out += "H" + std::to_string(h->level) + " " + doc::PlainText(h->text) + "\n";
    if (const auto* f = std::get_if<doc::Figure>(&b); f && !f->caption.empty()) out += "F " + doc::PlainText(f->caption) + "\n";
    if (const auto* t = std::get_if<doc::Table>(&b)) out += "T " + doc::PlainText(t->caption) + "\n";
  }
  return out;
}

std::string VariantOutline(const std::string& label, int first_figure) {
  auto figure = [&](int offset, int step, const std::string& stage) {
    return "F Figure " + std::to_string(first_figure + offset) + ". " + label + ". Step " + std::to_string(step) +
           " of 23: " + stage + ".\n";
  };
  return "H3 " + label + "\n" +
         "H4 The image and the filter\n" + figure(0, 1, "The image and the filter") +
         "T Input image (6×6)\n" + "T Filter: " + label + " (3×3)\n" +
         "H4 Convolution\n" + figure(1, 2, "Convolution · position 1 of 16") +
         figure(2, 3, "Convolution · position 2 of 16") + figure(3, 17, "Convolution · position 16 of 16") +
         "T Feature map (4×4)\n" +
         "H4 ReLU\n" + figure(4, 18, "ReLU") + "T After ReLU (4×4)\n" +
         "H4 Max pooling\n" + figure(5, 19, "Max pooling · position 1 of 4") + "T After Max pooling (2×2)\n" +
         "H4 Summary\n" + figure(6, 23, "Summary");
}

BOOST_AUTO_TEST_SUITE(handout_document)

BOOST_AUTO_TEST_CASE(key_beats_of_the_default_lesson) {
  const Lesson lesson = testing::DefaultLesson();
  const BuiltLesson built = BuildLesson(lesson);
  const std::vector<int> want = {0, 1, 2, 16, 17, 18, 22};
  for (const BuiltVariant& bv : built.variants) {
    BOOST_TEST(KeyBeats(bv.story) == want, boost::test_tools::per_element());
  }
}

BOOST_AUTO_TEST_CASE(default_lesson_outline) {
  const Lesson lesson = testing::DefaultLesson();
  const doc::Document doc = HandoutDocument(BuildLesson(lesson));
  BOOST_TEST(doc.meta.title == "Convolve, ReLU, pool");
  const std::string want =
      "H1 Convolve, ReLU, pool\n"
      "H2 Step by step\n" +
      VariantOutline("Vertical edge", 1) + VariantOutline("Horizontal edge", 8) +
      "H2 Complexity\n"
      "T Cost for Vertical edge and Horizontal edge: 9 weights shared by 16 positions\n";
  BOOST_TEST(Outline(doc) == want);
}

BOOST_AUTO_TEST_CASE(tables_carry_the_computed_numbers) {
  const Lesson lesson = testing::DefaultLesson();
  const doc::Document doc = HandoutDocument(BuildLesson(lesson));
  const doc::Table* feature_map = nullptr;
  for (const doc::Block& b : doc.blocks) {
    if (const auto* t = std::get_if<doc::Table>(&b); t && doc::PlainText(t->caption) == "Feature map (4×4)") {
      feature_map = t;
      break;
    }
  }
  BOOST_REQUIRE(feature_map != nullptr);
  const std::vector<doc::Runs> header = {{}, doc::Text("0"), doc::Text("1"), doc::Text("2"), doc::Text("3")};
  BOOST_TEST((feature_map->header == header));
  // Signs as tones, which the PDF sets in the scale's blue and orange.
  const doc::Runs negative{doc::Toned("\u2212" "27", doc::Tone::Negative)};
  const doc::Runs positive{doc::Toned("27", doc::Tone::Positive)};
  const std::vector<doc::Runs> row1 = {doc::Text("1"), negative, negative, positive, positive};
  BOOST_REQUIRE(feature_map->rows.size() == 4u);
  BOOST_TEST((feature_map->rows[1] == row1));
}

BOOST_AUTO_TEST_CASE(prose_sections_in_order_and_key_steps_without_a_step_by_step) {
  Lesson lesson = testing::DefaultLesson();
  lesson.variants.resize(1);
  lesson.summary = "";
  lesson.sections = {{SectionKind::Prose, "Intuition", "A *filter* slides.\n\n# Inner"},
                     {SectionKind::Complexity, "", ""}};
  const doc::Document doc = HandoutDocument(BuildLesson(lesson));
  const std::string want =
      "H1 Convolve, ReLU, pool\n"
      "H2 Intuition\n"
      "H3 Inner\n"
      "H2 Complexity\n"
      "T Cost for Vertical edge: 9 weights shared by 16 positions\n"
      "H2 Key steps\n"
      "H3 Vertical edge\n"
      "F Figure 1. Vertical edge. Step 1 of 23: The image and the filter.\n"
      "F Figure 2. Vertical edge. Step 2 of 23: Convolution \u00B7 position 1 of 16.\n"
      "F Figure 3. Vertical edge. Step 3 of 23: Convolution \u00B7 position 2 of 16.\n"
      "F Figure 4. Vertical edge. Step 17 of 23: Convolution \u00B7 position 16 of 16.\n"
      "F Figure 5. Vertical edge. Step 18 of 23: ReLU.\n"
      "F Figure 6. Vertical edge. Step 19 of 23: Max pooling \u00B7 position 1 of 4.\n"
      "F Figure 7. Vertical edge. Step 23 of 23: Summary.\n";
  BOOST_TEST(Outline(doc) == want);
}

// One way of counting: a figure's caption names the step the page names and
// the heading its frame shows, and the frame file of that beat is numbered by
// the same step.
BOOST_AUTO_TEST_CASE(figures_count_as_the_page_and_their_frames_do) {
  const Lesson lesson = testing::DefaultLesson();
  const BuiltLesson built = BuildLesson(lesson);
  const doc::Document doc = HandoutDocument(built);
  int figures = 0;
  for (const doc::Block& b : doc.blocks) {
    const auto* f = std::get_if<doc::Figure>(&b);
    if (f == nullptr || f->caption.empty()) continue;  // (a figure's first lines; the last holds its caption)
    ++figures;
    // The frame's heading is "<label> · <stage heading>"; find its beat.
    const BuiltVariant* owner = nullptr;
    int beat = -1;
    for (const BuiltVariant& bv : built.variants)
      for (std::size_t i = 0; i < bv.story.beats.size(); ++i)
        if (bv.story.beats[i].title == f->scene.title) owner = &bv, beat = static_cast<int>(i);
    BOOST_REQUIRE_MESSAGE(owner != nullptr, f->scene.title);
    const Beat& b2 = owner->story.beats[static_cast<std::size_t>(beat)];
    BOOST_TEST(doc::PlainText(f->caption).find(b2.step + ": " + b2.heading + ".") != std::string::npos, doc::PlainText(f->caption));
    const std::string number = fmt::format("/{:03}-", beat + 1);
    BOOST_TEST(owner->frame_svg[static_cast<std::size_t>(beat)].find(number) != std::string::npos);
    BOOST_TEST(b2.step == "Step " + std::to_string(beat + 1) + " of " + std::to_string(owner->story.beats.size()));
  }
  BOOST_TEST(figures == 14);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace cl
