// PDF streams: the one way a Cairo PDF surface is opened with convlesson's
// metadata (dates from SOURCE_DATE_EPOCH, never the clock) and closed again.
// The bytes go to a PieceWriter as Cairo makes them, 64 KB at a time (a
// photograph's handout is megabytes: held whole, it was held while the
// frames were being drawn); the caller keeps them only when Finish reports
// success (an atomic file write drops them otherwise). Used by the document
// writer (handouts, worksheets, course.pdf) and the scene writer (slides,
// figures).
#pragma once

#include <cairo.h>

#include <functional>
#include <string>

#include "base/file_system.h"

namespace cl {

struct PdfStreamInfo {
  std::string title;                // always written
  std::string author, subject;      // written when not empty
  long long source_date_epoch = 0;  // creation and modification date (PdfDate)
};

class PdfStream {
 public:
  PdfStream(double width_pt, double height_pt, const PdfStreamInfo& info, PieceWriter write);
  ~PdfStream();
  PdfStream(const PdfStream&) = delete;
  PdfStream& operator=(const PdfStream&) = delete;

  cairo_surface_t* surface() const { return surface_; }
  cairo_t* cr() const { return cr_; }

  // Finishes the document: the last bytes written, or false with *error
  // Cairo's complaint (or the writer's failure).
  bool Finish(std::string* error);

 private:
  static cairo_status_t Take(void* closure, const unsigned char* data, unsigned int length);
  bool Flush();
  PieceWriter write_;
  std::string pending_;
  bool write_failed_ = false;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
};

// The bytes of a PDF written by `write_pdf` (given a writer and an error
// slot), gathered: *pdf gets them only when it succeeds. For tests and
// callers that keep a PDF in memory.
bool PdfIntoString(const std::function<bool(const PieceWriter& write, std::string* error)>& write_pdf, std::string* pdf,
                   std::string* error);

}  // namespace cl
