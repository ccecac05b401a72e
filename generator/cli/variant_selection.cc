#include "cli/variant_selection.h"

#include <cstdio>

namespace cl {

std::vector<const Variant*> SelectVariants(const Lesson& lesson, const std::optional<std::string>& label,
                                           const std::string& command) {
  std::vector<const Variant*> selected;
  for (const Variant& v : lesson.variants)
    if (!label || v.label == *label) selected.push_back(&v);
  if (!selected.empty()) return selected;
  std::string labels;
  for (const Variant& v : lesson.variants) labels += "\n  " + v.label;
  std::fprintf(stderr, "convlesson %s: error: %s has no variant labelled '%s'; its variants are:%s\n",
               command.c_str(), lesson.path.c_str(), label->c_str(), labels.c_str());
  return selected;
}

}  // namespace cl
