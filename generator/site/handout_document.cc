#include "site/handout_document.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <string>
#include <utility>

#include "base/number_format.h"
#include "document/markdown_blocks.h"
#include "site/complexity.h"
#include "site/generated_sections.h"
#include "site/number_table.h"
#include "site/paper_figures.h"
#include "storyboard/captions.h"
#include "storyboard/headings.h"

namespace cl {

namespace {

// A long list of step captions is cut after this many, keeping the last.
constexpr size_t kMaxListedSteps = 40;

doc::Heading Heading(int level, const std::string& text, bool in_outline) {
  return doc::Heading{level, doc::Text(text), in_outline ? text : std::string()};
}

doc::Paragraph Body(const std::string& text) {
  doc::Paragraph p;
  p.text = doc::Text(text);
  return p;
}

doc::Paragraph Note(const std::string& text) {
  doc::Paragraph p;
  p.text = doc::Text(text);
  p.style = doc::ParagraphStyle::Note;
  return p;
}

// A grid as a table with numbered rows and columns, negative values in the
// scale's blue and positive ones in its orange (the frames' colours, darkest
// stop, so they read as text; an image's in ink); too large a grid becomes
// a note.
void AddGridTable(const std::string& caption, const Grid& grid, const Messages& m, std::vector<doc::Block>* blocks,
                  TableTones tones = TableTones::Signs) {
  const NumberTable t = MakeNumberTable(caption, grid, kMaxTableSide, tones);
  if (!t.listed) {
    blocks->push_back(Note(m.Text(Msg::table_skipped, {{"caption", caption},
                                                       {"size", fmt::format("{}\u00d7{}", t.rows, t.cols)},
                                                       {"json", "lesson.json"}})));
    return;
  }
  doc::Table table;
  table.caption = doc::Text(caption);
  table.band_note = m.Text(Msg::print_columns_band, {{"first", "{first}"}, {"last", "{last}"}});
  if (t.rounded) {
    table.caption.push_back(doc::Plain(" "));
    table.caption.push_back(doc::Regular(m.Text(Msg::table_rounded_note)));
  }
  table.first_column_header = true;
  table.monospace = true;
  table.column_bands = true;
  table.header.push_back({});
  for (int c = 0; c < t.cols; ++c) table.header.push_back(doc::Text(std::to_string(c)));
  table.align.assign(static_cast<size_t>(t.cols) + 1, doc::Align::Right);
  for (int r = 0; r < t.rows; ++r) {
    std::vector<doc::Runs> row{doc::Text(std::to_string(r))};
    for (int c = 0; c < t.cols; ++c) {
      const size_t i = static_cast<size_t>(r) * static_cast<size_t>(t.cols) + static_cast<size_t>(c);
      const std::string& tone = t.tones[i];
      row.push_back({doc::Toned(t.texts[i], tone == "neg"   ? doc::Tone::Negative
                                            : tone == "pos" ? doc::Tone::Positive
                                                            : doc::Tone::Inherit)});
    }
    table.rows.push_back(std::move(row));
  }
  blocks->push_back(std::move(table));
}

// The grids the page's step by step shows after a stage's captions.
// With several filters, those of the stage's map (`map`).
void AddStageTables(Stage stage, const BuiltVariant& bv, int map, std::vector<doc::Block>* blocks) {
  const bool stacked = FilterCount(*bv.variant) > 1;
  const Variant v = stacked ? FocusOnFilter(*bv.variant, map) : *bv.variant;
  const VariantResult r = stacked ? FocusOnFilter(bv.result, map) : bv.result;
  const Messages& m = *bv.story.text;
  switch (stage) {
    case Stage::Intro:
      for (int c = 0; c < ChannelCount(v); ++c)
        AddGridTable(ChannelTitle(v, c, m.Text(Msg::table_image, {{"size", SizeText(v.image->rows, v.image->cols)}}), m),
                     ChannelAt(v, c), m, blocks, TableTones::Picture);
      for (int k = 0; k < FilterCount(v); ++k) {
        const Filter& f = FilterAt(v, k);
        const std::string size = SizeText(f.weights.rows, f.weights.cols);
        const std::string title = f.bias != 0.0 ? m.Text(Msg::table_filter_bias, {{"filter", f.name}, {"size", size},
                                                                                  {"bias", FormatNumberText(f.bias)}})
                                                : m.Text(Msg::table_filter, {{"filter", f.name}, {"size", size}});
        for (int c = 0; c < SliceCount(f); ++c) AddGridTable(SliceTitle(v, c, title, m), SliceAt(f, c), m, blocks);
      }
      break;
    case Stage::Conv:
      AddGridTable(m.Text(Msg::table_feature_map, {{"size", SizeText(r.conv().rows, r.conv().cols)}}), r.conv(), m, blocks);
      break;
    case Stage::Activation:
      AddGridTable(m.Text(Msg::table_activated, {{"activation", ActivationName(v.activation, m)},
                                                 {"size", SizeText(r.activated().rows, r.activated().cols)}}),
                   r.activated(), m, blocks);
      break;
    case Stage::Pool:
      if (r.pooled()) {
        AddGridTable(m.Text(Msg::table_activated, {{"activation", StageTitle(Stage::Pool, v, m)},
                                                   {"size", SizeText(r.pooled()->rows, r.pooled()->cols)}}),
                     *r.pooled(), m, blocks);
      }
      break;
    case Stage::Summary: break;
  }
}

class Composer {
 public:
  Composer(const BuiltLesson& built, const doc::PageGeometry& page) : built_(built), page_(page), m_(*built.text) {}

