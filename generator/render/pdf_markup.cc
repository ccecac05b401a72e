#include "render/pdf_markup.h"

#include "base/utf8.h"
#include "scene/palette.h"

namespace cl {

namespace {

// Pango's line breaking slows down sharply on one very long word (100,000
// characters took 25 s to set), and such a word overflows the page anyway:
// after this many characters without a space, a zero-width space lets the
// line break there.
constexpr int kMaxUnbrokenRun = 48;
constexpr std::string_view kZeroWidthSpace = "\xE2\x80\x8B";

}  // namespace

std::string PdfEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  int run = 0;  // code points since the last space or line break
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    const size_t n = Utf8SequenceLength(text, i);
    if (c == ' ' || c == '\n' || c == '\t') {
      run = 0;
    } else if (++run > kMaxUnbrokenRun) {
      out += kZeroWidthSpace;
      run = 1;
    }
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    if (n == 1) {
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default:
          if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') {
            out += "\xEF\xBF\xBD";
          } else {
            out += c;
          }
      }
    } else {
      out.append(text.substr(i, n));
    }
    i += n;
  }
  return out;
}

std::string RunsMarkup(const doc::Runs& runs) {
  std::string out;
  for (const doc::Run& run : runs) {
    std::string close;
    auto wrap = [&](const std::string& open, const std::string& end) {
      out += open;
      close.insert(0, end);
    };
    if (run.weight == doc::Weight::Bold) wrap("<b>", "</b>");
    if (run.weight == doc::Weight::Regular) wrap("<span weight=\"normal\">", "</span>");
    if (run.italic) wrap("<i>", "</i>");
    if (run.mono) wrap("<span font_family=\"DejaVu Sans Mono\">", "</span>");
    switch (run.tone) {
      case doc::Tone::Inherit: break;
      case doc::Tone::Muted: wrap("<span foreground=\"#555555\">", "</span>"); break;
      case doc::Tone::Negative: wrap("<span foreground=\"" + HexColor(DivergingColor(-1, 1)) + "\">", "</span>"); break;
      case doc::Tone::Positive: wrap("<span foreground=\"" + HexColor(DivergingColor(1, 1)) + "\">", "</span>"); break;
    }
    out += PdfEscape(run.text);
    out += close;
  }
  return out;
}

}  // namespace cl
