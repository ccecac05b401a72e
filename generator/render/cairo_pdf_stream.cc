#include "render/cairo_pdf_stream.h"

#include <cairo-pdf.h>

#include "render/cairo_pdf_writer.h"

namespace cl {
namespace {

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

PdfStream::PdfStream(double width_pt, double height_pt, const PdfStreamInfo& info) {
  surface_ = cairo_pdf_surface_create_for_stream(AppendBytes, &bytes_, width_pt, height_pt);
  const std::string date = PdfDate(info.source_date_epoch);
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, info.title.c_str());
  if (!info.author.empty()) cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_AUTHOR, info.author.c_str());
  if (!info.subject.empty()) cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_SUBJECT, info.subject.c_str());
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "convlesson");
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
  cr_ = cairo_create(surface_);
}

PdfStream::~PdfStream() {
  if (cr_) cairo_destroy(cr_);
  if (surface_) cairo_surface_destroy(surface_);
}

bool PdfStream::Finish(std::string* pdf, std::string* error) {
  const cairo_status_t drawn = cairo_status(cr_);
  cairo_destroy(cr_);
  cr_ = nullptr;
  cairo_surface_finish(surface_);
  const cairo_status_t finished = cairo_surface_status(surface_);
  cairo_surface_destroy(surface_);
  surface_ = nullptr;
  const cairo_status_t status = drawn != CAIRO_STATUS_SUCCESS ? drawn : finished;
  if (status != CAIRO_STATUS_SUCCESS) {
    if (error) *error = std::string("pdf: ") + cairo_status_to_string(status);
    return false;
  }
  *pdf = std::move(bytes_);
  return true;
}

}  // namespace cl
