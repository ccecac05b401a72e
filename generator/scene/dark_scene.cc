#include "scene/dark_scene.h"

#include <cmath>
#include <cstdint>
#include <algorithm>
#include <functional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/thread_owned.h"
#include "base/value_memo.h"
#include "scene/palette.h"

namespace cl {
namespace {

bool IsGrey(Color c) { return c.r == c.g && c.g == c.b; }

// The light diverging scale sampled finely, each light colour with the dark
// colour of the same value: a colour the layout took from DivergingColor
// finds its value's dark colour (the nearest sample when it falls between two).
class ScaleInverse {
 public:
  ScaleInverse() {
    for (int k = -kSteps; k <= kSteps; ++k) {
      const double value = static_cast<double>(k) / kSteps;
      const Color light = DivergingColor(value, 1.0);
      if (exact_.emplace(PackRgb(light), DarkDivergingColor(value, 1.0)).second) samples_.push_back(light);
    }
  }

  // Immutable once built: frames are drawn on several threads at once.
  Color Dark(Color light) const {
    auto found = exact_.find(PackRgb(light));
    if (found != exact_.end()) return found->second;
    const Color* best = &samples_.front();
    int best_distance = 1 << 30;
    for (const Color& s : samples_) {
      const int dr = s.r - light.r, dg = s.g - light.g, db = s.b - light.b;
      const int d = dr * dr + dg * dg + db * db;
      if (d < best_distance) {
        best_distance = d;
        best = &s;
      }
    }
    return exact_.at(PackRgb(*best));
  }

 private:
  static constexpr int kSteps = 2048;
  std::unordered_map<std::uint32_t, Color> exact_;
  std::vector<Color> samples_;
};

// The dark colours of fills already asked for, per thread.
struct DarkFills : ValueMemo<Color, 1, 12> {};

const ScaleInverse& Inverse() {
  static const ScaleInverse inverse;
  return inverse;
}

// Black or white text, whichever contrasts more with the cell: at least 4.58:1
// on any colour (the worst is a fill whose luminance is about 0.18), where a
// softer ink would fall below 4.5:1 on the scale's middle tones.
Color InkOn(Color fill) {
  const double l = RelativeLuminance(fill);
  return (1.05 / (l + 0.05)) >= ((l + 0.05) / 0.05) ? Color{255, 255, 255} : Color{0, 0, 0};
}

struct Cell {
  Color light, dark;
  double x, y, w, h;
  bool Contains(double px, double py) const { return px >= x && px <= x + w && py >= y && py <= y + h; }
};

// The filled rectangles of one group, found by a point: grids are uniform,
// so cells aligned with the first one are found by row and column.
class CellIndex {
 public:
  void Add(const Cell& cell) {
    if (!grid_) {
      grid_ = true;
      x0_ = cell.x;
      y0_ = cell.y;
      w_ = cell.w;
      h_ = cell.h;
    }
    const double c = (cell.x - x0_) / w_, r = (cell.y - y0_) / h_;
    if (w_ > 0 && h_ > 0 && cell.w == w_ && cell.h == h_ && std::fabs(c - std::round(c)) < 1e-6 &&
        std::fabs(r - std::round(r)) < 1e-6) {
      aligned_.Put({std::lround(r), std::lround(c)}, cell);
    } else {
      others_.push_back(cell);
    }
  }

  const Cell* Find(double x, double y) const {
    if (grid_ && w_ > 0 && h_ > 0) {
      const Cell* found =
          aligned_.Find({static_cast<long>(std::floor((y - y0_) / h_)), static_cast<long>(std::floor((x - x0_) / w_))});
      if (found != nullptr && found->Contains(x, y)) return found;
    }
    for (auto it = others_.rbegin(); it != others_.rend(); ++it)
      if (it->Contains(x, y)) return &*it;
    return nullptr;
  }

