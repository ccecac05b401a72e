// Variant building: a variant's own settings laid over the base's, key by
// key, then the checks that need the whole picture: `same` padding resolved
// from the image and filter, a conv output of at least 1x1, and a pool
// window no larger than the map it pools. Errors point at the setting that
// made the sizes fail, preferring what the variant itself wrote.
#pragma once

#include <optional>
#include <string>

#include "lesson/lesson_settings.h"
#include "model/model.h"
#include "lesson/node_reader.h"

namespace cl {

// The variant labelled `label` whose entry is `where`; `own` is null for the
// base itself. Returns nullopt when a setting it uses is missing or invalid
// (already reported) or when the sizes do not work out (reported here).
std::optional<Variant> BuildVariant(NodeReader& reader, const LessonSettings& base, const LessonSettings* own,
                                    std::string label, const YamlNode& where);

}  // namespace cl
