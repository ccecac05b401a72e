// slides.pdf and the LaTeX figures as the lesson writers make them: the title
// slide's words, a slide per beat, a PDF per beat only on request, and
// figures.tex naming every figure with its caption escaped for LaTeX.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "../support/default_lesson.h"
#include "base/file_sink.h"
#include "render/cairo_scene_pdf.h"
#include "site/built_lesson.h"
#include "site/figure_files.h"
#include "site/latex_text.h"
#include "site/lesson_outputs.h"
#include "scene/title_slide.h"
#include "site/slide_deck.h"

namespace bdata = boost::unit_test::data;
using namespace cl;
using cl::testing::DefaultLesson;

namespace {

int Count(const std::string& text, const std::string& what) {
  int n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

// Pages of a PDF Cairo wrote: its page objects.
int PageCount(const std::string& pdf) { return Count(pdf, "/Type /Page %"); }

}  // namespace

BOOST_AUTO_TEST_CASE(TitleSlideNamesEveryVariantWithItsSettings) {
  const Lesson lesson = DefaultLesson();
  const BuiltLesson built = BuildLesson(lesson);
  const TitleSlideText text = LessonTitleSlide(built, Course{});
  BOOST_TEST(text.title == lesson.title);
  BOOST_TEST(text.summary == lesson.summary);
  BOOST_REQUIRE(text.facts.size() == 2);
  BOOST_TEST(text.facts[0] ==
             "Vertical edge: 6×6 image, 3×3 filter, no padding, stride 1, ReLU, 2×2 max pooling with stride 2");
  BOOST_TEST(text.footer.empty());  // no course file: nothing to credit
  Course course;
  course.path = "lessons/course.yaml";
  course.title = "Vision 101";
  course.author = "A. Teacher";
  BOOST_TEST(LessonTitleSlide(built, course).footer == "Vision 101 · A. Teacher");
}

// More facts than the slide holds: those shown end in a line "…", never
// silently fewer (the "…" itself once fell off the slide).
BOOST_AUTO_TEST_CASE(TitleSlideSaysWhenVariantsAreLeftOut) {
  // A two-line title, a one-line summary and nine variants of two lines
  // each (a teacher's lesson, once shown as four variants and no "…").
  TitleSlideText text;
  text.title = "Kanten finden mit einem 3\u00d73-Filter \u2013 Gr\u00f6\u00dfen\u00e4nderung und \u00dcberg\u00e4nge";
  text.summary = "Ein heller Balken, ein Kantenfilter, ReLU und Max-Pooling.";
  for (int i = 0; i < 9; ++i)
    text.facts.push_back("Variante " + std::to_string(i) +
                         ": 7\u00d77 image, 3\u00d73 filter, zero padding of 1 on every side, stride 1, Leaky ReLU, "
                         "3\u00d73 average pooling with stride 2, keeping the partial windows at the edge");
  const Scene scene = LayoutTitleSlide(text);
  int shown = 0;
  bool ellipsis = false;
  for (const SceneItem& item : scene.items)
    if (const auto* t = std::get_if<TextShape>(&item)) {
      shown += t->text.starts_with("Variante ");
      ellipsis = ellipsis || t->text == "\u2026";
    }
  BOOST_TEST_REQUIRE(shown > 0);
  BOOST_TEST(shown < 9);
  BOOST_TEST(ellipsis);
}

BOOST_AUTO_TEST_CASE(DeckHasTheTitleAndASlidePerBeat) {
  const Lesson lesson = DefaultLesson();
  const BuiltLesson built = BuildLesson(lesson);
  int beats = 0;
  for (const BuiltVariant& bv : built.variants) beats += static_cast<int>(bv.story.beats.size());
  BOOST_TEST(SlideCount(built) == beats + 1);

  RenderOptions options;
  options.only = {"slides"};
  MemoryFileSink sink;
  std::vector<Diagnostic> diagnostics;
  BOOST_REQUIRE(RenderLessonOutputs(lesson, options, sink, &diagnostics));
  BOOST_REQUIRE(sink.files().count("slides.pdf") == 1);
  BOOST_TEST(sink.files().size() == 1u);
  const std::string& pdf = sink.files().at("slides.pdf");
  BOOST_TEST(PageCount(pdf) == beats + 1);
  BOOST_TEST(pdf.find("/MediaBox [ 0 0 960 540 ]") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(SlidesFitAndNeverGrowPastTheSlidesLayoutScale) {
  BOOST_TEST(SlideScale(1920, 1080) == 0.5);
  BOOST_TEST(SlideScale(1280, 720) == 0.5);       // a smaller frame is not blown up
  BOOST_TEST(SlideScale(1920, 2160) == 0.25);     // a taller one shrinks to the height
  BOOST_TEST(SlideScale(3840, 1080) == 0.25);     // a wider one to the width
}

BOOST_AUTO_TEST_CASE(PdfFiguresOnlyOnRequest) {
  Lesson lesson = DefaultLesson();
  RenderOptions options;
  options.only = {"json"};
  BOOST_TEST(!WantsPdfFrames(lesson, options));
  lesson.pdf_frames = true;
  BOOST_TEST(!WantsPdfFrames(lesson, options));  // --only names other kinds: the key adds nothing
  options.only.clear();
  BOOST_TEST(WantsPdfFrames(lesson, options));
  lesson.pdf_frames = false;
  BOOST_TEST(!WantsPdfFrames(lesson, options));  // a full build without the key
  options.only = {"pdf-frames"};
  BOOST_TEST(WantsPdfFrames(lesson, options));

  MemoryFileSink sink;
  std::vector<Diagnostic> diagnostics;
  BOOST_REQUIRE(RenderLessonOutputs(lesson, options, sink, &diagnostics));
  const BuiltLesson built = BuildLesson(lesson);
  const std::vector<std::string> paths = PdfFramePaths(built);
  BOOST_TEST(sink.files().size() == paths.size() + 1);  // the figures and figures.tex
  for (const std::string& path : paths) {
    BOOST_REQUIRE(sink.files().count(path) == 1);
    BOOST_TEST(PageCount(sink.files().at(path)) == 1);
  }
  BOOST_TEST(paths.front() == "frames/vertical-edge/001-intro.pdf");
  BOOST_TEST(sink.files().at("figures.tex") == FiguresTex(built));
}

BOOST_AUTO_TEST_CASE(FiguresTexHasEveryBeatWithItsCaption) {
  const Lesson lesson = DefaultLesson();
  const BuiltLesson built = BuildLesson(lesson);
  const std::string tex = FiguresTex(built);
  const std::vector<std::string> paths = PdfFramePaths(built);
  BOOST_TEST(Count(tex, "\\includegraphics") == static_cast<int>(paths.size()));
  BOOST_TEST(Count(tex, "\\begin{figure}") == Count(tex, "\\end{figure}"));
  for (const std::string& path : paths) BOOST_TEST(Count(tex, "{\\convlessonfigures " + path + "}") == 1, path);
  const Beat& second = built.variants[0].story.beats[1];
  BOOST_TEST(Count(tex, "\\caption{" + LatexEscape(second.caption) + "}") == 1);
  BOOST_TEST(Count(tex, "\\label{fig:" + lesson.id + ":vertical-edge:002}") == 1);
  BOOST_TEST(Count(tex, "\\providecommand{\\convlessonfigures}{" + lesson.id + "/}") == 1);
}

struct LatexCase {
  const char* text;
  const char* want;
};
std::ostream& operator<<(std::ostream& os, const LatexCase& c) { return os << c.text; }

BOOST_DATA_TEST_CASE(LatexEscapeKeepsTextAndEscapesTheRest,
                     bdata::make(std::vector<LatexCase>{
                         {"plain words 12", "plain words 12"},
                         {"50% & $5 #1 a_b {x} ~ ^ \\", "50\\% \\& \\$5 \\#1 a\\_b \\{x\\} \\textasciitilde{} "
                                                        "\\textasciicircum{} \\textbackslash{}"},
                         {"\u22122 × 3 · 4 …", "\\textminus{}2 \\texttimes{} 3 \\textperiodcentered{} 4 \\dots{}"},
                         {"⌊9/2⌋ ≈ 4", "\\ensuremath{\\lfloor}9/2\\ensuremath{\\rfloor} \\ensuremath{\\approx} 4"},
                         {"Détecté – “bord”", "Détecté -- ``bord''"},
                         {"a<b>c|d", "a\\textless{}b\\textgreater{}c\\textbar{}d"},
                         {"two\nlines", "two lines"},
                     }),
                     c) {
  BOOST_TEST(LatexEscape(c.text) == c.want);
}

// A block of cells on many slides (a photograph in every beat) is embedded
// once: each distinct picture is one image object, however many pages show it.
BOOST_AUTO_TEST_CASE(DeckHoldsEachPictureOnce) {
  const auto block = [](int seed) {
    CellsShape c;
    c.x = c.y = 10;
    c.cell_w = c.cell_h = 3;
    c.rows = c.cols = 40;
    std::vector<Color> fills;
    for (int i = 0; i < c.rows * c.cols; ++i)
      fills.push_back(Color{static_cast<uint8_t>(i * 7 + seed), static_cast<uint8_t>(i * 13), static_cast<uint8_t>(i)});
    c.fills = BlockFills(std::move(fills));
    return c;
  };
  const auto slide = [&](int i) {
    Scene s;
    s.width = 200;
    s.height = 150;
    s.items.push_back(block(i < 3 ? 0 : 1));  // slides 0-2 share a picture, slide 3 has its own
    return s;
  };
  std::string pdf, error;
  BOOST_TEST_REQUIRE(WriteSlideDeckPdf(4, slide, ScenePdfOptions{}, &pdf, &error), error);
  BOOST_TEST(PageCount(pdf) == 4);
  BOOST_TEST(Count(pdf, "/Subtype /Image") == 2);
}

// An outermost group that repeats from one slide to the next is drawn once,
// as a form the pages share; one that changes is drawn on its slide, with
// the groups inside it. Slides 0-3 show grid A, 4-5 grid B, and the map and
// the products (whose label changes) change on every slide: A becomes a
// form on slide 1, B on slide 5, and nothing else does, not even the
// unchanging group inside the products.
BOOST_AUTO_TEST_CASE(DeckHoldsEachRepeatedGroupOnce) {
  const auto group = [](Scene* s, const std::string& id, int seed) {
    s->items.push_back(GroupBegin{id, "grid", ""});
    for (int i = 0; i < 30; ++i) {
      RectShape cell;
      cell.x = 10.0 + i, cell.y = 10, cell.w = cell.h = 1;
      s->items.push_back(cell);
      TextShape number;
      number.x = 10.0 + i, number.y = 20, number.text = std::to_string(i * seed);
      s->items.push_back(number);
    }
    s->items.push_back(GroupEnd{});
  };
  const auto slide = [&](int i) {
    Scene s;
    s.width = 200;
    s.height = 150;
    group(&s, "input", i < 4 ? 1 : 2);
    group(&s, "map", i + 3);
    // A group inside one that changes: painted with it, never a form of its own.
    s.items.push_back(GroupBegin{"products", "products", std::to_string(i)});
    group(&s, "product", 1);
    s.items.push_back(GroupEnd{});
    return s;
  };
  std::string pdf, error;
  BOOST_TEST_REQUIRE(WriteSlideDeckPdf(6, slide, ScenePdfOptions{}, &pdf, &error), error);
  BOOST_TEST(PageCount(pdf) == 6);
  BOOST_TEST(Count(pdf, "/Subtype /Form") == 2);
  // The same deck twice: the same bytes.
  std::string again;
  BOOST_TEST_REQUIRE(WriteSlideDeckPdf(6, slide, ScenePdfOptions{}, &again, &error), error);
  BOOST_TEST((pdf == again));
}