 private:
  // Cells by (row, column), the last put of a place kept: open addressing
  // over flat arrays. A node-based map allocated a node per cell of every
  // frame (a photograph's frames have 1500), which with its hashing was most
  // of darkening them.
  class CellsByPlace {
   public:
    using Place = std::pair<long, long>;
    void Put(const Place& place, const Cell& cell) {
      if (2 * (cells_.size() + 1) > slots_.size()) Grow();
      Slot& slot = slots_[SlotOf(place)];
      if (slot.cell < 0) {
        slot = {place, static_cast<int>(cells_.size())};
        cells_.push_back(cell);
      } else {
        cells_[static_cast<std::size_t>(slot.cell)] = cell;
      }
    }
    const Cell* Find(const Place& place) const {
      if (slots_.empty()) return nullptr;
      const Slot& slot = slots_[SlotOf(place)];
      return slot.cell < 0 ? nullptr : &cells_[static_cast<std::size_t>(slot.cell)];
    }

   private:
    struct Slot {
      Place place;
      int cell = -1;  // its index in cells_; -1: free
    };
    // The slot holding `place`, or the free one where it goes.
    std::size_t SlotOf(const Place& place) const {
      const std::size_t mask = slots_.size() - 1;
      const auto hash = static_cast<std::uint64_t>(place.first) * 0x9E3779B97F4A7C15ull ^
                        static_cast<std::uint64_t>(place.second) * 0xC2B2AE3D27D4EB4Full;
      for (std::size_t at = static_cast<std::size_t>(hash >> 32) & mask;; at = (at + 1) & mask)
        if (slots_[at].cell < 0 || slots_[at].place == place) return at;
    }
    void Grow() {
      std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(std::max<std::size_t>(64, 2 * slots_.size())));
      for (const Slot& slot : old)
        if (slot.cell >= 0) slots_[SlotOf(slot.place)] = slot;
    }
    std::vector<Slot> slots_;  // a power of two of them, at most half used
    std::vector<Cell> cells_;
  };

  bool grid_ = false;
  double x0_ = 0, y0_ = 0, w_ = 0, h_ = 0;
  CellsByPlace aligned_;
  std::vector<Cell> others_;
};

struct Group {
  bool picture = false;  // the image's grid or the legend: greys are the picture's
  bool window = false;   // highlights and marks
  CellIndex cells;
};

class Darkener {
 public:
  Color Fill(Color light) const {
    if (picture() && IsGrey(light)) return light;
    if (light == palette::kBackground) return dark_palette::kBackground;
    if (light == palette::kPaddingCell) return dark_palette::kPaddingCell;
    if (light == palette::kAmber) return light;
    // Frames repeat few colours many times, and a lesson's frames the same
    // ones: each thread looks a colour up once (a memo per scene, filled
    // anew for each frame, was most of darkening a photograph's frames).
    return ThreadOwned<DarkFills>().Get(PackRgb(light), [light](double) { return Inverse().Dark(light); });
  }

  Color Line(Color light) const {
    if (light == palette::kGridLine) return dark_palette::kGridLine;
    if (light == palette::kGridBorder) return dark_palette::kGridBorder;
    if (light == palette::kPaddingHatch) return dark_palette::kPaddingHatch;
    if (light == palette::kMutedInk) return dark_palette::kMutedInk;
    if (light == palette::kInk) return dark_palette::kInk;
    if (light == palette::kBackground) return dark_palette::kBackground;
    return light;  // amber
  }

  Color Text(const TextShape& t) const {
    if (t.color == palette::kPaddingInk) return dark_palette::kPaddingInk;
    // The middle of the glyphs: the cell a number sits in.
    const Cell* under = FindCell(t.x, t.y - 0.35 * t.size, /*all_groups=*/false);
    if (under != nullptr) return InkOn(under->dark);
    if (t.color == palette::kMutedInk) return dark_palette::kMutedInk;
    return dark_palette::kInk;
  }

