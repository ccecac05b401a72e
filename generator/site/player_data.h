// Player data: what templates/player.js needs to step through a lesson's
// beats, as the JSON text of a <script type="application/json"> block in the
// page (a page opened from file:// may not fetch files, so the data travels
// inside it). The text is safe inside <script>: '<', '>' and '&' are written
// as \u escapes, so no caption can close the element.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "site/built_lesson.h"
#include "site/lesson_outputs.h"

namespace cl {

// {"variants": [{"label", "width", "height", "beats": [{"stage", "step",
// "title", "caption", "alt", "src", "tall_src", "svg", "png"}]}]}, one entry per
// variant in lesson order; "src" is the frame the page shows (PageFrame), "svg"
// and "png" the beat's files for the player's download links, "" when not written.
// Every written path starts with `prefix` (the embed's base URL; "" on the page).
std::string PlayerJson(const BuiltLesson& built, const RenderOptions& options, const std::string& prefix = "");

// Any JSON as the text of a <script type="application/json"> block: compact,
// '<', '>' and '&' escaped, invalid UTF-8 replaced rather than thrown on.
std::string ScriptJson(const nlohmann::ordered_json& json);

}  // namespace cl
