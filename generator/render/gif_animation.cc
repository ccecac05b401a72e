#include "render/gif_animation.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "render/cairo_png.h"
#include "render/gif_encoder.h"
#include "render/gif_palette.h"

namespace cl {

namespace {

constexpr int kMaxShades = 64;  // antialiasing shades besides the exact colours (see GifPalette::Build)
// Weight of a line or a text run relative to one unit of filled area: enough
// that a thin amber window outline outranks a few stray pixels of fill.
constexpr double kStrokeWeight = 400.0;
constexpr double kTextWeight = 200.0;

void AddWeight(std::unordered_map<uint32_t, double>* weights, const Color& c, double w) {
  (*weights)[PackRgb(c)] += w;
}

// `image` placed at the top-left of a width x height canvas of `background`
// (frames of one variant share their geometry, so this is normally a copy).
RasterImage FitToCanvas(RasterImage image, int width, int height, const Color& background) {
  if (image.width == width && image.height == height) return image;
  RasterImage canvas;
  canvas.width = width;
  canvas.height = height;
  canvas.argb.assign(static_cast<size_t>(width) * static_cast<size_t>(height), 0xff000000u | PackRgb(background));
  const int w = std::min(width, image.width), h = std::min(height, image.height);
  for (int y = 0; y < h; ++y) {
    std::copy_n(image.argb.begin() + static_cast<std::ptrdiff_t>(y) * image.width, w,
                canvas.argb.begin() + static_cast<std::ptrdiff_t>(y) * width);
  }
  return canvas;
}

// Counts colours not already exact. Runs of one colour are counted together,
// which keeps the hash lookups to a few per row.
void CountShades(const RasterImage& image, const GifPalette& exact_only, ColorHistogram* histogram) {
  const auto& exact = exact_only.colors();
  std::set<uint32_t> exact_set;
  for (const Color& c : exact) exact_set.insert(PackRgb(c));
  uint32_t run_color = 0;
  uint64_t run = 0;
  auto flush = [&] {
    if (run > 0 && exact_set.count(run_color) == 0) (*histogram)[run_color] += run;
    run = 0;
  };
  for (uint32_t px : image.argb) {
    const uint32_t rgb = px & 0xffffff;
    if (run > 0 && rgb != run_color) flush();
    run_color = rgb;
    ++run;
  }
  flush();
}

}  // namespace

void CollectSceneColors(const Scene& scene, std::unordered_map<uint32_t, double>* weights) {
  AddWeight(weights, scene.background, scene.width * scene.height);
  for (const SceneItem& item : scene.items) {
    if (const auto* r = std::get_if<RectShape>(&item)) {
      if (r->has_fill) AddWeight(weights, r->fill, r->w * r->h);
      if (r->has_stroke) AddWeight(weights, r->stroke, kStrokeWeight);
    } else if (const auto* l = std::get_if<LineShape>(&item)) {
      AddWeight(weights, l->stroke, kStrokeWeight);
    } else if (const auto* t = std::get_if<TextShape>(&item)) {
      AddWeight(weights, t->color, kTextWeight);
    } else if (const auto* c = std::get_if<CellsShape>(&item)) {
      for (const Color& fill : c->fills) AddWeight(weights, fill, c->cell_w * c->cell_h);
    }
  }
}

bool WriteBeatsGif(const AnimationPlan& plan, const BeatSceneFn& scene_at, double scale, std::string* gif,
                   std::string* error) {
  if (plan.frames.empty()) {
    if (error) *error = "gif: the animation plan has no frames";
    return false;
  }
  // Each beat the plan shows, once, in order of first appearance.
  std::vector<int> shown;
  for (const AnimationFrame& f : plan.frames)
    if (std::find(shown.begin(), shown.end(), f.beat) == shown.end()) shown.push_back(f.beat);

  // Every colour any shown beat names, background first, then by weight.
  std::unordered_map<uint32_t, double> weights;
  Color background;
  for (size_t k = 0; k < shown.size(); ++k) {
    const Scene scene = scene_at(shown[k]);
    if (k == 0) background = scene.background;
    CollectSceneColors(scene, &weights);
  }
  std::vector<std::pair<uint32_t, double>> ranked(weights.begin(), weights.end());
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  std::vector<Color> exact{background};
  for (const auto& [rgb, weight] : ranked) {
    exact.push_back(Color{static_cast<uint8_t>(rgb >> 16), static_cast<uint8_t>(rgb >> 8), static_cast<uint8_t>(rgb)});
  }

  const GifPalette exact_only = GifPalette::Build(exact, {});
  ColorHistogram shades;
  int width = 0, height = 0;
  std::map<int, RasterImage> sampled;  // kept to be encoded without painting them again
  for (int i : plan.palette_beats) {
    RasterImage image = RasterizeScene(scene_at(i), scale);
    CountShades(image, exact_only, &shades);
    sampled.emplace(i, std::move(image));
  }
  // The canvas is the first frame's size: frames of one variant share it.
  const int first_beat = plan.frames.front().beat;
  if (sampled.count(first_beat) == 0) sampled.emplace(first_beat, RasterizeScene(scene_at(first_beat), scale));
  width = sampled.at(first_beat).width;
  height = sampled.at(first_beat).height;

  // A painted beat is kept until the plan's last use of it.
  std::map<int, size_t> last_use;
  for (size_t k = 0; k < plan.frames.size(); ++k) last_use[plan.frames[k].beat] = k;

  GifAnimationEncoder encoder(width, height, GifPalette::Build(exact, shades, kMaxShades));
  for (size_t k = 0; k < plan.frames.size(); ++k) {
    const AnimationFrame& frame = plan.frames[k];
    RasterImage image;
    if (auto it = sampled.find(frame.beat); it != sampled.end()) {
      if (last_use[frame.beat] == k) {
        image = std::move(it->second);
        sampled.erase(it);
      } else {
        image = it->second;
      }
    } else {
      image = RasterizeScene(scene_at(frame.beat), scale);
      if (last_use[frame.beat] != k) sampled.emplace(frame.beat, image);
    }
    image = FitToCanvas(std::move(image), width, height, background);
    const int delay_cs = (frame.hold_ms + 5) / 10;
    if (!encoder.AddFrame(image, delay_cs, error)) return false;
  }
  return encoder.Finish(gif, error);
}

}  // namespace cl
