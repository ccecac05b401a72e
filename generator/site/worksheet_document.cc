#include "site/worksheet_document.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "base/number_format.h"
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
std::string PositionList(const std::vector<std::pair<int, int>>& cells) {
  std::string out;
  const size_t shown = std::min(cells.size(), kMaxListedCells);
  for (size_t i = 0; i < shown; ++i) {
    out += i == 0 ? "" : (i + 1 == shown && shown == cells.size()) ? " and " : ", ";
    out += Position(cells[i].first, cells[i].second);
  }
  if (shown < cells.size()) out += fmt::format(" and {} more", cells.size() - shown);
  return out;
}

// "rows 0–1", or "row 4" for a window clipped to one row: [begin, end).
std::string Span(const char* one, const char* many, int begin, int end) {
  return end - begin == 1 ? fmt::format("{} {}", one, begin) : fmt::format("{} {}\u2013{}", many, begin, end - 1);
}

Exercise SizesExercise(const Variant& v) {
  Exercise e;
  e.question = "How many rows and columns does each map have? Work it out before you fill in the grids: along each "
               "axis a map has \u230a(input + padding \u2212 window) / stride\u230b + 1 cells";
  e.question += v.pool.enabled ? (v.pool.remainder == Remainder::Pad
                                      ? "; pooling with leftover cells pooled gives \u2308(map \u2212 window) / "
                                        "stride\u2309 + 1."
                                      : "; pooling gives \u230a(map \u2212 window) / stride\u230b + 1.")
                               : ".";
  const std::vector<std::string> lines = OutputSizeLines(v);
  for (size_t i = 0; i < lines.size(); ++i) e.answer += (i == 0 ? "" : "; ") + lines[i];
  e.answer += ".";
  return e;
}

Exercise ProductsExercise(const Variant& v) {
  const ConvTrace t = TraceConvCell(v, 0, 0);
  const Grid& w = v.filter.weights;
  Exercise e;
  e.question = "Lay the filter on position (0, 0) of the feature map: write out every product pixel \u00d7 weight, "
               "then add them up.";
  for (size_t i = 0; i < t.products.size(); ++i) {
    e.answer += (i == 0 ? "" : " + ") + N(t.inputs[i]) + "\u00b7" + Factor(w.values[i]);
  }
  e.answer += " = " + N(t.sum) + ".";
  return e;
}

