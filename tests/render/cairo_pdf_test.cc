// PDF handout engine: escaping runs into markup, dates, pagination that
// keeps text inside the text block (headings with what follows, table headers
// repeated) and a writer whose bytes depend only on its input.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "document/document.h"
#include "render/cairo_pdf_pages.h"
#include "render/cairo_pdf_stream.h"
#include "render/cairo_pdf_text.h"
#include "render/cairo_pdf_writer.h"
#include "render/pdf_markup.h"

namespace cl {
namespace {

// The characters a laid-out text shows, line after line.
std::string Characters(const PdfText& text) {
  std::string out;
  for (const PdfLine& line : text.lines)
    for (const PdfLinePart& part : line.parts)
      if (const auto* run = std::get_if<PdfGlyphRun>(&part)) out += run->text;
  return out;
}

struct TextCase {
  std::string in, want;
};

BOOST_AUTO_TEST_SUITE(pdf_text)

BOOST_AUTO_TEST_CASE(escape_makes_plain_text_safe_markup) {
  const TextCase cases[] = {
      {"a < b & c > \"d\" 'e'", "a &lt; b &amp; c &gt; &quot;d&quot; &apos;e&apos;"},
      {"\u2212" "18 \u00b7 9", "\u2212" "18 \u00b7 9"},
      {std::string("bad \xff byte"), "bad \xEF\xBF\xBD byte"},
      {std::string("bell\x07"), "bell\xEF\xBF\xBD"},
      {"line\nbreak\ttab", "line\nbreak\ttab"},
      {std::string("\xC0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD"},  // overlong NUL
  };
  for (const TextCase& c : cases) BOOST_TEST(PdfEscape(c.in) == c.want);
}

BOOST_AUTO_TEST_CASE(escape_breaks_long_words_with_a_zero_width_space) {
  const std::string zwsp = "\xE2\x80\x8B";
  const std::string word48(48, 'x');
  BOOST_TEST(PdfEscape(word48) == word48);  // up to 48 characters: untouched
  BOOST_TEST(PdfEscape(word48 + "y") == word48 + zwsp + "y");
  BOOST_TEST(PdfEscape(word48 + " " + word48) == word48 + " " + word48);  // spaces restart the count
  // Code points count, not bytes: 48 minus signs are one run of 48.
  std::string minus;
  for (int i = 0; i < 49; ++i) minus += "\u2212";
  BOOST_TEST(PdfEscape(minus) == minus.substr(0, 48 * 3) + zwsp + "\u2212");
}

BOOST_AUTO_TEST_CASE(a_100k_character_word_is_set_in_linear_time) {
  // It took 25 s before words were broken (issue 13); now well under a
  // second. The bound is generous (over 10x) so a loaded machine never fails it.
  doc::Document d;
  d.meta.title = "Long word";
  doc::Paragraph p;
  p.text = doc::Text(std::string(100000, 'x'));
  d.blocks.push_back(p);
  std::string pdf, error;
  const auto start = std::chrono::steady_clock::now();
  BOOST_REQUIRE(WritePdf(d, PdfOptions{}, &pdf, &error));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  BOOST_TEST(seconds < 10.0);
}

BOOST_AUTO_TEST_CASE(dates_come_from_source_date_epoch_or_a_fixed_day) {
  struct DateCase {
    long long epoch;
    std::string want;
  };
  const DateCase cases[] = {
      {0, "2000-01-01T00:00:00Z"},
      {-5, "2000-01-01T00:00:00Z"},
      {1700000000, "2023-11-14T22:13:20Z"},
      {1, "1970-01-01T00:00:01Z"},
      {99999999999999, "9999-12-31T23:59:59Z"},
  };
  for (const DateCase& c : cases) BOOST_TEST(PdfDate(c.epoch) == c.want);
}

BOOST_AUTO_TEST_CASE(runs_become_escaped_markup_in_their_styles) {
  using doc::Run;
  const std::string mono = "<span font_family=\"DejaVu Sans Mono\">";
  struct RunsCase {
    doc::Runs runs;
    std::string want;
  };
  const RunsCase cases[] = {
      {doc::Text("a < b & c"), "a &lt; b &amp; c"},
      {{doc::Bold("1."), doc::Plain(" Why?")}, "<b>1.</b> Why?"},
      {{doc::Plain("Map "), doc::Regular("(rounded)")}, "Map <span weight=\"normal\">(rounded)</span>"},
      {{doc::Italic("x")}, "<i>x</i>"},
      {{Run{"w <x>", doc::Weight::Bold, true, true}}, "<b><i>" + mono + "w &lt;x&gt;</span></i></b>"},
      {{doc::Toned("(url)", doc::Tone::Muted)}, "<span foreground=\"#555555\">(url)</span>"},
      {{doc::Toned("\u2212" "27", doc::Tone::Negative), doc::Toned("27", doc::Tone::Positive)},
       "<span foreground=\"#2166ac\">\u2212" "27</span><span foreground=\"#b35806\">27</span>"},
      {{}, ""},
  };
  for (const RunsCase& c : cases) BOOST_TEST(RunsMarkup(c.runs) == c.want);
}

BOOST_AUTO_TEST_SUITE_END()

// A long document: headings, wrapped paragraphs, a list, code, a long table.
doc::Document LongDocument() {
  doc::Document d;
  d.meta.title = "Long";
  d.blocks.push_back(doc::Heading{1, doc::Text("Long"), "Long"});
  const std::string words =
      "Sliding the filter over every position turns the image into a feature map, a new grid that is large where "
      "the feature is present and small elsewhere. ";
  for (int section = 0; section < 6; ++section) {
    d.blocks.push_back(doc::Heading{2, doc::Text("Section " + std::to_string(section)), "Section " + std::to_string(section)});
    for (int i = 0; i < 4; ++i) {
      doc::Paragraph p;
      std::string text;
      for (int k = 0; k < 1 + (i + section) % 5; ++k) text += words;
      p.text = doc::Text(text);
      d.blocks.push_back(p);
    }
    doc::Code code;
    code.text = "for r in rows:\n    for c in cols:\n        out[r][c] = " + std::string(200, 'x');
    d.blocks.push_back(code);
  }
  doc::Table t;
  t.caption = doc::Text("Numbers");
  t.header = {{}, doc::Text("0"), doc::Text("1")};
  t.first_column_header = true;
  for (int r = 0; r < 120; ++r) t.rows.push_back({doc::Text(std::to_string(r)), doc::Text("\u2212" "18"), doc::Text("27")});
  d.blocks.push_back(t);
  return d;
}

BOOST_AUTO_TEST_SUITE(pdf_pages)

BOOST_AUTO_TEST_CASE(all_text_stays_inside_the_text_block) {
  for (const char* paper : {"a4", "letter"}) {
    const PdfPageGeometry g = PdfPaper(paper);
    PdfTextContext text;
    PdfPaginator paginator(text, g);
    const doc::Document doc = LongDocument();
    paginator.AddBlocks(doc.blocks, doc.meta.title, 0);
    const PdfFlow& flow = paginator.flow();
    BOOST_TEST(flow.pages.size() > 3u);
    const double eps = 0.01;
    for (size_t p = 0; p < flow.pages.size(); ++p) {
      for (const PdfPlaced& item : flow.pages[p].items) {
        if (const auto* t = std::get_if<PdfPlacedText>(&item)) {
          const double bottom = t->y + t->text->Height(t->first, t->last);
          BOOST_TEST(t->y >= g.top - eps, paper << " page " << p);
          BOOST_TEST(bottom <= g.height - g.bottom + eps, paper << " page " << p);
          BOOST_TEST(t->x >= g.left - eps);
          for (size_t i = t->first; i < t->last; ++i) {
            BOOST_TEST(t->x + t->text->lines[i].x + t->text->lines[i].width <= g.width - g.right + eps,
                       paper << " page " << p << " runs past the right margin");
          }
        } else if (const auto* r = std::get_if<PdfPlacedRect>(&item)) {
          BOOST_TEST(r->x + r->w <= g.width - g.right + eps);
          BOOST_TEST(r->y + r->h <= g.height - g.bottom + eps);
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(headings_never_end_a_page_and_tables_repeat_their_header) {
  PdfTextContext text;
  PdfPaginator paginator(text, PdfPaper("a4"));
  const doc::Document doc = LongDocument();
  paginator.AddBlocks(doc.blocks, doc.meta.title, 0);
  const PdfFlow& flow = paginator.flow();
  // Every outline item (a heading) has more content after it on its page.
  for (const PdfOutlineItem& item : flow.outline) {
    double below = 0;
    for (const PdfPlaced& placed : flow.pages[static_cast<size_t>(item.page)].items) {
      if (const auto* t = std::get_if<PdfPlacedText>(&placed)) below = std::max(below, t->y);
    }
    BOOST_TEST(below > item.y + 20, item.title);
  }
  // The 120-row table spans pages; each of them starts its part with "0 1".
  int headers = 0;
  for (const PdfPageContent& page : flow.pages) {
    for (const PdfPlaced& placed : page.items) {
      if (const auto* t = std::get_if<PdfPlacedText>(&placed)) {
        if (Characters(*t->text) == "1") ++headers;  // the header's second column
      }
    }
  }
  BOOST_TEST(headers >= 2);
}

BOOST_AUTO_TEST_CASE(wide_tables_print_in_column_bands) {
  PdfTextContext text;
  const PdfPageGeometry g = PdfPaper("a4");
  PdfPaginator paginator(text, g);
  doc::Table t;
  t.caption = doc::Text("Map");
  t.column_bands = true;
  t.first_column_header = true;
  t.header.push_back({});
  for (int c = 0; c < 30; ++c) t.header.push_back(doc::Text(std::to_string(c)));
  for (int r = 0; r < 3; ++r) {
    std::vector<doc::Runs> row{doc::Text(std::to_string(r))};
    for (int c = 0; c < 30; ++c) row.push_back(doc::Text("\u2212" "123.5"));
    t.rows.push_back(row);
  }
  paginator.AddBlocks({doc::Block{t}}, "Map", 0);
  std::vector<std::string> captions;
  for (const PdfPlaced& placed : paginator.flow().pages[0].items) {
    if (const auto* p = std::get_if<PdfPlacedText>(&placed)) {
      const std::string s = Characters(*p->text);
      if (s.rfind("Map", 0) == 0) captions.push_back(s);
      // Cells never wrap: one line each.
      BOOST_TEST(p->text->lines.size() == 1u, s);
    }
  }
  BOOST_REQUIRE(captions.size() >= 3u);
  BOOST_TEST(captions.front().rfind("Map (columns 0\u2013", 0) == 0u, captions.front());
  BOOST_TEST(captions.back().find("\u201329)") != std::string::npos, captions.back());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(pdf_writer)

BOOST_AUTO_TEST_CASE(paper_sizes_metadata_and_the_same_bytes_twice) {
  struct PaperCase {
    std::string paper, media_box;
  };
  const PaperCase cases[] = {
      {"a4", "/MediaBox [ 0 0 595.275591 841.889764 ]"},
      {"letter", "/MediaBox [ 0 0 612 792 ]"},
  };
  for (const PaperCase& c : cases) {
    PdfOptions options;
    options.paper = c.paper;
    std::string a, b, error;
    BOOST_REQUIRE(WritePdf(LongDocument(), options, &a, &error));
    BOOST_REQUIRE(WritePdf(LongDocument(), options, &b, &error));
    BOOST_TEST(a.rfind("%PDF-1.5", 0) == 0u);
    BOOST_TEST(a.find(c.media_box) != std::string::npos, c.paper);
    BOOST_TEST(a.find("/CreationDate (20000101000000Z)") != std::string::npos);
    BOOST_TEST(a.find("/Title (Long)") != std::string::npos);
    BOOST_TEST(a.find("/Author") == std::string::npos);  // none when the metadata has none
    BOOST_TEST((a == b));
  }
  // The document's own author and subject.
  doc::Document credited = LongDocument();
  credited.meta.author = "A. Teacher";
  credited.meta.subject = "Edges";
  std::string with_credits, error;
  BOOST_REQUIRE(WritePdf(credited, PdfOptions{}, &with_credits, &error));
  BOOST_TEST(with_credits.find("/Author (A. Teacher)") != std::string::npos);
  BOOST_TEST(with_credits.find("/Subject (Edges)") != std::string::npos);
  PdfOptions dated;
  dated.source_date_epoch = 1700000000;
  std::string pdf;
  BOOST_REQUIRE(WritePdf(LongDocument(), dated, &pdf, &error));
  BOOST_TEST(pdf.find("/ModDate (20231114221320Z)") != std::string::npos);
}

// The bytes reach the writer as Cairo makes them, in pieces of at least
// 64 KB but the last, and are the bytes the in-memory form holds; a writer
// that fails ends the document with an error and is not called again.
BOOST_AUTO_TEST_CASE(a_pdf_is_written_in_pieces_as_it_is_made) {
  doc::Document many_pages = LongDocument();
  for (int copy = 0; copy < 30; ++copy) {
    const doc::Document more = LongDocument();
    many_pages.blocks.insert(many_pages.blocks.end(), more.blocks.begin() + 1, more.blocks.end());
  }
  std::string whole, error;
  BOOST_REQUIRE(WritePdf(many_pages, PdfOptions{}, &whole, &error));
  std::vector<std::size_t> sizes;
  std::string joined;
  const PieceWriter record = [&](std::string_view piece) {
    sizes.push_back(piece.size());
    joined.append(piece);
    return true;
  };
  BOOST_REQUIRE(WritePdf(many_pages, PdfOptions{}, record, &error));
  BOOST_TEST(joined.size() == whole.size());
  BOOST_TEST((joined == whole));
  BOOST_REQUIRE(sizes.size() >= 2u);  // not held whole and handed over at the end
  for (std::size_t i = 0; i + 1 < sizes.size(); ++i) BOOST_TEST(sizes[i] >= std::size_t{64} << 10);

  int calls = 0;
  const PieceWriter failing = [&](std::string_view) {
    ++calls;
    return false;
  };
  error.clear();
  BOOST_TEST(!WritePdf(many_pages, PdfOptions{}, failing, &error));
  BOOST_TEST(!error.empty());
  BOOST_TEST(calls == 1);
}

BOOST_AUTO_TEST_CASE(course_has_contents_links_and_an_outline) {
  doc::Course course;
  course.meta.title = "Course";
  doc::Document two = LongDocument();
  two.meta.title = "Second";
  std::get<doc::Heading>(two.blocks[0]) = doc::Heading{1, doc::Text("Second"), "Second"};
  const std::vector<std::shared_ptr<const PdfPages>> parts{LayOutPdf(LongDocument(), PdfOptions{}),
                                                           LayOutPdf(std::move(two), PdfOptions{})};
  std::string pdf, error;
  BOOST_REQUIRE(WriteCoursePdf(course, parts, PdfOptions{}, &pdf, &error));
  for (const char* title : {"/Title (Contents)", "/Title (Long)", "/Title (Second)", "/Title (Section 5)"}) {
    BOOST_TEST(pdf.find(title) != std::string::npos, title);
  }
  // Contents lines link to named destinations on later pages.
  BOOST_TEST(pdf.find("/Subtype /Link") != std::string::npos);
  BOOST_TEST(pdf.find("/Dests") != std::string::npos);
  std::string again;
  BOOST_REQUIRE(WriteCoursePdf(course, parts, PdfOptions{}, &again, &error));
  BOOST_TEST((pdf == again));
}

BOOST_AUTO_TEST_CASE(pages_laid_out_once_print_the_same_bytes_as_the_document) {
  PdfOptions letter;
  letter.paper = "letter";
  letter.compact = true;
  const std::shared_ptr<const PdfPages> pages = LayOutPdf(LongDocument(), letter);
  std::string direct, error;
  BOOST_REQUIRE(WritePdf(LongDocument(), letter, &direct, &error));
  for (int time = 0; time < 2; ++time) {
    std::string printed;
    BOOST_REQUIRE(PdfIntoString([&](const PieceWriter& write, std::string* e) { return WritePdf(*pages, letter, write, e); },
                                &printed, &error));
    BOOST_TEST((printed == direct));
  }
}

BOOST_AUTO_TEST_CASE(two_threads_print_one_laid_out_document_at_once) {
  // Text, a table, a figure with text in it, footers: handout.pdf and
  // course.pdf may draw one lesson's pages at the same moment.
  doc::Document document = LongDocument();
  doc::Figure figure;
  figure.scene.width = 200, figure.scene.height = 100;
  RectShape box;
  box.x = 10, box.y = 10, box.w = 50, box.h = 30;
  box.fill = {0xf4, 0xa5, 0x82};
  figure.scene.items.push_back(box);
  figure.scene.items.push_back(TextShape{20, 60, "-12.5", 14, {0, 0, 0}, TextAnchor::Start, true});
  figure.caption = doc::Text("A figure");
  document.blocks.insert(document.blocks.begin() + 2, doc::Block{figure});
  const std::shared_ptr<const PdfPages> pages = LayOutPdf(std::move(document), PdfOptions{});
  const auto print = [&pages] {
    std::string pdf, error;
    PdfIntoString([&](const PieceWriter& write, std::string* e) { return WritePdf(*pages, PdfOptions{}, write, e); },
                  &pdf, &error);
    return pdf;
  };
  const std::string alone = print();
  BOOST_TEST_REQUIRE(alone.starts_with("%PDF-"));
  std::vector<std::string> printed(2);
  std::vector<std::thread> threads;
  for (std::string& out : printed)
    threads.emplace_back([&print, &out] {
      for (int time = 0; time < 5; ++time) out = print();
    });
  for (std::thread& thread : threads) thread.join();
  for (const std::string& out : printed) BOOST_TEST((out == alone));
}

BOOST_AUTO_TEST_CASE(a_course_refuses_parts_laid_out_for_other_sheets) {
  PdfOptions compact;
  compact.compact = true;
  const std::vector<std::shared_ptr<const PdfPages>> parts{LayOutPdf(LongDocument(), PdfOptions{}),
                                                           LayOutPdf(LongDocument(), compact)};
  std::string pdf, error;
  BOOST_TEST(!WriteCoursePdf(doc::Course{}, parts, PdfOptions{}, &pdf, &error));
  BOOST_TEST(!error.empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace cl
