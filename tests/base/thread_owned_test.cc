// ThreadOwned: one object per thread, made at its first use, the same on
// every later use, and destroyed when its thread ends.
#include "base/thread_owned.h"

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <thread>

namespace cl {
namespace {

struct Counted {
  static std::atomic<int> made, destroyed;
  Counted() { ++made; }
  ~Counted() { ++destroyed; }
  Counted(const Counted&) = delete;
  Counted& operator=(const Counted&) = delete;
  int value = 0;
};
std::atomic<int> Counted::made{0}, Counted::destroyed{0};

struct Other {
  int value = 0;
};

BOOST_AUTO_TEST_CASE(AThreadGetsTheSameObjectEveryTime) {
  Counted& first = ThreadOwned<Counted>();
  first.value = 7;
  BOOST_TEST(&ThreadOwned<Counted>() == &first);
  BOOST_TEST(ThreadOwned<Counted>().value == 7);
  // Another type, another object.
  ThreadOwned<Other>().value = 3;
  BOOST_TEST(ThreadOwned<Counted>().value == 7);
  BOOST_TEST(ThreadOwned<Other>().value == 3);
}

BOOST_AUTO_TEST_CASE(EachThreadHasItsOwnDestroyedAtItsEnd) {
  Counted* here = &ThreadOwned<Counted>();
  const int made = Counted::made, destroyed = Counted::destroyed;
  Counted* there = nullptr;
  int value_there = -1;
  std::thread other([&] {
    there = &ThreadOwned<Counted>();
    value_there = there->value;  // new: not this thread's 7
    there->value = 9;
  });
  other.join();
  BOOST_TEST(there != here);
  BOOST_TEST(value_there == 0);
  BOOST_TEST(Counted::made == made + 1);
  BOOST_TEST(Counted::destroyed == destroyed + 1);  // at the other thread's end
  BOOST_TEST(here->value != 9);
}

BOOST_AUTO_TEST_CASE(AThreadThatNeverUsesItMakesNone) {
  const int made = Counted::made;
  std::thread([] { ThreadOwned<Other>().value = 1; }).join();
  BOOST_TEST(Counted::made == made);
}

}  // namespace
}  // namespace cl
