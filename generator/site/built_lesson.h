// Built lesson: everything the output writers of one lesson share, computed
// once and rendered by none of them: per variant its numbers, its beats, its
// frame geometry and the paths of its files. Frames, animations, the page,
// the handout and lesson.json are all written from a BuiltLesson, so they
// cannot disagree about a number, a caption or a path.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "compute/compute.h"
#include "model/model.h"
#include "scene/beat_scene_memo.h"
#include "scene/cell_fills_memo.h"
#include "scene/layout.h"
#include "scene/scene.h"
#include "storyboard/storyboard.h"

namespace cl {

struct BuiltVariant {
  const Variant* variant = nullptr;  // into BuiltLesson::lesson
  std::string slug;                  // unique within the lesson, e.g. "vertical-edge"
  VariantResult result;
  Storyboard story;
  FrameGeometry geometry;            // shared by every beat's scene, in the lesson's layout
  // The tall frames pages serve to narrow screens: tall_geometry is the tall
  // layout's, and frame_svg_tall/frame_png_tall name the extra files
  // ("frames/<slug>/tall/<NNN>-<stage>.svg"); empty when the layout is tall
  // already (its frames serve every screen).
  FrameGeometry tall_geometry;
  std::vector<std::string> frame_svg_tall, frame_png_tall;
  // The colour scales of its frames: its own (maps, weights, image grey
  // range), or the lesson's under `scale: shared`.
  double value_scale = 1.0, weight_scale = 1.0;
  double image_black = 0.0, image_white = 1.0;
  // Per beat (same order as story.beats), relative to out/<id>/:
  // "frames/<slug>/<NNN>-<stage>.svg" and ".png".
  std::vector<std::string> frame_svg, frame_png;
  std::string animation_gif, animation_svg;  // "<slug>.gif" / "<slug>.svg"
};

struct PdfPages;  // render/cairo_pdf_writer.h

// The lesson's handout, laid out and broken into pages on first use, then
// shared by handout.pdf and course.pdf (site/handout_outputs.h): a build lays
// each lesson's handout out once, whichever thread asks first, and lets the
// pages go once both have them. (Not kept for a picture over 256x256
// cells, whose pages are megabytes: see there.)
struct HandoutPagesOnce {
  std::mutex lock;       // held while laying out: no thread pool loop is opened there
  bool laid_out = false;
  int uses = 0;          // asked for so far (two: the lesson's and the course's)
  std::string made_for;  // the paper and handout kind it was laid out for
  std::shared_ptr<const PdfPages> pages;
};

struct BuiltLesson {
  const Lesson* lesson = nullptr;  // must outlive the BuiltLesson
  FrameLayout layout = FrameLayout::Wide;  // of every frame, animation and handout figure
  double value_scale = 1.0;        // the largest |value| of any variant's maps
  double weight_scale = 1.0;       // and |weight| of any variant's filter
  std::vector<BuiltVariant> variants;
  std::vector<Diagnostic> warnings;  // from planning the storyboards
  const Messages* text = &EnglishMessages();  // the language of every generated word (never null)
  std::shared_ptr<HandoutPagesOnce> handout_pages = std::make_shared<HandoutPagesOnce>();
  // The variants' large grids' colours, made once for every layout of
  // their beats. Keyed by the grids' addresses: every grid it colours (the
  // variants' images and maps) lives as long as the lesson, and copies of
  // the lesson share them.
  std::shared_ptr<CellFillsMemo> fills_memo = std::make_shared<CellFillsMemo>();
  // Its beats' wide scenes, laid out once for every output that draws them
  // (LayoutBuiltBeat); keyed by the variants' places, which copies share.
  std::shared_ptr<BeatSceneMemo> scenes = std::make_shared<BeatSceneMemo>();
};

// Computes every variant, plans its storyboard and geometry and names its
// files. Renders nothing. Precondition: `lesson` is valid (from the loader).
// The frames' layout is `build_layout` (the build's --layout) when given,
// else the lesson's `layout`, else wide. Every generated word is in the
// language of `text` (the course's: MessagesFor(course.language)).
BuiltLesson BuildLesson(const Lesson& lesson, std::optional<FrameLayout> build_layout = std::nullopt,
                        const Messages& text = EnglishMessages());

// Every lesson of a course built as BuildLesson does, in order, for the
// course-wide outputs (index, course handout) when given lessons rather than
// built ones. `pointers` point into `lessons`, which never grows after.
struct BuiltCourse {
  std::vector<BuiltLesson> lessons;
  std::vector<const BuiltLesson*> pointers;
};
BuiltCourse BuildCourse(const std::vector<Lesson>& lessons, std::optional<FrameLayout> build_layout,
                        const Messages& text);

// The layout input of one variant of `built` (the tall one with `tall`).
LayoutInput LayoutInputFor(const BuiltLesson& built, const BuiltVariant& variant, bool tall = false);

// The scene of beat `beat_index` (0-based) of `variant`; with `tall`, its
// tall frame (only when variant.frame_svg_tall is not empty). A wide one
// is laid out once and copied from built.scenes after.
Scene LayoutBuiltBeat(const BuiltLesson& built, const BuiltVariant& variant, int beat_index, bool tall = false);

// Where `variant` is in built.variants (built.variants.size() when it is
// not there).
std::size_t VariantPlace(const BuiltLesson& built, const BuiltVariant& variant);

}  // namespace cl
