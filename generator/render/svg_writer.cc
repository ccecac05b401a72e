#include "render/svg_writer.h"

#include <algorithm>
#include <cmath>
#include <cstring>
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
constexpr char kDarkFillClass[] = "df-";
constexpr char kDarkStrokeClass[] = "ds-";
// A block of cells is an image: its dark twin is a second image, shown instead.
constexpr std::string_view kLightOnlyClass = "light-only";
constexpr std::string_view kDarkOnlyClass = "dark-only";

// SvgNumber's text held in place: a frame's coordinates are written by the
// thousand, and a string for each was a tenth of writing them. They repeat
// (a grid's cell width and height, a column's x, a row's y, frame after
// frame), so each thread keeps the texts of the last ones (ValueMemo): a
// look-up is a tenth of the 200 instructions formatting one took. 1024
// slots (64 KB a thread): in 256 a photograph's frame made 7 % of its
// coordinates again, in 1024 1.5 %.
RoundedNumber Coordinate(double value) {
  if (!std::isfinite(value)) value = 0.0;
  return ThreadOwned<ValueMemo<RoundedNumber, 1, 10>>().Get(value, [](double v) { return RoundedNumber(v, 3); });
}

// Text written into room kept ahead of it. A shape's element is put piece
// by piece into room taken once: each piece a copy of a size known at
// compile time (a literal's, a number's whole buffer, a colour's seven
// bytes), where appending each piece to a string checked its size and
// called memcpy (a cell's <rect> was ten appends: half of writing it).
class TextOut {
 public:
  // At least `bytes` writable from the pointer returned; Wrote(end) keeps
  // what was written up to `end`.
  char* Room(std::size_t bytes) {
    if (text_.size() - used_ < bytes) text_.resize(std::max(2 * text_.size(), used_ + bytes));
    return text_.data() + used_;
  }
  void Wrote(const char* end) { used_ = static_cast<std::size_t>(end - text_.data()); }
  // Room for `bytes` made at once (growing by doubling copied a body's
  // text again and zeroed twice its size).
  void Reserve(std::size_t bytes) {
    if (text_.size() - used_ < bytes) text_.resize(used_ + bytes);
  }
  void Append(std::string_view piece) {
    std::memcpy(Room(piece.size()), piece.data(), piece.size());
    used_ += piece.size();
  }
  std::string Take() {
    text_.resize(used_);
    used_ = 0;
    return std::move(text_);
  }

 private:
  std::string text_;  // its first used_ bytes are the text
  std::size_t used_ = 0;
};

// The pieces of an element, each put at `at`, returning the end: literals,
// numbers (their whole buffer copied) and colours.
struct ColourHex {  // "#rrggbb", as HexColor writes it
  Color colour;
};
struct ColourDigits {  // "rrggbb"
  Color colour;
};
template <std::size_t N>
char* PutOne(char* at, const char (&literal)[N]) {
  std::memcpy(at, literal, N - 1);
  return at + (N - 1);
}
char* PutOne(char* at, const RoundedNumber& number) {
  std::memcpy(at, number.buffer(), RoundedNumber::kBufferSize);  // the whole buffer: a fixed-size copy
  return at + number.view().size();
}
char* PutOne(char* at, ColourDigits hex) {
  static constexpr char kDigits[] = "0123456789abcdef";
  const Color c = hex.colour;
  at[0] = kDigits[c.r >> 4], at[1] = kDigits[c.r & 15];
  at[2] = kDigits[c.g >> 4], at[3] = kDigits[c.g & 15];
  at[4] = kDigits[c.b >> 4], at[5] = kDigits[c.b & 15];
  return at + 6;
}
char* PutOne(char* at, ColourHex hex) {
  *at = '#';
  return PutOne(at + 1, ColourDigits{hex.colour});
}
template <typename... Pieces>
char* Put(char* at, const Pieces&... pieces) {
  ((at = PutOne(at, pieces)), ...);
  return at;
}

// Room an element's attributes may take, numbers at their whole buffers:
// a <rect> with a dashed stroke and both dark classes is under 420 bytes.
constexpr std::size_t kElementRoom = 512;
// A line's piece of a <path>: four numbers and four letters.
constexpr std::size_t kPathLineRoom = 4 * RoundedNumber::kBufferSize + 8;

// Whether `text` goes into XML as it is (printable ASCII, nothing to
// escape): a frame's numbers, written by the thousand, skip EscapeXml.
bool PlainXml(std::string_view text) {
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c > 0x7E || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'') return false;
  }
  return true;
}

