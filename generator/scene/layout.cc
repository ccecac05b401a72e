// LayoutBeat: fills the planned geometry with one beat's state — what is
// written so far, where the window is, which cells the beat writes — and its
// heading and caption.
#include "scene/layout.h"

#include <algorithm>

#include <fmt/format.h>

#include "base/number_format.h"
#include "scene/grid_items.h"
#include "scene/palette.h"
#include "scene/text_fit.h"
#include "scene/text_metrics.h"
#include "storyboard/captions.h"

namespace cl {
namespace {

using Kind = CellState::Kind;

void AddLegend(Scene& scene, const FrameGeometry& g, double value_scale, double weight_scale) {
  scene.items.push_back(GroupBegin{"legend", "legend", "Colour scale"});
  constexpr int kSteps = 40;
  const double step = g.legend_w / kSteps;
  for (int i = 0; i < kSteps; ++i) {
    const double t = (i + 0.5) / kSteps * 2 - 1;  // -1 .. 1 at step centres
    RectShape r;
    r.x = g.legend_x + i * step;
    r.y = g.legend_y;
    r.w = step;
    r.h = g.legend_h;
    r.fill = DivergingColor(t, 1.0);
    scene.items.push_back(r);
  }
  scene.items.push_back(Outline(g.legend_x, g.legend_y, g.legend_w, g.legend_h, palette::kGridBorder, 1));

  const double s = g.legend_text_size;
  const double baseline = g.legend_y + g.legend_h + 3 + kFontAscent * s;
  // Each end has half the bar, less the "0": whole numbers too long for it go scientific.
  AddText(scene, g.legend_x, baseline, FormatNumberWithin(-value_scale, 8), s, palette::kMutedInk, TextAnchor::Start);
  AddText(scene, g.legend_x + g.legend_w / 2, baseline, "0", s, palette::kMutedInk, TextAnchor::Middle);
  AddText(scene, g.legend_x + g.legend_w, baseline, FormatNumberWithin(value_scale, 8), s, palette::kMutedInk,
          TextAnchor::End);
  const double note_x = g.legend_x + g.legend_w + 20;
  const std::string note = fmt::format("blue negative, white zero, orange positive; filter weights from {} to {}",
                                       FormatNumberCompact(-weight_scale, 6), FormatNumberCompact(weight_scale, 6));
  AddText(scene, note_x, g.legend_y + g.legend_h / 2 + (kFontAscent - kFontDescent) / 2 * s,
          FitText(note, s, g.width - g.margin - note_x), s, palette::kMutedInk, TextAnchor::Start);
  scene.items.push_back(GroupEnd{});
}

}  // namespace

Scene LayoutBeat(const LayoutInput& in, const FrameGeometry& g, int beat_index) {
  const Variant& v = *in.variant;
  const VariantResult& r = *in.result;
  const Storyboard& story = *in.story;
  const Beat& beat = story.beats.at(static_cast<std::size_t>(beat_index));
  const ConvSpec& cs = v.conv;

  Scene scene;
  scene.width = g.width;
  scene.height = g.height;
  scene.background = palette::kBackground;
  // The words are the storyboard's; only their fitting is decided here.
  const std::string& heading = beat.heading;
  scene.title = beat.title;
  scene.desc = beat.description;

  scene.items.push_back(GroupBegin{"heading", "heading", ""});
  // A long label gives way before the stage does.
  const std::string stage_part = " \u00B7 " + heading;
  const double room = g.width - 2 * g.margin;
  const std::string label_part =
      FitText(v.label, g.heading_size, std::max(room - TextWidth(stage_part, g.heading_size, true), 0.0), true);
  AddText(scene, g.margin, g.heading_y, FitText(label_part + stage_part, g.heading_size, room, true), g.heading_size,
          palette::kInk, TextAnchor::Start, true);
  scene.items.push_back(GroupEnd{});

  // The image inside its zero padding.
  GridContent input{.id = "input",
                    .label = g.input.label,
                    .scale = in.value_scale,
                    .index_row0 = cs.pad_top,
                    .index_col0 = cs.pad_left,
                    .index_rows = v.image.rows,
                    .index_cols = v.image.cols,
                    .cell = [&](int row, int col) {
                      const int y = row - cs.pad_top, x = col - cs.pad_left;
                      if (y < 0 || x < 0 || y >= v.image.rows || x >= v.image.cols) return CellState{Kind::Padding, 0};
                      return CellState{Kind::Value, v.image.at(y, x)};
                    }};
  AddGridPanel(scene, g, g.input, input);
  if (cs.pad_top + cs.pad_bottom + cs.pad_left + cs.pad_right > 0) {
    // The image's own edge inside the padding.
    const GridBox& b = g.input.grid;
    scene.items.push_back(Outline(b.x + cs.pad_left * b.cell, b.y + cs.pad_top * b.cell, v.image.cols * b.cell,
                                  v.image.rows * b.cell, palette::kInk, 1.5));
  }

  const Grid& w = v.filter.weights;
  AddGridPanel(scene, g, g.filter,
               {.id = "filter",
                .label = g.filter.label + ", " + v.filter.name,
                .scale = in.weight_scale,
                .cell = [&](int row, int col) { return CellState{Kind::Value, w.at(row, col)}; }});

  const int conv_cols = r.conv.cols;
  AddGridPanel(scene, g, g.conv,
               {.id = "conv",
                .label = g.conv.label,
                .scale = in.value_scale,
                .index_rows = r.conv.rows,
                .index_cols = r.conv.cols,
                .cell = [&](int row, int col) {
                  if (row * conv_cols + col >= beat.conv_filled) return CellState{};
                  return CellState{Kind::Value, r.conv.at(row, col)};
                }});
  AddGridPanel(scene, g, g.activated,
               {.id = "activated",
                .label = g.activated.label,
                .scale = in.value_scale,
                .index_rows = r.activated.rows,
                .index_cols = r.activated.cols,
                .cell = [&](int row, int col) {
                  if (!beat.activated) return CellState{};
                  return CellState{Kind::Value, r.activated.at(row, col)};
                }});
  if (r.pooled) {
    const Grid& p = *r.pooled;
    AddGridPanel(scene, g, g.pooled,
                 {.id = "pooled",
                  .label = g.pooled.label,
                  .scale = in.value_scale,
                  .index_rows = p.rows,
                  .index_cols = p.cols,
                  .cell = [&](int row, int col) {
                    if (row * p.cols + col >= beat.pool_filled) return CellState{};
                    return CellState{Kind::Value, p.at(row, col)};
                  }});
  }

  scene.items.push_back(GroupBegin{"operators", "operators", ""});
  for (const OperatorMark& op : g.operators)
    AddText(scene, op.x, op.y, op.text, g.operator_size, palette::kInk, TextAnchor::Middle);
  scene.items.push_back(GroupEnd{});

  // What this beat reads (the window) and writes (the highlighted cells).
  const int first_row = beat.last_cell >= beat.first_cell && conv_cols > 0 ? beat.first_cell : 0;
  if (beat.stage == Stage::Conv && conv_cols > 0) {
    scene.items.push_back(GroupBegin{"window", "window", "Filter window"});
    const int row0 = first_row / conv_cols, col0 = first_row % conv_cols;
    const int row1 = beat.last_cell / conv_cols;
    const GridBox& ib = g.input.grid;
    const int span_h = (w.rows - 1) * cs.dilation_h + 1, span_w = (w.cols - 1) * cs.dilation_w + 1;
    if (beat.first_cell == beat.last_cell) {
      const int top = row0 * cs.stride_h, left = col0 * cs.stride_w;
      if (cs.dilation_h == 1 && cs.dilation_w == 1) {
        AddHighlight(scene, ib, top, top + span_h, left, left + span_w);
      } else {
        // Dilated: the window's extent dashed, only the sampled cells lit.
        scene.items.push_back(Outline(ib.x + left * ib.cell, ib.y + top * ib.cell, span_w * ib.cell, span_h * ib.cell,
                                      palette::kWindowEdge, 1.5, true));
        for (int i = 0; i < w.rows; ++i)
          for (int j = 0; j < w.cols; ++j) {
            const int rr = top + i * cs.dilation_h, cc = left + j * cs.dilation_w;
            AddHighlight(scene, ib, rr, rr + 1, cc, cc + 1, 0.7);
          }
      }
    } else {
      // A band of whole output rows: the rows of the image they read.
      const int top = row0 * cs.stride_h, bottom = row1 * cs.stride_h + span_h;
      AddHighlight(scene, ib, top, bottom, 0, (conv_cols - 1) * cs.stride_w + span_w);
    }
    AddHighlight(scene, g.filter.grid, 0, w.rows, 0, w.cols);
    if (beat.first_cell == beat.last_cell)
      AddHighlight(scene, g.conv.grid, row0, row0 + 1, col0, col0 + 1);
    else
      AddHighlight(scene, g.conv.grid, row0, row1 + 1, 0, conv_cols);
    scene.items.push_back(GroupEnd{});
  } else if (beat.stage == Stage::Activation) {
    scene.items.push_back(GroupBegin{"window", "window", "Cells the activation changed"});
    const GridBox& ab = g.activated.grid;
    int changed = 0;
    for (double x : r.conv.values) changed += x < 0;
    if (changed <= 1024 && ab.cell >= 6) {
      for (int row = 0; row < r.conv.rows; ++row)
        for (int col = 0; col < r.conv.cols; ++col)
          if (r.conv.at(row, col) < 0) AddCellMark(scene, ab, row, col, true);
    }
    AddHighlight(scene, ab, 0, ab.rows, 0, ab.cols);
    scene.items.push_back(GroupEnd{});
  } else if (beat.stage == Stage::Pool && r.pooled) {
    const Grid& p = *r.pooled;
    scene.items.push_back(GroupBegin{"window", "window", "Pooling window"});
    const GridBox& ab = g.activated.grid.rows > 0 ? g.activated.grid : g.conv.grid;
    const int row0 = beat.first_cell / p.cols, col0 = beat.first_cell % p.cols;
    const int row1 = beat.last_cell / p.cols;
    if (beat.first_cell == beat.last_cell) {
      const PoolTrace t = TracePoolCell(v, r.activated, row0, col0);
      if (t.row_end > t.row_begin && t.col_end > t.col_begin) {
        AddHighlight(scene, ab, t.row_begin, t.row_end, t.col_begin, t.col_end);
        if (t.winner_row >= 0 && ab.cell >= 6) AddCellMark(scene, ab, t.winner_row, t.winner_col, false);
      }
      AddHighlight(scene, g.pooled.grid, row0, row0 + 1, col0, col0 + 1);
    } else {
      const int top = std::min(row0 * v.pool.stride_h, ab.rows);
      const int bottom = std::min(row1 * v.pool.stride_h + v.pool.size_h, ab.rows);
      const int right = std::min((p.cols - 1) * v.pool.stride_w + v.pool.size_w, ab.cols);
      if (bottom > top) AddHighlight(scene, ab, top, bottom, 0, right);
      AddHighlight(scene, g.pooled.grid, row0, row1 + 1, 0, p.cols);
    }
    scene.items.push_back(GroupEnd{});
  }

  scene.items.push_back(GroupBegin{"caption", "caption", ""});
  const std::vector<std::string> lines = WrapText(beat.caption, g.caption_size, g.caption_width, g.caption_lines);
  for (std::size_t i = 0; i < lines.size(); ++i)
    AddText(scene, g.margin, g.caption_y + static_cast<double>(i) * g.caption_line_height, lines[i], g.caption_size,
            palette::kInk, TextAnchor::Start);
  scene.items.push_back(GroupEnd{});

  AddLegend(scene, g, in.value_scale, in.weight_scale);
  return scene;
}

}  // namespace cl
