// Each key of the lesson format and its default, read through the loader.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "lesson/filter_presets.h"
#include "lesson_test_util.h"

namespace bdata = boost::unit_test::data;
using namespace cl;
using cl::testing::G;
using cl::testing::kMinimal;
using cl::testing::Load;
using cl::testing::Printed;

namespace {

Lesson MustLoad(const std::string& yaml, const std::string& path = "lessons/t.yaml") {
  LoadResult r = Load(yaml, path);
  BOOST_TEST_REQUIRE(r.lesson.has_value(), Printed(r));
  BOOST_TEST(Printed(r) == "");
  return std::move(*r.lesson);
}

}  // namespace

BOOST_AUTO_TEST_CASE(DefaultsOfAMinimalLesson) {
  const Lesson l = MustLoad(std::string(kMinimal), "lessons/edges.yaml");
  BOOST_TEST(l.path == "lessons/edges.yaml");
  BOOST_TEST(l.id == "edges");  // the file's stem
  BOOST_TEST(l.id_where.path == "lessons/edges.yaml");
  BOOST_TEST(l.id_where.line == 0);
  BOOST_TEST(l.title == "T");
  BOOST_TEST(l.summary == "");
  BOOST_TEST(!l.order.has_value());
  BOOST_TEST_REQUIRE(l.variants.size() == 1u);
  const Variant& v = l.variants[0];
  BOOST_TEST(v.label == "Identity");  // the filter's display name
  BOOST_TEST(v.where.line == 1);
  BOOST_TEST(v.image->rows == 6);
  BOOST_TEST(v.image->cols == 6);
  const ConvSpec& c = v.conv;
  BOOST_TEST((c.pad_top == 0 && c.pad_bottom == 0 && c.pad_left == 0 && c.pad_right == 0 && !c.same));
  BOOST_TEST((c.stride_h == 1 && c.stride_w == 1 && c.dilation_h == 1 && c.dilation_w == 1));
  BOOST_TEST((v.activation.type == ActivationType::Relu));
  const PoolSpec& p = v.pool;
  BOOST_TEST((p.enabled && p.type == PoolType::Max && p.remainder == Remainder::Drop));
  BOOST_TEST((p.size_h == 2 && p.size_w == 2 && p.stride_h == 2 && p.stride_w == 2));
  BOOST_TEST((l.beats.per == BeatsPer::Auto));
  BOOST_TEST(l.beats.max == 400);
  BOOST_TEST_REQUIRE(l.sections.size() == 2u);  // the two generated sections
  BOOST_TEST((l.sections[0].kind == SectionKind::StepByStep));
  BOOST_TEST((l.sections[1].kind == SectionKind::Complexity));
  BOOST_TEST(l.inputs.empty());
}

BOOST_AUTO_TEST_CASE(TopLevelKeys) {
  const Lesson l = MustLoad(std::string(kMinimal) +
                            "id: my-lesson-2\nsummary: '  One line.  '\norder: 2.5\nlabel: Base\n"
                            "beats: {per: row, max: 2000}\n");
  BOOST_TEST(l.id == "my-lesson-2");
  BOOST_TEST(l.id_where.line == 4);
  BOOST_TEST(l.id_where.column == 5);
  BOOST_TEST(l.summary == "One line.");
  BOOST_TEST(l.order.value_or(0) == 2.5);
  BOOST_TEST(l.variants[0].label == "Base");
  BOOST_TEST((l.beats.per == BeatsPer::Row));
  BOOST_TEST(l.beats.max == 2000);
  BOOST_TEST(l.beats.where.line == 8);
}

BOOST_AUTO_TEST_CASE(TitleIsPlainTextKeptAsWritten) {
  const Lesson l = MustLoad("title: 'Edges <b>&amp; Ünïcode</b>'\nimage: {pattern: diagonal}\nfilter: sharpen\n");
  BOOST_TEST(l.title == "Edges <b>&amp; Ünïcode</b>");  // escaping is the page's job
}

// YAML's \_ and \L escapes are U+00A0 and U+2028, in UTF-8 as everything
// else (yaml-cpp gives \_ as the lone byte 0xA0, which made pages and PDFs
// of invalid UTF-8).
BOOST_AUTO_TEST_CASE(EscapedSpacesAreUtf8) {
  const Lesson l = MustLoad("title: \"Convolution\\_basics\\L\\xa0\"\nimage: {pattern: diagonal}\nfilter: sharpen\n");
  BOOST_TEST(l.title == "Convolution\u00A0basics\u2028\u00A0");
}

