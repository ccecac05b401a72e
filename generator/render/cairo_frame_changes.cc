#include "render/cairo_frame_changes.h"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <variant>

#include "render/cairo_painter.h"
#include "scene/text_metrics.h"

namespace cl {
namespace {

// More edits than this between two scenes (or boxes covering more than
// kMostOfTheFrame of it) and the frame is drawn whole: it would cost about
// as much, and the edit search stays small.
constexpr int kMaxEdits = 256;
constexpr double kMostOfTheFrame = 0.5;

// Pixels added around every box: anti-aliasing touches the pixel beside an
// edge, and a glyph's rasterised ink may reach a little past its outline.
constexpr int kMarginPixels = 2;

bool Same(const RectShape& a, const RectShape& b) {
  return std::tie(a.x, a.y, a.w, a.h, a.has_fill, a.fill, a.has_stroke, a.stroke, a.stroke_width, a.dashed) ==
         std::tie(b.x, b.y, b.w, b.h, b.has_fill, b.fill, b.has_stroke, b.stroke, b.stroke_width, b.dashed);
}
bool Same(const LineShape& a, const LineShape& b) {
  return std::tie(a.x1, a.y1, a.x2, a.y2, a.stroke, a.width, a.dashed) ==
         std::tie(b.x1, b.y1, b.x2, b.y2, b.stroke, b.width, b.dashed);
}
bool Same(const TextShape& a, const TextShape& b) {
  return std::tie(a.x, a.y, a.text, a.size, a.color, a.anchor, a.bold) ==
         std::tie(b.x, b.y, b.text, b.size, b.color, b.anchor, b.bold);
}
bool Same(const CellsShape& a, const CellsShape& b) {
  return std::tie(a.x, a.y, a.cell_w, a.cell_h, a.rows, a.cols, a.fills) ==
         std::tie(b.x, b.y, b.cell_w, b.cell_h, b.rows, b.cols, b.fills);
}
// Two blocks of the same cells (each with a fill per cell) in the same place.
bool SameCellGeometry(const CellsShape& a, const CellsShape& b) {
  const auto cells = [](const CellsShape& c) {
    return c.rows > 0 && c.cols > 0 && c.fills.size() == static_cast<std::size_t>(c.rows) * static_cast<std::size_t>(c.cols);
  };
  return std::tie(a.x, a.y, a.cell_w, a.cell_h, a.rows, a.cols) == std::tie(b.x, b.y, b.cell_w, b.cell_h, b.rows, b.cols) &&
         cells(a) && cells(b);
}

// For each item, how many matched (unchanged) items come before it: items
// of two scenes with the same count lie between the same two matched items.
std::vector<std::size_t> Gaps(const std::vector<bool>& changed) {
  std::vector<std::size_t> gaps(changed.size());
  std::size_t matched = 0;
  for (std::size_t i = 0; i < changed.size(); ++i) {
    gaps[i] = matched;
    if (!changed[i]) ++matched;
  }
  return gaps;
}

// The smallest block of `now`'s cells holding every cell that differs from
// `was` (of the same geometry): its box is all the two paint differently,
// as each pixel takes the cell under its centre (render/cairo_painter.cc).
// Nothing when no cell differs.
std::optional<CellsShape> ChangedCells(const CellsShape& was, const CellsShape& now) {
  int top = now.rows, bottom = -1, left = now.cols, right = -1;
  for (int r = 0; r < now.rows; ++r)
    for (int c = 0; c < now.cols; ++c) {
      const auto k = static_cast<std::size_t>(r) * static_cast<std::size_t>(now.cols) + static_cast<std::size_t>(c);
      if (was.fills[k] == now.fills[k]) continue;
      top = std::min(top, r), bottom = std::max(bottom, r), left = std::min(left, c), right = std::max(right, c);
    }
  if (bottom < 0) return std::nullopt;
  CellsShape block;
  block.x = now.x + now.cell_w * left, block.y = now.y + now.cell_h * top;
  block.cell_w = now.cell_w, block.cell_h = now.cell_h;
  block.rows = bottom - top + 1, block.cols = right - left + 1;  // only its box is used: no fills
  return block;
}

// Groups draw nothing: any two are the same to the pixels.
bool Same(const GroupBegin&, const GroupBegin&) { return true; }
bool Same(const GroupEnd&, const GroupEnd&) { return true; }

bool SameItem(const SceneItem& a, const SceneItem& b) {
  if (a.index() != b.index()) return false;
  return std::visit(
      [&b](const auto& x) { return Same(x, std::get<std::decay_t<decltype(x)>>(b)); }, a);
}

// What pairing a changed item with one of the scene before gave.
enum class Pairing { kNo, kPaired, kFailed };

// Offers each changed item of `after` of kind Shape to `pair` with the
// changed items of `before` of that kind in the same gap (see Gaps), first
// to last, until one pairs: both are then matched. False when `pair`
// failed. The candidates are listed once and found by their gap, which only
// grows along the items: scanning all of `before` for each changed item
// (a map row's 26 new numbers against a photograph frame's 2 700 items)
// was 7 % of drawing that lesson's frames.
template <typename Shape, typename Pair>
bool PairChanged(const Scene& before, const Scene& after, const std::vector<std::size_t>& before_gap,
                 const std::vector<std::size_t>& after_gap, std::vector<bool>* before_changed,
                 std::vector<bool>* after_changed, const Pair& pair) {
  std::vector<std::size_t> candidates;
  for (std::size_t i = 0; i < before.items.size(); ++i)
    if ((*before_changed)[i] && std::holds_alternative<Shape>(before.items[i])) candidates.push_back(i);
  if (candidates.empty()) return true;
  for (std::size_t j = 0; j < after.items.size(); ++j) {
    const auto* now = std::get_if<Shape>(&after.items[j]);
    if (!(*after_changed)[j] || now == nullptr) continue;
    auto it = std::lower_bound(candidates.begin(), candidates.end(), after_gap[j],
                               [&](std::size_t i, std::size_t gap) { return before_gap[i] < gap; });
    for (; it != candidates.end() && before_gap[*it] == after_gap[j]; ++it) {
      if (!(*before_changed)[*it]) continue;  // paired already
      const Pairing paired = pair(std::get<Shape>(before.items[*it]), *now);
      if (paired == Pairing::kFailed) return false;
      if (paired == Pairing::kNo) continue;
      (*before_changed)[*it] = (*after_changed)[j] = false;
      break;
    }
  }
  return true;
}

// Marks the items of `a` and `b` that are not in a longest common
// subsequence of the two (Myers' O(ND) difference, common ends trimmed
// first); false when more than kMaxEdits items differ.
bool MarkUnmatched(const std::vector<SceneItem>& a, const std::vector<SceneItem>& b, std::vector<bool>* a_changed,
                   std::vector<bool>* b_changed) {
  a_changed->assign(a.size(), false);
  b_changed->assign(b.size(), false);
  std::size_t lo = 0, a_hi = a.size(), b_hi = b.size();
  while (lo < a_hi && lo < b_hi && SameItem(a[lo], b[lo])) ++lo;
  while (a_hi > lo && b_hi > lo && SameItem(a[a_hi - 1], b[b_hi - 1])) --a_hi, --b_hi;
  const int n = static_cast<int>(a_hi - lo), m = static_cast<int>(b_hi - lo);
  if (n + m == 0) return true;
  const int max_d = std::min(n + m, kMaxEdits);
  const int offset = max_d + 1;
  std::vector<int> v(static_cast<std::size_t>(2 * max_d + 3), 0);
  std::vector<std::vector<int>> trace;
  auto same = [&](int x, int y) { return SameItem(a[lo + x], b[lo + y]); };
  for (int d = 0; d <= max_d; ++d) {
    trace.push_back(v);
    for (int k = -d; k <= d; k += 2) {
      int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      int y = x - k;
      while (x < n && y < m && same(x, y)) ++x, ++y;
      v[offset + k] = x;
      if (x < n || y < m) continue;
      // Walk back through the edits, marking each one's item.
      for (int e = d; e > 0; --e) {
        const std::vector<int>& before = trace[static_cast<std::size_t>(e)];
        const int kk = x - y;
        const bool down = kk == -e || (kk != e && before[offset + kk - 1] < before[offset + kk + 1]);
        const int prev_k = down ? kk + 1 : kk - 1;
        const int prev_x = before[offset + prev_k], prev_y = prev_x - prev_k;
        if (down)
          (*b_changed)[lo + static_cast<std::size_t>(prev_y)] = true;
        else
          (*a_changed)[lo + static_cast<std::size_t>(prev_x)] = true;
        x = prev_x, y = prev_y;
      }
      return true;
    }
  }
  return false;
}

// Measures text as the painter draws it, at the frame's scale.
class TextMeasure {
 public:
  explicit TextMeasure(double scale)
      : surface_(cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1), cairo_surface_destroy),
        cr_(cairo_create(surface_.get()), cairo_destroy) {
    cairo_scale(cr_.get(), scale, scale);
  }
  bool Box(const TextShape& t, double* left, double* top, double* right, double* bottom) {
    return cairo_status(cr_.get()) == CAIRO_STATUS_SUCCESS && TextInkBox(cr_.get(), t, left, top, right, bottom);
  }

