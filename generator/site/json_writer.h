// JSON writer: serialises an nlohmann::ordered_json tree the way the contract
// wants numbers written. nlohmann's own dump prints integral doubles as "18.0"
// and picks its own decimal form; here every floating-point number goes
// through base/number_format.h's FormatNumber, so lesson.json, the compute
// command, captions and pages show the same digits. Use this, not dump(), for
// every JSON file or stdout the tool produces.
//
// A tree may hold grids by reference (GridRef): a lesson's maps are written
// straight from the computed grids instead of being copied into the tree
// first, and WriteJsonTo hands the text on in pieces, so lesson.json never
// holds more than one piece of its text (a 512x512 photograph under 8 filters
// and 4 variants made a 100 MB file from a 350 MB tree).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/grid.h"

namespace cl {

// A value standing for `grid` written as an array of rows of numbers (each
// as NumberJson, results_json.h, would make it), exactly as a tree of those
// rows would be. The grid must outlive every tree holding the reference.
nlohmann::ordered_json GridRef(const Grid& grid);

// indent >= 0: pretty, nested containers on their own lines, but an array of
// scalars (a grid row, a padding list) stays on one line: "[-18, -18, 18, 18]".
// indent < 0: compact, no whitespace at all. No trailing newline.
// Non-finite numbers are written null (JSON has no infinity); strings that are
// not valid UTF-8 get U+FFFD instead of throwing.
std::string WriteJson(const nlohmann::ordered_json& value, int indent = 2);

// The same text, handed to `put` in pieces of about a megabyte, in order;
// stops and returns false as soon as `put` does.
using JsonPieceFn = std::function<bool(std::string_view)>;
bool WriteJsonTo(const nlohmann::ordered_json& value, int indent, const JsonPieceFn& put);

}  // namespace cl
