// The page writers as the build calls them: what they put into the sink for a
// given --only list, and how a broken or missing templates folder is reported.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "../support/default_lesson.h"
#include "base/file_sink.h"
#include "built_by_hand.h"
#include "site/lesson_outputs.h"
#include "site/page.h"
#include "site/templates.h"

namespace fs = std::filesystem;

namespace {

std::vector<std::string> Names(const cl::MemoryFileSink& sink) {
  std::vector<std::string> names;
  for (const auto& [name, bytes] : sink.files()) names.push_back(name);
  return names;
}

// A templates folder in the test's temporary directory holding `files`.
fs::path TemplatesWith(const std::string& name, const std::vector<std::pair<std::string, std::string>>& files) {
  fs::path dir = fs::temp_directory_path() / ("convlesson-site-test-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const auto& [file, text] : files) std::ofstream(dir / file) << text;
  return dir;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(PageWriters)

BOOST_AUTO_TEST_CASE(LessonPageIsWrittenOnlyWhenHtmlIsWanted) {
  cl::Lesson lesson = cl::testing::DefaultLesson();
  cl::BuiltLesson built = cl::testing::BuildByHand(lesson, {"vertical-edge", "horizontal-edge"});
  cl::RenderOptions options;
  options.templates_dir = CONVLESSON_SOURCE_DIR "/templates";
  std::vector<cl::Diagnostic> diagnostics;

  cl::MemoryFileSink with_html;
  options.only = {"html", "svg"};
  BOOST_TEST(cl::WriteLessonPage(built, options, with_html, &diagnostics));
  // The page and, since frames are written, a page listing each variant's frames.
  BOOST_TEST(Names(with_html) == (std::vector<std::string>{"frames/horizontal-edge/index.html",
                                                           "frames/vertical-edge/index.html", "index.html"}),
             boost::test_tools::per_element());
  const std::string& listing = with_html.files().find("frames/vertical-edge/index.html")->second;
  BOOST_TEST(listing.find("<a href=\"009-conv.svg\">009-conv.svg</a>") != std::string::npos);
  BOOST_TEST(listing.find("<link rel=\"stylesheet\" href=\"../../../assets/style.css\">") != std::string::npos);
  BOOST_TEST(listing.find(".png") == std::string::npos);  // no PNG was asked for

  cl::MemoryFileSink without_html;
  options.only = {"svg", "png"};
  BOOST_TEST(cl::WriteLessonPage(built, options, without_html, &diagnostics));
  BOOST_TEST(without_html.files().empty());
  BOOST_TEST(diagnostics.empty());
}

BOOST_AUTO_TEST_CASE(CourseOutputsAreTheIndexAndTheSharedAssets) {
  std::vector<cl::Lesson> lessons = {cl::testing::DefaultLesson()};
  cl::RenderOptions options;
  options.templates_dir = CONVLESSON_SOURCE_DIR "/templates";
  options.only = {"html", "svg"};
  cl::MemoryFileSink sink;
  std::vector<cl::Diagnostic> diagnostics;
  BOOST_TEST_REQUIRE(cl::RenderCourseOutputs(lessons, options, sink, &diagnostics));
  BOOST_TEST(Names(sink) == (std::vector<std::string>{"assets/copy.js", "assets/embed.css", "assets/explore.js", "assets/player.js", "assets/style.css", "index.html"}),
             boost::test_tools::per_element());
  const std::string& index = sink.files().find("index.html")->second;
  BOOST_TEST(index.find("<img class=\"thumbnail\" src=\"conv-relu-pool/frames/vertical-edge/023-summary.svg\"") !=
             std::string::npos);
  BOOST_TEST(index.find("course.pdf") == std::string::npos);  // pdf was not asked for
  std::ifstream player(CONVLESSON_SOURCE_DIR "/templates/player.js");
  std::string expected((std::istreambuf_iterator<char>(player)), std::istreambuf_iterator<char>());
  BOOST_TEST(sink.files().find("assets/player.js")->second == expected);
}

BOOST_AUTO_TEST_CASE(CourseIndexLinksTheCourseHandoutItWrites) {
  std::vector<cl::Lesson> lessons = {cl::testing::DefaultLesson()};
  cl::RenderOptions options;
  options.templates_dir = CONVLESSON_SOURCE_DIR "/templates";
  options.only = {"html", "pdf"};
  cl::MemoryFileSink sink;
  std::vector<cl::Diagnostic> diagnostics;
  BOOST_TEST_REQUIRE(cl::RenderCourseOutputs(lessons, options, sink, &diagnostics));
  BOOST_TEST(diagnostics.empty());
  BOOST_TEST(Names(sink) == (std::vector<std::string>{"assets/copy.js", "assets/embed.css", "assets/explore.js", "assets/player.js", "assets/style.css", "course.pdf",
                                                   "index.html"}),
             boost::test_tools::per_element());
  BOOST_TEST(sink.files().find("course.pdf")->second.starts_with("%PDF-"));
  BOOST_TEST(sink.files().find("index.html")->second.find(
                 "<p class=\"downloads\"><a href=\"course.pdf\">Every lesson in one printable handout</a> "
                 "<span class=\"kind\">(PDF)</span></p>") != std::string::npos);
}

// Refuses to store one path, as a full disk or a read-only file would.
class RefusingSink : public cl::MemoryFileSink {
 public:
  explicit RefusingSink(std::string refused) : refused_(std::move(refused)) {}
  bool Put(std::string_view relative_path, std::string_view bytes, std::string* error) override {
    if (relative_path == refused_) {
      *error = "No space left on device";
      return false;
    }
    return MemoryFileSink::Put(relative_path, bytes, error);
  }

 private:
  std::string refused_;
};

BOOST_AUTO_TEST_CASE(FailedCourseHandoutLeavesTheIndexAndAssets) {
  std::vector<cl::Lesson> lessons = {cl::testing::DefaultLesson()};
  cl::RenderOptions options;
  options.templates_dir = CONVLESSON_SOURCE_DIR "/templates";
  options.only = {"html", "pdf"};
  RefusingSink sink("course.pdf");
  std::vector<cl::Diagnostic> diagnostics;
  BOOST_TEST(!cl::RenderCourseOutputs(lessons, options, sink, &diagnostics));
  BOOST_TEST(Names(sink) == (std::vector<std::string>{"assets/copy.js", "assets/embed.css", "assets/explore.js", "assets/player.js", "assets/style.css", "index.html"}),
             boost::test_tools::per_element());
  BOOST_TEST_REQUIRE(diagnostics.size() == 1u);
  BOOST_TEST(diagnostics[0].message == "cannot write course.pdf: No space left on device");
  BOOST_TEST((diagnostics[0].severity == cl::Severity::Error));
}

// A disk that takes nothing: every output of the lesson would fail, and the
// lesson reports the first and stops (one line per lesson, not per file).
class FullDisk : public cl::FileSink {
 public:
  bool Put(std::string_view, std::string_view, std::string* error) override {
    ++attempts;
    *error = "No space left on device";
    return false;
  }
  int attempts = 0;
};

BOOST_AUTO_TEST_CASE(FullDiskIsOneErrorPerLesson) {
  cl::Lesson lesson = cl::testing::DefaultLesson();
  cl::RenderOptions options;
  options.templates_dir = CONVLESSON_SOURCE_DIR "/templates";
  options.scale = 1;
  for (const std::set<std::string>& only :
       {std::set<std::string>{}, {"png"}, {"json", "html"}, {"gif", "anim-svg"}, {"pdf"}, {"html"}}) {
    options.only = only;
    FullDisk disk;
    std::vector<cl::Diagnostic> diagnostics;
    BOOST_TEST(!cl::RenderLessonOutputs(lesson, options, disk, &diagnostics));
    BOOST_TEST(disk.attempts == 1);
    BOOST_TEST_REQUIRE(diagnostics.size() == 1u);
    BOOST_TEST(diagnostics[0].message.ends_with(": No space left on device"), diagnostics[0].message);
    BOOST_TEST(diagnostics[0].where.path == lesson.path);
  }
}

BOOST_AUTO_TEST_CASE(MissingTemplatesFolderIsADiagnosticOnTheLesson) {
  cl::Lesson lesson = cl::testing::DefaultLesson();
  cl::BuiltLesson built = cl::testing::BuildByHand(lesson, {"vertical-edge", "horizontal-edge"});
  cl::RenderOptions options;
  options.templates_dir = "/nonexistent/convlesson-templates";
  cl::MemoryFileSink sink;
  std::vector<cl::Diagnostic> diagnostics;
  BOOST_TEST(!cl::WriteLessonPage(built, options, sink, &diagnostics));
  BOOST_TEST_REQUIRE(diagnostics.size() == 1u);
  BOOST_TEST(diagnostics[0].where.path == "lessons/conv-relu-pool.yaml");
  BOOST_TEST(diagnostics[0].message.starts_with("cannot open templates folder /nonexistent/convlesson-templates: "));
  BOOST_TEST(sink.files().empty());
}

BOOST_AUTO_TEST_CASE(TemplateProblemsNameTheTemplate) {
  cl::TemplateSet templates;
  std::string error, out;
  fs::path dir = TemplatesWith("broken", {{"lesson.mustache", "<p>{{#open}}never closed</p>"}, {"notes.txt", "ignored"}});
  BOOST_TEST_REQUIRE(templates.Load(dir.string(), &error), error);
  BOOST_TEST(!templates.Render("lesson", cl::TemplateData(), &out, &error));
  BOOST_TEST(error.starts_with("lesson.mustache: "));
  BOOST_TEST(!templates.Render("index", cl::TemplateData(), &out, &error));
  BOOST_TEST(error == "template index.mustache not found in " + dir.string());
  BOOST_TEST(!templates.ReadAsset("player.js", &out, &error));
  BOOST_TEST(error.starts_with("cannot read " + (dir / "player.js").string()));
  fs::remove_all(dir);
}

// Partials ride over the data (not on a copy of it): found from the top
// level and inside sections, and a partial wins over a value of its name.
BOOST_AUTO_TEST_CASE(PartialsAreFoundOverTheData) {
  cl::TemplateSet templates;
  std::string error, out;
  fs::path dir = TemplatesWith("partials", {{"page.mustache", "{{title}}:{{#items}}[{{> _item}}]{{/items}}{{> _tail}}"},
                                            {"_item.mustache", "{{name}}/{{title}}"},
                                            {"_tail.mustache", "."}});
  BOOST_TEST_REQUIRE(templates.Load(dir.string(), &error), error);
  cl::TemplateData data;
  data.set("title", "T");
  data.set("_tail", "not the partial");
  cl::TemplateList items;
  for (const char* name : {"a", "b"}) cl::PushMoved(&items, cl::TemplateData("name", name));
  cl::SetMoved(&data, "items", std::move(items));
  BOOST_TEST_REQUIRE(templates.Render("page", data, &out, &error), error);
  BOOST_TEST(out == "T:[a/T][b/T].");
  fs::remove_all(dir);
}

// PushMoved keeps the items in order and moves them as the list grows: each
// item's string stays the very object it was (push_back would copy it).
BOOST_AUTO_TEST_CASE(PushMovedMovesItemsAsTheListGrows) {
  cl::TemplateList list;
  std::vector<const std::string*> held;
  for (int i = 0; i < 40; ++i) {
    cl::PushMoved(&list, cl::TemplateData(std::string(100, static_cast<char>('a' + i % 26))));
    held.push_back(&list.back().string_value());
  }
  BOOST_TEST_REQUIRE(list.size() == 40u);
  for (std::size_t i = 0; i < list.size(); ++i) {
    BOOST_TEST(&list[i].string_value() == held[i]);
    BOOST_TEST(list[i].string_value() == std::string(100, static_cast<char>('a' + i % 26)));
  }
}

BOOST_AUTO_TEST_CASE(DefaultTemplatesAreTheSourceTreesFolder) {
  cl::RenderOptions options;
  BOOST_TEST(cl::ResolveTemplatesDir(options) == CONVLESSON_SOURCE_DIR "/templates");
  options.templates_dir = "my/templates";
  BOOST_TEST(cl::ResolveTemplatesDir(options) == "my/templates");
}

BOOST_AUTO_TEST_SUITE_END()
