// Variant selection: the `--variant LABEL` option of the commands that print
// a lesson's numbers (compute, dump), in one place so they refuse an unknown
// label the same way.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/model.h"

namespace cl {

// Every variant of `lesson` when `label` is unset, else the one labelled
// `label`. When none matches, prints "convlesson <command>: error: ..." with
// the known labels to stderr and returns an empty list (a usage error).
std::vector<const Variant*> SelectVariants(const Lesson& lesson, const std::optional<std::string>& label,
                                           const std::string& command);

}  // namespace cl
