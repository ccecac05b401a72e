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
// Among the lines and texts (which all come before the fills), each line
// counts as two text runs.
constexpr double kStrokeWeight = 400.0;
constexpr double kTextWeight = 200.0;

void AddWeight(std::unordered_map<uint32_t, double>* weights, const Color& c, double w) {
  (*weights)[PackRgb(c)] += w;
}

// Colours by weight, heaviest first (ties: by value).
std::vector<uint32_t> Ranked(const std::unordered_map<uint32_t, double>& weights) {
  std::vector<std::pair<uint32_t, double>> ranked(weights.begin(), weights.end());
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  std::vector<uint32_t> colours;
  for (const auto& [rgb, weight] : ranked) colours.push_back(rgb);
  return colours;
}

}  // namespace

void CollectSceneColors(const Scene& scene, SceneColourWeights* weights) {
  AddWeight(&weights->fills, scene.background, scene.width * scene.height);
  for (const SceneItem& item : scene.items) {
    if (const auto* r = std::get_if<RectShape>(&item)) {
      if (r->has_fill) AddWeight(&weights->fills, r->fill, r->w * r->h);
      if (r->has_stroke) AddWeight(&weights->ink, r->stroke, kStrokeWeight);
    } else if (const auto* l = std::get_if<LineShape>(&item)) {
      AddWeight(&weights->ink, l->stroke, kStrokeWeight);
    } else if (const auto* t = std::get_if<TextShape>(&item)) {
      AddWeight(&weights->ink, t->color, kTextWeight);
    } else if (const auto* c = std::get_if<CellsShape>(&item)) {
      // A run of one colour (a map's empty cells, a picture's flat parts)
      // finds its entry once; its weight is still added cell by cell, so
      // the sums are the same to the last bit.
      const double w = c->cell_w * c->cell_h;
      for (std::size_t i = 0; i < c->fills.size();) {
        const Color fill = c->fills[i];
        double& sum = weights->fills[PackRgb(fill)];
        for (; i < c->fills.size() && c->fills[i] == fill; ++i) sum += w;
      }
    }
  }
}

std::vector<Color> ExactGifColours(const AnimationPlan& plan, const BeatSceneFn& scene_at) {
  // Each beat the plan shows, once, in order of first appearance.
  std::vector<int> shown;
  for (const AnimationFrame& f : plan.frames)
    if (std::find(shown.begin(), shown.end(), f.beat) == shown.end()) shown.push_back(f.beat);
  SceneColourWeights weights;
  Color background;
  for (size_t k = 0; k < shown.size(); ++k) {
    const Scene scene = scene_at(shown[k]);
    if (k == 0) background = scene.background;
    CollectSceneColors(scene, &weights);
  }
  // The lines and texts before any fill: a photograph's greys and a large
  // map's colours are more than a palette holds, and the amber window or a
  // caption's colour must not be what is left out.
  std::vector<Color> exact{background};
  for (const auto* part : {&weights.ink, &weights.fills})
    for (uint32_t rgb : Ranked(*part)) exact.push_back(UnpackRgb(rgb));
  return exact;
}

void CountGifShades(const ColourRuns& frame, const std::vector<Color>& exact, ColorHistogram* shades) {
  std::set<uint32_t> exact_set;
  for (const Color& c : exact) exact_set.insert(PackRgb(c));
  for (std::size_t i = 0; i < frame.colours.size(); ++i)
    if (frame.counts[i] > 0 && exact_set.count(frame.colours[i]) == 0) (*shades)[frame.colours[i]] += frame.counts[i];
}

GifPalette BeatsGifPalette(const std::vector<Color>& exact, const ColorHistogram& shades) {
  return GifPalette::Build(exact, shades, kMaxShades);
}

bool WriteBeatsGif(const AnimationPlan& plan, const BeatSceneFn& scene_at, double scale, std::string* gif,
                   std::string* error) {
  if (plan.frames.empty()) {
    if (error) *error = "gif: the animation plan has no frames";
    return false;
  }
  const std::vector<Color> exact = ExactGifColours(plan, scene_at);
  ColorHistogram shades;
  std::map<int, ColourRuns> sampled;  // kept to be encoded without painting them again
  for (int i : plan.palette_beats) {
    ColourRuns runs = DrawColourRuns(scene_at(i), scale);
    CountGifShades(runs, exact, &shades);
    sampled.emplace(i, std::move(runs));
  }
  // The canvas is the first frame's size: frames of one variant share it.
  const int first_beat = plan.frames.front().beat;
  if (sampled.count(first_beat) == 0) sampled.emplace(first_beat, DrawColourRuns(scene_at(first_beat), scale));
  const int width = sampled.at(first_beat).width, height = sampled.at(first_beat).height;

  // A painted beat is kept until the plan's last use of it.
  std::map<int, size_t> last_use;
  for (size_t k = 0; k < plan.frames.size(); ++k) last_use[plan.frames[k].beat] = k;

  GifPalette palette = BeatsGifPalette(exact, shades);
  const uint8_t fill = palette.Nearest(PackRgb(exact.front()));
  GifAnimationEncoder encoder(width, height, std::move(palette), fill);
  for (size_t k = 0; k < plan.frames.size(); ++k) {
    const AnimationFrame& frame = plan.frames[k];
    auto it = sampled.find(frame.beat);
    if (it == sampled.end()) it = sampled.emplace(frame.beat, DrawColourRuns(scene_at(frame.beat), scale)).first;
    const int delay_cs = (frame.hold_ms + 5) / 10;
    if (!encoder.AddFrame(it->second, delay_cs, error)) return false;
    if (last_use[frame.beat] == k) sampled.erase(it);
  }
  return encoder.Finish(gif, error);
}

}  // namespace cl
