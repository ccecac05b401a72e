// Results text: the results JSON object as the text `convlesson compute --json`
// prints, for callers outside site/ (which must not include nlohmann).
#pragma once

#include <string>
#include <vector>

#include "model/model.h"

namespace cl {

// Computes `variants` (pointers into `lesson`, in the order to list them) and
// returns {"id", "title", "variants": [...]} with 2-space indent and a
// trailing newline.
std::string ResultsJsonText(const Lesson& lesson, const std::vector<const Variant*>& variants);

}  // namespace cl