struct FilterCase {
  std::string yaml;
  std::string name;
  Grid weights;
};
std::ostream& operator<<(std::ostream& os, const FilterCase& c) { return os << c.yaml; }

BOOST_DATA_TEST_CASE(Filters,
                     bdata::make(std::vector<FilterCase>{
                         {"vertical-edge", "Vertical edge", G({{1, 0, -1}, {1, 0, -1}, {1, 0, -1}})},
                         {"horizontal-edge", "Horizontal edge", G({{1, 1, 1}, {0, 0, 0}, {-1, -1, -1}})},
                         {"sobel-x", "Sobel x", G({{1, 0, -1}, {2, 0, -2}, {1, 0, -1}})},
                         {"sobel-y", "Sobel y", G({{1, 2, 1}, {0, 0, 0}, {-1, -2, -1}})},
                         {"laplacian", "Laplacian", G({{0, 1, 0}, {1, -4, 1}, {0, 1, 0}})},
                         {"sharpen", "Sharpen", G({{0, -1, 0}, {-1, 5, -1}, {0, -1, 0}})},
                         {"box-blur", "Box blur", Grid(3, 3, 1.0 / 9.0)},
                         {"identity", "Identity", G({{0, 0, 0}, {0, 1, 0}, {0, 0, 0}})},
                         {"[[1, -1]]", "Custom", G({{1, -1}})},
                         {"[[0.5], [-2.25], [1e2]]", "Custom", G({{0.5}, {-2.25}, {100}})},
                         {"{name: Mine, weights: [[1, 2], [3, 4]]}", "Mine", G({{1, 2}, {3, 4}})},
                         {"{weights: [[7]]}", "Custom", G({{7}})},
                     }),
                     c) {
  const Lesson l = MustLoad("title: T\nimage: {pattern: vertical-bar}\nfilter: " + c.yaml + "\n");
  BOOST_TEST(l.variants[0].filter.name == c.name);
  BOOST_TEST((l.variants[0].filter.weights == c.weights));
  BOOST_TEST(l.variants[0].label == c.name);
}

BOOST_AUTO_TEST_CASE(PresetNamesAreTheContractsInOrder) {
  std::vector<std::string> names(FilterPresetNames().begin(), FilterPresetNames().end());
  BOOST_TEST((names == std::vector<std::string>{"vertical-edge", "horizontal-edge", "sobel-x", "sobel-y", "laplacian",
                                                "sharpen", "box-blur", "identity"}));
}

BOOST_AUTO_TEST_CASE(LargestFilterIs15PerSide) {
  std::string yaml = "title: T\nimage: {pattern: {kind: diagonal, size: 15}}\npool: none\nfilter:\n";
  for (int r = 0; r < 15; ++r) yaml += "  - [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n";
  const Lesson l = MustLoad(yaml);
  BOOST_TEST(l.variants[0].filter.weights.rows == 15);
  BOOST_TEST(l.variants[0].filter.weights.cols == 15);
}

struct ConvCase {
  std::string conv;  // the conv value
  int size;          // square image side (diagonal pattern)
  std::string filter;
  int top, bottom, left, right, stride_h, stride_w, dilation_h, dilation_w;
  bool same;
};
std::ostream& operator<<(std::ostream& os, const ConvCase& c) { return os << c.conv; }

