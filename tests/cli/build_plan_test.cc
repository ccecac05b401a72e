// Incremental decisions: when a lesson is up to date, what keys depend on,
// and which outputs are stale.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "cli/build_plan.h"
#include "cli/build_settings.h"

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
  check.outputs_exist = [&](const ManifestLesson& record) { return record.id == "edges" && c.outputs_exist; };
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

BOOST_AUTO_TEST_CASE(CourseKeysFollowWhatEachPartReadsNotFileOrder) {
  BuildManifest m;
  m.lessons["a"].index_key = "ia";
  m.lessons["a"].outputs = {{"html", "ha"}, {"pdf", "pa"}};
  m.lessons["b"].index_key = "ib";
  m.lessons["b"].outputs = {{"html", "hb"}, {"pdf", "pb"}};
  const std::string index = cl::CourseIndexKey("g", m, {"a", "b"}), pdf = cl::CoursePdfKey("g", m, {"a", "b"});
  BOOST_TEST(cl::CourseIndexKey("g", m, {"b", "a"}) == index);
  BOOST_TEST(cl::CourseIndexKey("g", m, {"a"}) != index);
  BOOST_TEST(cl::CourseIndexKey("g2", m, {"a", "b"}) != index);
  BOOST_TEST(index != pdf);
  // A new handout (prose edited) changes course.pdf, not the index.
  m.lessons["b"].outputs["pdf"] = "pb2";
  BOOST_TEST(cl::CourseIndexKey("g", m, {"a", "b"}) == index);
  BOOST_TEST(cl::CoursePdfKey("g", m, {"a", "b"}) != pdf);
  // What the index lists (title, order, ...) changes both.
  m.lessons["b"].index_key = "ib2";
  BOOST_TEST(cl::CourseIndexKey("g", m, {"a", "b"}) != index);
  // A kind a lesson no longer holds changes what the index may link.
  m.lessons["b"].index_key = "ib";
  m.lessons["b"].outputs.erase("html");
  BOOST_TEST(cl::CourseIndexKey("g", m, {"a", "b"}) != index);
  BOOST_TEST(cl::KindsHeldByAll(m, {"a", "b"}) == std::set<std::string>{"pdf"});
  BOOST_TEST(cl::KindsHeldByAll(m, {"a"}) == (std::set<std::string>{"html", "pdf"}));
}

namespace {

// Keys as output_keys.h makes them, in a form a test can read: html and
// json depend on what the folder holds, the rest on `version` alone.
std::map<std::string, std::string> FakeKeys(const std::string& version, const std::set<std::string>& present) {
  std::map<std::string, std::string> keys;
  std::string holds;
  for (const std::string& kind : present) holds += kind + ",";
  for (const std::string& kind : cl::AllOutputKinds())
    keys[kind] = version + (kind == "html" || kind == "json" ? "|" + holds : "");
  return keys;
}

ManifestLesson HoldingEverything(const std::string& version) {
  ManifestLesson l = Built();
  l.outputs = FakeKeys(version, cl::AllOutputKinds());
  l.made = std::vector<std::string>{"frames/v/001-input.svg", "frames/v/001-input.png", "v.gif", "v.svg",
                                    "handout.pdf", "index.html", "lesson.json"};
  return l;
}

cl::LessonOutputPlan Plan(const ManifestLesson* previous, const std::set<std::string>& wanted,
                          const std::string& version, bool force = false, const std::string& missing_kind = "") {
  const bool only = wanted != cl::AllOutputKinds();
  return cl::PlanLessonOutputs(
      previous, "edges", wanted, force, only,
      [&](const std::set<std::string>& present) { return FakeKeys(version, present); },
      [&](const std::string& kind) { return kind != missing_kind; });
}

}  // namespace

BOOST_AUTO_TEST_CASE(WritesOnlyTheKindsWhoseKeyChanged) {
  const std::set<std::string> all = cl::AllOutputKinds();
  // Never built: everything wanted is written.
  cl::LessonOutputPlan first = Plan(nullptr, all, "v1");
  BOOST_TEST(first.write == all);
  BOOST_TEST(first.keep.empty());
  // Nothing changed: everything is kept.
  ManifestLesson previous = HoldingEverything("v1");
  cl::LessonOutputPlan same = Plan(&previous, all, "v1");
  BOOST_TEST(same.write.empty());
  BOOST_TEST(same.keep == all);
  // One key changed (as prose changes pdf, html and json): only those.
  previous.outputs["pdf"] = "old";
  previous.outputs["json"] = "old";
  cl::LessonOutputPlan prose = Plan(&previous, all, "v1");
  BOOST_TEST(prose.write == (std::set<std::string>{"json", "pdf"}));
  BOOST_TEST(prose.present == all);
  // --force writes every wanted kind.
  BOOST_TEST(Plan(&previous, all, "v1", true).write == all);
  // A kind whose files are not all there is written again.
  BOOST_TEST(Plan(&previous, all, "v1", false, "png").write == (std::set<std::string>{"json", "pdf", "png"}));
}

