#include "render/svg_writer.h"

#include <cmath>
#include <string>

#include "base/number_format.h"
#include "base/utf8.h"
#include "render/png_encode.h"
#include "scene/palette.h"

namespace cl {
namespace {

// The frames' font, with fallbacks for viewers without DejaVu Sans.
constexpr const char* kFontFamily = "DejaVu Sans, Verdana, sans-serif";

// Only the characters an XML id may always hold.
std::string IdChars(std::string_view text) {
  std::string out;
  for (char ch : text)
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_')
      out += ch;
  return out;
}

std::string CleanPrefix(std::string_view prefix) {
  std::string out = IdChars(prefix);
  // An id must not start with a digit or '-' in XML: keep it a Name.
  if (!out.empty() && !((out[0] >= 'a' && out[0] <= 'z') || (out[0] >= 'A' && out[0] <= 'Z') || out[0] == '_'))
    out.insert(0, "f");
  return out;
}

class SvgBody {
 public:
  explicit SvgBody(std::string prefix) : prefix_(std::move(prefix)) {}

  void operator()(const RectShape& r) {
    out_ += "<rect x=\"" + SvgNumber(r.x) + "\" y=\"" + SvgNumber(r.y) + "\" width=\"" + SvgNumber(r.w) +
            "\" height=\"" + SvgNumber(r.h) + "\" fill=\"" + (r.has_fill ? HexColor(r.fill) : "none") + "\"";
    if (r.has_stroke) {
      out_ += " stroke=\"" + HexColor(r.stroke) + "\" stroke-width=\"" + SvgNumber(r.stroke_width) + "\"";
      if (r.dashed) out_ += " stroke-dasharray=\"" + Dash(r.stroke_width) + "\"";
    }
    out_ += "/>\n";
  }

  void operator()(const LineShape& l) {
    out_ += "<line x1=\"" + SvgNumber(l.x1) + "\" y1=\"" + SvgNumber(l.y1) + "\" x2=\"" + SvgNumber(l.x2) +
            "\" y2=\"" + SvgNumber(l.y2) + "\" stroke=\"" + HexColor(l.stroke) + "\" stroke-width=\"" + SvgNumber(l.width) +
            "\"";
    if (l.dashed) out_ += " stroke-dasharray=\"" + Dash(l.width) + "\"";
    out_ += "/>\n";
  }

  void operator()(const TextShape& t) {
    out_ += "<text x=\"" + SvgNumber(t.x) + "\" y=\"" + SvgNumber(t.y) + "\" font-size=\"" + SvgNumber(t.size) + "\"";
    if (t.anchor == TextAnchor::Middle) out_ += " text-anchor=\"middle\"";
    if (t.anchor == TextAnchor::End) out_ += " text-anchor=\"end\"";
    if (t.bold) out_ += " font-weight=\"bold\"";
    if (!(t.color == Color{0, 0, 0})) out_ += " fill=\"" + HexColor(t.color) + "\"";
    out_ += ">" + EscapeXml(t.text) + "</text>\n";
  }

  void operator()(const CellsShape& c) {
    // One pixel per cell, scaled up without smoothing.
    std::vector<uint8_t> rgb;
    rgb.reserve(c.fills.size() * 3);
    for (const Color& f : c.fills) {
      rgb.push_back(f.r);
      rgb.push_back(f.g);
      rgb.push_back(f.b);
    }
    out_ += "<image x=\"" + SvgNumber(c.x) + "\" y=\"" + SvgNumber(c.y) + "\" width=\"" +
            SvgNumber(c.cell_w * c.cols) + "\" height=\"" + SvgNumber(c.cell_h * c.rows) +
            "\" preserveAspectRatio=\"none\" image-rendering=\"optimizeSpeed\" "
            "style=\"image-rendering:pixelated\" xlink:href=\"data:image/png;base64," +
            Base64(EncodeRgbPng(c.cols, c.rows, rgb)) + "\"/>\n";
  }