BOOST_DATA_TEST_CASE(ConvPaddingStrideDilation,
                     bdata::make(std::vector<ConvCase>{
                         {"{padding: valid}", 6, "identity", 0, 0, 0, 0, 1, 1, 1, 1, false},
                         {"{padding: 2}", 6, "identity", 2, 2, 2, 2, 1, 1, 1, 1, false},
                         {"{padding: [1, 3]}", 6, "identity", 1, 1, 3, 3, 1, 1, 1, 1, false},
                         {"{stride: 2, dilation: [1, 2]}", 9, "identity", 0, 0, 0, 0, 2, 2, 1, 2, false},
                         // same (TensorFlow): out = ceil(in / stride); the odd pixel goes bottom/right.
                         {"{padding: same}", 6, "identity", 1, 1, 1, 1, 1, 1, 1, 1, true},
                         {"{padding: same, stride: 2}", 6, "identity", 0, 1, 0, 1, 2, 2, 1, 1, true},
                         {"{padding: same, stride: 2}", 7, "identity", 1, 1, 1, 1, 2, 2, 1, 1, true},
                         {"{padding: same, stride: 3}", 6, "identity", 0, 0, 0, 0, 3, 3, 1, 1, true},
                         {"{padding: same, dilation: 2}", 6, "identity", 2, 2, 2, 2, 1, 1, 2, 2, true},
                         {"{padding: same}", 6, "[[1, 1]]", 0, 0, 0, 1, 1, 1, 1, 1, true},
                         {"{padding: same, stride: [1, 2]}", 5, "[[1, 1, 1, 1]]", 0, 0, 1, 2, 1, 2, 1, 1, true},
                     }),
                     c) {
  const Lesson l = MustLoad("title: T\nimage: {pattern: {kind: diagonal, size: " + std::to_string(c.size) +
                            "}}\nfilter: " + c.filter + "\npool: none\nconv: " + c.conv + "\n");
  const ConvSpec& s = l.variants[0].conv;
  BOOST_TEST(s.pad_top == c.top);
  BOOST_TEST(s.pad_bottom == c.bottom);
  BOOST_TEST(s.pad_left == c.left);
  BOOST_TEST(s.pad_right == c.right);
  BOOST_TEST(s.stride_h == c.stride_h);
  BOOST_TEST(s.stride_w == c.stride_w);
  BOOST_TEST(s.dilation_h == c.dilation_h);
  BOOST_TEST(s.dilation_w == c.dilation_w);
  BOOST_TEST(s.same == c.same);
}

struct ActivationCase {
  std::string yaml;
  ActivationType type;
  double slope;
};
std::ostream& operator<<(std::ostream& os, const ActivationCase& c) { return os << c.yaml; }

BOOST_DATA_TEST_CASE(Activations,
                     bdata::make(std::vector<ActivationCase>{
                         {"relu", ActivationType::Relu, 0.01},
                         {"none", ActivationType::None, 0.01},
                         {"leaky-relu", ActivationType::LeakyRelu, 0.01},
                         {"{type: leaky-relu}", ActivationType::LeakyRelu, 0.01},
                         {"{type: leaky-relu, slope: 0.2}", ActivationType::LeakyRelu, 0.2},
                         {"{type: leaky-relu, slope: 0}", ActivationType::LeakyRelu, 0},
                         {"{type: none}", ActivationType::None, 0.01},
                     }),
                     c) {
  const Lesson l = MustLoad(std::string(kMinimal) + "activation: " + c.yaml + "\n");
  BOOST_TEST((l.variants[0].activation.type == c.type));
  BOOST_TEST(l.variants[0].activation.slope == c.slope);
}

struct PoolCase {
  std::string yaml;
  bool enabled;
  PoolType type;
  int size_h, size_w, stride_h, stride_w;
  Remainder remainder;
};
std::ostream& operator<<(std::ostream& os, const PoolCase& c) { return os << c.yaml; }

BOOST_DATA_TEST_CASE(Pools,
                     bdata::make(std::vector<PoolCase>{
                         {"none", false, PoolType::Max, 2, 2, 2, 2, Remainder::Drop},
                         {"{}", true, PoolType::Max, 2, 2, 2, 2, Remainder::Drop},
                         {"{type: avg}", true, PoolType::Avg, 2, 2, 2, 2, Remainder::Drop},
                         {"{size: 3}", true, PoolType::Max, 3, 3, 3, 3, Remainder::Drop},
                         {"{size: [1, 3], remainder: pad}", true, PoolType::Max, 1, 3, 1, 3, Remainder::Pad},
                         {"{size: 2, stride: 1}", true, PoolType::Max, 2, 2, 1, 1, Remainder::Drop},
                         {"{size: 3, stride: [1, 2]}", true, PoolType::Max, 3, 3, 1, 2, Remainder::Drop},
                     }),
                     c) {
  // A 6x6 image under identity gives a 4x4 map.
  const Lesson l = MustLoad(std::string(kMinimal) + "pool: " + c.yaml + "\n");
  const PoolSpec& p = l.variants[0].pool;
  BOOST_TEST(p.enabled == c.enabled);
  if (!c.enabled) return;
  BOOST_TEST((p.type == c.type));
  BOOST_TEST(p.size_h == c.size_h);
  BOOST_TEST(p.size_w == c.size_w);
  BOOST_TEST(p.stride_h == c.stride_h);
  BOOST_TEST(p.stride_w == c.stride_w);
  BOOST_TEST((p.remainder == c.remainder));
}