Exercise LargestExercise(const Variant& v, const VariantResult& r) {
  int best_row = 0, best_col = 0, ties = 0;
  for (int row = 0; row < r.conv.rows; ++row) {
    for (int col = 0; col < r.conv.cols; ++col) {
      const double x = r.conv.at(row, col), best = r.conv.at(best_row, best_col);
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
  double positive = 0, negative = 0;
  bool has_negative = false;
  for (size_t i = 0; i < t.products.size(); ++i) {
    if (v.filter.weights.values[i] > 0) positive += t.products[i];
    if (v.filter.weights.values[i] < 0) {
      negative += t.products[i];
      has_negative = true;
    }
  }
  Exercise e;
  e.question = "Which position of the feature map gives the largest response, and why there?";
  e.answer = fmt::format("Position {}, with {}", Position(best_row, best_col), N(t.sum));
  if (ties > 0) e.answer += fmt::format(" (and {} more {} with the same value)", ties, ties == 1 ? "position" : "positions");
  e.answer += has_negative
                  ? fmt::format(". There the products of the positive weights add up to {} and those of the negative "
                                "weights to {}, and no other window’s sum comes out larger.",
                                N(positive), N(negative))
                  : fmt::format(". Every weight is positive or zero, so the window over the largest pixels answers "
                                "most: its products add up to {}.",
                                N(positive));
  return e;
}

Exercise ActivationExercise(const Variant& v, const VariantResult& r) {
  std::vector<std::pair<int, int>> negative;
  int first_row = -1, first_col = -1;
  for (int row = 0; row < r.conv.rows; ++row) {
    for (int col = 0; col < r.conv.cols; ++col) {
      if (r.conv.at(row, col) < 0) {
        negative.emplace_back(row, col);
        if (first_row < 0) first_row = row, first_col = col;
      }
    }
  }
  const long long cells = static_cast<long long>(r.conv.rows) * r.conv.cols;
  const long long others = cells - static_cast<long long>(negative.size());
  Exercise e;
  e.question = fmt::format("What does {} change in the feature map?", ActivationName(v.activation));
  if (negative.empty()) {
    e.answer = "Nothing: no cell of the feature map is negative, so every cell passes unchanged.";
  } else if (v.activation.type == ActivationType::LeakyRelu) {
    e.answer = fmt::format("It multiplies the {} by the slope {}: {} at {} becomes {}. The {} {} unchanged.",
                           CountText(static_cast<long long>(negative.size()), "negative cell", "negative cells"),
                           N(v.activation.slope), N(r.conv.at(first_row, first_col)), Position(first_row, first_col),
                           N(r.activated.at(first_row, first_col)), CountText(others, "other cell", "other cells"),
                           others == 1 ? "passes" : "pass");
  } else {
    e.answer = fmt::format("It sets the {} to 0: {}. The {} {} unchanged.",
                           CountText(static_cast<long long>(negative.size()), "negative cell", "negative cells"),
                           PositionList(negative), CountText(others, "other cell", "other cells"),
                           others == 1 ? "passes" : "pass");
  }
  return e;
}

Exercise PoolExercise(const Variant& v, const VariantResult& r) {
  const Grid& pooled = *r.pooled;
  const CellPosition at = StrongestCell(pooled);
  const PoolTrace t = TracePoolCell(v, r.activated, at.row, at.col);
  const bool max = v.pool.type == PoolType::Max;
  std::vector<std::string> values;
  for (int row = t.row_begin; row < t.row_end; ++row) {
    for (int col = t.col_begin; col < t.col_end; ++col) values.push_back(N(r.activated.at(row, col)));
  }
  std::string list;
  for (size_t i = 0; i < values.size(); ++i) list += (i == 0 ? "" : ", ") + values[i];
  Exercise e;
  const std::string map = v.activation.type == ActivationType::None ? "feature map" : "activated map";
  e.question = fmt::format("What does {} pooling keep of the {}?", max ? "max" : "average", map);
  const std::string window = Span("row", "rows", t.row_begin, t.row_end) + ", " +
                             Span("column", "columns", t.col_begin, t.col_end);
  if (max) {
    e.answer = fmt::format("The largest value of each {} window, moved {} at a time: the window over {} holds {} and "
                           "keeps {}, pooled cell {}. The map shrinks to {}.",
                           SizeText(v.pool.size_h, v.pool.size_w),
                           v.pool.stride_h == v.pool.stride_w ? std::to_string(v.pool.stride_h)
                                                              : SizeText(v.pool.stride_h, v.pool.stride_w),
                           window, list, N(t.value), Position(at.row, at.col), SizeText(pooled.rows, pooled.cols));
  } else {
    e.answer = fmt::format("The mean of each {} window: the window over {} holds {}, whose mean is {}, pooled cell "
                           "{}. The map shrinks to {}.",
                           SizeText(v.pool.size_h, v.pool.size_w), window, list, N(t.value),
                           Position(at.row, at.col), SizeText(pooled.rows, pooled.cols));
  }
  return e;
}

doc::Paragraph Para(doc::Runs text, int indent = 0) {
  doc::Paragraph p;
  p.text = std::move(text);
  p.indent = indent;
  return p;
}

void Figures(const std::vector<PaperBox>& lines, double width, const std::string& title,
             std::vector<doc::Block>* blocks) {
  for (const PaperBox& line : lines) {
    doc::Figure f;
    f.scene = PaperScene(line, width, title);
    f.natural_scale = 1;
    f.border = false;
    f.max_height_fraction = 1;
    blocks->push_back(std::move(f));
  }
}

// A question with `count` ruled lines a hand's height apart under it, as one
// figure so the page never parts them.
doc::Figure QuestionWithLines(int number, const std::string& question, int count, double width) {
  constexpr double kLineStep = 18, kSize = 9, kLead = kSize * 1.3, kIndent = 16;
  doc::Figure f;
  f.scene.width = width;
  f.scene.title = "Question " + std::to_string(number);
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

std::vector<Exercise> VariantQuestions(const BuiltVariant& bv) {
  const Variant& v = *bv.variant;
  const VariantResult& r = bv.result;
  std::vector<Exercise> out{SizesExercise(v), ProductsExercise(v), LargestExercise(v, r)};
  if (v.activation.type != ActivationType::None) out.push_back(ActivationExercise(v, r));
  if (r.pooled) out.push_back(PoolExercise(v, r));
  return out;
}

doc::Document WorksheetDocument(const BuiltLesson& built, const doc::PageGeometry& page, bool answers) {
  const Lesson& lesson = *built.lesson;
  doc::Document document;
  const std::string& title = document.meta.title = (answers ? "Answers: " : "Worksheet: ") + lesson.title;
  std::vector<doc::Block>& blocks = document.blocks;
  blocks.push_back(doc::Heading{1, doc::Text(title), title});
  if (answers) {
    blocks.push_back(Para(doc::Text("The worksheet worked out: every map filled in and every question answered.")));
  } else {
    blocks.push_back(Para(doc::Text("Name: ______________________________    Date: ______________")));
    blocks.push_back(Para(doc::Text(
        "Work each part out by hand. Rows and columns are numbered from 0 and a position is written (row, column); "
        "grey cells are padding zeros. Blue cells are negative, orange ones positive.")));
  }
  const double width = page.text_width();
  for (const BuiltVariant& bv : built.variants) {
    const Variant& v = *bv.variant;
    if (&bv != &built.variants.front()) blocks.push_back(doc::PageBreak{});  // a variant's exercises on a sheet of their own
    blocks.push_back(doc::Heading{2, doc::Text(v.label), v.label});
    blocks.push_back(Para(doc::Text(SettingsText(v))));
    bool cramped = false;
    Figures(GivenPaperLines(built, bv, width, &cramped), width, v.label, &blocks);
    const std::vector<Exercise> exercises = VariantQuestions(bv);
    // The sizes come first: the grids below show them.
    auto exercise = [&](size_t i, int number) {
      if (answers) {
        doc::Paragraph question = Para({doc::Bold(std::to_string(number) + "."), doc::Plain(" " + exercises[i].question)});
        question.keep_with_next = true;  // never a question at a page's foot and its answer overleaf
        blocks.push_back(std::move(question));
        blocks.push_back(Para({doc::Bold("Answer:"), doc::Plain(" " + exercises[i].answer)}, 1));
      } else {
        // Room to write: one ruled line per 100 characters of expected answer, at least two.
        const int lines = static_cast<int>(std::clamp<size_t>(exercises[i].answer.size() / 100 + 1, 2, 4));
        blocks.push_back(QuestionWithLines(number, exercises[i].question, lines, width));
      }
    };
    exercise(0, 1);
    doc::Paragraph maps = Para({doc::Bold("2."), doc::Plain(answers ? " The maps, filled in."
                                                                    : " Fill in the maps, one cell at a time.")});
    maps.keep_with_next = true;  // on the page of the grids it asks for
    blocks.push_back(std::move(maps));
    Figures(ExerciseMapLines(built, bv, width, !answers, &cramped), width, v.label, &blocks);
    for (size_t i = 1; i < exercises.size(); ++i) exercise(i, static_cast<int>(i) + 2);
  }
  return document;
}

}  // namespace cl
