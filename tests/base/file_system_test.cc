// Disk helpers on a fresh temporary folder: atomic writes leave no temporary
// files, ReplacePath swaps whole folders, RemoveTree never follows links out,
// and DiskFileSink refuses paths that would leave its root.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <new>
#include <string>
#include <vector>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "base/disk_file_sink.h"
#include "base/file_system.h"

namespace fs = std::filesystem;
namespace bdata = boost::unit_test::data;

namespace {

// A fresh folder under the system temp dir, removed afterwards.
struct TempFolder {
  TempFolder() {
    std::string pattern = (fs::temp_directory_path() / "convlesson-fs-XXXXXX").string();
    path = ::mkdtemp(pattern.data());
  }
  ~TempFolder() { fs::remove_all(path); }
  std::string operator/(const std::string& name) const { return path + "/" + name; }
  std::string path;
};

std::string Read(const std::string& path) {
  std::string bytes;
  std::string error;
  BOOST_REQUIRE_MESSAGE(cl::ReadFileBytes(path, &bytes, &error), error);
  return bytes;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(FileSystemSuite)

BOOST_AUTO_TEST_CASE(WriteFileAtomicReplacesAndLeavesNoTemporaryFiles) {
  TempFolder dir;
  std::string error;
  BOOST_REQUIRE(cl::WriteFileAtomic(dir / "a.txt", "first", &error));
  BOOST_REQUIRE(cl::WriteFileAtomic(dir / "a.txt", "second", &error));
  BOOST_TEST(Read(dir / "a.txt") == "second");
  BOOST_TEST(cl::ListDirectory(dir.path) == std::vector<std::string>{"a.txt"});
}

BOOST_AUTO_TEST_CASE(WriteFileAtomicReportsAMissingFolder) {
  TempFolder dir;
  std::string error;
  BOOST_TEST(!cl::WriteFileAtomic(dir / "no/such.txt", "x", &error));
  BOOST_TEST(error == "cannot write '" + (dir / "no/such.txt") + "': No such file or directory");
}

BOOST_AUTO_TEST_CASE(ReadFileBytesRefusesLargeFilesAndFolders) {
  TempFolder dir;
  std::string error, bytes;
  BOOST_REQUIRE(cl::WriteFileAtomic(dir / "big", std::string(100, 'x'), &error));
  BOOST_TEST(!cl::ReadFileBytes(dir / "big", &bytes, &error, 99));
  BOOST_TEST(error == "cannot read '" + (dir / "big") + "': larger than 99 bytes");
  BOOST_TEST(cl::ReadFileBytes(dir / "big", &bytes, &error, 100));
  BOOST_TEST(!cl::ReadFileBytes(dir.path, &bytes, &error));
  BOOST_TEST(error == "cannot read '" + dir.path + "': Is a directory");
}

BOOST_AUTO_TEST_CASE(ReadFileBytesRefusesAFifoWithoutBlocking) {
  TempFolder dir;
  BOOST_REQUIRE(::mkfifo((dir / "pipe").c_str(), 0600) == 0);
  std::string error, bytes;
  BOOST_TEST(!cl::ReadFileBytes(dir / "pipe", &bytes, &error));
  BOOST_TEST(error == "cannot read '" + (dir / "pipe") + "': Invalid argument");
}

BOOST_DATA_TEST_CASE(ReplacePathSwapsAWholeFolder, bdata::make({true, false}), exchange) {
  TempFolder dir;
  std::string error;
  BOOST_REQUIRE(cl::MakeDirectories(dir / "out/lesson/frames", &error));
  BOOST_REQUIRE(cl::WriteFileAtomic(dir / "out/lesson/frames/old.svg", "old", &error));
  BOOST_REQUIRE(cl::MakeDirectories(dir / "stage/lesson", &error));
  BOOST_REQUIRE(cl::WriteFileAtomic(dir / "stage/lesson/new.svg", "new", &error));
  BOOST_REQUIRE_MESSAGE(cl::ReplacePath(dir / "stage/lesson", dir / "out/lesson", &error, exchange), error);
  BOOST_TEST(cl::ListDirectory(dir / "out/lesson") == std::vector<std::string>{"new.svg"});
  BOOST_TEST(!cl::PathExists(dir / "stage/lesson"));
  BOOST_TEST(cl::ListDirectory(dir / "stage").empty());  // the old version is gone too
}

// Durability: a published file is fsynced before its rename and its folder
// after; a staged file not at all; publishing a staged folder flushes its
// file system once (syncfs: its files and folders), then syncs the folder
// it lands in. Counted, since a crash cannot
// be staged in a unit test.
BOOST_DATA_TEST_CASE(WritesAndSwapsAreSyncedBeforeTheyArePublished, bdata::make({true, false}), exchange) {
  TempFolder dir;
  std::string error;
  long long before = cl::SyncCountForTests();
  BOOST_REQUIRE(cl::WriteFileAtomic(dir / "manifest", "m", &error));
  BOOST_TEST(cl::SyncCountForTests() - before == 2);  // the file, then its folder
  BOOST_REQUIRE(cl::MakeDirectories(dir / "stage/lesson/frames/v", &error));
  BOOST_REQUIRE(cl::MakeDirectories(dir / "out/lesson", &error));
  before = cl::SyncCountForTests();
  BOOST_REQUIRE(cl::WriteFileAtomic(dir / "stage/lesson/frames/v/1.svg", "1", &error, cl::Durability::kStaged));
  BOOST_REQUIRE(cl::WriteFileAtomic(dir / "stage/lesson/index.html", "i", &error, cl::Durability::kStaged));
  BOOST_TEST(cl::SyncCountForTests() - before == 0);  // nothing yet
  before = cl::SyncCountForTests();
  BOOST_REQUIRE_MESSAGE(cl::ReplacePath(dir / "stage/lesson", dir / "out/lesson", &error, exchange), error);
  BOOST_TEST(cl::SyncCountForTests() - before == 2);  // the files and folders (syncfs), then out
  BOOST_TEST(Read(dir / "out/lesson/frames/v/1.svg") == "1");
}

BOOST_AUTO_TEST_CASE(ReplacePathMovesIntoAFreeNameAndOverAFile) {
  TempFolder dir;
  std::string error;
  BOOST_REQUIRE(cl::WriteFileAtomic(dir / "staged.html", "new", &error));
  BOOST_REQUIRE(cl::ReplacePath(dir / "staged.html", dir / "index.html", &error));
  BOOST_TEST(Read(dir / "index.html") == "new");
  BOOST_REQUIRE(cl::WriteFileAtomic(dir / "staged.html", "newer", &error));
  BOOST_REQUIRE(cl::ReplacePath(dir / "staged.html", dir / "index.html", &error));
  BOOST_TEST(Read(dir / "index.html") == "newer");
  BOOST_TEST(cl::ListDirectory(dir.path) == std::vector<std::string>{"index.html"});
}

BOOST_AUTO_TEST_CASE(RecoverAsideRestoresTheOldVersionOnlyWhenTheTargetIsMissing) {
  TempFolder dir;
  std::string error;
  // As a build killed between the fallback's two renames leaves it.
  BOOST_REQUIRE(cl::MakeDirectories(dir / "stage/lesson.old", &error));
  BOOST_REQUIRE(cl::WriteFileAtomic(dir / "stage/lesson.old/a.svg", "old", &error));
  BOOST_REQUIRE(cl::RecoverAside(dir / "stage/lesson", dir / "lesson", &error));
  BOOST_TEST(Read(dir / "lesson/a.svg") == "old");
  // With the target present, the aside copy is left for the caller to delete.
  BOOST_REQUIRE(cl::MakeDirectories(dir / "stage/lesson.old", &error));
  BOOST_REQUIRE(cl::RecoverAside(dir / "stage/lesson", dir / "lesson", &error));
  BOOST_TEST(cl::PathExists(dir / "stage/lesson.old"));
  BOOST_TEST(Read(dir / "lesson/a.svg") == "old");
}

BOOST_AUTO_TEST_CASE(RemoveTreeRemovesLinksNotWhatTheyPointAt) {
  TempFolder dir;
  std::string error;
  BOOST_REQUIRE(cl::MakeDirectories(dir / "keep", &error));
  BOOST_REQUIRE(cl::WriteFileAtomic(dir / "keep/precious.txt", "x", &error));
  BOOST_REQUIRE(cl::MakeDirectories(dir / "out/lesson", &error));
  fs::create_directory_symlink(dir / "keep", dir / "out/lesson/link");
  BOOST_REQUIRE(cl::RemoveTree(dir / "out", &error));
  BOOST_TEST(!cl::PathExists(dir / "out"));
  BOOST_TEST(Read(dir / "keep/precious.txt") == "x");
  BOOST_TEST(cl::RemoveTree(dir / "never-existed", &error));
}

BOOST_AUTO_TEST_CASE(DiskFileSinkWritesNestedFilesAndCountsThem) {
  TempFolder dir;
  cl::DiskFileSink sink(dir / "stage");
  std::string error;
  BOOST_REQUIRE(sink.Put("frames/v/001-intro.svg", "<svg/>", &error));
  BOOST_REQUIRE(sink.Put("lesson.json", "{}", &error));
  BOOST_TEST(Read(dir / "stage/frames/v/001-intro.svg") == "<svg/>");
  BOOST_TEST(sink.files_written() == 2);
  BOOST_TEST(sink.bytes_written() == 8);
  BOOST_TEST(sink.paths() == (std::vector<std::string>{"frames/v/001-intro.svg", "lesson.json"}));
}

BOOST_AUTO_TEST_CASE(DiskFileSinkWritesAFileMadeInPieces) {
  TempFolder dir;
  cl::DiskFileSink sink(dir / "stage");
  std::string error;
  const cl::FileFiller three_pieces = [](const cl::PieceWriter& write, std::string*) {
    return write("{\"a\": ") && write("") && write("[1, 2]}");
  };
  BOOST_REQUIRE_MESSAGE(sink.PutFrom("sub/lesson.json", three_pieces, &error), error);
  BOOST_TEST(Read(dir / "stage/sub/lesson.json") == "{\"a\": [1, 2]}");
  BOOST_TEST(sink.files_written() == 1);
  BOOST_TEST(sink.bytes_written() == 13);
  BOOST_TEST(sink.paths() == (std::vector<std::string>{"sub/lesson.json"}));
  BOOST_TEST(!sink.PutFrom("../escape.json", three_pieces, &error));
  BOOST_TEST(!cl::PathExists(dir / "escape.json"));
}

// Small pieces are gathered and written with the next large one: every mix
// of them (empty ones, more small ones than are gathered at once, large ones
// back to back, a small one last) comes out byte for byte, in order.
BOOST_AUTO_TEST_CASE(AFileOfSmallAndLargePiecesComesOutWhole) {
  TempFolder dir;
  std::string expected;
  std::vector<std::string> pieces;
  for (int k = 0; k < 400; ++k) {
    const std::size_t size = k % 7 == 0 ? 70000 + static_cast<std::size_t>(k) : k % 5 == 0 ? 0 : 300 + static_cast<std::size_t>(k) * 11;
    std::string piece(size, '\0');
    for (std::size_t i = 0; i < size; ++i) piece[i] = static_cast<char>('a' + (i * 31 + static_cast<std::size_t>(k)) % 26);
    expected += piece;
    pieces.push_back(std::move(piece));
  }
  pieces.emplace_back("</end>");
  expected += "</end>";
  const cl::FileFiller fill = [&pieces](const cl::PieceWriter& write, std::string*) {
    for (const std::string& piece : pieces)
      if (!write(piece)) return false;
    return true;
  };
  std::string error;
  BOOST_REQUIRE_MESSAGE(cl::WriteFileAtomicFrom(dir / "mixed.svg", fill, &error), error);
  BOOST_TEST((Read(dir / "mixed.svg") == expected));
}

BOOST_AUTO_TEST_CASE(AFileMadeInPiecesThatGivesUpLeavesTheOldOne) {
  // The filler fails after writing a piece: the old file stays whole, no
  // temporary file is left, and the filler's own words are the error.
  TempFolder dir;
  std::string error;
  BOOST_REQUIRE(cl::WriteFileAtomic(dir / "kept.json", "old", &error));
  const cl::FileFiller gives_up = [](const cl::PieceWriter& write, std::string* why) {
    if (!write("half of a ")) return false;
    *why = "the numbers ran out";
    return false;
  };
  BOOST_TEST(!cl::WriteFileAtomicFrom(dir / "kept.json", gives_up, &error));
  BOOST_TEST(error == "the numbers ran out");
  BOOST_TEST(Read(dir / "kept.json") == "old");
  int entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path)) ++entries;
  BOOST_TEST(entries == 1);
  // A filler that throws (out of memory) leaves nothing behind either.
  const cl::FileFiller throws = [](const cl::PieceWriter& write, std::string*) -> bool {
    write("a piece");
    throw std::bad_alloc();
  };
  BOOST_CHECK_THROW(cl::WriteFileAtomicFrom(dir / "kept.json", throws, &error), std::bad_alloc);
  BOOST_TEST(Read(dir / "kept.json") == "old");
  entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path)) ++entries;
  BOOST_TEST(entries == 1);
  // The sink that gathers pieces (MemoryFileSink's, the base class's) stores
  // the whole file, or nothing when the filler gives up.
  cl::MemoryFileSink memory;
  BOOST_TEST(memory.PutFrom("a.json", [](const cl::PieceWriter& write, std::string*) {
    return write("[") && write("]");
  }, &error));
  BOOST_TEST(!memory.PutFrom("b.json", gives_up, &error));
  BOOST_TEST(memory.files().size() == 1u);
  BOOST_TEST(memory.files().at("a.json") == "[]");
}

