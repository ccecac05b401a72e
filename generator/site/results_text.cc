#include "site/results_text.h"

#include "compute/compute.h"
#include "site/json_writer.h"
#include "site/results_json.h"

namespace cl {

std::string ResultsJsonText(const Lesson& lesson, const std::vector<const Variant*>& variants) {
  nlohmann::ordered_json results = ResultsHeaderJson(lesson);
  for (const Variant* v : variants) results["variants"].push_back(VariantJson(*v, ComputeVariant(*v)));
  return WriteJson(results) + "\n";
}

}  // namespace cl
