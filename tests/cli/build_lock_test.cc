// The output folder's lock: a second holder fails or waits, and the lock is
// free again once released.
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <future>
#include <memory>
#include <thread>

#include <boost/test/unit_test.hpp>

#include "cli/build_lock.h"

namespace fs = std::filesystem;

namespace {

struct TempFolder {
  TempFolder() {
    std::string pattern = (fs::temp_directory_path() / "convlesson-lock-XXXXXX").string();
    path = ::mkdtemp(pattern.data());
  }
  ~TempFolder() { fs::remove_all(path); }
  std::string path;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(BuildLockSuite)

BOOST_AUTO_TEST_CASE(SecondHolderFailsWithoutWaiting) {
  TempFolder dir;
  cl::BuildLock first, second;
  std::string error;
  BOOST_REQUIRE(first.Acquire(dir.path, false, nullptr, &error));
  BOOST_TEST(!second.Acquire(dir.path, false, nullptr, &error));
  BOOST_TEST(error == "another convlesson build is using '" + dir.path + "'");
  first.Release();
  BOOST_TEST(second.Acquire(dir.path, false, nullptr, &error));
  BOOST_TEST(fs::exists(dir.path + "/.convlesson.lock"));
  BOOST_TEST(fs::file_size(dir.path + "/.convlesson.lock") == 0u);  // nothing that would differ between builds
}

BOOST_AUTO_TEST_CASE(SecondHolderWaitsUntilReleased) {
  TempFolder dir;
  auto first = std::make_unique<cl::BuildLock>();
  std::string error;
  BOOST_REQUIRE(first->Acquire(dir.path, false, nullptr, &error));
  // Events, not sleeps: the second holder reports whether it found the lock
  // taken (on_wait) or got past Acquire without waiting, and only then is
  // the first released.
  std::promise<bool> found_taken;
  std::atomic<bool> acquired{false};
  std::thread second([&] {
    cl::BuildLock lock;
    std::string e;
    bool waited = false;
    bool ok = lock.Acquire(dir.path, true, [&] {
      waited = true;
      found_taken.set_value(true);
    }, &e);
    acquired = ok;
    if (!waited) found_taken.set_value(false);
  });
  bool waited = found_taken.get_future().get();
  BOOST_TEST(waited);
  BOOST_TEST(!acquired.load());  // the first holder still has it
  first.reset();  // the destructor releases
  second.join();
  BOOST_TEST(acquired.load());
}

BOOST_AUTO_TEST_CASE(ReleaseRemovingFolderRemovesOnlyAFolderHoldingNothingElse) {
  TempFolder parent;
  const std::string empty = parent.path + "/empty", used = parent.path + "/used";
  fs::create_directory(empty);
  fs::create_directory(used);
  cl::BuildLock lock;
  std::string error;
  BOOST_REQUIRE(lock.Acquire(empty, false, nullptr, &error));
  lock.ReleaseRemovingFolder(empty);
  BOOST_TEST(!lock.held());
  BOOST_TEST(!fs::exists(empty));
  // A file that came meanwhile keeps the folder, and its lock file is made again.
  BOOST_REQUIRE(lock.Acquire(used, false, nullptr, &error));
  std::ofstream(used + "/index.html") << "kept";
  lock.ReleaseRemovingFolder(used);
  BOOST_TEST(fs::exists(used + "/index.html"));
  BOOST_TEST(fs::exists(used + "/.convlesson.lock"));
  BOOST_TEST(lock.Acquire(used, false, nullptr, &error));
}

BOOST_AUTO_TEST_CASE(AWaiterWhoseFolderWasRemovedMakesItAgain) {
  TempFolder parent;
  const std::string out = parent.path + "/out";
  fs::create_directory(out);
  auto first = std::make_unique<cl::BuildLock>();
  std::string error;
  BOOST_REQUIRE(first->Acquire(out, false, nullptr, &error));
  std::promise<void> waiting;
  bool acquired = false, file_there = false, third_refused = false;  // read after join
  std::thread second([&] {
    cl::BuildLock lock;
    std::string e;
    acquired = lock.Acquire(out, true, [&] { waiting.set_value(); }, &e);
    // Held on the file now at the path, in the folder made again.
    file_there = fs::exists(out + "/.convlesson.lock");
    cl::BuildLock third;
    third_refused = !third.Acquire(out, false, nullptr, &e);
  });
  waiting.get_future().get();
  first->ReleaseRemovingFolder(out);
  second.join();
  BOOST_TEST(acquired);
  BOOST_TEST(file_there);
  BOOST_TEST(third_refused);
}

BOOST_AUTO_TEST_CASE(MissingFolderIsAnError) {
  cl::BuildLock lock;
  std::string error;
  BOOST_TEST(!lock.Acquire("/no/such/out", true, nullptr, &error));
  BOOST_TEST(error == "cannot open lock file '/no/such/out/.convlesson.lock': No such file or directory");
  BOOST_TEST(!lock.held());
}

BOOST_AUTO_TEST_SUITE_END()