BOOST_AUTO_TEST_CASE(VariantsReplaceWholeKeysOfTheBase) {
  const Lesson l = MustLoad(
      "title: T\n"
      "image: {pattern: {kind: vertical-bar, size: 8}}\n"
      "filter: sobel-x\n"
      "conv: {padding: same, stride: 2}\n"
      "activation: {type: leaky-relu, slope: 0.5}\n"
      "pool: {type: avg, size: 2, remainder: pad}\n"
      "variants:\n"
      "  - label: Stride 1\n"
      "    conv: {stride: 1}\n"
      "  - label: Pixels\n"
      "    image: {pixels: [[1, 2, 3], [4, 5, 6], [7, 8, 9]]}\n"
      "    pool: none\n"
      "    activation: none\n");
  BOOST_TEST_REQUIRE(l.variants.size() == 3u);
  const Variant& base = l.variants[0];
  const Variant& stride1 = l.variants[1];
  const Variant& pixels = l.variants[2];
  BOOST_TEST(base.label == "Sobel x");
  BOOST_TEST(base.conv.same);
  // conv is replaced as a whole: padding goes back to its default, valid.
  BOOST_TEST(stride1.label == "Stride 1");
  BOOST_TEST(!stride1.conv.same);
  BOOST_TEST(stride1.conv.pad_top == 0);
  BOOST_TEST(stride1.conv.stride_h == 1);
  BOOST_TEST((stride1.image == base.image));
  BOOST_TEST(stride1.filter.name == "Sobel x");
  BOOST_TEST((stride1.activation.type == ActivationType::LeakyRelu));
  BOOST_TEST(stride1.activation.slope == 0.5);
  BOOST_TEST((stride1.pool.type == PoolType::Avg));
  BOOST_TEST(stride1.where.line == 8);
  BOOST_TEST(stride1.where.column == 5);
  // `same` is resolved for each variant's own image: 3x3 at stride 2 -> 2x2 out, 1 pixel of padding.
  BOOST_TEST((pixels.image == G({{1, 2, 3}, {4, 5, 6}, {7, 8, 9}})));
  BOOST_TEST(pixels.conv.same);
  BOOST_TEST(pixels.conv.pad_top == 1);
  BOOST_TEST(pixels.conv.pad_bottom == 1);
  BOOST_TEST(base.conv.pad_top == 0);  // 8 at stride 2 -> 4 out, (4-1)*2+3-8 = 1 pixel: at the bottom
  BOOST_TEST(base.conv.pad_bottom == 1);
  BOOST_TEST(!pixels.pool.enabled);
  BOOST_TEST((pixels.activation.type == ActivationType::None));
}

BOOST_AUTO_TEST_CASE(Sections) {
  const Lesson l = MustLoad(std::string(kMinimal) +
                            "sections:\n"
                            "  - generate: complexity\n"
                            "  - title: Why\n"
                            "    body: |\n"
                            "      text with *emphasis*\n"
                            "\n"
                            "          indented code\n"
                            "\n"
                            "  - {generate: step-by-step}\n");
  BOOST_TEST_REQUIRE(l.sections.size() == 3u);
  BOOST_TEST((l.sections[0].kind == SectionKind::Complexity));
  BOOST_TEST((l.sections[1].kind == SectionKind::Prose));
  BOOST_TEST(l.sections[1].title == "Why");
  BOOST_TEST(l.sections[1].body == "text with *emphasis*\n\n    indented code");
  BOOST_TEST((l.sections[2].kind == SectionKind::StepByStep));
  BOOST_TEST(MustLoad(std::string(kMinimal) + "sections: []\n").sections.empty());
}

BOOST_AUTO_TEST_CASE(AnchorsAndAliasesShareValues) {
  const Lesson l = MustLoad(
      "title: T\n"
      "image: {pixels: &rows [[1, 2, 3], [4, 5, 6], [7, 8, 9]]}\n"
      "filter: &f [[1, 0], [0, -1]]\n"
      "pool: none\n"
      "variants:\n"
      "  - {label: Same pixels, image: {pixels: *rows}, filter: {name: Named, weights: *f}}\n");
  BOOST_TEST((l.variants[1].image == l.variants[0].image));
  BOOST_TEST((l.variants[1].filter.weights == l.variants[0].filter.weights));
}

