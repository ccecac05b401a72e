// Worksheet and answer key: a lesson as exercises to do by hand
// (worksheet.pdf) and the same pages worked out (answers.pdf). Per variant:
// the settings, the image and the filter given; the output sizes to work out
// first; the maps as empty grids to fill in; and a few questions generated
// from the lesson's numbers (the largest response and why, what the
// activation changes, what the pooling keeps, one position's products). The
// answer key has the same layout with every grid filled and every answer
// written out. Pure: no files, no Cairo; the page gives the figures' width.
#pragma once

#include <string>
#include <vector>

#include "document/document.h"
#include "document/page_geometry.h"
#include "site/built_lesson.h"
#include "site/paper_figures.h"

namespace cl {

// A question about one variant and its answer, both plain text.
struct Exercise {
  std::string question;
  std::string answer;
};

// The questions of one variant, in order, from its numbers: about the whole
// maps, or about `part` of them (site/paper_figures.h).
std::vector<Exercise> VariantQuestions(const BuiltVariant& bv);
std::vector<Exercise> VariantQuestions(const BuiltVariant& bv, const WorkedPart& part);

// The worksheet (answers == false) or its answer key (answers == true).
doc::Document WorksheetDocument(const BuiltLesson& built, const doc::PageGeometry& page, bool answers);

}  // namespace cl
