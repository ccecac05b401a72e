// Handout document: what a lesson's printed handout says, composed from the
// built lesson. In the page's order: the title and summary, then each section
// — the author's prose, the generated step by step (per variant: the key
// beats as figures drawn for paper with their captions, every step's caption, and the
// grids as tables) and the generated complexity table (the same rows as the
// page). A lesson without a step-by-step section still gets its key figures,
// in a "Key steps" section at the end. Pure: no files, no Cairo.
#pragma once

#include <vector>

#include "document/document.h"
#include "document/page_geometry.h"
#include "site/built_lesson.h"

namespace cl {

// The beats a handout draws for one variant, as indices into its story:
// the intro, the first, second and last conv beats, the activation, the
// first pool beat and the summary (each once, in order, when present).
std::vector<int> KeyBeats(const Storyboard& story);

// `page`: the paper the key beats' figures are drawn for (its text width).
doc::Document HandoutDocument(const BuiltLesson& built, const doc::PageGeometry& page = doc::Paper("a4"));

}  // namespace cl
