// Grid text: a Grid as aligned rows of numbers for a terminal, shared by
// `convlesson compute` and every stage's text dump. Every cell is
// right-aligned to the widest number of its grid, so columns (and the minus
// signs of equally long numbers) line up. ASCII only: '-' for minus, as the
// terminal and logs may not render U+2212.
#pragma once

#include <string>

#include "base/grid.h"

namespace cl {

// One line per row, each starting with `indent` spaces, cells separated by
// one space, numbers as FormatNumber writes them. Ends with a newline unless
// the grid is empty (then "").
std::string GridText(const Grid& grid, int indent = 2);

// "6x6": rows x columns.
std::string GridSizeText(const Grid& grid);

}  // namespace cl
