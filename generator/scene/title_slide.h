// Title slide: the first slide of a lesson's deck (slides.pdf), 1920x1080
// units like the slides layout's frames. The words come from the caller
// (site/slide_deck); this only places them, wrapped to the slide.
#pragma once

#include <string>
#include <vector>

#include "scene/scene.h"

namespace cl {

struct TitleSlideText {
  std::string title;               // the lesson's title
  std::string summary;             // may be empty
  std::vector<std::string> facts;  // one line each, e.g. a variant and its settings
  std::string footer;              // e.g. course and author; may be empty
};

inline constexpr double kTitleSlideWidth = 1920, kTitleSlideHeight = 1080;

// Title 72 units bold (3 lines at most), summary 40 (4 lines), each fact 30
// (2 lines), footer 26 at the foot; facts that no longer fit the slide are
// left out and the last shown ends in "…".
Scene LayoutTitleSlide(const TitleSlideText& text);

}  // namespace cl
