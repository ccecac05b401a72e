// The output folder's lock: a second holder fails or waits, and the lock is
// free again once released.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
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
  std::atomic<bool> waited{false}, acquired{false};
  std::thread second([&] {
    cl::BuildLock lock;
    std::string e;
    if (lock.Acquire(dir.path, true, [&] { waited = true; }, &e)) acquired = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(150));
  BOOST_TEST(!acquired.load());
  first.reset();  // the destructor releases
  second.join();
  BOOST_TEST(waited.load());
  BOOST_TEST(acquired.load());
}

BOOST_AUTO_TEST_CASE(MissingFolderIsAnError) {
  cl::BuildLock lock;
  std::string error;
  BOOST_TEST(!lock.Acquire("/no/such/out", true, nullptr, &error));
  BOOST_TEST(error == "cannot open lock file '/no/such/out/.convlesson.lock': No such file or directory");
  BOOST_TEST(!lock.held());
}

BOOST_AUTO_TEST_SUITE_END()
