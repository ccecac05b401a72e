// Number table: a grid of values (an image, a filter, a computed map) as the
// data of an HTML <table> with a caption and numbered rows and columns, for
// the page's "Step by step" section. Values are formatted by base/ like every
// other number the tool writes; grids too large to read as a table are not
// listed (lesson.json has every value).
#pragma once

#include <string>
#include <vector>

#include "base/grid.h"
#include "site/templates.h"

namespace cl {

// Tables wider or taller than this are summarised instead of listed: a
// 32x32 table is already a long scroll on a phone.
inline constexpr int kMaxTableSide = 32;

// The widest cell text before a value is rounded to fit (e.g. 0.1111111111111111 -> 0.1111).
inline constexpr int kMaxCellChars = 6;

struct NumberTable {
  std::string caption;  // e.g. "Feature map (4×4)"
  int rows = 0, cols = 0;
  bool listed = false;   // false: too large, only the caption and a note
  bool rounded = false;  // some value was shortened to fit a cell
  std::vector<std::string> texts;  // row-major, U+2212 minus
  std::vector<std::string> tones;  // row-major: "neg", "zero" or "pos"; "picture" for an image
};

// What a table's cells are tinted by: the sign of a filter's or map's values
// (the frames' diverging scale), or nothing for an image, which the frames
// draw in grey (a picture's 0-255 pixels would all be tinted positive).
enum class TableTones { Signs, Picture };

NumberTable MakeNumberTable(std::string caption, const Grid& grid, int max_side = kMaxTableSide,
                            TableTones tones = TableTones::Signs);

// The data that templates/_table.mustache renders.
TemplateData NumberTableData(const NumberTable& table, const Messages& m = EnglishMessages());

}  // namespace cl
