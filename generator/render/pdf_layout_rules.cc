#include "render/pdf_layout_rules.h"

#include <algorithm>
#include <numeric>

namespace cl {

std::vector<double> FitColumnWidths(const std::vector<double>& natural, double width) {
  std::vector<double> widths = natural;
  if (std::accumulate(natural.begin(), natural.end(), 0.0) <= width) return widths;
  const size_t columns = natural.size();
  std::vector<bool> fixed(columns, false);
  double left = width;
  size_t open = columns;
  bool changed = true;
  while (changed && open > 0) {
    changed = false;
    const double share = left / static_cast<double>(open);
    for (size_t c = 0; c < columns; ++c) {
      if (!fixed[c] && natural[c] <= share) {
        fixed[c] = true;
        widths[c] = natural[c];
        left -= natural[c];
        --open;
        changed = true;
      }
    }
  }
  if (open > 0) {
    const double share = left / static_cast<double>(open);
    for (size_t c = 0; c < columns; ++c) {
      if (!fixed[c]) widths[c] = share;
    }
  }
  return widths;
}

std::vector<std::pair<size_t, size_t>> ColumnBandRanges(const std::vector<double>& natural, double width,
                                                        bool label_column) {
  const size_t columns = natural.size();
  const size_t first_data = label_column && columns > 0 ? 1 : 0;
  std::vector<std::pair<size_t, size_t>> bands;
  if (first_data >= columns) return bands;
  const double label = first_data == 1 ? natural[0] : 0;
  for (size_t c = first_data; c < columns;) {
    const size_t start = c;
    double used = label + natural[c++];  // at least one column per band
    while (c < columns && used + natural[c] <= width) used += natural[c++];
    bands.emplace_back(start, c);
  }
  return bands;
}

size_t LinesForThisPage(size_t fit, size_t left, bool first_piece, bool keep_whole, bool at_top) {
  size_t k = fit;
  if (k < left && !keep_whole) {
    if (left - k == 1 && k >= 3) --k;              // no single line at the head of the next page
    if (k == 1 && first_piece && !at_top) k = 0;  // nor the first line alone at the foot of this one
  }
  if (keep_whole && k < left && !at_top) k = 0;
  if (k == 0 && at_top) k = 1;  // taller than a page: place it anyway rather than loop
  return k;
}

double LinesHeight(const std::vector<LineExtent>& lines, size_t first, size_t last) {
  if (first >= last || last > lines.size()) return 0;
  return lines[last - 1].bottom - lines[first].top;
}

size_t LinesThatFit(const std::vector<LineExtent>& lines, size_t first, double pad, double room) {
  size_t fit = 0;
  while (first + fit < lines.size() && LinesHeight(lines, first, first + fit + 1) + 2 * pad <= room) ++fit;
  return fit;
}

namespace {

double RowsTotal(const FlowBox& box) {
  return box.caption + box.header + std::accumulate(box.rows.begin(), box.rows.end(), 0.0);
}

}  // namespace

bool TableMovesWhole(double whole, double text_height) { return whole <= text_height / 2; }

bool StartsWhole(const FlowBox& box) {
  switch (box.kind) {
    case FlowBox::Kind::Lines: return box.keep_whole || box.lines.size() <= 3;
    case FlowBox::Kind::Whole: return true;
    default: return false;
  }
}

double StartHeight(const FlowBox& box, double text_height) {
  switch (box.kind) {
    case FlowBox::Kind::Lines: {
      const size_t n = StartsWhole(box) ? box.lines.size() : 2;
      return LinesHeight(box.lines, 0, n) + 2 * box.pad;
    }
    case FlowBox::Kind::Rows: {
      const double whole = RowsTotal(box);
      return TableMovesWhole(whole, text_height) ? whole
                                                 : box.caption + box.header + (box.rows.empty() ? 0 : box.rows[0]);
    }
    case FlowBox::Kind::Whole: return box.height;
    case FlowBox::Kind::Spacer:
    case FlowBox::Kind::PageBreak: return 0;
  }
  return 0;
}

double KeepHeight(const std::vector<FlowBox>& boxes, size_t i, double text_height) {
  if (i >= boxes.size() || !boxes[i].keep_with_next) return 0;
  constexpr int kMaxChain = 4;  // a chain of headings at most this deep counts
  double height = 0;
  for (size_t j = i + 1, chain = 0; j < boxes.size() && chain < kMaxChain; ++j, ++chain) {
    const FlowBox& next = boxes[j];
    if (next.kind == FlowBox::Kind::Spacer || next.kind == FlowBox::Kind::PageBreak) break;
    height += next.space_before + StartHeight(next, text_height);
    if (!next.keep_with_next || !StartsWhole(next)) break;
    height += next.space_after;
  }
  return height;
}

bool NeedsNewPage(bool at_top, double pending, double height, double room) {
  return !at_top && pending + height > room;
}

namespace {

// The breaker's cursor: the page, the height used on it, the space owed
// before the next content.
class Cursor {
 public:
  explicit Cursor(const FlowFrame& frame) : frame_(frame), y_(frame.top) {}

