#include "site/results_text.h"

#include "compute/compute.h"
#include "site/json_writer.h"
#include "site/results_json.h"

namespace cl {

std::string ResultsJsonText(const Lesson& lesson, const std::vector<const Variant*>& variants) {
  // Computed first, all of them: the tree refers to their grids.
  std::vector<VariantResult> computed;
  computed.reserve(variants.size());
  for (const Variant* v : variants) computed.push_back(ComputeVariant(*v));
  nlohmann::ordered_json results = ResultsHeaderJson(lesson);
  for (std::size_t i = 0; i < variants.size(); ++i) results["variants"].push_back(VariantJson(*variants[i], computed[i]));
  return WriteJson(results) + "\n";
}

}  // namespace cl