 private:
  std::unique_ptr<cairo_surface_t, void (*)(cairo_surface_t*)> surface_;
  std::unique_ptr<cairo_t, void (*)(cairo_t*)> cr_;
};

// How far beyond the outlines Cairo measures a text's ink may reach.
double TextPad(const TextShape& text) { return std::abs(text.size) / 4; }

// The box, in scene units, an item may paint; false when it is not known.
// `none` is set for items that paint nothing.
bool ItemBox(const SceneItem& item, TextMeasure& measure, double* l, double* t, double* r, double* b, bool* none) {
  *none = false;
  if (const auto* rect = std::get_if<RectShape>(&item)) {
    const double pad = rect->has_stroke ? std::abs(rect->stroke_width) / 2 : 0;
    *l = std::min(rect->x, rect->x + rect->w) - pad, *r = std::max(rect->x, rect->x + rect->w) + pad;
    *t = std::min(rect->y, rect->y + rect->h) - pad, *b = std::max(rect->y, rect->y + rect->h) + pad;
    return true;
  }
  if (const auto* line = std::get_if<LineShape>(&item)) {
    const double pad = std::abs(line->width) / 2;  // butt caps: no further than half the width from an end
    *l = std::min(line->x1, line->x2) - pad, *r = std::max(line->x1, line->x2) + pad;
    *t = std::min(line->y1, line->y2) - pad, *b = std::max(line->y1, line->y2) + pad;
    return true;
  }
  if (const auto* text = std::get_if<TextShape>(&item)) {
    if (text->text.empty()) return *none = true;
    if (!measure.Box(*text, l, t, r, b)) return false;
    const double pad = TextPad(*text);
    *l -= pad, *t -= pad, *r += pad, *b += pad;
    return true;
  }
  if (const auto* cells = std::get_if<CellsShape>(&item)) {  // painted clipped to this box
    const double x2 = cells->x + cells->cell_w * cells->cols, y2 = cells->y + cells->cell_h * cells->rows;
    *l = std::min(cells->x, x2), *r = std::max(cells->x, x2);
    *t = std::min(cells->y, y2), *b = std::max(cells->y, y2);
    return true;
  }
  return *none = true;  // groups
}

// The box of what differs between two texts drawn from one point (anchored
// at their start) in one font and colour, when they begin alike: the
// painter places each glyph by the advances before it (no kerning: Cairo's
// toy text), so the glyphs of the common beginning are where they were and
// only the rest can differ, from the beginning's end (less an em, for ink
// reaching across it) to the farther end of the two. A heading's
// "position 11 of 16" becoming "12 of 16" repaints its last glyphs, not
// its line. False when that does not hold (the whole of both is changed).
bool ChangedTextTail(const TextShape& was, const TextShape& now, TextMeasure& measure, double* l, double* t, double* r,
                     double* b) {
  if (was.anchor != TextAnchor::Start || now.anchor != TextAnchor::Start) return false;
  if (std::tie(was.x, was.y, was.size, was.bold, was.color) != std::tie(now.x, now.y, now.size, now.bold, now.color))
    return false;
  if (ValidUtf8(was.text) != was.text || ValidUtf8(now.text) != now.text) return false;  // drawn otherwise
  std::size_t common = static_cast<std::size_t>(
      std::mismatch(was.text.begin(), was.text.end(), now.text.begin(), now.text.end()).first - was.text.begin());
  const auto continues = [common](const std::string& text) {
    return common < text.size() && (static_cast<unsigned char>(text[common]) & 0xC0) == 0x80;
  };
  while (common > 0 && (continues(was.text) || continues(now.text))) --common;  // a whole character
  if (common == 0) return false;
  TextShape beginning = now;
  beginning.text = now.text.substr(0, common);
  double wl = 0, wt = 0, wr = 0, wb = 0, nl = 0, nt = 0, nr = 0, nb = 0, bl = 0, bt = 0, br = 0, bb = 0;
  if (!measure.Box(was, &wl, &wt, &wr, &wb) || !measure.Box(now, &nl, &nt, &nr, &nb) ||
      !measure.Box(beginning, &bl, &bt, &br, &bb))
    return false;
  const double pad = TextPad(now);
  *l = std::max(br - std::abs(now.size), std::min(wl, nl)) - pad, *r = std::max(wr, nr) + pad;
  *t = std::min(wt, nt) - pad, *b = std::max(wb, nb) + pad;
  return true;
}

// Scene extents already in pixels, widened by kMarginPixels and clipped to
// the frame; nothing when that leaves no pixel.
std::optional<PixelBox> ToPixelBox(double l, double t, double r, double b, int width, int height) {
  PixelBox box;
  box.left = static_cast<int>(std::clamp(std::floor(l) - kMarginPixels, 0.0, static_cast<double>(width)));
  box.top = static_cast<int>(std::clamp(std::floor(t) - kMarginPixels, 0.0, static_cast<double>(height)));
  box.right = static_cast<int>(std::clamp(std::ceil(r) + kMarginPixels, 0.0, static_cast<double>(width)));
  box.bottom = static_cast<int>(std::clamp(std::ceil(b) + kMarginPixels, 0.0, static_cast<double>(height)));
  if (box.left >= box.right || box.top >= box.bottom) return std::nullopt;
  return box;
}

// Boxes that overlap or nearly touch, merged: each box costs a pass over
// the scene, so a few larger boxes beat many small ones.
void MergeBoxes(std::vector<PixelBox>* boxes) {
  constexpr long long kSlack = 64 * 64;  // pixels a merge may add
  for (bool merged = true; merged;) {
    merged = false;
    for (std::size_t i = 0; i < boxes->size(); ++i) {
      for (std::size_t j = i + 1; j < boxes->size(); ++j) {
        const PixelBox& p = (*boxes)[i];
        const PixelBox& q = (*boxes)[j];
        const PixelBox u{std::min(p.left, q.left), std::min(p.top, q.top), std::max(p.right, q.right),
                         std::max(p.bottom, q.bottom)};
        if (u.Area() > p.Area() + q.Area() + kSlack) continue;
        (*boxes)[i] = u;
        boxes->erase(boxes->begin() + static_cast<std::ptrdiff_t>(j));
        merged = true;
        --j;
      }
    }
  }
}

// A slanted line's pixels, margin included.
std::vector<PixelBox> SlantedLineBoxes(const Scene& scene, double scale, int width, int height) {
  std::vector<PixelBox> boxes;
  for (const SceneItem& item : scene.items) {
    const auto* line = std::get_if<LineShape>(&item);
    if (line == nullptr || line->x1 == line->x2 || line->y1 == line->y2) continue;
    const double pad = std::abs(line->width) / 2;
    const double l = (std::min(line->x1, line->x2) - pad) * scale, r = (std::max(line->x1, line->x2) + pad) * scale;
    const double t = (std::min(line->y1, line->y2) - pad) * scale, b = (std::max(line->y1, line->y2) + pad) * scale;
    if (!std::isfinite(l) || !std::isfinite(t) || !std::isfinite(r) || !std::isfinite(b))
      boxes.push_back(PixelBox{0, 0, width, height});  // unknown extent: it takes the frame with it
    else if (const std::optional<PixelBox> box = ToPixelBox(l, t, r, b, width, height))
      boxes.push_back(*box);
  }
  return boxes;
}

bool Overlap(const PixelBox& a, const PixelBox& b) {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
bool Holds(const PixelBox& outer, const PixelBox& inner) {
  return outer.left <= inner.left && inner.right <= outer.right && outer.top <= inner.top && inner.bottom <= outer.bottom;
}

// Cairo clips a path to the surface it paints, and a slanted edge cut by the
// surface's left or right side is split where it is cut, at a rounded point:
// the pixels beside the cut may differ by a step from the frame drawn whole
// (the padding hatch of padding-and-stride did). So every box grows until
// each slanted line it meets lies in it whole; edges cut only at a box's top
// or bottom, or straight ones, keep their pixels.
void HoldSlantedLinesWhole(std::vector<PixelBox>* boxes, const std::vector<PixelBox>& slanted) {
  for (bool grown = !slanted.empty(); grown;) {
    grown = false;
    for (PixelBox& box : *boxes)
      for (const PixelBox& line : slanted)
        if (Overlap(box, line) && !Holds(box, line)) {
          box = PixelBox{std::min(box.left, line.left), std::min(box.top, line.top), std::max(box.right, line.right),
                         std::max(box.bottom, line.bottom)};
          grown = true;
        }
    MergeBoxes(boxes);
  }
}

}  // namespace

std::optional<std::vector<PixelBox>> ChangedPixelBoxes(const Scene& before, const Scene& after, double scale, int width,
                                                       int height, std::vector<PixelBox>* differ) {
  if (before.width != after.width || before.height != after.height || !(before.background == after.background))
    return std::nullopt;
  std::vector<bool> before_changed, after_changed;
  if (!MarkUnmatched(before.items, after.items, &before_changed, &after_changed)) return std::nullopt;
  std::optional<TextMeasure> measure;
  std::vector<PixelBox> boxes, differing;
  // A box in scene units, to paint and (unless `paint_only`) to read;
  // false when it is not finite.
  auto add_box = [&](double l, double t, double r, double b, bool paint_only = false) {
    l *= scale, t *= scale, r *= scale, b *= scale;
    if (!std::isfinite(l) || !std::isfinite(t) || !std::isfinite(r) || !std::isfinite(b)) return false;
    if (const std::optional<PixelBox> box = ToPixelBox(l, t, r, b, width, height)) {
      boxes.push_back(*box);
      if (!paint_only) differing.push_back(*box);
    }
    return true;
  };
  auto add = [&](const SceneItem& item) {
    if (!measure) measure.emplace(scale);
    double l = 0, t = 0, r = 0, b = 0;
    bool none = false;
    if (!ItemBox(item, *measure, &l, &t, &r, &b, &none)) return false;
    if (none) return true;
    const auto* outline = std::get_if<RectShape>(&item);
    if (outline == nullptr || outline->has_fill || !outline->has_stroke) return add_box(l, t, r, b);
    // An outline's pixels are its four sides' (ItemBox's box less the
    // stroke's width twice); what it frames is painted again as it was.
    const double side = std::abs(outline->stroke_width);
    return add_box(l, t, r, b, true) && add_box(l, t, r, t + side) && add_box(l, b - side, r, b) &&
           add_box(l, t, l + side, b) && add_box(r - side, t, r, b);
  };
  // A block of cells that only changed some of its cells (a map filling
  // cell by cell, drawn as one picture) changes only their pixels, if it is
  // drawn in the same place among the items both scenes share (between the
  // same two matched items: else what it covers, or what covers it, moved).
  const std::vector<std::size_t> before_gap = Gaps(before_changed), after_gap = Gaps(after_changed);
  const bool cells_paired = PairChanged<CellsShape>(
      before, after, before_gap, after_gap, &before_changed, &after_changed,
      [&](const CellsShape& was, const CellsShape& now) {
        if (!SameCellGeometry(was, now)) return Pairing::kNo;
        const std::optional<CellsShape> cells = ChangedCells(was, now);
        return cells && !add(*cells) ? Pairing::kFailed : Pairing::kPaired;
      });
  if (!cells_paired) return std::nullopt;
  // A text that became another beginning alike, in the same place among
  // the shared items, changes only its tail.
  const bool texts_paired = PairChanged<TextShape>(
      before, after, before_gap, after_gap, &before_changed, &after_changed,
      [&](const TextShape& was, const TextShape& now) {
        if (!measure) measure.emplace(scale);
        double l = 0, t = 0, r = 0, b = 0;
        if (!ChangedTextTail(was, now, *measure, &l, &t, &r, &b)) return Pairing::kNo;
        return add_box(l, t, r, b) ? Pairing::kPaired : Pairing::kFailed;
      });
  if (!texts_paired) return std::nullopt;
  for (std::size_t i = 0; i < before.items.size(); ++i)
    if (before_changed[i] && !add(before.items[i])) return std::nullopt;
  for (std::size_t i = 0; i < after.items.size(); ++i)
    if (after_changed[i] && !add(after.items[i])) return std::nullopt;
  MergeBoxes(&boxes);
  HoldSlantedLinesWhole(&boxes, SlantedLineBoxes(after, scale, width, height));
  long long area = 0;
  for (const PixelBox& box : boxes) area += box.Area();
  if (static_cast<double>(area) > kMostOfTheFrame * width * height) return std::nullopt;
  if (differ) *differ = std::move(differing);
  return boxes;
}

}  // namespace cl
