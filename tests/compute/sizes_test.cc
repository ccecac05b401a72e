// Output-size formulas along one axis, straight from the contract.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "compute/compute.h"

namespace bdata = boost::unit_test::data;
using cl::Remainder;

namespace {

struct ConvSizeCase {
  int in, pad_before, pad_after, kernel, stride, dilation, want;
};
std::ostream& operator<<(std::ostream& os, const ConvSizeCase& c) {
  return os << "in=" << c.in << " pads=" << c.pad_before << "," << c.pad_after << " k=" << c.kernel
            << " s=" << c.stride << " d=" << c.dilation;
}

struct SameCase {
  int in, kernel, stride, dilation, before, after;
};
std::ostream& operator<<(std::ostream& os, const SameCase& c) {
  return os << "in=" << c.in << " k=" << c.kernel << " s=" << c.stride << " d=" << c.dilation;
}

struct PoolSizeCase {
  int map, size, stride;
  Remainder remainder;
  int want;
};
std::ostream& operator<<(std::ostream& os, const PoolSizeCase& c) {
  return os << "n=" << c.map << " size=" << c.size << " stride=" << c.stride
            << (c.remainder == Remainder::Drop ? " drop" : " pad");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(Sizes)

BOOST_DATA_TEST_CASE(ConvOutputSizeFollowsTheFormula,
                     bdata::make(std::vector<ConvSizeCase>{
                         {.in = 6, .pad_before = 0, .pad_after = 0, .kernel = 3, .stride = 1, .dilation = 1, .want = 4},
                         {.in = 6, .pad_before = 1, .pad_after = 1, .kernel = 3, .stride = 1, .dilation = 1, .want = 6},
                         {.in = 5, .pad_before = 0, .pad_after = 0, .kernel = 3, .stride = 2, .dilation = 1, .want = 2},
                         {.in = 6, .pad_before = 0, .pad_after = 0, .kernel = 3, .stride = 2, .dilation = 1, .want = 2},
                         {.in = 5, .pad_before = 0, .pad_after = 0, .kernel = 2, .stride = 1, .dilation = 2, .want = 3},
                         {.in = 7, .pad_before = 2, .pad_after = 1, .kernel = 3, .stride = 3, .dilation = 2, .want = 2},
                         {.in = 1, .pad_before = 0, .pad_after = 0, .kernel = 1, .stride = 1, .dilation = 1, .want = 1},
                         {.in = 4, .pad_before = 0, .pad_after = 0, .kernel = 1, .stride = 4, .dilation = 1, .want = 1},
                         // Too small: results <= 0 are errors the loader reports.
                         {.in = 2, .pad_before = 0, .pad_after = 0, .kernel = 3, .stride = 1, .dilation = 1, .want = 0},
                         {.in = 1, .pad_before = 0, .pad_after = 0, .kernel = 3, .stride = 1, .dilation = 1, .want = -1},
                         {.in = 5, .pad_before = 0, .pad_after = 0, .kernel = 3, .stride = 1, .dilation = 3, .want = -1},
                         // floor, not truncation: (2 - 3) / 2 = -0.5 -> -1, + 1 = 0.
                         {.in = 2, .pad_before = 0, .pad_after = 0, .kernel = 3, .stride = 2, .dilation = 1, .want = 0},
                         // Nonsense settings never divide by zero.
                         {.in = 6, .pad_before = 0, .pad_after = 0, .kernel = 3, .stride = 0, .dilation = 1, .want = 0},
                     }),
                     c) {
  BOOST_TEST(cl::ConvOutputSize(c.in, c.pad_before, c.pad_after, c.kernel, c.stride, c.dilation) == c.want);
}

BOOST_DATA_TEST_CASE(SamePaddingIsTheTensorFlowRule,
                     bdata::make(std::vector<SameCase>{
                         {.in = 6, .kernel = 3, .stride = 1, .dilation = 1, .before = 1, .after = 1},
                         {.in = 5, .kernel = 3, .stride = 2, .dilation = 1, .before = 1, .after = 1},
                         // even side, stride 2: out 3, total (3-1)*2 + 3 - 6 = 1, odd one after
                         {.in = 6, .kernel = 3, .stride = 2, .dilation = 1, .before = 0, .after = 1},
                         {.in = 6, .kernel = 2, .stride = 1, .dilation = 1, .before = 0, .after = 1},
                         {.in = 6, .kernel = 4, .stride = 1, .dilation = 1, .before = 1, .after = 2},
                         {.in = 7, .kernel = 3, .stride = 1, .dilation = 2, .before = 2, .after = 2},
                         {.in = 5, .kernel = 1, .stride = 1, .dilation = 1, .before = 0, .after = 0},
                         // a stride wider than the window: the total is clamped at 0
                         {.in = 6, .kernel = 1, .stride = 3, .dilation = 1, .before = 0, .after = 0},
                         {.in = 1, .kernel = 15, .stride = 1, .dilation = 1, .before = 7, .after = 7},
                     }),
                     c) {
  cl::PadPair p = cl::SamePadding(c.in, c.kernel, c.stride, c.dilation);
  BOOST_TEST(p.before == c.before);
  BOOST_TEST(p.after == c.after);
  // `same` keeps ceil(in / stride) outputs.
  BOOST_TEST(cl::ConvOutputSize(c.in, p.before, p.after, c.kernel, c.stride, c.dilation) ==
             (c.in + c.stride - 1) / c.stride);
}

BOOST_DATA_TEST_CASE(PooledSizeFollowsTheRemainderRule,
                     bdata::make(std::vector<PoolSizeCase>{
                         {.map = 4, .size = 2, .stride = 2, .remainder = Remainder::Drop, .want = 2},
                         {.map = 5, .size = 2, .stride = 2, .remainder = Remainder::Drop, .want = 2},
                         {.map = 5, .size = 2, .stride = 2, .remainder = Remainder::Pad, .want = 3},
                         {.map = 4, .size = 2, .stride = 2, .remainder = Remainder::Pad, .want = 2},
                         {.map = 4, .size = 3, .stride = 1, .remainder = Remainder::Drop, .want = 2},
                         {.map = 7, .size = 3, .stride = 2, .remainder = Remainder::Drop, .want = 3},
                         {.map = 8, .size = 3, .stride = 2, .remainder = Remainder::Drop, .want = 3},
                         {.map = 8, .size = 3, .stride = 2, .remainder = Remainder::Pad, .want = 4},
                         {.map = 2, .size = 2, .stride = 2, .remainder = Remainder::Pad, .want = 1},
                         // A window larger than the map is an error: 0 under both rules.
                         {.map = 1, .size = 2, .stride = 2, .remainder = Remainder::Drop, .want = 0},
                         {.map = 1, .size = 2, .stride = 2, .remainder = Remainder::Pad, .want = 0},
                         {.map = 3, .size = 0, .stride = 1, .remainder = Remainder::Drop, .want = 0},
                     }),
                     c) {
  BOOST_TEST(cl::PooledSize(c.map, c.size, c.stride, c.remainder) == c.want);
}

BOOST_AUTO_TEST_SUITE_END()
