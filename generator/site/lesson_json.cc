#include "site/lesson_json.h"

#include "site/figure_files.h"
#include "site/json_writer.h"
#include "site/output_paths.h"
#include "site/slide_deck.h"
#include "site/results_json.h"
#include "site/write_failure.h"

namespace cl {
namespace {

nlohmann::ordered_json PathOrNull(bool wanted, std::string_view path) {
  return wanted ? nlohmann::ordered_json(std::string(path)) : nlohmann::ordered_json(nullptr);
}

}  // namespace

nlohmann::ordered_json LessonJson(const BuiltLesson& built, const RenderOptions& options) {
  nlohmann::ordered_json out = ResultsHeaderJson(*built.lesson);
  for (const BuiltVariant& v : built.variants) {
    nlohmann::ordered_json variant = VariantJson(*v.variant, v.result);
    variant["slug"] = v.slug;
    nlohmann::ordered_json beats = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < v.story.beats.size(); ++i) {
      const Beat& b = v.story.beats[i];
      nlohmann::ordered_json beat = {{"stage", StageName(b.stage)},
                                     {"caption", b.caption},
                       {"svg", PathOrNull(options.Wants("svg"), v.frame_svg[i])},
                       {"png", PathOrNull(options.Wants("png"), v.frame_png[i])},
                       {"tall_svg", PathOrNull(options.Wants("svg") && !v.frame_svg_tall.empty(),
                                               v.frame_svg_tall.empty() ? "" : v.frame_svg_tall[i])},
                                     {"tall_png", PathOrNull(options.Wants("png") && !v.frame_png_tall.empty(),
                                                             v.frame_png_tall.empty() ? "" : v.frame_png_tall[i])}};
      // The list shape: which filter's map (0-based) the beat's frame shows in front.
      if (HasFilterList(*v.variant)) beat["map"] = b.map;
      beats.push_back(std::move(beat));
    }
    variant["beats"] = std::move(beats);
    variant["animation"] = {{"gif", PathOrNull(options.Wants("gif"), v.animation_gif)},
                            {"svg", PathOrNull(options.Wants("anim-svg"), v.animation_svg)}};
    out["variants"].push_back(std::move(variant));
  }
  out["layout"] = FrameLayoutName(built.layout);
  out["page"] = PathOrNull(options.Wants("html"), kPagePath);
  out["handout"] = PathOrNull(options.Wants("pdf"), kHandoutPath);
  out["worksheet"] = PathOrNull(options.Wants("pdf"), kWorksheetPath);
  out["answers"] = PathOrNull(options.Wants("pdf"), kAnswersPath);
  out["slides"] = PathOrNull(options.Wants("slides"), kSlidesPath);
  out["figures"] = PathOrNull(WantsPdfFrames(*built.lesson, options), kFiguresTexPath);
  return out;
}

bool WriteLessonJson(const BuiltLesson& built, const RenderOptions& options, FileSink& sink,
                     std::vector<Diagnostic>* diagnostics) {
  if (!options.Wants("json")) return true;
  std::string error;
  // Written as it is made: the tree holds the maps by reference.
  const nlohmann::ordered_json json = LessonJson(built, options);
  const FileFiller fill = [&json](const PieceWriter& write, std::string*) {
    return WriteJsonTo(json, 2, write) && write("\n");
  };
  if (sink.PutFrom(kLessonJsonPath, fill, &error)) return true;
  return ReportWriteFailure(diagnostics, built.lesson->path, "cannot write lesson.json: " + error);
}

}  // namespace cl