  int page() const { return page_; }
  double y() const { return y_; }
  bool at_top() const { return !has_content_; }
  double room() const { return frame_.bottom - y_; }
  int pages() const { return page_ + 1; }

  void NewPage() {
    ++page_;
    y_ = frame_.top;
    pending_ = 0;
    has_content_ = false;
  }
  void AddSpace(double space) { pending_ = std::max(pending_, space); }
  void SetSpace(double space) { pending_ = space; }
  // Starts content needing `height` (plus pending space): on this page when
  // it fits or the page is empty, else on a new one.
  void Reserve(double height) {
    if (NeedsNewPage(at_top(), pending_, height, room())) NewPage();
    if (!at_top()) y_ += pending_;
    pending_ = 0;
  }
  void Advance(double height) {
    y_ += height;
    has_content_ = true;
  }

 private:
  const FlowFrame& frame_;
  int page_ = 0;
  double y_;
  double pending_ = 0;
  bool has_content_ = false;
};

void PlaceLines(const FlowBox& box, double keep, Cursor& at, FlowPlacement& out) {
  const size_t n = box.lines.size();
  // What follows is kept only with a text that starts whole.
  at.Reserve(StartHeight(box, 0) + (StartsWhole(box) ? keep : 0));
  out.page = at.page();
  out.y = at.y();
  for (size_t start = 0; start < n;) {
    const size_t fit = LinesThatFit(box.lines, start, box.pad, at.room());
    const size_t k = LinesForThisPage(fit, n - start, start == 0, box.keep_whole, at.at_top());
    if (k == 0) {
      at.NewPage();
      continue;
    }
    out.pieces.push_back(FlowPiece{at.page(), at.y(), start, start + k});
    at.Advance(LinesHeight(box.lines, start, start + k) + 2 * box.pad);
    start += k;
    if (start < n) at.NewPage();
  }
}

void PlaceRows(const FlowBox& box, double text_height, Cursor& at, FlowPlacement& out) {
  at.Reserve(StartHeight(box, text_height));
  out.page = at.page();
  out.y = at.y();
  FlowPiece piece{at.page(), at.y(), 0, 0};
  at.Advance(box.caption);
  at.Advance(box.header);
  const size_t n = box.rows.size();
  for (size_t r = 0; r < n; ++r) {
    // No last row alone under a repeated header: the row before goes with
    // it, where this page keeps a row of the table.
    const bool widow = r + 2 == n && r > piece.first && box.rows[r] + box.rows[r + 1] > at.room();
    if (box.rows[r] > at.room() || widow) {
      out.pieces.push_back(piece);
      at.NewPage();
      piece = FlowPiece{at.page(), at.y(), r, r};
      at.Advance(box.header);
    }
    at.Advance(box.rows[r]);
    piece.last = r + 1;
  }
  out.pieces.push_back(piece);
}

}  // namespace

namespace {

std::vector<FlowPlacement> Break(const std::vector<FlowBox>& boxes, const FlowFrame& frame, int* pages) {
  std::vector<FlowPlacement> placements(boxes.size());
  Cursor at(frame);
  for (size_t i = 0; i < boxes.size(); ++i) {
    const FlowBox& box = boxes[i];
    FlowPlacement& out = placements[i];
    if (box.kind == FlowBox::Kind::PageBreak) {
      if (!at.at_top()) at.NewPage();
      out.page = at.page();
      out.y = at.y();
      continue;
    }
    at.AddSpace(box.space_before);
    if (box.kind == FlowBox::Kind::Spacer) {
      out.page = at.page();
      out.y = at.y();
      continue;
    }
    const double keep = KeepHeight(boxes, i, frame.height());
    switch (box.kind) {
      case FlowBox::Kind::Lines: PlaceLines(box, keep, at, out); break;
      case FlowBox::Kind::Rows: PlaceRows(box, frame.height(), at, out); break;
      default:
        at.Reserve(box.height + keep);
        out.page = at.page();
        out.y = at.y();
        out.pieces.push_back(FlowPiece{at.page(), at.y(), 0, 0});
        at.Advance(box.height);
        break;
    }
    at.SetSpace(box.space_after);
  }
  if (pages) *pages = at.pages();
  return placements;
}

}  // namespace

std::vector<FlowPlacement> BreakIntoPages(const std::vector<FlowBox>& boxes, const FlowFrame& frame, int* pages) {
  int kept_pages = 1;
  std::vector<FlowPlacement> kept = Break(boxes, frame, &kept_pages);
  if (std::any_of(boxes.begin(), boxes.end(), [](const FlowBox& b) { return b.soft_keep && b.keep_with_next; })) {
    // Soft keeps that cost a page (a brief handout's third) are let go.
    std::vector<FlowBox> loose = boxes;
    for (FlowBox& b : loose)
      if (b.soft_keep) b.keep_with_next = false;
    int loose_pages = 1;
    std::vector<FlowPlacement> free = Break(loose, frame, &loose_pages);
    if (loose_pages < kept_pages) {
      if (pages) *pages = loose_pages;
      return free;
    }
  }
  if (pages) *pages = kept_pages;
  return kept;
}

}  // namespace cl
