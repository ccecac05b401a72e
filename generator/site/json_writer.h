// JSON writer: serialises an nlohmann::ordered_json tree the way the contract
// wants numbers written. nlohmann's own dump prints integral doubles as "18.0"
// and picks its own decimal form; here every floating-point number goes
// through base/number_format.h's FormatNumber, so lesson.json, the compute
// command, captions and pages show the same digits. Use this, not dump(), for
// every JSON file or stdout the tool produces.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace cl {

// indent >= 0: pretty, nested containers on their own lines, but an array of
// scalars (a grid row, a padding list) stays on one line: "[-18, -18, 18, 18]".
// indent < 0: compact, no whitespace at all. No trailing newline.
// Non-finite numbers are written null (JSON has no infinity); strings that are
// not valid UTF-8 get U+FFFD instead of throwing.
std::string WriteJson(const nlohmann::ordered_json& value, int indent = 2);

}  // namespace cl
