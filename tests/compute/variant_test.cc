// ComputeVariant as a whole: the stages chained, `none` settings, and -0.
#include <boost/test/unit_test.hpp>

#include <cmath>

#include "compute/compute.h"
#include "test_support.h"

using cl::Grid;
using cl::test::G;

BOOST_AUTO_TEST_SUITE(Variant)

BOOST_AUTO_TEST_CASE(PoolNoneAndActivationNone) {
  cl::Variant v = cl::test::DefaultVerticalEdge();
  v.activation.type = cl::ActivationType::None;
  v.pool.enabled = false;
  cl::VariantResult r = cl::ComputeVariant(v);
  BOOST_TEST(r.activated() == r.conv());
  BOOST_TEST(!r.pooled().has_value());
}

BOOST_AUTO_TEST_CASE(AvgPoolAfterLeakyRelu) {
  cl::Variant v = cl::test::DefaultVerticalEdge();
  v.activation = {cl::ActivationType::LeakyRelu, 0.5};
  v.pool.type = cl::PoolType::Avg;
  cl::VariantResult r = cl::ComputeVariant(v);
  BOOST_TEST(r.activated() == G({{-9, -9, 18, 18}, {-13.5, -13.5, 27, 27}, {-13.5, -13.5, 27, 27}, {-9, -9, 18, 18}}));
  BOOST_REQUIRE(r.pooled().has_value());
  BOOST_TEST(*r.pooled() == G({{-11.25, 22.5}, {-11.25, 22.5}}));
}

BOOST_AUTO_TEST_CASE(NoNegativeZeroAnywhere) {
  // -1 * 0 and -0 pixels are -0 in IEEE arithmetic; none may reach a caption.
  cl::Variant v = cl::test::MakeVariant("zeros", G({{-0.0, 0}, {0, -0.0}}), "negative", G({{-1}}));
  v.activation.type = cl::ActivationType::None;
  v.pool = {.enabled = true, .type = cl::PoolType::Max, .size_h = 1, .size_w = 1, .stride_h = 1, .stride_w = 1,
            .remainder = cl::Remainder::Drop};
  cl::VariantResult r = cl::ComputeVariant(v);
  BOOST_REQUIRE(r.pooled().has_value());
  for (const Grid* g : {&r.conv(), &r.activated(), &*r.pooled()})
    for (double x : g->values) BOOST_TEST(!std::signbit(x));
  cl::ConvTrace t = cl::TraceConvCell(v, 0, 0);
  BOOST_TEST(!std::signbit(t.inputs[0]));
  BOOST_TEST(!std::signbit(t.products[0]));
  BOOST_TEST(!std::signbit(t.sum));
  v.pool.type = cl::PoolType::Avg;
  r = cl::ComputeVariant(v);
  for (double x : r.pooled()->values) BOOST_TEST(!std::signbit(x));
}

BOOST_AUTO_TEST_SUITE_END()
