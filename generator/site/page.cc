#include "site/page.h"

#include <algorithm>
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
#include "site/receptive_field.h"
#include "site/reproduce.h"
#include "site/variant_switch.h"
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

// A frame listing's example name, to show how the files are named.
constexpr std::string_view kListingExampleFile = "009-conv.svg";
constexpr int kListingExampleStep = 9;
// The link to lesson.json in the Reproduce it section's sentences.
constexpr std::string_view kLessonJsonLink = "<a href=\"lesson.json\">lesson.json</a>";
// The ids of the Reproduce it section's variant headings: the page's own ids
// never start with "section-", and "reproduce-" + a slug is unique per variant.
constexpr std::string_view kReproduceIdPrefix = "reproduce-";

std::string SectionId(SlugAllocator& slugs, std::string_view label) {
  return std::string(kSectionIdPrefix) + slugs.Next(label);
}

// `prefix` goes before every file path (the embed's base URL; "" on the page).
TemplateData FrameData(const BuiltVariant& bv, std::size_t i, const RenderOptions& options,
                       const std::string& prefix = "") {
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
  f.set("frame_src", src.empty() ? src : prefix + src);
  f.set("frame_width", std::to_string(std::lround(bv.geometry.width)));
  f.set("frame_height", std::to_string(std::lround(bv.geometry.height)));
  const bool svg = options.Wants("svg") && i < bv.frame_svg.size(), png = options.Wants("png") && i < bv.frame_png.size();
  f.set("has_frame_files", svg || png);
  f.set("has_frame_svg", svg);
  f.set("frame_svg", svg ? bv.frame_svg[i] : std::string());
  f.set("has_frame_png", png);
  f.set("frame_png", png ? bv.frame_png[i] : std::string());
  f.set("frame_png_svg_both", svg && png);
  const std::string tall = PageTallFrame(bv, i, options);
  f.set("has_tall_frame", !tall.empty());
  f.set("tall_frame_src", tall.empty() ? tall : prefix + tall);
  f.set("tall_frame_media", kTallFrameMedia);
  f.set("tall_frame_width", std::to_string(std::lround(bv.tall_geometry.width)));
  f.set("tall_frame_height", std::to_string(std::lround(bv.tall_geometry.height)));
  return f;
}

TemplateData PlayerVariantData(const BuiltVariant& bv, std::size_t index, const RenderOptions& options,
                               const std::string& difference, const std::string& prefix = "") {
  TemplateData v;
  v.set("variant_label", bv.variant->label);
  v.set("has_variant_difference", !difference.empty());
  v.set("variant_difference", difference);
  v.set("variant_index", std::to_string(index));
  v.set("variant_slug", bv.slug);
  v.set("variant_pressed", index == 0 ? "true" : "false");
  TemplateList frames;
  frames.reserve(bv.story.beats.size());  // a list growing copies its items
  for (std::size_t i = 0; i < bv.story.beats.size(); ++i) frames.push_back(FrameData(bv, i, options, prefix));
  SetMoved(&v, "variant_frames", std::move(frames));
  return v;
}

// Whether the build writes frame files a listing page can point at.
bool WritesFrames(const RenderOptions& options) { return options.Wants("svg") || options.Wants("png"); }

// A frame's path relative to its variant's folder (where the listing page is).
std::string InFramesFolder(const BuiltVariant& bv, const std::string& path) {
  const std::string folder = "frames/" + bv.slug + "/";
  return path.starts_with(folder) ? path.substr(folder.size()) : path;
}

TemplateData FrameListingData(const BuiltLesson& built, const BuiltVariant& bv, const RenderOptions& options) {
  TemplateData page;
  SetCourseChrome(options.course, &page);
  page.set("assets", "../../../assets/");
  page.set("lesson_href", "../../index.html");
  page.set("lesson_title", built.lesson->title);
  const Messages& m = *built.text;
  page.set("listing_title", m.Text(Msg::listing_title, {{"lesson", built.lesson->title}, {"label", bv.variant->label}}));
  page.set("listing_summary_html",
           m.TextWith(Msg::listing_summary,
                      {{"example", "<code>" + std::string(kListingExampleFile) + "</code>"}, {"step", kListingExampleStep}},
                      EscapeHtml));
  const bool svg = options.Wants("svg"), png = options.Wants("png");
  TemplateList frames;
  for (std::size_t i = 0; i < bv.story.beats.size(); ++i) {
    const Beat& beat = bv.story.beats[i];
    TemplateData f;
    f.set("frame_step", beat.step);
    f.set("frame_title", beat.stage_title);
    f.set("frame_caption", beat.caption);
    f.set("has_svg", svg);
    f.set("svg_href", InFramesFolder(bv, bv.frame_svg[i]));
    f.set("has_png", png);
    f.set("png_href", InFramesFolder(bv, bv.frame_png[i]));
    const bool tall_svg = svg && !bv.frame_svg_tall.empty(), tall_png = png && !bv.frame_png_tall.empty();
    f.set("has_tall", tall_svg || tall_png);
    f.set("has_tall_svg", tall_svg);
    f.set("tall_svg_href", tall_svg ? InFramesFolder(bv, bv.frame_svg_tall[i]) : std::string());
    f.set("has_tall_png", tall_png);
    f.set("tall_png_href", tall_png ? InFramesFolder(bv, bv.frame_png_tall[i]) : std::string());
    frames.push_back(std::move(f));
  }
  SetMoved(&page, "listing_frames", std::move(frames));
  return page;
}

