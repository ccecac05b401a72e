// Lesson scaffold: the commented starting lesson `convlesson new NAME` writes.
// It is the shipped default lesson's numbers with every key shown once and a
// comment on what it may be, so an author edits rather than looks things up.
#pragma once

#include <string>
#include <string_view>

namespace cl {

// The YAML text of a new lesson with id `id` (already a valid lesson id),
// titled with the id as words (DashedNameAsWords: "My first lesson").
std::string LessonScaffold(std::string_view id);

}  // namespace cl
