// Generated sections: the page sections written from the numbers rather than
// by the author, as template data. "Step by step" lists every beat's caption
// grouped by stage, with the grids (image, filter, feature map, activated and
// pooled maps) as tables; "Complexity" gives the cost formulas with this
// lesson's own sizes and their results.
#pragma once

#include <string>
#include <vector>

#include "site/built_lesson.h"
#include "site/complexity.h"
#include "site/templates.h"

namespace cl {

// One line of the complexity table: what is counted, the general formula,
// the formula with this lesson's numbers, and the result.
struct ComplexityRow {
  std::string quantity, formula, numbers, result;
};

// The rows for one variant, in reading order (sizes, weights, costs, pooling,
// the fully connected comparison). All numbers come from ComputeComplexity.
// The complexity section's first paragraph (transposed lessons say how a
// scattered copy shares the weights).
std::string ComplexityIntro(const BuiltLesson& built, const Messages& m);
std::vector<ComplexityRow> ComplexityRows(const Variant& v, const Complexity& k, const Messages& m = EnglishMessages());

// Data for templates/_step_by_step.mustache: `sbs_variants`, each with its
// label and stage groups (beats and tables). Each variant's heading id is
// `id_prefix` + its slug; the page passes a prefix unique to the section.
TemplateData StepByStepData(const BuiltLesson& built, const std::string& id_prefix);

// Data for templates/_complexity.mustache: `cx_groups`, one per set of
// variants whose numbers agree (the default lesson's two filters share one).
TemplateData ComplexityData(const BuiltLesson& built);

}  // namespace cl