TemplateList DownloadsData(const BuiltLesson& built, const RenderOptions& options) {
  const Messages& m = *built.text;
  TemplateList links;
  auto add = [&links](const std::string& href, const std::string& text, const std::string& kind) {
    TemplateData d;
    d.set("download_href", href);
    d.set("download_text", text);
    d.set("download_kind", kind);
    links.push_back(std::move(d));
  };
  if (options.Wants("pdf")) {
    add(std::string(kHandoutPath), m.Text(Msg::download_handout), m.Text(Msg::download_handout_kind));
    add(std::string(kWorksheetPath), m.Text(Msg::download_worksheet), m.Text(Msg::download_worksheet_kind));
    add(std::string(kAnswersPath), m.Text(Msg::download_answers), m.Text(Msg::download_answers_kind));
  }
  if (options.Wants("slides")) add(std::string(kSlidesPath), m.Text(Msg::download_slides), m.Text(Msg::download_slides_kind));
  if (WantsPdfFrames(*built.lesson, options))
    add(std::string(kFiguresTexPath), m.Text(Msg::download_figures), m.Text(Msg::download_figures_kind));
  for (const BuiltVariant& bv : built.variants) {
    if (WritesFrames(options) && !bv.story.beats.empty()) {
      const Msg kind = options.Wants("svg") && options.Wants("png") ? Msg::download_frames_svg_png_kind
                       : options.Wants("svg")                       ? Msg::download_frames_svg_kind
                                                                    : Msg::download_frames_png_kind;
      add(FrameListingPath(bv.slug), m.Text(Msg::download_every_frame, {{"label", bv.variant->label}}), m.Text(kind));
    }
    const std::string animation = m.Text(Msg::download_animation, {{"label", bv.variant->label}});
    if (options.Wants("gif") && !bv.animation_gif.empty()) add(bv.animation_gif, animation, m.Text(Msg::download_gif_kind));
    if (options.Wants("anim-svg") && !bv.animation_svg.empty()) {
      add(bv.animation_svg, animation, m.Text(Msg::download_anim_svg_kind));
    }
  }
  if (options.Wants("json")) add(std::string(kLessonJsonPath), m.Text(Msg::download_json), m.Text(Msg::download_json_kind));
  return links;
}

}  // namespace