  void operator()(const GroupBegin& g) {
    out_ += "<g";
    if (!g.id.empty()) out_ += " id=\"" + prefix_ + IdChars(g.id) + "\"";
    if (!g.role.empty()) out_ += " class=\"" + EscapeXml(g.role) + "\"";
    if (!g.label.empty()) out_ += " aria-label=\"" + EscapeXml(g.label) + "\"";
    out_ += ">\n";
  }

  void operator()(const GroupEnd&) { out_ += "</g>\n"; }

  std::string Take() { return std::move(out_); }

 private:
  static std::string Dash(double width) { return SvgNumber(width * 2) + " " + SvgNumber(width * 1.5); }

  static std::string Base64(std::string_view bytes) {
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
      const uint32_t n = (static_cast<uint8_t>(bytes[i]) << 16) | (static_cast<uint8_t>(bytes[i + 1]) << 8) |
                         static_cast<uint8_t>(bytes[i + 2]);
      out += kAlphabet[(n >> 18) & 63];
      out += kAlphabet[(n >> 12) & 63];
      out += kAlphabet[(n >> 6) & 63];
      out += kAlphabet[n & 63];
    }
    if (i < bytes.size()) {
      uint32_t n = static_cast<uint8_t>(bytes[i]) << 16;
      if (i + 1 < bytes.size()) n |= static_cast<uint8_t>(bytes[i + 1]) << 8;
      out += kAlphabet[(n >> 18) & 63];
      out += kAlphabet[(n >> 12) & 63];
      out += i + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=';
      out += '=';
    }
    return out;
  }

  std::string prefix_;
  std::string out_;
};

}  // namespace

std::string SvgNumber(double value) {
  if (!std::isfinite(value)) return "0";  // never "inf" in an attribute
  return FormatNumberRounded(value, 3);
}

std::string EscapeXml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    bool valid = false;
    const uint32_t cp = NextCodePoint(text, &i, &valid);
    if (!valid) {
      out += "\uFFFD";
      continue;
    }
    switch (cp) {
      case '&': out += "&amp;"; continue;
      case '<': out += "&lt;"; continue;
      case '>': out += "&gt;"; continue;
      case '"': out += "&quot;"; continue;
      case '\'': out += "&apos;"; continue;
      default: break;
    }
    // XML 1.0 allows tab, newline, carriage return and no other C0 control.
    if ((cp < 0x20 && cp != 0x9 && cp != 0xA && cp != 0xD) || cp == 0xFFFE || cp == 0xFFFF) {
      out += "\uFFFD";
      continue;
    }
    out.append(text.substr(start, i - start));
  }
  return out;
}

std::string WriteSvgBody(const Scene& scene, std::string_view id_prefix) {
  SvgBody body(CleanPrefix(id_prefix));
  RectShape background;
  background.w = scene.width;
  background.h = scene.height;
  background.fill = scene.background;
  body(background);
  for (const SceneItem& item : scene.items) std::visit(body, item);
  return body.Take();
}

std::string SvgDocumentStart(double width, double height, std::string_view prefix, std::string_view title,
                             std::string_view desc, double scale) {
  const std::string w = SvgNumber(width), h = SvgNumber(height), p(prefix);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" "
         "width=\"" + SvgNumber(width * scale) + "\" height=\"" + SvgNumber(height * scale) + "\" viewBox=\"0 0 " + w +
         " " + h + "\" role=\"img\" aria-labelledby=\"" +
         p + "title " + p + "desc\" font-family=\"" + kFontFamily + "\" style=\"font-kerning:none\">\n" +
         "<title id=\"" + p + "title\">" + EscapeXml(title) + "</title>\n" +
         "<desc id=\"" + p + "desc\">" + EscapeXml(desc) + "</desc>\n";
}

std::string WriteSvg(const Scene& scene, std::string_view id_prefix, const SvgOptions& options) {
  const std::string prefix = CleanPrefix(id_prefix);
  std::string out;
  if (options.xml_declaration) out += kXmlDeclaration;
  out += SvgDocumentStart(scene.width, scene.height, prefix, scene.title, scene.desc);
  out += WriteSvgBody(scene, id_prefix);
  out += "</svg>\n";
  return out;
}

}  // namespace cl
