#include "site/course_index.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

#include "site/built_lesson.h"
#include "site/handout_outputs.h"
#include "site/markdown.h"
#include "site/output_paths.h"
#include "site/page_frames.h"
#include "site/variant_switch.h"
#include "site/write_failure.h"
#include "storyboard/captions.h"
#include "messages/messages.h"

namespace cl {
namespace {

std::string FileName(const std::string& path) { return std::filesystem::path(path).filename().string(); }

}  // namespace

std::vector<const Lesson*> OrderLessonsForIndex(const std::vector<Lesson>& lessons,
                                                const std::vector<CourseOrderEntry>& course_order) {
  std::vector<const Lesson*> all;
  for (const Lesson& l : lessons) all.push_back(&l);
  return OrderLessonsForIndex(std::move(all), course_order);
}

std::vector<const Lesson*> OrderLessonsForIndex(std::vector<const Lesson*> ordered,
                                                const std::vector<CourseOrderEntry>& course_order) {
  std::map<std::string, std::size_t> listed;  // id -> place in the course's order
  for (const CourseOrderEntry& entry : course_order) listed.emplace(entry.id, listed.size());
  std::stable_sort(ordered.begin(), ordered.end(), [&listed](const Lesson* a, const Lesson* b) {
    const auto la = listed.find(a->id), lb = listed.find(b->id);
    if ((la != listed.end()) != (lb != listed.end())) return la != listed.end();
    if (la != listed.end()) return la->second < lb->second;
    if (a->order.has_value() != b->order.has_value()) return a->order.has_value();
    if (a->order && *a->order != *b->order) return *a->order < *b->order;
    std::string fa = FileName(a->path), fb = FileName(b->path);
    if (fa != fb) return fa < fb;
    return a->id < b->id;
  });
  return ordered;
}

std::vector<IndexEntry> IndexEntries(const std::vector<Lesson>& lessons, const RenderOptions& options) {
  const BuiltCourse built = BuildCourse(lessons, options.layout, MessagesFor(options.course.language));
  std::vector<IndexEntry> entries = IndexEntries(built.pointers, options);
  return entries;
}

std::vector<IndexEntry> IndexEntries(const std::vector<const BuiltLesson*>& lessons, const RenderOptions& options) {
  std::map<const Lesson*, const BuiltLesson*> built_of;
  std::vector<const Lesson*> all;
  for (const BuiltLesson* b : lessons) {
    built_of[b->lesson] = b;
    all.push_back(b->lesson);
  }
  std::vector<IndexEntry> entries;
  for (const Lesson* lesson : OrderLessonsForIndex(std::move(all), options.course.order)) {
    IndexEntry e;
    e.lesson = lesson;
    e.page = lesson->id + "/" + std::string(kPagePath);
    const BuiltLesson& built = *built_of.at(lesson);
    for (const BuiltVariant& bv : built.variants) {
      e.labels.push_back(bv.variant->label);
      e.beats.push_back(bv.story.beats.size());
    }
    if (built.variants.size() > 1) {
      const std::string differs = DescribeVariantSwitch(built.lesson->variants, *built.text).label;
      if (differs != built.text->Text(Msg::page_filter_switch)) e.switch_label = differs;
    }
    if (!built.variants.empty() && !built.variants[0].story.beats.empty()) {
      const BuiltVariant& first = built.variants[0];
      std::size_t last = first.story.beats.size() - 1;
      std::string frame = PageFrame(first, last, options);
      if (!frame.empty()) {
        e.thumbnail = lesson->id + "/" + frame;
        e.width = std::lround(first.geometry.width);
        e.height = std::lround(first.geometry.height);
      }
    }
    entries.push_back(std::move(e));
  }
  return entries;
}

TemplateData CourseIndexData(const std::vector<IndexEntry>& entries, const std::string& course_pdf_href,
                             const Course& course) {
  const Messages& m = MessagesFor(course.language);
  TemplateList list;
  for (const IndexEntry& e : entries) {
    TemplateData d;
    d.set("lesson_href", e.page);
    d.set("lesson_title", e.lesson->title);
    d.set("lesson_summary", e.lesson->summary);
    d.set("has_summary", !e.lesson->summary.empty());
    d.set("has_thumbnail", !e.thumbnail.empty());
    d.set("thumb_src", e.thumbnail);
    d.set("thumb_width", std::to_string(e.width));
    d.set("thumb_height", std::to_string(e.height));
    std::string labels;
    for (std::size_t i = 0; i < e.labels.size(); ++i) labels += (i ? ", " : "") + e.labels[i];
    // The page's switch names what its variants differ in: "Dilation: …"
    // where "Filters: …" called dilations filters.
    d.set("lesson_filters", e.switch_label.empty()
                                ? m.Count(Msg::index_filters, static_cast<long long>(e.labels.size()), {{"labels", labels}})
                                : e.switch_label == m.Text(Msg::switch_several)
                                    ? m.Text(Msg::index_several, {{"labels", labels}})
                                    : m.Text(Msg::index_variants, {{"what", e.switch_label}, {"labels", labels}}));
    // Variants of other lengths: the range, not the first one's.
    const auto [fewest, most] = e.beats.empty() ? std::pair<std::size_t, std::size_t>{0, 0}
                                                : std::pair{*std::min_element(e.beats.begin(), e.beats.end()),
                                                            *std::max_element(e.beats.begin(), e.beats.end())};
    d.set("lesson_steps", fewest == most ? m.Count(Msg::index_steps, static_cast<long long>(most))
                                         : m.Text(Msg::index_steps_range, {{"first", static_cast<long long>(fewest)},
                                                                           {"last", static_cast<long long>(most)}}));
    list.push_back(std::move(d));
  }
  TemplateData page;
  page.set("assets", "assets/");
  SetMoved(&page, "lessons", std::move(list));
  page.set("has_lessons", !entries.empty());
  page.set("has_course_pdf", !course_pdf_href.empty());
  page.set("course_pdf_href", course_pdf_href);
  // Without a course file the page is exactly as before course files existed.
  page.set("index_title", course.HasFile() ? course.title : m.Text(Msg::page_lessons));
  page.set("has_intro", !course.intro.empty());
  page.set("intro_html", course.intro.empty() ? std::string() : MarkdownToHtml(course.intro, 1));
  SetCourseChrome(course, &page);
  const long long count = static_cast<long long>(entries.size());
  page.set("lesson_count_text", m.Count(Msg::index_lesson_count, count));
  page.set("default_intro", m.Count(Msg::index_default_intro, count));
  return page;
}

bool RenderCourseIndex(const std::vector<Lesson>& lessons, const RenderOptions& options, FileSink& sink,
                       std::vector<Diagnostic>* diagnostics) {
  const BuiltCourse built = BuildCourse(lessons, options.layout, MessagesFor(options.course.language));
  return RenderCourseIndex(built.pointers, options, sink, diagnostics);
}

bool RenderCourseIndex(const std::vector<const BuiltLesson*>& lessons, const RenderOptions& options, FileSink& sink,
                       std::vector<Diagnostic>* diagnostics) {
  // embed.html loads the assets too; only the page links the index.
  if (!options.Wants("html") && !options.Wants("embed")) return true;
  auto fail = [diagnostics](const std::string& message) { return ReportWriteFailure(diagnostics, "", message); };
  TemplateSet templates;
  std::string error, text;
  if (!templates.Load(ResolveTemplatesDir(options), &error)) return fail(error);
  for (const char* asset : kSharedAssets) {
    if (!templates.ReadAsset(asset, &text, &error)) return fail(error);
    const std::string path = std::string("assets/") + asset;
    if (!sink.Put(path, text, &error)) return fail("cannot write " + path + ": " + error);
  }
  if (!options.Wants("html")) return true;
  const std::string course_pdf = options.Wants("pdf") && !lessons.empty() ? kCoursePdfPath : "";
  if (!templates.Render("index", CourseIndexData(IndexEntries(lessons, options), course_pdf, options.course), &text, &error))
    return fail(error);
  if (!sink.Put("index.html", text, &error)) return fail("cannot write index.html: " + error);
  return true;
}

bool RenderCourseHandout(const std::vector<Lesson>& lessons, const RenderOptions& options, FileSink& sink,
                         std::vector<Diagnostic>* diagnostics) {
  return WriteCourseHandout(lessons, options, sink, diagnostics);
}

bool RenderCourseHandout(const std::vector<const BuiltLesson*>& lessons, const RenderOptions& options, FileSink& sink,
                         std::vector<Diagnostic>* diagnostics) {
  return WriteCourseHandout(lessons, options, sink, diagnostics);
}

bool RenderCourseOutputs(const std::vector<Lesson>& lessons, const RenderOptions& options, FileSink& sink,
                         std::vector<Diagnostic>* diagnostics) {
  // The pages first, so a course.pdf that cannot be written costs only itself
  // (reported as a diagnostic) and never the index or its assets.
  const bool index_ok = RenderCourseIndex(lessons, options, sink, diagnostics);  // index.html, assets/
  const bool handout_ok = RenderCourseHandout(lessons, options, sink, diagnostics);  // course.pdf
  return index_ok && handout_ok;
}

}  // namespace cl
