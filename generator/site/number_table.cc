#include "site/number_table.h"

#include "base/number_format.h"

namespace cl {

NumberTable MakeNumberTable(std::string caption, const Grid& grid, int max_side, TableTones tones) {
  NumberTable t;
  t.caption = std::move(caption);
  t.rows = grid.rows;
  t.cols = grid.cols;
  t.listed = !grid.empty() && grid.rows <= max_side && grid.cols <= max_side;
  if (!t.listed) return t;
  t.texts.reserve(grid.values.size());
  t.tones.reserve(grid.values.size());
  for (double v : grid.values) {
    std::string text = FormatNumberCompact(v, kMaxCellChars);
    if (text != FormatNumberText(v)) t.rounded = true;
    t.texts.push_back(std::move(text));
    t.tones.push_back(tones == TableTones::Picture ? "picture" : v < 0 ? "neg" : v > 0 ? "pos" : "zero");
  }
  return t;
}

TemplateData NumberTableData(const NumberTable& table, const Messages& m) {
  TemplateData d;
  const std::string size = std::to_string(table.rows) + "\u00d7" + std::to_string(table.cols);
  d.set("table_caption", table.caption);
  d.set("table_listed", table.listed);
  d.set("table_rounded", table.rounded);
  d.set("table_size", size);
  d.set("table_rounded_note", m.Text(Msg::table_rounded_note));
  d.set("table_skipped_html", m.TextWith(Msg::table_skipped,
                                         {{"caption", EscapeHtml(table.caption)},
                                          {"size", size},
                                          {"json", "<a href=\"lesson.json\">lesson.json</a>"}},
                                         EscapeHtml));
  if (!table.listed) return d;
  TemplateList header;
  header.reserve(static_cast<std::size_t>(table.cols));  // a list growing copies its items
  for (int c = 0; c < table.cols; ++c) header.push_back(TemplateData("col", std::to_string(c)));
  SetMoved(&d, "table_columns", std::move(header));
  TemplateList rows;
  rows.reserve(static_cast<std::size_t>(table.rows));
  for (int r = 0; r < table.rows; ++r) {
    TemplateList cells;
    cells.reserve(static_cast<std::size_t>(table.cols));
    for (int c = 0; c < table.cols; ++c) {
      std::size_t i = static_cast<std::size_t>(r) * static_cast<std::size_t>(table.cols) + static_cast<std::size_t>(c);
      TemplateData cell;
      cell.set("value", table.texts[i]);
      cell.set("tone", table.tones[i]);
      cells.push_back(std::move(cell));
    }
    TemplateData row;
    row.set("row", std::to_string(r));
    SetMoved(&row, "cells", std::move(cells));
    rows.push_back(std::move(row));
  }
  SetMoved(&d, "table_rows", std::move(rows));
  return d;
}

}  // namespace cl
