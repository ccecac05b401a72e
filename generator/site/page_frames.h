// Page frames: which file of a beat a page shows. The SVG when the build
// writes SVGs (crisp at any zoom, small), else the PNG, else none (a build
// with `--only html` gets pages of captions that never point at missing files).
#pragma once

#include <cstddef>
#include <string>

#include "site/built_lesson.h"
#include "site/lesson_outputs.h"

namespace cl {

// The path of beat `i`'s frame relative to out/<id>/, or "" when no frame
// image is written.
inline std::string PageFrame(const BuiltVariant& bv, std::size_t i, const RenderOptions& options) {
  const std::vector<std::string>* files = options.Wants("svg")   ? &bv.frame_svg
                                          : options.Wants("png") ? &bv.frame_png
                                                                 : nullptr;
  return files != nullptr && i < files->size() ? (*files)[i] : std::string();
}

// The same for the tall frame pages serve to narrow screens; "" when the
// lesson's frames are tall already (or no frame image is written).
inline std::string PageTallFrame(const BuiltVariant& bv, std::size_t i, const RenderOptions& options) {
  const std::vector<std::string>* files = options.Wants("svg")   ? &bv.frame_svg_tall
                                          : options.Wants("png") ? &bv.frame_png_tall
                                                                 : nullptr;
  return files != nullptr && i < files->size() ? (*files)[i] : std::string();
}

// Narrow screens, where pages show the tall frames: a phone held upright.
inline constexpr const char* kTallFrameMedia = "(max-width: 40rem)";

}  // namespace cl
