// What a killed build leaves in out/.convlesson-staging/ is put right by the next one.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "base/file_system.h"
#include "cli/build_file_system.h"
#include "cli/build_staging.h"

namespace fs = std::filesystem;

namespace {

struct TempOut {
  TempOut() {
    std::string pattern = (fs::temp_directory_path() / "convlesson-staging-XXXXXX").string();
    root = ::mkdtemp(pattern.data());
    out = root + "/out";
    fs::create_directories(out);
  }
  ~TempOut() { fs::remove_all(root); }
  void Write(const std::string& relative, const std::string& text) const {
    fs::create_directories(fs::path(root + "/" + relative).parent_path());
    std::string error;
    BOOST_REQUIRE(cl::WriteFileAtomic(root + "/" + relative, text, &error));
  }
  std::string Read(const std::string& relative) const {
    std::string bytes;
    BOOST_REQUIRE(cl::ReadFileBytes(root + "/" + relative, &bytes, nullptr));
    return bytes;
  }
  std::string root, out;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(BuildStagingSuite)

// A file linked over another keeps no temporary beside it, also when the
// other is a link of that file already (a merge into a folder it merged
// into before): renaming between two links of one file does nothing.
BOOST_AUTO_TEST_CASE(LinkingAFileOverALinkOfItselfLeavesNothingBehind) {
  TempOut t;
  t.Write("shard/page.html", "page");
  t.Write("out/other.html", "other");
  fs::create_hard_link(t.root + "/shard/page.html", t.out + "/page.html");
  cl::DiskBuildFileSystem disk;
  BOOST_TEST(disk.LinkFile(t.root + "/shard/page.html", t.out + "/page.html"));
  BOOST_TEST(disk.LinkFile(t.root + "/shard/page.html", t.out + "/other.html"));
  BOOST_TEST(t.Read("out/other.html") == "page");
  BOOST_TEST(fs::equivalent(t.root + "/shard/page.html", t.out + "/other.html"));
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(t.out)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  BOOST_TEST(names == (std::vector<std::string>{"other.html", "page.html"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(RestoresAsideVersionsWhoseTargetIsMissing) {
  TempOut t;
  // Killed between moving out/<id> aside and moving the new one in.
  t.Write("out/.convlesson-staging/edges.old/lesson.json", "old edges");
  t.Write("out/.convlesson-staging/edges/lesson.json", "new edges");
  t.Write("out/.convlesson-staging/.course/index.html.old", "old index");
  // Killed after the new version was in: the aside copy is just garbage.
  t.Write("out/pools/lesson.json", "new pools");
  t.Write("out/.convlesson-staging/pools.old/lesson.json", "old pools");
  std::vector<std::string> errors;
  cl::RecoverStaging(t.out, ".convlesson-manifest", &errors);
  BOOST_TEST(errors.empty());
  BOOST_TEST(t.Read("out/edges/lesson.json") == "old edges");
  BOOST_TEST(t.Read("out/index.html") == "old index");
  BOOST_TEST(t.Read("out/pools/lesson.json") == "new pools");
  BOOST_TEST(!cl::PathExists(t.out + "/.convlesson-staging"));
}

// The staging folder has the tool's own name: a user's ".staging" (the
// name it once had, whose drafts a build deleted) or any other folder of
// theirs is not looked into or removed.
BOOST_AUTO_TEST_CASE(LeavesAUsersFoldersAlone) {
  TempOut t;
  t.Write("out/.staging/drafts/page.html", "my draft");
  t.Write("out/.staging/edges.old/lesson.json", "mine too");
  t.Write("out/staging/x", "x");
  t.Write("out/.convlesson-staging/pools/lesson.json", "a killed build's");
  std::vector<std::string> errors;
  cl::RecoverStaging(t.out, ".convlesson-manifest", &errors);
  BOOST_TEST(errors.empty());
  BOOST_TEST(t.Read("out/.staging/drafts/page.html") == "my draft");
  BOOST_TEST(t.Read("out/.staging/edges.old/lesson.json") == "mine too");
  BOOST_TEST(!cl::PathExists(t.out + "/edges"));
  BOOST_TEST(t.Read("out/staging/x") == "x");
  BOOST_TEST(!cl::PathExists(t.out + "/.convlesson-staging"));
}

BOOST_AUTO_TEST_CASE(IgnoresNamesABuildWouldNotMake) {
  TempOut t;
  t.Write("out/.convlesson-staging/..old/x", "x");         // ".." is not an id
  t.Write("out/.convlesson-staging/UPPER.old/x", "x");     // nor is this
  t.Write("out/.convlesson-staging/.course/.hidden.old", "x");
  std::vector<std::string> errors;
  cl::RecoverStaging(t.out, ".convlesson-manifest", &errors);
  BOOST_TEST(errors.empty());
  BOOST_TEST(cl::ListDirectory(t.out).empty());
}

BOOST_AUTO_TEST_CASE(NeverLooksThroughASymlinkedStagingFolder) {
  TempOut t;
  t.Write("elsewhere/edges.old/precious.txt", "keep");
  fs::create_directory_symlink(t.root + "/elsewhere", t.out + "/.convlesson-staging");
  std::vector<std::string> errors;
  cl::RecoverStaging(t.out, ".convlesson-manifest", &errors);
  BOOST_TEST(!cl::PathExists(t.out + "/edges"));
  BOOST_TEST(!cl::PathExists(t.out + "/.convlesson-staging"));
  BOOST_TEST(t.Read("elsewhere/edges.old/precious.txt") == "keep");
}

BOOST_AUTO_TEST_CASE(RemovesTemporariesOfAnInterruptedManifestWrite) {
  TempOut t;
  t.Write("out/..convlesson-manifest.tmp123-4", "half");
  t.Write("out/.convlesson-manifest", "whole");
  t.Write("out/notes.tmp", "the user's");
  std::vector<std::string> errors;
  cl::RecoverStaging(t.out, ".convlesson-manifest", &errors);
  BOOST_TEST(cl::ListDirectory(t.out) == (std::vector<std::string>{".convlesson-manifest", "notes.tmp"}));
}

BOOST_AUTO_TEST_SUITE_END()
