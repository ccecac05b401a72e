#include "site/worksheet_document.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "base/number_format.h"
#include "compute/decimal_clean.h"
#include "site/generated_sections.h"
#include "scene/text_fit.h"
#include "site/paper_figures.h"
#include "storyboard/captions.h"

namespace cl {

namespace {

constexpr size_t kMaxListedCells = 8;  // positions named in an answer before "…"

std::string N(double v) { return FormatNumberText(v); }

// "(−1)" for a negative factor, so "9·(−1)" reads unambiguously.
std::string Factor(double v) { return v < 0 ? "(" + N(v) + ")" : N(v); }

std::string Position(int row, int col) { return fmt::format("({}, {})", row, col); }

// "(0, 0), (0, 1) and (1, 0)", cut with "…" after kMaxListedCells.
std::string PositionList(const std::vector<std::pair<int, int>>& cells, const Messages& m) {
  std::vector<std::string> items;
  const size_t shown = std::min(cells.size(), kMaxListedCells);
  for (size_t i = 0; i < shown; ++i) items.push_back(Position(cells[i].first, cells[i].second));
  if (shown == cells.size()) return ListText(items, m);
  std::string head;
  for (size_t i = 0; i < shown; ++i) head += (i == 0 ? "" : ", ") + items[i];
  return m.Text(Msg::ws_and_more, {{"items", head}, {"count", static_cast<long long>(cells.size() - shown)}});
}

Exercise SizesExercise(const Variant& v, const Messages& m) {
  Exercise e;
  e.question = m.Text(v.conv.transposed                       ? Msg::ws_sizes_question_transposed
                      : !v.pool.enabled                         ? Msg::ws_sizes_question
                      : v.pool.remainder == Remainder::Pad ? Msg::ws_sizes_question_pooled_leftover
                                                           : Msg::ws_sizes_question_pooled);
  const std::vector<std::string> lines = OutputSizeLines(v, m);
  for (size_t i = 0; i < lines.size(); ++i) e.answer += (i == 0 ? "" : "; ") + lines[i];
  e.answer += ".";
  return e;
}

// The worked part's first cell: (0, 0) on a whole map.
Exercise ProductsExercise(const Variant& v, const WorkedPart& part, const Messages& m) {
  const ConvTrace t = TraceConvCell(v, part.conv.row0, part.conv.col0);
  const Grid& w = v.filter.weights;
  const std::string position = Position(part.conv.row0, part.conv.col0);
  Exercise e;
  e.question = v.filter.bias != 0.0
                   ? m.Text(Msg::ws_products_question_bias, {{"bias", N(v.filter.bias)}, {"position", position}})
                   : m.Text(Msg::ws_products_question, {{"position", position}});
  if (t.channels.size() > 1) {
    // Each channel's products through its slice and its partial sum, then the partial sums added.
    for (size_t c = 0; c < t.channels.size(); ++c) {
      const Grid& slice = SliceAt(v.filter, static_cast<int>(c));
      e.answer += ChannelName(v, static_cast<int>(c), m) + ": ";
      for (size_t i = 0; i < t.channels[c].inputs.size(); ++i)
        e.answer += (i == 0 ? N(t.channels[c].inputs[i]) : " + " + Factor(t.channels[c].inputs[i])) + "\u00b7" +
                    Factor(slice.values[i]);
      e.answer += " = " + N(t.channels[c].partial) + "; ";
    }
    e.answer += ChannelSumText(v, t, m) + ".";
    return e;
  }
  for (size_t i = 0; i < t.products.size(); ++i) {
    // "+ (−0.9)·0.82", as the page's caption writes it, not "+ −0.9·0.82".
    e.answer += (i == 0 ? N(t.inputs[i]) : " + " + Factor(t.inputs[i])) + "\u00b7" + Factor(w.values[i]);
  }
  // The sum holds the bias: without it the key's equation was false.
  if (t.bias != 0.0) e.answer += " + " + m.Text(Msg::term_bias, {{"bias", Factor(t.bias)}});
  e.answer += " = " + N(t.sum) + ".";
  return e;
}

// Transposed: pixel (0, 0)'s scaled copy, each product and the output cell it lands on.
Exercise ScatterExercise(const Variant& v, const Messages& m) {
  const ScatterTrace t = TraceScatterCell(v, 0, 0);
  const Grid& w = v.filter.weights;
  Exercise e;
  e.question = m.Text(Msg::ws_scatter_question);
  for (size_t i = 0; i < t.products.size(); ++i) {
    const std::string product = N(t.input) + "\u00b7" + Factor(w.values[i]) + " = " + N(t.products[i]);
    e.answer += (i == 0 ? "" : "; ") +
                (t.Inside(i) ? m.Text(Msg::ws_scatter_lands, {{"product", product}, {"position", Position(t.cells[i].row, t.cells[i].col)}})
                             : m.Text(Msg::ws_scatter_cropped, {{"product", product}}));
  }
  e.answer += ".";
  if (v.filter.bias != 0.0) e.answer += " " + m.Text(Msg::scatter_bias_start, {{"bias", N(v.filter.bias)}});
  return e;
}

Exercise LargestExercise(const Variant& v, const VariantResult& r, const WorkedPart& part, const Messages& m) {
  const CellBlock& b = part.conv;
  int best_row = b.row0, best_col = b.col0, ties = 0;
  for (int row = b.row0; row < b.row0 + b.rows; ++row) {
    for (int col = b.col0; col < b.col0 + b.cols; ++col) {
      const double x = r.conv().at(row, col), best = r.conv().at(best_row, best_col);
      if (x > best) {
        best_row = row;
        best_col = col;
        ties = 0;
      } else if (x == best && (row != best_row || col != best_col)) {
        ++ties;
      }
    }
  }
  const ConvTrace t = TraceConvCell(v, best_row, best_col);
  DecimalSum positive, negative;  // added as compute/ adds a cell, cleaned the same way
  bool has_negative = false;
  for (size_t c = 0; c < t.channels.size(); ++c) {  // every channel's products through its slice
    const Grid& slice = SliceAt(v.filter, static_cast<int>(c));
    for (size_t i = 0; i < t.channels[c].products.size(); ++i) {
      if (slice.values[i] > 0) positive.Add(t.channels[c].products[i]);
      if (slice.values[i] < 0) {
        negative.Add(t.channels[c].products[i]);
        has_negative = true;
      }
    }
  }
  Exercise e;
  e.question = m.Text(part.whole ? Msg::ws_largest_question : Msg::ws_largest_question_part);
  e.answer = m.Text(Msg::ws_largest_answer, {{"position", Position(best_row, best_col)}, {"value", N(t.sum)}});
  if (ties > 0) e.answer += " " + m.Count(Msg::ws_largest_ties, ties);
  // With a bias the two sums fall short of the cell by it: said, so the
  // key's arithmetic adds up.
  const bool bias = t.bias != 0.0;
  const MsgArgs reason = {{"positive", N(positive.Clean())},
                              {"negative", N(negative.Clean())},
                              {"bias", N(t.bias)},
                              {"value", N(t.sum)}};
  e.answer += ". " + m.Text(has_negative ? (bias ? Msg::ws_largest_reason_bias : Msg::ws_largest_reason)
                                         : (bias ? Msg::ws_largest_reason_positive_bias : Msg::ws_largest_reason_positive),
                            reason);
  return e;
}

Exercise ActivationExercise(const Variant& v, const VariantResult& r, const WorkedPart& part, const Messages& m) {
  const CellBlock& b = part.conv;
  std::vector<std::pair<int, int>> negative;
  int first_row = -1, first_col = -1;
  for (int row = b.row0; row < b.row0 + b.rows; ++row) {
    for (int col = b.col0; col < b.col0 + b.cols; ++col) {
      if (r.conv().at(row, col) < 0) {
        negative.emplace_back(row, col);
        if (first_row < 0) first_row = row, first_col = col;
      }
    }
  }
  const long long cells = static_cast<long long>(b.rows) * b.cols;
  const long long others = cells - static_cast<long long>(negative.size());
  Exercise e;
  e.question = m.Text(part.whole ? Msg::ws_activation_question : Msg::ws_activation_question_part,
                      {{"activation", ActivationName(v.activation, m)}});
  const long long count = static_cast<long long>(negative.size());
  if (negative.empty()) {
    e.answer = m.Text(part.whole ? Msg::ws_activation_nothing : Msg::ws_activation_nothing_part);
  } else if (v.activation.type == ActivationType::LeakyRelu) {
    e.answer = m.Count(Msg::ws_leaky_answer, count,
                       {{"slope", N(v.activation.slope)},
                        {"value", N(r.conv().at(first_row, first_col))},
                        {"position", Position(first_row, first_col)},
                        {"result", N(r.activated().at(first_row, first_col))}});
  } else {
    e.answer = m.Count(Msg::ws_relu_answer, count, {{"positions", PositionList(negative, m)}});
  }
  if (others > 0 && !negative.empty()) e.answer += " " + m.Count(Msg::ws_others_unchanged, others);
  return e;
}

Exercise PoolExercise(const Variant& v, const VariantResult& r, const WorkedPart& part, const Messages& m) {
  const Grid& pooled = *r.pooled();
  const CellPosition at = StrongestCellIn(pooled, part.pooled);
  const PoolTrace t = TracePoolCell(v, r.activated(), at.row, at.col);
  const bool max = v.pool.type == PoolType::Max;
  std::vector<std::string> values;
  for (int row = t.row_begin; row < t.row_end; ++row) {
    for (int col = t.col_begin; col < t.col_end; ++col) values.push_back(N(r.activated().at(row, col)));
  }
  std::string list;
  for (size_t i = 0; i < values.size(); ++i) list += (i == 0 ? "" : ", ") + values[i];
  Exercise e;
  const bool activated = v.activation.type != ActivationType::None;
  e.question = m.Text(max ? (activated ? Msg::ws_pool_question_max_activated : Msg::ws_pool_question_max_feature)
                          : (activated ? Msg::ws_pool_question_average_activated : Msg::ws_pool_question_average_feature));
  // "rows 0 to 1, columns 2 to 3", or "row 4, …" for a window clipped to one row.
  const std::string window =
      RowsText(m, t.row_begin, t.row_end - 1) + ", " + ColumnsText(m, t.col_begin, t.col_end - 1);
  e.answer = m.Text(max ? Msg::ws_pool_answer_max : Msg::ws_pool_answer_average,
                    {{"size", SizeText(v.pool.size_h, v.pool.size_w)},
                     {"stride", v.pool.stride_h == v.pool.stride_w ? std::to_string(v.pool.stride_h)
                                                                   : SizeText(v.pool.stride_h, v.pool.stride_w)},
                     {"window", window},
                     {"values", list},
                     {"value", SpokenNumber(m, t.value)},
                     {"position", Position(at.row, at.col)},
                     {"pooled", SizeText(pooled.rows, pooled.cols)}});
  return e;
}

doc::Paragraph Para(doc::Runs text, int indent = 0) {
  doc::Paragraph p;
  p.text = std::move(text);
  p.indent = indent;
  return p;
}

void Figures(std::vector<PaperBox> lines, double width, const std::string& title, std::vector<doc::Block>* blocks) {
  for (PaperBox& line : lines) {
    doc::Figure f;
    f.scene = PaperScene(std::move(line), width, title);
    f.natural_scale = 1;
    f.border = false;
    f.max_height_fraction = 1;
    blocks->push_back(std::move(f));
  }
}

// A question with `count` ruled lines a hand's height apart under it, as one
// figure so the page never parts them.
doc::Figure QuestionWithLines(int number, const std::string& question, int count, double width, const Messages& m) {
  constexpr double kLineStep = 18, kSize = 9, kLead = kSize * 1.3, kIndent = 16;
  doc::Figure f;
  f.scene.width = width;
  f.scene.title = m.Text(Msg::ws_question_title, {{"number", number}});
  const Color ink{0x1a, 0x1a, 0x1a};
  f.scene.items.emplace_back(TextShape{0, kLead - 3, std::to_string(number) + ".", kSize, ink, TextAnchor::Start, true});
  double y = 0;
  for (const std::string& line : WrapText(question, kSize, width - kIndent, 8)) {
    y += kLead;
    f.scene.items.emplace_back(TextShape{kIndent, y - 3, line, kSize, ink, TextAnchor::Start, false});
  }
  for (int i = 1; i <= count; ++i) {
    const double ly = y + kLineStep * i;
    f.scene.items.emplace_back(LineShape{kIndent, ly, width, ly, Color{0xbb, 0xbb, 0xbb}, 0.5, false});
  }
  f.scene.height = y + kLineStep * count + 2;
  f.natural_scale = 1;
  f.border = false;
  return f;
}

}  // namespace

std::vector<Exercise> VariantQuestions(const BuiltVariant& bv) { return VariantQuestions(bv, WholeMaps(bv.result)); }

std::vector<Exercise> VariantQuestions(const BuiltVariant& bv, const WorkedPart& part) {
  const Variant& v = *bv.variant;
  const VariantResult& r = bv.result;
  const Messages& m = *bv.story.text;
  // A transposed convolution has no window to lay on a position: its
  // exercise scatters a pixel instead, and the largest response's reasoning
  // (one window's products) does not apply.
  std::vector<Exercise> out{SizesExercise(v, m)};
  if (v.conv.transposed) {
    out.push_back(ScatterExercise(v, m));
  } else {
    out.push_back(ProductsExercise(v, part, m));
    out.push_back(LargestExercise(v, r, part, m));
  }
  if (v.activation.type != ActivationType::None) out.push_back(ActivationExercise(v, r, part, m));
  if (r.pooled()) out.push_back(PoolExercise(v, r, part, m));
  return out;
}

doc::Document WorksheetDocument(const BuiltLesson& built, const doc::PageGeometry& page, bool answers) {
  const Lesson& lesson = *built.lesson;
  const Messages& m = *built.text;
  doc::Document document;
  const std::string& title = document.meta.title =
      m.Text(answers ? Msg::ws_title_answers : Msg::ws_title, {{"title", lesson.title}});
  std::vector<doc::Block>& blocks = document.blocks;
  blocks.push_back(doc::Heading{1, doc::Text(title), title});
  if (answers) {
    blocks.push_back(Para(doc::Text(m.Text(Msg::ws_answers_intro))));
  } else {
    blocks.push_back(Para(doc::Text(m.Text(Msg::ws_name_date))));
    blocks.push_back(Para(doc::Text(m.Text(Msg::ws_intro))));
  }
  const double width = page.text_width();
  for (const BuiltVariant& bv : built.variants) {
    const Variant& v = *bv.variant;
    if (&bv != &built.variants.front()) blocks.push_back(doc::PageBreak{});  // a variant's exercises on a sheet of their own
    blocks.push_back(doc::Heading{2, doc::Text(v.label), v.label});
    blocks.push_back(Para(doc::Text(SettingsText(v, m))));
    const WorkedPart part = PartToWork(built, bv, width, page.text_height());
    if (!part.whole) blocks.push_back(Para(doc::Text(m.Text(Msg::ws_part_note))));
    bool cramped = false;
    Figures(GivenPaperLines(built, bv, part, width, &cramped), width, v.label, &blocks);
    const std::vector<Exercise> exercises = VariantQuestions(bv, part);
    // The sizes come first: the grids below show them.
    auto exercise = [&](size_t i, int number) {
      if (answers) {
        doc::Paragraph question = Para({doc::Bold(std::to_string(number) + "."), doc::Plain(" " + exercises[i].question)});
        question.keep_with_next = true;  // never a question at a page's foot and its answer overleaf
        blocks.push_back(std::move(question));
        blocks.push_back(Para({doc::Bold(m.Text(Msg::ws_answer_label)), doc::Plain(" " + exercises[i].answer)}, 1));
      } else {
        // Room to write: one ruled line per 100 characters of expected answer, at least two.
        const int lines = static_cast<int>(std::clamp<size_t>(exercises[i].answer.size() / 100 + 1, 2, 4));
        blocks.push_back(QuestionWithLines(number, exercises[i].question, lines, width, m));
      }
    };
    exercise(0, 1);
    doc::Paragraph maps =
        Para({doc::Bold("2."), doc::Plain(" " + m.Text(answers ? Msg::ws_maps_filled : Msg::ws_maps_fill))});
    maps.keep_with_next = true;  // on the page of the grids it asks for
    blocks.push_back(std::move(maps));
    Figures(ExerciseMapLines(built, bv, part, width, !answers, &cramped), width, v.label, &blocks);
    for (size_t i = 1; i < exercises.size(); ++i) exercise(i, static_cast<int>(i) + 2);
  }
  return document;
}

}  // namespace cl