TemplateData LessonPageData(const BuiltLesson& built, const RenderOptions& options) {
  const Lesson& lesson = *built.lesson;
  const Messages& m = *built.text;
  TemplateData page;
  page.set("page_title", lesson.title);
  page.set("summary", lesson.summary);
  page.set("has_summary", !lesson.summary.empty());
  page.set("assets", "../assets/");
  page.set("index_href", "../index.html");
  SetCourseChrome(options.course, &page);

  const VariantSwitch switcher = DescribeVariantSwitch(lesson.variants, m);
  page.set("switch_label", switcher.label);
  TemplateList variants;
  variants.reserve(built.variants.size());  // a list growing copies its items
  for (std::size_t i = 0; i < built.variants.size(); ++i) {
    variants.push_back(PlayerVariantData(built.variants[i], i, options, switcher.differences[i]));
  }
  SetMoved(&page, "variants", std::move(variants));
  page.set("several_variants", built.variants.size() > 1);
  if (!built.variants.empty() && !built.variants[0].story.beats.empty()) {
    page.set("first_frame", FrameData(built.variants[0], 0, options));
  }
  page.set("player_json", PlayerJson(built, options));

  SlugAllocator section_slugs;
  TemplateList toc;
  auto add_toc = [&toc](const std::string& id, const std::string& title, bool needs_script = false) {
    TemplateData e;
    e.set("toc_needs_script", needs_script);
    e.set("toc_href", "#" + id);
    e.set("toc_title", title);
    toc.push_back(std::move(e));
  };
  add_toc("walkthrough", m.Text(Msg::page_walkthrough));
  // Explore works only with the script: without it the section and its
  // link stay hidden and the page is the walkthrough's list as before.
  const bool explore = std::any_of(built.variants.begin(), built.variants.end(),
                                   [](const BuiltVariant& bv) { return !bv.result.conv().empty() && !bv.variant->conv.transposed; });
  page.set("has_explore", explore);
  if (explore) {
    SetMoved(&page, "explore_variants", ExploreVariantsData(built));
    page.set("explore_json", ScriptJson(ExploreJson(built)));
    page.set("explore_text_json", ExploreTextJson(m).dump());  // an attribute: the template escapes it
    add_toc("explore", m.Text(Msg::page_explore), true);
  }

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
        SetMoved(&d, "step_by_step", StepByStepData(built, id + std::string(kSectionVariantInfix)));
        d.set("section_id", id);
        d.set("section_title_id", id + std::string(kSectionTitleSuffix));
        add_toc(id, m.Text(Msg::page_step_by_step));
        break;
      }
      case SectionKind::Complexity: {
        std::string id = SectionId(section_slugs, "complexity");
        SetMoved(&d, "complexity", ComplexityData(built));
        d.set("section_id", id);
        d.set("section_title_id", id + std::string(kSectionTitleSuffix));
        add_toc(id, m.Text(Msg::page_complexity));
        break;
      }
    }
    PushMoved(&sections, std::move(d));
  }
  SetMoved(&page, "sections", std::move(sections));

  TemplateList reproduce;
  // A sentence pointing at lesson.json, where the build writes it (`--only
  // html` does not: the link led nowhere).
  const auto json_sentence = [&](Msg key) {
    return options.Wants("json") ? " " + m.TextWith(key, {{"json", std::string(kLessonJsonLink)}}, EscapeHtml) : std::string();
  };
  bool any_pooled = false;
  for (const BuiltVariant& bv : built.variants) {
    TemplateData d;
    d.set("reproduce_label", bv.variant->label);
    d.set("reproduce_id", std::string(kReproduceIdPrefix) + bv.slug);
    d.set("has_snippets", HasSnippets(bv));
    d.set("reproduce_too_large_html",
          m.TextWith(Msg::reproduce_too_large, {{"limit", kMaxSnippetSide}}, EscapeHtml) + json_sentence(Msg::reproduce_json_every));
    if (HasSnippets(bv)) {
      d.set("torch_snippet", TorchSnippet(bv));
      d.set("numpy_snippet", NumpySnippet(bv));
    }
    any_pooled = any_pooled || bv.result.pooled().has_value();
    reproduce.push_back(std::move(d));
  }
  SetMoved(&page, "reproduce_variants", std::move(reproduce));
  page.set("reproduce_intro_html", m.TextWith(any_pooled ? Msg::reproduce_intro_pooled : Msg::reproduce_intro, {}, EscapeHtml) +
                                      json_sentence(Msg::reproduce_json_same));
  add_toc("reproduce", m.Text(Msg::page_reproduce));

  TemplateList downloads = DownloadsData(built, options);
  page.set("has_downloads", !downloads.empty());
  if (!downloads.empty()) add_toc("downloads", m.Text(Msg::page_downloads));
  SetMoved(&page, "downloads", std::move(downloads));
  SetMoved(&page, "toc", std::move(toc));
  return page;
}

TemplateData LessonEmbedData(const BuiltLesson& built, const RenderOptions& options) {
  TemplateData embed;
  SetCourseChrome(options.course, &embed);
  const EmbedPaths paths = EmbedPathsFor(built, options);
  embed.set("assets", paths.assets);
  embed.set("embed_label", built.lesson->title);
  const VariantSwitch switcher = DescribeVariantSwitch(built.lesson->variants, *built.text);
  embed.set("switch_label", switcher.label);
  TemplateList variants;
  variants.reserve(built.variants.size());  // a list growing copies its items
  for (std::size_t i = 0; i < built.variants.size(); ++i)
    variants.push_back(PlayerVariantData(built.variants[i], i, options, switcher.differences[i], paths.files));
  SetMoved(&embed, "variants", std::move(variants));
  embed.set("several_variants", built.variants.size() > 1);
  if (!built.variants.empty() && !built.variants[0].story.beats.empty())
    embed.set("first_frame", FrameData(built.variants[0], 0, options, paths.files));
  embed.set("player_json", PlayerJson(built, options, paths.files));
  return embed;
}

EmbedPaths EmbedPathsFor(const BuiltLesson& built, const RenderOptions& options) {
  if (options.base_url.empty()) return {"../assets/", ""};
  return {options.base_url + "assets/", options.base_url + built.lesson->id + "/"};
}

bool WriteLessonEmbed(const BuiltLesson& built, const RenderOptions& options, FileSink& sink,
                      std::vector<Diagnostic>* diagnostics) {
  if (!options.Wants("embed")) return true;
  auto fail = [&](const std::string& message) { return ReportWriteFailure(diagnostics, built.lesson->path, message); };
  TemplateSet templates;
  std::string error, html;
  if (!templates.Load(ResolveTemplatesDir(options), &error)) return fail(error);
  if (!templates.Render("embed", LessonEmbedData(built, options), &html, &error)) return fail(error);
  if (!sink.Put(kEmbedPath, html, &error)) return fail("cannot write " + std::string(kEmbedPath) + ": " + error);
  return true;
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
  if (!WritesFrames(options)) return true;
  for (const BuiltVariant& bv : built.variants) {
    if (bv.story.beats.empty()) continue;
    const std::string path = FrameListingPath(bv.slug);
    if (!templates.Render("frames", FrameListingData(built, bv, options), &html, &error)) return fail(error);
    if (!sink.Put(path, html, &error)) return fail("cannot write " + path + ": " + error);
  }
  return true;
}

}  // namespace cl
