#include "site/handout_outputs.h"

#include <algorithm>
#include <map>

#include "document/markdown_blocks.h"
#include "render/cairo_pdf_writer.h"
#include "site/brief_handout.h"
#include "site/cost_budget.h"
#include "site/course_index.h"
#include "site/handout_document.h"
#include "site/output_paths.h"
#include "site/worksheet_document.h"
#include "site/write_failure.h"
#include "messages/messages.h"

namespace cl {

namespace {

PdfOptions PdfOptionsFrom(const RenderOptions& options) {
  PdfOptions pdf;
  pdf.paper = options.paper;
  pdf.source_date_epoch = options.source_date_epoch;
  return pdf;
}

// A printed document's metadata: its title, and the course file's author
// (empty without a course file: no Author entry) and language.
void SetMetadata(const RenderOptions& options, doc::Document* document) {
  document->meta.author = options.course.author;
  document->meta.language = options.course.language;
}

// The course PDF's Subject: the intro's first line without Markdown heading
// marks, or nothing (no Subject entry) when the course has no intro.
std::string CourseSubject(const Course& course) {
  std::string_view intro = course.intro;
  while (!intro.empty()) {
    std::string_view line = intro.substr(0, intro.find('\n'));
    intro.remove_prefix(std::min(intro.size(), line.size() + 1));
    while (!line.empty() && (line.front() == '#' || line.front() == ' ')) line.remove_prefix(1);
    while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
    if (!line.empty()) return std::string(line);
  }
  return "";
}

}  // namespace

HandoutKind ChosenHandout(const Lesson& lesson, const RenderOptions& options) {
  if (options.handout == "full") return HandoutKind::Full;
  if (options.handout == "brief") return HandoutKind::Brief;
  if (lesson.handout) return *lesson.handout;
  return options.course.handout.value_or(HandoutKind::Brief);
}

doc::Document LessonHandoutDocument(const BuiltLesson& built, HandoutKind kind, const doc::PageGeometry& page) {
  if (kind == HandoutKind::Full) return HandoutDocument(built, page);
  return BriefHandoutDocument(built, page);
}

namespace {

// The lesson's handout of `kind` laid out on the build's paper, in the
// compact sheets or not.
std::shared_ptr<const PdfPages> LayOutHandout(const BuiltLesson& built, HandoutKind kind, const RenderOptions& options,
                                              bool compact) {
  PdfOptions pdf_options = PdfOptionsFrom(options);
  pdf_options.compact = compact;
  doc::Document document = LessonHandoutDocument(built, kind, doc::Paper(options.paper, compact));
  SetMetadata(options, &document);
  return LayOutPdf(std::move(document), pdf_options);
}

// The lesson's handout as its handout.pdf prints it, laid out once per build.
std::shared_ptr<const PdfPages> HandoutPages(const BuiltLesson& built, const RenderOptions& options) {
  const HandoutKind kind = ChosenHandout(*built.lesson, options);
  const auto lay_out = [&] { return LayOutHandout(built, kind, options, kind == HandoutKind::Brief); };
  // A picture over 256x256 cells makes the pages' pictures megabytes (14 MB
  // for eight filters on a 512x512 photograph): held from handout.pdf to
  // course.pdf, beside the frames, they took the lesson's peak at --scale 4
  // from 142 to 156 MB. Such a handout is laid out for each PDF instead.
  if (HasLargeImage(*built.lesson)) return lay_out();
  const std::string made_for = options.paper + (kind == HandoutKind::Brief ? "/brief" : "/full");
  HandoutPagesOnce& once = *built.handout_pages;
  const std::lock_guard<std::mutex> hold(once.lock);  // an exception lets it go, the pages unmade
  if (!once.laid_out) {
    once.pages = lay_out();
    once.made_for = made_for;
    once.laid_out = true;
  }
  // One build asks for one paper and kind; another asker gets its own.
  if (once.made_for != made_for) return lay_out();
  std::shared_ptr<const PdfPages> pages = once.pages;
  if (++once.uses == 2) once.pages.reset();  // handout.pdf and course.pdf have them
  return pages;
}

}  // namespace

bool WriteHandout(const BuiltLesson& built, const RenderOptions& options, FileSink& sink,
                  std::vector<Diagnostic>* diagnostics) {
  if (!options.Wants("pdf")) return true;
  std::string error;
  const std::shared_ptr<const PdfPages> pages = HandoutPages(built, options);
  const PdfOptions dates = PdfOptionsFrom(options);  // the sheets are the pages'
  const FileFiller pdf = [&](const PieceWriter& write, std::string* e) {
    return WritePdf(*pages, dates, write, e);
  };
  if (!sink.PutFrom(kHandoutPath, pdf, &error)) {
    return ReportWriteFailure(diagnostics, built.lesson->path, "cannot write handout.pdf: " + error);
  }
  return true;
}

bool WriteWorksheets(const BuiltLesson& built, const RenderOptions& options, FileSink& sink,
                     std::vector<Diagnostic>* diagnostics) {
  if (!options.Wants("pdf")) return true;
  PdfOptions pdf_options = PdfOptionsFrom(options);
  pdf_options.compact = true;
  const doc::PageGeometry page = doc::Paper(options.paper, true);
  for (const bool answers : {false, true}) {
    const std::string_view path = answers ? kAnswersPath : kWorksheetPath;
    std::string error;
    doc::Document document = WorksheetDocument(built, page, answers);
    SetMetadata(options, &document);
    const FileFiller pdf = [&](const PieceWriter& write, std::string* e) {
      return WritePdf(document, pdf_options, write, e);
    };
    if (!sink.PutFrom(path, pdf, &error)) {
      return ReportWriteFailure(diagnostics, built.lesson->path, "cannot write " + std::string(path) + ": " + error);
    }
  }
  return true;
}

bool WritesCourseHandout(const std::vector<Lesson>& lessons, const RenderOptions& options) {
  return options.Wants("pdf") && !lessons.empty();
}

bool WriteCourseHandout(const std::vector<Lesson>& lessons, const RenderOptions& options, FileSink& sink,
                        std::vector<Diagnostic>* diagnostics) {
  if (!WritesCourseHandout(lessons, options)) return true;
  const BuiltCourse built = BuildCourse(lessons, options.layout, MessagesFor(options.course.language));
  return WriteCourseHandout(built.pointers, options, sink, diagnostics);
}

bool WriteCourseHandout(const std::vector<const BuiltLesson*>& lessons, const RenderOptions& options, FileSink& sink,
                        std::vector<Diagnostic>* diagnostics) {
  if (!options.Wants("pdf") || lessons.empty()) return true;
  std::map<const Lesson*, const BuiltLesson*> built_of;
  std::vector<const Lesson*> all;
  for (const BuiltLesson* b : lessons) {
    built_of[b->lesson] = b;
    all.push_back(b->lesson);
  }
  // One page geometry for the whole course: compact when every lesson's
  // handout is brief.
  const std::vector<const Lesson*> ordered = OrderLessonsForIndex(std::move(all), options.course.order);
  PdfOptions pdf_options = PdfOptionsFrom(options);
  pdf_options.compact = std::all_of(ordered.begin(), ordered.end(), [&](const Lesson* lesson) {
    return ChosenHandout(*lesson, options) == HandoutKind::Brief;
  });
  // Each lesson's handout as laid out for its handout.pdf when that has the
  // course's sheets; laid out for them here when not (a brief handout in a
  // course with a full one, whose sheets are the full ones).
  std::vector<std::shared_ptr<const PdfPages>> parts;
  for (const Lesson* lesson : ordered) {
    const BuiltLesson& built = *built_of.at(lesson);
    const HandoutKind kind = ChosenHandout(*lesson, options);
    parts.push_back((kind == HandoutKind::Brief) == pdf_options.compact
                        ? HandoutPages(built, options)
                        : LayOutHandout(built, kind, options, pdf_options.compact));
  }
  doc::Course book;
  std::string error;
  const Course& course = options.course;
  const Messages& m = MessagesFor(course.language);
  book.contents_heading = m.Text(Msg::print_contents);
  book.meta.title = course.title;
  book.meta.author = course.author;
  book.meta.subject = CourseSubject(course);
  book.meta.language = course.language;
  // The title page's: the intro and the credits.
  if (!course.intro.empty()) doc::AppendMarkdownBlocks(course.intro, 1, &book.title_page);
  auto credit = [&book](const std::string& text) {
    doc::Paragraph paragraph;
    paragraph.text = doc::Text(text);
    book.title_page.push_back(std::move(paragraph));
  };
  if (!course.author.empty()) credit(m.Text(Msg::credits_author, {{"author", course.author}}));
  if (!course.licence.empty()) credit(m.Text(Msg::credits_licence, {{"licence", course.licence}}));
  const FileFiller pdf = [&](const PieceWriter& write, std::string* e) {
    return WriteCoursePdf(book, parts, pdf_options, write, e);
  };
  if (!sink.PutFrom(kCoursePdfPath, pdf, &error)) {
    return ReportWriteFailure(diagnostics, "", std::string("cannot write ") + kCoursePdfPath + ": " + error);
  }
  return true;
}

}  // namespace cl
