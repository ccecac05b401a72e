// Scene PDFs: scenes as vector PDF pages through the one Cairo painter. A
// figure is one page cropped to its scene (for LaTeX's \includegraphics); a
// slide deck is 16:9 pages, each scene fitted and centred on its page. Text
// stays text with its fonts embedded (subsets), figures stay vectors, and the
// bytes depend only on the scenes and the options, never the clock.
#pragma once

#include <functional>
#include <string>

#include "base/file_system.h"

#include "scene/scene.h"

namespace cl {

// Points per scene unit on a figure page: a unit is a CSS pixel, 0.75 pt,
// so a 1280-unit frame is a 960-pt (33.9 cm) page LaTeX scales to its column.
inline constexpr double kFigurePointsPerUnit = 0.75;

// A slide is 960x540 pt (13.33x7.5 in, presentation software's 16:9 size),
// which shows a 1920x1080-unit slides frame at 0.5 pt per unit.
inline constexpr double kSlideWidthPt = 960, kSlideHeightPt = 540;

struct ScenePdfOptions {
  std::string title;                // PDF metadata
  std::string author;               // PDF metadata; empty: none written
  long long source_date_epoch = 0;  // creation and modification date (PdfDate)
};

// One page exactly the size of `scene` (kFigurePointsPerUnit). Returns false
// with *error when Cairo fails.
bool WriteSceneFigurePdf(const Scene& scene, const ScenePdfOptions& options, std::string* pdf, std::string* error);

// The scale that fits a `width` x `height` scene on a slide (never above the
// slides layout's 0.5 pt per unit, so 1920x1080 frames fill it exactly).
double SlideScale(double width, double height);

// `count` slides; slide(i) lays out the i-th scene when it is painted, so a
// long deck never holds every scene at once. Each scene is scaled by
// SlideScale and centred on a white page. The bytes go to `write` as they
// are made (or are gathered into *pdf).
bool WriteSlideDeckPdf(int count, const std::function<Scene(int)>& slide, const ScenePdfOptions& options,
                       const PieceWriter& write, std::string* error);
bool WriteSlideDeckPdf(int count, const std::function<Scene(int)>& slide, const ScenePdfOptions& options,
                       std::string* pdf, std::string* error);

}  // namespace cl
