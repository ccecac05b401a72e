// Output ownership: which files in out/ are the build's to replace or remove,
// and that removing a lesson's outputs leaves every file it did not make, and
// the folders holding them, where they were. Also the output folder rule.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <boost/test/unit_test.hpp>

#include "cli/build_settings.h"
#include "cli/output_ownership.h"

namespace fs = std::filesystem;
using cl::OwnedFiles;

namespace {

struct TempDir {
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "convlesson-owned-XXXXXX").string();
    root = ::mkdtemp(pattern.data());
  }
  ~TempDir() { fs::remove_all(root); }
  void Write(const std::string& relative) const {
    fs::create_directories(fs::path(root + "/" + relative).parent_path());
    std::ofstream(root + "/" + relative) << "x";
  }
  bool Has(const std::string& relative) const { return fs::exists(fs::symlink_status(root + "/" + relative)); }
  std::string root;
};

OwnedFiles Owning(std::initializer_list<std::string> files) {
  OwnedFiles owned;
  owned.files = files;
  return owned;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(OutputOwnershipSuite)

BOOST_AUTO_TEST_CASE(FindsTheFirstFileNoBuildMade) {
  TempDir t;
  t.Write("l/index.html");
  t.Write("l/frames/a.svg");
  const std::string l = t.root + "/l";
  BOOST_TEST(!cl::FindUnownedFile(l, Owning({"index.html", "frames/a.svg"})).has_value());
  BOOST_TEST(!cl::FindUnownedFile(t.root + "/missing", Owning({})).has_value());
  t.Write("l/frames/z-notes.txt");
  t.Write("l/b-thesis.txt");
  BOOST_TEST(cl::FindUnownedFile(l, Owning({"index.html", "frames/a.svg"})).value() == l + "/b-thesis.txt");
  OwnedFiles everything;
  everything.everything = true;  // a version 1 record
  BOOST_TEST(!cl::FindUnownedFile(l, everything).has_value());
  // Empty folders lose nothing when replaced; a lone file needs "" to be owned.
  fs::create_directories(t.root + "/empty/deeper");
  BOOST_TEST(!cl::FindUnownedFile(t.root + "/empty", Owning({})).has_value());
  t.Write("index.html");
  BOOST_TEST(cl::FindUnownedFile(t.root + "/index.html", Owning({})).value() == t.root + "/index.html");
  BOOST_TEST(!cl::FindUnownedFile(t.root + "/index.html", Owning({""})).has_value());
}

BOOST_AUTO_TEST_CASE(ALinkIsNeverFollowedAndNeverOwnedByAccident) {
  TempDir t;
  t.Write("precious/thesis.txt");
  fs::create_directories(t.root + "/l");
  fs::create_directory_symlink(t.root + "/precious", t.root + "/l/frames");
  BOOST_TEST(cl::FindUnownedFile(t.root + "/l", Owning({"frames/thesis.txt"})).value() == t.root + "/l/frames");
  std::vector<std::string> kept;
  std::string error;
  BOOST_REQUIRE(cl::RemoveOwnedFiles(t.root + "/l", Owning({"frames/thesis.txt"}), &kept, &error));
  BOOST_TEST(t.Has("precious/thesis.txt"));
  BOOST_TEST(t.Has("l/frames"));
}

// A link the user put where a file the build made was (a lesson's page, the
// course's index.html) is the user's, though the manifest lists that name.
BOOST_AUTO_TEST_CASE(ALinkWhereAListedFileWasIsNotOwned) {
  TempDir t;
  t.Write("precious.txt");
  t.Write("l/index.html");
  fs::create_symlink(t.root + "/precious.txt", t.root + "/l/lesson.json");
  fs::create_symlink(t.root + "/precious.txt", t.root + "/index.html");
  const OwnedFiles lesson = Owning({"index.html", "lesson.json"});
  BOOST_TEST(cl::FindUnownedFile(t.root + "/l", lesson).value() == t.root + "/l/lesson.json");
  BOOST_TEST(cl::FindUnownedFile(t.root + "/index.html", Owning({""})).value() == t.root + "/index.html");
  std::vector<std::string> kept;
  std::string error;
  BOOST_REQUIRE(cl::RemoveOwnedFiles(t.root + "/l", lesson, &kept, &error));
  BOOST_TEST(kept == std::vector<std::string>{t.root + "/l/lesson.json"}, boost::test_tools::per_element());
  BOOST_TEST(t.Has("l/lesson.json"));
  BOOST_TEST(!t.Has("l/index.html"));
  BOOST_TEST(t.Has("precious.txt"));
}

BOOST_AUTO_TEST_CASE(RemovesOnlyOwnedFilesAndTheFoldersLeftEmpty) {
  TempDir t;
  for (const char* f : {"l/index.html", "l/frames/a.svg", "l/frames/b.svg", "l/gifs/x.gif", "l/notes/mine.txt"})
    t.Write(f);
  t.Write("l/frames/mine.png");
  std::vector<std::string> kept;
  std::string error;
  BOOST_REQUIRE(cl::RemoveOwnedFiles(t.root + "/l",
                                     Owning({"index.html", "frames/a.svg", "frames/b.svg", "gifs/x.gif",
                                             "../outside.txt"}),
                                     &kept, &error));
  BOOST_TEST(kept == (std::vector<std::string>{t.root + "/l/frames/mine.png", t.root + "/l/notes/mine.txt"}),
             boost::test_tools::per_element());
  BOOST_TEST(!t.Has("l/index.html"));
  BOOST_TEST(!t.Has("l/frames/a.svg"));
  BOOST_TEST(!t.Has("l/gifs"));
  BOOST_TEST(t.Has("l/frames/mine.png"));
  BOOST_TEST(t.Has("l/notes/mine.txt"));
  // Everything owned: the folder goes whole.
  t.Write("m/a.svg");
  kept.clear();
  BOOST_REQUIRE(cl::RemoveOwnedFiles(t.root + "/m", Owning({"a.svg"}), &kept, &error));
  BOOST_TEST(kept.empty());
  BOOST_TEST(!t.Has("m"));
}

BOOST_AUTO_TEST_CASE(CourseEntriesOwnTheFilesListedUnderThem) {
  cl::BuildManifest m;
  m.course_entries = {"assets", "index.html"};
  m.course_files = std::vector<std::string>{"assets/player.js", "assets/style.css", "index.html", "assetsy"};
  BOOST_TEST((cl::OwnedByCourse(m, "assets").files == std::set<std::string>{"player.js", "style.css"}));
  BOOST_TEST((cl::OwnedByCourse(m, "index.html").files == std::set<std::string>{""}));
  BOOST_TEST(cl::OwnedByCourse(m, "course.pdf").files.empty());  // not an entry the course wrote
  BOOST_TEST(!cl::OwnedByCourse(m, "course.pdf").everything);
  m.course_files.reset();
  BOOST_TEST(cl::OwnedByCourse(m, "assets").everything);
  BOOST_TEST(!cl::OwnedByLesson(m, "edges").everything);
}

BOOST_AUTO_TEST_CASE(TheOutputFolderMayNotHoldTheLessons) {
  TempDir t;
  fs::create_directories(t.root + "/course/lessons");
  fs::create_directories(t.root + "/home");
  std::ofstream(t.root + "/course/lessons/a.yaml") << "x";
  const std::string lessons = t.root + "/course/lessons";
  std::string error;
  BOOST_TEST(cl::CheckOutputFolder(t.root + "/course/out", {lessons}, t.root + "/home", &error));
  BOOST_TEST(cl::CheckOutputFolder(lessons + "/out", {lessons}, "", &error));
  BOOST_TEST(!cl::CheckOutputFolder(lessons, {lessons}, "", &error));
  BOOST_TEST(error == "-o '" + lessons + "': it is the folder of the lessons in '" + lessons +
                          "'; choose a folder of its own for the outputs, such as 'out'");
  BOOST_TEST(!cl::CheckOutputFolder(t.root + "/course/lessons/../", {lessons + "/a.yaml"}, "", &error));
  BOOST_TEST(!cl::CheckOutputFolder(t.root, {lessons + "/a.yaml"}, "", &error));
  BOOST_TEST(error.find("it contains the lessons in") != std::string::npos);
  BOOST_TEST(!cl::CheckOutputFolder("/", {lessons}, "", &error));
  BOOST_TEST(error == "-o '/': the root folder cannot be the output folder; choose a folder of its own for the "
                      "outputs, such as 'out'");
  BOOST_TEST(!cl::CheckOutputFolder(t.root + "/home/", {lessons}, t.root + "/home", &error));
  BOOST_TEST(error.find("your home folder") != std::string::npos);
  // A link to the lessons' folder is the lessons' folder.
  fs::create_directory_symlink(lessons, t.root + "/link");
  BOOST_TEST(!cl::CheckOutputFolder(t.root + "/link", {lessons}, "", &error));
}

BOOST_AUTO_TEST_SUITE_END()
