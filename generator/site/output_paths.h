// Output paths: the names of every file a lesson writes under out/<id>/, in
// one place so that writers, lesson.json and the page agree. All paths are
// relative to the lesson's folder and use '/'.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storyboard/storyboard.h"

namespace cl {

inline constexpr std::string_view kLessonJsonPath = "lesson.json";
inline constexpr std::string_view kPagePath = "index.html";
inline constexpr std::string_view kEmbedPath = "embed.html";  // the embeddable player (site/page.h)
inline constexpr std::string_view kHandoutPath = "handout.pdf";
inline constexpr std::string_view kWorksheetPath = "worksheet.pdf";  // exercises by hand
inline constexpr std::string_view kAnswersPath = "answers.pdf";      // the worksheet worked out

// A label as a file-name slug: ASCII letters and digits lowercased (accented
// Latin-1 letters as their base letter), every other run of characters one
// '-', trimmed, at most 48 characters; "variant" when nothing is left.
// "Vertical edge" -> "vertical-edge", "Détecté" -> "detecte".
std::string SlugFromLabel(std::string_view label);

// Hands out slugs of labels, each unique among those it handed out before and
// the names it was told are taken: a repeat gets "-2", "-3", ... appended.
// For variant slugs and for the ids of a page's sections.
class SlugAllocator {
 public:
  explicit SlugAllocator(std::set<std::string> taken = {}) : taken_(std::move(taken)) {}
  std::string Next(std::string_view label);

 private:
  std::set<std::string> taken_;
};

// Slugs for labels in order, made unique by appending "-2", "-3", ... to
// later duplicates ("Edge", "edge!" -> "edge", "edge-2").
std::vector<std::string> UniqueSlugs(const std::vector<std::string>& labels);

// "frames/<slug>/<NNN>-<stage>.<ext>", NNN the 1-based beat number with at
// least three digits: FramePath("vertical-edge", 3, Stage::Conv, "svg") ==
// "frames/vertical-edge/003-conv.svg".
std::string FramePath(std::string_view slug, int beat_number, Stage stage, std::string_view ext);

// The tall frame pages serve to narrow screens when the lesson's layout is
// not tall: "frames/<slug>/tall/<NNN>-<stage>.<ext>".
std::string TallFramePath(std::string_view slug, int beat_number, Stage stage, std::string_view ext);

// "frames/<slug>/index.html": the page that lists every frame file of a
// variant (written with the lesson page when frames are).
std::string FrameListingPath(std::string_view slug);

// "<slug>.<ext>" (ext "gif" or "svg"), beside the page in the lesson's
// folder. No slug can make it collide with the lesson's other files: a slug
// is [a-z0-9-] only, never empty and never starts with '-', so a variant
// labelled "Index", "Lesson", "Handout" or "Frames" gives index.gif,
// lesson.svg, handout.svg or frames.gif, beside index.html, lesson.json,
// handout.pdf and the frames/ folder.
std::string AnimationPath(std::string_view slug, std::string_view ext);

// The prefix that keeps a frame's SVG ids unique in a page: "<slug>-<NNN>-".
std::string FrameIdPrefix(std::string_view slug, int beat_number);

}  // namespace cl
