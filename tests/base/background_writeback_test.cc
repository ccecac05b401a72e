// The background writeback: it flushes while a build renders, never while a
// publish holds it paused, and a flush's write error reaches the next
// publish (the kernel tells it to one sync only).
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>

#include <boost/test/unit_test.hpp>

#include "base/background_writeback.h"

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// What the fake flushes return, and how often they were called.
std::atomic<int> sync_result{0};
std::atomic<int> sync_calls{0};

int FakeSync(int /*folder_fd*/) {
  ++sync_calls;
  return sync_result.load();
}

// A folder of its own, and the fake reset.
struct Fixture {
  Fixture() : folder(fs::temp_directory_path() / ("cl-writeback-" + std::to_string(::getpid()))) {
    fs::create_directories(folder);
    sync_result = 0;
    sync_calls = 0;
  }
  ~Fixture() { fs::remove_all(folder); }
  fs::path folder;
};

// Waits (at most 20 s: a stalled machine, not a slow one) until `done`.
template <typename Done>
bool Eventually(Done done) {
  const auto give_up = std::chrono::steady_clock::now() + 20s;
  while (!done()) {
    if (std::chrono::steady_clock::now() > give_up) return false;
    std::this_thread::sleep_for(1ms);
  }
  return true;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(background_writeback)

BOOST_FIXTURE_TEST_CASE(TheFolderIsFlushedEveryInterval, Fixture) {
  cl::BackgroundWriteback writeback(folder.string(), 2ms, FakeSync);
  BOOST_TEST(Eventually([&] { return writeback.flushes() >= 3; }));
  std::string error;
  writeback.Pause(&error).unlock();
  BOOST_TEST(error.empty());
}

BOOST_FIXTURE_TEST_CASE(NothingIsFlushedWhilePaused, Fixture) {
  cl::BackgroundWriteback writeback(folder.string(), 1ms, FakeSync);
  BOOST_TEST(Eventually([] { return sync_calls.load() >= 1; }));
  {
    std::string error;
    const auto paused = writeback.Pause(&error);
    const int calls = sync_calls.load();
    std::this_thread::sleep_for(50ms);  // fifty intervals
    BOOST_TEST(sync_calls.load() == calls);
  }
  const int after = sync_calls.load();
  BOOST_TEST(Eventually([&] { return sync_calls.load() > after; }));  // and flushing goes on
}

BOOST_FIXTURE_TEST_CASE(AFailedFlushIsToldToEveryPauseAfterIt, Fixture) {
  sync_result = EIO;
  cl::BackgroundWriteback writeback(folder.string(), 1ms, FakeSync);
  BOOST_TEST(Eventually([] { return sync_calls.load() >= 1; }));
  for (int i = 0; i < 2; ++i) {
    std::string error;
    writeback.Pause(&error).unlock();
    BOOST_TEST(error == "cannot sync '" + folder.string() + "': " + std::strerror(EIO));
  }
  BOOST_TEST(writeback.flushes() == 0);
}

BOOST_FIXTURE_TEST_CASE(WithoutSyncfsFlushingStopsAndIsNoError, Fixture) {
  sync_result = ENOSYS;
  cl::BackgroundWriteback writeback(folder.string(), 1ms, FakeSync);
  BOOST_TEST(Eventually([] { return sync_calls.load() >= 1; }));
  std::this_thread::sleep_for(30ms);
  BOOST_TEST(sync_calls.load() == 1);
  std::string error;
  writeback.Pause(&error).unlock();
  BOOST_TEST(error.empty());
}

BOOST_FIXTURE_TEST_CASE(AFolderThatCannotBeOpenedIsNeverFlushed, Fixture) {
  cl::BackgroundWriteback writeback((folder / "missing").string(), 1ms, FakeSync);
  std::this_thread::sleep_for(20ms);
  BOOST_TEST(sync_calls.load() == 0);
  std::string error;
  writeback.Pause(&error).unlock();
  BOOST_TEST(error.empty());
}

BOOST_FIXTURE_TEST_CASE(StoppingDoesNotWaitForTheNextFlush, Fixture) {
  // An hour's interval: a destructor that waited for it would hang the test.
  { cl::BackgroundWriteback writeback(folder.string(), std::chrono::hours(1), FakeSync); }
  BOOST_TEST(sync_calls.load() == 0);
}

BOOST_FIXTURE_TEST_CASE(TheRealFlushSyncsTheFolderFileSystem, Fixture) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  BOOST_REQUIRE(fd >= 0);
  BOOST_TEST(cl::BackgroundWriteback::SyncFileSystem(fd) == 0);
  ::close(fd);
  BOOST_TEST(cl::BackgroundWriteback::SyncFileSystem(-1) == EBADF);
}

BOOST_AUTO_TEST_SUITE_END()
