// embed.html, the embeddable player: a fragment with no page around it and
// no ids, every path relative to its folder or starting at --base-url, the
// player's data beside it, written only when "embed" is wanted, same bytes
// every time.
#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "../support/default_lesson.h"
#include "base/file_sink.h"
#include "built_by_hand.h"
#include "site/lesson_outputs.h"
#include "site/page.h"

namespace {

std::size_t Count(std::string_view text, std::string_view what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

// The default lesson, outliving every BuiltLesson that points at it.
const cl::Lesson& Lesson() {
  static const cl::Lesson lesson = cl::testing::DefaultLesson();
  return lesson;
}

std::string Embed(const cl::RenderOptions& options) {
  const cl::BuiltLesson built = cl::testing::BuildByHand(Lesson(), {"vertical-edge", "horizontal-edge"});
  cl::MemoryFileSink sink;
  std::vector<cl::Diagnostic> diagnostics;
  BOOST_TEST_REQUIRE(cl::WriteLessonEmbed(built, options, sink, &diagnostics));
  BOOST_TEST(diagnostics.empty());
  const auto it = sink.files().find("embed.html");
  BOOST_TEST_REQUIRE((it != sink.files().end()));
  BOOST_TEST(sink.files().size() == 1u);
  return it->second;
}

cl::RenderOptions Options(std::string base_url = "") {
  cl::RenderOptions options;
  options.templates_dir = CONVLESSON_SOURCE_DIR "/templates";
  options.only = {"svg", "embed"};
  options.base_url = std::move(base_url);
  return options;
}

nlohmann::json PlayerData(const std::string& html) {
  const std::string open = "<script type=\"application/json\" data-player-data>";
  const std::size_t start = html.find(open) + open.size();
  return nlohmann::json::parse(html.substr(start, html.find("</script>", start) - start));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(EmbedFragment)

BOOST_AUTO_TEST_CASE(AFragmentWithItsAssetsAndNoIds) {
  const std::string html = Embed(Options());
  BOOST_TEST(html.starts_with("<div class=\"convlesson-embed\" data-convlesson-embed lang=\"en\" role=\"group\" "
                              "aria-label=\"Convolve, ReLU, pool\" tabindex=\"-1\">\n"));
  BOOST_TEST(html.ends_with("</div>\n"));
  for (const char* page_tag : {"<html", "<head", "<body", "<!DOCTYPE", " id=\"", " for=\""}) BOOST_TEST(Count(html, page_tag) == 0u, page_tag);
  // Blank lines would end an HTML block in Markdown (MkDocs pastes it there).
  BOOST_TEST(Count(html, "\n\n") == 0u);
  BOOST_TEST(Count(html, "<link rel=\"stylesheet\" href=\"../assets/embed.css\" data-convlesson-asset>") == 1u);
  BOOST_TEST(Count(html, "<script src=\"../assets/player.js\" data-convlesson-asset></script>") == 1u);
  // The player (hidden until the script starts it), its live caption, the list.
  BOOST_TEST(Count(html, "<div class=\"cl-player\" data-player hidden>") == 1u);
  BOOST_TEST(Count(html, "data-player-part=\"caption\" aria-live=\"polite\">The 6×6 image and the 3×3 Vertical edge filter") == 1u);
  BOOST_TEST(Count(html, "<img class=\"cl-frame\" data-player-part=\"frame\" src=\"frames/vertical-edge/001-intro.svg\"") == 1u);
  BOOST_TEST(Count(html, "<figcaption>") == 46u);  // 23 beats of each variant
  BOOST_TEST(Count(html, "data-variant=\"") == 2u);
  const nlohmann::json data = PlayerData(html);
  BOOST_TEST(data["variants"][1]["beats"][17]["src"] == "frames/horizontal-edge/018-activation.svg");
  BOOST_TEST(data["variants"][0]["beats"][0]["png"] == "");  // not written
}

BOOST_AUTO_TEST_CASE(BaseUrlStartsEveryPath) {
  const std::string html = Embed(Options("/lessons/"));
  BOOST_TEST(Count(html, "href=\"/lessons/assets/embed.css\"") == 1u);
  BOOST_TEST(Count(html, "<script src=\"/lessons/assets/player.js\"") == 1u);
  BOOST_TEST(Count(html, "src=\"/lessons/conv-relu-pool/frames/vertical-edge/001-intro.svg\"") == 2u);  // player, list
  BOOST_TEST(Count(html, "src=\"frames/") == 0u);
  BOOST_TEST(Count(html, "srcset=\"/lessons/conv-relu-pool/frames/vertical-edge/tall/001-intro.svg\"") == 2u);
  const nlohmann::json data = PlayerData(html);
  BOOST_TEST(data["variants"][1]["beats"][17]["src"] == "/lessons/conv-relu-pool/frames/horizontal-edge/018-activation.svg");
  BOOST_TEST(data["variants"][1]["beats"][17]["tall_src"] ==
             "/lessons/conv-relu-pool/frames/horizontal-edge/tall/018-activation.svg");
  BOOST_TEST(data["variants"][1]["beats"][17]["svg"] == "/lessons/conv-relu-pool/frames/horizontal-edge/018-activation.svg");
}

BOOST_AUTO_TEST_CASE(SameBytesEveryTime) { BOOST_TEST(Embed(Options("https://example.org/c/")) == Embed(Options("https://example.org/c/"))); }

BOOST_AUTO_TEST_CASE(WrittenOnlyWhenEmbedIsWanted) {
  const cl::BuiltLesson built = cl::testing::BuildByHand(Lesson(), {"vertical-edge", "horizontal-edge"});
  cl::RenderOptions options = Options();
  options.only = {"svg", "html"};
  cl::MemoryFileSink sink;
  std::vector<cl::Diagnostic> diagnostics;
  BOOST_TEST(cl::WriteLessonEmbed(built, options, sink, &diagnostics));
  BOOST_TEST(sink.files().empty());
  BOOST_TEST(cl::LessonOutputKind("embed.html") == "embed");
  BOOST_TEST(cl::LessonOutputKind("index.html") == "html");
  BOOST_TEST(cl::LessonOutputKind("frames/vertical-edge/index.html") == "html");  // written with the page
  BOOST_TEST(cl::LessonOutputKind("frames/vertical-edge/001-intro.svg") == "svg");
  BOOST_TEST(cl::LessonOutputKind("frames/vertical-edge/tall/001-intro.png") == "png");
}

BOOST_AUTO_TEST_CASE(EmbedAloneGetsTheAssetsButNoIndex) {
  std::vector<cl::Lesson> lessons = {cl::testing::DefaultLesson()};
  cl::RenderOptions options = Options();
  cl::MemoryFileSink sink;
  std::vector<cl::Diagnostic> diagnostics;
  BOOST_TEST_REQUIRE(cl::RenderCourseIndex(lessons, options, sink, &diagnostics));
  std::vector<std::string> names;
  for (const auto& [name, bytes] : sink.files()) names.push_back(name);
  BOOST_TEST(names == (std::vector<std::string>{"assets/copy.js", "assets/embed.css", "assets/explore.js",
                                                "assets/player.js", "assets/style.css"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
