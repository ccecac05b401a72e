// The "Reproduce it" programs as text (tests/snippets runs them for real):
// the settings they spell out, and the two pooling rules PyTorch needs help with.
#include <boost/test/unit_test.hpp>

#include <string>

#include "built_by_hand.h"
#include "site/reproduce.h"
#include "../support/default_lesson.h"

namespace {

bool Has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(ReproduceIt)

BOOST_AUTO_TEST_CASE(TheDefaultLessonsProgramsSpellOutItsNumbersAndSettings) {
  const cl::Lesson lesson = cl::testing::DefaultLesson();
  const cl::BuiltLesson built = cl::testing::BuildByHand(lesson, {"vertical-edge", "horizontal-edge"});
  const std::string torch = cl::TorchSnippet(built.variants[0]);
  BOOST_TEST(Has(torch, "    [0, 0, 9, 9, 0, 0],\n"));
  BOOST_TEST(Has(torch, "    [1, 0, -1],\n"));
  BOOST_TEST(Has(torch, "x = F.pad(image[None, None], (0, 0, 0, 0))"));
  BOOST_TEST(Has(torch, "conv = F.conv2d(x, weights[None, None], stride=(1, 1), dilation=(1, 1))\n"));
  BOOST_TEST(Has(torch, "activated = F.relu(conv)\n"));
  BOOST_TEST(Has(torch, "pooled = F.max_pool2d(activated, (2, 2), stride=(2, 2))\n"));
  BOOST_TEST(Has(torch, "show(\"After pooling:\", pooled[0, 0].tolist())\n"));
  const std::string numpy = cl::NumpySnippet(built.variants[0]);
  BOOST_TEST(!Has(numpy, "torch"));
  BOOST_TEST(Has(numpy, "activated = np.maximum(conv, 0)  # ReLU\n"));
  BOOST_TEST(Has(numpy, "pooled[r, c] = window.max() if window.size else 0\n"));
}

BOOST_AUTO_TEST_CASE(KeptEdgeWindowsUseCeilModeAndWindowsPastTheEdgeArePaddedWithZeros) {
  cl::Lesson lesson = cl::testing::DefaultLesson();
  lesson.variants.resize(1);
  cl::Variant& v = lesson.variants[0];
  v.pool = {true, cl::PoolType::Avg, 1, 1, 3, 3, cl::Remainder::Pad};  // a 4x4 map: windows at 0 and 3
  v.activation = {cl::ActivationType::LeakyRelu, 0.25};
  const cl::BuiltLesson built = cl::testing::BuildByHand(lesson, {"v"});
  BOOST_TEST(built.variants[0].result.pooled()->rows == 2);
  const std::string torch = cl::TorchSnippet(built.variants[0]);
  BOOST_TEST(Has(torch, "activated = F.leaky_relu(conv, negative_slope=0.25)\n"));
  BOOST_TEST(Has(torch, "pooled = F.avg_pool2d(activated, (1, 1), stride=(3, 3), ceil_mode=True, count_include_pad=False)\n"));
  BOOST_TEST(!Has(torch, "F.pad(pooled"));  // PyTorch keeps the window at 3: it starts inside the map
  v.pool.size_h = v.pool.size_w = 2;
  v.pool.stride_h = v.pool.stride_w = 5;  // 5x5 map from a 7x7 image: windows at 0 and 5, the second past the edge
  v.image = cl::Grid(7, 7, 1);
  const cl::BuiltLesson wide = cl::testing::BuildByHand(lesson, {"v"});
  BOOST_TEST(wide.variants[0].result.pooled()->rows == 2);
  BOOST_TEST(Has(cl::TorchSnippet(wide.variants[0]), "pooled = F.pad(pooled, (0, 1, 0, 1))\n"));
}

BOOST_AUTO_TEST_CASE(ImagesOverThirtyTwoPixelsASideAreNotWrittenOut) {
  cl::Lesson lesson = cl::testing::DefaultLesson();
  lesson.variants = {cl::testing::SizedVariant(33, 8, 3, 3)};
  const cl::BuiltLesson built = cl::testing::BuildByHand(lesson, {"sized"});
  BOOST_TEST(!cl::HasSnippets(built.variants[0]));
}

BOOST_AUTO_TEST_CASE(TransposedChannelsHandPyTorchTheWeightsAsInChannelsByOutChannels) {
  cl::Lesson lesson = cl::testing::DefaultLesson();
  lesson.variants.resize(1);
  cl::Variant& v = lesson.variants[0];
  v.channels = {cl::Grid::FromRows({{1, 2}, {3, 4}}), cl::Grid::FromRows({{5, 6}, {7, 8}})};
  v.image = v.channels[0];
  v.filter.slices = {cl::Grid::FromRows({{1, 0}, {0, 1}}), cl::Grid::FromRows({{2, 1}, {0, -1}})};
  v.filter.weights = v.filter.slices[0];
  v.filters = {v.filter};
  v.conv = {};
  v.conv.transposed = true;
  v.conv.stride_h = v.conv.stride_w = 2;
  v.pool.enabled = false;
  const cl::BuiltLesson built = cl::testing::BuildByHand(lesson, {"v"});
  BOOST_TEST(cl::HasSnippets(built.variants[0]));
  const std::string torch = cl::TorchSnippet(built.variants[0]);
  BOOST_TEST(Has(torch, "conv = F.conv_transpose2d(image[None], weights.transpose(0, 1), bias, stride=(2, 2),\n"));
  const std::string numpy = cl::NumpySnippet(built.variants[0]);
  BOOST_TEST(Has(numpy, "+= image[ch, r, c] * weights[k, ch]\n"));
}

BOOST_AUTO_TEST_SUITE_END()
