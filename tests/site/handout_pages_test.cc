// A lesson's handout is laid out once per build: handout.pdf and course.pdf
// print the same pages, whichever is written first, unless the course's
// sheets differ from the lesson's (a brief handout in a course with a full
// one), which the course then lays out for its own.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "../support/default_lesson.h"
#include "base/file_sink.h"
#include "render/cairo_pdf_writer.h"
#include "site/built_lesson.h"
#include "site/handout_outputs.h"

namespace cl {
namespace {

struct Course {
  std::vector<Lesson> lessons;
  std::vector<BuiltLesson> built;
  std::vector<const BuiltLesson*> pointers;
  explicit Course(std::vector<Lesson> l) : lessons(std::move(l)) {
    for (const Lesson& lesson : lessons) built.push_back(BuildLesson(lesson));
    for (const BuiltLesson& b : built) pointers.push_back(&b);
  }
};

RenderOptions PdfOnly() {
  RenderOptions options;
  options.only = {"pdf"};
  return options;
}

// Documents laid out while `write` runs.
template <typename Write>
long long LaidOutBy(const Write& write) {
  const long long before = PdfDocumentsLaidOut();
  write();
  return PdfDocumentsLaidOut() - before;
}

Lesson Second(HandoutKind kind) {
  Lesson lesson = testing::DefaultLesson();
  lesson.id = "second";
  lesson.title = "Second";
  lesson.handout = kind;
  return lesson;
}

BOOST_AUTO_TEST_SUITE(HandoutPages)

BOOST_AUTO_TEST_CASE(TheHandoutAndTheCourseHandoutShareOneLayout) {
  for (const bool course_first : {false, true}) {
    const Course course({testing::DefaultLesson(), Second(HandoutKind::Brief)});
    MemoryFileSink lesson_one, lesson_two, shared;
    std::vector<Diagnostic> diagnostics;
    const auto handouts = [&] {
      BOOST_TEST(WriteHandout(*course.pointers[0], PdfOnly(), lesson_one, &diagnostics));
      BOOST_TEST(WriteHandout(*course.pointers[1], PdfOnly(), lesson_two, &diagnostics));
    };
    const auto course_pdf = [&] {
      BOOST_TEST(WriteCourseHandout(course.pointers, PdfOnly(), shared, &diagnostics));
    };
    const long long laid_out = LaidOutBy([&] {
      if (course_first) course_pdf();
      handouts();
      if (!course_first) course_pdf();
    });
    BOOST_TEST(laid_out == 2, "course first: " << course_first);
    // Both PDFs have them: the lesson lets them go.
    BOOST_TEST(course.built[0].handout_pages->laid_out);
    BOOST_TEST(course.built[0].handout_pages->pages == nullptr);
    BOOST_TEST(diagnostics.empty());
    BOOST_TEST(lesson_one.files().count("handout.pdf") == 1u);
    BOOST_TEST(shared.files().count("course.pdf") == 1u);
  }
}

BOOST_AUTO_TEST_CASE(ACourseOfOtherSheetsLaysOutTheHandoutsThatDiffer) {
  // A full handout makes the course's sheets the full ones: the brief
  // lesson's pages are laid out again for them, the full one's are shared.
  const Course course({testing::DefaultLesson(), Second(HandoutKind::Full)});
  MemoryFileSink sink;
  std::vector<Diagnostic> diagnostics;
  const long long laid_out = LaidOutBy([&] {
    for (const BuiltLesson* built : course.pointers) BOOST_TEST(WriteHandout(*built, PdfOnly(), sink, &diagnostics));
    BOOST_TEST(WriteCourseHandout(course.pointers, PdfOnly(), sink, &diagnostics));
  });
  BOOST_TEST(laid_out == 3);
  BOOST_TEST(diagnostics.empty());
}

BOOST_AUTO_TEST_CASE(TheCourseHandoutIsTheSameWithOrWithoutSharedPages) {
  const std::vector<Lesson> lessons{testing::DefaultLesson(), Second(HandoutKind::Brief)};
  const Course shared(lessons), fresh(lessons);
  MemoryFileSink first, second, ignored;
  std::vector<Diagnostic> diagnostics;
  for (const BuiltLesson* built : shared.pointers) BOOST_TEST(WriteHandout(*built, PdfOnly(), ignored, &diagnostics));
  BOOST_TEST(WriteCourseHandout(shared.pointers, PdfOnly(), first, &diagnostics));
  BOOST_TEST(WriteCourseHandout(fresh.pointers, PdfOnly(), second, &diagnostics));
  BOOST_TEST((first.files().at("course.pdf") == second.files().at("course.pdf")));
}

BOOST_AUTO_TEST_CASE(APhotographsHandoutIsNotHeldForTheCourse) {
  // Over 256x256 cells its pictures are megabytes: each PDF lays it out.
  Lesson lesson = testing::DefaultLesson();
  lesson.variants.resize(1);
  Grid image(257, 257, 0.0);
  for (int r = 0; r < 257; ++r)
    for (int c = 0; c < 257; ++c) image.at(r, c) = (r * 7 + c * 3) % 10;
  lesson.variants[0].image = std::move(image);
  const Course course({lesson});
  MemoryFileSink sink;
  std::vector<Diagnostic> diagnostics;
  const long long laid_out = LaidOutBy([&] {
    BOOST_TEST(WriteHandout(*course.pointers[0], PdfOnly(), sink, &diagnostics));
    BOOST_TEST(WriteCourseHandout(course.pointers, PdfOnly(), sink, &diagnostics));
  });
  BOOST_TEST(laid_out == 2);
  BOOST_TEST(!course.built[0].handout_pages->laid_out);
  BOOST_TEST(diagnostics.empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace cl