  // A window's outline: the dark rim under the amber stays dark; a mark on a
  // cell takes the ink that reads on that cell's dark colour.
  Color Outline(const RectShape& r, const RectShape* next) const {
    if (r.stroke == palette::kWindowEdge && next != nullptr && next->stroke == palette::kAmber && next->x == r.x &&
        next->y == r.y && next->w == r.w && next->h == r.h)
      return r.stroke;
    if (window() && r.stroke == palette::kInk) {
      const Cell* under = FindCell(r.x + r.w / 2, r.y + r.h / 2, /*all_groups=*/true);
      if (under != nullptr) return InkOn(under->dark);
    }
    return Line(r.stroke);
  }

  void Begin(const GroupBegin& g) {
    Group group;
    group.picture = (g.role == "grid" && g.id == "input") || g.role == "legend" || (!groups_.empty() && picture());
    group.window = g.role == "window" || (!groups_.empty() && window());
    groups_.push_back(std::move(group));
  }

  void End() {
    if (groups_.empty()) return;
    closed_.push_back(std::move(groups_.back().cells));
    groups_.pop_back();
  }

  void AddCell(const Cell& cell) {
    if (groups_.empty()) top_.Add(cell);
    else groups_.back().cells.Add(cell);
  }

 private:
  bool picture() const { return !groups_.empty() && groups_.back().picture; }
  bool window() const { return !groups_.empty() && groups_.back().window; }

  const Cell* FindCell(double x, double y, bool all_groups) const {
    if (!groups_.empty()) {
      if (const Cell* c = groups_.back().cells.Find(x, y)) return c;
    } else if (const Cell* c = top_.Find(x, y)) {
      return c;
    }
    if (!all_groups) return nullptr;
    for (auto it = closed_.rbegin(); it != closed_.rend(); ++it)
      if (const Cell* c = it->Find(x, y)) return c;
    return nullptr;
  }

  std::vector<Group> groups_;
  std::vector<CellIndex> closed_;  // groups already drawn, for marks drawn over them
  CellIndex top_;
};

}  // namespace

Scene DarkScene(const Scene& light) {
  Scene dark = light;
  dark.background = light.background == palette::kBackground ? dark_palette::kBackground : light.background;
  Darkener d;
  for (std::size_t i = 0; i < dark.items.size(); ++i) {
    SceneItem& item = dark.items[i];
    if (auto* r = std::get_if<RectShape>(&item)) {
      if (r->has_fill) {
        const Color lit = r->fill;
        r->fill = d.Fill(lit);
        d.AddCell({lit, r->fill, r->x, r->y, r->w, r->h});
      }
      if (r->has_stroke) {
        const RectShape* next = i + 1 < light.items.size() ? std::get_if<RectShape>(&light.items[i + 1]) : nullptr;
        r->stroke = d.Outline(std::get<RectShape>(light.items[i]), next);
      }
    } else if (auto* l = std::get_if<LineShape>(&item)) {
      l->stroke = d.Line(l->stroke);
    } else if (auto* t = std::get_if<TextShape>(&item)) {
      t->color = d.Text(*t);
    } else if (auto* c = std::get_if<CellsShape>(&item)) {
      // A run of one colour (a map's empty cells) is recoloured once.
      Color run_light, run_dark;
      bool any = false;
      std::vector<Color> dark_fills(c->fills.size());
      for (std::size_t k = 0; k < dark_fills.size(); ++k) {
        const Color f = c->fills[k];
        if (!any || !(f == run_light)) run_light = f, run_dark = d.Fill(f), any = true;
        dark_fills[k] = run_dark;
      }
      c->fills = BlockFills(std::move(dark_fills));
    } else if (const auto* g = std::get_if<GroupBegin>(&item)) {
      d.Begin(*g);
    } else if (std::holds_alternative<GroupEnd>(item)) {
      d.End();
    }
  }
  return dark;
}

}  // namespace cl
