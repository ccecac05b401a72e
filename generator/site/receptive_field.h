// Receptive fields: which input cells every cell of a variant's maps depends
// on, through padding, stride, dilation and pooling, read from compute's own
// traces (the cells a conv window reads, the window a pooled cell covers) so
// that the page's "Explore" section highlights exactly what the frames draw.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "site/built_lesson.h"
#include "site/templates.h"

namespace cl {

// Variants whose padded input or maps are larger than this per side are not
// explorable: their data would make the page heavy and the grids a long scroll.
inline constexpr int kMaxExploreSide = 32;

// The dependencies of one cell of the feature map, the activated map or the
// pooled map. `input` holds cells of the padded input (row-major indices into
// the image with its padding ring: (rows + pad_top + pad_bottom) x (cols +
// pad_left + pad_right)), sorted and unique; `map` holds cells of the feature
// map, which are also the activated map's (the activation is cell by cell):
// empty for a feature-map cell, the cell itself for an activated cell, and
// the pooling window for a pooled cell.
struct ReceptiveField {
  std::vector<int> input;
  std::vector<int> map;
};

ReceptiveField ConvCellField(const Variant& v, int out_row, int out_col);
ReceptiveField PoolCellField(const Variant& v, const Grid& activated, int out_row, int out_col);

// The padded input's side lengths.
int PaddedRows(const Variant& v);
int PaddedCols(const Variant& v);

// Whether the Explore section can show this variant (every grid within
// kMaxExploreSide; never a transposed convolution, whose frames show each
// pixel's scaled copy instead).
bool Explorable(const BuiltVariant& bv);

// The data explore.js reads: per variant, each map's size and per cell its
// caption (the arithmetic of its beat) and its receptive field.
nlohmann::ordered_json ExploreJson(const BuiltLesson& built);

// The words explore.js writes (a cell's name, what it reads and feeds), in
// the language of `m`, with their {placeholders} left for the script to fill.
nlohmann::ordered_json ExploreTextJson(const Messages& m);

// The template data of the Explore section's grids (templates/_explore.mustache):
// one entry per variant.
TemplateList ExploreVariantsData(const BuiltLesson& built);

}  // namespace cl
