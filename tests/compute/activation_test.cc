// Activations, value by value.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cmath>

#include "base/number_format.h"
#include "compute/compute.h"
#include "test_support.h"

namespace bdata = boost::unit_test::data;
using cl::ActivationSpec;
using cl::ActivationType;

namespace {

struct ActivationCase {
  ActivationSpec spec;
  double in;
  double want;
};
std::ostream& operator<<(std::ostream& os, const ActivationCase& c) {
  return os << static_cast<int>(c.spec.type) << " slope=" << c.spec.slope << " x=" << c.in;
}

constexpr ActivationSpec kRelu{ActivationType::Relu, 0.01};
constexpr ActivationSpec kNone{ActivationType::None, 0.01};
constexpr ActivationSpec kLeaky{ActivationType::LeakyRelu, 0.25};

}  // namespace

BOOST_AUTO_TEST_SUITE(Activation)

BOOST_DATA_TEST_CASE(ActivateValue,
                     bdata::make(std::vector<ActivationCase>{
                         {kRelu, 18, 18},
                         {kRelu, -18, 0},
                         {kRelu, 0.5, 0.5},
                         {kRelu, 0, 0},
                         {kNone, -27, -27},
                         {kNone, 2.5, 2.5},
                         {kLeaky, 3, 3},
                         {kLeaky, -4, -1},
                         {kLeaky, -18, -4.5},
                         {kLeaky, 0, 0},
                         {{ActivationType::LeakyRelu, 0.0}, -5, 0},
                         {{ActivationType::LeakyRelu, 1.0}, -5, -5},
                     }),
                     c) {
  BOOST_TEST(cl::Activate(c.spec, c.in) == c.want);
}

BOOST_AUTO_TEST_CASE(LeakyDefaultSlopeReadsAsADecimal) {
  ActivationSpec leaky{ActivationType::LeakyRelu};  // slope defaults to 0.01
  BOOST_TEST(cl::FormatNumber(cl::Activate(leaky, -18)) == "-0.18");
  BOOST_TEST(cl::FormatNumber(cl::Activate(leaky, -27)) == "-0.27");
}

BOOST_AUTO_TEST_CASE(NeverReturnsNegativeZero) {
  for (ActivationSpec spec : {kRelu, kNone, kLeaky, ActivationSpec{ActivationType::LeakyRelu, 0.0}}) {
    BOOST_TEST(!std::signbit(cl::Activate(spec, -0.0)));
  }
  // A zero slope times a negative value, and a product that underflows, are -0 in IEEE arithmetic.
  BOOST_TEST(!std::signbit(cl::Activate({ActivationType::LeakyRelu, 0.0}, -5.0)));
  BOOST_TEST(!std::signbit(cl::Activate({ActivationType::LeakyRelu, 1e-300}, -1e-300)));
}

BOOST_AUTO_TEST_CASE(ApplyActivationMapsEveryCell) {
  using cl::test::G;
  BOOST_TEST(cl::ApplyActivation(kRelu, G({{-1, 2}, {0, -0.5}})) == G({{0, 2}, {0, 0}}));
  BOOST_TEST(cl::ApplyActivation(kLeaky, G({{-1, 2}, {0, -0.5}})) == G({{-0.25, 2}, {0, -0.125}}));
  BOOST_TEST(cl::ApplyActivation(kNone, G({{-1, 2}})) == G({{-1, 2}}));
}

BOOST_AUTO_TEST_SUITE_END()
