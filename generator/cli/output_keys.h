// Output keys: for each kind of a lesson's outputs (svg, png, gif, anim-svg,
// pdf, html, json), a hash of exactly what its files are made from, so an
// incremental build rewrites only the kinds whose inputs changed and keeps
// the others' files as they are. What each kind reads:
//   - every kind: the generator, the frames' layout and scale, the course's
//     language, and the lesson's computation: everything the loader decided
//     (image grids, filters, settings, beats, variants) except its prose;
//   - anim-svg also the title (its <title>);
//   - pdf, slides, pdf-frames, html and json also the prose (title, summary,
//     handout, sections); pdf the paper and --handout; the PDFs (pdf, slides,
//     pdf-frames) SOURCE_DATE_EPOCH and the course file; html the templates
//     and the course file; html and json which kinds the folder holds (what
//     they link);
//   - embed (embed.html) what html reads, and --base-url;
//   - nothing but the course index and course.pdf reads the `order` key.
// The course's own keys (build_plan.h CourseIndexKey, CoursePdfKey) take each
// lesson's index key, and course.pdf's each lesson's pdf key.
#pragma once

#include <map>
#include <set>
#include <string>

#include "cli/build_settings.h"
#include "model/model.h"

namespace cl {

// Hash of the lesson's computation: the loaded lesson without its prose and
// without its file's name.
std::string LessonComputationHash(const Lesson& lesson);

// Hash of its prose: title, summary, handout and sections, in full.
std::string LessonProseHash(const Lesson& lesson);

// The key of every kind in kOutputKinds for `lesson` built with `settings`,
// into a folder holding `present` kinds (empty: all).
std::map<std::string, std::string> LessonOutputKeys(const Lesson& lesson, const BuildSettings& settings,
                                                    const std::set<std::string>& present);

// What the course index reads of the lesson: its computation (labels, beats,
// thumbnail), title, summary, order and file name. (course.pdf reads this and
// the lesson's pdf key.)
std::string LessonIndexKey(const Lesson& lesson);

}  // namespace cl
