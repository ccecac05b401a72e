// `convlesson new NAME`: writes the commented scaffold to lessons/NAME.yaml,
// never over an existing file.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fmt/format.h>

#include "base/file_system.h"
#include "cli/build_paths.h"
#include "cli/commands.h"
#include "cli/lesson_scaffold.h"
#include "lesson/loader.h"

namespace cl {

int RunNew(const NewOptions& options) {
  if (!IsLessonId(options.name)) {
    std::fputs(fmt::format("convlesson new: error: '{}' is not a lesson id: use 1 to 64 of a-z, 0-9 and '-', "
                           "starting with a letter or digit\n",
                           options.name).c_str(),
               stderr);
    return 2;
  }
  if (IsReservedLessonId(options.name)) {
    // Its lesson would fail to build ("index", "assets"), or be read as the
    // course file (lessons/course.yaml) and fail every build of the folder.
    std::fputs(fmt::format("convlesson new: error: '{}' names {}: choose another id\n", options.name,
                           options.name == "course" ? "the course file, lessons/course.yaml"
                                                    : "a course output in out/")
                   .c_str(),
               stderr);
    return 2;
  }
  std::string error;
  if (!MakeDirectories(options.dir, &error)) {
    std::fputs(fmt::format("convlesson new: error: {}\n", error).c_str(), stderr);
    return 1;
  }
  std::string path = options.dir + "/" + options.name + ".yaml";
  // Write the whole text under a temporary name, then link it in: link() never
  // replaces an existing file, and nobody sees a half-written lesson.
  std::string temp = fmt::format("{}/.{}.yaml.new{}", options.dir, options.name, static_cast<long>(::getpid()));
  if (!WriteFileAtomic(temp, LessonScaffold(options.name), &error)) {
    std::fputs(fmt::format("convlesson new: error: {}\n", error).c_str(), stderr);
    return 1;
  }
  int rc = ::link(temp.c_str(), path.c_str());
  int err = errno;
  ::unlink(temp.c_str());
  if (rc != 0) {
    std::string why = err == EEXIST ? "it already exists" : std::strerror(err);
    std::fputs(fmt::format("convlesson new: error: not writing '{}': {}\n", path, why).c_str(), stderr);
    return 1;
  }
  std::fputs(fmt::format("wrote {}\nnext: edit it, then run `convlesson build` (or `convlesson watch`)\n", path).c_str(),
             stdout);
  return 0;
}

}  // namespace cl
