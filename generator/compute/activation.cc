// Activation functions, applied cell by cell to the feature map.
#include "compute/compute.h"
#include "compute/decimal_clean.h"
#include "compute/zero.h"

namespace cl {

double Activate(const ActivationSpec& a, double x) {
  switch (a.type) {
    case ActivationType::Relu:
      return x > 0.0 ? x : 0.0;
    case ActivationType::None:
      return NormalizeZero(x);
    case ActivationType::LeakyRelu:
      // slope * (-0) or a tiny underflowing product would otherwise give -0;
      // 0.1 * -6 gives -0.6000000000000001, cleaned to -0.6.
      return x > 0.0 ? x : CleanProduct(a.slope * x);
  }
  return NormalizeZero(x);
}

}  // namespace cl
