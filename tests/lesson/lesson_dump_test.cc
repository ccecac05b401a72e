// Lesson dump: the exact text of hand-built lessons, so the form the golden
// files rely on is pinned here without the loader.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "lesson/lesson_dump.h"
#include "lesson_test_util.h"

namespace bdata = boost::unit_test::data;
using namespace cl;

namespace {

// Two variants that between them use every non-default setting.
Lesson TinyLesson() {
  Lesson l;
  l.path = "lessons/tiny.yaml";
  l.id = "tiny";
  l.title = "Tiny \"quoted\"";
  l.order = 2.5;
  l.beats.per = BeatsPer::Row;
  l.beats.max = 50;
  l.scale = ScaleMode::Shared;
  l.inputs = {"lessons/img/a.png"};

  Variant base;
  base.label = "Base";
  base.image = testing::G({{0, 9}, {-1, 0.5}});
  base.filter = {"Custom", testing::G({{1}})};
  base.conv.pad_bottom = 1;
  base.conv.pad_right = 1;
  base.conv.same = true;
  base.conv.stride_w = 2;
  base.activation = {ActivationType::LeakyRelu, 0.1};
  base.pool = {true, PoolType::Avg, 1, 1, 1, 1, Remainder::Pad};

  Variant plain = base;
  plain.label = "No pool";
  plain.conv = ConvSpec{};
  plain.conv.dilation_h = 2;
  plain.activation = {ActivationType::None, 0.01};
  plain.pool.enabled = false;

  l.variants = {base, plain};
  l.sections = {{SectionKind::Prose, "Why", "First line here\nSecond line\n"},
                {SectionKind::StepByStep, "", ""},
                {SectionKind::Complexity, "", ""},
                {SectionKind::Prose, "Empty", ""}};
  return l;
}

constexpr const char* kHead =
    "lesson\n"
    "  path: \"lessons/tiny.yaml\"\n"
    "  id: \"tiny\"\n"
    "  title: \"Tiny \\\"quoted\\\"\"\n"
    "  summary: \"\"\n"
    "  order: 2.5\n"
    "  beats: per row, max 50\n"
    "  scale: shared\n"
    "  layout: unset\n"
    "  inputs:\n"
    "    \"lessons/img/a.png\"\n";

constexpr const char* kBase =
    "variant 1 (base): \"Base\"\n"
    "  image: 2x2\n"
    "      0   9\n"
    "     -1 0.5\n"
    "  filter: \"Custom\" 1x1\n"
    "    1\n"
    "  conv: padding [0, 1, 0, 1] (same), stride [1, 2], dilation [1, 1]\n"
    "  activation: leaky-relu, slope 0.1\n"
    "  pool: avg, size [1, 1], stride [1, 1], remainder pad\n";

constexpr const char* kPlain =
    "variant 2: \"No pool\"\n"
    "  image: 2x2\n"
    "      0   9\n"
    "     -1 0.5\n"
    "  filter: \"Custom\" 1x1\n"
    "    1\n"
    "  conv: padding [0, 0, 0, 0], stride [1, 1], dilation [2, 1]\n"
    "  activation: none\n"
    "  pool: none\n";

constexpr const char* kSections =
    "sections: 4\n"
    "  1: prose \"Why\"\n"
    "    body: \"First line here...\"\n"
    "  2: generate step-by-step\n"
    "  3: generate complexity\n"
    "  4: prose \"Empty\"\n"
    "    body: \"\"\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(LessonDump)

BOOST_AUTO_TEST_CASE(EveryResolvedKeyVariantAndSection) {
  BOOST_TEST(DumpLesson(TinyLesson()) == std::string(kHead) + kBase + kPlain + kSections);
}

BOOST_AUTO_TEST_CASE(SelectedVariantsKeepTheirNumbers) {
  const Lesson l = TinyLesson();
  BOOST_TEST(DumpLesson(l, {&l.variants[1]}) == std::string(kHead) + kPlain + kSections);
}

BOOST_AUTO_TEST_CASE(DefaultsReadAsNone) {
  Lesson l;
  l.path = "x.yaml";
  l.id = "x";
  l.title = "X";
  BOOST_TEST(DumpLesson(l) ==
             "lesson\n"
             "  path: \"x.yaml\"\n"
             "  id: \"x\"\n"
             "  title: \"X\"\n"
             "  summary: \"\"\n"
             "  order: none\n"
             "  beats: per auto, max 400\n"
             "  scale: per-variant\n"
             "  layout: unset\n"
             "  inputs: none\n"
             "sections: 0\n");
}

struct ExcerptCase {
  const char* body;
  int max_chars;
  const char* want;
};
std::ostream& operator<<(std::ostream& os, const ExcerptCase& c) { return os << c.body; }

BOOST_DATA_TEST_CASE(BodyExcerptIsTheFirstLineCutByCodePoints,
                     bdata::make(std::vector<ExcerptCase>{
                         {"", 5, ""},
                         {"short", 10, "short"},
                         {"exactly", 7, "exactly"},
                         {"abcdef", 3, "abc..."},
                         {"one\ntwo", 10, "one..."},
                         {"one\n", 10, "one"},
                         {"h\u00e9llo w\u00f6rld", 4, "h\u00e9ll..."},
                         {"\u00b1\u00b1\u00b1", 2, "\u00b1\u00b1..."},
                         {"\nsecond", 10, "..."},
                     }),
                     c) {
  BOOST_TEST(BodyExcerpt(c.body, c.max_chars) == c.want);
}

BOOST_AUTO_TEST_SUITE_END()