BOOST_AUTO_TEST_CASE(OnlyLeavesTheOtherKindsAsTheyAre) {
  const std::set<std::string> all = cl::AllOutputKinds();
  ManifestLesson previous = HoldingEverything("v1");
  // Every key changed, but only html is wanted: the rest stays, and the page
  // links what the folder still holds.
  cl::LessonOutputPlan only = Plan(&previous, {"html"}, "v2");
  BOOST_TEST(only.write == std::set<std::string>{"html"});
  BOOST_TEST(only.present == all);
  BOOST_TEST(only.keep.size() == all.size() - 1);
  BOOST_TEST(only.keys.at("html") == FakeKeys("v2", all).at("html"));
  // A kind not wanted whose files are gone is no longer held, and not linked.
  cl::LessonOutputPlan lost = Plan(&previous, {"html"}, "v1", false, "pdf");
  BOOST_TEST(!lost.present.count("pdf"));
  BOOST_TEST(lost.write == std::set<std::string>{"html"});  // it links one kind less
  // Into an empty folder, --only html makes a page that links nothing else.
  BOOST_TEST(Plan(nullptr, {"html"}, "v1").present == std::set<std::string>{"html"});
}

// Without --only a folder holds just the kinds wanted: PDF figures a lesson
// no longer asks for go, where kept they showed its old numbers.
BOOST_AUTO_TEST_CASE(AWholeBuildDropsTheKindsNoLongerAskedFor) {
  std::set<std::string> asked = cl::AllOutputKinds();
  asked.erase("pdf-frames");
  ManifestLesson previous = HoldingEverything("v1");
  const cl::LessonOutputPlan plan = cl::PlanLessonOutputs(
      &previous, "edges", asked, false, false,
      [&](const std::set<std::string>& present) { return FakeKeys("v1", present); },
      [](const std::string&) { return true; });
  BOOST_TEST(plan.present == asked);
  BOOST_TEST(!plan.keep.count("pdf-frames"));
  BOOST_TEST(plan.keys.at("html") == FakeKeys("v1", asked).at("html"));  // the page no longer links them
  BOOST_TEST(plan.write == (std::set<std::string>{"html", "json"}));
}

BOOST_AUTO_TEST_CASE(KeepsNothingOfAFolderItCannotVouchFor) {
  const std::set<std::string> all = cl::AllOutputKinds();
  ManifestLesson pending = HoldingEverything("v1");
  pending.pending = true;  // a build was killed while replacing it
  BOOST_TEST(Plan(&pending, all, "v1").write == all);
  BOOST_TEST(Plan(&pending, {"html"}, "v1").present == std::set<std::string>{"html"});
  ManifestLesson other_id = HoldingEverything("v1");
  other_id.id = "renamed";  // the lesson file now declares "edges"
  BOOST_TEST(Plan(&other_id, all, "v1").write == all);
  ManifestLesson version_two = Built();  // no output keys yet
  BOOST_TEST(Plan(&version_two, all, "v1").write == all);
}

BOOST_AUTO_TEST_CASE(FilesOfKindsFollowTheirPaths) {
  const ManifestLesson l = HoldingEverything("v1");
  BOOST_TEST(cl::FilesOfKinds(l, {"svg"}) == std::vector<std::string>{"frames/v/001-input.svg"});
  BOOST_TEST(cl::FilesOfKinds(l, {"anim-svg", "gif"}) == (std::vector<std::string>{"v.gif", "v.svg"}));
  BOOST_TEST(cl::FilesOfKinds(l, {"html", "json"}) == (std::vector<std::string>{"index.html", "lesson.json"}));
  BOOST_TEST(cl::AsOnly(cl::AllOutputKinds()).empty());
  BOOST_TEST(cl::AsOnly({"html"}) == std::set<std::string>{"html"});
}

BOOST_AUTO_TEST_CASE(ShardsAreBalancedByCostAndTheSameEverywhere) {
  // One costly lesson and four cheap ones over two machines: the costly one
  // alone, the cheap ones together (not three and two).
  const std::vector<std::pair<std::string, double>> costs = {
      {"a.yaml", 10}, {"big.yaml", 100}, {"b.yaml", 10}, {"c.yaml", 10}, {"d.yaml", 10}};
  BOOST_TEST(cl::AssignShards(costs, 2) == (std::vector<int>{2, 1, 2, 2, 2}));
  // Equal costs go by name, whatever the order given.
  BOOST_TEST(cl::AssignShards({{"y", 1}, {"x", 1}}, 2) == (std::vector<int>{2, 1}));
  BOOST_TEST(cl::AssignShards({{"x", 1}, {"y", 1}}, 2) == (std::vector<int>{1, 2}));
  BOOST_TEST(cl::AssignShards({{"x", 1}}, 3) == std::vector<int>{1});
  int shard = 0, shards = 0;
  std::string error;
  BOOST_TEST(cl::ParseShard("2/3", &shard, &shards, &error));
  BOOST_TEST((shard == 2 && shards == 3));
  for (const char* bad : {"0/3", "4/3", "1/0", "1/1001", "+1/2", "1/", "/2", "1-2", "a/b", "1/2/3"})
    BOOST_TEST(!cl::ParseShard(bad, &shard, &shards, &error), bad);
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
