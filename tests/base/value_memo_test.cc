// ValueMemo: a value asked again is made once; a value is never answered
// with another's result, however their slots fall (-0 and 0 included).
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <string>

#include "base/value_memo.h"

namespace cl {
namespace {

BOOST_AUTO_TEST_CASE(AValueMemoMakesAValueOnceAndNeverAnswersWithAnother) {
  ValueMemo<std::string> memo;
  int made = 0;
  const auto text = [&made](double v) {
    ++made;
    return std::to_string(v) + (std::signbit(v) ? "-" : "+");
  };
  BOOST_TEST(memo.Get(1.5, text) == text(1.5));
  made = 0;
  BOOST_TEST(memo.Get(1.5, text) == std::to_string(1.5) + "+");
  BOOST_TEST(made == 0);  // asked again: looked up
  BOOST_TEST(memo.Get(-0.0, text) == std::to_string(-0.0) + "-");
  BOOST_TEST(memo.Get(0.0, text) == std::to_string(0.0) + "+");
  // Far more values than slots, each asked twice in turn: every answer is
  // the value's own, and a value asked right after itself is not made again.
  for (int i = 0; i < 5000; ++i) {
    const double v = static_cast<double>(i * 7919 % 3001) / 8.0;
    BOOST_TEST_REQUIRE(memo.Get(v, text) == std::to_string(v) + "+");
    made = 0;
    BOOST_TEST_REQUIRE(memo.Get(v, text) == std::to_string(v) + "+");
    BOOST_TEST_REQUIRE(made == 0);
  }
}

// Several values name a result: one differing value, in any place, is
// another result.
BOOST_AUTO_TEST_CASE(AMemoOfTwoValuesAnswersOnlyBothOfThem) {
  ValueMemo<double, 2, 4> memo;  // 16 slots: many pairs share one
  int made = 0;
  const auto quotient = [&made](const ValueMemo<double, 2, 4>::Key& k) {
    ++made;
    return k[0] / k[1];
  };
  for (int i = 0; i < 3000; ++i) {
    const double a = i % 37, b = 1 + i % 11;
    BOOST_TEST_REQUIRE(memo.Get({a, b}, quotient) == a / b);
    BOOST_TEST_REQUIRE(memo.Get({b, a + 1}, quotient) == b / (a + 1));  // the values swapped round
    made = 0;
    BOOST_TEST_REQUIRE(memo.Get({b, a + 1}, quotient) == b / (a + 1));
    BOOST_TEST_REQUIRE(made == 0);
  }
  BOOST_TEST(memo.Get({1.0, -0.0}, quotient) == -HUGE_VAL);
  BOOST_TEST(memo.Get({1.0, 0.0}, quotient) == HUGE_VAL);
}

}  // namespace
}  // namespace cl
