// A block's colours, held or shown from colours many scenes share: each
// cell reads the same either way, two blocks are equal when their cells
// are, and a row comes side by side without a copy where it can.
#include <memory>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "scene/scene.h"

namespace {

using cl::BlockFills;
using cl::Color;

const Color kEmpty{250, 250, 250};

std::shared_ptr<const std::vector<Color>> Shared() {
  std::vector<Color> colours;
  for (int i = 0; i < 12; ++i) colours.push_back(Color{static_cast<uint8_t>(i), 0, static_cast<uint8_t>(100 + i)});
  return std::make_shared<const std::vector<Color>>(std::move(colours));
}

// The cells a block shows, one by one.
std::vector<Color> Cells(const BlockFills& fills) {
  std::vector<Color> cells;
  for (std::size_t k = 0; k < fills.size(); ++k) cells.push_back(fills[k]);
  return cells;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(block_fills)

BOOST_AUTO_TEST_CASE(SharedColoursShowTheirFirstCellsAndTheRestIsOneColour) {
  const auto shared = Shared();
  const BlockFills fills(shared, 5, 12, kEmpty);
  BOOST_REQUIRE(fills.size() == 12u);
  for (std::size_t k = 0; k < 12; ++k) BOOST_TEST((fills[k] == (k < 5 ? (*shared)[k] : kEmpty)), "cell " << k);
  // More shown than shared: as many as there are.
  const BlockFills short_shared(std::make_shared<const std::vector<Color>>(3, Color{1, 2, 3}), 8, 6, kEmpty);
  BOOST_TEST((Cells(short_shared) == std::vector<Color>{{1, 2, 3}, {1, 2, 3}, {1, 2, 3}, kEmpty, kEmpty, kEmpty}));
  // None shared: every cell the rest.
  BOOST_TEST((Cells(BlockFills(nullptr, 4, 4, kEmpty)) == std::vector<Color>(4, kEmpty)));
}

BOOST_AUTO_TEST_CASE(ARowComesSideBySideCopiedOnlyWhereItMust) {
  const auto shared = Shared();
  const BlockFills fills(shared, 6, 12, kEmpty);
  std::vector<Color> scratch;
  // Within the shared colours: a pointer into them.
  BOOST_TEST(fills.Span(2, 4, &scratch) == shared->data() + 2);
  BOOST_TEST(scratch.empty());
  // Across the last one shown, and past it: copied.
  const Color* across = fills.Span(4, 4, &scratch);
  BOOST_TEST(across == scratch.data());
  BOOST_TEST((std::vector<Color>(across, across + 4) == std::vector<Color>{(*shared)[4], (*shared)[5], kEmpty, kEmpty}));
  const Color* past = fills.Span(8, 4, &scratch);
  BOOST_TEST((std::vector<Color>(past, past + 4) == std::vector<Color>(4, kEmpty)));
  // Held colours: always a pointer.
  const auto held = BlockFills(std::vector<Color>(*shared));
  BOOST_TEST((held.Span(8, 4, &scratch)[3] == (*shared)[11]));
  BOOST_TEST(held.Span(8, 4, &scratch) != scratch.data());
}

BOOST_AUTO_TEST_CASE(BlocksAreEqualWhenEveryCellIs) {
  const auto shared = Shared();
  std::vector<Color> same(shared->begin(), shared->begin() + 5);
  same.resize(12, kEmpty);
  // Shared or held, the same cells.
  BOOST_TEST((BlockFills(shared, 5, 12, kEmpty) == BlockFills(same)));
  BOOST_TEST((BlockFills(same) == BlockFills(shared, 5, 12, kEmpty)));
  BOOST_TEST((BlockFills(shared, 5, 12, kEmpty) == BlockFills(shared, 5, 12, kEmpty)));
  // One more cell shown, another rest, another count, another cell.
  BOOST_TEST(!(BlockFills(shared, 5, 12, kEmpty) == BlockFills(shared, 6, 12, kEmpty)));
  BOOST_TEST(!(BlockFills(shared, 5, 12, kEmpty) == BlockFills(shared, 5, 12, Color{0, 0, 0})));
  BOOST_TEST(!(BlockFills(shared, 5, 12, kEmpty) == BlockFills(shared, 5, 11, kEmpty)));
  same[11] = Color{9, 9, 9};
  BOOST_TEST(!(BlockFills(shared, 5, 12, kEmpty) == BlockFills(same)));
  // A cell shown that has the rest's colour is the same as one not shown.
  const auto with_empty = std::make_shared<const std::vector<Color>>(std::vector<Color>{{1, 1, 1}, kEmpty, kEmpty});
  BOOST_TEST((BlockFills(with_empty, 1, 3, kEmpty) == BlockFills(with_empty, 3, 3, kEmpty)));
  // Every cell shown, whatever the rest.
  BOOST_TEST((BlockFills(shared, 12, 12, kEmpty) == BlockFills(shared, 12, 12, Color{0, 0, 0})));
}

BOOST_AUTO_TEST_SUITE_END()
