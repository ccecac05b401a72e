// The compute walkthrough as a terminal shows it, compared as whole text.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "../compute/test_support.h"
#include "cli/compute_text.h"

namespace bdata = boost::unit_test::data;
using cl::ConvSpec;
using cl::PoolSpec;

namespace {

struct ConvTextCase {
  ConvSpec conv;
  const char* want;
};
std::ostream& operator<<(std::ostream& os, const ConvTextCase& c) { return os << c.want; }

struct PoolTextCase {
  PoolSpec pool;
  const char* want;
};
std::ostream& operator<<(std::ostream& os, const PoolTextCase& c) { return os << c.want; }

}  // namespace

BOOST_AUTO_TEST_SUITE(ComputeText)

BOOST_AUTO_TEST_CASE(DefaultLessonWalkthrough) {
  cl::Variant v = cl::test::DefaultVerticalEdge();
  BOOST_TEST(cl::VariantWalkthroughText(v, cl::ComputeVariant(v)) ==
             "Vertical edge\n"
             "=============\n"
             "\n"
             "Input 6x6\n"
             "  0 0 0 0 0 0\n"
             "  0 0 9 9 0 0\n"
             "  0 0 9 9 0 0\n"
             "  0 0 9 9 0 0\n"
             "  0 0 9 9 0 0\n"
             "  0 0 0 0 0 0\n"
             "\n"
             "Filter \"Vertical edge\" 3x3\n"
             "   1  0 -1\n"
             "   1  0 -1\n"
             "   1  0 -1\n"
             "\n"
             "Feature map 4x4 (valid padding, stride 1)\n"
             "  -18 -18  18  18\n"
             "  -27 -27  27  27\n"
             "  -27 -27  27  27\n"
             "  -18 -18  18  18\n"
             "\n"
             "After ReLU 4x4 (negatives become 0)\n"
             "   0  0 18 18\n"
             "   0  0 27 27\n"
             "   0  0 27 27\n"
             "   0  0 18 18\n"
             "\n"
             "Max pool 2x2 (window 2x2, stride 2, drop the remainder)\n"
             "   0 27\n"
             "   0 27\n");
}

BOOST_AUTO_TEST_CASE(LeakyAvgAndNoneSettings) {
  cl::Variant v = cl::test::MakeVariant("Tiny", cl::test::G({{1, -2, 0.5}}), "Custom", cl::test::G({{1, 1}}));
  v.conv.pad_left = 1;
  v.activation = {cl::ActivationType::LeakyRelu, 0.5};
  v.pool = {.enabled = true, .type = cl::PoolType::Avg, .size_h = 1, .size_w = 2, .stride_h = 1, .stride_w = 2,
            .remainder = cl::Remainder::Pad};
  BOOST_TEST(cl::VariantWalkthroughText(v, cl::ComputeVariant(v)) ==
             "Tiny\n"
             "====\n"
             "\n"
             "Input 1x3\n"
             "    1  -2 0.5\n"
             "\n"
             "Filter \"Custom\" 1x2\n"
             "  1 1\n"
             "\n"
             "Feature map 1x3 (padding top 0, bottom 0, left 1, right 0, stride 1)\n"
             "     1   -1 -1.5\n"
             "\n"
             "After leaky ReLU 1x3 (negatives times 0.5)\n"
             "      1  -0.5 -0.75\n"
             "\n"
             "Average pool 1x2 (window 1x2, stride [1, 2], pad the remainder)\n"
             "   0.25 -0.75\n");
  v.label = "Café";
  v.activation.type = cl::ActivationType::None;
  v.pool.enabled = false;
  const std::string text = cl::VariantWalkthroughText(v, cl::ComputeVariant(v));
  BOOST_TEST(text.substr(0, 12) == "Café\n====\n\n");
  const std::string tail = "Activation: none (the feature map goes on unchanged)\n\nPooling: none\n";
  BOOST_TEST(text.substr(text.size() - tail.size()) == tail);
}

BOOST_DATA_TEST_CASE(ConvSettingsInWords,
                     bdata::make(std::vector<ConvTextCase>{
                         {ConvSpec{}, "valid padding, stride 1"},
                         {{.pad_top = 1, .pad_bottom = 1, .pad_left = 1, .pad_right = 1}, "padding 1, stride 1"},
                         {{.pad_top = 2, .pad_bottom = 2, .pad_left = 1, .pad_right = 1}, "padding [2, 1], stride 1"},
                         {{.pad_top = 1, .pad_bottom = 1, .pad_left = 1, .pad_right = 1, .same = true},
                          "same padding (1 on each side), stride 1"},
                         {{.pad_top = 0, .pad_bottom = 1, .pad_left = 0, .pad_right = 1, .same = true, .stride_h = 2,
                           .stride_w = 2},
                          "same padding (top 0, bottom 1, left 0, right 1), stride 2"},
                         {{.same = true, .stride_h = 1, .stride_w = 3},
                          "same padding (0 on each side), stride [1, 3]"},
                         {{.dilation_h = 2, .dilation_w = 2}, "valid padding, stride 1, dilation 2"},
                         {{.dilation_h = 1, .dilation_w = 2}, "valid padding, stride 1, dilation [1, 2]"},
                     }),
                     c) {
  BOOST_TEST(cl::ConvSettingsText(c.conv) == c.want);
}

BOOST_DATA_TEST_CASE(PoolSettingsInWords,
                     bdata::make(std::vector<PoolTextCase>{
                         {PoolSpec{}, "window 2x2, stride 2, drop the remainder"},
                         {{.size_h = 3, .size_w = 3, .stride_h = 1, .stride_w = 1, .remainder = cl::Remainder::Pad},
                          "window 3x3, stride 1, pad the remainder"},
                         {{.size_h = 1, .size_w = 2, .stride_h = 1, .stride_w = 2}, "window 1x2, stride [1, 2], drop the remainder"},
                     }),
                     c) {
  BOOST_TEST(cl::PoolSettingsText(c.pool) == c.want);
}

BOOST_AUTO_TEST_CASE(LessonHeading) {
  cl::Lesson lesson;
  lesson.id = "conv-relu-pool";
  lesson.title = "Convolve, ReLU, pool";
  BOOST_TEST(cl::LessonHeadingText(lesson) == "Convolve, ReLU, pool [conv-relu-pool]\n\n");
}

BOOST_AUTO_TEST_SUITE_END()
