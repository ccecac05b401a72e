// PDF text: text laid out by Pango for the handout, measured in points. One
// text context per document, set up for print (72 units per inch, no
// hinting, no rounding of glyph positions) so measurements made while
// paginating are the ones drawn. A text's lines can be drawn in pieces,
// which is how a paragraph breaks across pages.
//
// A laid-out text keeps what Pango decided (fonts, glyphs, positions,
// colours) as plain data and no Pango object: drawing it is Cairo alone, so
// any thread may draw it, several at once. That is what lets a lesson's
// handout be laid out once and drawn into both handout.pdf and course.pdf.
#pragma once

#include <pango/pangocairo.h>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "scene/scene.h"

namespace cl {

// A run of glyphs of one font, as Pango's Cairo renderer would show it.
// Positions are in Pango units (1/1024 point) from the line's origin, as
// Pango hands them over, so drawing computes every coordinate as Pango does.
// Kept: fonts, glyphs, clusters, foreground colours and the rectangles of
// underlines, strikethroughs and backgrounds. Not kept, as the PDF markup
// (render/pdf_markup.h) never asks for them: error underlines, shapes and
// alpha.
struct PdfGlyphRun {
  struct Glyph {
    unsigned long index = 0;
    int x = 0;         // from the run's origin: advance so far plus offset
    int y_offset = 0;  // down from the baseline
  };
  // A character no font has: drawn as a box with its code point in hex.
  struct Missing {
    int x = 0, y_offset = 0, width = 0;
    char32_t code = 0;  // > 0x10FFFF: invalid input, drawn as a crossed box
  };
  cairo_scaled_font_t* font = nullptr;  // pinned (render/cairo_font_pins.h); null: no font could show
                                        // the run, all of it is drawn as missing
  int x = 0, y = 0;                     // the run's origin (y: minus its rise)
  std::optional<std::array<uint16_t, 3>> color;  // a span's foreground; none: the text's
  std::vector<Glyph> glyphs;
  std::vector<Missing> missing;
  std::string text;  // the characters, embedded for copying and search
  std::vector<cairo_text_cluster_t> clusters;
  bool backward = false;  // right-to-left
};

// A rectangle Pango draws with a line (underline, strikethrough, background).
struct PdfTextRect {
  std::optional<std::array<uint16_t, 3>> color;
  int x = 0, y = 0, width = 0, height = 0;  // Pango units from the line's origin
};
using PdfLinePart = std::variant<PdfGlyphRun, PdfTextRect>;

struct PdfTextStyle {
  const char* family = "DejaVu Sans";
  double size = 10;  // points
  bool bold = false;
  bool italic = false;
  Color color{0x1a, 0x1a, 0x1a};
  PangoAlignment align = PANGO_ALIGN_LEFT;
  bool ellipsize = false;  // one line, cut with "…" at the width (running footers)
  double line_spacing = 0;  // line height as a multiple of the font size; 0: the font's own
};

// One line of a layout, in points from the layout's top.
struct PdfLine {
  double top = 0, bottom = 0, baseline = 0;
  double x = 0;  // logical left edge (alignment)
  double width = 0;
  std::vector<PdfLinePart> parts;  // in Pango's drawing order
};

// A laid-out piece of text with its lines' metrics. Immutable once made.
struct PdfText {
  std::vector<PdfLine> lines;
  Color color;
  double width = 0;   // widest line
  double height() const { return lines.empty() ? 0 : lines.back().bottom - lines.front().top; }
  // Height of lines [first, last).
  double Height(size_t first, size_t last) const;
};

// A context for print measurement; one per document (not thread-shared;
// the texts it makes are). Every context lays out with one font map, shared
// by all threads and used by one at a time.
class PdfTextContext {
 public:
  // `language`: a BCP 47 tag, for line breaking and shaping.
  explicit PdfTextContext(const std::string& language = "en");
  ~PdfTextContext();
  PdfTextContext(const PdfTextContext&) = delete;
  PdfTextContext& operator=(const PdfTextContext&) = delete;

  // Lays out `markup` (Pango markup; invalid markup is shown as plain text)
  // wrapped at `width` points (<= 0: no wrapping). Lines break between words,
  // and inside a word only when it is wider than the line (code, long
  // addresses), so text never runs past its width.
  PdfText Layout(const std::string& markup, const PdfTextStyle& style, double width) const;

 private:
  // Layout's work for a key not laid out before; the font map's lock held.
  PdfText LayOutAfresh(const std::string& markup, const PdfTextStyle& style, double width) const;

  std::string language_;
  PangoContext* context_ = nullptr;
};

// Draws lines [first, last) of `text` with the first line's top at (x, y).
// Thread-safe for a `text` shared between threads.
void DrawTextLines(cairo_t* cr, const PdfText& text, size_t first, size_t last, double x, double y);

// The lock of the one font map every PdfTextContext lays text out with
// (Pango's font maps are not thread-safe), held for the object's life:
// PdfTextContext takes it for each call into Pango.
class PdfFontMapLock {
 public:
  PdfFontMapLock();
  ~PdfFontMapLock();
  PdfFontMapLock(const PdfFontMapLock&) = delete;
  PdfFontMapLock& operator=(const PdfFontMapLock&) = delete;
};

// True on a thread while it holds a PdfFontMapLock: the binary's GLib shim
// keeps Pango's font sorts for that map only, and runs them only under its
// lock (generator/glib_thread_shim.cc).
bool HoldsPdfFontMapLock();

}  // namespace cl
