#include "site/frame_files.h"

#include <algorithm>

#include "base/parallel_for.h"

#include "render/cairo_png.h"
#include "render/svg_writer.h"
#include "scene/dark_scene.h"
#include "site/output_paths.h"
#include "site/write_failure.h"

namespace cl {
namespace {

bool Put(FileSink& sink, const std::string& path, const std::string& bytes, const Lesson& lesson,
         std::vector<Diagnostic>* diagnostics) {
  std::string error;
  if (bytes.empty()) error = "renderer produced nothing";
  if (error.empty() && sink.Put(path, bytes, &error)) return true;
  return ReportWriteFailure(diagnostics, lesson.path, "cannot write " + path + ": " + error);
}

// A frame's SVG carries its dark twin: it follows the reader's colour scheme.
// (PNG frames stay light: a second set would double their pixels, docs/costs.md.)
std::string FrameSvg(const Scene& scene, const std::string& id_prefix) {
  const Scene dark = DarkScene(scene);
  SvgOptions options;
  options.dark = &dark;
  return WriteSvg(scene, id_prefix, options);
}

}  // namespace

bool WriteFrameFiles(const BuiltLesson& built, const RenderOptions& options, FileSink& sink,
                     std::vector<Diagnostic>* diagnostics) {
  const bool svg = options.Wants("svg"), png = options.Wants("png");
  if (!svg && !png) return true;
  // Frames are laid out and rendered in parallel within the build's -j, a
  // bounded chunk at a time so a 2000-beat lesson never sits in memory whole,
  // and written in beat order, so the files never depend on the thread count.
  const std::size_t chunk = std::max<std::size_t>(8, 4 * static_cast<std::size_t>(Parallelism()));
  for (const BuiltVariant& v : built.variants) {
    const std::size_t beats = v.story.beats.size();
    for (std::size_t first = 0; first < beats; first += chunk) {
      const std::size_t n = std::min(chunk, beats - first);
      const bool tall = !v.frame_svg_tall.empty();
      std::vector<std::string> svgs(n), pngs(n), tall_svgs(n), tall_pngs(n);
      ParallelFor(n, [&](std::size_t k) {
        const int beat = static_cast<int>(first + k);
        const Scene scene = LayoutBuiltBeat(built, v, beat);
        if (svg) svgs[k] = FrameSvg(scene, FrameIdPrefix(v.slug, beat + 1));
        if (png) pngs[k] = RenderPng(scene, options.scale);
        if (!tall) return;
        // The same beat for narrow screens (the page's <picture> serves it).
        const Scene tall_scene = LayoutBuiltBeat(built, v, beat, true);
        if (svg) tall_svgs[k] = FrameSvg(tall_scene, FrameIdPrefix(v.slug, beat + 1) + "tall-");
        if (png) tall_pngs[k] = RenderPng(tall_scene, options.scale);
      });
      // The first file that cannot be written ends the lesson's frames: on a
      // full disk every later one would fail the same way.
      for (std::size_t k = 0; k < n; ++k) {
        if (svg && !Put(sink, v.frame_svg[first + k], svgs[k], *built.lesson, diagnostics)) return false;
        if (png && !Put(sink, v.frame_png[first + k], pngs[k], *built.lesson, diagnostics)) return false;
        if (tall && svg && !Put(sink, v.frame_svg_tall[first + k], tall_svgs[k], *built.lesson, diagnostics)) return false;
        if (tall && png && !Put(sink, v.frame_png_tall[first + k], tall_pngs[k], *built.lesson, diagnostics)) return false;
      }
    }
  }
  return true;
}

}  // namespace cl
