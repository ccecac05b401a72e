// Result dump: one computed variant as stable, line-oriented text, the form
// `convlesson dump --stage compute` prints. It shows the sizes and padding
// the computation used, every map as an aligned grid, and the traces of the
// first and last cell of the feature map and of the pooled map (top-left and
// bottom-right, which between them reach every padded edge), so a test can
// pin the arithmetic without drawing anything. Numbers through
// base/number_format.h (ASCII minus); two spaces indent each level.
#pragma once

#include <string>

#include "compute/compute.h"
#include "model/model.h"

namespace cl {

// Precondition: `result` is ComputeVariant(variant) for a valid variant.
std::string DumpVariantResult(const Variant& variant, const VariantResult& result);

}  // namespace cl
