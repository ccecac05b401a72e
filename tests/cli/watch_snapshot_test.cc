// What `watch` polls: the files a build reads, and nothing else in the
// lessons' folders (its own log there made it rebuild forever).
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "cli/watch_snapshot.h"

namespace fs = std::filesystem;

namespace {

struct TempTree {
  TempTree() {
    std::string pattern = (fs::temp_directory_path() / "convlesson-watch-XXXXXX").string();
    root = ::mkdtemp(pattern.data());
  }
  ~TempTree() { fs::remove_all(root); }
  std::string Write(const std::string& relative) const {
    const fs::path path = fs::path(root) / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path) << "x";
    return path.string();
  }
  std::string Path(const std::string& relative) const { return (fs::path(root) / relative).string(); }
  std::string root;
};

std::vector<std::string> Paths(const cl::WatchSnapshot& snapshot) {
  std::vector<std::string> paths;
  for (const cl::WatchedFile& f : snapshot) paths.push_back(f.path);
  return paths;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(WatchSnapshotSuite)

BOOST_AUTO_TEST_CASE(OnlyWhatTheBuildReads) {
  TempTree t;
  const std::string lesson = t.Write("lessons/a.yaml"), course = t.Write("lessons/course.yaml");
  const std::string image = t.Write("lessons/images/a.png"), style = t.Write("templates/style.css");
  for (const char* other : {"lessons/watch.log", "lessons/notes.txt", "lessons/images/unused.png",
                            "lessons/out/index.html", "lessons/drafts/b.yaml"})
    t.Write(other);
  const std::string late = t.Path("lessons/late.png");  // read and missing: watched
  const cl::WatchSnapshot snapshot = cl::TakeWatchSnapshot({t.Path("lessons")}, {image, late}, t.Path("templates"));
  BOOST_TEST((Paths(snapshot) == std::vector<std::string>{lesson, course, image, late, style}));
  BOOST_TEST(snapshot[3].size == -1);
}

BOOST_AUTO_TEST_CASE(NamedFilesAreWatchedEvenWhenMissing) {
  TempTree t;
  t.Write("templates/style.css");
  const std::string gone = t.Path("lessons/gone.yaml");
  const cl::WatchSnapshot before = cl::TakeWatchSnapshot({gone}, {}, t.Path("templates"));
  BOOST_TEST_REQUIRE(before.size() == 2u);
  BOOST_TEST(before[0].path == gone);
  BOOST_TEST(before[0].size == -1);
  t.Write("lessons/gone.yaml");  // saved again: a change
  const cl::WatchSnapshot after = cl::TakeWatchSnapshot({gone}, {}, t.Path("templates"));
  BOOST_TEST((cl::ChangedPaths(before, after) == std::vector<std::string>{gone}));
}

BOOST_AUTO_TEST_SUITE_END()
