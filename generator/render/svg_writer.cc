#include "render/svg_writer.h"

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/number_format.h"
#include "base/thread_owned.h"
#include "base/utf8.h"
#include "base/value_memo.h"
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

// Class names of the dark colours: "df-<hex>" sets the fill, "ds-<hex>" the
// stroke; named by the colour itself, so equal scenes give equal files.
constexpr std::string_view kDarkFillClass = "df-";
constexpr std::string_view kDarkStrokeClass = "ds-";
// A block of cells is an image: its dark twin is a second image, shown instead.
constexpr std::string_view kLightOnlyClass = "light-only";
constexpr std::string_view kDarkOnlyClass = "dark-only";

// SvgNumber's text held in place: a frame's coordinates are written by the
// thousand, and a string for each was a tenth of writing them. They repeat
// (a grid's cell width and height, a column's x, a row's y, frame after
// frame), so each thread keeps the texts of the last ones (ValueMemo): a
// look-up is a tenth of the 200 instructions formatting one took.
RoundedNumber Coordinate(double value) {
  if (!std::isfinite(value)) value = 0.0;
  return ThreadOwned<ValueMemo<RoundedNumber>>().Get(value, [](double v) { return RoundedNumber(v, 3); });
}

class SvgBody {
 public:
  explicit SvgBody(std::string prefix) : prefix_(std::move(prefix)) {}

  // The dark twin of the next item drawn, or null.
  void SetDark(const SceneItem* dark) { dark_ = dark; }

  void operator()(const RectShape& r) {
    FlushLines();
    const auto* d = Twin<RectShape>();
    Put({"<rect x=\"", Coordinate(r.x), "\" y=\"", Coordinate(r.y), "\" width=\"", Coordinate(r.w), "\" height=\"",
         Coordinate(r.h), "\" fill=\"", r.has_fill ? HexColor(r.fill) : "none", "\""});
    if (r.has_stroke) {
      Put({" stroke=\"", HexColor(r.stroke), "\" stroke-width=\"", Coordinate(r.stroke_width), "\""});
      if (r.dashed) Put({" stroke-dasharray=\"", Dash(r.stroke_width), "\""});
    }
    if (d != nullptr) {
      Classes(r.has_fill && !(d->fill == r.fill) ? &d->fill : nullptr,
              r.has_stroke && !(d->stroke == r.stroke) ? &d->stroke : nullptr);
    }
    out_ += "/>\n";
  }

  // Solid lines in a row that look the same (a grid's: 80 of a 40x40
  // map) are one <path>, a few bytes a line instead of a hundred; a line
  // alone stays a <line>. Dashed lines stay apart: a path restarts its
  // dashes at each line only in SVG 2.
  void operator()(const LineShape& l) {
    const auto* d = Twin<LineShape>();
    const Color* dark_stroke = d != nullptr && !(d->stroke == l.stroke) ? &d->stroke : nullptr;
    if (!l.dashed && !lines_.empty() && SameLook(lines_.front(), lines_dark_, l, dark_stroke)) {
      lines_.push_back(l);
      return;
    }
    FlushLines();
    if (l.dashed) {
      Put({"<line x1=\"", Coordinate(l.x1), "\" y1=\"", Coordinate(l.y1), "\" x2=\"", Coordinate(l.x2), "\" y2=\"",
           Coordinate(l.y2), "\" stroke=\"", HexColor(l.stroke), "\" stroke-width=\"", Coordinate(l.width),
           "\" stroke-dasharray=\"", Dash(l.width), "\""});
      if (dark_stroke != nullptr) Classes(nullptr, dark_stroke);
      out_ += "/>\n";
      return;
    }
    lines_.push_back(l);
    lines_dark_ = dark_stroke != nullptr ? std::optional<Color>(*dark_stroke) : std::nullopt;
  }

  // Writes the solid lines held back (one <line>, or a <path> of several).
  void FlushLines() {
    if (lines_.empty()) return;
    const LineShape& first = lines_.front();
    if (lines_.size() == 1) {
      Put({"<line x1=\"", Coordinate(first.x1), "\" y1=\"", Coordinate(first.y1), "\" x2=\"", Coordinate(first.x2),
           "\" y2=\"", Coordinate(first.y2), "\""});
    } else {
      out_ += "<path d=\"";
      for (const LineShape& l : lines_) {
        const RoundedNumber x1 = Coordinate(l.x1), y1 = Coordinate(l.y1), x2 = Coordinate(l.x2), y2 = Coordinate(l.y2);
        Put({"M", x1, " ", y1});
        if (y1.view() == y2.view()) Put({"H", x2});
        else if (x1.view() == x2.view()) Put({"V", y2});
        else Put({"L", x2, " ", y2});
      }
      out_ += "\" fill=\"none\"";
    }
    Put({" stroke=\"", HexColor(first.stroke), "\" stroke-width=\"", Coordinate(first.width), "\""});
    if (lines_dark_) Classes(nullptr, &*lines_dark_);
    out_ += "/>\n";
    lines_.clear();
  }