BOOST_AUTO_TEST_CASE(ByteOrderMarkAndWindowsLineEndings) {
  const Lesson l = MustLoad("\xEF\xBB\xBFtitle: T\r\nimage: {pattern: vertical-bar}\r\nfilter: identity\r\n");
  BOOST_TEST(l.title == "T");
}

BOOST_AUTO_TEST_CASE(NumbersInEveryDecimalForm) {
  const Lesson l = MustLoad("title: T\nfilter: [[1]]\npool: none\nimage:\n  pixels: [[-0, +1, 2.5, .5, 1e3, -2E-1, 5., 1e-400]]\n");
  BOOST_TEST((l.variants[0].image == G({{0, 1, 2.5, 0.5, 1000, -0.2, 5, 0}})));
  BOOST_TEST(!std::signbit(l.variants[0].image->at(0, 0)));  // no -0
}

// An override left open in a label would reverse the words frames and captions
// set after it ("... · Max pooling"), so the loader closes it.
BOOST_AUTO_TEST_CASE(OpenBidiOverridesInTextAreClosed) {
  const Lesson l = MustLoad(
      "title: \"\\u202ETitle\"\nsummary: \"\\u202ESummary\"\nlabel: \"\\u2067Base\"\n"
      "image: {pattern: diagonal}\nfilter: {name: \"\\u202EName\", weights: [[1]]}\n"
      "sections: [{title: \"\\u202ESection\", body: \"\\u202EBody\"}]\n"
      "variants: [{label: \"Ok \\u202Ex\\u202C\", pool: none}]\n");
  BOOST_TEST(l.title == "\u202ETitle\u202C");
  BOOST_TEST(l.summary == "\u202ESummary\u202C");
  BOOST_TEST(l.variants[0].label == "\u2067Base\u2069");
  BOOST_TEST(l.variants[0].filter.name == "\u202EName\u202C");
  BOOST_TEST(l.variants[1].label == "Ok \u202Ex\u202C");  // balanced: kept as written
  BOOST_TEST(l.sections[0].title == "\u202ESection\u202C");
  BOOST_TEST(l.sections[0].body == "\u202EBody");  // Markdown: each paragraph bounds its own bidi
}

BOOST_AUTO_TEST_CASE(FilterBias) {
  const Lesson l = MustLoad("title: T\nimage: {pattern: vertical-bar}\nfilter: {name: E, weights: [[1, -1]], bias: -0.5}\n");
  const Variant& v = l.variants[0];
  BOOST_TEST_REQUIRE(v.filters.size() == 1u);
  BOOST_TEST(v.filters[0].bias == -0.5);
  BOOST_TEST(v.filter.bias == -0.5);
  BOOST_TEST(v.drawn == 0);
  // Without bias: 0.
  BOOST_TEST(MustLoad(std::string(kMinimal)).variants[0].filter.bias == 0);
}

BOOST_AUTO_TEST_CASE(FiltersList) {
  const Lesson l = MustLoad(
      "title: T\nimage: {pattern: vertical-bar}\n"
      "filters:\n  - sobel-x\n  - {name: Up, weights: [[1, 2, 1], [0, 0, 0], [-1, -2, -1]], bias: 3}\n"
      "  - [[0, 0, 0], [0, 1, 0], [0, 0, 0]]\n"
      "beats: {map: 2}\n"
      "variants:\n  - label: Two\n    filters: [sobel-y, laplacian]\n");
  BOOST_TEST_REQUIRE(l.variants.size() == 2u);
  const Variant& v = l.variants[0];
  BOOST_TEST(v.label == "Sobel x");  // named after the first filter
  BOOST_TEST_REQUIRE(v.filters.size() == 3u);
  BOOST_TEST(v.filters[1].name == "Up");
  BOOST_TEST(v.filters[1].bias == 3);
  BOOST_TEST(v.filters[2].name == "Custom");
  BOOST_TEST(v.filter.name == "Sobel x");  // the first is drawn in front
  BOOST_TEST(l.beats.map == 2);
  BOOST_TEST_REQUIRE(l.variants[1].filters.size() == 2u);
  BOOST_TEST(l.variants[1].filters[1].name == "Laplacian");
}

