// LessonReader: a parsed lesson document -> Lesson, checking every key of
// the format (docs/lesson-format.md) and reporting each problem through a
// NodeReader. The top level and variants live in lesson_reader.cc, the
// page's sections and beats in sections_reader.cc.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "lesson/lesson_settings.h"
#include "model/model.h"
#include "lesson/node_reader.h"
#include "lesson/yaml_tree.h"

namespace cl {

// The lesson `root` describes; `path` is the lesson file as given (its stem
// is the default id). Returns nullopt when anything was reported as an error.
std::optional<Lesson> ReadLesson(NodeReader& reader, const YamlNode& root, const std::string& path,
                                 const ImageContext& context);

// `sections:` — prose and generated sections in page order.
std::optional<std::vector<Section>> ReadSections(NodeReader& reader, const YamlNode& value);

// `beats:` — {per, max}.
std::optional<BeatsSpec> ReadBeats(NodeReader& reader, const YamlNode& value);

// True when `id` matches ^[a-z0-9][a-z0-9-]{0,63}$.
bool IsValidLessonId(std::string_view id);

}  // namespace cl
