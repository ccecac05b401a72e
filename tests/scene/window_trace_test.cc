// The window a frame draws is the computation's: for every conv beat of
// lessons with stride, dilation and asymmetric padding, the input cells the
// window covers are exactly the cells compute's trace says were read (for a
// band of rows, the block from the band's first window to its last); pool
// windows are the pool trace's. A window one column off fails here.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "../support/built_frames.h"
#include "../support/default_lesson.h"
#include "lesson/loader.h"
#include "scene/layout.h"
#include "scene/palette.h"

using namespace cl;
using testing::Build;
using testing::BuiltFrames;

namespace {

using CellSet = std::set<std::pair<int, int>>;

// The cells of `grid` covered by the solid amber outlines of the scene's
// window group (a highlight runs half its stroke outside the cells it frames).
CellSet WindowCells(const Scene& s, const GridBox& grid) {
  CellSet cells;
  int depth = 0;
  for (const SceneItem& item : s.items) {
    if (const auto* g = std::get_if<GroupBegin>(&item)) {
      depth += depth > 0 || g->id == "window";
      continue;
    }
    if (std::holds_alternative<GroupEnd>(item)) {
      depth -= depth > 0;
      continue;
    }
    const auto* r = std::get_if<RectShape>(&item);
    if (depth == 0 || r == nullptr || !r->has_stroke || r->stroke != palette::kAmber || r->dashed) continue;
    const double cx = r->x + r->w / 2, cy = r->y + r->h / 2;
    if (cx < grid.x || cx > grid.right() || cy < grid.y || cy > grid.bottom()) continue;
    const int col0 = static_cast<int>(std::lround((r->x - grid.x) / grid.cell));
    const int col1 = static_cast<int>(std::lround((r->x + r->w - grid.x) / grid.cell));
    const int row0 = static_cast<int>(std::lround((r->y - grid.y) / grid.cell));
    const int row1 = static_cast<int>(std::lround((r->y + r->h - grid.y) / grid.cell));
    for (int row = row0; row < row1; ++row)
      for (int col = col0; col < col1; ++col) cells.insert({row, col});
  }
  return cells;
}

CellSet Box(const CellSet& cells) {
  if (cells.empty()) return cells;
  int r0 = cells.begin()->first, r1 = r0, c0 = cells.begin()->second, c1 = c0;
  for (const auto& [r, c] : cells) r0 = std::min(r0, r), r1 = std::max(r1, r), c0 = std::min(c0, c), c1 = std::max(c1, c);
  CellSet box;
  for (int r = r0; r <= r1; ++r)
    for (int c = c0; c <= c1; ++c) box.insert({r, c});
  return box;
}

void CheckWindowsFollowTraces(const BuiltFrames& b) {
  const int cols = b.result.conv().cols;
  int checked = 0;
  for (std::size_t i = 0; i < b.story.beats.size(); ++i) {
    const Beat& beat = b.story.beats[i];
    if (beat.stage != Stage::Conv && beat.stage != Stage::Pool) continue;
    BOOST_TEST_CONTEXT(b.variant.label << ", beat " << i << " (" << StageName(beat.stage) << ")") {
      const Scene s = LayoutBeat(b.input, b.geometry, static_cast<int>(i));
      const FrameGeometry& g = b.geometry.ForStage(beat.stage);
      CellSet traced;
      if (beat.stage == Stage::Conv) {
        for (int cell = beat.first_cell; cell <= beat.last_cell; ++cell)
          for (const ConvTrace::Cell& c : TraceConvCell(b.variant, cell / cols, cell % cols).cells)
            traced.insert({c.row, c.col});
        if (beat.first_cell != beat.last_cell) traced = Box(traced);
        BOOST_TEST((WindowCells(s, g.input.grid) == traced));
      } else {
        const int pcols = b.result.pooled()->cols;
        const GridBox& ab = g.activated.grid.rows > 0 ? g.activated.grid : g.conv.grid;
        for (int cell = beat.first_cell; cell <= beat.last_cell; ++cell) {
          const PoolTrace t = TracePoolCell(b.variant, b.result.activated(), cell / pcols, cell % pcols);
          for (int r = t.row_begin; r < t.row_end; ++r)
            for (int c = t.col_begin; c < t.col_end; ++c) traced.insert({r, c});
        }
        if (beat.first_cell != beat.last_cell) traced = Box(traced);
        BOOST_TEST((WindowCells(s, ab) == traced));
      }
      ++checked;
    }
  }
  BOOST_TEST(checked > 0);
}

}  // namespace

BOOST_AUTO_TEST_CASE(ShippedPaddingAndStrideLessonDrawsTheTracedWindows) {
  const LoadResult loaded = LoadLessonFile(std::string(CONVLESSON_SOURCE_DIR) + "/lessons/padding-and-stride.yaml");
  BOOST_REQUIRE(loaded.lesson.has_value());
  const Lesson* lesson = &*loaded.lesson;
  for (const Variant& v : lesson->variants) CheckWindowsFollowTraces(*Build(v, lesson->beats));
}

BOOST_AUTO_TEST_CASE(AsymmetricPaddingStrideAndDilationDrawTheTracedWindows) {
  Variant v = testing::SizedVariant(9, 10, 3, 2);
  v.conv.pad_top = 0, v.conv.pad_bottom = 2, v.conv.pad_left = 1, v.conv.pad_right = 0;
  v.conv.stride_h = 2, v.conv.stride_w = 3;
  v.conv.dilation_h = 2, v.conv.dilation_w = 1;
  v.pool.size_h = v.pool.size_w = 2;
  v.pool.stride_h = v.pool.stride_w = 1;
  CheckWindowsFollowTraces(*Build(v));

  Variant same = testing::SizedVariant(8, 8, 2, 2);  // `same` with an even filter: the odd pad after
  same.conv.pad_top = 0, same.conv.pad_bottom = 1, same.conv.pad_left = 0, same.conv.pad_right = 1;
  same.conv.same = true;
  same.pool.remainder = Remainder::Pad;
  same.pool.size_h = same.pool.size_w = 3;
  CheckWindowsFollowTraces(*Build(same));
}

BOOST_AUTO_TEST_CASE(BandsOfRowsDrawTheTracedBlock) {
  Variant v = testing::SizedVariant(11, 11, 3, 3);
  v.conv.pad_top = 1, v.conv.pad_bottom = 2, v.conv.pad_left = 2, v.conv.pad_right = 1;
  v.conv.stride_h = v.conv.stride_w = 2;
  v.conv.dilation_h = v.conv.dilation_w = 2;
  v.pool.remainder = Remainder::Pad;
  BeatsSpec rows;
  rows.per = BeatsPer::Row;
  CheckWindowsFollowTraces(*Build(v, rows));
}
