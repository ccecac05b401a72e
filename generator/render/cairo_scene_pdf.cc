#include "render/cairo_scene_pdf.h"

#include <cairo.h>

#include <algorithm>

#include "render/cairo_painter.h"
#include "render/cairo_pdf_stream.h"

namespace cl {
namespace {

PdfStreamInfo InfoOf(const ScenePdfOptions& options) {
  return {options.title, options.author, "", options.source_date_epoch};
}

}  // namespace

bool WriteSceneFigurePdf(const Scene& scene, const ScenePdfOptions& options, std::string* pdf, std::string* error) {
  return PdfIntoString(
      [&](const PieceWriter& write, std::string* e) {
        PdfStream stream(scene.width * kFigurePointsPerUnit, scene.height * kFigurePointsPerUnit, InfoOf(options), write);
        cairo_t* cr = stream.cr();
        cairo_scale(cr, kFigurePointsPerUnit, kFigurePointsPerUnit);
        PaintScene(cr, scene);
        cairo_show_page(cr);
        return stream.Finish(e);
      },
      pdf, error);
}

double SlideScale(double width, double height) {
  if (width <= 0 || height <= 0) return 0.5;
  return std::min({0.5, kSlideWidthPt / width, kSlideHeightPt / height});
}

bool WriteSlideDeckPdf(int count, const std::function<Scene(int)>& slide, const ScenePdfOptions& options,
                       std::string* pdf, std::string* error) {
  return PdfIntoString(
      [&](const PieceWriter& write, std::string* e) { return WriteSlideDeckPdf(count, slide, options, write, e); }, pdf,
      error);
}

bool WriteSlideDeckPdf(int count, const std::function<Scene(int)>& slide, const ScenePdfOptions& options,
                       const PieceWriter& write, std::string* error) {
  PdfStream stream(kSlideWidthPt, kSlideHeightPt, InfoOf(options), write);
  cairo_t* cr = stream.cr();
  for (int i = 0; i < count && cairo_status(cr) == CAIRO_STATUS_SUCCESS; ++i) {
    const Scene scene = slide(i);
    const double scale = SlideScale(scene.width, scene.height);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_save(cr);
    cairo_translate(cr, (kSlideWidthPt - scene.width * scale) / 2, (kSlideHeightPt - scene.height * scale) / 2);
    cairo_scale(cr, scale, scale);
    PaintScene(cr, scene);
    cairo_restore(cr);
    cairo_show_page(cr);
  }
  return stream.Finish(error);
}

}  // namespace cl
