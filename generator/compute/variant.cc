// A variant's whole computation: convolve, activate, pool.
#include "compute/compute.h"

namespace cl {

Grid ApplyActivation(const ActivationSpec& a, const Grid& map) {
  Grid out = map;
  for (double& value : out.values) value = Activate(a, value);
  return out;
}

VariantResult ComputeVariant(const Variant& v) {
  VariantResult result;
  result.conv = Conv2D(v.image, v.filter.weights, v.conv);
  result.activated = ApplyActivation(v.activation, result.conv);
  if (v.pool.enabled) result.pooled = Pool2D(result.activated, v.pool);
  return result;
}

}  // namespace cl
