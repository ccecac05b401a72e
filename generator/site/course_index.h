// Course index: out/index.html, the page that lists every lesson of a course
// with a thumbnail of its summary frame, its title and summary line, in a
// stable order, and links the course handout (out/course.pdf) when the build
// writes it; plus the assets every page shares (out/assets/player.js and
// style.css, copied from the templates folder). RenderCourseOutputs
// (lesson_outputs.h) writes both, then the course handout.
#pragma once

#include <string>
#include <vector>

#include "model/model.h"
#include "site/built_lesson.h"
#include "site/lesson_outputs.h"
#include "site/templates.h"

namespace cl {

// Lessons in index order: first those the course file's `order` lists, in
// its order; then the rest by their `order` key (lessons without one after
// those with one), then by file name, then by id, so the order never depends
// on how the build found the files. Ids in `course_order` that no lesson has
// are skipped.
std::vector<const Lesson*> OrderLessonsForIndex(const std::vector<Lesson>& lessons,
                                                const std::vector<CourseOrderEntry>& course_order = {});
std::vector<const Lesson*> OrderLessonsForIndex(std::vector<const Lesson*> ordered,
                                                const std::vector<CourseOrderEntry>& course_order);

// One lesson as the index lists it. Paths are relative to out/.
struct IndexEntry {
  const Lesson* lesson = nullptr;
  std::string page;       // "<id>/index.html"
  std::string thumbnail;  // the summary frame of the first variant; empty when none is written
  long width = 0, height = 0;  // the thumbnail's intrinsic size in CSS px
  std::vector<std::string> labels;  // the variants' labels
  // What the variants differ in, as the page's switch names it ("Dilation");
  // empty: the filter, or one variant.
  std::string switch_label{};
  std::vector<std::size_t> beats;   // per variant
};

// Computes the entries of `lessons` in index order (builds each lesson's
// storyboard to name its summary frame).
std::vector<IndexEntry> IndexEntries(const std::vector<Lesson>& lessons, const RenderOptions& options);
// The same from lessons already built, in index order.
std::vector<IndexEntry> IndexEntries(const std::vector<const BuiltLesson*>& lessons, const RenderOptions& options);

// The index template's data. `course_pdf_href` is the course handout's path
// relative to out/ ("course.pdf"), or "" when the build does not write it.
// `course` gives the site name, the page title (only with a course file:
// "Lessons" without), the intro, the language and the footer's credits.
TemplateData CourseIndexData(const std::vector<IndexEntry>& entries, const std::string& course_pdf_href = "",
                             const Course& course = Course{});

// The files of assets/ every page links to, as {name in the templates folder}.
inline constexpr const char* kSharedAssets[] = {"player.js", "explore.js", "copy.js", "style.css", "embed.css"};

}  // namespace cl
