#include "document/document_dump.h"

#include <fmt/format.h>

#include "base/number_format.h"
#include "base/quoted_text.h"

namespace cl::doc {

namespace {

std::string Num(double v) { return FormatNumberRounded(v, 3); }

const char* StyleName(ParagraphStyle s) {
  switch (s) {
    case ParagraphStyle::Body: return "body";
    case ParagraphStyle::Lead: return "lead";
    case ParagraphStyle::Note: return "note";
    case ParagraphStyle::Quote: return "quote";
  }
  return "?";
}

char AlignLetter(Align a) { return a == Align::Right ? 'r' : a == Align::Center ? 'c' : 'l'; }

std::string Cells(const std::vector<Runs>& cells) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) {
    out += (i == 0 ? "" : " | ") + (cells[i].empty() ? std::string("\"\"") : DumpRuns(cells[i]));
  }
  return out;
}

// ": runs", or nothing for no runs.
std::string Text(const Runs& runs) { return runs.empty() ? "" : ": " + DumpRuns(runs); }

void DumpBlock(const Block& block, std::string& out) {
  if (const auto* h = std::get_if<Heading>(&block)) {
    out += fmt::format("heading {}", h->level);
    if (!h->outline.empty()) out += " outline=" + QuotedText(h->outline);
    out += Text(h->text) + "\n";
  } else if (const auto* p = std::get_if<Paragraph>(&block)) {
    out += fmt::format("paragraph {}", StyleName(p->style));
    if (p->indent != 0) out += fmt::format(" indent={}", p->indent);
    if (!p->marker.empty()) out += " marker=" + QuotedText(p->marker);
    if (p->compact) out += " compact";
    if (p->keep_with_next) out += " keep-with-next";
    out += Text(p->text) + "\n";
  } else if (const auto* c = std::get_if<Code>(&block)) {
    out += "code";
    if (c->indent != 0) out += fmt::format(" indent={}", c->indent);
    out += " " + QuotedText(c->text) + "\n";
  } else if (const auto* t = std::get_if<Table>(&block)) {
    std::string align;
    for (Align a : t->align) align += AlignLetter(a);
    out += fmt::format("table rows={}", t->rows.size());
    if (!align.empty()) out += " align=" + align;
    if (t->first_column_header) out += " row-labels";
    if (t->monospace) out += " mono";
    if (t->column_bands) out += " column-bands";
    out += Text(t->caption) + "\n";
    if (!t->header.empty()) out += "  header " + Cells(t->header) + "\n";
    for (const auto& row : t->rows) out += "  row " + Cells(row) + "\n";
  } else if (const auto* f = std::get_if<Figure>(&block)) {
    out += fmt::format("figure {}x{} scale={} max-height={} items={}", Num(f->scene.width), Num(f->scene.height),
                       Num(f->natural_scale), Num(f->max_height_fraction), f->scene.items.size());
    if (f->border) out += " border";
    if (f->keep_with_next) out += f->keep_softly ? " keep-with-next-softly" : " keep-with-next";
    if (!f->scene.title.empty()) out += " title=" + QuotedText(f->scene.title);
    out += Text(f->caption) + "\n";
  } else if (const auto* line = std::get_if<ContentsLine>(&block)) {
    out += fmt::format("contents {} page={} y={}", line->level, line->target_page + 1, Num(line->target_y));
    out += Text(line->text) + "\n";
  } else if (std::holds_alternative<Rule>(block)) {
    out += "rule\n";
  } else {
    out += "page-break\n";
  }
}

}  // namespace

std::string DumpRuns(const Runs& runs) {
  std::string out;
  for (size_t i = 0; i < runs.size(); ++i) {
    const Run& run = runs[i];
    std::string styles;
    auto add = [&styles](const char* name) { styles += (styles.empty() ? "" : "+") + std::string(name); };
    if (run.weight == Weight::Bold) add("bold");
    if (run.weight == Weight::Regular) add("regular");
    if (run.italic) add("italic");
    if (run.mono) add("mono");
    if (run.tone == Tone::Muted) add("muted");
    if (run.tone == Tone::Negative) add("negative");
    if (run.tone == Tone::Positive) add("positive");
    out += (i == 0 ? "" : " ") + (styles.empty() ? "" : styles + ":") + QuotedText(run.text);
  }
  return out;
}

std::string DumpDocument(const Document& document) {
  const Metadata& m = document.meta;
  std::string out = "document title=" + QuotedText(m.title);
  if (!m.author.empty()) out += " author=" + QuotedText(m.author);
  if (!m.subject.empty()) out += " subject=" + QuotedText(m.subject);
  out += " language=" + QuotedText(m.language) + "\n";
  for (const Block& block : document.blocks) DumpBlock(block, out);
  return out;
}

}  // namespace cl::doc
