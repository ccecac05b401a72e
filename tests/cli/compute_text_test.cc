// The compute walkthrough as a terminal shows it, compared as whole text.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "../compute/test_support.h"
#include "cli/compute_text.h"

namespace bdata = boost::unit_test::data;

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
             "Feature map 4x4 (no padding, stride 1)\n"
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
             "Pooled map 2x2 (2x2 max pooling with stride 2)\n"
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
             "Feature map 1x3 (zero padding of 0 top, 0 bottom, 1 left and 0 right, stride 1)\n"
             "     1   -1 -1.5\n"
             "\n"
             "After leaky ReLU 1x3 (negatives times 0.5)\n"
             "      1  -0.5 -0.75\n"
             "\n"
             "Pooled map 1x2 (1x2 average pooling with stride 1 down and 2 across, keeping the partial windows at the edge)\n"
             "   0.25 -0.75\n");
  v.label = "Café";
  v.activation.type = cl::ActivationType::None;
  v.pool.enabled = false;
  const std::string text = cl::VariantWalkthroughText(v, cl::ComputeVariant(v));
  BOOST_TEST(text.substr(0, 12) == "Café\n====\n\n");
  const std::string tail = "Activation: none (the feature map goes on unchanged)\n\nPooling: none\n";
  BOOST_TEST(text.substr(text.size() - tail.size()) == tail);
}

// The settings' words are the storyboard's (tests/storyboard/wording_test.cc),
// in ASCII here: the walkthrough is plain text for a terminal.
BOOST_AUTO_TEST_CASE(WalkthroughStaysAscii) {
  cl::Variant v = cl::test::DefaultVerticalEdge();
  v.conv = {.pad_top = 1, .pad_bottom = 1, .pad_left = 1, .pad_right = 1, .same = true, .stride_h = 2, .stride_w = 2};
  v.pool.remainder = cl::Remainder::Pad;
  const std::string text = cl::VariantWalkthroughText(v, cl::ComputeVariant(v));
  BOOST_TEST(text.find("Feature map 3x3 (same padding of 1 on every side, stride 2)\n") != std::string::npos);
  BOOST_TEST(text.find("Pooled map 2x2 (2x2 max pooling with stride 2, keeping the partial windows at the edge)\n") !=
             std::string::npos);
  for (unsigned char ch : text) BOOST_TEST(ch < 0x80);
}

BOOST_AUTO_TEST_CASE(LessonHeading) {
  cl::Lesson lesson;
  lesson.id = "conv-relu-pool";
  lesson.title = "Convolve, ReLU, pool";
  BOOST_TEST(cl::LessonHeadingText(lesson) == "Convolve, ReLU, pool [conv-relu-pool]\n\n");
}

BOOST_AUTO_TEST_SUITE_END()
