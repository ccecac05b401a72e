// The lesson page rendered with the real templates/: escaping of everything
// the author wrote, the page's outline, the static frame list, the generated
// sections' numbers, the player's data block and the download links.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <regex>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "built_by_hand.h"
#include "lesson/loader.h"
#include "site/number_table.h"
#include "site/page.h"
#include "site/templates.h"
#include "../support/default_lesson.h"

namespace bdata = boost::unit_test::data;

namespace {

const std::vector<std::string> kDefaultSlugs = {"vertical-edge", "horizontal-edge"};

cl::TemplateSet RealTemplates() {
  cl::TemplateSet t;
  std::string error;
  BOOST_TEST_REQUIRE(t.Load(CONVLESSON_SOURCE_DIR "/templates", &error), error);
  return t;
}

std::string Render(const cl::Lesson& lesson, const std::vector<std::string>& slugs, cl::RenderOptions options = {}) {
  cl::BuiltLesson built = cl::testing::BuildByHand(lesson, slugs);
  std::string html, error;
  BOOST_TEST_REQUIRE(cl::RenderLessonPage(built, options, RealTemplates(), &html, &error), error);
  return html;
}

std::size_t Count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

std::vector<std::string> AllMatches(const std::string& text, const std::string& pattern) {
  std::vector<std::string> out;
  std::regex re(pattern);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) {
    out.push_back((*it)[1].str());
  }
  return out;
}

