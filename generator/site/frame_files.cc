#include "site/frame_files.h"

#include "render/cairo_png.h"
#include "render/svg_writer.h"
#include "site/output_paths.h"

namespace cl {
namespace {

bool Put(FileSink& sink, const std::string& path, const std::string& bytes, const Lesson& lesson,
         std::vector<Diagnostic>* diagnostics) {
  std::string error;
  if (bytes.empty()) error = "renderer produced nothing";
  if (error.empty() && sink.Put(path, bytes, &error)) return true;
  diagnostics->push_back({Severity::Error, {lesson.path, 0, 0}, "cannot write " + path + ": " + error});
  return false;
}

}  // namespace

bool WriteFrameFiles(const BuiltLesson& built, const RenderOptions& options, FileSink& sink,
                     std::vector<Diagnostic>* diagnostics) {
  const bool svg = options.Wants("svg"), png = options.Wants("png");
  if (!svg && !png) return true;
  bool ok = true;
  for (const BuiltVariant& v : built.variants) {
    for (std::size_t i = 0; i < v.story.beats.size(); ++i) {
      const int beat = static_cast<int>(i);
      const Scene scene = LayoutBuiltBeat(built, v, beat);
      if (svg) ok &= Put(sink, v.frame_svg[i], WriteSvg(scene, FrameIdPrefix(v.slug, beat + 1)), *built.lesson, diagnostics);
      if (png) ok &= Put(sink, v.frame_png[i], RenderPng(scene, options.scale), *built.lesson, diagnostics);
    }
  }
  return ok;
}

}  // namespace cl
