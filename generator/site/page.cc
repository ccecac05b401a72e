#include "site/page.h"

#include <cmath>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "site/figure_files.h"
#include "site/generated_sections.h"
#include "site/markdown.h"
#include "site/output_paths.h"
#include "site/page_frames.h"
#include "site/player_data.h"
#include "site/slide_deck.h"
#include "site/write_failure.h"

namespace cl {
namespace {

// Prose headings sit under the section's h2: "# A" becomes h3.
constexpr int kProseHeadingOffset = 2;

// Every id on the page is unique by construction, whatever the author titles
// a section ("Player data" must not become the player's data element):
// - the template's own ids (main, walkthrough, player-*, frames, downloads,
//   ...) never start with "section-", and every section id does;
// - a section id is "section-" + a slug unique among the sections, and a slug
//   is [a-z0-9-] with no "--" and no '-' at either end, so the ids derived
//   from it by "--" + a fixed word ("--title", "--variant-<slug>") can equal
//   neither a section id nor an id derived from another section.
constexpr std::string_view kSectionIdPrefix = "section-";
constexpr std::string_view kSectionTitleSuffix = "--title";
constexpr std::string_view kSectionVariantInfix = "--variant-";

std::string SectionId(SlugAllocator& slugs, std::string_view label) {
  return std::string(kSectionIdPrefix) + slugs.Next(label);
}

TemplateData FrameData(const BuiltVariant& bv, std::size_t i, const RenderOptions& options) {
  const Beat& beat = bv.story.beats[i];
  TemplateData f;
  f.set("frame_number", std::to_string(i + 1));
  f.set("frame_total", std::to_string(bv.story.beats.size()));
  f.set("frame_step", beat.step);
  f.set("frame_title", beat.stage_title);
  f.set("frame_caption", beat.caption);
  f.set("frame_alt", beat.description);
  std::string src = PageFrame(bv, i, options);
  f.set("has_frame", !src.empty());
  f.set("frame_src", src);
  f.set("frame_width", std::to_string(std::lround(bv.geometry.width)));
  f.set("frame_height", std::to_string(std::lround(bv.geometry.height)));
  const std::string tall = PageTallFrame(bv, i, options);
  f.set("has_tall_frame", !tall.empty());
  f.set("tall_frame_src", tall);
  f.set("tall_frame_media", kTallFrameMedia);
  f.set("tall_frame_width", std::to_string(std::lround(bv.tall_geometry.width)));
  f.set("tall_frame_height", std::to_string(std::lround(bv.tall_geometry.height)));
  return f;
}

TemplateData PlayerVariantData(const BuiltVariant& bv, std::size_t index, const RenderOptions& options) {
  TemplateData v;
  v.set("variant_label", bv.variant->label);
  v.set("variant_index", std::to_string(index));
  v.set("variant_slug", bv.slug);
  v.set("variant_pressed", index == 0 ? "true" : "false");
  TemplateList frames;
  for (std::size_t i = 0; i < bv.story.beats.size(); ++i) frames.push_back(FrameData(bv, i, options));
  v.set("variant_frames", frames);
  return v;
}

TemplateList DownloadsData(const BuiltLesson& built, const RenderOptions& options) {
  TemplateList links;
  auto add = [&links](const std::string& href, const std::string& text, const std::string& kind) {
    TemplateData d;
    d.set("download_href", href);
    d.set("download_text", text);
    d.set("download_kind", kind);
    links.push_back(d);
  };
  if (options.Wants("pdf")) {
    add(std::string(kHandoutPath), "Handout", "PDF, print-ready");
    add(std::string(kWorksheetPath), "Worksheet", "PDF, to fill in by hand");
    add(std::string(kAnswersPath), "Answer key", "PDF, the worksheet worked out");
  }
  if (options.Wants("slides")) add(std::string(kSlidesPath), "Slides", "PDF, 16:9, a slide per step");
  if (WantsPdfFrames(*built.lesson, options)) add(std::string(kFiguresTexPath), "Figures for LaTeX", "TeX, a PDF figure per step");
  for (const BuiltVariant& bv : built.variants) {
    if (options.Wants("gif") && !bv.animation_gif.empty()) add(bv.animation_gif, bv.variant->label + " animation", "GIF");
    if (options.Wants("anim-svg") && !bv.animation_svg.empty()) {
      add(bv.animation_svg, bv.variant->label + " animation", "animated SVG, plays without JavaScript");
    }
  }
  if (options.Wants("json")) add(std::string(kLessonJsonPath), "Every number", "JSON");
  return links;
}

}  // namespace

TemplateData LessonPageData(const BuiltLesson& built, const RenderOptions& options) {
  const Lesson& lesson = *built.lesson;
  TemplateData page;
  page.set("page_title", lesson.title);
  page.set("summary", lesson.summary);
  page.set("has_summary", !lesson.summary.empty());
  page.set("assets", "../assets/");
  page.set("index_href", "../index.html");
  SetCourseChrome(options.course, &page);

  TemplateList variants;
  for (std::size_t i = 0; i < built.variants.size(); ++i) variants.push_back(PlayerVariantData(built.variants[i], i, options));
  page.set("variants", variants);
  page.set("several_variants", built.variants.size() > 1);
  if (!built.variants.empty() && !built.variants[0].story.beats.empty()) {
    page.set("first_frame", FrameData(built.variants[0], 0, options));
  }
  page.set("player_json", PlayerJson(built, options));

  SlugAllocator section_slugs;
  TemplateList toc;
  auto add_toc = [&toc](const std::string& id, const std::string& title) {
    TemplateData e;
    e.set("toc_href", "#" + id);
    e.set("toc_title", title);
    toc.push_back(e);
  };
  add_toc("walkthrough", "Walkthrough");

  TemplateList sections;
  for (const Section& s : lesson.sections) {
    TemplateData d;
    switch (s.kind) {
      case SectionKind::Prose: {
        std::string id = SectionId(section_slugs, s.title);
        d.set("prose", true);
        d.set("section_id", id);
        d.set("section_title_id", id + std::string(kSectionTitleSuffix));
        d.set("section_title", s.title);
        d.set("section_html", MarkdownToHtml(s.body, kProseHeadingOffset));
        add_toc(id, s.title);
        break;
      }
      case SectionKind::StepByStep: {
        std::string id = SectionId(section_slugs, "step-by-step");
        d.set("step_by_step", StepByStepData(built, id + std::string(kSectionVariantInfix)));
        d.set("section_id", id);
        d.set("section_title_id", id + std::string(kSectionTitleSuffix));
        add_toc(id, "Step by step");
        break;
      }
      case SectionKind::Complexity: {
        std::string id = SectionId(section_slugs, "complexity");
        d.set("complexity", ComplexityData(built));
        d.set("section_id", id);
        d.set("section_title_id", id + std::string(kSectionTitleSuffix));
        add_toc(id, "Complexity");
        break;
      }
    }
    sections.push_back(d);
  }
  page.set("sections", sections);

  TemplateList downloads = DownloadsData(built, options);
  page.set("has_downloads", !downloads.empty());
  page.set("downloads", downloads);
  if (!downloads.empty()) add_toc("downloads", "Downloads");
  page.set("toc", toc);
  return page;
}

bool RenderLessonPage(const BuiltLesson& built, const RenderOptions& options, const TemplateSet& templates,
                      std::string* html, std::string* error) {
  return templates.Render("lesson", LessonPageData(built, options), html, error);
}

bool WriteLessonPage(const BuiltLesson& built, const RenderOptions& options, FileSink& sink,
                     std::vector<Diagnostic>* diagnostics) {
  if (!options.Wants("html")) return true;
  auto fail = [&](const std::string& message) { return ReportWriteFailure(diagnostics, built.lesson->path, message); };
  TemplateSet templates;
  std::string error, html;
  if (!templates.Load(ResolveTemplatesDir(options), &error)) return fail(error);
  if (!RenderLessonPage(built, options, templates, &html, &error)) return fail(error);
  if (!sink.Put(kPagePath, html, &error)) return fail("cannot write " + std::string(kPagePath) + ": " + error);
  return true;
}

}  // namespace cl
