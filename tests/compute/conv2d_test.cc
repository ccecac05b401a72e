// Cross-correlation: the default lesson's numbers and hand-worked cases for
// padding, stride, dilation and filter shapes.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "compute/compute.h"
#include "test_support.h"

namespace bdata = boost::unit_test::data;
using cl::ConvSpec;
using cl::Grid;
using cl::test::Counting;
using cl::test::G;

namespace {

ConvSpec Spec(int top, int bottom, int left, int right, int stride_h = 1, int stride_w = 1, int dilation_h = 1,
              int dilation_w = 1) {
  ConvSpec s;
  s.pad_top = top;
  s.pad_bottom = bottom;
  s.pad_left = left;
  s.pad_right = right;
  s.stride_h = stride_h;
  s.stride_w = stride_w;
  s.dilation_h = dilation_h;
  s.dilation_w = dilation_w;
  return s;
}

ConvSpec Same(const Grid& image, const Grid& weights, int stride) {
  cl::PadPair v = cl::SamePadding(image.rows, weights.rows, stride, 1);
  cl::PadPair h = cl::SamePadding(image.cols, weights.cols, stride, 1);
  ConvSpec s = Spec(v.before, v.after, h.before, h.after, stride, stride);
  s.same = true;
  return s;
}

struct ConvCase {
  const char* name;
  Grid image;
  Grid weights;
  ConvSpec conv;
  Grid want;
};
std::ostream& operator<<(std::ostream& os, const ConvCase& c) { return os << c.name; }

const Grid kOnes3 = G({{1, 1, 1}, {1, 1, 1}, {1, 1, 1}});

}  // namespace

BOOST_AUTO_TEST_SUITE(Conv2D)

BOOST_AUTO_TEST_CASE(DefaultLessonVerticalEdge) {
  cl::VariantResult r = cl::ComputeVariant(cl::test::DefaultVerticalEdge());
  BOOST_TEST(r.conv() == G({{-18, -18, 18, 18}, {-27, -27, 27, 27}, {-27, -27, 27, 27}, {-18, -18, 18, 18}}));
  BOOST_TEST(r.activated() == G({{0, 0, 18, 18}, {0, 0, 27, 27}, {0, 0, 27, 27}, {0, 0, 18, 18}}));
  BOOST_REQUIRE(r.pooled().has_value());
  BOOST_TEST(*r.pooled() == G({{0, 27}, {0, 27}}));
}

BOOST_AUTO_TEST_CASE(DefaultLessonHorizontalEdgeIsTheTranspose) {
  cl::VariantResult r = cl::ComputeVariant(cl::test::DefaultHorizontalEdge());
  BOOST_TEST(r.conv() == G({{-18, -27, -27, -18}, {-18, -27, -27, -18}, {18, 27, 27, 18}, {18, 27, 27, 18}}));
  BOOST_TEST(r.activated() == G({{0, 0, 0, 0}, {0, 0, 0, 0}, {18, 27, 27, 18}, {18, 27, 27, 18}}));
  BOOST_REQUIRE(r.pooled().has_value());
  BOOST_TEST(*r.pooled() == G({{0, 0}, {27, 27}}));
  cl::VariantResult base = cl::ComputeVariant(cl::test::DefaultVerticalEdge());
  BOOST_TEST(r.conv() == base.conv().Transposed());
}

// Image "1..25" is Counting(5, 5); "1..36" is Counting(6, 6). Expected maps
// were worked by hand as sums of the listed windows.
BOOST_DATA_TEST_CASE(
    HandWorkedMaps,
    bdata::make(std::vector<ConvCase>{
        {"valid, stride 2 on 5x5: windows at rows/cols 0 and 2", Counting(5, 5), kOnes3, Spec(0, 0, 0, 0, 2, 2),
         G({{63, 81}, {153, 171}})},
        {"same, stride 2 on odd 5x5: out 3, pads 1/1 each way", Counting(5, 5), kOnes3,
         Same(Counting(5, 5), kOnes3, 2), G({{16, 33, 28}, {69, 117, 87}, {76, 123, 88}})},
        {"same, stride 2 on even 6x6: out 3, pad 0 before and 1 after", Counting(6, 6), kOnes3,
         Same(Counting(6, 6), kOnes3, 2), G({{72, 90, 69}, {180, 198, 141}, {174, 186, 130}})},
        {"same, stride 1 keeps the size", G({{1, 2}, {3, 4}}), kOnes3, Same(G({{1, 2}, {3, 4}}), kOnes3, 1),
         G({{10, 10}, {10, 10}})},
        {"dilation 2: 2x2 filter reads a 3x3 span", Counting(5, 5), G({{1, 2}, {3, 4}}), Spec(0, 0, 0, 0, 1, 1, 2, 2),
         G({{92, 102, 112}, {142, 152, 162}, {192, 202, 212}})},
        {"dilation 2 on columns only", Counting(3, 4), G({{1, 2}}), Spec(0, 0, 0, 0, 1, 1, 1, 2),
         G({{7, 10}, {19, 22}, {31, 34}})},
        {"1x1 filter scales every pixel", G({{1, 0}, {-3, 0.5}}), G({{-2}}), Spec(0, 0, 0, 0),
         G({{-2, 0}, {6, -1}})},
        {"1x3 filter on 2x4", G({{1, 2, 3, 4}, {4, 3, 2, 1}}), G({{1, 0, -1}}), Spec(0, 0, 0, 0),
         G({{-2, -2}, {2, 2}})},
        {"2x3 filter on 3x4", Counting(3, 4), G({{1, 2, 3}, {4, 5, 6}}), Spec(0, 0, 0, 0),
         G({{106, 127}, {190, 211}})},
        {"3x1 filter, stride [1, 2]", Counting(3, 4), G({{1}, {0}, {2}}), Spec(0, 0, 0, 0, 1, 2),
         G({{19, 25}})},
        {"asymmetric padding: top 1, right 2, zeros outside", G({{1, 2}, {3, 4}}), G({{1}}), Spec(1, 0, 0, 2),
         G({{0, 0, 0, 0}, {1, 2, 0, 0}, {3, 4, 0, 0}})},
        {"no kernel flip: [1, 2] reads left then right", G({{10, 1}}), G({{1, 2}}), Spec(0, 0, 0, 0), G({{12}})},
        {"binary fractions stay exact", G({{1, 3}}), G({{0.5, 0.25}}), Spec(0, 0, 0, 0), G({{1.25}})},
    }),
    c) {
  BOOST_TEST(cl::Conv2D(c.image, c.weights, c.conv) == c.want);
}

BOOST_AUTO_TEST_CASE(ImpossibleSizesGiveAnEmptyMap) {
  BOOST_TEST(cl::Conv2D(G({{1, 2}, {3, 4}}), kOnes3, Spec(0, 0, 0, 0)).empty());
  BOOST_TEST(cl::Conv2D(Counting(5, 5), kOnes3, Spec(0, 0, 0, 0, 1, 1, 3, 3)).empty());
  BOOST_TEST(cl::Conv2D(Grid(), kOnes3, Spec(1, 1, 1, 1)).empty());
}

BOOST_AUTO_TEST_SUITE_END()