  void operator()(const TextShape& t) {
    FlushLines();
    const auto* d = Twin<TextShape>();
    Put({"<text x=\"", Coordinate(t.x), "\" y=\"", Coordinate(t.y), "\" font-size=\"", Coordinate(t.size), "\""});
    if (t.anchor == TextAnchor::Middle) out_ += " text-anchor=\"middle\"";
    if (t.anchor == TextAnchor::End) out_ += " text-anchor=\"end\"";
    if (t.bold) out_ += " font-weight=\"bold\"";
    if (!(t.color == Color{0, 0, 0})) Put({" fill=\"", HexColor(t.color), "\""});
    if (d != nullptr && !(d->color == t.color)) Classes(&d->color, nullptr);
    Put({">", EscapeXml(t.text), "</text>\n"});
  }

  void operator()(const CellsShape& c) {
    FlushLines();
    const auto* d = Twin<CellsShape>();
    const bool twin = d != nullptr && d->fills != c.fills;
    Image(c, twin ? kLightOnlyClass : std::string_view());
    if (twin) {
      Image(*d, kDarkOnlyClass);
      images_ = true;
    }
  }

  // The <style> the dark classes need, or "" when nothing changes colour.
  std::string Style() const {
    if (fills_.empty() && strokes_.empty() && !images_) return "";
    std::string css = "<style>";
    if (images_) css += "." + std::string(kDarkOnlyClass) + "{display:none}";
    css += "@media (prefers-color-scheme:dark){";
    for (const uint32_t rgb : fills_) {
      const std::string hex = Hex(rgb);
      css += "." + std::string(kDarkFillClass) + hex + "{fill:#" + hex + "}";
    }
    for (const uint32_t rgb : strokes_) {
      const std::string hex = Hex(rgb);
      css += "." + std::string(kDarkStrokeClass) + hex + "{stroke:#" + hex + "}";
    }
    if (images_) {
      css += "." + std::string(kLightOnlyClass) + "{display:none}." + std::string(kDarkOnlyClass) + "{display:inline}";
    }
    return css + "}</style>\n";
  }

  void operator()(const GroupBegin& g) {
    FlushLines();
    out_ += "<g";
    if (!g.id.empty()) out_ += " id=\"" + prefix_ + IdChars(g.id) + "\"";
    if (!g.role.empty()) out_ += " class=\"" + EscapeXml(g.role) + "\"";
    if (!g.label.empty()) out_ += " aria-label=\"" + EscapeXml(g.label) + "\"";
    out_ += ">\n";
  }

  void operator()(const GroupEnd&) {
    FlushLines();
    out_ += "</g>\n";
  }

  std::string Take() { return std::move(out_); }

 private:
  static bool SameLook(const LineShape& a, const std::optional<Color>& a_dark, const LineShape& b, const Color* b_dark) {
    return a.stroke == b.stroke && Coordinate(a.width).view() == Coordinate(b.width).view() && a_dark.has_value() == (b_dark != nullptr) &&
           (b_dark == nullptr || *a_dark == *b_dark);
  }

  // Appends the pieces in turn (no joined temporaries: frames are written
  // by the thousand).
  void Put(std::initializer_list<std::string_view> pieces) {
    for (const std::string_view piece : pieces) out_ += piece;
  }

  template <typename Shape>
  const Shape* Twin() const {
    return dark_ != nullptr ? std::get_if<Shape>(dark_) : nullptr;
  }

  // A dark colour's class, named by its six hex digits. The colours are
  // kept as numbers (a cell's class was a string made and looked up in a
  // set of strings, a quarter of writing its <rect>); their order is the
  // digits' order.
  void Classes(const Color* fill, const Color* stroke) {
    if (fill == nullptr && stroke == nullptr) return;
    out_ += " class=\"";
    if (fill != nullptr) {
      fills_.insert(PackRgb(*fill));
      out_ += kDarkFillClass;
      out_.append(HexColor(*fill), 1);
    }
    if (stroke != nullptr) {
      strokes_.insert(PackRgb(*stroke));
      if (fill != nullptr) out_ += ' ';
      out_ += kDarkStrokeClass;
      out_.append(HexColor(*stroke), 1);
    }
    out_ += '"';
  }

  static std::string Hex(uint32_t rgb) {
    return HexColor(UnpackRgb(rgb)).substr(1);
  }

