// Beats' scenes laid out once per lesson (BeatSceneMemo): a scene asked for
// again is the held one's copy, without laying it out; past the budget a
// scene is laid out at each use; a variant's scenes go when it is
// forgotten; threads asking at once get the same scene.
#include "scene/beat_scene_memo.h"

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

using namespace cl;

namespace {

// A scene that names its variant and beat, with `texts` numbers of a long
// text each (held on the heap).
Scene Made(std::size_t variant, int beat, int texts = 20) {
  Scene scene;
  scene.width = 640, scene.height = 360;
  scene.title = "variant " + std::to_string(variant) + " beat " + std::to_string(beat);
  scene.items.push_back(GroupBegin{"grid", "grid", "a label long enough to be on the heap"});
  for (int k = 0; k < texts; ++k)
    scene.items.push_back(TextShape{10.0 * k, 20, "the value " + std::to_string(k) + " of a long enough text", 12, Color{}});
  scene.items.push_back(GroupEnd{});
  return scene;
}

// The bytes of a scene as the memo holds it: a copy.
std::size_t Held(const Scene& scene) { return BeatSceneMemo::SceneBytes(Scene(scene)); }

bool Same(const Scene& a, const Scene& b) {
  return a.width == b.width && a.height == b.height && a.title == b.title && a.desc == b.desc && a.items == b.items;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(BeatSceneMemoSuite)

BOOST_AUTO_TEST_CASE(EachBeatIsLaidOutOnceAndCopiedAfter) {
  BeatSceneMemo memo;
  int laid_out = 0;
  for (int round = 0; round < 3; ++round)
    for (std::size_t v = 0; v < 2; ++v)
      for (int beat = 0; beat < 5; ++beat) {
        const Scene scene = memo.Get(v, beat, [&] { return ++laid_out, Made(v, beat); });
        BOOST_TEST(Same(scene, Made(v, beat)));
      }
  BOOST_TEST(laid_out == 10);
  BOOST_TEST(memo.held_bytes() == 10 * Held(Made(0, 0)));
}

BOOST_AUTO_TEST_CASE(SceneBytesCountItemsAndTheirHeapText) {
  const std::size_t small = BeatSceneMemo::SceneBytes(Made(0, 0, 1));
  const std::size_t large = BeatSceneMemo::SceneBytes(Made(0, 0, 101));
  // 100 more items, each with a text of about 40 bytes on the heap.
  BOOST_TEST(large - small >= 100 * (sizeof(SceneItem) + 40));
  BOOST_TEST(large - small <= 100 * (sizeof(SceneItem) + 64) + 100 * sizeof(SceneItem));
}

BOOST_AUTO_TEST_CASE(ScenesPastTheBudgetAreLaidOutAtEachUse) {
  const std::size_t one = Held(Made(0, 0));
  BeatSceneMemo memo(3 * one);
  int laid_out = 0;
  for (int round = 0; round < 2; ++round)
    for (int beat = 0; beat < 5; ++beat) {
      const Scene scene = memo.Get(0, beat, [&] { return ++laid_out, Made(0, beat); });
      BOOST_TEST(Same(scene, Made(0, beat)));
    }
  BOOST_TEST(laid_out == 5 + 2);  // beats 0-2 held, 3 and 4 laid out twice
  BOOST_TEST(memo.held_bytes() == 3 * one);
}

BOOST_AUTO_TEST_CASE(ForgettingAVariantLetsOnlyItsScenesGo) {
  BeatSceneMemo memo;
  int laid_out = 0;
  const auto get = [&](std::size_t v, int beat) { return memo.Get(v, beat, [&] { return ++laid_out, Made(v, beat); }); };
  for (std::size_t v = 0; v < 3; ++v)
    for (int beat = 0; beat < 4; ++beat) get(v, beat);
  memo.Forget(1);
  BOOST_TEST(memo.held_bytes() == 8 * Held(Made(0, 0)));
  laid_out = 0;
  for (std::size_t v = 0; v < 3; ++v) BOOST_TEST(Same(get(v, 2), Made(v, 2)));
  BOOST_TEST(laid_out == 1);  // variant 1's, again
  memo.Clear();
  BOOST_TEST(memo.held_bytes() == 0);
  get(0, 0);
  BOOST_TEST(laid_out == 2);
}

BOOST_AUTO_TEST_CASE(ThreadsAskingAtOnceGetTheSameScenes) {
  BeatSceneMemo memo;
  std::atomic<int> laid_out{0};
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int round = 0; round < 50; ++round)
        for (int beat = 0; beat < 8; ++beat)
          if (!Same(memo.Get(0, beat, [&] { return ++laid_out, Made(0, beat); }), Made(0, beat))) ++wrong;
    });
  for (std::thread& t : threads) t.join();
  BOOST_TEST(wrong == 0);
  BOOST_TEST(laid_out >= 8);
  BOOST_TEST(laid_out <= 8 * 4);  // at most each thread once per beat, before one is held
  BOOST_TEST(memo.held_bytes() == 8 * Held(Made(0, 0)));
}

BOOST_AUTO_TEST_SUITE_END()
