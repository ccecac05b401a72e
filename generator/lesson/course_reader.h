// CourseReader: a parsed course file -> Course, every key checked
// (docs/course-file.md), problems reported through a NodeReader.
#pragma once

#include <optional>
#include <string>

#include "lesson/course.h"
#include "lesson/node_reader.h"
#include "lesson/yaml_tree.h"

namespace cl {

// The course `root` describes; nullopt when anything was reported as an error.
std::optional<Course> ReadCourse(NodeReader& reader, const YamlNode& root, const std::string& path);

}  // namespace cl