  doc::Document Compose() {
    const Lesson& lesson = *built_.lesson;
    doc::Document document;
    document.meta.title = lesson.title;
    blocks_ = &document.blocks;
    blocks_->push_back(Heading(1, lesson.title, true));
    if (!lesson.summary.empty()) {
      doc::Paragraph lead;
      lead.text = doc::Text(lesson.summary);
      lead.style = doc::ParagraphStyle::Lead;
      blocks_->push_back(std::move(lead));
    }
    bool stepped = false;
    for (const Section& section : lesson.sections) {
      switch (section.kind) {
        case SectionKind::Prose:
          blocks_->push_back(Heading(2, section.title, true));
          doc::AppendMarkdownBlocks(section.body, 2, blocks_);
          break;
        case SectionKind::StepByStep:
          StepByStep(!stepped);
          stepped = true;
          break;
        case SectionKind::Complexity: ComplexitySection(); break;
      }
    }
    if (!stepped) KeySteps();
    return document;
  }

 private:
  // A key beat drawn for paper (site/paper_figures.h), one doc::Figure per
  // line so a page can break between them; the caption under the last says
  // which step it is (the step's own words are in the list below).
  void Figure(const BuiltVariant& bv, int beat) {
    bool cramped = false;
    std::vector<PaperBox> lines = BeatPaperLines(built_, bv, beat, page_.text_width(), &cramped);
    if (lines.empty()) return;
    const std::vector<Beat>& beats = bv.story.beats;
    // Counted as the page counts (steps), the frame's own heading after it.
    const Beat& b = beats[static_cast<size_t>(beat)];
    const std::string& title = b.title;  // the frame's own heading, as its SVG <title>
    for (PaperBox& line : lines) {
      doc::Figure f;
      f.scene = PaperScene(std::move(line), page_.text_width(), title);
      f.natural_scale = 1;  // drawn in points already
      f.border = false;
      f.max_height_fraction = 1;
      blocks_->push_back(std::move(f));
    }
    std::get<doc::Figure>(blocks_->back()).caption =
        doc::Text(m_.Text(Msg::print_figure_caption,
                          {{"number", ++figures_}, {"label", bv.variant->label}, {"step", b.step}, {"heading", b.heading}}));
  }

  void StepList(const std::vector<Beat>& beats, size_t first, size_t end) {
    auto item = [&](size_t i) {
      doc::Paragraph p;
      p.text = doc::Text(beats[i].caption);
      p.marker = std::to_string(i + 1) + ".";
      p.indent = 2;
      p.compact = true;
      blocks_->push_back(std::move(p));
    };
    const size_t count = end - first;
    const size_t shown = count > kMaxListedSteps ? kMaxListedSteps - 1 : count;
    for (size_t i = first; i < first + shown; ++i) item(i);
    if (shown < count) {
      doc::Paragraph more = Note(m_.Count(Msg::print_more_steps, static_cast<long long>(count - shown - 1)));
      more.indent = 2;
      blocks_->push_back(std::move(more));
      item(end - 1);
    }
    std::get<doc::Paragraph>(blocks_->back()).compact = false;
  }

