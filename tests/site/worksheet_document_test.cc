// Worksheet and answer key: the questions and answers of the default lesson
// (worked by hand from its 6x6 bar), the worksheet holding only the given
// numbers (image and filter) and none of the maps', and the key holding
// every value of every map.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "../support/default_lesson.h"
#include "base/number_format.h"
#include "lesson/loader.h"
#include "site/built_lesson.h"
#include "site/paper_figures.h"
#include "site/worksheet_document.h"

namespace cl {
namespace {

// Every text a document shows: paragraphs' and headings' markup, and the
// figures' texts; `values` only those inside a map's "values" group.
struct DocumentTexts {
  std::vector<std::string> all, values;
};

DocumentTexts Texts(const doc::Document& doc) {
  DocumentTexts out;
  for (const doc::Block& b : doc.blocks) {
    if (const auto* p = std::get_if<doc::Paragraph>(&b)) out.all.push_back(doc::PlainText(p->text));
    if (const auto* h = std::get_if<doc::Heading>(&b)) out.all.push_back(doc::PlainText(h->text));
    const auto* f = std::get_if<doc::Figure>(&b);
    if (!f) continue;
    bool in_values = false;
    for (const SceneItem& item : f->scene.items) {
      if (const auto* g = std::get_if<GroupBegin>(&item)) in_values = g->role == kPaperValuesRole;
      if (std::holds_alternative<GroupEnd>(item)) in_values = false;
      if (const auto* t = std::get_if<TextShape>(&item)) {
        out.all.push_back(t->text);
        if (in_values) out.values.push_back(t->text);
      }
    }
  }
  return out;
}

// The words of `texts` that read as numbers, punctuation around them dropped.
std::set<std::string> NumberWords(const std::vector<std::string>& texts) {
  std::set<std::string> words;
  for (const std::string& text : texts) {
    std::string word;
    auto flush = [&] {
      while (!word.empty() && std::string(".,;:)").find(word.back()) != std::string::npos) word.pop_back();
      while (!word.empty() && word.front() == '(') word.erase(0, 1);
      if (!word.empty()) words.insert(word);
      word.clear();
    };
    for (char c : text) {
      if (c == ' ' || c == '\n') {
        flush();
      } else {
        word += c;
      }
    }
    flush();
  }
  return words;
}

// The numbers a worksheet may show: its image and filter values and biases,
// row and column indices, sizes and settings (small whole numbers).
std::set<std::string> GivenNumbers(const Lesson& lesson) {
  std::set<std::string> given;
  for (int i = 0; i <= 64; ++i) given.insert(std::to_string(i));
  for (const Variant& v : lesson.variants) {
    for (int c = 0; c < ChannelCount(v); ++c)
      for (double x : ChannelAt(v, c).values) given.insert(FormatNumberCompact(x, 6));
    for (int k = 0; k < FilterCount(v); ++k) {
      given.insert(FormatNumberCompact(FilterAt(v, k).bias, 6));  // in the filter's title
      for (int c = 0; c < SliceCount(FilterAt(v, k)); ++c)
        for (double x : SliceAt(FilterAt(v, k), c).values) given.insert(FormatNumberCompact(x, 6));
    }
  }
  return given;
}

void CheckWorksheetAndKey(const Lesson& lesson) {
  const BuiltLesson built = BuildLesson(lesson);
  const doc::PageGeometry page = doc::Paper("a4", true);
  const DocumentTexts sheet = Texts(WorksheetDocument(built, page, false));
  const DocumentTexts key = Texts(WorksheetDocument(built, page, true));

  // The worksheet's numbered cells are exactly its images (every channel,
  // padding included) and filters (every slice of every filter): every map
  // grid is empty.
  size_t given_cells = 0;
  for (const Variant& v : lesson.variants) {
    given_cells += static_cast<size_t>(ChannelCount(v)) *
                   static_cast<size_t>(v.image->rows + v.conv.pad_top + v.conv.pad_bottom) *
                   static_cast<size_t>(v.image->cols + v.conv.pad_left + v.conv.pad_right);
    for (int k = 0; k < FilterCount(v); ++k)
      given_cells += static_cast<size_t>(SliceCount(FilterAt(v, k))) * FilterAt(v, k).weights.values.size();
  }
  BOOST_TEST(sheet.values.size() == given_cells);

  const std::set<std::string> sheet_words = NumberWords(sheet.all), key_values(key.values.begin(), key.values.end());
  const std::set<std::string> given = GivenNumbers(lesson);
  int hidden = 0;
  for (const BuiltVariant& bv : built.variants) {
    // Every filter's maps (one filter: the result's own).
    std::vector<const Grid*> maps, convs;
    if (bv.result.maps.size() > 1) {
      for (const FilterMaps& m : bv.result.maps) {
        convs.push_back(&m.conv);
        maps.insert(maps.end(), {&m.conv, &m.activated});
        if (m.pooled) maps.push_back(&*m.pooled);
      }
    } else {
      convs.push_back(&bv.result.conv());
      maps = {&bv.result.conv(), &bv.result.activated()};
      if (bv.result.pooled()) maps.push_back(&*bv.result.pooled());
    }
    for (const Grid* map : maps) {
      for (double x : map->values) {
        const std::string text = FormatNumberCompact(x, 6);
        BOOST_TEST(key_values.count(text) == 1u, "the key lacks " << text);
        if (std::count(convs.begin(), convs.end(), map) && !given.count(text)) {
          ++hidden;
          BOOST_TEST(!sheet_words.count(text), "the worksheet gives away " << text);
        }
      }
    }
  }
  BOOST_TEST(hidden > 0);  // the check above had something to look for
}

BOOST_AUTO_TEST_SUITE(worksheet_document)

BOOST_AUTO_TEST_CASE(questions_of_the_default_lesson) {
  const Lesson lesson = testing::DefaultLesson();
  const BuiltLesson built = BuildLesson(lesson);
  const std::vector<Exercise> q = VariantQuestions(built.variants[0]);
  BOOST_REQUIRE(q.size() == 5u);
  BOOST_TEST(q[0].answer == "Feature map: \u230a(6 \u2212 3) / 1\u230b + 1 = 4; Pooled: \u230a(4 \u2212 2) / 2\u230b + 1 = 2.");
  BOOST_TEST(q[1].answer ==
             "0\u00b71 + 0\u00b70 + 0\u00b7(\u22121) + 0\u00b71 + 0\u00b70 + 9\u00b7(\u22121) + 0\u00b71 + 0\u00b70 + "
             "9\u00b7(\u22121) = \u221218.");
  BOOST_TEST(q[2].answer ==
             "Position (1, 2), with 27 (and 3 more positions with the same value). There the products of the positive "
             "weights add up to 27 and those of the negative weights to 0, and no other window\u2019s sum comes out "
             "larger.");
  BOOST_TEST(q[3].question == "What does ReLU change in the feature map?");
  BOOST_TEST(q[3].answer ==
             "It sets the 8 negative cells to 0: (0, 0), (0, 1), (1, 0), (1, 1), (2, 0), (2, 1), (3, 0) and (3, 1). "
             "The 8 other cells pass unchanged.");
  BOOST_TEST(q[4].answer ==
             "The largest value of each 2\u00d72 window, moved 2 at a time: the window over rows 0 to 1, columns "
             "2 to 3 holds 18, 18, 27, 27 and keeps 27, pooled cell (0, 1). The map shrinks to 2\u00d72.");
}

// A negative pixel after the first product is bracketed, as in the page's
// caption: "+ (−2)·1", never "+ −2·1".
BOOST_AUTO_TEST_CASE(negative_pixels_in_the_products_are_bracketed) {
  const LoadResult loaded =
      LoadLessonText("title: T\nimage: {pixels: [[-1, -2], [3, -4]]}\nfilter: [[1, 2], [-3, 4]]\npool: none\n", "t.yaml", ".");
  BOOST_REQUIRE(loaded.lesson.has_value());
  const std::vector<Exercise> q = VariantQuestions(BuildLesson(*loaded.lesson).variants[0]);
  BOOST_REQUIRE(q.size() >= 2u);
  BOOST_TEST(q[1].answer == "\u22121\u00b71 + (\u22122)\u00b72 + 3\u00b7(\u22123) + (\u22124)\u00b74 = \u221230.");
  // A filter's bias is in the sum, as in the frame's caption.
  const LoadResult biased = LoadLessonText(
      "title: T\nimage: {pixels: [[1, 2], [0.5, 4]]}\nfilter: {weights: [[1, -0.5], [0.25, 2]], bias: -1}\npool: none\n",
      "t.yaml", ".");
  BOOST_REQUIRE(biased.lesson.has_value());
  BOOST_TEST(VariantQuestions(BuildLesson(*biased.lesson).variants[0])[1].answer ==
             "1\u00b71 + 2\u00b7(\u22120.5) + 0.5\u00b70.25 + 4\u00b72 + bias (\u22121) = 7.125.");
}

// A 20x20 picture (0..255, same padding, ReLU, max pooling) is too large to
// work by hand: the sheet takes a 4x4 block of the map, whole pooling windows
// around the strongest pooled cell, and the 6x6 of the padded image its
// windows read; the questions and the key are about that block.
BOOST_AUTO_TEST_CASE(a_large_picture_is_worked_on_a_part) {
  std::string yaml = "title: Big\nimage:\n  pixels:\n";
  for (int r = 0; r < 20; ++r) {
    yaml += "    - [";
    for (int c = 0; c < 20; ++c) yaml += (c ? ", " : "") + std::to_string((r * 37 + c * c * 11 + r * c * 5) % 256);
    yaml += "]\n";
  }
  yaml += "filter: sobel-x\nconv: {padding: same}\nactivation: relu\npool: {type: max, size: 2}\n";
  const LoadResult loaded = LoadLessonText(yaml, "big.yaml", ".");
  BOOST_REQUIRE(loaded.lesson.has_value());
  const BuiltLesson built = BuildLesson(*loaded.lesson);
  const BuiltVariant& bv = built.variants[0];
  const VariantResult& r = bv.result;
  const doc::PageGeometry page = doc::Paper("a4", true);

  const WorkedPart part = PartToWork(built, bv, page.text_width(), page.text_height());
  BOOST_TEST(!part.whole);
  const CellPosition strongest = StrongestCell(*r.pooled());
  BOOST_TEST(part.pooled.rows == 2);
  BOOST_TEST(part.pooled.Contains(strongest.row, strongest.col));
  BOOST_TEST((part.conv.row0 == part.pooled.row0 * 2 && part.conv.col0 == part.pooled.col0 * 2));
  BOOST_TEST((part.conv.rows == 4 && part.conv.cols == 4));
  BOOST_TEST((part.input.row0 == part.conv.row0 && part.input.rows == 6 && part.input.cols == 6));

  // The sheet prints the image's part (padding zeros included) and the
  // filter, and no map value; the key every value of the block.
  const DocumentTexts sheet = Texts(WorksheetDocument(built, page, false));
  const DocumentTexts key = Texts(WorksheetDocument(built, page, true));
  BOOST_TEST(sheet.values.size() == 6u * 6u + 9u);
  const std::multiset<std::string> key_values(key.values.begin(), key.values.end());
  for (int row = part.conv.row0; row < part.conv.row0 + 4; ++row)
    for (int col = part.conv.col0; col < part.conv.col0 + 4; ++col)
      BOOST_TEST(key_values.count(FormatNumberCompact(r.conv().at(row, col), 6)) >= 1u);
  BOOST_TEST(key.values.size() == 6u * 6u + 9u + 16u + 16u + 4u);
  BOOST_TEST(std::count(sheet.all.begin(), sheet.all.end(), EnglishMessages().Text(Msg::ws_part_note)) == 1);

  // The products are the block's first cell's, and add up to it.
  const std::vector<Exercise> q = VariantQuestions(bv, part);
  const std::string first = "(" + std::to_string(part.conv.row0) + ", " + std::to_string(part.conv.col0) + ")";
  BOOST_TEST(q[1].question.find("cell " + first) != std::string::npos, q[1].question);
  BOOST_TEST(q[1].answer.ends_with(" = " + FormatNumberText(r.conv().at(part.conv.row0, part.conv.col0)) + "."),
             q[1].answer);
  BOOST_TEST(q[2].question.find("this part") != std::string::npos);

  // A lesson whose grids fit is worked whole.
  const Lesson default_lesson = testing::DefaultLesson();
  const BuiltLesson small = BuildLesson(default_lesson);
  BOOST_TEST(PartToWork(small, small.variants[0], page.text_width(), page.text_height()).whole);
}

// Parts that once went wrong: a picture whose strongest answers are windows
// of padding alone (its part is still about the picture), and a tall narrow
// one whose whole maps fit the width but not the page.
BOOST_AUTO_TEST_CASE(a_part_reads_the_picture_and_tall_pictures_get_one) {
  const doc::PageGeometry page = doc::Paper("a4", true);
  const auto rows_text = [](int rows, int cols, int modulo) {
    std::string text;
    for (int r = 0; r < rows; ++r) {
      text += "    - [";
      for (int c = 0; c < cols; ++c) text += (c ? ", " : "") + std::to_string((r * 7 + c * 3) % modulo);
      text += "]\n";
    }
    return text;
  };
  const LoadResult padded = LoadLessonText("title: P\nimage:\n  pixels:\n" + rows_text(20, 20, 10) +
                                               "filter: {weights: [[-1, -1, -1], [-1, -1, -1], [-1, -1, -1]], bias: 500}\n"
                                               "conv: {padding: 8}\nactivation: relu\npool: none\n",
                                           "p.yaml", ".");
  BOOST_REQUIRE(padded.lesson.has_value());
  const BuiltLesson built = BuildLesson(*padded.lesson);
  const WorkedPart part = PartToWork(built, built.variants[0], page.text_width(), page.text_height());
  BOOST_REQUIRE(!part.whole);
  // Its image part holds pixels of the picture, not padding alone.
  BOOST_TEST(part.input.row0 + part.input.rows > 8);
  BOOST_TEST(part.input.row0 < 8 + 20);
  BOOST_TEST(part.input.col0 + part.input.cols > 8);
  BOOST_TEST(part.input.col0 < 8 + 20);

  const LoadResult tall = LoadLessonText("title: T\nimage:\n  pixels:\n" + rows_text(40, 6, 256) +
                                             "filter: sobel-y\nconv: {padding: 1}\npool: none\n",
                                         "t.yaml", ".");
  BOOST_REQUIRE(tall.lesson.has_value());
  const BuiltLesson tall_built = BuildLesson(*tall.lesson);
  const WorkedPart tall_part = PartToWork(tall_built, tall_built.variants[0], page.text_width(), page.text_height());
  BOOST_TEST(!tall_part.whole);
  BOOST_TEST(tall_part.conv.rows == kWorkedPartSide);
}

BOOST_AUTO_TEST_CASE(leaky_relu_and_no_pooling) {
  Lesson lesson = testing::DefaultLesson();
  lesson.variants.resize(1);
  lesson.variants[0].activation = {ActivationType::LeakyRelu, 0.25};
  lesson.variants[0].pool.enabled = false;
  const BuiltLesson built = BuildLesson(lesson);
  const std::vector<Exercise> q = VariantQuestions(built.variants[0]);
  BOOST_REQUIRE(q.size() == 4u);  // no pooling question
  BOOST_TEST(q[0].answer == "Feature map: \u230a(6 \u2212 3) / 1\u230b + 1 = 4.");
  BOOST_TEST(q[3].answer ==
             "It multiplies the 8 negative cells by the slope 0.25: \u221218 at (0, 0) becomes \u22124.5. The 8 other "
             "cells pass unchanged.");
}

BOOST_AUTO_TEST_CASE(default_lesson_worksheet_hides_the_maps_and_the_key_shows_them) {
  CheckWorksheetAndKey(testing::DefaultLesson());
}

BOOST_AUTO_TEST_CASE(realistic_lesson_worksheet_hides_the_maps_and_the_key_shows_them) {
  const LoadResult loaded = LoadLessonFile(std::string(CONVLESSON_SOURCE_DIR) + "/tests/e2e/lessons/sobel-photo.yaml");
  BOOST_REQUIRE(loaded.lesson.has_value());
  CheckWorksheetAndKey(*loaded.lesson);
}

// Every channel and every filter's slices are given (a sheet with one
// channel could not be worked), and every filter's maps asked for.
BOOST_AUTO_TEST_CASE(channels_and_filters_worksheet_gives_every_slice_and_asks_every_map) {
  for (const char* name : {"/lessons/rgb-several-filters.yaml", "/tests/snippets/lessons/transposed-channels.yaml"}) {
    const LoadResult loaded = LoadLessonFile(std::string(CONVLESSON_SOURCE_DIR) + name);
    BOOST_REQUIRE(loaded.lesson.has_value());
    BOOST_TEST_CONTEXT(name) { CheckWorksheetAndKey(*loaded.lesson); }
  }
}

// A grid whose numbers were rounded to fit its cells says so under it, as
// the web page's tables do: a student's exact answer must not look wrong
// beside the key. Whole numbers need no note.
BOOST_AUTO_TEST_CASE(the_key_says_where_it_rounds) {
  const doc::PageGeometry page = doc::Paper("a4", true);
  const auto notes = [&](const Lesson& lesson) {  // (wrapped to its grid's width: its first line)
    const DocumentTexts key = Texts(WorksheetDocument(BuildLesson(lesson), page, true));
    return std::count_if(key.all.begin(), key.all.end(),
                         [](const std::string& text) { return text.starts_with("Numbers rounded to fit;"); });
  };
  BOOST_TEST(notes(testing::DefaultLesson()) == 0);
  const LoadResult loaded = LoadLessonText(
      "title: Decimals\nimage: {pixels: [[163, -91, 247, 139], [712, 69, 684, 101], [833, 75, 406, 132], "
      "[44, 391, 107, 222]]}\nfilter: [[0.071, -0.823], [-0.237, 0.129]]\npool: none\nactivation: none\n",
      "t.yaml", ".");
  BOOST_REQUIRE(loaded.lesson.has_value());
  const BuiltLesson built = BuildLesson(*loaded.lesson);
  BOOST_REQUIRE(FormatNumberCompact(built.variants[0].result.conv().at(0, 0), 6) !=
                FormatNumberText(built.variants[0].result.conv().at(0, 0)));  // −73.377: at most 6 characters, −73.38
  BOOST_TEST(notes(*loaded.lesson) == 1);  // the feature map's; the given numbers fit
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace cl