  void Image(const CellsShape& c, std::string_view css_class) {
    // One pixel per cell, scaled up without smoothing.
    std::vector<uint8_t> rgb;
    rgb.reserve(c.fills.size() * 3);
    for (std::size_t k = 0; k < c.fills.size(); ++k) {
      const Color f = c.fills[k];
      rgb.push_back(f.r);
      rgb.push_back(f.g);
      rgb.push_back(f.b);
    }
    out_ += "<image x=\"" + SvgNumber(c.x) + "\" y=\"" + SvgNumber(c.y) + "\" width=\"" +
            SvgNumber(c.cell_w * c.cols) + "\" height=\"" + SvgNumber(c.cell_h * c.rows) + "\"";
    if (!css_class.empty()) out_ += " class=\"" + std::string(css_class) + "\"";
    out_ += " preserveAspectRatio=\"none\" image-rendering=\"optimizeSpeed\" "
            "style=\"image-rendering:pixelated\" xlink:href=\"data:image/png;base64,";
    // Straight into the text: a photograph's picture is a megabyte of
    // base64, and each copy of it was held at once with the frame's text.
    AppendBase64(EncodeRgbPng(c.cols, c.rows, rgb), &out_);
    out_ += "\"/>\n";
  }

  static std::string Dash(double width) { return SvgNumber(width * 2) + " " + SvgNumber(width * 1.5); }

  static void AppendBase64(std::string_view bytes, std::string* to) {
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string& out = *to;
    out.reserve(out.size() + (bytes.size() + 2) / 3 * 4);
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
  }

  std::string prefix_;
  std::string out_;
  const SceneItem* dark_ = nullptr;
  std::vector<LineShape> lines_;     // solid lines of one look not written yet
  std::optional<Color> lines_dark_;  // their dark twins' stroke, where it differs
  std::set<uint32_t> fills_, strokes_;  // 0xRRGGBB, sorted: a stable <style>
  bool images_ = false;
};

// Whether `dark` is `light` item for item (kinds match), as DarkScene makes it.
bool Twins(const Scene& light, const Scene* dark) {
  if (dark == nullptr || dark->items.size() != light.items.size()) return false;
  for (std::size_t i = 0; i < light.items.size(); ++i)
    if (light.items[i].index() != dark->items[i].index()) return false;
  return true;
}

// The drawing of `scene`, and in *style the <style> its dark twin needs.
std::string Body(const Scene& scene, std::string_view id_prefix, const Scene* dark, std::string* style) {
  if (!Twins(scene, dark)) dark = nullptr;
  SvgBody body(CleanPrefix(id_prefix));
  RectShape background;
  background.w = scene.width;
  background.h = scene.height;
  background.fill = scene.background;
  RectShape dark_background = background;
  SceneItem dark_background_item;
  if (dark != nullptr) {
    dark_background.fill = dark->background;
    dark_background_item = dark_background;
    body.SetDark(&dark_background_item);
  }
  body(background);
  for (std::size_t i = 0; i < scene.items.size(); ++i) {
    body.SetDark(dark != nullptr ? &dark->items[i] : nullptr);
    std::visit(body, scene.items[i]);
  }
  body.FlushLines();
  if (style != nullptr) *style = body.Style();
  return body.Take();
}

}  // namespace

std::string SvgNumber(double value) { return std::string(Coordinate(value).view()); }  // never "inf" in an attribute

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
  return Body(scene, id_prefix, nullptr, nullptr);
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

namespace {

// A document's parts in order: made once, then written or joined.
struct SvgParts {
  std::string_view declaration;
  std::string start, style, body;
  static constexpr std::string_view kEnd = "</svg>\n";
  SvgParts(const Scene& scene, std::string_view id_prefix, const SvgOptions& options)
      : declaration(options.xml_declaration ? kXmlDeclaration : std::string_view()),
        start(SvgDocumentStart(scene.width, scene.height, CleanPrefix(id_prefix), scene.title, scene.desc)),
        body(Body(scene, id_prefix, options.dark, &style)) {}
  std::string_view at(int i) const {
    const std::string_view parts[] = {declaration, start, style, body, kEnd};
    return parts[i];
  }
  static constexpr int kCount = 5;
};

}  // namespace

bool WriteSvgTo(const Scene& scene, std::string_view id_prefix, const SvgOptions& options, const PieceWriter& write) {
  // In pieces, never joined: a photograph's frame is megabytes of pictures,
  // and a joined copy was held beside the body.
  const SvgParts parts(scene, id_prefix, options);
  for (int i = 0; i < SvgParts::kCount; ++i)
    if (!parts.at(i).empty() && !write(parts.at(i))) return false;
  return true;
}

std::string WriteSvg(const Scene& scene, std::string_view id_prefix, const SvgOptions& options) {
  const SvgParts parts(scene, id_prefix, options);
  std::size_t size = 0;
  for (int i = 0; i < SvgParts::kCount; ++i) size += parts.at(i).size();
  std::string out;
  out.reserve(size);  // sized once: appending to a string just large enough for the body would double it
  for (int i = 0; i < SvgParts::kCount; ++i) out += parts.at(i);
  return out;
}

}  // namespace cl
