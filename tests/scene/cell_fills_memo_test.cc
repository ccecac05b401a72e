// Large grids' colours made once per lesson (CellFillsMemo): every beat's
// layout with the memo equals its layout without it (images with padding,
// maps filling cell by cell and row by row, several filters drawn in turn,
// a transposed convolution scattering partial sums, in every frame shape),
// and the memo makes each grid's colours once, also when threads ask at once.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "../support/built_frames.h"
#include "scene/cell_fills_memo.h"
#include "scene/layout.h"

using namespace cl;
using namespace cl::testing;

namespace {

Grid Picture(int rows, int cols) {
  Grid g(rows, cols);
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) g.at(r, c) = static_cast<double>((r * 37 + c * 11) % 256);
  return g;
}

Filter Named(const std::string& name, Grid weights) {
  Filter f;
  f.name = name;
  f.weights = std::move(weights);
  return f;
}

Variant Photo(int side, int pad) {
  Variant v;
  v.label = "Photo";
  v.image = Picture(side, side);
  v.image_from_file = true;
  v.filters = {Named("Edges", Grid::FromRows({{-1, 0, 1}, {-2, 0, 2}, {-1, 0, 1}})),
               Named("Blur", Grid::FromRows({{1, 1, 1}, {1, 1, 1}, {1, 1, 1}}))};
  v.filter = v.filters[0];
  v.conv.pad_top = v.conv.pad_bottom = v.conv.pad_left = v.conv.pad_right = pad;
  return v;
}

Variant Transposed(int side) {
  Variant v;
  v.label = "Up";
  v.image = Picture(side, side);
  v.filter = Named("Counting", Grid::FromRows({{1, -2, 3}, {-4, 5, -6}, {7, -8, 9}}));
  v.filters = {v.filter};
  v.conv.transposed = true;
  v.conv.stride_h = v.conv.stride_w = 2;
  v.activation.type = ActivationType::None;
  v.pool.enabled = false;
  return v;
}

BeatsSpec Per(BeatsPer per, int max) {
  BeatsSpec spec;
  spec.per = per;
  spec.max = max;
  return spec;
}

bool SameScene(const Scene& a, const Scene& b) {
  return a.width == b.width && a.height == b.height && a.background == b.background && a.title == b.title &&
         a.desc == b.desc && a.items == b.items;
}

int CellsBlocks(const Scene& s) {
  int n = 0;
  for (const SceneItem& item : s.items) n += std::holds_alternative<CellsShape>(item) ? 1 : 0;
  return n;
}

// Every beat laid out with a memo (twice: made, then found) equals it laid
// out without one. Returns how many grids' colours the memo holds.
std::size_t CheckEveryBeat(const Variant& variant, const BeatsSpec& spec, FrameLayout layout) {
  BuiltFrames frames(variant, spec, layout);
  CellFillsMemo memo;
  LayoutInput with = frames.input;
  with.fills_memo = &memo;
  const int beats = static_cast<int>(frames.story.beats.size());
  for (int round = 0; round < 2; ++round) {
    for (int beat = 0; beat < beats; ++beat) {
      const Scene plain = frames.At(beat);
      BOOST_TEST_CONTEXT("beat " << beat << " of " << beats << ", round " << round) {
        BOOST_TEST(SameScene(LayoutBeat(with, frames.geometry, beat), plain));
      }
      if (round == 0 && beat == 0) BOOST_TEST(CellsBlocks(plain) > 0);
    }
  }
  return memo.Held();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(CellFillsMemoTests)

BOOST_AUTO_TEST_CASE(LayoutsWithTheMemoEqualLayoutsWithout) {
  // A padded 24x24 picture, two filters drawn in turn, maps filling row by
  // row and cell by cell; wide, tall and slides.
  for (const FrameLayout layout : {FrameLayout::Wide, FrameLayout::Tall, FrameLayout::Slides}) {
    // The picture, and both filters' conv and activated maps (the pooled
    // ones, 12x12, are a rectangle a cell).
    BOOST_TEST(CheckEveryBeat(Photo(24, 1), Per(BeatsPer::Row, 60), layout) == 5u);
    BOOST_TEST(CheckEveryBeat(Photo(24, 0), Per(BeatsPer::Cell, 120), layout) == 5u);
  }
  // Copies scattered into partial sums (not from the memo), then the output.
  BOOST_TEST(CheckEveryBeat(Transposed(17), Per(BeatsPer::Cell, 300), FrameLayout::Wide) == 2u);  // image, output
}

BOOST_AUTO_TEST_CASE(MakesEachGridsColoursOnce) {
  CellFillsMemo memo;
  int made = 0;
  const auto make = [&] {
    ++made;
    return std::vector<Color>(6, Color{1, 2, 3});
  };
  const Grid a(2, 3), b(2, 3);
  const CellFillsMemo::Key key{&a, {.scale = 2}, 0, 0, 2, 3};
  const auto first = memo.Get(key, make);
  BOOST_TEST(made == 1);
  BOOST_TEST((memo.Get(key, make) == first));
  BOOST_TEST(made == 1);
  // Another grid, other colours, another place in the padding: made anew.
  CellFillsMemo::Key other = key;
  other.values = &b;
  memo.Get(other, make);
  other = key;
  other.colors.scale = 3;
  memo.Get(other, make);
  other = key;
  other.pad_left = 1;
  memo.Get(other, make);
  BOOST_TEST(made == 4);
  // Past its last entry, the one used longest ago is made again when asked
  // for; one asked for meanwhile stays.
  std::vector<Grid> more(8, Grid(2, 3));
  for (std::size_t i = 0; i < more.size(); ++i) {
    memo.Get({&more[i], {.scale = 2}, 0, 0, 2, 3}, make);
    if (i == 3) BOOST_TEST((memo.Get(key, make) == first));  // used again
  }
  BOOST_TEST(made == 12);
  BOOST_TEST((memo.Get(key, make) == first));
  BOOST_TEST(made == 12);
  CellFillsMemo::Key old_key{&more[0], {.scale = 2}, 0, 0, 2, 3};
  memo.Get(old_key, make);  // the first of `more`, used longest ago: gone
  BOOST_TEST(made == 13);
  for (const Grid& g : more) memo.Get({&g, {.scale = 2}, 0, 0, 2, 3}, make);  // pushes `key` out
  BOOST_TEST((memo.Get(key, make) != first));
  BOOST_TEST(*first == std::vector<Color>(6, Color{1, 2, 3}));  // still held by whoever took it
  const int before_clear = made;
  BOOST_TEST(memo.Held() == 8u);
  memo.Clear();
  BOOST_TEST(memo.Held() == 0u);
  memo.Get(key, make);
  BOOST_TEST(made == before_clear + 1);
}

BOOST_AUTO_TEST_CASE(ThreadsAskingAtOnceShareOneMaking) {
  CellFillsMemo memo;
  std::atomic<int> made{0};
  const Grid grid(4, 4);
  const CellFillsMemo::Key key{&grid, {.grey = true, .black = 0, .white = 255}, 1, 1, 6, 6};
  std::vector<std::shared_ptr<const std::vector<Color>>> got(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < got.size(); ++t) {
    threads.emplace_back([&, t] {
      got[t] = memo.Get(key, [&] {
        ++made;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        return std::vector<Color>(36, Color{9, 9, 9});
      });
    });
  }
  for (std::thread& t : threads) t.join();
  BOOST_TEST(made.load() == 1);
  for (const auto& g : got) BOOST_TEST((g == got[0]));
}

BOOST_AUTO_TEST_SUITE_END()
