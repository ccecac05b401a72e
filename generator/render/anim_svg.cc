#include "render/anim_svg.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <span>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "base/number_format.h"
#include "base/sha256.h"
#include "render/svg_writer.h"
#include "scene/palette.h"

namespace cl {

namespace {

// Keeps [A-Za-z0-9_-] and makes sure the result starts with a letter, so it
// is a valid XML id and CSS identifier start.
std::string CleanPrefix(std::string_view prefix) {
  std::string out;
  for (char c : prefix) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-') out += c;
  }
  if (out.empty() || !std::isalpha(static_cast<unsigned char>(out[0]))) out.insert(0, "anim-");
  return out;
}

// The parts of a scene that beats share (the image, the filter, maps not yet
// changing, the legend) are written once in <defs> and placed with <use>:
// a part is a top-level group of the scene (or a lone top-level shape), and
// two parts are the same when the SVG writer writes them identically.
class SharedParts {
 public:
  explicit SharedParts(std::string prefix) : prefix_(std::move(prefix)) {}

  // <use> elements drawing `scene`'s parts, in order.
  std::string Uses(Scene scene) {
    last_frame_ = std::exchange(this_frame_, {});
    last_scene_ = std::exchange(this_scene_, std::move(scene));
    const Scene& now = this_scene_;
    std::string out;
    size_t begin = 0;
    int depth = 0;
    for (size_t i = 0; i < now.items.size(); ++i) {
      if (std::holds_alternative<GroupBegin>(now.items[i])) ++depth;
      if (std::holds_alternative<GroupEnd>(now.items[i])) depth = std::max(0, depth - 1);
      if (depth == 0) {
        out += fmt::format("<use xlink:href=\"#{}\"/>\n", PartId(now, begin, i + 1));
        begin = i + 1;
      }
    }
    if (begin < now.items.size()) {  // an unclosed group runs to the end
      out += fmt::format("<use xlink:href=\"#{}\"/>\n", PartId(now, begin, now.items.size()));
    }
    return out;
  }

  const std::string& defs() const { return defs_; }

 private:
  // The SVG of items [begin, end).
  static std::string Body(const Scene& scene, size_t begin, size_t end, std::string_view id_prefix) {
    return WriteSvgItems(std::span(scene.items).subspan(begin, end - begin), id_prefix);
  }

  // What identifies a part: its SVG, except that blocks of cells (which the
  // writer encodes as images, slowly) are compared by their numbers, each
  // written as an empty group in its place.
  static std::string Key(const Scene& scene, size_t begin, size_t end) {
    static const std::string kCellsInPlace = WriteSvgItems(std::vector<SceneItem>{GroupBegin{"cells", "", ""}, GroupEnd{}}, "");
    std::string key, cells;
    size_t run = begin;  // items not cells from here
    for (size_t i = begin; i < end; ++i) {
      const auto* c = std::get_if<CellsShape>(&scene.items[i]);
      if (c == nullptr) continue;
      key += Body(scene, run, i, "");
      key += kCellsInPlace;
      run = i + 1;
      cells += fmt::format("{} {} {} {} {} {}:", c->x, c->y, c->cell_w, c->cell_h, c->rows, c->cols);
      for (std::size_t k = 0; k < c->fills.size(); ++k) {
        const Color f = c->fills[k];
        cells.append({static_cast<char>(f.r), static_cast<char>(f.g), static_cast<char>(f.b)});
      }
    }
    key += Body(scene, run, end, "");
    return key + '\0' + cells;
  }

  // A part of this_scene_.
  std::string PartId(const Scene& scene, size_t begin, size_t end) {
    // Most parts are the frame before's, item for item: those take its id
    // without being written out (the key of a photograph's map of numbers
    // was a tenth of its lesson's CPU). Equal items write equal keys.
    const auto first = scene.items.begin() + static_cast<std::ptrdiff_t>(begin);
    const auto last = scene.items.begin() + static_cast<std::ptrdiff_t>(end);
    for (const Part& before : last_frame_) {
      const auto before_first = last_scene_.items.begin() + static_cast<std::ptrdiff_t>(before.begin);
      const auto before_last = last_scene_.items.begin() + static_cast<std::ptrdiff_t>(before.end);
      if (std::equal(first, last, before_first, before_last)) return this_frame_.emplace_back(Part{begin, end, before.id}).id;
    }
    // The others by the digest of their key: a lesson of 400 beats over a
    // 512x512 image held 300 MB of keys (a block of cells is 3 bytes a cell).
    const std::string digest = Sha256Hex(Key(scene, begin, end));
    auto it = ids_.find(digest);
    if (it == ids_.end()) {
      std::string id = fmt::format("{}d{}", prefix_, ids_.size() + 1);
      defs_ += "<g id=\"" + id + "\">\n" + Body(scene, begin, end, id + "-") + "</g>\n";
      it = ids_.emplace(digest, std::move(id)).first;
    }
    return this_frame_.emplace_back(Part{begin, end, it->second}).id;
  }

