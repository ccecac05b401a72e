// Brief handout: the output sizes written with a lesson's numbers (hand-worked
// cases), the worked position, and the document of the default lesson and of
// a realistic 9x9 0..255 lesson: prose only (no generated sections), figures
// drawn 1:1 in points inside the text width, every text at least 8 pt and
// every map number at least 9 pt, both variants side by side, and every
// product of the worked position written out.
#include <boost/test/unit_test.hpp>
#include <fmt/format.h>

#include <cmath>
#include <string>
#include <vector>

#include "../support/default_lesson.h"
#include "base/number_format.h"
#include "lesson/loader.h"
#include "render/cairo_pdf_pages.h"
#include "site/brief_handout.h"
#include "site/built_lesson.h"
#include "site/handout_outputs.h"
#include "site/paper_figures.h"
#include "storyboard/captions.h"

namespace cl {
namespace {

// Every text of the document's figures, and those inside a "values" group.
struct FigureTexts {
  std::vector<TextShape> all, values;
};

FigureTexts CollectTexts(const doc::Document& doc) {
  FigureTexts out;
  for (const doc::Block& b : doc.blocks) {
    const auto* f = std::get_if<doc::Figure>(&b);
    if (!f) continue;
    int in_values = 0, depth = 0;
    for (const SceneItem& item : f->scene.items) {
      if (const auto* g = std::get_if<GroupBegin>(&item)) {
        ++depth;
        if (g->role == kPaperValuesRole) in_values = depth;
      } else if (std::holds_alternative<GroupEnd>(item)) {
        if (in_values == depth) in_values = 0;
        --depth;
      } else if (const auto* t = std::get_if<TextShape>(&item)) {
        out.all.push_back(*t);
        if (in_values) out.values.push_back(*t);
      }
    }
  }
  return out;
}

bool HasText(const std::vector<TextShape>& texts, const std::string& text) {
  for (const TextShape& t : texts) {
    if (t.text == text) return true;
  }
  return false;
}

// The checks every brief handout passes, whatever its lesson.
void CheckPaperRules(const doc::Document& doc, const PdfPageGeometry& page) {
  int figures = 0;
  for (const doc::Block& b : doc.blocks) {
    BOOST_TEST(!std::holds_alternative<doc::Table>(b));  // numbers live in the figures, said once
    const auto* f = std::get_if<doc::Figure>(&b);
    if (!f) continue;
    ++figures;
    BOOST_TEST(f->natural_scale == 1.0);
    BOOST_TEST(!f->border);
    BOOST_TEST(f->scene.width <= page.text_width());
    BOOST_TEST(f->scene.height <= page.text_height());
    for (const SceneItem& item : f->scene.items) {
      if (const auto* t = std::get_if<TextShape>(&item)) {
        BOOST_TEST(t->x >= 0);
        BOOST_TEST(t->x <= f->scene.width);
      }
      if (const auto* r = std::get_if<RectShape>(&item)) BOOST_TEST(r->x + r->w <= f->scene.width + 1.5);
    }
  }
  BOOST_TEST(figures > 0);
  const FigureTexts texts = CollectTexts(doc);
  BOOST_TEST(!texts.values.empty());
  for (const TextShape& t : texts.all) BOOST_TEST(t.size >= kPaperTextSize, t.text << " is " << t.size << " pt");
  for (const TextShape& t : texts.values) BOOST_TEST(t.size >= kPaperValueSize, t.text << " is " << t.size << " pt");
}

std::string Headings(const doc::Document& doc) {
  std::string out;
  for (const doc::Block& b : doc.blocks) {
    if (const auto* h = std::get_if<doc::Heading>(&b)) out += "H" + std::to_string(h->level) + " " + doc::PlainText(h->text) + "\n";
  }
  return out;
}

BOOST_AUTO_TEST_SUITE(brief_handout)

BOOST_AUTO_TEST_CASE(output_sizes_of_the_default_lesson) {
  const std::vector<std::string> want = {"Feature map: \u230a(6 \u2212 3) / 1\u230b + 1 = 4",
                                         "Pooled: \u230a(4 \u2212 2) / 2\u230b + 1 = 2"};
  BOOST_TEST(OutputSizeLines(testing::VerticalEdgeVariant()) == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(output_sizes_per_axis_with_padding_dilation_and_leftover_cells) {
  // 7x9 image, 3x3 filter dilated 2 down and 1 across, padding 1/1 top and
  // bottom, stride 2 down: rows ⌊(7 + 1 + 1 − 5) / 2⌋ + 1 = 3, columns
  // ⌊(9 − 3) / 1⌋ + 1 = 7; pooled 2x2 stride 2 with leftovers pooled:
  // ⌈(3 − 2) / 2⌉ + 1 = 2 and ⌈(7 − 2) / 2⌉ + 1 = 4.
  Variant v = testing::SizedVariant(7, 9, 3, 3);
  v.conv.pad_top = v.conv.pad_bottom = 1;
  v.conv.stride_h = 2;
  v.conv.dilation_h = 2;
  v.pool.remainder = Remainder::Pad;
  const std::vector<std::string> want = {
      "Window on the image rows: (3 \u2212 1) \u00b7 2 + 1 = 5",
      "Feature map rows: \u230a(7 + 1 + 1 \u2212 5) / 2\u230b + 1 = 3",
      "Feature map columns: \u230a(9 \u2212 3) / 1\u230b + 1 = 7",
      "Pooled rows: \u2308(3 \u2212 2) / 2\u2309 + 1 = 2",
      "Pooled columns: \u2308(7 \u2212 2) / 2\u2309 + 1 = 4"};
  BOOST_TEST(OutputSizeLines(v) == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(strongest_cell_is_the_first_largest_magnitude) {
  BOOST_TEST(StrongestCell(Grid::FromRows({{1, -3}, {3, 2}})).row == 0);
  BOOST_TEST(StrongestCell(Grid::FromRows({{1, -3}, {3, 2}})).col == 1);
  BOOST_TEST(StrongestCell(Grid::FromRows({{1, 2}, {4, -2}})).row == 1);
  BOOST_TEST(StrongestCell(Grid::FromRows({{1, 2}, {4, -2}})).col == 0);
}

BOOST_AUTO_TEST_CASE(default_lesson_prose_then_the_worked_example_side_by_side) {
  Lesson lesson = testing::DefaultLesson();
  lesson.sections.insert(lesson.sections.begin(), Section{SectionKind::Prose, "Intuition", "Edges *matter*."});
  const BuiltLesson built = BuildLesson(lesson);
  const PdfPageGeometry page = PdfPaper("a4", true);
  const doc::Document doc = BriefHandoutDocument(built, page);
  BOOST_TEST(Headings(doc) == "H1 Convolve, ReLU, pool\nH2 Intuition\nH2 Worked example\n");
  CheckPaperRules(doc, page);

  // The first figure row sets both variants side by side, labels first.
  const doc::Figure* first = nullptr;
  for (const doc::Block& b : doc.blocks) {
    if ((first = std::get_if<doc::Figure>(&b))) break;
  }
  BOOST_REQUIRE(first);
  double vertical_x = -1, horizontal_x = -1;
  for (const SceneItem& item : first->scene.items) {
    if (const auto* t = std::get_if<TextShape>(&item)) {
      if (t->text == "Vertical edge") vertical_x = t->x;
      if (t->text == "Horizontal edge") horizontal_x = t->x;
    }
  }
  BOOST_TEST(vertical_x == 0);
  BOOST_TEST(horizontal_x > page.text_width() / 2);

  // The worked position of each variant is its strongest cell, with every
  // product and the sum, and every map value is printed.
  const FigureTexts texts = CollectTexts(doc);
  for (const BuiltVariant& bv : built.variants) {
    const CellPosition at = StrongestCell(bv.result.conv());
    const ConvTrace trace = TraceConvCell(*bv.variant, at.row, at.col);
    const std::string sum = fmt::format("Sum of the 9 products: {}, the feature map\u2019s cell ({}, {}).",
                                        FormatNumberText(trace.sum), at.row, at.col);
    bool found_sum = false;
    for (const TextShape& t : texts.all) found_sum = found_sum || sum.starts_with(t.text);
    BOOST_TEST(found_sum, sum);
    for (double p : trace.products) BOOST_TEST(HasText(texts.values, FormatNumberCompact(p, 6)));
    for (double v : bv.result.conv().values) BOOST_TEST(HasText(texts.values, FormatNumberCompact(v, 6)));
  }
  const CellPosition at = StrongestCell(built.variants[0].result.conv());
  BOOST_TEST(built.variants[0].result.conv().at(at.row, at.col) == -27.0);  // (1, 0): the bar's left edge
}

// The worked example's last row (the pooled maps and the output sizes)
// does not start a page alone: the row before keeps with it, softly (not
// where that costs a page), and only that one, so the figures may still
// break between their other rows.
BOOST_AUTO_TEST_CASE(the_last_figure_row_keeps_with_the_one_before) {
  const Lesson lesson = testing::DefaultLesson();
  const BuiltLesson built = BuildLesson(lesson);
  const PdfPageGeometry page = PdfPaper("letter", true);
  const doc::Document doc = BriefHandoutDocument(built, page);
  std::vector<bool> keeps;
  for (const doc::Block& b : doc.blocks)
    if (const auto* f = std::get_if<doc::Figure>(&b)) {
      keeps.push_back(f->keep_with_next);
      BOOST_TEST(f->keep_softly == f->keep_with_next);  // never at the cost of a brief handout's page
    }
  BOOST_REQUIRE(keeps.size() >= 3u);
  BOOST_TEST(keeps[keeps.size() - 2]);
  BOOST_TEST(!keeps.back());
  for (size_t i = 0; i + 2 < keeps.size(); ++i) BOOST_TEST(!keeps[i], "row " << i);
}

// A filter's weights print as the lesson has them, and so do the factors of
// the worked products: 0.03125 shortened to 0.031 gave "226·0.031" over
// 7.0625, which it is not.
BOOST_AUTO_TEST_CASE(weights_and_factors_are_printed_exactly) {
  const LoadResult loaded = LoadLessonText(
      "title: W\nimage: {pixels: [[226, 10, 20, 30], [1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]}\n"
      "filter: [[0.03125, 0.0625, 0.03125], [0.0625, 0.125, 0.0625], [0.03125, 0.0625, 0.03125]]\npool: none\n",
      "w.yaml", ".");
  BOOST_REQUIRE(loaded.lesson.has_value());
  const BuiltLesson built = BuildLesson(*loaded.lesson);
  const PdfPageGeometry page = PdfPaper("a4", true);
  const FigureTexts texts = CollectTexts(BriefHandoutDocument(built, page));
  BOOST_TEST(HasText(texts.values, "0.03125"));
  bool factor = false;
  for (const TextShape& t : texts.all) factor = factor || t.text.find("\u00b70.03125") != std::string::npos;
  BOOST_TEST(factor);
}

BOOST_AUTO_TEST_CASE(realistic_lesson_keeps_the_size_rules) {
  const LoadResult loaded = LoadLessonFile(std::string(CONVLESSON_SOURCE_DIR) + "/tests/e2e/lessons/sobel-photo.yaml");
  BOOST_REQUIRE(loaded.lesson.has_value());
  const BuiltLesson built = BuildLesson(*loaded.lesson);
  for (const char* paper : {"a4", "letter"}) {
    const PdfPageGeometry page = PdfPaper(paper, true);
    CheckPaperRules(BriefHandoutDocument(built, page), page);
  }
}

// With channels and several filters the handout gives every channel and
// every filter's slices, and every filter's maps; a transposed lesson's
// worked pixel names each channel's value.
BOOST_AUTO_TEST_CASE(channels_and_filters_lessons_show_every_slice_and_map) {
  for (const char* name : {"/lessons/rgb-several-filters.yaml", "/tests/snippets/lessons/transposed-channels.yaml"}) {
    BOOST_TEST_CONTEXT(name) {
      const LoadResult loaded = LoadLessonFile(std::string(CONVLESSON_SOURCE_DIR) + name);
      BOOST_REQUIRE(loaded.lesson.has_value());
      const BuiltLesson built = BuildLesson(*loaded.lesson);
      const PdfPageGeometry page = PdfPaper("a4", true);
      const doc::Document doc = BriefHandoutDocument(built, page);
      CheckPaperRules(doc, page);
      const FigureTexts texts = CollectTexts(doc);
      std::string all;
      for (const TextShape& t : texts.all) all += t.text + " ";
      for (const BuiltVariant& bv : built.variants) {
        const Variant& v = *bv.variant;
        BOOST_TEST(ChannelCount(v) > 1);
        for (int c = 0; c < ChannelCount(v); ++c)
          for (double x : ChannelAt(v, c).values) BOOST_TEST(HasText(texts.values, FormatNumberCompact(x, 6)));
        for (int k = 0; k < FilterCount(v); ++k) {
          for (int c = 0; c < SliceCount(FilterAt(v, k)); ++c)
            for (double x : SliceAt(FilterAt(v, k), c).values) BOOST_TEST(HasText(texts.values, FormatNumberCompact(x, 6)));
          for (double x : FocusOnFilter(bv.result, k).conv().values) BOOST_TEST(HasText(texts.values, FormatNumberCompact(x, 6)));
        }
        if (!v.conv.transposed) {
          // The worked position's partial sums, channel by channel.
          const CellPosition at = StrongestCell(bv.result.conv());
          const std::string sums = ChannelSumText(v, TraceConvCell(v, at.row, at.col));
          BOOST_TEST(all.find(sums) != std::string::npos, sums);
          continue;
        }
        const CellPosition at = StrongestCell(v.image);
        const ScatterTrace s = TraceScatterCell(v, at.row, at.col);
        for (std::size_t c = 0; c < s.channels.size(); ++c) {
          const std::string term = ChannelName(v, static_cast<int>(c)) + " " + FormatNumberText(s.channels[c].input);
          BOOST_TEST(all.find(term) != std::string::npos, term);
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(handout_kind_from_option_then_lesson_then_brief) {
  Lesson lesson = testing::DefaultLesson();
  RenderOptions options;
  BOOST_TEST((ChosenHandout(lesson, options) == HandoutKind::Brief));
  lesson.handout = HandoutKind::Full;
  BOOST_TEST((ChosenHandout(lesson, options) == HandoutKind::Full));
  options.handout = "brief";
  BOOST_TEST((ChosenHandout(lesson, options) == HandoutKind::Brief));
  lesson.handout.reset();
  options.handout = "full";
  BOOST_TEST((ChosenHandout(lesson, options) == HandoutKind::Full));
}

// The course file's `handout` comes after --handout and the lesson's key.
BOOST_AUTO_TEST_CASE(course_handout_is_the_default_below_option_and_lesson) {
  Lesson lesson = testing::DefaultLesson();
  RenderOptions options;
  options.course.handout = HandoutKind::Full;
  BOOST_TEST((ChosenHandout(lesson, options) == HandoutKind::Full));
  lesson.handout = HandoutKind::Brief;
  BOOST_TEST((ChosenHandout(lesson, options) == HandoutKind::Brief));
  lesson.handout.reset();
  options.handout = "brief";
  BOOST_TEST((ChosenHandout(lesson, options) == HandoutKind::Brief));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace cl
