// --variant: every variant without a label, the one labelled, or none (a usage error).
#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>

#include "cli/variant_selection.h"

using namespace cl;

namespace {

Lesson TwoVariants() {
  Lesson l;
  l.path = "lessons/two.yaml";
  l.variants.resize(2);
  l.variants[0].label = "Vertical edge";
  l.variants[1].label = "Horizontal edge";
  return l;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(VariantSelection)

BOOST_AUTO_TEST_CASE(NoLabelSelectsEveryVariantInOrder) {
  const Lesson l = TwoVariants();
  const auto selected = SelectVariants(l, std::nullopt, "dump");
  BOOST_TEST_REQUIRE(selected.size() == 2u);
  BOOST_TEST(selected[0] == &l.variants[0]);
  BOOST_TEST(selected[1] == &l.variants[1]);
}

BOOST_AUTO_TEST_CASE(ALabelSelectsThatVariantOnly) {
  const Lesson l = TwoVariants();
  const auto selected = SelectVariants(l, std::string("Horizontal edge"), "dump");
  BOOST_TEST_REQUIRE(selected.size() == 1u);
  BOOST_TEST(selected[0] == &l.variants[1]);
}

BOOST_AUTO_TEST_CASE(AnUnknownOrDifferentlyCasedLabelSelectsNothing) {
  const Lesson l = TwoVariants();
  BOOST_TEST(SelectVariants(l, std::string("Diagonal"), "dump").empty());
  BOOST_TEST(SelectVariants(l, std::string("vertical edge"), "dump").empty());
}

BOOST_AUTO_TEST_SUITE_END()
