// `convlesson compute LESSON [--json] [--variant LABEL]`: loads one lesson,
// computes it and prints the numbers, as the contract's JSON object or as a
// terminal walkthrough.
#include <cstdio>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "cli/commands.h"
#include "cli/compute_text.h"
#include "compute/compute.h"
#include "lesson/loader.h"
#include "site/results_text.h"

namespace cl {
namespace {

void PrintDiagnostics(const LoadResult& loaded) {
  for (const Diagnostic& d : loaded.diagnostics) std::fputs(FormatDiagnostic(d, loaded.source).c_str(), stderr);
}

// The variants to print: all of them, or the one named by --variant.
// Returns false (after printing the known labels) when no label matches.
bool SelectVariants(const Lesson& lesson, const ComputeOptions& options, std::vector<const Variant*>* selected) {
  for (const Variant& v : lesson.variants)
    if (!options.variant || v.label == *options.variant) selected->push_back(&v);
  if (!selected->empty()) return true;
  std::string labels;
  for (const Variant& v : lesson.variants) labels += "\n  " + v.label;
  std::fprintf(stderr, "convlesson compute: error: %s has no variant labelled '%s'; its variants are:%s\n",
               options.lesson.c_str(), options.variant->c_str(), labels.c_str());
  return false;
}

}  // namespace

int RunCompute(const ComputeOptions& options) {
  const LoadResult loaded = LoadLessonFile(options.lesson);
  PrintDiagnostics(loaded);  // warnings too, on stderr, so --json output stays clean
  if (!loaded.lesson || HasErrors(loaded.diagnostics)) return 1;
  const Lesson& lesson = *loaded.lesson;

  std::vector<const Variant*> selected;
  if (!SelectVariants(lesson, options, &selected)) return 2;

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
