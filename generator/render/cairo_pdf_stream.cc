#include "render/cairo_pdf_stream.h"

#include <cairo-pdf.h>

#include <utility>

#include "render/cairo_pdf_writer.h"

namespace cl {
namespace {

// Cairo writes a PDF in small pieces (a number, an operator): they are
// gathered into pieces of this size for the writer.
constexpr std::size_t kPieceBytes = std::size_t{64} << 10;

}  // namespace

cairo_status_t PdfStream::Take(void* closure, const unsigned char* data, unsigned int length) {
  auto* stream = static_cast<PdfStream*>(closure);
  stream->pending_.append(reinterpret_cast<const char*>(data), length);
  if (stream->pending_.size() >= kPieceBytes && !stream->Flush()) return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

bool PdfStream::Flush() {
  if (write_failed_ || (!pending_.empty() && !write_(pending_))) write_failed_ = true;
  pending_.clear();
  return !write_failed_;
}

PdfStream::PdfStream(double width_pt, double height_pt, const PdfStreamInfo& info, PieceWriter write)
    : write_(std::move(write)) {
  pending_.reserve(kPieceBytes);
  surface_ = cairo_pdf_surface_create_for_stream(&PdfStream::Take, this, width_pt, height_pt);
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

bool PdfStream::Finish(std::string* error) {
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
  if (!Flush()) {
    if (error) *error = "pdf: the bytes could not be written";
    return false;
  }
  return true;
}

bool PdfIntoString(const std::function<bool(const PieceWriter& write, std::string* error)>& write_pdf, std::string* pdf,
                   std::string* error) {
  std::string bytes;
  const PieceWriter gather = [&bytes](std::string_view piece) {
    bytes.append(piece);
    return true;
  };
  if (!write_pdf(gather, error)) return false;
  *pdf = std::move(bytes);
  return true;
}

}  // namespace cl
