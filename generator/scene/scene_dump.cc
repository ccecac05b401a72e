#include "scene/scene_dump.h"

#include <fmt/format.h>

#include "base/number_format.h"
#include "base/quoted_text.h"

namespace cl {
namespace {

constexpr int kDecimals = 3;  // as precise as the SVG writer

std::string Num(double v) { return FormatNumberRounded(v, kDecimals); }

std::string Hex(Color c) { return fmt::format("#{:02x}{:02x}{:02x}", c.r, c.g, c.b); }

const char* AnchorName(TextAnchor a) {
  switch (a) {
    case TextAnchor::Start: return "start";
    case TextAnchor::Middle: return "middle";
    case TextAnchor::End: return "end";
  }
  return "start";
}

// Writes each item at the current depth; groups open a level, ends close one.
class SceneDumper {
 public:
  std::string Take() { return std::move(out_); }

  void Line(const std::string& text) {
    out_.append(2 * static_cast<std::size_t>(depth_ + 1), ' ');
    out_ += text;
    out_ += '\n';
  }

  void operator()(const RectShape& r) {
    std::string line = fmt::format("rect x={} y={} w={} h={} fill={}", Num(r.x), Num(r.y), Num(r.w), Num(r.h),
                                   r.has_fill ? Hex(r.fill) : std::string("none"));
    if (r.has_stroke) line += fmt::format(" stroke={} stroke-width={}", Hex(r.stroke), Num(r.stroke_width));
    if (r.dashed) line += " dashed";
    Line(line);
  }
  void operator()(const LineShape& l) {
    Line(fmt::format("line x1={} y1={} x2={} y2={} stroke={} width={}{}", Num(l.x1), Num(l.y1), Num(l.x2), Num(l.y2),
                     Hex(l.stroke), Num(l.width), l.dashed ? " dashed" : ""));
  }
  void operator()(const TextShape& t) {
    Line(fmt::format("text x={} y={} size={} color={} anchor={}{} {}", Num(t.x), Num(t.y), Num(t.size),
                     Hex(t.color), AnchorName(t.anchor), t.bold ? " bold" : "", QuotedText(t.text)));
  }
  void operator()(const CellsShape& c) {
    Line(fmt::format("cells x={} y={} cell-w={} cell-h={} rows={} cols={}", Num(c.x), Num(c.y), Num(c.cell_w),
                     Num(c.cell_h), c.rows, c.cols));
    ++depth_;
    const bool complete = c.rows >= 0 && c.cols >= 0 &&
                          c.fills.size() == static_cast<std::size_t>(c.rows) * static_cast<std::size_t>(c.cols);
    if (!complete) {
      Line(fmt::format("fills: {} for {}x{} cells", c.fills.size(), c.rows, c.cols));
    } else {
      for (int r = 0; r < c.rows; ++r) {
        std::string row;
        for (int col = 0; col < c.cols; ++col) {
          if (col > 0) row += ' ';
          row += Hex(c.fills[static_cast<std::size_t>(r) * static_cast<std::size_t>(c.cols) +
                             static_cast<std::size_t>(col)]);
        }
        Line(row);
      }
    }
    --depth_;
  }
  void operator()(const GroupBegin& g) {
    std::string line = "group id=" + QuotedText(g.id) + " role=" + QuotedText(g.role);
    if (!g.label.empty()) line += " label=" + QuotedText(g.label);
    Line(line);
    ++depth_;
  }
  void operator()(const GroupEnd&) {
    if (depth_ == 0) {
      Line("unmatched end");
      return;
    }
    --depth_;
  }

 private:
  std::string out_;
  int depth_ = 0;
};

}  // namespace

std::string DumpScene(const Scene& scene) {
  SceneDumper dumper;
  std::string head = fmt::format("scene width={} height={} background={}\n", Num(scene.width), Num(scene.height),
                                 Hex(scene.background));
  head += "  title: " + QuotedText(scene.title) + "\n";
  head += "  desc: " + QuotedText(scene.desc) + "\n";
  for (const SceneItem& item : scene.items) std::visit(dumper, item);
  return head + dumper.Take();
}

}  // namespace cl
