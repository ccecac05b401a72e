// The course build's planning and the file side of publishing a lesson, on an
// in-memory file system: which lessons are up to date, which kinds a changed
// lesson renders and keeps, who gets an id, and which files a new folder
// takes over from the old one.
#include <boost/test/unit_test.hpp>

#include <map>

#include "base/sha256.h"
#include "cli/build_file_system.h"
#include "cli/build_paths.h"
#include "cli/course_plan.h"
#include "cli/course_publish.h"
#include "cli/lesson_publish.h"
#include "cli/shard_merge.h"
#include "cli/output_keys.h"

namespace {

const char* kLesson =
    "id: edges\n"
    "title: Edges\n"
    "order: 1\n"
    "image:\n"
    "  pixels:\n"
    "    - [0, 0, 9, 9]\n"
    "    - [0, 0, 9, 9]\n"
    "    - [0, 0, 9, 9]\n"
    "filter: vertical-edge\n"
    "pool: none\n"
    "sections:\n"
    "  - title: Why\n"
    "    body: A first sentence.\n";

struct Fixture {
  cl::MemoryBuildFileSystem fs;
  cl::BuildManifest manifest;
  cl::BuildSettings settings;
  cl::CoursePlanInput input;

  Fixture() {
    settings.generator_key = "g1";
    settings.templates_hash = "t1";
    fs.Put("lessons/edges.yaml", kLesson);
    input.fs = &fs;
    input.out = "out";
    input.manifest = &manifest;
    input.settings = &settings;
    input.wanted = cl::AllOutputKinds();
    input.wanted.erase("pdf-frames");  // as a build without --only: made when a lesson asks
    input.hash_input = [this](const std::string& relative) {
      std::string bytes;
      return fs.ReadFile(cl::ResolveFromOut(relative, "out"), &bytes, nullptr) ? std::string("h") + bytes
                                                                                       : std::string();
    };
  }

  std::vector<cl::LessonJob> Plan() { return cl::PlanLessonJobs({"lessons/edges.yaml"}, input); }

  // Records what a build of the lesson as it is now would: every kind with
  // its key, one file of each kind in out/edges.
  void RecordBuilt() {
    std::vector<cl::LessonJob> jobs = Plan();
    BOOST_REQUIRE(jobs.size() == 1u && jobs[0].lesson);
    cl::ManifestLesson& l = manifest.lessons["edges"];
    l.id = "edges";
    l.source = "../lessons/edges.yaml";
    l.yaml_hash = jobs[0].yaml_hash;
    l.generator = settings.generator_key;
    l.key = "k";
    for (const auto& [kind, key] : cl::LessonOutputKeys(*jobs[0].lesson, settings, input.wanted))
      if (input.wanted.count(kind)) l.outputs[kind] = key;
    l.made = std::vector<std::string>{"edges.gif", "edges.svg", "frames/v/001-input.png", "frames/v/001-input.svg",
                                      "handout.pdf", "index.html", "lesson.json"};
    for (const std::string& file : *l.made) fs.Put("out/edges/" + file, "old " + file);
  }

