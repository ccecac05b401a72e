#include "site/handout_outputs.h"

#include "render/cairo_pdf_writer.h"
#include "site/course_index.h"
#include "site/handout_document.h"
#include "site/output_paths.h"
#include "site/write_failure.h"

namespace cl {

namespace {

PdfOptions PdfOptionsFrom(const RenderOptions& options) {
  PdfOptions pdf;
  pdf.paper = options.paper;
  pdf.source_date_epoch = options.source_date_epoch;
  return pdf;
}

}  // namespace

bool WriteHandout(const BuiltLesson& built, const RenderOptions& options, FileSink& sink,
                  std::vector<Diagnostic>* diagnostics) {
  if (!options.Wants("pdf")) return true;
  std::string pdf, error;
  if (!WritePdf(HandoutDocument(built), PdfOptionsFrom(options), &pdf, &error) ||
      !sink.Put(kHandoutPath, pdf, &error)) {
    return ReportWriteFailure(diagnostics, built.lesson->path, "cannot write handout.pdf: " + error);
  }
  return true;
}

bool WritesCourseHandout(const std::vector<Lesson>& lessons, const RenderOptions& options) {
  return options.Wants("pdf") && !lessons.empty();
}

bool WriteCourseHandout(const std::vector<Lesson>& lessons, const RenderOptions& options, FileSink& sink,
                        std::vector<Diagnostic>* diagnostics) {
  if (!WritesCourseHandout(lessons, options)) return true;
  std::vector<PdfDocument> documents;
  for (const Lesson* lesson : OrderLessonsForIndex(lessons)) {
    documents.push_back(HandoutDocument(BuildLesson(*lesson, options.layout)));
  }
  std::string pdf, error;
  if (!WriteCoursePdf(kCourseHandoutTitle, documents, PdfOptionsFrom(options), &pdf, &error) ||
      !sink.Put(kCoursePdfPath, pdf, &error)) {
    return ReportWriteFailure(diagnostics, "", std::string("cannot write ") + kCoursePdfPath + ": " + error);
  }
  return true;
}

}  // namespace cl
