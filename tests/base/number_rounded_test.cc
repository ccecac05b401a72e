// FormatNumberRounded: coordinates to a fixed number of decimals, trimmed.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <limits>
#include <vector>

#include "base/number_format.h"

namespace bdata = boost::unit_test::data;

namespace {

struct RoundedCase {
  double value;
  int decimals;
  const char* want;
};
std::ostream& operator<<(std::ostream& os, const RoundedCase& c) { return os << c.value << "/" << c.decimals; }

}  // namespace

BOOST_DATA_TEST_CASE(FormatNumberRoundedTrimsAndNeverWritesMinusZero,
                     bdata::make(std::vector<RoundedCase>{
                         {0.0, 3, "0"},
                         {-0.0, 3, "0"},
                         {12.0, 3, "12"},
                         {12.25, 3, "12.25"},
                         {10.0 / 3.0, 3, "3.333"},
                         {-10.0 / 3.0, 3, "-3.333"},
                         {2.0 / 3.0, 3, "0.667"},
                         {0.1 + 0.2, 3, "0.3"},
                         {-0.0004, 3, "0"},
                         {-0.0006, 3, "-0.001"},
                         {1234.5678, 0, "1235"},
                         {1234.5678, 1, "1234.6"},
                         {1.5, -4, "2"},  // decimals below 0 count as 0
                         {123456789012345.0, 3, "123456789012345"},
                         {1e300, 3, "1e+300"},  // beyond 1e15: as FormatNumber writes it
                         {std::numeric_limits<double>::quiet_NaN(), 3, "0"},
                     }),
                     c) {
  BOOST_TEST(cl::FormatNumberRounded(c.value, c.decimals) == c.want);
}