class SvgBody {
 public:
  explicit SvgBody(std::string prefix) : prefix_(std::move(prefix)) {}

  // Room for `items` elements of a frame's usual size (a cell's <rect>
  // or number's <text>: 60 to 90 bytes), 4 MB at most: the room is zeroed
  // and kept by the text taken, and a scene of many lines merged into a
  // path writes far less than that a line.
  void Expect(std::size_t items) {
    constexpr std::size_t kMostExpected = std::size_t{4} << 20;
    out_.Reserve(std::min(std::min<std::size_t>(items, kMostExpected) * 96 + 256, kMostExpected));
  }

  // The dark twin of the next item drawn, or null.
  void SetDark(const SceneItem* dark) { dark_ = dark; }

  void operator()(const RectShape& r) {
    FlushLines();
    const auto* d = Twin<RectShape>();
    char* at = Put(out_.Room(kElementRoom), "<rect x=\"", Coordinate(r.x), "\" y=\"", Coordinate(r.y), "\" width=\"",
                   Coordinate(r.w), "\" height=\"", Coordinate(r.h), "\" fill=\"");
    at = r.has_fill ? Put(at, ColourHex{r.fill}, "\"") : Put(at, "none\"");
    if (r.has_stroke) {
      at = PutStroke(at, r.stroke, r.stroke_width);
      if (r.dashed) at = PutDash(at, r.stroke_width);
    }
    if (d != nullptr) {
      at = Classes(at, r.has_fill && !(d->fill == r.fill) ? &d->fill : nullptr,
                   r.has_stroke && !(d->stroke == r.stroke) ? &d->stroke : nullptr);
    }
    out_.Wrote(Put(at, "/>\n"));
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
      char* at = PutDash(PutStroke(PutLine(out_.Room(kElementRoom), l), l.stroke, l.width), l.width);
      if (dark_stroke != nullptr) at = Classes(at, nullptr, dark_stroke);
      out_.Wrote(Put(at, "/>\n"));
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
      out_.Wrote(PutLine(out_.Room(kElementRoom), first));
    } else {
      out_.Append("<path d=\"");
      for (const LineShape& l : lines_) {
        const RoundedNumber x1 = Coordinate(l.x1), y1 = Coordinate(l.y1), x2 = Coordinate(l.x2), y2 = Coordinate(l.y2);
        char* at = Put(out_.Room(kPathLineRoom), "M", x1, " ", y1);
        if (y1.view() == y2.view()) at = Put(at, "H", x2);
        else if (x1.view() == x2.view()) at = Put(at, "V", y2);
        else at = Put(at, "L", x2, " ", y2);
        out_.Wrote(at);
      }
      out_.Append("\" fill=\"none\"");
    }
    char* at = PutStroke(out_.Room(kElementRoom), first.stroke, first.width);
    if (lines_dark_) at = Classes(at, nullptr, &*lines_dark_);
    out_.Wrote(Put(at, "/>\n"));
    lines_.clear();
  }

  void operator()(const TextShape& t) {
    FlushLines();
    const auto* d = Twin<TextShape>();
    char* at = Put(out_.Room(kElementRoom), "<text x=\"", Coordinate(t.x), "\" y=\"", Coordinate(t.y), "\" font-size=\"",
                   Coordinate(t.size), "\"");
    if (t.anchor == TextAnchor::Middle) at = Put(at, " text-anchor=\"middle\"");
    if (t.anchor == TextAnchor::End) at = Put(at, " text-anchor=\"end\"");
    if (t.bold) at = Put(at, " font-weight=\"bold\"");
    if (!(t.color == Color{0, 0, 0})) at = Put(at, " fill=\"", ColourHex{t.color}, "\"");
    if (d != nullptr && !(d->color == t.color)) at = Classes(at, &d->color, nullptr);
    out_.Wrote(Put(at, ">"));
    if (PlainXml(t.text)) out_.Append(t.text);
    else out_.Append(EscapeXml(t.text));
    out_.Append("</text>\n");
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
    out_.Append("<g");
    if (!g.id.empty()) out_.Append(" id=\"" + prefix_ + IdChars(g.id) + "\"");
    if (!g.role.empty()) out_.Append(" class=\"" + EscapeXml(g.role) + "\"");
    if (!g.label.empty()) out_.Append(" aria-label=\"" + EscapeXml(g.label) + "\"");
    out_.Append(">\n");
  }

  void operator()(const GroupEnd&) {
    FlushLines();
    out_.Append("</g>\n");
  }

  std::string Take() { return out_.Take(); }

 private:
  static bool SameLook(const LineShape& a, const std::optional<Color>& a_dark, const LineShape& b, const Color* b_dark) {
    return a.stroke == b.stroke && Coordinate(a.width).view() == Coordinate(b.width).view() && a_dark.has_value() == (b_dark != nullptr) &&
           (b_dark == nullptr || *a_dark == *b_dark);
  }

  // `<line x1=".." y1=".." x2=".." y2=".."`, unclosed.
  static char* PutLine(char* at, const LineShape& l) {
    return Put(at, "<line x1=\"", Coordinate(l.x1), "\" y1=\"", Coordinate(l.y1), "\" x2=\"", Coordinate(l.x2), "\" y2=\"",
               Coordinate(l.y2), "\"");
  }

  // A stroke's colour and width.
  static char* PutStroke(char* at, Color stroke, double width) {
    return Put(at, " stroke=\"", ColourHex{stroke}, "\" stroke-width=\"", Coordinate(width), "\"");
  }

  // A dashed stroke's dashes and gaps, for a stroke `width` wide.
  static char* PutDash(char* at, double width) {
    return Put(at, " stroke-dasharray=\"", Coordinate(width * 2), " ", Coordinate(width * 1.5), "\"");
  }

  template <typename Shape>
  const Shape* Twin() const {
    return dark_ != nullptr ? std::get_if<Shape>(dark_) : nullptr;
  }

  // A dark colour's class, named by its six hex digits. The colours are
  // kept as numbers (a cell's class was a string made and looked up in a
  // set of strings, a quarter of writing its <rect>); their order is the
  // digits' order.
  char* Classes(char* at, const Color* fill, const Color* stroke) {
    if (fill == nullptr && stroke == nullptr) return at;
    at = Put(at, " class=\"");
    if (fill != nullptr) {
      fills_.insert(PackRgb(*fill));
      at = Put(at, kDarkFillClass, ColourDigits{*fill});
    }
    if (stroke != nullptr) {
      strokes_.insert(PackRgb(*stroke));
      if (fill != nullptr) at = Put(at, " ");
      at = Put(at, kDarkStrokeClass, ColourDigits{*stroke});
    }
    return Put(at, "\"");
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
    out_.Append("<image x=\"" + SvgNumber(c.x) + "\" y=\"" + SvgNumber(c.y) + "\" width=\"" +
                SvgNumber(c.cell_w * c.cols) + "\" height=\"" + SvgNumber(c.cell_h * c.rows) + "\"");
    if (!css_class.empty()) out_.Append(" class=\"" + std::string(css_class) + "\"");
    out_.Append(" preserveAspectRatio=\"none\" image-rendering=\"optimizeSpeed\" "
                "style=\"image-rendering:pixelated\" xlink:href=\"data:image/png;base64,");
    // Straight into the text: a photograph's picture is a megabyte of
    // base64, and each copy of it was held at once with the frame's text.
    AppendBase64(EncodeRgbPng(c.cols, c.rows, rgb), &out_);
    out_.Append("\"/>\n");
  }

  static void AppendBase64(std::string_view bytes, TextOut* to) {
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    char* at = to->Room((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
      const uint32_t n = (static_cast<uint8_t>(bytes[i]) << 16) | (static_cast<uint8_t>(bytes[i + 1]) << 8) |
                         static_cast<uint8_t>(bytes[i + 2]);
      *at++ = kAlphabet[(n >> 18) & 63];
      *at++ = kAlphabet[(n >> 12) & 63];
      *at++ = kAlphabet[(n >> 6) & 63];
      *at++ = kAlphabet[n & 63];
    }
    if (i < bytes.size()) {
      uint32_t n = static_cast<uint8_t>(bytes[i]) << 16;
      if (i + 1 < bytes.size()) n |= static_cast<uint8_t>(bytes[i + 1]) << 8;
      *at++ = kAlphabet[(n >> 18) & 63];
      *at++ = kAlphabet[(n >> 12) & 63];
      *at++ = i + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=';
      *at++ = '=';
    }
    to->Wrote(at);
  }

  std::string prefix_;
  TextOut out_;
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
  body.Expect(scene.items.size());
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

std::string WriteSvgItems(std::span<const SceneItem> items, std::string_view id_prefix) {
  SvgBody body(CleanPrefix(id_prefix));
  body.Expect(items.size());
  for (const SceneItem& item : items) std::visit(body, item);
  body.FlushLines();
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
