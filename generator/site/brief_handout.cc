#include "site/brief_handout.h"

#include <algorithm>
#include <string>
#include <variant>
#include <utility>
#include <vector>

#include "document/markdown_blocks.h"
#include "site/paper_figures.h"

namespace cl {

namespace {

constexpr double kColumnGap = 20;  // between two variants set side by side
// A figure row at most this share of the text block's height is short.
constexpr double kShortRowShare = 1.0 / 8;

doc::Heading Heading(int level, const std::string& text) { return doc::Heading{level, doc::Text(text), text}; }

doc::Figure PaperFigure(PaperBox box, double width, const std::string& title) {
  doc::Figure f;
  f.scene = PaperScene(std::move(box), width, title);
  f.natural_scale = 1;  // drawn in points already
  f.border = false;
  f.max_height_fraction = 1;
  return f;
}

// How much a variant's figures print (every number, label and index), in
// characters other than spaces, so a note wrapped onto two lines counts the
// same: a half-width layout that prints as much as the full-width one loses
// nothing.
size_t PrintedCharacters(const std::vector<PaperBox>& rows) {
  size_t n = 0;
  for (const PaperBox& row : rows)
    for (const SceneItem& item : row.items)
      if (const auto* t = std::get_if<TextShape>(&item))
        n += static_cast<size_t>(std::count_if(t->text.begin(), t->text.end(), [](char c) { return c != ' '; }));
  return n;
}

// How to read the figures, said once for every variant.
std::string KeyText(const Lesson& lesson, const Messages& m) {
  bool pooled = false, leftover = false, dilated = false, transposed = false, plain = false;
  for (const Variant& v : lesson.variants) {
    transposed = transposed || v.conv.transposed;
    plain = plain || !v.conv.transposed;
    dilated = dilated || v.conv.dilation_h > 1 || v.conv.dilation_w > 1;
    pooled = pooled || v.pool.enabled;
    leftover = leftover || (v.pool.enabled && v.pool.remainder == Remainder::Pad);
  }
  const Msg key = pooled ? (leftover ? (dilated ? Msg::brief_key_dilated_pooled_leftover : Msg::brief_key_pooled_leftover)
                                     : (dilated ? Msg::brief_key_dilated_pooled : Msg::brief_key_pooled))
                        : (dilated ? Msg::brief_key_dilated : Msg::brief_key);
  // Transposed variants: their worked example is a pixel's scaled copy, and their size rule another.
  if (!plain) return m.Text(Msg::brief_key_transposed);
  if (transposed) return m.Text(key) + " " + m.Text(Msg::brief_key_transposed_note);
  return m.Text(key);
}

}  // namespace

doc::Document BriefHandoutDocument(const BuiltLesson& built, const doc::PageGeometry& page) {
  const Lesson& lesson = *built.lesson;
  const Messages& m = *built.text;
  doc::Document document;
  document.meta.title = lesson.title;
  std::vector<doc::Block>& blocks = document.blocks;
  blocks.push_back(Heading(1, lesson.title));
  if (!lesson.summary.empty()) {
    doc::Paragraph lead;
    lead.text = doc::Text(lesson.summary);
    lead.style = doc::ParagraphStyle::Lead;
    blocks.push_back(std::move(lead));
  }
  for (const Section& section : lesson.sections) {
    if (section.kind != SectionKind::Prose) continue;
    blocks.push_back(Heading(2, section.title));
    doc::AppendMarkdownBlocks(section.body, 2, &blocks);
  }

  blocks.push_back(Heading(2, m.Text(Msg::brief_worked_example)));
  doc::Paragraph key;
  key.text = doc::Text(KeyText(lesson, m));
  blocks.push_back(std::move(key));

  const double width = page.text_width(), half = (width - kColumnGap) / 2;
  const bool labelled = built.variants.size() > 1;
  struct Laid {
    std::vector<PaperBox> rows;
    bool half = false;
    std::string label;
    const BuiltVariant* variant = nullptr;
  };
  std::vector<Laid> laid;
  for (const BuiltVariant& bv : built.variants) {
    Laid l;
    l.label = bv.variant->label;
    l.variant = &bv;
    bool cramped = false;
    if (labelled) l.rows = VariantPaperRows(built, bv, half, true, &cramped);
    l.half = labelled && !cramped;
    if (!l.half) {
      cramped = false;
      std::vector<PaperBox> full = VariantPaperRows(built, bv, width, labelled, &cramped);
      // Grids too large to number at any width (a photograph) are pictures
      // either way: they pair up at half width when no number is lost there.
      l.half = labelled && cramped && PrintedCharacters(l.rows) == PrintedCharacters(full);
      if (!l.half) l.rows = std::move(full);
    }
    laid.push_back(std::move(l));
  }
  // A variant's last row, when short (the pooled map and the output sizes,
  // say), does not start a page alone: the row before keeps with it, where
  // that costs the handout no page (a brief one has two). A taller one (a
  // photograph's map) may.
  const double short_row = page.text_height() * kShortRowShare;
  const auto keep_last_two_together = [&blocks, short_row](size_t first) {
    if (blocks.size() < first + 2 || std::get<doc::Figure>(blocks.back()).scene.height > short_row) return;
    doc::Figure& before = std::get<doc::Figure>(blocks[blocks.size() - 2]);
    before.keep_with_next = before.keep_softly = true;
  };
  for (size_t i = 0; i < laid.size();) {
    const size_t first = blocks.size();
    if (laid[i].half && i + 1 < laid.size() && laid[i + 1].half) {
      const std::string title = ListText({laid[i].label, laid[i + 1].label}, m);
      std::vector<PaperBox>& left = laid[i].rows;
      std::vector<PaperBox>& right = laid[i + 1].rows;
      for (size_t r = 0; r < std::max(left.size(), right.size()); ++r) {
        PaperBox pair;
        if (r < left.size()) PlaceBox(&pair, std::move(left[r]), 0, 0);
        if (r < right.size()) PlaceBox(&pair, std::move(right[r]), half + kColumnGap, 0);
        blocks.push_back(PaperFigure(std::move(pair), width, title));
      }
      keep_last_two_together(first);
      i += 2;
    } else {
      if (laid[i].half) {  // no partner: the full width lets its figures share lines
        bool cramped = false;
        laid[i].rows = VariantPaperRows(built, *laid[i].variant, width, labelled, &cramped);
      }
      // Moved: a photograph's rows hold megabytes of cell colours.
      for (PaperBox& row : laid[i].rows) blocks.push_back(PaperFigure(std::move(row), width, laid[i].label));
      keep_last_two_together(first);
      ++i;
    }
  }
  return document;
}

}  // namespace cl