  // A part of a frame: items [begin, end) of its scene, and its id in <defs>.
  struct Part {
    size_t begin, end;
    std::string id;
  };

  std::string prefix_;
  std::map<std::string, std::string> ids_;  // SHA-256 of a part's Key -> its id in <defs>
  Scene last_scene_, this_scene_;           // the frame before, and this one
  std::vector<Part> last_frame_, this_frame_;
  std::string defs_;
};

}  // namespace

std::string WriteAnimatedSvg(const AnimationPlan& plan, const BeatSceneFn& scene_at, std::string_view id_prefix,
                             std::string_view title, double scale) {
  const std::string p = CleanPrefix(id_prefix);
  long long cycle_ms = CycleMs(plan);
  if (cycle_ms <= 0) cycle_ms = 1;

  const Scene first = plan.frames.empty() ? Scene{} : scene_at(plan.frames.front().beat);
  const std::string w = SvgNumber(first.width), h = SvgNumber(first.height);

  std::string out;
  out += kXmlDeclaration;
  // The frames' root element and font, so the animation's text matches theirs.
  out += SvgDocumentStart(first.width, first.height, p, title, plan.description, scale);

  // One keyframes rule per hold time: visible for the hold's share of the
  // cycle. Every frame starts its animation at a negative delay, so all run
  // from the first instant and the static rules below apply only when nothing
  // animates.
  out += "<style>\n";
  out += fmt::format(".{0}beat{{visibility:hidden;animation-duration:{1}ms;animation-iteration-count:infinite;"
                     "animation-timing-function:step-end}}\n",
                     p, cycle_ms);
  out += fmt::format(".{0}beat.{0}still{{visibility:visible}}\n", p);
  std::set<int> holds;
  for (const AnimationFrame& f : plan.frames) holds.insert(f.hold_ms);
  for (int hold : holds) {
    // Rounded up, so a beat never hides before the next one shows: rounded
    // to 3 decimals, a 160 s loop's 800 ms beats ended 0.7 ms early, and a
    // browser showed the blank picture between them now and then.
    const double share = std::ceil(100.0 * hold / static_cast<double>(cycle_ms) * 1e4) / 1e4;
    if (share >= 100.0) {
      out += fmt::format("@keyframes {0}hold{1}{{0%,100%{{visibility:visible}}}}\n", p, hold);
    } else {
      out += fmt::format("@keyframes {0}hold{1}{{0%{{visibility:visible}}{2}%,100%{{visibility:hidden}}}}\n", p, hold,
                         FormatNumberRounded(share, 4));
    }
    out += fmt::format(".{0}hold{1}{{animation-name:{0}hold{1}}}\n", p, hold);
  }
  out += fmt::format(
      "@media (prefers-reduced-motion: reduce){{.{0}beat{{animation:none;visibility:hidden}}"
      ".{0}beat.{0}still{{visibility:visible}}}}\n",
      p);
  out += "</style>\n";
  // Under every beat, so that no instant ever shows an empty picture.
  out += fmt::format("<rect width=\"{}\" height=\"{}\" fill=\"{}\"/>\n", w, h, HexColor(first.background));

  SharedParts parts(p);
  std::string beats;
  long long start_ms = 0;
  bool still_marked = false;
  for (size_t i = 0; i < plan.frames.size(); ++i) {
    const AnimationFrame& f = plan.frames[i];
    const long long delay_ms = start_ms == 0 ? 0 : start_ms - cycle_ms;
    // The still beat is marked once, on its first frame.
    const bool still = !still_marked && f.beat == plan.still_beat;
    still_marked = still_marked || still;
    beats += fmt::format("<g id=\"{0}b{1:03}\" class=\"{0}beat {0}hold{2}{3}\" style=\"animation-delay:{4}ms\">\n", p,
                         i + 1, f.hold_ms, still ? fmt::format(" {}still", p) : std::string(), delay_ms);
    beats += parts.Uses(i == 0 ? first : scene_at(f.beat));
    beats += "</g>\n";
    start_ms += f.hold_ms;
  }
  out += "<defs>\n" + parts.defs() + "</defs>\n";
  out += beats;
  out += "</svg>\n";
  return out;
}

}  // namespace cl
