// `convlesson compute LESSON [--json] [--variant LABEL]`: loads one lesson,
// computes it and prints the numbers, as the contract's JSON object or as a
// terminal walkthrough.
#include <cstdio>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "cli/commands.h"
#include "cli/compute_text.h"
#include "cli/variant_selection.h"
#include "compute/compute.h"
#include "lesson/loader.h"
#include "site/results_text.h"

namespace cl {
namespace {

void PrintDiagnostics(const LoadResult& loaded) {
  for (const Diagnostic& d : loaded.diagnostics) std::fputs(FormatDiagnostic(d, loaded.source).c_str(), stderr);
}

}  // namespace

int RunCompute(const ComputeOptions& options) {
  const LoadResult loaded = LoadLessonFile(options.lesson);
  PrintDiagnostics(loaded);  // warnings too, on stderr, so --json output stays clean
  if (!loaded.lesson || HasErrors(loaded.diagnostics)) return 1;
  const Lesson& lesson = *loaded.lesson;

  const std::vector<const Variant*> selected = SelectVariants(lesson, options.variant, "compute");
  if (selected.empty()) return 2;

  if (options.json) {
    std::fputs(ResultsJsonText(lesson, selected).c_str(), stdout);
  } else {
    std::string text = LessonHeadingText(lesson);
    for (std::size_t i = 0; i < selected.size(); ++i) {
      if (i > 0) text += "\n";
      text += VariantWalkthroughText(*selected[i], ComputeVariant(*selected[i]));
    }
    std::fputs(text.c_str(), stdout);
  }
  return std::fflush(stdout) == 0 ? 0 : 1;
}

}  // namespace cl
