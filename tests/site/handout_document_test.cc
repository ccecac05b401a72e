// Handout document: what the default lesson's handout says, block by block
// (headings, figures of the key beats, the grids as tables, the complexity
// table with the page's rows), and the key-steps section of a lesson without
// a step by step.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "../support/default_lesson.h"
#include "site/built_lesson.h"
#include "site/handout_document.h"

namespace cl {
namespace {

// The outline of a document: headings as "H<level> text", figures as
// "F caption" (a figure drawn in several lines is captioned under its last), tables as "T caption", one per line.
std::string Outline(const PdfDocument& doc) {
  std::string out;
  for (const PdfBlock& b : doc.blocks) {
    if (const auto* h = std::get_if<PdfHeading>(&b)) out += "H" + std::to_string(h->level) + " " + h->markup + "\n";
    if (const auto* f = std::get_if<PdfFigure>(&b); f && !f->caption.empty()) out += "F " + f->caption + "\n";
    if (const auto* t = std::get_if<PdfTable>(&b)) out += "T " + t->caption + "\n";
  }
  return out;
}

std::string VariantOutline(const std::string& label, int first_figure) {
  auto figure = [&](int offset, int step, const std::string& stage) {
    return "F Figure " + std::to_string(first_figure + offset) + ". " + label + ", step " + std::to_string(step) +
           " of 23 (" + stage + ").\n";
  };
  return "H3 " + label + "\n" +
         "H4 The image and the filter\n" + figure(0, 1, "The image and the filter") +
         "T Input image (6×6)\n" + "T Filter: " + label + " (3×3)\n" +
         "H4 Convolution\n" + figure(1, 2, "Convolution") + figure(2, 3, "Convolution") +
         figure(3, 17, "Convolution") + "T Feature map (4×4)\n" +
         "H4 ReLU\n" + figure(4, 18, "ReLU") + "T After ReLU (4×4)\n" +
         "H4 Max pooling\n" + figure(5, 19, "Max pooling") + "T After Max pooling (2×2)\n" +
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
  const PdfDocument doc = HandoutDocument(BuildLesson(lesson));
  BOOST_TEST(doc.title == "Convolve, ReLU, pool");
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
  const PdfDocument doc = HandoutDocument(BuildLesson(lesson));
  const PdfTable* feature_map = nullptr;
  for (const PdfBlock& b : doc.blocks) {
    if (const auto* t = std::get_if<PdfTable>(&b); t && t->caption == "Feature map (4×4)") {
      feature_map = t;
      break;
    }
  }
  BOOST_REQUIRE(feature_map != nullptr);
  BOOST_TEST(feature_map->header == (std::vector<std::string>{"", "0", "1", "2", "3"}),
             boost::test_tools::per_element());
  const std::string blue = "<span foreground=\"#2166ac\">", orange = "<span foreground=\"#b35806\">";
  const std::vector<std::string> row1 = {"1", blue + "\u2212" "27</span>", blue + "\u2212" "27</span>",
                                         orange + "27</span>", orange + "27</span>"};
  BOOST_REQUIRE(feature_map->rows.size() == 4u);
  BOOST_TEST(feature_map->rows[1] == row1, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(prose_sections_in_order_and_key_steps_without_a_step_by_step) {
  Lesson lesson = testing::DefaultLesson();
  lesson.variants.resize(1);
  lesson.summary = "";
  lesson.sections = {{SectionKind::Prose, "Intuition", "A *filter* slides.\n\n# Inner"},
                     {SectionKind::Complexity, "", ""}};
  const PdfDocument doc = HandoutDocument(BuildLesson(lesson));
  const std::string want =
      "H1 Convolve, ReLU, pool\n"
      "H2 Intuition\n"
      "H3 Inner\n"
      "H2 Complexity\n"
      "T Cost for Vertical edge: 9 weights shared by 16 positions\n"
      "H2 Key steps\n"
      "H3 Vertical edge\n"
      "F Figure 1. Vertical edge, step 1 of 23 (The image and the filter).\n"
      "F Figure 2. Vertical edge, step 2 of 23 (Convolution).\n"
      "F Figure 3. Vertical edge, step 3 of 23 (Convolution).\n"
      "F Figure 4. Vertical edge, step 17 of 23 (Convolution).\n"
      "F Figure 5. Vertical edge, step 18 of 23 (ReLU).\n"
      "F Figure 6. Vertical edge, step 19 of 23 (Max pooling).\n"
      "F Figure 7. Vertical edge, step 23 of 23 (Summary).\n";
  BOOST_TEST(Outline(doc) == want);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace cl
