// PDF streams: the one way a Cairo PDF surface is opened into memory with
// convlesson's metadata (dates from SOURCE_DATE_EPOCH, never the clock) and
// closed again, keeping the bytes only when Cairo reports success. Used by
// the document writer (handouts, worksheets, course.pdf) and the scene
// writer (slides, figures).
#pragma once

#include <cairo.h>

#include <string>

namespace cl {

struct PdfStreamInfo {
  std::string title;                // always written
  std::string author, subject;      // written when not empty
  long long source_date_epoch = 0;  // creation and modification date (PdfDate)
};

class PdfStream {
 public:
  PdfStream(double width_pt, double height_pt, const PdfStreamInfo& info);
  ~PdfStream();
  PdfStream(const PdfStream&) = delete;
  PdfStream& operator=(const PdfStream&) = delete;

  cairo_surface_t* surface() const { return surface_; }
  cairo_t* cr() const { return cr_; }

  // Finishes the document: *pdf gets its bytes, or *error Cairo's complaint.
  bool Finish(std::string* pdf, std::string* error);

 private:
  std::string bytes_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
};

}  // namespace cl
