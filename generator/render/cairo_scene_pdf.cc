#include "render/cairo_scene_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>

#include "render/cairo_painter.h"
#include "render/cairo_pdf_writer.h"

namespace cl {
namespace {

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

cairo_surface_t* CreatePdf(std::string* bytes, double width, double height, const ScenePdfOptions& options) {
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(AppendBytes, bytes, width, height);
  const std::string date = PdfDate(options.source_date_epoch);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, options.title.c_str());
  if (!options.author.empty()) cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, options.author.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "convlesson");
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
  return surface;
}

// Finishes the document; the bytes are kept only when Cairo reports success.
bool Finish(cairo_surface_t* surface, cairo_t* cr, std::string&& bytes, std::string* pdf, std::string* error) {
  const cairo_status_t drawn = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t finished = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  const cairo_status_t status = drawn != CAIRO_STATUS_SUCCESS ? drawn : finished;
  if (status != CAIRO_STATUS_SUCCESS) {
    if (error) *error = std::string("pdf: ") + cairo_status_to_string(status);
    return false;
  }
  *pdf = std::move(bytes);
  return true;
}

}  // namespace

bool WriteSceneFigurePdf(const Scene& scene, const ScenePdfOptions& options, std::string* pdf, std::string* error) {
  std::string bytes;
  cairo_surface_t* surface =
      CreatePdf(&bytes, scene.width * kFigurePointsPerUnit, scene.height * kFigurePointsPerUnit, options);
  cairo_t* cr = cairo_create(surface);
  cairo_scale(cr, kFigurePointsPerUnit, kFigurePointsPerUnit);
  PaintScene(cr, scene);
  cairo_show_page(cr);
  return Finish(surface, cr, std::move(bytes), pdf, error);
}

double SlideScale(double width, double height) {
  if (width <= 0 || height <= 0) return 0.5;
  return std::min({0.5, kSlideWidthPt / width, kSlideHeightPt / height});
}

bool WriteSlideDeckPdf(int count, const std::function<Scene(int)>& slide, const ScenePdfOptions& options,
                       std::string* pdf, std::string* error) {
  std::string bytes;
  cairo_surface_t* surface = CreatePdf(&bytes, kSlideWidthPt, kSlideHeightPt, options);
  cairo_t* cr = cairo_create(surface);
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
  return Finish(surface, cr, std::move(bytes), pdf, error);
}

}  // namespace cl
