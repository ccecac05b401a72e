// Brief handout: a lesson on one or two sheets, the default handout.pdf. The
// title and summary, the author's prose (the page's generated step by step and
// complexity sections are left to the page and the full handout), then a
// worked example drawn for paper (site/paper_figures.h): per variant the image
// and filter, one convolution position with every product, the maps after
// convolution, activation and pooling, and the output sizes with the lesson's
// numbers. Two variants whose figures fit half the text width stand side by
// side. Pure: no files, no Cairo; the page geometry only gives the width.
#pragma once

#include "document/document.h"
#include "document/page_geometry.h"
#include "site/built_lesson.h"

namespace cl {

doc::Document BriefHandoutDocument(const BuiltLesson& built, const doc::PageGeometry& page);

}  // namespace cl