// A staged file not there yet is written under its own name; one that
// fails is removed. A staged path that is there already (a kept output
// linked in from out/) is replaced through a temporary, never written
// through: the published file it is linked to keeps its bytes.
BOOST_AUTO_TEST_CASE(StagedFilesAreMadeInPlaceButNeverWrittenThroughALink) {
  TempFolder dir;
  std::string error;
  const auto staged = [&](const std::string& name, const cl::FileFiller& fill) {
    return cl::WriteFileAtomicFrom(dir / name, fill, &error, cl::Durability::kStaged);
  };
  const cl::FileFiller pieces = [](const cl::PieceWriter& write, std::string*) { return write("new ") && write("bytes"); };
  const cl::FileFiller gives_up = [](const cl::PieceWriter& write, std::string* why) {
    write("half");
    *why = "gave up";
    return false;
  };
  BOOST_REQUIRE(staged("frame.png", pieces));
  BOOST_TEST(Read(dir / "frame.png") == "new bytes");
  BOOST_TEST(!staged("failed.png", gives_up));
  BOOST_TEST(error == "gave up");
  BOOST_TEST(cl::ListDirectory(dir.path) == std::vector<std::string>{"frame.png"});

  BOOST_REQUIRE(cl::WriteFileAtomic(dir / "published.html", "published", &error));
  BOOST_REQUIRE(::link((dir / "published.html").c_str(), (dir / "kept.html").c_str()) == 0);
  BOOST_TEST(!staged("kept.html", gives_up));
  BOOST_TEST(Read(dir / "kept.html") == "published");
  BOOST_REQUIRE(staged("kept.html", pieces));
  BOOST_TEST(Read(dir / "kept.html") == "new bytes");
  BOOST_TEST(Read(dir / "published.html") == "published");
  BOOST_TEST(cl::ListDirectory(dir.path) == (std::vector<std::string>{"frame.png", "kept.html", "published.html"}));
}

BOOST_AUTO_TEST_CASE(DiskFileSinkRefusesPathsLeavingItsRoot) {
  TempFolder dir;
  cl::DiskFileSink sink(dir / "stage");
  for (const char* bad : {"../escape.txt", "/etc/passwd", "a/../../b", "a//b", "./a", "", "a\\b"}) {
    std::string error;
    BOOST_TEST(!sink.Put(bad, "x", &error), bad);
    BOOST_TEST(error == std::string("unsafe output path '") + bad + "'");
  }
  BOOST_TEST(!cl::PathExists(dir / "escape.txt"));
  BOOST_TEST(sink.files_written() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
