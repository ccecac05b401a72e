// The course index: its stable order and what each entry shows, rendered with
// the real templates/.
#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>
#include <vector>

#include "site/course_index.h"
#include "site/templates.h"

namespace {

cl::Lesson Named(std::string path, std::string id, std::optional<double> order, std::string title = "T") {
  cl::Lesson l;
  l.path = std::move(path);
  l.id = std::move(id);
  l.order = order;
  l.title = std::move(title);
  return l;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(CourseIndex)

BOOST_AUTO_TEST_CASE(OrderIsOrderKeyThenFileName) {
  std::vector<cl::Lesson> lessons = {
      Named("lessons/zeta.yaml", "zeta", std::nullopt),    Named("more/b.yaml", "b-two", 2),
      Named("lessons/alpha.yaml", "alpha", std::nullopt),  Named("lessons/c.yaml", "c", 1),
      Named("other/b.yaml", "b-one", 2),                   Named("lessons/d.yaml", "d", -0.5),
  };
  std::vector<std::string> ids;
  for (const cl::Lesson* l : cl::OrderLessonsForIndex(lessons)) ids.push_back(l->id);
  BOOST_TEST(ids == (std::vector<std::string>{"d", "c", "b-one", "b-two", "alpha", "zeta"}), boost::test_tools::per_element());
}

// The course file's `order` puts its lessons first, in its order; ids no
// lesson has are skipped; the rest keep the order above.
BOOST_AUTO_TEST_CASE(CourseOrderComesFirst) {
  std::vector<cl::Lesson> lessons = {
      Named("lessons/zeta.yaml", "zeta", std::nullopt), Named("lessons/c.yaml", "c", 1),
      Named("lessons/alpha.yaml", "alpha", std::nullopt), Named("lessons/d.yaml", "d", -0.5),
  };
  std::vector<cl::CourseOrderEntry> order = {{"zeta", {}}, {"missing", {}}, {"alpha", {}}};
  std::vector<std::string> ids;
  for (const cl::Lesson* l : cl::OrderLessonsForIndex(lessons, order)) ids.push_back(l->id);
  BOOST_TEST(ids == (std::vector<std::string>{"zeta", "alpha", "d", "c"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(IndexListsEveryLessonEscapedWithRelativeLinks) {
  cl::Lesson a = Named("lessons/a.yaml", "edges", 1, "Edges <b>&</b> bars");
  a.summary = "Find \"edges\".";
  cl::Lesson b = Named("lessons/b.yaml", "blur", 2, "Blur");
  cl::Lesson c = Named("lessons/c.yaml", "dilation", 3, "Dilation");
  std::vector<cl::IndexEntry> entries = {
      {.lesson = &a, .page = "edges/index.html", .thumbnail = "edges/frames/vertical-edge/023-summary.svg",
       .width = 900, .height = 520, .labels = {"Vertical edge", "Horizontal edge"}, .beats = {23, 23}},
      {.lesson = &b, .page = "blur/index.html", .thumbnail = "", .width = 0, .height = 0, .labels = {"Box blur"}, .beats = {9}},
      {.lesson = &c, .page = "dilation/index.html", .thumbnail = "", .width = 0, .height = 0,
       .labels = {"Dilation 1", "Dilation 3"}, .switch_label = "Dilation", .beats = {7, 17}},
  };
  cl::TemplateSet templates;
  std::string error, html;
  BOOST_TEST_REQUIRE(templates.Load(CONVLESSON_SOURCE_DIR "/templates", &error), error);
  BOOST_TEST_REQUIRE(templates.Render("index", cl::CourseIndexData(entries), &html, &error), error);

  BOOST_TEST(html.find("<h1>Lessons</h1>") != std::string::npos);
  BOOST_TEST(html.find("3 lessons on what a convolution layer does") != std::string::npos);
  BOOST_TEST(html.find("<h2 class=\"lesson-title\"><a href=\"edges/index.html\">Edges &lt;b&gt;&amp;&lt;/b&gt; bars</a></h2>\n"
                       "      <img class=\"thumbnail\" src=\"edges/frames/vertical-edge/023-summary.svg\" alt=\"\" width=\"900\" height=\"520\">\n"
                       "      <p>Find &quot;edges&quot;.</p>\n"
                       "      <p class=\"meta\">Filters: Vertical edge, Horizontal edge · 23 steps</p>") != std::string::npos);
  BOOST_TEST(html.find("<h2 class=\"lesson-title\"><a href=\"blur/index.html\">Blur</a></h2>") != std::string::npos);
  BOOST_TEST(html.find("<p class=\"meta\">Filter: Box blur · 9 steps</p>") != std::string::npos);
  // Variants that are not filters are named as the page's switch names them,
  // with the range of their lengths.
  BOOST_TEST(html.find("<p class=\"meta\">Dilation: Dilation 1, Dilation 3 · 7 to 17 steps</p>") != std::string::npos);
  BOOST_TEST(html.find("<img") == html.rfind("<img"));  // the lesson without frames has no thumbnail
  BOOST_TEST(html.find("href=\"assets/style.css\"") != std::string::npos);
  BOOST_TEST(html.find("edges/index.html") < html.find("blur/index.html"));
}

BOOST_AUTO_TEST_CASE(IndexLinksTheCourseHandoutOnlyWhenGiven) {
  cl::Lesson a = Named("lessons/a.yaml", "edges", 1, "Edges");
  std::vector<cl::IndexEntry> entries = {{.lesson = &a, .page = "edges/index.html", .thumbnail = "", .width = 0, .height = 0,
                                          .labels = {"Vertical edge"}, .beats = {23}}};
  cl::TemplateSet templates;
  std::string error, with, without;
  BOOST_TEST_REQUIRE(templates.Load(CONVLESSON_SOURCE_DIR "/templates", &error), error);
  BOOST_TEST_REQUIRE(templates.Render("index", cl::CourseIndexData(entries, "course.pdf"), &with, &error), error);
  BOOST_TEST_REQUIRE(templates.Render("index", cl::CourseIndexData(entries), &without, &error), error);
  BOOST_TEST(with.find("read every number.</p>\n"
                       "  <p class=\"downloads\"><a href=\"course.pdf\">Every lesson in one printable handout</a> "
                       "<span class=\"kind\">(PDF)</span></p>\n"
                       "  <ul class=\"lesson-cards\">") != std::string::npos);
  BOOST_TEST(without.find("course.pdf") == std::string::npos);
  BOOST_TEST(without.find("class=\"downloads\"") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
