#include "site/latex_text.h"

#include "base/utf8.h"

namespace cl {
namespace {

// The LaTeX for one ASCII special character, or nullptr when it is plain.
const char* AsciiSpecial(char c) {
  switch (c) {
    case '\\': return "\\textbackslash{}";
    case '{': return "\\{";
    case '}': return "\\}";
    case '$': return "\\$";
    case '&': return "\\&";
    case '#': return "\\#";
    case '%': return "\\%";
    case '_': return "\\_";
    case '^': return "\\textasciicircum{}";
    case '~': return "\\textasciitilde{}";
    case '<': return "\\textless{}";
    case '>': return "\\textgreater{}";
    case '|': return "\\textbar{}";
    default: return nullptr;
  }
}

// The command for a non-ASCII character the tool's own text uses, or nullptr.
const char* Typographic(uint32_t code_point) {
  switch (code_point) {
    case 0x2212: return "\\textminus{}";
    case 0x00D7: return "\\texttimes{}";
    case 0x00B7: return "\\textperiodcentered{}";
    case 0x2026: return "\\dots{}";
    case 0x2013: return "--";
    case 0x2014: return "---";
    case 0x2018: return "`";
    case 0x2019: return "'";
    case 0x201C: return "``";
    case 0x201D: return "''";
    case 0x230A: return "\\ensuremath{\\lfloor}";
    case 0x230B: return "\\ensuremath{\\rfloor}";
    case 0x2308: return "\\ensuremath{\\lceil}";
    case 0x2309: return "\\ensuremath{\\rceil}";
    case 0x2248: return "\\ensuremath{\\approx}";
    case 0x2264: return "\\ensuremath{\\leq}";
    case 0x2265: return "\\ensuremath{\\geq}";
    case 0x2260: return "\\ensuremath{\\neq}";
    case 0x2192: return "\\ensuremath{\\rightarrow}";
    case 0x03A3: return "\\ensuremath{\\Sigma}";
    case 0x00A0: return "~";
    default: return nullptr;
  }
}

}  // namespace

std::string LatexEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    bool valid = true;
    const uint32_t code_point = NextCodePoint(text, &i, &valid);
    if (!valid) {
      out += "\xEF\xBF\xBD";  // U+FFFD for a byte that is not UTF-8
      continue;
    }
    if (code_point < 0x80) {
      const char c = static_cast<char>(code_point);
      if (const char* special = AsciiSpecial(c)) {
        out += special;
      } else if (c == '\n' || c == '\r' || c == '\t') {
        out += ' ';
      } else if (static_cast<unsigned char>(c) >= 0x20) {
        out += c;
      }
      continue;
    }
    if (const char* command = Typographic(code_point)) {
      out += command;
    } else {
      out.append(text.substr(start, i - start));
    }
  }
  return out;
}

}  // namespace cl
