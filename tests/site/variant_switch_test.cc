// The variant switch's label and button words: one thing differing names it,
// several make it "Variant", and each button says its own value.
#include <boost/test/unit_test.hpp>

#include "site/variant_switch.h"
#include "../support/default_lesson.h"

BOOST_AUTO_TEST_SUITE(VariantSwitchWords)

BOOST_AUTO_TEST_CASE(FilterAndImageDifferInTheDefaultLessonSoTheLabelIsVariant) {
  const cl::VariantSwitch s = cl::DescribeVariantSwitch(cl::testing::DefaultLesson().variants);
  BOOST_TEST(s.label == "Variant");
  BOOST_TEST(s.differences.size() == 2u);
  BOOST_TEST(s.differences[0] == "Vertical edge filter \u00b7 its own 6\u00d76 image");
  BOOST_TEST(s.differences[1] == "Horizontal edge filter \u00b7 its own 6\u00d76 image");
}

BOOST_AUTO_TEST_CASE(OnlyTheActivationDiffers) {
  cl::Variant leaky = cl::testing::VerticalEdgeVariant();
  leaky.label = "Leaky";
  leaky.activation = {cl::ActivationType::LeakyRelu, 0.25};
  cl::Variant plain = cl::testing::VerticalEdgeVariant();
  plain.label = "ReLU";
  const cl::VariantSwitch s = cl::DescribeVariantSwitch({leaky, plain});
  BOOST_TEST(s.label == "Activation");
  BOOST_TEST(s.differences[0] == "Leaky ReLU, slope 0.25");
  BOOST_TEST(s.differences[1] == "");  // the label says it already
}

BOOST_AUTO_TEST_CASE(EachSingleDifferenceNamesTheSwitch) {
  const cl::Variant base = cl::testing::VerticalEdgeVariant();
  cl::Variant other = base;
  other.label = "Other";
  other.filter = {"Horizontal edge", cl::testing::HorizontalEdgeVariant().filter.weights};
  BOOST_TEST(cl::DescribeVariantSwitch({base, other}).label == "Filter");
  other = base;
  other.image.Edit().at(0, 0) = 1;
  const cl::VariantSwitch image = cl::DescribeVariantSwitch({base, other});
  BOOST_TEST(image.label == "Image");
  BOOST_TEST(image.differences[1] == "its own 6\u00d76 image");
  other = base;
  other.conv.pad_top = other.conv.pad_bottom = other.conv.pad_left = other.conv.pad_right = 1;
  BOOST_TEST(cl::DescribeVariantSwitch({base, other}).label == "Padding");
  other = base;
  other.pool.enabled = false;
  const cl::VariantSwitch pool = cl::DescribeVariantSwitch({base, other});
  BOOST_TEST(pool.label == "Pooling");
  BOOST_TEST(pool.differences[0] == "2\u00d72 max pooling with stride 2");
  BOOST_TEST(pool.differences[1] == "no pooling");
}

BOOST_AUTO_TEST_SUITE_END()
