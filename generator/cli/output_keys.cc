#include "cli/output_keys.h"

#include <filesystem>

#include "base/number_format.h"
#include "base/sha256.h"
#include "lesson/lesson_dump.h"

namespace cl {

std::string LessonComputationHash(const Lesson& lesson) {
  // The dump shows every value the loader decided (image files as their
  // grids); with the prose and the file name blanked, what remains is what
  // frames and animations are drawn from.
  Lesson computation = lesson;
  computation.path.clear();
  computation.title.clear();
  computation.summary.clear();
  computation.order.reset();
  computation.handout.reset();
  computation.sections.clear();
  computation.inputs.clear();
  computation.pdf_frames = false;  // whether figures are made, not what they show
  return Sha256Hex(DumpLesson(computation));
}

std::string LessonProseHash(const Lesson& lesson) {
  Sha256 h;
  h.UpdateField("prose");
  h.UpdateField(lesson.title);
  h.UpdateField(lesson.summary);
  h.UpdateField(lesson.handout ? std::to_string(static_cast<int>(*lesson.handout)) : "unset");
  for (const Section& s : lesson.sections) {
    h.UpdateField(std::to_string(static_cast<int>(s.kind)));
    h.UpdateField(s.title);
    h.UpdateField(s.body);
  }
  return h.Hex();
}

std::map<std::string, std::string> LessonOutputKeys(const Lesson& lesson, const BuildSettings& settings,
                                                    const std::set<std::string>& present) {
  const RenderOptions& render = settings.render;
  const std::string computation = LessonComputationHash(lesson);
  const std::string prose = LessonProseHash(lesson);
  std::string holds;
  for (const std::string_view kind : kOutputKinds)
    if (present.empty() || present.count(std::string(kind))) holds += std::string(kind) + ",";
  std::map<std::string, std::string> keys;
  for (const std::string_view kind_view : kOutputKinds) {
    const std::string kind(kind_view);
    Sha256 h;
    h.UpdateField("output");
    h.UpdateField(kind);
    h.UpdateField(GeneratorIdentity());
    h.UpdateField(FormatNumber(render.scale));
    h.UpdateField(render.layout ? FrameLayoutName(*render.layout) : "lesson's");
    h.UpdateField(render.course.language);
    h.UpdateField(computation);
    if (kind == "anim-svg") h.UpdateField(lesson.title);
    const bool pdf_file = kind == "pdf" || kind == "slides" || kind == "pdf-frames";
    if (kind == "pdf" || kind == "html" || kind == "embed" || kind == "json" || kind == "slides" || kind == "pdf-frames")
      h.UpdateField(prose);
    if (kind == "pdf") {
      h.UpdateField(render.paper);
      h.UpdateField("handout:" + render.handout);
    }
    if (pdf_file) h.UpdateField(std::to_string(render.source_date_epoch));
    if (pdf_file || kind == "html" || kind == "embed") h.UpdateField("course:" + render.course.source_hash);
    if (kind == "html" || kind == "embed") h.UpdateField(settings.templates_hash);
    if (kind == "html" || kind == "embed" || kind == "json") h.UpdateField(holds);
    if (kind == "embed") h.UpdateField("base-url:" + render.base_url);
    keys[kind] = h.Hex();
  }
  return keys;
}

std::string LessonIndexKey(const Lesson& lesson) {
  Sha256 h;
  h.UpdateField("index");
  h.UpdateField(LessonComputationHash(lesson));
  h.UpdateField(lesson.title);
  h.UpdateField(lesson.summary);
  h.UpdateField(lesson.order ? FormatNumber(*lesson.order) : "none");
  h.UpdateField(std::filesystem::path(lesson.path).filename().string());
  return h.Hex();
}

}  // namespace cl