nlohmann::json PlayerData(const std::string& html) {
  const std::string open = "<script type=\"application/json\" id=\"player-data\">";
  std::size_t begin = html.find(open);
  BOOST_TEST_REQUIRE(begin != std::string::npos);
  begin += open.size();
  std::size_t end = html.find("</script>", begin);
  return nlohmann::json::parse(html.substr(begin, end - begin));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(LessonPage)

BOOST_AUTO_TEST_CASE(AuthorTextIsEscapedEverywhere) {
  cl::Lesson lesson = cl::testing::DefaultLesson();
  lesson.title = "<script>alert(\"x\")</script> & co";
  lesson.summary = "<img src=x onerror=alert(1)>";
  lesson.variants[1].label = "</script><b>'Edge'</b>";
  lesson.sections.insert(lesson.sections.begin(), {cl::SectionKind::Prose, "<i>Why</i>", "<script>bad()</script>\n\nGood *text*."});
  std::string html = Render(lesson, kDefaultSlugs);

  const std::string title = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co";
  BOOST_TEST(Count(html, "<title>" + title + "</title>") == 1u);
  BOOST_TEST(Count(html, "<h1>" + title + "</h1>") == 1u);
  BOOST_TEST(Count(html, "&lt;img src=x onerror=alert(1)&gt;") == 1u);
  BOOST_TEST(Count(html, "&lt;/script&gt;&lt;b&gt;&apos;Edge&apos;&lt;/b&gt;") >= 2u);  // filter button and list heading
  BOOST_TEST(Count(html, ">&lt;i&gt;Why&lt;/i&gt;</h2>") == 1u);
  BOOST_TEST(Count(html, "<p>Good <em>text</em>.</p>") == 1u);
  // Only the page's own scripts: the player's and Explore's data blocks,
  // player.js, explore.js and copy.js.
  BOOST_TEST(Count(html, "<script") == 5u);
  BOOST_TEST(Count(html, "bad()") == 0u);
  BOOST_TEST(Count(html, "\\u003c/script\\u003e\\u003cb\\u003e'Edge'\\u003c/b\\u003e") == 1u);
  BOOST_TEST(PlayerData(html)["variants"][1]["label"] == "</script><b>'Edge'</b>");
}

BOOST_AUTO_TEST_CASE(OutlineHasOneH1LandmarksAndSkipLink) {
  std::string html = Render(cl::testing::DefaultLesson(), kDefaultSlugs);
  BOOST_TEST(Count(html, "<h1") == 1u);
  BOOST_TEST(Count(html, "<header") == 1u);
  BOOST_TEST(Count(html, "<main id=\"main\"") == 1u);
  BOOST_TEST(Count(html, "<footer") == 1u);
  BOOST_TEST(Count(html, "<a class=\"skip-link\" href=\"#main\">") == 1u);
  BOOST_TEST(Count(html, "<html lang=\"en\">") == 1u);
  BOOST_TEST(AllMatches(html, "<h2 id=\"([^\"]+)\"") ==
                 (std::vector<std::string>{"walkthrough-title", "explore-title", "section-step-by-step--title",
                                           "section-complexity--title", "reproduce-title", "downloads-title"}),
             boost::test_tools::per_element());
  // Relative links only: the folder works from file:// and any sub-path.
  BOOST_TEST(Count(html, "href=\"/") == 0u);
  BOOST_TEST(Count(html, "src=\"/") == 0u);
  BOOST_TEST(Count(html, "http") == Count(html, "http-equiv"));
  BOOST_TEST(Count(html, "<link rel=\"stylesheet\" href=\"../assets/style.css\">") == 1u);
  BOOST_TEST(Count(html, "<script src=\"../assets/player.js\"></script>") == 1u);
}

BOOST_AUTO_TEST_CASE(EveryFrameIsListedInOrderWithAltText) {
  std::string html = Render(cl::testing::DefaultLesson(), kDefaultSlugs);
  std::vector<std::string> listed = AllMatches(html, "<li><figure><picture><source media=\"[^\"]+\" srcset=\"[^\"]+\"[^>]*><img src=\"([^\"]+)\" alt=\"[^\"]+\"");
  BOOST_TEST_REQUIRE(listed.size() == 46u);
  // Narrow screens get each beat's tall frame.
  const std::vector<std::string> tall = AllMatches(html, "<li><figure><picture><source media=\"[^\"]+\" srcset=\"([^\"]+)\"");
  BOOST_TEST_REQUIRE(tall.size() == 46u);
  BOOST_TEST(Count(html, "media=\"(max-width: 40rem)\"") == 46u + 1u);  // the list and the player
  BOOST_TEST(tall[0] == "frames/vertical-edge/tall/001-intro.svg");
  BOOST_TEST(listed[0] == "frames/vertical-edge/001-intro.svg");
  BOOST_TEST(listed[17] == "frames/vertical-edge/018-activation.svg");
  BOOST_TEST(listed[22] == "frames/vertical-edge/023-summary.svg");
  BOOST_TEST(listed[23] == "frames/horizontal-edge/001-intro.svg");
  BOOST_TEST(Count(html, "alt=\"\"") == 0u);
  BOOST_TEST(Count(html, "Step 18 of 23 · ReLU</span>") == 2u);
  // The player starts hidden (the script reveals it) on the intro beat.
  BOOST_TEST(Count(html, "<div class=\"player\" id=\"player\" data-player hidden>") == 1u);
  BOOST_TEST(Count(html, "<img id=\"player-frame\" data-player-part=\"frame\" src=\"frames/vertical-edge/001-intro.svg\"") == 1u);
  // The switch names what differs (filter and image: "Variant"), each button its own.
  BOOST_TEST(Count(html, "<span class=\"filter-switch-label\" id=\"filter-switch-label\">Variant</span>") == 1u);
  BOOST_TEST(Count(html, "aria-pressed=\"true\"><span class=\"variant-name\">Vertical edge</span> "
                         "<span class=\"variant-difference\">Vertical edge filter · its own 6×6 image</span></button>") == 2u);
  BOOST_TEST(Count(html, "aria-pressed=\"false\"><span class=\"variant-name\">Horizontal edge</span> "
                         "<span class=\"variant-difference\">Horizontal edge filter · its own 6×6 image</span></button>") == 2u);
}

BOOST_AUTO_TEST_CASE(PlayerDataMatchesTheStoryboard) {
  cl::Lesson lesson = cl::testing::DefaultLesson();
  cl::BuiltLesson built = cl::testing::BuildByHand(lesson, kDefaultSlugs);
  nlohmann::json data = PlayerData(Render(lesson, kDefaultSlugs));
  BOOST_TEST_REQUIRE(data["variants"].size() == 2u);
  for (std::size_t v = 0; v < 2; ++v) {
    const nlohmann::json& beats = data["variants"][v]["beats"];
    BOOST_TEST_REQUIRE(beats.size() == 23u);
    BOOST_TEST(data["variants"][v]["width"] == 640);
    BOOST_TEST(data["variants"][v]["height"] == 400);
    for (std::size_t b = 0; b < 23; ++b) {
      BOOST_TEST(beats[b]["caption"] == built.variants[v].story.beats[b].caption);
      BOOST_TEST(beats[b]["alt"] == built.variants[v].story.beats[b].description);
      BOOST_TEST(beats[b]["src"] == built.variants[v].frame_svg[b]);
      // The player counts steps as the storyboard, the frame files and the handout do.
      BOOST_TEST(beats[b]["step"] == "Step " + std::to_string(b + 1) + " of 23");
      BOOST_TEST(beats[b]["step"] == built.variants[v].story.beats[b].step);
    }
    BOOST_TEST(beats[17]["stage"] == "activation");
    BOOST_TEST(beats[17]["title"] == "ReLU");
    BOOST_TEST(beats[8]["step"] == "Step 9 of 23");
    BOOST_TEST(beats[8]["title"] == "Convolution");
  }
}

BOOST_AUTO_TEST_CASE(StepByStepGroupsBeatsAndListsMaps) {
  std::string html = Render(cl::testing::DefaultLesson(), kDefaultSlugs);
  BOOST_TEST(AllMatches(html, "<ol class=\"beat-list\" start=\"(\\d+)\">") ==
                 (std::vector<std::string>{"1", "2", "18", "19", "23", "1", "2", "18", "19", "23"}),
             boost::test_tools::per_element());
  BOOST_TEST(AllMatches(html, "<h4>([^<]+)</h4>") ==
                 (std::vector<std::string>{"The image and the filter", "Convolution", "ReLU", "Max pooling", "Summary",
                                           "The image and the filter", "Convolution", "ReLU", "Max pooling", "Summary"}),
             boost::test_tools::per_element());
  BOOST_TEST(AllMatches(html, "<caption>([^<]+)</caption>") ==
                 (std::vector<std::string>{
                     "Input image (6×6)", "Filter: Vertical edge (3×3)", "Feature map (4×4)", "After ReLU (4×4)",
                     "After max pooling (2×2)", "Input image (6×6)", "Filter: Horizontal edge (3×3)", "Feature map (4×4)",
                     "After ReLU (4×4)", "After max pooling (2×2)",
                     "Cost for Vertical edge and Horizontal edge: 9 weights shared by 16 positions"}),
             boost::test_tools::per_element());
  // The image is a picture, grey in the frames: its table is not tinted by
  // sign (every pixel would read positive), the maps' are.
  BOOST_TEST(Count(html, "<tr><th scope=\"row\">1</th><td class=\"picture\">0</td><td class=\"picture\">0</td>"
                         "<td class=\"picture\">9</td><td class=\"picture\">9</td><td class=\"picture\">0</td>"
                         "<td class=\"picture\">0</td></tr>") == 1u);
  BOOST_TEST(Count(html, "<td class=\"picture\">") >= 2 * 36u);
  // First rows of the feature maps: the horizontal edge's is the transpose.
  BOOST_TEST(Count(html, "<tr><th scope=\"row\">0</th><td class=\"neg\">−18</td><td class=\"neg\">−18</td>"
                         "<td class=\"pos\">18</td><td class=\"pos\">18</td></tr>") == 1u);
  BOOST_TEST(Count(html, "<tr><th scope=\"row\">0</th><td class=\"neg\">−18</td><td class=\"neg\">−27</td>"
                         "<td class=\"neg\">−27</td><td class=\"neg\">−18</td></tr>") == 1u);
  // The pooled maps, whole.
  BOOST_TEST(Count(html, "<tr><th scope=\"row\">0</th><td class=\"zero\">0</td><td class=\"pos\">27</td></tr>\n"
                         "    <tr><th scope=\"row\">1</th><td class=\"zero\">0</td><td class=\"pos\">27</td></tr>") == 1u);
  BOOST_TEST(Count(html, "<tr><th scope=\"row\">0</th><td class=\"zero\">0</td><td class=\"zero\">0</td></tr>\n"
                         "    <tr><th scope=\"row\">1</th><td class=\"pos\">27</td><td class=\"pos\">27</td></tr>") == 1u);
}

BOOST_AUTO_TEST_CASE(ComplexityShowsTheLessonsNumbers) {
  std::string html = Render(cl::testing::DefaultLesson(), kDefaultSlugs);
  BOOST_TEST(Count(html, "<tr><th scope=\"row\">Multiplications</th><td>map height · map width · filter height · "
                         "filter width</td><td class=\"numbers\">4 · 4 · 3 · 3</td><td class=\"result\">144</td></tr>") == 1u);
  BOOST_TEST(Count(html, "<td class=\"numbers\">⌊(6 + 0 + 0 − 3) / 1⌋ + 1</td><td class=\"result\">4</td>") == 2u);
  // Variants with different sizes get a table each.
  cl::Lesson lesson = cl::testing::DefaultLesson();
  lesson.variants[1].image = cl::testing::SizedVariant(8, 8, 3, 3).image;
  std::string two = Render(lesson, kDefaultSlugs);
  BOOST_TEST(Count(two, "<caption>Cost for Vertical edge: 9 weights shared by 16 positions</caption>") == 1u);
  BOOST_TEST(Count(two, "<caption>Cost for Horizontal edge: 9 weights shared by 36 positions</caption>") == 1u);
}

// Explore draws a lesson with channels on its first channel's grid: its
// title names the channel, as the step-by-step tables do.
BOOST_AUTO_TEST_CASE(ExploreNamesTheChannelItShows) {
  const cl::LoadResult loaded = cl::LoadLessonText(
      "title: C\nimage: {pixels: [[[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[0, 0, 0], [0, 0, 0], [0, 0, 0]]], "
      "channels: [R, G]}\nfilter: [[[1, 0], [0, 1]], [[0, 1], [1, 0]]]\npool: none\n",
      "c.yaml", ".");
  BOOST_TEST_REQUIRE(loaded.lesson.has_value());
  const std::string html = Render(*loaded.lesson, {"c"});
  BOOST_TEST(Count(html, "Input image, channel R") >= 1u);
}

BOOST_AUTO_TEST_CASE(SectionsFollowTheLessonsOrderWithUniqueIds) {
  cl::Lesson lesson = cl::testing::DefaultLesson();
  lesson.sections = {{cl::SectionKind::Prose, "Intuition", "Edges are *changes*."},
                     {cl::SectionKind::StepByStep, "", ""},
                     {cl::SectionKind::Prose, "Intuition", "# Again\n\nMore."},
                     {cl::SectionKind::Prose, "Downloads", "Not the real one."},
                     {cl::SectionKind::Complexity, "", ""}};
  std::string html = Render(lesson, kDefaultSlugs);
  std::vector<std::string> want = {"walkthrough",         "explore",           "section-intuition",
                                   "section-step-by-step", "section-intuition-2", "section-downloads",
                                   "section-complexity",   "reproduce",          "downloads"};
  BOOST_TEST(AllMatches(html, "<section id=\"([^\"]+)\"") == want, boost::test_tools::per_element());
  BOOST_TEST(Count(html, "<h3>Again</h3>") == 1u);
  // Explore's link shows only with the script, as the section does.
  BOOST_TEST(Count(html, "<li class=\"needs-script\" hidden><a href=\"#explore\">Explore</a></li>") == 1u);
  want.erase(want.begin() + 1);
  BOOST_TEST(AllMatches(html, "<li><a href=\"#([^\"]+)\">") == want, boost::test_tools::per_element());
}

// Titles chosen to hit the page's own ids and the ids derived from sections:
// every id stays unique, the player's elements keep theirs, and every
// aria-labelledby and in-page link points at exactly one element.
BOOST_AUTO_TEST_CASE(NoSectionTitleCanTakeOrDuplicateAnId) {
  cl::Lesson lesson = cl::testing::DefaultLesson();
  const std::vector<std::string> titles = {
      "Player data", "Player speed", "Walkthrough title", "Walkthrough", "Main", "Player", "Frames", "Downloads",
      "Downloads title", "Filter switch label", "Section intuition", "Intuition", "Intuition title",
      "Intuition -- title", "Step by step", "Step by step variant vertical edge", "Step by step title",
      "Complexity title", "Section", "section-intuition", "Player frame", "Player step", "Player caption"};
  lesson.sections.clear();
  for (const std::string& t : titles) lesson.sections.push_back({cl::SectionKind::Prose, t, "Text."});
  lesson.sections.push_back({cl::SectionKind::StepByStep, "", ""});
  lesson.sections.push_back({cl::SectionKind::StepByStep, "", ""});
  lesson.sections.push_back({cl::SectionKind::Complexity, "", ""});
  const std::string html = Render(lesson, kDefaultSlugs);
  std::vector<std::string> ids = AllMatches(html, " id=\"([^\"]+)\"");
  std::set<std::string> unique(ids.begin(), ids.end());
  BOOST_TEST(unique.size() == ids.size());
  for (const char* fixed : {"main", "walkthrough", "walkthrough-title", "player", "player-data", "player-speed",
                                   "player-frame", "player-step", "player-caption", "frames", "downloads"}) {
    BOOST_TEST(Count(html, " id=\"" + std::string(fixed) + "\"") == 1u, fixed);
  }
  BOOST_TEST(Count(html, "<script type=\"application/json\" id=\"player-data\">") == 1u);
  for (const std::string& target : AllMatches(html, "aria-labelledby=\"([^\"]+)\"")) BOOST_TEST(unique.count(target) == 1u, target);
  for (const std::string& target : AllMatches(html, "href=\"#([^\"]+)\"")) BOOST_TEST(unique.count(target) == 1u, target);
  // The prose section titled "Step by step" came first and took the plain slug.
  BOOST_TEST(Count(html, "<section id=\"section-step-by-step\"") == 1u);
  BOOST_TEST(Count(html, "<h3 id=\"section-step-by-step-2--variant-vertical-edge\">") == 1u);
  BOOST_TEST(Count(html, "<h3 id=\"section-step-by-step-3--variant-horizontal-edge\">") == 1u);
}

struct DownloadsCase {
  std::vector<std::string> only;
  std::vector<std::string> want;
};
std::ostream& operator<<(std::ostream& os, const DownloadsCase& c) {
  for (const std::string& s : c.only) os << s << ',';
  return os;
}

BOOST_DATA_TEST_CASE(DownloadsLinkOnlyFilesTheBuildWrites,
                     bdata::make(std::vector<DownloadsCase>{
                         {{},
                          {"handout.pdf", "worksheet.pdf", "answers.pdf", "slides.pdf",
                           "frames/vertical-edge/index.html", "vertical-edge.gif", "vertical-edge.svg",
                           "frames/horizontal-edge/index.html", "horizontal-edge.gif", "horizontal-edge.svg",
                           "lesson.json"}},
                         {{"html", "slides", "pdf-frames"}, {"slides.pdf", "figures.tex"}},
                         {{"html", "svg", "gif"},
                          {"frames/vertical-edge/index.html", "vertical-edge.gif", "frames/horizontal-edge/index.html",
                           "horizontal-edge.gif"}},
                         {{"html", "pdf", "json"}, {"handout.pdf", "worksheet.pdf", "answers.pdf", "lesson.json"}},
                         {{"html", "png"}, {"frames/vertical-edge/index.html", "frames/horizontal-edge/index.html"}},
                         {{"html"}, {}},
                     }),
                     c) {
  cl::RenderOptions options;
  options.only = {c.only.begin(), c.only.end()};
  std::string html = Render(cl::testing::DefaultLesson(), kDefaultSlugs, options);
  BOOST_TEST(AllMatches(html, "<li><a href=\"([^\"#]+)\">") == c.want, boost::test_tools::per_element());
  BOOST_TEST(Count(html, "id=\"downloads\"") == (c.want.empty() ? 0u : 1u));
  // Reproduce it points at lesson.json only where the build writes it.
  const bool json = std::find(c.want.begin(), c.want.end(), "lesson.json") != c.want.end();
  BOOST_TEST(Count(html, "<a href=\"lesson.json\">") == (json ? 2u : 0u));
}

BOOST_AUTO_TEST_CASE(FramesAreTheWrittenSvgElsePngElseNone) {
  cl::RenderOptions png_only;
  png_only.only = {"html", "png"};
  std::string html = Render(cl::testing::DefaultLesson(), kDefaultSlugs, png_only);
  BOOST_TEST(Count(html, ".svg\"") == 0u);
  BOOST_TEST(Count(html, "<img id=\"player-frame\" data-player-part=\"frame\" src=\"frames/vertical-edge/001-intro.png\"") == 1u);
  BOOST_TEST(PlayerData(html)["variants"][1]["beats"][17]["src"] == "frames/horizontal-edge/018-activation.png");

  cl::RenderOptions captions_only;
  captions_only.only = {"html"};
  html = Render(cl::testing::DefaultLesson(), kDefaultSlugs, captions_only);
  BOOST_TEST(Count(html, "<img") == 0u);
  BOOST_TEST(Count(html, "player-zoom") == 0u);
  BOOST_TEST(Count(html, "<figcaption><span class=\"step-count\">Step 18 of 23 · ReLU</span>") == 2u);
  BOOST_TEST(PlayerData(html)["variants"][0]["beats"][0]["src"] == "");
}

BOOST_AUTO_TEST_CASE(NumberTablePartial) {
  cl::TemplateData data = cl::NumberTableData(cl::MakeNumberTable("Map (2×3)", cl::Grid::FromRows({{-1, 0, 0.5}, {2, 1.0 / 9.0, -0.25}})));
  std::string html, error;
  BOOST_TEST_REQUIRE(RealTemplates().Render("_table", data, &html, &error), error);
  // Trailing blank lines come from the template's skipped branch and do not matter.
  html.erase(html.find_last_not_of('\n') + 1);
  BOOST_TEST(html ==
             "<div class=\"table-scroll\" role=\"group\" aria-label=\"Map (2×3)\" tabindex=\"0\">\n"
             "<table class=\"numbers\">\n"
             "  <caption>Map (2×3) <span class=\"note\">(rounded to fit; lesson.json has the exact values)</span></caption>\n"
             "  <thead>\n"
             "    <tr><td class=\"corner\"></td><th scope=\"col\">0</th><th scope=\"col\">1</th><th scope=\"col\">2</th></tr>\n"
             "  </thead>\n"
             "  <tbody>\n"
             "    <tr><th scope=\"row\">0</th><td class=\"neg\">−1</td><td class=\"zero\">0</td><td class=\"pos\">0.5</td></tr>\n"
             "    <tr><th scope=\"row\">1</th><td class=\"pos\">2</td><td class=\"pos\">0.111</td><td class=\"neg\">−0.25</td></tr>\n"
             "  </tbody>\n"
             "</table>\n"
             "</div>");
}

BOOST_AUTO_TEST_CASE(LargeMapsAreSummarisedNotListed) {
  cl::TemplateData data = cl::NumberTableData(cl::MakeNumberTable("Feature map (40×33)", cl::Grid(40, 33)));
  std::string html, error;
  BOOST_TEST_REQUIRE(RealTemplates().Render("_table", data, &html, &error), error);
  BOOST_TEST(Count(html, "<p class=\"table-skipped\">Feature map (40×33): 40×33 values, too many to list here; "
                         "<a href=\"lesson.json\">lesson.json</a> has every one.</p>\n") == 1u);
  BOOST_TEST(Count(html, "<table") == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

// A frame's caption shortens a 5×5 filter's 25 products with "…"; the step
// by step, which has the room, lists every one (the player keeps the frame's).
BOOST_AUTO_TEST_CASE(StepByStepListsEveryProductOfALargeFilter) {
  cl::Lesson lesson = cl::testing::DefaultLesson();
  lesson.variants = {cl::testing::SizedVariant(6, 6, 5, 5)};
  lesson.variants[0].pool.enabled = false;
  const std::string html = Render(lesson, {"sized"});
  const std::size_t list = html.find("<ol class=\"beat-list\" start=\"2\">");
  BOOST_TEST_REQUIRE(list != std::string::npos);
  const std::string first = html.substr(list, html.find("</li>", list) - list);
  BOOST_TEST(first.find("Position (0, 0): (−9)·(−2) + (−6)·0 + ") != std::string::npos, first);
  BOOST_TEST(Count(first, "·") == 25u, first);
  BOOST_TEST(Count(first, "…") == 0u, first);
  BOOST_TEST(Count(PlayerData(html).dump(), "Position (0, 0): (−9)·(−2) + (−6)·0 + (−3)·2 + 0·(−1) + 3·1 + (−2)·(−1) + …") ==
             1u);
}
