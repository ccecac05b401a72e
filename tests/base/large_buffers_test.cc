// Buffers of megabytes in mappings of their own: aligned for huge pages,
// writable to their last byte, a few kept when freed for the next of their
// size and the others given back whole, and never two live ones overlapping.
#include <sys/mman.h>

#include <cstdint>
#include <cstring>
#include <thread>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "base/large_buffers.h"

namespace {

constexpr std::size_t kMB = std::size_t{1} << 20;

bool Mapped(void* p) {
  unsigned char state = 0;
  return mincore(p, 4096, &state) == 0;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(large_buffers)

BOOST_AUTO_TEST_CASE(BuffersAreAlignedForHugePagesAndWritableToTheirEnd) {
  // A band of the default lesson's frames (8 MB less 4 KB), one with a small
  // tail past 2 MB, and the smallest served.
  for (const std::size_t bytes : {8 * kMB - 4096, 4 * kMB + 100, cl::kHugeBufferBytes}) {
    void* p = cl::AllocateHugeBuffer(bytes);
    BOOST_REQUIRE(p != nullptr);
    BOOST_TEST(reinterpret_cast<std::uintptr_t>(p) % (2 * kMB) == 0u);
    std::memset(p, 0xAB, bytes);
    BOOST_TEST(static_cast<unsigned char*>(p)[bytes - 1] == 0xAB);
    cl::FreeHugeBuffer(p, bytes);
  }
}

BOOST_AUTO_TEST_CASE(AFreedBufferServesTheNextOfItsSize) {
  cl::GiveBackKeptBuffers();
  const std::size_t bytes = 8 * kMB - 4096;
  void* p = cl::AllocateHugeBuffer(bytes);
  BOOST_REQUIRE(p != nullptr);
  std::memset(p, 1, bytes);
  cl::FreeHugeBuffer(p, bytes);
  BOOST_TEST(Mapped(p));  // kept, its pages in place
  void* other = cl::AllocateHugeBuffer(3 * kMB);  // another size: another mapping
  BOOST_TEST(other != p);
  void* again = cl::AllocateHugeBuffer(bytes);
  BOOST_TEST(again == p);
  cl::FreeHugeBuffer(other, 3 * kMB);
  cl::FreeHugeBuffer(again, bytes);
  cl::GiveBackKeptBuffers();
  BOOST_TEST(!Mapped(p));
  BOOST_TEST(!Mapped(other));
}

BOOST_AUTO_TEST_CASE(TheLastTwoFreedOf16MBAtMostAreKept) {
  cl::GiveBackKeptBuffers();
  const auto freed = [](std::size_t bytes) {
    void* p = cl::AllocateHugeBuffer(bytes);
    std::memset(p, 1, bytes);
    cl::FreeHugeBuffer(p, bytes);
    return p;
  };
  // Three freed at once: the first is given back for the third.
  void* a = cl::AllocateHugeBuffer(4 * kMB);
  void* b = cl::AllocateHugeBuffer(4 * kMB);
  void* c = cl::AllocateHugeBuffer(4 * kMB);
  for (void* p : {a, b, c}) std::memset(p, 1, 4 * kMB);
  for (void* p : {a, b, c}) cl::FreeHugeBuffer(p, 4 * kMB);
  BOOST_TEST(!Mapped(a));
  BOOST_TEST(Mapped(b));
  BOOST_TEST(Mapped(c));
  cl::GiveBackKeptBuffers();
  // One of 10 MB kept, then one of 8 MB: over 16 MB together, the 10 MB
  // one is given back for it, its last page too.
  void* ten = freed(10 * kMB);
  BOOST_TEST(Mapped(ten));
  void* eight = freed(8 * kMB - 4096);
  BOOST_TEST(Mapped(eight));
  BOOST_TEST(!Mapped(ten));
  BOOST_TEST(!Mapped(static_cast<char*>(ten) + (10 * kMB - 1) / 4096 * 4096));
  // Over 16 MB alone: never kept.
  void* large = freed(18 * kMB);
  BOOST_TEST(!Mapped(large));
  BOOST_TEST(Mapped(eight));
  cl::GiveBackKeptBuffers();
  BOOST_TEST(!Mapped(eight));
}

BOOST_AUTO_TEST_CASE(BuffersOfSeveralThreadsNeverOverlap) {
  constexpr int kThreads = 4, kRounds = 50;
  std::vector<std::thread> threads;
  std::vector<char> ok(kThreads, 1);  // not vector<bool>: its bits share bytes between threads
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t, &ok] {
      for (int round = 0; round < kRounds; ++round) {
        const std::size_t bytes = (2 + static_cast<std::size_t>((t + round) % 5)) * kMB;
        auto* p = static_cast<unsigned char*>(cl::AllocateHugeBuffer(bytes));
        if (p == nullptr) {
          ok[t] = 0;
          return;
        }
        std::memset(p, t + 1, bytes);
        std::this_thread::yield();
        // Another thread writing into this buffer would show here.
        for (std::size_t i = 0; i < bytes; i += 4096)
          if (p[i] != t + 1) ok[t] = 0;
        cl::FreeHugeBuffer(p, bytes);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) BOOST_TEST(ok[t], "thread " << t);
}

// Last (the tests above expect buffers kept): it changes how this process
// allocates from then on.
BOOST_AUTO_TEST_CASE(AfterReturnLargeBuffersWhenFreedNoneIsKept) {
  cl::GiveBackKeptBuffers();
  void* kept = cl::AllocateHugeBuffer(3 * kMB);
  std::memset(kept, 1, 3 * kMB);
  cl::FreeHugeBuffer(kept, 3 * kMB);
  BOOST_TEST(Mapped(kept));
  cl::ReturnLargeBuffersWhenFreed();
  BOOST_TEST(!Mapped(kept));  // what was kept is given back
  void* p = cl::AllocateHugeBuffer(3 * kMB);
  std::memset(p, 1, 3 * kMB);
  cl::FreeHugeBuffer(p, 3 * kMB);
  BOOST_TEST(!Mapped(p));
}

BOOST_AUTO_TEST_SUITE_END()
