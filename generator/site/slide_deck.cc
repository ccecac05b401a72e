#include "site/slide_deck.h"

#include <fmt/format.h>

#include "compute/compute.h"
#include "lesson/course.h"
#include "render/cairo_scene_pdf.h"
#include "storyboard/captions.h"
#include "storyboard/settings_text.h"
#include "site/write_failure.h"

namespace cl {

TitleSlideText LessonTitleSlide(const BuiltLesson& built, const Course& course) {
  TitleSlideText text;
  text.title = built.lesson->title;
  text.summary = built.lesson->summary;
  const Messages& m = *built.text;
  for (const BuiltVariant& bv : built.variants) {
    const Variant& v = *bv.variant;
    const int filters = FilterCount(v);
    const std::string size = SizeText(v.filter.weights.rows, v.filter.weights.cols);
    const std::string filter_words = filters > 1
                                         ? m.Text(Msg::slide_filters_size, {{"count", std::to_string(filters)}, {"size", size}})
                                         : m.Text(Msg::slide_filter_size, {{"size", size}});
    std::string fact = m.Text(Msg::slide_variant_settings, {{"label", v.label},
                                                             {"image", SizeText(v.image->rows, v.image->cols)},
                                                             {"filters", filter_words},
                                                             {"conv", ConvSettingsWords(v.conv, m)},
                                                             {"activation", ActivationInSentence(v.activation, m)}});
    if (v.pool.enabled) fact += ", " + PoolSettingsWords(v.pool, m);
    text.facts.push_back(std::move(fact));
  }
  if (course.HasFile()) {
    text.footer = course.title;
    if (!course.author.empty()) text.footer += " · " + course.author;
  }
  return text;
}

int SlideCount(const BuiltLesson& built) {
  int count = 1;
  for (const BuiltVariant& bv : built.variants) count += static_cast<int>(bv.story.beats.size());
  return count;
}

bool WriteSlideDeck(const BuiltLesson& built, const RenderOptions& options, FileSink& sink,
                    std::vector<Diagnostic>* diagnostics) {
  if (!options.Wants("slides")) return true;
  // Frames in the slides layout: the lesson's own geometry when that is its
  // layout, else planned once per variant for the deck.
  std::vector<FrameGeometry> geometries;
  for (const BuiltVariant& bv : built.variants) {
    if (built.layout == FrameLayout::Slides) {
      geometries.push_back(bv.geometry);
    } else {
      LayoutInput input = LayoutInputFor(built, bv);
      input.layout = FrameLayout::Slides;
      geometries.push_back(PlanFrameGeometry(input));
    }
  }
  const TitleSlideText title = LessonTitleSlide(built, options.course);
  auto slide = [&](int index) -> Scene {
    if (index == 0) return LayoutTitleSlide(title);
    int beat = index - 1;
    for (std::size_t v = 0; v < built.variants.size(); ++v) {
      const BuiltVariant& bv = built.variants[v];
      const int beats = static_cast<int>(bv.story.beats.size());
      if (beat < beats) {
        LayoutInput input = LayoutInputFor(built, bv);
        input.layout = FrameLayout::Slides;
        return LayoutBeat(input, geometries[v], beat);
      }
      beat -= beats;
    }
    return Scene{};
  };
  ScenePdfOptions pdf_options;
  pdf_options.title = built.lesson->title;
  pdf_options.author = options.course.author;
  pdf_options.source_date_epoch = options.source_date_epoch;
  std::string error;
  const int count = SlideCount(built);
  const FileFiller pdf = [&](const PieceWriter& write, std::string* e) {
    return WriteSlideDeckPdf(count, slide, pdf_options, write, e);
  };
  if (!sink.PutFrom(kSlidesPath, pdf, &error))
    return ReportWriteFailure(diagnostics, built.lesson->path, fmt::format("cannot write {}: {}", kSlidesPath, error));
  return true;
}

}  // namespace cl
