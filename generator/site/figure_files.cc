#include "site/figure_files.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/parallel_for.h"
#include "render/cairo_scene_pdf.h"
#include "site/latex_text.h"
#include "site/output_paths.h"
#include "site/write_failure.h"

namespace cl {
namespace {

constexpr int kFiguresPerFlush = 10;

}  // namespace

bool WantsPdfFrames(const Lesson& lesson, const RenderOptions& options) {
  if (options.only.count("pdf-frames") > 0) return true;
  return options.only.empty() && lesson.pdf_frames;
}

std::vector<std::string> PdfFramePaths(const BuiltLesson& built) {
  std::vector<std::string> paths;
  for (const BuiltVariant& bv : built.variants) {
    for (std::size_t b = 0; b < bv.story.beats.size(); ++b)
      paths.push_back(FramePath(bv.slug, static_cast<int>(b) + 1, bv.story.beats[b].stage, "pdf"));
  }
  return paths;
}

std::string FiguresTex(const BuiltLesson& built) {
  const Lesson& lesson = *built.lesson;
  std::string tex = fmt::format(
      "% Figures of the lesson \"{}\", one per beat, written by convlesson.\n"
      "% Use: \\usepackage{{graphicx}} in the preamble, then \\input{{<out>/{}/figures.tex}}.\n"
      "% Figure paths start with \\convlessonfigures, by default \"{}/\" (relative to\n"
      "% the main document); \\newcommand{{\\convlessonfigures}}{{<folder>/}} before \\input to change it.\n"
      "\\providecommand{{\\convlessonfigures}}{{{}/}}\n",
      LatexEscape(lesson.title), lesson.id, lesson.id, lesson.id);
  for (const BuiltVariant& bv : built.variants) {
    tex += fmt::format("\n% {}\n", LatexEscape(bv.variant->label));
    for (std::size_t b = 0; b < bv.story.beats.size(); ++b) {
      const Beat& beat = bv.story.beats[b];
      const int number = static_cast<int>(b) + 1;
      tex += fmt::format(
          "\\begin{{figure}}[htbp]\\centering\n"
          "\\includegraphics[width=\\linewidth,height=0.8\\textheight,keepaspectratio]{{\\convlessonfigures {}}}\n"
          "\\caption{{{}}}\\label{{fig:{}:{}:{:03}}}\n"
          "\\end{{figure}}\n",
          FramePath(bv.slug, number, beat.stage, "pdf"), LatexEscape(beat.caption), lesson.id, bv.slug, number);
      // LaTeX holds at most 18 figures waiting for a place; with no text
      // between them they pile up, so every few are flushed to their pages.
      if (number % kFiguresPerFlush == 0 || b + 1 == bv.story.beats.size()) tex += "\\clearpage\n";
    }
  }
  return tex;
}

bool WriteFigureFiles(const BuiltLesson& built, const RenderOptions& options, FileSink& sink,
                      std::vector<Diagnostic>* diagnostics) {
  if (!WantsPdfFrames(*built.lesson, options)) return true;
  const Lesson& lesson = *built.lesson;
  ScenePdfOptions pdf_options;
  pdf_options.author = options.course.author;
  pdf_options.source_date_epoch = options.source_date_epoch;
  // Like the frames: a bounded chunk of beats at a time, drawn in parallel and
  // written in beat order, so the bytes never depend on the thread count.
  const std::size_t chunk = std::max<std::size_t>(8, 4 * static_cast<std::size_t>(Parallelism()));
  for (const BuiltVariant& bv : built.variants) {
    const std::size_t beats = bv.story.beats.size();
    for (std::size_t first = 0; first < beats; first += chunk) {
      const std::size_t n = std::min(chunk, beats - first);
      std::vector<std::string> pdfs(n), errors(n);
      ParallelFor(n, [&](std::size_t k) {
        const int beat = static_cast<int>(first + k);
        const Scene scene = LayoutBuiltBeat(built, bv, beat);
        ScenePdfOptions mine = pdf_options;
        mine.title = scene.title;
        WriteSceneFigurePdf(scene, mine, &pdfs[k], &errors[k]);
      });
      for (std::size_t k = 0; k < n; ++k) {
        const int number = static_cast<int>(first + k) + 1;
        const std::string path = FramePath(bv.slug, number, bv.story.beats[first + k].stage, "pdf");
        std::string error = errors[k];
        if (!error.empty() || !sink.Put(path, pdfs[k], &error))
          return ReportWriteFailure(diagnostics, lesson.path, fmt::format("cannot write {}: {}", path, error));
      }
    }
  }
  std::string error;
  if (!sink.Put(std::string(kFiguresTexPath), FiguresTex(built), &error))
    return ReportWriteFailure(diagnostics, lesson.path, fmt::format("cannot write {}: {}", kFiguresTexPath, error));
  return true;
}

}  // namespace cl
