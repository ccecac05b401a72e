// Vector figures for LaTeX: on request (`--only pdf-frames` or the lesson's
// `pdf_frames: true`), a PDF per beat beside its SVG and PNG
// ("frames/<slug>/<NNN>-<stage>.pdf", cropped to the frame, fonts embedded)
// and figures.tex, one figure environment per beat with its
// \includegraphics line, caption and label, for lecture notes to \input.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/file_sink.h"
#include "site/built_lesson.h"
#include "site/lesson_outputs.h"

namespace cl {

inline constexpr std::string_view kFiguresTexPath = "figures.tex";

// Whether the lesson's PDF figures and figures.tex are made: asked for by
// --only pdf-frames or by the lesson's `pdf_frames` key (when the build's
// --only leaves them out by naming other kinds, the key does not add them).
bool WantsPdfFrames(const Lesson& lesson, const RenderOptions& options);

// The paths of every beat's PDF figure, variant by variant, beat order.
std::vector<std::string> PdfFramePaths(const BuiltLesson& built);

// figures.tex's text: a comment saying how to use it, then per beat
//   \begin{figure}[htbp]\centering
//   \includegraphics[width=\linewidth,height=0.8\textheight,keepaspectratio]{\convlessonfigures frames/<slug>/<NNN>-<stage>.pdf}
//   \caption{<the beat's caption>}\label{fig:<id>:<slug>:<NNN>}
//   \end{figure}
// where \convlessonfigures (the folder holding figures.tex, with a trailing
// '/') defaults to the lesson's id plus '/' and may be defined before \input;
// a \clearpage after every tenth figure and each variant's last keeps
// LaTeX's queue of waiting figures short.
std::string FiguresTex(const BuiltLesson& built);

// Writes the PDF figures and figures.tex when WantsPdfFrames.
bool WriteFigureFiles(const BuiltLesson& built, const RenderOptions& options, FileSink& sink,
                      std::vector<Diagnostic>* diagnostics);

}  // namespace cl
