// Scene: one frame as plain vector primitives in abstract units (1 unit = 1 CSS
// px at scale 1). Layout is decided here and only here; renderers (SVG, Cairo
// PNG/PDF, GIF) translate these primitives and never compute a position.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace cl {

struct Color {
  uint8_t r = 0, g = 0, b = 0;
  friend bool operator==(const Color&, const Color&) = default;
};

// 0xRRGGBB (Cairo's RGB24 pixels, the GIF palette's keys).
inline uint32_t PackRgb(const Color& c) { return (uint32_t{c.r} << 16) | (uint32_t{c.g} << 8) | uint32_t{c.b}; }
// The colour of 0xRRGGBB (higher bits ignored).
inline Color UnpackRgb(uint32_t rgb) {
  return Color{static_cast<uint8_t>(rgb >> 16), static_cast<uint8_t>(rgb >> 8), static_cast<uint8_t>(rgb)};
}

// The colours of a block of cells (CellsShape), row-major. A block holds
// its colours itself, or shows the first `shown` of a vector that many
// scenes share, every later cell one colour (`rest`): a photograph's map
// filling row by row shows more of the same colours at each beat, and each
// beat's scene held a copy of them all (1.5 MB for a 512x512 picture: 15 MB
// of seven variants' peak memory at --scale 4, and the copying a fifth of
// its layout's time). Implemented in scene/block_fills.cc.
class BlockFills {
 public:
  BlockFills() = default;
  // Colours held by the block.
  explicit BlockFills(std::vector<Color> own);
  BlockFills(std::initializer_list<Color> own) : BlockFills(std::vector<Color>(own)) {}
  // `count` cells: the first `shown` of `shared` (which must hold at least
  // that many), the rest `rest`.
  BlockFills(std::shared_ptr<const std::vector<Color>> shared, std::size_t shown, std::size_t count, Color rest);

  std::size_t size() const { return count_; }
  Color operator[](std::size_t k) const { return k < given_ ? Given()[k] : rest_; }

  // Cells [first, first + n) side by side: a pointer into the colours
  // where they hold them all, else a copy in `scratch`.
  const Color* Span(std::size_t first, std::size_t n, std::vector<Color>* scratch) const;

  // The same colours, cell for cell, however each is held.
  friend bool operator==(const BlockFills& a, const BlockFills& b);

  // Bytes of colours the block holds itself (shared ones are their owner's).
  std::size_t OwnBytes() const { return own_.capacity() * sizeof(Color); }

 private:
  const Color* Given() const { return shared_ ? shared_->data() : own_.data(); }

  std::vector<Color> own_;
  std::shared_ptr<const std::vector<Color>> shared_;
  std::size_t given_ = 0;  // cells [0, given_) are own_'s or shared_'s
  std::size_t count_ = 0;
  Color rest_;
};

struct RectShape {
  double x = 0, y = 0, w = 0, h = 0;
  bool has_fill = true;
  Color fill;
  bool has_stroke = false;
  Color stroke{};
  double stroke_width = 0;
  bool dashed = false;
  friend bool operator==(const RectShape&, const RectShape&) = default;
};

struct LineShape {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  Color stroke;
  double width = 1;
  bool dashed = false;
  friend bool operator==(const LineShape&, const LineShape&) = default;
};

enum class TextAnchor { Start, Middle, End };

struct TextShape {
  double x = 0, y = 0;  // anchor point on the baseline
  std::string text;     // UTF-8, unescaped (renderers escape)
  double size = 12;     // font size in units
  Color color;
  TextAnchor anchor = TextAnchor::Start;
  bool bold = false;
  friend bool operator==(const TextShape&, const TextShape&) = default;
};

// A block of rows x cols equal cells, each with its own fill, as one
// primitive: large grids (a 512x512 image) stay one item instead of a quarter
// of a million rectangles. Renderers draw it as a pixel image scaled without
// smoothing (SVG: an embedded PNG), so it carries no per-cell text or ids;
// the layout uses it only where cells are too small to hold numbers.
struct CellsShape {
  double x = 0, y = 0;            // top-left
  double cell_w = 1, cell_h = 1;  // size of one cell
  int rows = 0, cols = 0;
  BlockFills fills;               // rows * cols, row-major
  friend bool operator==(const CellsShape&, const CellsShape&) = default;
};

// Groups nest; each begin has a matching end. `id` is a stable local name
// ("input", "map-cell-3-2"); the SVG writer prefixes it per frame.
struct GroupBegin {
  std::string id;
  std::string role;   // semantic class: "grid", "window", "caption", "legend", ...
  std::string label;  // optional accessible label
  friend bool operator==(const GroupBegin&, const GroupBegin&) = default;
};
struct GroupEnd {
  friend bool operator==(const GroupEnd&, const GroupEnd&) = default;
};

using SceneItem = std::variant<RectShape, LineShape, TextShape, CellsShape, GroupBegin, GroupEnd>;

struct Scene {
  double width = 0, height = 0;
  Color background{255, 255, 255};
  std::string title;  // short: "Conv step 3 of 16 (Vertical edge)"
  std::string desc;   // what the beat shows, with its numbers
  std::vector<SceneItem> items;
};

}  // namespace cl
