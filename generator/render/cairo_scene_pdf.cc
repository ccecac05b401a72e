#include "render/cairo_scene_pdf.h"

#include <cairo.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "render/cairo_painter.h"
#include "render/cairo_pdf_stream.h"

namespace cl {
namespace {

PdfStreamInfo InfoOf(const ScenePdfOptions& options) {
  return {options.title, options.author, "", options.source_date_epoch};
}

// A deck's outermost groups that repeat from one slide to the next (the
// image's grid, through every beat of a convolution): from its second
// slide on, such a group is painted from one recording, which the PDF holds
// once, as a form its pages share, instead of item by item on every page
// (a 1808-beat lesson's 40x40 image, with its numbers, on every slide).
// Which groups are recorded depends only on the slides, in order.
class RepeatedGroups {
 public:
  RepeatedGroups() = default;
  RepeatedGroups(const RepeatedGroups&) = delete;
  RepeatedGroups& operator=(const RepeatedGroups&) = delete;
  ~RepeatedGroups() {
    for (auto& [id, group] : groups_) Drop(&group);
  }

  // PaintScene's RecordedGroup: the recording of items[begin, end) when the
  // slide before had the same group, the same items.
  cairo_surface_t* Recorded(const Scene& scene, std::size_t begin, std::size_t end) {
    const std::string& id = std::get<GroupBegin>(scene.items[begin]).id;
    Group& group = groups_[id];
    const auto first = scene.items.begin() + static_cast<std::ptrdiff_t>(begin);
    const auto last = scene.items.begin() + static_cast<std::ptrdiff_t>(end);
    const bool same = scene.width == group.width && scene.height == group.height &&
                      std::equal(first, last, group.items.begin(), group.items.end());
    if (!same) {  // new, or changed: drawn as it is
      Drop(&group);
      group.items.assign(first, last);
      group.width = scene.width, group.height = scene.height;
      return nullptr;
    }
    if (group.recording == nullptr) {
      const cairo_rectangle_t scene_box{0, 0, scene.width, scene.height};
      group.recording = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &scene_box);
      cairo_t* cr = cairo_create(group.recording);
      PaintItems(cr, scene, begin, end);
      cairo_destroy(cr);
    }
    return cairo_surface_status(group.recording) == CAIRO_STATUS_SUCCESS ? group.recording : nullptr;
  }

 private:
  struct Group {
    std::vector<SceneItem> items;  // as the slide before drew them
    double width = 0, height = 0;  // that slide's scene (the recording's bounds)
    cairo_surface_t* recording = nullptr;
  };
  // The PDF keeps its own reference to a recording it painted.
  static void Drop(Group* group) {
    if (group->recording != nullptr) cairo_surface_destroy(group->recording);
    group->recording = nullptr;
  }
  std::map<std::string, Group> groups_;
};

}  // namespace

bool WriteSceneFigurePdf(const Scene& scene, const ScenePdfOptions& options, std::string* pdf, std::string* error) {
  return PdfIntoString(
      [&](const PieceWriter& write, std::string* e) {
        PdfStream stream(scene.width * kFigurePointsPerUnit, scene.height * kFigurePointsPerUnit, InfoOf(options), write);
        cairo_t* cr = stream.cr();
        cairo_scale(cr, kFigurePointsPerUnit, kFigurePointsPerUnit);
        PaintScene(cr, scene);
        cairo_show_page(cr);
        return stream.Finish(e);
      },
      pdf, error);
}

double SlideScale(double width, double height) {
  if (width <= 0 || height <= 0) return 0.5;
  return std::min({0.5, kSlideWidthPt / width, kSlideHeightPt / height});
}

bool WriteSlideDeckPdf(int count, const std::function<Scene(int)>& slide, const ScenePdfOptions& options,
                       std::string* pdf, std::string* error) {
  return PdfIntoString(
      [&](const PieceWriter& write, std::string* e) { return WriteSlideDeckPdf(count, slide, options, write, e); }, pdf,
      error);
}

bool WriteSlideDeckPdf(int count, const std::function<Scene(int)>& slide, const ScenePdfOptions& options,
                       const PieceWriter& write, std::string* error) {
  PdfStream stream(kSlideWidthPt, kSlideHeightPt, InfoOf(options), write);
  cairo_t* cr = stream.cr();
  RepeatedGroups repeated;
  const RecordedGroup recorded = [&repeated](const Scene& scene, std::size_t begin, std::size_t end) {
    return repeated.Recorded(scene, begin, end);
  };
  for (int i = 0; i < count && cairo_status(cr) == CAIRO_STATUS_SUCCESS; ++i) {
    const Scene scene = slide(i);
    const double scale = SlideScale(scene.width, scene.height);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_save(cr);
    cairo_translate(cr, (kSlideWidthPt - scene.width * scale) / 2, (kSlideHeightPt - scene.height * scale) / 2);
    cairo_scale(cr, scale, scale);
    PaintScene(cr, scene, recorded);
    cairo_restore(cr);
    cairo_show_page(cr);
  }
  return stream.Finish(error);
}

}  // namespace cl
