// Pooling: max and avg under both remainder rules, on an odd (5x5) map.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "compute/compute.h"
#include "test_support.h"

namespace bdata = boost::unit_test::data;
using cl::Grid;
using cl::PoolSpec;
using cl::PoolType;
using cl::Remainder;
using cl::test::Counting;
using cl::test::G;

namespace {

PoolSpec Pool(PoolType type, int size, int stride, Remainder remainder) {
  PoolSpec p;
  p.type = type;
  p.size_h = p.size_w = size;
  p.stride_h = p.stride_w = stride;
  p.remainder = remainder;
  return p;
}

struct PoolCase {
  const char* name;
  Grid map;
  PoolSpec pool;
  Grid want;
};
std::ostream& operator<<(std::ostream& os, const PoolCase& c) { return os << c.name; }

}  // namespace

BOOST_AUTO_TEST_SUITE(Pool2D)

// Counting(5, 5) is 1..25 row by row; windows worked by hand.
BOOST_DATA_TEST_CASE(
    HandWorkedPools,
    bdata::make(std::vector<PoolCase>{
        {"max 2/2 drop on 5x5 leaves out the last row and column", Counting(5, 5),
         Pool(PoolType::Max, 2, 2, Remainder::Drop), G({{7, 9}, {17, 19}})},
        {"avg 2/2 drop on 5x5", Counting(5, 5), Pool(PoolType::Avg, 2, 2, Remainder::Drop), G({{4, 6}, {14, 16}})},
        {"max 2/2 pad on 5x5 clips the edge windows", Counting(5, 5), Pool(PoolType::Max, 2, 2, Remainder::Pad),
         G({{7, 9, 10}, {17, 19, 20}, {22, 24, 25}})},
        {"avg 2/2 pad on 5x5 divides by the covered cells", Counting(5, 5),
         Pool(PoolType::Avg, 2, 2, Remainder::Pad), G({{4, 6, 7.5}, {14, 16, 17.5}, {21.5, 23.5, 25}})},
        {"max 3/1 drop overlaps", G({{1, 5, 2, 0}, {0, 0, 0, 3}, {4, 0, 0, 0}}),
         Pool(PoolType::Max, 3, 1, Remainder::Drop), G({{5, 5}})},
        {"max keeps negatives (activation none)", G({{-3, -1}, {-2, -5}}), Pool(PoolType::Max, 2, 2, Remainder::Drop),
         G({{-1}})},
        {"avg of thirds is a decimal", G({{1, 0, 0}}), [] {
           PoolSpec p = Pool(PoolType::Avg, 1, 1, Remainder::Drop);
           p.size_w = p.stride_w = 3;
           return p;
         }(),
         G({{1.0 / 3.0}})},
        {"non-square window 1x2, stride 1x2, pad", Counting(2, 3), [] {
           PoolSpec p = Pool(PoolType::Max, 1, 1, Remainder::Pad);
           p.size_w = p.stride_w = 2;
           return p;
         }(),
         G({{2, 3}, {5, 6}})},
    }),
    c) {
  BOOST_TEST(cl::Pool2D(c.map, c.pool) == c.want);
}

BOOST_AUTO_TEST_CASE(WindowLargerThanTheMapGivesNothing) {
  BOOST_TEST(cl::Pool2D(G({{1}}), Pool(PoolType::Max, 2, 2, Remainder::Pad)).empty());
  BOOST_TEST(cl::Pool2D(G({{1, 2, 3}}), Pool(PoolType::Avg, 2, 2, Remainder::Drop)).empty());
}

BOOST_AUTO_TEST_CASE(PadWithStrideWiderThanWindowEndsOnAnEmptyWindow) {
  // n = 6, size 2, stride 3: ceil(4 / 3) + 1 = 3 windows at 0, 3 and 6; the
  // last starts past the edge, covers nothing and reads 0 with no winner.
  Grid map = G({{1, 2, 3, 4, 5, 6}});
  PoolSpec p = Pool(PoolType::Max, 1, 1, Remainder::Pad);
  p.size_w = 2;
  p.stride_w = 3;
  BOOST_TEST(cl::Pool2D(map, p) == G({{2, 5, 0}}));
  cl::Variant v;
  v.pool = p;
  cl::PoolTrace t = cl::TracePoolCell(v, map, 0, 2);
  BOOST_TEST(t.col_begin == 6);
  BOOST_TEST(t.col_end == 6);
  BOOST_TEST(t.winner_col == -1);
  BOOST_TEST(t.value == 0.0);
}

BOOST_AUTO_TEST_SUITE_END()