  // The page's step by step, with the key beats drawn. `full`: the first
  // step-by-step section of the lesson (a repeat lists the steps only once).
  void StepByStep(bool full) {
    blocks_->push_back(Heading(2, m_.Text(Msg::page_step_by_step), true));
    blocks_->push_back(Body(m_.Text(Msg::sbs_intro)));
    for (const BuiltVariant& bv : built_.variants) {
      const Variant& v = *bv.variant;
      const std::vector<Beat>& beats = bv.story.beats;
      const std::vector<int> keys = full ? KeyBeats(bv.story) : std::vector<int>{};
      blocks_->push_back(Heading(3, v.label, true));
      for (size_t i = 0; i < beats.size();) {
        const Stage stage = beats[i].stage;
        const int map = beats[i].map;
        size_t end = i;
        while (end < beats.size() && beats[end].stage == stage && beats[end].map == map) ++end;
        const bool stacked = FilterCount(v) > 1 && stage != Stage::Intro && stage != Stage::Summary;
        blocks_->push_back(
            Heading(4, stacked ? MapHeading(map, FilterCount(v), beats[i].stage_title, m_) : beats[i].stage_title, false));
        for (int k : keys) {
          if (static_cast<size_t>(k) >= i && static_cast<size_t>(k) < end) Figure(bv, k);
        }
        StepList(beats, i, end);
        AddStageTables(stage, bv, map, blocks_);
        i = end;
      }
    }
  }

  void KeySteps() {
    blocks_->push_back(Heading(2, m_.Text(Msg::print_key_steps), true));
    for (const BuiltVariant& bv : built_.variants) {
      blocks_->push_back(Heading(3, bv.variant->label, true));
      for (int k : KeyBeats(bv.story)) Figure(bv, k);
    }
  }

  // The page's complexity table: variants whose rows agree share one.
  void ComplexitySection() {
    blocks_->push_back(Heading(2, m_.Text(Msg::page_complexity), true));
    blocks_->push_back(Body(ComplexityIntro(built_, m_)));
    struct Group {
      std::vector<std::string> labels;
      std::vector<ComplexityRow> rows;
      Complexity k;
    };
    std::vector<Group> groups;
    for (const BuiltVariant& bv : built_.variants) {
      const Complexity k = ComputeComplexity(*bv.variant, bv.result);
      std::vector<ComplexityRow> rows = ComplexityRows(*bv.variant, k, m_);
      auto same = [&rows](const Group& g) {
        return std::equal(g.rows.begin(), g.rows.end(), rows.begin(), rows.end(),
                          [](const ComplexityRow& a, const ComplexityRow& b) {
                            return a.quantity == b.quantity && a.formula == b.formula && a.numbers == b.numbers &&
                                   a.result == b.result;
                          });
      };
      if (auto g = std::find_if(groups.begin(), groups.end(), same); g != groups.end()) {
        g->labels.push_back(bv.variant->label);
      } else {
        groups.push_back(Group{{bv.variant->label}, std::move(rows), k});
      }
    }
    for (const Group& g : groups) {
      doc::Table table;
      table.caption = doc::Text(m_.Text(Msg::cx_caption, {{"labels", ListText(g.labels, m_)},
                                                          {"weights", FormatNumberText(static_cast<double>(g.k.weights))},
                                                          {"positions", FormatNumberText(static_cast<double>(g.k.positions))}}));
      table.header = {doc::Text(m_.Text(Msg::cx_head_quantity)), doc::Text(m_.Text(Msg::cx_head_formula)),
                      doc::Text(m_.Text(Msg::cx_head_numbers)), doc::Text(m_.Text(Msg::cx_head_result))};
      table.align = {doc::Align::Left, doc::Align::Left, doc::Align::Left, doc::Align::Right};
      table.first_column_header = true;
      for (const ComplexityRow& r : g.rows) {
        table.rows.push_back({doc::Text(r.quantity), doc::Text(r.formula), doc::Text(r.numbers), doc::Text(r.result)});
      }
      blocks_->push_back(std::move(table));
    }
  }

  const BuiltLesson& built_;
  const doc::PageGeometry page_;
  const Messages& m_;
  std::vector<doc::Block>* blocks_ = nullptr;
  int figures_ = 0;
};

}  // namespace

std::vector<int> KeyBeats(const Storyboard& story) {
  std::set<int> keys;
  std::vector<int> conv;
  int intro = -1, activation = -1, pool = -1, summary = -1;
  for (size_t i = 0; i < story.beats.size(); ++i) {
    const int at = static_cast<int>(i);
    switch (story.beats[i].stage) {
      case Stage::Intro: if (intro < 0) intro = at; break;
      case Stage::Conv: conv.push_back(at); break;
      case Stage::Activation: if (activation < 0) activation = at; break;
      case Stage::Pool: if (pool < 0) pool = at; break;
      case Stage::Summary: summary = at; break;
    }
  }
  for (int k : {intro, activation, pool, summary}) {
    if (k >= 0) keys.insert(k);
  }
  if (!conv.empty()) {
    keys.insert(conv.front());
    if (conv.size() > 1) keys.insert(conv[1]);
    keys.insert(conv.back());
  }
  return {keys.begin(), keys.end()};
}

doc::Document HandoutDocument(const BuiltLesson& built, const doc::PageGeometry& page) {
  return Composer(built, page).Compose();
}

}  // namespace cl
