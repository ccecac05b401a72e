// The shipped default lesson (lessons/conv-relu-pool.yaml) built as plain
// structs, so stage tests do not depend on the loader: a 6x6 image with a bar
// of 9s in columns 2-3 over rows 1-4, the vertical-edge filter, valid conv,
// ReLU, 2x2/2 max pool; and its Horizontal edge variant (the transpose).
#pragma once

#include "model/model.h"

namespace cl::testing {

inline Grid VerticalBarImage() {
  Grid g(6, 6);
  for (int r = 1; r <= 4; ++r)
    for (int c = 2; c <= 3; ++c) g.at(r, c) = 9;
  return g;
}

inline Variant VerticalEdgeVariant() {
  Variant v;
  v.label = "Vertical edge";
  v.image = VerticalBarImage();
  v.filter = {"Vertical edge", Grid::FromRows({{1, 0, -1}, {1, 0, -1}, {1, 0, -1}})};
  return v;
}

inline Variant HorizontalEdgeVariant() {
  Variant v;
  v.label = "Horizontal edge";
  v.image = VerticalBarImage().Transposed();
  v.filter = {"Horizontal edge", Grid::FromRows({{1, 1, 1}, {0, 0, 0}, {-1, -1, -1}})};
  return v;
}

inline Lesson DefaultLesson() {
  Lesson l;
  l.path = "lessons/conv-relu-pool.yaml";
  l.id = "conv-relu-pool";
  l.title = "Convolve, ReLU, pool";
  l.summary = "One filter, three operations.";
  l.variants = {VerticalEdgeVariant(), HorizontalEdgeVariant()};
  l.sections = {{SectionKind::StepByStep, "", ""}, {SectionKind::Complexity, "", ""}};
  return l;
}

// A variant with an image of the given size whose values vary (a ramp of
// positive and negative values), a filter of the given size, and otherwise
// the lesson defaults; for sweeps over sizes.
inline Variant SizedVariant(int rows, int cols, int kh, int kw) {
  Variant v;
  v.label = "Sized";
  v.image = Grid(rows, cols);
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) v.image.Edit().at(r, c) = ((r * 7 + c * 3) % 19) - 9;
  v.filter = {"Custom", Grid(kh, kw)};
  for (int i = 0; i < kh; ++i)
    for (int j = 0; j < kw; ++j) v.filter.weights.at(i, j) = ((i + 2 * j) % 5) - 2;
  return v;
}

// A lesson as an author writes one at scale: a side x side image of 0-255
// grey levels (`pixel(row, col)`) under a 5x5 filter of decimals, one
// variant, the default lesson's other settings.
template <typename PixelFn>
Lesson AuthoredLesson(int side, PixelFn pixel) {
  Variant v = SizedVariant(side, side, 5, 5);
  v.label = "Decimals on a 0-255 image";
  for (int r = 0; r < side; ++r)
    for (int c = 0; c < side; ++c) v.image.Edit().at(r, c) = pixel(r, c);
  for (int i = 0; i < 5; ++i)
    for (int j = 0; j < 5; ++j) v.filter.weights.at(i, j) = (i - 2) * 0.125 + (j % 3) * -0.75;
  Lesson l = DefaultLesson();
  l.id = "authored";
  l.variants = {v};
  return l;
}

}  // namespace cl::testing
