#include "cli/lesson_scaffold.h"

#include <fmt/format.h>

#include "base/ascii.h"

namespace cl {

std::string LessonScaffold(std::string_view id) {
  return fmt::format(R"(# A convlesson lesson: one image and one filter, walked through convolution,
# activation and pooling beat by beat. `convlesson check` validates this file,
# `convlesson build` renders it into out/{id}/, and `convlesson watch` rebuilds
# it each time you save. Every key is described in docs/lesson-format.md.

id: {id}                   # the output folder out/{id}/ (a-z, 0-9 and '-')
title: {title}             # plain text, at most 200 characters
summary: One filter, three operations.   # one line for the course index
order: 1                   # position in the course index (optional)

# The input image: exactly one of
#   pixels: [[0, 0, 9], [0, 9, 0]]   rows of numbers, 1 to 512 per side
#   pattern: {{kind: ..., size: 6}}    vertical-bar, horizontal-bar, checkerboard, diagonal
#   file: picture.png                 a PNG beside this file, read as grey levels
image:
  pattern: {{kind: vertical-bar, size: 6, band: [2, 3], span: [1, 4], value: 9}}

# A preset (vertical-edge, horizontal-edge, sobel-x, sobel-y, laplacian,
# sharpen, box-blur, identity), a weights matrix such as [[1, 0, -1]], or
# {{name: My filter, weights: [[...]]}}.
filter: vertical-edge

conv: {{padding: valid, stride: 1, dilation: 1}}   # padding: valid, same, p or [ph, pw]
activation: relu                                 # relu, none or {{type: leaky-relu, slope: 0.1}}
pool: {{type: max, size: 2, stride: 2, remainder: drop}}   # max or avg; none for no pooling

# More entries for the page's filter panel; each names only what differs.
variants:
  - label: Horizontal edge
    filter: horizontal-edge
    image: {{pattern: {{kind: horizontal-bar, size: 6, band: [2, 3], span: [1, 4]}}}}

# One beat (frame) per output cell; rows instead when a variant would exceed max.
beats: {{per: auto, max: 400}}

# The page's text in order: your prose (CommonMark) and generated sections.
sections:
  - title: What to look for
    body: |
      The filter answers one question at every position: is it brighter on the
      left than on the right? Watch the sign of each sum as the window moves.
  - {{generate: step-by-step}}
  - {{generate: complexity}}
)",
                     fmt::arg("id", id), fmt::arg("title", DashedNameAsWords(id)));
}

}  // namespace cl