BOOST_AUTO_TEST_CASE(ChannelsPixelsNamesAndSlices) {
  const Lesson l = MustLoad(
      "title: T\n"
      "image:\n  pixels: [[[1, 2], [3, 4]], [[5, 6], [7, 8]], [[0, 1], [1, 0]]]\n  channels: [red, green, blue]\n"
      "filters:\n  - {name: A, weights: [[[1]], [[2]], [[3]]], bias: 1}\n  - [[[0]], [[0]], [[-1]]]\n"
      "pool: none\n");
  const Variant& v = l.variants[0];
  BOOST_TEST_REQUIRE(ChannelCount(v) == 3);
  BOOST_TEST((ChannelAt(v, 1) == G({{5, 6}, {7, 8}})));
  BOOST_TEST((v.image == G({{1, 2}, {3, 4}})));  // channel 0
  BOOST_TEST(&v.image.get() == &ChannelAt(v, 0));  // the channel itself, not a copy
  BOOST_TEST((v.channel_names == std::vector<std::string>{"red", "green", "blue"}));
  BOOST_TEST_REQUIRE(v.filters.size() == 2u);
  BOOST_TEST(SliceCount(v.filters[0]) == 3);
  BOOST_TEST((SliceAt(v.filters[0], 2) == G({{3}})));
  BOOST_TEST((v.filters[0].weights == G({{1}})));  // slice 0
  BOOST_TEST(v.filters[0].bias == 1);
  BOOST_TEST((SliceAt(v.filters[1], 2) == G({{-1}})));
}

BOOST_AUTO_TEST_CASE(VariantsAndTheirCopiesShareTheImage) {
  // A photograph is megabytes of numbers: variants that keep the image, and
  // every copy of a variant (one per filter it focuses on), read one copy.
  const Lesson l = MustLoad(
      "title: T\nimage: {pixels: [[[1, 2], [3, 4]], [[5, 6], [7, 8]]]}\nfilter: [[[1]], [[2]]]\npool: none\n"
      "variants:\n  - {label: other, filter: [[[3]], [[4]]]}\n");
  BOOST_TEST_REQUIRE(l.variants.size() == 2u);
  BOOST_TEST(&l.variants[0].image.get() == &l.variants[1].image.get());
  const Variant copy = l.variants[1];
  BOOST_TEST(&copy.image.get() == &l.variants[0].image.get());
}

BOOST_AUTO_TEST_CASE(OneChannelListIsTheTwoDimensionalImage) {
  // [1][h][w] pixels and [1][k][k] weights are one channel: the same lesson as the 2-D matrices.
  const Lesson a = MustLoad("title: T\nimage: {pixels: [[[1, 2], [3, 4]]]}\nfilter: [[[1, -1]]]\npool: none\n");
  const Lesson b = MustLoad("title: T\nimage: {pixels: [[1, 2], [3, 4]]}\nfilter: [[1, -1]]\npool: none\n");
  BOOST_TEST(ChannelCount(a.variants[0]) == 1);
  BOOST_TEST(a.variants[0].channels.empty());
  BOOST_TEST(a.variants[0].filter.slices.empty());
  BOOST_TEST((a.variants[0].image == b.variants[0].image));
  BOOST_TEST((a.variants[0].filter.weights == b.variants[0].filter.weights));
}

// `padding: causal`: a one-row signal padded on the left only, by
// dilation * (k - 1), so output t reads inputs t - reach .. t and no later.
BOOST_AUTO_TEST_CASE(CausalPaddingPadsTheLeftByTheFiltersReach) {
  const std::string signal =
      "title: T\nimage:\n  pixels: [[1, 2, 3, 4, 5, 6]]\nfilter:\n  weights: [[1, 2, 3]]\npool: none\n";
  const Lesson plain = MustLoad(signal + "conv: {padding: causal}\n");
  const ConvSpec& c = plain.variants[0].conv;
  BOOST_TEST(c.causal);
  BOOST_TEST(c.pad_left == 2);
  BOOST_TEST(c.pad_right == 0);
  BOOST_TEST(c.pad_top == 0);
  BOOST_TEST(c.pad_bottom == 0);
  const Lesson dilated = MustLoad(signal + "conv: {padding: causal, dilation: 2}\n");
  BOOST_TEST(dilated.variants[0].conv.pad_left == 4);
  BOOST_TEST(!MustLoad(signal).variants[0].conv.causal);
}