  void Edit(const std::string& from, const std::string& to) {
    std::string text;
    fs.ReadFile("lessons/edges.yaml", &text, nullptr);
    BOOST_REQUIRE(text.find(from) != std::string::npos);
    text.replace(text.find(from), from.size(), to);
    fs.Put("lessons/edges.yaml", text);
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(CoursePlanSuite)

BOOST_FIXTURE_TEST_CASE(ANewLessonRendersEverything, Fixture) {
  std::vector<cl::LessonJob> jobs = Plan();
  BOOST_REQUIRE(jobs.size() == 1u);
  BOOST_TEST(!jobs[0].up_to_date);
  BOOST_TEST(jobs[0].id == "edges");
  BOOST_TEST(jobs[0].plan.write == input.wanted);
  BOOST_TEST(jobs[0].source == "../lessons/edges.yaml");
  // A lesson asking for PDF figures gets them too.
  Edit("pool: none\n", "pool: none\npdf_frames: true\n");
  BOOST_TEST(Plan()[0].plan.write.count("pdf-frames") == 1u);
}

BOOST_FIXTURE_TEST_CASE(AnUnchangedLessonIsNotEvenLoaded, Fixture) {
  RecordBuilt();
  std::vector<cl::LessonJob> jobs = Plan();
  BOOST_TEST(jobs[0].up_to_date);
  BOOST_TEST(!jobs[0].lesson.has_value());
  // Its folder deleted by hand: rendered again.
  fs.RemoveTree("out/edges", nullptr);
  BOOST_TEST(!Plan()[0].up_to_date);
}

BOOST_FIXTURE_TEST_CASE(EachEditRendersTheKindsThatReadIt, Fixture) {
  RecordBuilt();
  Edit("body: A first sentence.", "body: A first sentence. And another.");
  BOOST_TEST(Plan()[0].plan.write == (std::set<std::string>{"embed", "html", "json", "pdf", "slides"}));
  RecordBuilt();
  Edit("order: 1", "order: 2");
  std::vector<cl::LessonJob> order = Plan();
  BOOST_TEST(!order[0].up_to_date);  // its record must learn the new order
  BOOST_TEST(order[0].plan.write.empty());
  BOOST_TEST(cl::LessonIndexKey(*order[0].lesson) != manifest.lessons["edges"].index_key);
  RecordBuilt();
  Edit("title: Edges", "title: Vertical edges");
  BOOST_TEST(Plan()[0].plan.write == (std::set<std::string>{"anim-svg", "embed", "html", "json", "pdf", "slides"}));
  RecordBuilt();
  Edit("[0, 0, 9, 9]", "[0, 1, 9, 9]");
  BOOST_TEST(Plan()[0].plan.write == input.wanted);
  RecordBuilt();
  settings.templates_hash = "t2";  // a template edited
  settings.generator_key = "g2";
  BOOST_TEST(Plan()[0].plan.write == (std::set<std::string>{"embed", "html"}));
  RecordBuilt();
  settings.render.base_url = "/lessons/";  // --base-url: embed.html alone
  settings.generator_key = "g3";
  BOOST_TEST(Plan()[0].plan.write == std::set<std::string>{"embed"});
}

BOOST_FIXTURE_TEST_CASE(OnlyRendersWhatItNamesAndKeepsTheRest, Fixture) {
  RecordBuilt();
  Edit("title: Edges", "title: Vertical edges");
  input.wanted = settings.render.only = {"html"};  // --only html
  cl::LessonJob job = std::move(Plan()[0]);
  BOOST_TEST(job.plan.write == std::set<std::string>{"html"});
  std::set<std::string> all_but_figures = cl::AllOutputKinds();
  all_but_figures.erase("pdf-frames");
  BOOST_TEST(job.plan.present == all_but_figures);
  // The kept files go into the new folder as the old files themselves.
  fs.MakeDirectories("out/.convlesson-staging/edges", nullptr);
  fs.Put("out/.convlesson-staging/edges/index.html", "new page");
  std::vector<std::string> kept;
  std::string error;
  BOOST_REQUIRE(cl::KeepFiles(fs, "out/edges", "out/.convlesson-staging/edges", cl::FilesOfKinds(*job.previous, job.plan.keep),
                              &kept, &error));
  BOOST_TEST(kept.size() == 6u);
  for (const std::string& file : kept)
    BOOST_TEST(fs.Identity("out/.convlesson-staging/edges/" + file) == fs.Identity("out/edges/" + file));
  BOOST_TEST(fs.Identity("out/.convlesson-staging/edges/index.html") != fs.Identity("out/edges/index.html"));
  // A file to keep that is gone fails the lesson rather than publish a hole.
  fs.RemoveTree("out/edges/handout.pdf", nullptr);
  fs.RemoveTree("out/.convlesson-staging/edges/handout.pdf", nullptr);
  kept.clear();
  BOOST_TEST(!cl::KeepFiles(fs, "out/edges", "out/.convlesson-staging/edges", {"handout.pdf"}, &kept, &error));
  BOOST_TEST(error.find("cannot keep out/edges/handout.pdf") == 0u);
}

BOOST_FIXTURE_TEST_CASE(FilesRenderedToTheSameBytesStayTheOldFiles, Fixture) {
  fs.Put("out/edges/index.html", "page");
  fs.Put("out/edges/lesson.json", "json v1");
  fs.Put("out/edges/notes.txt", "page");  // not the build's: never taken over
  fs.Put("out/.convlesson-staging/edges/index.html", "page");
  fs.Put("out/.convlesson-staging/edges/lesson.json", "json v2");
  fs.Put("out/.convlesson-staging/edges/notes.txt", "page");
  const std::vector<std::string> unchanged = cl::KeepUnchangedFiles(
      fs, "out/edges", "out/.convlesson-staging/edges", {"index.html", "lesson.json", "notes.txt"}, {"index.html", "lesson.json"});
  BOOST_TEST(unchanged == std::vector<std::string>{"index.html"});
  BOOST_TEST(fs.Identity("out/.convlesson-staging/edges/index.html") == fs.Identity("out/edges/index.html"));
  BOOST_TEST(fs.Identity("out/.convlesson-staging/edges/lesson.json") != fs.Identity("out/edges/lesson.json"));
  BOOST_TEST(fs.Identity("out/.convlesson-staging/edges/notes.txt") != fs.Identity("out/edges/notes.txt"));
}

BOOST_FIXTURE_TEST_CASE(IdsGoToTheFirstFileAndNeverOverAnotherFilesOutputs, Fixture) {
  fs.Put("lessons/copy.yaml", kLesson);
  fs.Put("lessons/elsewhere.yaml", "x");
  manifest.lessons["edges"].id = "edges";
  manifest.lessons["edges"].source = "../lessons/elsewhere.yaml";  // out/edges is another file's
  std::vector<cl::LessonJob> jobs = cl::PlanLessonJobs({"lessons/edges.yaml", "lessons/copy.yaml"}, input);
  std::set<std::string> claimed = cl::ClaimLessonIds(jobs, input);
  BOOST_TEST(claimed.empty());
  BOOST_TEST(jobs[0].diagnostics.back().message ==
             "lesson id 'edges' is already used by lessons/elsewhere.yaml, whose outputs are in out/edges; "
             "give this lesson another id");
  BOOST_TEST(jobs[1].diagnostics.back().message == jobs[0].diagnostics.back().message);
  // Once that file is gone, the first file gets the id and the second fails.
  fs.RemoveTree("lessons/elsewhere.yaml", nullptr);
  jobs = cl::PlanLessonJobs({"lessons/edges.yaml", "lessons/copy.yaml"}, input);
  BOOST_TEST(cl::ClaimLessonIds(jobs, input) == std::set<std::string>{"edges"});
  BOOST_TEST(jobs[1].diagnostics.back().message == "lesson id 'edges' is already used by lessons/edges.yaml");
}

BOOST_FIXTURE_TEST_CASE(ARenamedLessonFileKeepsTheOutputsItsOldNameMade, Fixture) {
  RecordBuilt();
  std::string text;
  fs.ReadFile("lessons/edges.yaml", &text, nullptr);
  fs.Put("lessons/renamed.yaml", text);
  fs.RemoveTree("lessons/edges.yaml", nullptr);
  std::vector<cl::LessonJob> jobs = cl::PlanLessonJobs({"lessons/renamed.yaml"}, input);
  BOOST_REQUIRE(jobs.size() == 1u);
  BOOST_TEST(!jobs[0].up_to_date);  // known only once loaded: by its id
  BOOST_REQUIRE(jobs[0].previous.has_value());
  BOOST_TEST(jobs[0].previous->source == "../lessons/edges.yaml");
  BOOST_TEST(jobs[0].plan.write.empty());  // every key as before: nothing to render
  BOOST_TEST(jobs[0].plan.keep == jobs[0].plan.present);
  BOOST_TEST(cl::ClaimLessonIds(jobs, input) == std::set<std::string>{"edges"});
  // Renamed beside a new file of the same id named before it: the renamed
  // one (the old file's bytes) keeps the outputs.
  fs.Put("lessons/a-new.yaml", std::string(kLesson) + "summary: Another lesson.\n");
  jobs = cl::PlanLessonJobs({"lessons/a-new.yaml", "lessons/renamed.yaml"}, input);
  BOOST_TEST(cl::ClaimLessonIds(jobs, input) == std::set<std::string>{"edges"});
  BOOST_TEST(jobs[0].id.empty());
  BOOST_TEST(jobs[1].id == "edges");
  fs.RemoveTree("lessons/a-new.yaml", nullptr);
  // While the old file is still there, its outputs are not this file's.
  fs.Put("lessons/edges.yaml", text);
  jobs = cl::PlanLessonJobs({"lessons/renamed.yaml"}, input);
  BOOST_TEST(!jobs[0].previous.has_value());
  BOOST_TEST(cl::ClaimLessonIds(jobs, input).empty());
}

BOOST_FIXTURE_TEST_CASE(TwoLessonFilesWhoseNamesAreSwappedKeepTheirOutputs, Fixture) {
  // Two built lessons, each recorded as a build would record it.
  std::string edges, other = std::string(kLesson);
  fs.ReadFile("lessons/edges.yaml", &edges, nullptr);
  other.replace(other.find("id: edges"), 9, "id: other");
  fs.Put("lessons/other.yaml", other);
  const std::vector<std::string> paths = {"lessons/edges.yaml", "lessons/other.yaml"};
  for (cl::LessonJob& job : cl::PlanLessonJobs(paths, input)) {
    BOOST_REQUIRE(job.lesson);
    cl::ManifestLesson& l = manifest.lessons[job.id];
    l.id = job.id;
    l.source = job.source;
    l.yaml_hash = job.yaml_hash;
    l.generator = settings.generator_key;
    for (const auto& [kind, key] : cl::LessonOutputKeys(*job.lesson, settings, input.wanted))
      if (input.wanted.count(kind)) l.outputs[kind] = key;
    l.made = std::vector<std::string>{"index.html"};
    fs.Put("out/" + job.id + "/index.html", "page");
  }
  // The names swapped: each file now holds the other lesson.
  fs.Put("lessons/edges.yaml", other);
  fs.Put("lessons/other.yaml", edges);
  std::vector<cl::LessonJob> jobs = cl::PlanLessonJobs(paths, input);
  BOOST_REQUIRE(jobs.size() == 2u);
  for (const cl::LessonJob& job : jobs) {
    BOOST_REQUIRE(job.previous.has_value());
    BOOST_TEST(job.previous->id == job.id);  // its id's record, not its name's
    BOOST_TEST(job.plan.write.empty());
  }
  BOOST_TEST(cl::ClaimLessonIds(jobs, input) == (std::set<std::string>{"edges", "other"}));
  for (const cl::LessonJob& job : jobs) BOOST_TEST(job.diagnostics.empty());
}

BOOST_FIXTURE_TEST_CASE(TheFileWhoseOutputsAreThereKeepsItsIdOverACopyNamedBeforeIt, Fixture) {
  // A copy of a built lesson, under a name that comes first: out/edges stays
  // edges.yaml's, and the copy fails, at its id.
  fs.Put("lessons/a-copy.yaml", kLesson);
  manifest.lessons["edges"].id = "edges";
  manifest.lessons["edges"].source = "../lessons/edges.yaml";
  std::vector<cl::LessonJob> jobs = cl::PlanLessonJobs({"lessons/a-copy.yaml", "lessons/edges.yaml"}, input);
  BOOST_REQUIRE(jobs.size() == 2u);
  BOOST_TEST(cl::ClaimLessonIds(jobs, input) == std::set<std::string>{"edges"});
  BOOST_TEST(jobs[0].id.empty());
  BOOST_REQUIRE(!jobs[0].diagnostics.empty());
  BOOST_TEST(jobs[0].diagnostics.back().message == "lesson id 'edges' is already used by lessons/edges.yaml");
  BOOST_TEST(jobs[0].diagnostics.back().where.line == 1);  // at its id
  BOOST_TEST(jobs[1].id == "edges");
  BOOST_TEST(jobs[1].diagnostics.empty());
  // The built file broken for now: the copy still may not take its folder.
  fs.Put("lessons/edges.yaml", "id: edges\ntitle: [unclosed\n");
  jobs = cl::PlanLessonJobs({"lessons/a-copy.yaml", "lessons/edges.yaml"}, input);
  BOOST_TEST(cl::ClaimLessonIds(jobs, input).empty());
  BOOST_REQUIRE(!jobs[0].diagnostics.empty());
  BOOST_TEST(jobs[0].diagnostics.back().message ==
             "lesson id 'edges' is already used by lessons/edges.yaml, whose outputs are in out/edges; "
             "give this lesson another id");
}

BOOST_FIXTURE_TEST_CASE(TheCourseListsEveryLessonInOutAndRebuildsOnlyWhatChanged, Fixture) {
  RecordBuilt();
  cl::ManifestLesson other = manifest.lessons["edges"];  // a lesson this build was not given
  other.id = "pools";
  other.source = "../lessons/pools.yaml";
  other.index_key = "i2";
  manifest.lessons["pools"] = other;
  manifest.lessons["edges"].index_key = "i1";
  std::optional<cl::CourseOutputPlan> plan = cl::PlanCourseOutputs(input, {});
  BOOST_REQUIRE(plan.has_value());
  BOOST_TEST(plan->ids == (std::set<std::string>{"edges", "pools"}));
  BOOST_TEST(plan->present == input.wanted);
  BOOST_TEST((plan->index_due && plan->pdf_due));  // never built
  // Built: nothing is due.
  manifest.course_key = plan->index_key;
  manifest.course_pdf_key = plan->pdf_key;
  for (const char* entry : {"out/index.html", "out/assets/style.css", "out/course.pdf"}) fs.Put(entry, "x");
  plan = cl::PlanCourseOutputs(input, {});
  BOOST_TEST((!plan->index_due && !plan->pdf_due));
  // A new handout (prose): course.pdf only.
  manifest.lessons["pools"].outputs["pdf"] = "another handout";
  plan = cl::PlanCourseOutputs(input, {});
  BOOST_TEST((!plan->index_due && plan->pdf_due));
  // A lesson whose file is gone leaves both.
  plan = cl::PlanCourseOutputs(input, {"pools"});
  BOOST_TEST(plan->ids == std::set<std::string>{"edges"});
  BOOST_TEST((plan->index_due && plan->pdf_due));
  // --only html: the index may be due, course.pdf is not made.
  input.wanted = {"html"};
  plan = cl::PlanCourseOutputs(input, {"pools"});
  BOOST_TEST((plan->index_due && !plan->pdf_due));
  // A lesson folder being changed by a killed build: no course until it is settled.
  manifest.lessons["pools"].pending = true;
  BOOST_TEST(!cl::PlanCourseOutputs(input, {}).has_value());
}

BOOST_AUTO_TEST_CASE(CourseEntriesWithTheSameBytesStay) {
  cl::MemoryBuildFileSystem fs;
  cl::BuildManifest manifest;
  manifest.course_entries = {"assets", "course.pdf", "index.html"};
  manifest.course_files = std::vector<std::string>{"assets/player.js", "assets/style.css", "course.pdf", "index.html"};
  for (const char* file : {"assets/player.js", "assets/style.css", "course.pdf", "index.html"})
    fs.Put(std::string("out/") + file, std::string("old ") + file);
  fs.Put("out/.convlesson-staging/.course/assets/player.js", "old assets/player.js");
  fs.Put("out/.convlesson-staging/.course/assets/style.css", "new style");
  fs.Put("out/.convlesson-staging/.course/index.html", "old index.html");
  fs.Put("out/.convlesson-staging/.course/course.pdf", "new course.pdf");
  std::vector<std::string> entries = {"assets", "course.pdf", "index.html"};
  const std::set<std::string> unchanged = cl::KeepUnchangedCourseEntries(
      fs, "out/.convlesson-staging/.course", "out", manifest,
      {"assets/player.js", "assets/style.css", "course.pdf", "index.html"}, &entries);
  BOOST_TEST(entries == (std::vector<std::string>{"assets", "course.pdf"}));
  BOOST_TEST(unchanged == std::set<std::string>{"assets/player.js"});
  BOOST_TEST(fs.Identity("out/.convlesson-staging/.course/assets/player.js") == fs.Identity("out/assets/player.js"));
  BOOST_TEST(fs.Identity("out/.convlesson-staging/.course/assets/style.css") != fs.Identity("out/assets/style.css"));
  // A file the build did not make is never taken over, even with the same bytes.
  manifest.course_files = std::vector<std::string>{"course.pdf", "index.html"};
  entries = {"assets"};
  BOOST_TEST(cl::KeepUnchangedCourseEntries(fs, "out/.convlesson-staging/.course", "out", manifest, {"assets/player.js"}, &entries)
                 .empty());
  BOOST_TEST(entries == std::vector<std::string>{"assets"});
}

BOOST_AUTO_TEST_CASE(MemoryFileSystemSwapsAndListsLikeTheDisk) {
  cl::MemoryBuildFileSystem fs;
  fs.Put("out/a/x.txt", "old");
  fs.Put("out/.convlesson-staging/a/y.txt", "new");
  std::string error;
  BOOST_REQUIRE(fs.ReplacePath("out/.convlesson-staging/a", "out/a", &error));
  BOOST_TEST(fs.FilesUnder("out/a") == std::vector<std::string>{"y.txt"});
  BOOST_TEST(!fs.PathExists("out/.convlesson-staging/a"));
  BOOST_TEST(fs.ListDirectory("out") == (std::vector<std::string>{".convlesson-staging", "a"}));
  BOOST_TEST(cl::SameTree(fs, "out/a", "out/a"));
  fs.Put("out/b/y.txt", "new");
  BOOST_TEST(cl::SameTree(fs, "out/a", "out/b"));
  fs.Put("out/b/z.txt", "more");
  BOOST_TEST(!cl::SameTree(fs, "out/a", "out/b"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ShardMergeSuite)

namespace {

// A shard's output folder holding `ids`, built under `generator`.
void PutShard(cl::MemoryBuildFileSystem& fs, const std::string& dir, const std::vector<std::string>& ids,
              const std::string& generator = "a1") {
  cl::BuildManifest m;
  for (const std::string& id : ids) {
    cl::ManifestLesson& l = m.lessons[id];
    l.id = id;
    l.source = "../lessons/" + id + ".yaml";
    l.inputs = {{"../lessons/" + id + ".png", "aa"}};
    l.key = l.yaml_hash = "ab";
    l.generator = generator;
    l.made = std::vector<std::string>{"index.html"};
    fs.Put(dir + "/" + id + "/index.html", id);
  }
  fs.Put(dir + "/.convlesson-manifest", cl::SerializeManifest(m));
}

}  // namespace

BOOST_AUTO_TEST_CASE(ReadsEveryShardsLessonsWithPathsFromTheMergedFolder) {
  cl::MemoryBuildFileSystem fs;
  PutShard(fs, "out-1", {"b", "a"});
  PutShard(fs, "out-2", {"c"});
  std::vector<cl::ShardLesson> lessons;
  std::string error;
  BOOST_REQUIRE_MESSAGE(cl::ReadShards(fs, {"out-1", "out-2"}, "site/out", "a1", &lessons, &error), error);
  BOOST_REQUIRE(lessons.size() == 3u);
  BOOST_TEST(lessons[0].record.id == "a");
  BOOST_TEST(lessons[2].dir == "out-2");
  // Paths relative to out-1 become relative to site/out, and the key follows them.
  BOOST_TEST(lessons[0].record.source == "../../lessons/a.yaml");
  BOOST_TEST(lessons[0].record.inputs[0].path == "../../lessons/a.png");
  BOOST_TEST(lessons[0].record.key == cl::LessonKey("a1", "../../lessons/a.yaml", "ab", lessons[0].record.inputs));
  // A sibling folder keeps them as they were: the same records as one build.
  lessons.clear();
  BOOST_REQUIRE(cl::ReadShards(fs, {"out-1"}, "out", "a1", &lessons, &error));
  BOOST_TEST(lessons[0].record.source == "../lessons/a.yaml");
}

BOOST_AUTO_TEST_CASE(RefusesShardsItCannotJoinExactly) {
  cl::MemoryBuildFileSystem fs;
  PutShard(fs, "out-1", {"a"});
  PutShard(fs, "out-2", {"a"});
  PutShard(fs, "odd", {"b"}, "a2");
  std::vector<cl::ShardLesson> lessons;
  std::string error;
  BOOST_TEST(!cl::ReadShards(fs, {"out-1", "out-2"}, "out", "a1", &lessons, &error));
  BOOST_TEST(error == "lesson 'a' is in both out-1 and out-2");
  BOOST_TEST(!cl::ReadShards(fs, {"odd"}, "out", "a1", &lessons, &error));
  BOOST_TEST(error.find("odd/b was built with other settings than this merge's: give `merge` the course file") == 0u);
  BOOST_TEST(!cl::ReadShards(fs, {"missing"}, "out", "a1", &lessons, &error));
  BOOST_TEST(error.find("missing/.convlesson-manifest: not the output of a build") == 0u);
}

// A merge makes what one build of the course would: every lesson of the
// course folder is in a shard, built from its file and images as they are.
BOOST_AUTO_TEST_CASE(AMergeNeedsEveryLessonOfTheCourseBuiltFromItsFilesAsTheyAre) {
  cl::MemoryBuildFileSystem fs;
  PutShard(fs, "out-1", {"a"});
  PutShard(fs, "out-2", {"b"});
  std::vector<cl::ShardLesson> lessons;
  std::string error;
  BOOST_REQUIRE(cl::ReadShards(fs, {"out-1", "out-2"}, "out", "a1", &lessons, &error));
  fs.Put("lessons/a.yaml", "title: A");
  fs.Put("lessons/b.yaml", "title: B");
  for (cl::ShardLesson& l : lessons) l.record.yaml_hash = cl::Sha256Hex(l.record.id == "a" ? "title: A" : "title: B");
  std::map<std::string, std::string> images = {{"../lessons/a.png", "aa"}, {"../lessons/b.png", "aa"}};
  const auto hash = [&](const std::string& path) { return images.count(path) ? images[path] : std::string(); };
  const std::vector<std::string> course = {"../lessons/a.yaml", "../lessons/b.yaml"};
  BOOST_TEST(cl::CheckShardsCoverTheCourse(fs, lessons, course, "out", hash, &error));
  BOOST_TEST(cl::CheckShardsCoverTheCourse(fs, lessons, {}, "out", hash, &error));  // no course folder given

  // A lesson of the course that no shard holds (a shard's folder left out).
  std::vector<std::string> more = course;
  more.push_back("../lessons/c.yaml");
  BOOST_TEST(!cl::CheckShardsCoverTheCourse(fs, lessons, more, "out", hash, &error));
  BOOST_TEST(error.find("lessons/c.yaml is in none of the shard folders given") == 0u);
  more.push_back("../lessons/d.yaml");  // a shard left out holds several: each is named
  BOOST_TEST(!cl::CheckShardsCoverTheCourse(fs, lessons, more, "out", hash, &error));
  BOOST_TEST(error.find("lessons/c.yaml, lessons/d.yaml are in none of the shard folders given") == 0u);
  // A lesson file edited since its shard built it, then an image.
  fs.Put("lessons/b.yaml", "title: B, edited");
  BOOST_TEST(!cl::CheckShardsCoverTheCourse(fs, lessons, course, "out", hash, &error));
  BOOST_TEST(error.find("out-2/b was built from lessons/b.yaml or its images as they were before a change") == 0u);
  fs.Put("lessons/b.yaml", "title: B");
  images["../lessons/a.png"] = "ac";
  BOOST_TEST(!cl::CheckShardsCoverTheCourse(fs, lessons, course, "out", hash, &error));
  BOOST_TEST(error.find("out-1/a was built from lessons/a.yaml") == 0u);
  images["../lessons/a.png"] = "aa";
  BOOST_TEST(cl::CheckShardsCoverTheCourse(fs, lessons, course, "out", hash, &error));
  // A lesson file deleted since (a shard's folder used again keeps its record).
  std::string ignored;
  BOOST_REQUIRE(fs.RemoveTree("lessons/b.yaml", &ignored));
  BOOST_TEST(!cl::CheckShardsCoverTheCourse(fs, lessons, {"../lessons/a.yaml"}, "out", hash, &error));
  BOOST_TEST(error == "out-2/b was built from lessons/b.yaml, which is gone; remove out-2 and build that shard again");
}

BOOST_AUTO_TEST_SUITE_END()

// With threads to share, the lessons start costliest first (a photograph's
// 28 beats of 4 variants before a 6x6 lesson's), equal costs in the order
// they came; and the shares of --shard give a lesson with many times the
// others' cost a share of its own.
BOOST_FIXTURE_TEST_CASE(TheCostliestLessonsStartFirstAndShareAlone, Fixture) {
  const std::string big = "id: big\ntitle: Big\nimage: {pattern: {kind: checkerboard, size: 28, cell: 2}}\n"
                          "filters: [sobel-x, sobel-y, laplacian, box-blur]\nbeats: {per: row}\n";
  fs.Put("lessons/big.yaml", big);
  fs.Put("lessons/twin.yaml", std::string(kLesson).replace(4, 5, "twins"));
  std::vector<cl::LessonJob> jobs = cl::PlanLessonJobs({"lessons/edges.yaml", "lessons/twin.yaml", "lessons/big.yaml"},
                                                       input);
  std::vector<cl::LessonJob*> order;
  for (cl::LessonJob& job : jobs) {
    BOOST_TEST_REQUIRE(job.lesson.has_value(), job.path);
    order.push_back(&job);
  }
  cl::SortCostliestFirst(&order);
  BOOST_TEST(order[0]->path == "lessons/big.yaml");
  BOOST_TEST(order[1]->path == "lessons/edges.yaml");
  BOOST_TEST(order[2]->path == "lessons/twin.yaml");
  const std::vector<std::string> paths = {"lessons/edges.yaml", "lessons/twin.yaml", "lessons/big.yaml"};
  BOOST_TEST(cl::ShardOfLessonFiles(paths, 1, 2, fs) == std::vector<std::string>{"lessons/big.yaml"});
  BOOST_TEST(cl::ShardOfLessonFiles(paths, 2, 2, fs) ==
             (std::vector<std::string>{"lessons/edges.yaml", "lessons/twin.yaml"}));
}
