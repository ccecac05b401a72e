// Incremental decisions: when a lesson is up to date, what keys depend on,
// and which outputs are stale.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "cli/build_plan.h"

namespace bdata = boost::unit_test::data;
using cl::BuildManifest;
using cl::ManifestLesson;

namespace {

ManifestLesson Built() {
  ManifestLesson l;
  l.id = "edges";
  l.source = "../lessons/edges.yaml";
  l.yaml_hash = "y1";
  l.generator = "g1";
  l.inputs = {{"../lessons/cat.png", "i1"}};
  return l;
}

struct UpToDateCase {
  const char* name;
  bool has_previous;
  const char* yaml_hash;
  const char* generator;
  bool force;
  const char* input_hash;
  bool outputs_exist;
  const char* want_reason;  // empty: up to date
  bool pending = false;     // a build was killed while replacing the outputs
};
std::ostream& operator<<(std::ostream& os, const UpToDateCase& c) { return os << c.name; }

}  // namespace

BOOST_AUTO_TEST_SUITE(BuildPlanSuite)

BOOST_DATA_TEST_CASE(
    UpToDateOnlyWhenEverythingHashesTheSame,
    bdata::make(std::vector<UpToDateCase>{
        {"unchanged", true, "y1", "g1", false, "i1", true, ""},
        {"forced", true, "y1", "g1", true, "i1", true, "--force"},
        {"never built", false, "y1", "g1", false, "i1", true, "not built before"},
        {"lesson edited", true, "y2", "g1", false, "i1", true, "lesson file changed"},
        {"template or option changed", true, "y1", "g2", false, "i1", true, "generator, templates or options changed"},
        {"image edited", true, "y1", "g1", false, "i2", true, "an input file changed"},
        {"image deleted", true, "y1", "g1", false, "", true, "an input file changed"},
        {"outputs deleted by hand", true, "y1", "g1", false, "i1", false, "outputs missing"},
        {"interrupted while replacing the outputs", true, "y1", "g1", false, "i1", true,
         "a build was interrupted while replacing its outputs", true}}),
    c) {
  ManifestLesson previous = Built();
  previous.pending = c.pending;
  cl::UpToDateCheck check;
  check.yaml_hash = c.yaml_hash;
  check.generator_key = c.generator;
  check.force = c.force;
  std::vector<std::string> asked;
  check.hash_input = [&](const std::string& path) {
    asked.push_back(path);
    return std::string(c.input_hash);
  };
  check.outputs_exist = [&](const std::string& id) { return id == "edges" && c.outputs_exist; };
  std::string reason;
  bool up_to_date = cl::IsUpToDate(c.has_previous ? &previous : nullptr, check, &reason);
  BOOST_TEST(up_to_date == (std::string(c.want_reason).empty()));
  if (!up_to_date) BOOST_TEST(reason == c.want_reason);
  if (up_to_date) BOOST_TEST(asked == std::vector<std::string>{"../lessons/cat.png"});
}

BOOST_AUTO_TEST_CASE(LessonKeyChangesWithEveryInput) {
  std::vector<cl::ManifestInput> inputs = {{"a.png", "h1"}};
  std::string base = cl::LessonKey("g", "x.yaml", "y", inputs);
  BOOST_TEST(base.size() == 64u);
  BOOST_TEST(cl::LessonKey("g", "x.yaml", "y", inputs) == base);
  BOOST_TEST(cl::LessonKey("g2", "x.yaml", "y", inputs) != base);
  BOOST_TEST(cl::LessonKey("g", "z.yaml", "y", inputs) != base);
  BOOST_TEST(cl::LessonKey("g", "x.yaml", "y2", inputs) != base);
  BOOST_TEST(cl::LessonKey("g", "x.yaml", "y", {{"a.png", "h2"}}) != base);
  BOOST_TEST(cl::LessonKey("g", "x.yaml", "y", {{"b.png", "h1"}}) != base);
  BOOST_TEST(cl::LessonKey("g", "x.yaml", "y", {}) != base);
}

BOOST_AUTO_TEST_CASE(CourseKeyFollowsLessonKeysNotFileOrder) {
  BuildManifest m;
  m.lessons["a"].key = "ka";
  m.lessons["b"].key = "kb";
  std::string both = cl::CourseKey("g", m, {"a", "b"});
  BOOST_TEST(cl::CourseKey("g", m, {"b", "a"}) == both);
  BOOST_TEST(cl::CourseKey("g", m, {"a"}) != both);
  BOOST_TEST(cl::CourseKey("g2", m, {"a", "b"}) != both);
  m.lessons["b"].key = "kb2";
  BOOST_TEST(cl::CourseKey("g", m, {"a", "b"}) != both);
}

BOOST_AUTO_TEST_CASE(StaleLessonsAreUnclaimedAndTheirFileIsGone) {
  BuildManifest m;
  for (const char* id : {"deleted", "renamed-id", "kept-not-in-this-build", "built-now"}) {
    m.lessons[id].id = id;
    m.lessons[id].source = std::string("../lessons/") + id + ".yaml";
  }
  m.lessons["renamed-id"].source = "../lessons/built-now.yaml";  // that file now declares another id
  std::set<std::string> existing = {"../lessons/kept-not-in-this-build.yaml", "../lessons/built-now.yaml"};
  auto exists = [&](const std::string& source) { return existing.count(source) > 0; };
  BOOST_TEST(cl::StaleLessonIds(m, {"built-now"}, exists) == std::vector<std::string>{"deleted"});
  BOOST_TEST(cl::StaleLessonIds(m, {"built-now", "deleted"}, exists).empty());
}

BOOST_AUTO_TEST_CASE(FindsTheEntryALessonFileMade) {
  BuildManifest m;
  m.lessons["a"].id = "a";
  m.lessons["a"].source = "../lessons/one.yaml";
  BOOST_TEST(cl::FindBySource(m, "../lessons/one.yaml") == &m.lessons["a"]);
  BOOST_TEST(cl::FindBySource(m, "../lessons/two.yaml") == nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
