#include "render/cairo_painter.h"

#include <pango/pangocairo.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "base/sha256.h"
#include "render/cairo_font_pins.h"
#include "scene/text_metrics.h"

namespace cl {
namespace {

constexpr const char* kFontFamily = "DejaVu Sans";

void SetPaintSettings(cairo_t* cr);

void SetColor(cairo_t* cr, Color c) { cairo_set_source_rgb(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0); }

void SetDash(cairo_t* cr, bool dashed, double width) {
  if (dashed) {
    const double pattern[] = {width * 2, width * 1.5};
    cairo_set_dash(cr, pattern, 2, 0);
  } else {
    cairo_set_dash(cr, nullptr, 0, 0);
  }
}

// Fixed text rendering so frames do not depend on the desktop's settings:
// greyscale antialiasing, no hinting, unhinted metrics (advances then match
// the widths scene/ measured with).
void SetFontOptions(cairo_t* cr) {
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_subpixel_order(options, CAIRO_SUBPIXEL_ORDER_DEFAULT);
  cairo_set_font_options(cr, options);
  cairo_font_options_destroy(options);
}

// The two faces frames use, created once: selecting a toy face by name asks
// fontconfig every time, which costs more than drawing the text.
cairo_font_face_t* Face(bool bold) {
  static cairo_font_face_t* const regular =
      cairo_toy_font_face_create(kFontFamily, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  static cairo_font_face_t* const heavy =
      cairo_toy_font_face_create(kFontFamily, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  return bold ? heavy : regular;
}

// Sets `cr`'s font to the toy face at `size`, its scaled font made once
// per process and pinned for good (render/cairo_font_pins.h: Cairo 1.16
// races when the last reference to a font shared between threads goes).
void SetFont(cairo_t* cr, bool bold, double size) {
  cairo_set_font_face(cr, Face(bold));  // (Cairo keeps the context's scaled font when the face is the same)
  // Setting a size drops the context's scaled font even when it is the
  // same, and the next text looked it up again in Cairo's font map (about
  // 4,000 instructions, 1.7 % of the default lesson): cells' numbers come
  // one after another in one size.
  cairo_matrix_t font_matrix;
  cairo_get_font_matrix(cr, &font_matrix);
  if (font_matrix.xx != size || font_matrix.yy != size || font_matrix.xy != 0 || font_matrix.yx != 0 ||
      font_matrix.x0 != 0 || font_matrix.y0 != 0)
    cairo_set_font_size(cr, size);
  cairo_matrix_t ctm;
  cairo_get_matrix(cr, &ctm);
  // What names a scaled font here (translation aside, and the target's
  // kind, whose font options are merged in); a few dozen per build.
  using Key = std::array<double, 7>;
  const Key key{bold ? 1.0 : 0.0, size, ctm.xx, ctm.yx, ctm.xy, ctm.yy,
                static_cast<double>(cairo_surface_get_type(cairo_get_target(cr)))};
  thread_local std::vector<Key> kept_here;  // made (or found made) by this thread
  if (std::find(kept_here.begin(), kept_here.end(), key) != kept_here.end()) return;
  PinContextFont(cr);
  kept_here.push_back(key);
}

// What the painter remembers of a text in a font (pinned: its address
// names it for good), per thread: most texts are a few numbers drawn again
// and again, and Cairo converts the text to glyphs and measures each glyph
// every time. Its extents, and once asked for, its glyphs (their indices
// and each one's advance) and clusters, as cairo_scaled_font_text_to_glyphs
// makes them.
struct MeasuredText {
  cairo_text_extents_t extents{};
  bool shaped = false, shapes = false;  // glyphs asked for; made without error
  std::vector<cairo_glyph_t> glyphs;    // index, and advance in x and y (not a place)
  std::vector<cairo_text_cluster_t> clusters;

  // The glyphs placed from (x, y) as Cairo places them: each at the sum so
  // far of the advances before it, added one by one (so to the last bit).
  void PlaceFrom(double x, double y, std::vector<cairo_glyph_t>* placed) const {
    for (const cairo_glyph_t& g : glyphs) {
      placed->push_back({g.index, x, y});
      x += g.x, y += g.y;
    }
  }
};

// What a per-thread cache of a font's (a pinned font's address names it)
// texts or glyphs is keyed by.
template <typename What>
struct InFont {
  const cairo_scaled_font_t* font;
  What what;
  bool operator==(const InFont&) const = default;
  struct Hash {
    std::size_t operator()(const InFont& k) const {
      return std::hash<What>()(k.what) ^ std::hash<const void*>()(k.font) * 0x9E3779B97F4A7C15ull;
    }
  };
};

struct MeasuredTexts {
  using Key = InFont<std::string>;
  static constexpr std::size_t kMost = 1 << 14;  // a few MB at most: a photograph's numbers are many
  std::unordered_map<Key, MeasuredText, Key::Hash> texts;
  int holds = 0;  // while above 0 none is dropped: a caller holds pointers to them
};
thread_local MeasuredTexts t_measured;

// Keeps every text this thread remembers until it goes.
struct HoldMeasuredTexts {
  HoldMeasuredTexts() { ++t_measured.holds; }
  ~HoldMeasuredTexts() { --t_measured.holds; }
  HoldMeasuredTexts(const HoldMeasuredTexts&) = delete;
  HoldMeasuredTexts& operator=(const HoldMeasuredTexts&) = delete;
};

// `text` in `cr`'s font, remembered; null when the context has a current
// point (Cairo then starts the glyphs there, not at 0, 0) or an error.
MeasuredText* Measured(cairo_t* cr, const std::string& text) {
  if (cairo_has_current_point(cr) || cairo_status(cr) != CAIRO_STATUS_SUCCESS) return nullptr;
  cairo_scaled_font_t* font = cairo_get_scaled_font(cr);
  MeasuredTexts::Key key{font, text};
  if (const auto it = t_measured.texts.find(key); it != t_measured.texts.end()) return &it->second;
  MeasuredText measured;
  cairo_text_extents(cr, text.c_str(), &measured.extents);
  // Kept only when measured without error, and for a font pinned here (a
  // search of this thread's few pins), whatever made it: a font freed could
  // give its address to another.
  if (cairo_status(cr) != CAIRO_STATUS_SUCCESS || cairo_scaled_font_status(font) != CAIRO_STATUS_SUCCESS) return nullptr;
  PinScaledFont(font);
  if (t_measured.texts.size() >= MeasuredTexts::kMost && t_measured.holds == 0) t_measured.texts.clear();
  return &t_measured.texts.emplace(std::move(key), std::move(measured)).first->second;
}

// cairo_text_extents of `text` in `cr`'s font, remembered where it can be.
cairo_text_extents_t TextExtents(cairo_t* cr, const std::string& text) {
  if (const MeasuredText* m = Measured(cr, text)) return m->extents;
  cairo_text_extents_t extents;
  cairo_text_extents(cr, text.c_str(), &extents);
  return extents;
}

// The advance of glyph `index` of `font` (pinned), remembered per thread.
std::pair<double, double> GlyphAdvance(cairo_scaled_font_t* font, unsigned long index) {
  using Key = InFont<unsigned long>;
  thread_local std::unordered_map<Key, std::pair<double, double>, Key::Hash> advances;  // a few fonts' digits and letters
  const Key key{font, index};
  if (const auto it = advances.find(key); it != advances.end()) return it->second;
  cairo_glyph_t alone{index, 0, 0};
  cairo_text_extents_t e{};
  cairo_scaled_font_glyph_extents(font, &alone, 1, &e);
  return advances.emplace(key, std::pair{e.x_advance, e.y_advance}).first->second;
}

// Makes `m`'s glyphs, `text` in `font` (the font it was measured in).
// False when Cairo could not, or they run backwards.
bool Shape(cairo_scaled_font_t* font, const std::string& text, MeasuredText* m) {
  if (m->shaped) return m->shapes;
  m->shaped = true;
  cairo_glyph_t* glyphs = nullptr;
  cairo_text_cluster_t* clusters = nullptr;
  int glyph_count = 0, cluster_count = 0;
  cairo_text_cluster_flags_t flags{};
  m->shapes = cairo_scaled_font_text_to_glyphs(font, 0, 0, text.data(), static_cast<int>(text.size()), &glyphs,
                                               &glyph_count, &clusters, &cluster_count, &flags) == CAIRO_STATUS_SUCCESS &&
              flags == 0;
  if (m->shapes) {
    // Each glyph's advance, as Cairo adds it up (its metrics' advance:
    // the extents of the glyph alone), measured once per font and glyph;
    // the last one's places nothing.
    for (int i = 0; i < glyph_count; ++i) {
      const auto [x_advance, y_advance] = i + 1 < glyph_count ? GlyphAdvance(font, glyphs[i].index) : std::pair{0.0, 0.0};
      m->glyphs.push_back({glyphs[i].index, x_advance, y_advance});
    }
    m->shapes = cairo_scaled_font_status(font) == CAIRO_STATUS_SUCCESS;
    m->clusters.assign(clusters, clusters + cluster_count);
  }
  cairo_glyph_free(glyphs);
  cairo_text_cluster_free(clusters);
  return m->shapes;
}

// Where text `t` starts on its baseline, by its anchor, when its advance
// (its width as laid) is `advance`.
double TextStart(const TextShape& t, double advance) {
  return t.anchor == TextAnchor::Start ? t.x : t.anchor == TextAnchor::Middle ? t.x - advance / 2 : t.x - advance;
}

// A box in scene units.
struct Bounds {
  double left, top, right, bottom;
  bool Meets(const Bounds& o) const { return left < o.right && o.left < right && top < o.bottom && o.top < bottom; }
};

// Sorts `items` (each with a `look`, numbered in the order looks first come)
// by their look where that draws the same: when no two of `boxes` (theirs)
// meet, so none is drawn over another. Else leaves them in their order.
template <typename Item>
void GroupByLook(std::vector<Bounds> boxes, std::vector<Item>* items) {
  // (A box not finite, from a scene's arithmetic gone wrong, could meet
  // anything, and would leave the sort below without an order.)
  for (const Bounds& b : boxes)
    if (!std::isfinite(b.left) || !std::isfinite(b.top) || !std::isfinite(b.right) || !std::isfinite(b.bottom)) return;
  // Each box against those starting lower down before its bottom: a grid's
  // row against its own row only. Boxes that only touch do not meet.
  std::sort(boxes.begin(), boxes.end(), [](const Bounds& a, const Bounds& b) { return a.top < b.top; });
  for (std::size_t a = 0; a < boxes.size(); ++a)
    for (std::size_t b = a + 1; b < boxes.size() && boxes[b].top < boxes[a].bottom; ++b)
      if (boxes[a].Meets(boxes[b])) return;
  std::stable_sort(items->begin(), items->end(), [](const Item& a, const Item& b) { return a.look < b.look; });
}

struct Painter {
  cairo_t* cr;

  void operator()(const RectShape& r) const {
    cairo_rectangle(cr, r.x, r.y, r.w, r.h);
    if (r.has_fill) {
      SetColor(cr, r.fill);
      if (r.has_stroke)
        cairo_fill_preserve(cr);
      else
        cairo_fill(cr);
    }
    if (r.has_stroke) {
      SetColor(cr, r.stroke);
      if (r.dashed) {
        cairo_new_path(cr);
        StrokeDashed(r.stroke_width, [&r](cairo_t* to) { cairo_rectangle(to, r.x, r.y, r.w, r.h); });
      } else {
        cairo_set_line_width(cr, r.stroke_width);
        SetDash(cr, false, r.stroke_width);
        cairo_stroke(cr);
      }
    }
    cairo_new_path(cr);
  }

  void operator()(const LineShape& l) const {
    SetColor(cr, l.stroke);
    if (l.dashed) {
      StrokeDashed(l.width, [&l](cairo_t* to) {
        cairo_move_to(to, l.x1, l.y1);
        cairo_line_to(to, l.x2, l.y2);
      });
      return;
    }
    cairo_move_to(cr, l.x1, l.y1);
    cairo_line_to(cr, l.x2, l.y2);
    cairo_set_line_width(cr, l.width);
    SetDash(cr, false, l.width);
    cairo_stroke(cr);
  }

  // Strokes the path `add_path` makes, `width` wide and dashed, in the
  // source colour. On pixels Cairo leaves out the dashes of a path's parts
  // that lie outside the surface, and with them the joins they end at: a
  // band whose top passed just above a dashed rectangle's corner lost the
  // corner's square (the tall frames at --scale 8 drawn in bands of 168 rows,
  // or of one row at --scale 2), so a frame drawn in bands or boxes was not
  // the frame drawn whole. Here the stroke is drawn into a coverage mask
  // that holds it whole, but for what lies farther than `margin` from what
  // is drawn now (whatever is left out there cannot reach it), and the
  // colour is painted through the mask at whole pixels: the same pixels,
  // whatever part of the frame is drawn. A vector target strokes the path.
  template <typename AddPath>
  void StrokeDashed(double width, const AddPath& add_path) const {
    const auto set_up = [&](cairo_t* to, bool dashed) {  // the path and its stroke's settings
      add_path(to);
      cairo_set_line_width(to, width);
      SetDash(to, dashed, width);
    };
    cairo_matrix_t m;
    cairo_get_matrix(cr, &m);
    if (cairo_surface_get_type(cairo_get_target(cr)) != CAIRO_SURFACE_TYPE_IMAGE || m.xy != 0 || m.yx != 0) {
      set_up(cr, true);
      cairo_stroke(cr);
      return;
    }
    // The stroke's ink and what is drawn now, in device pixels.
    set_up(cr, false);
    double left = 0, top = 0, right = 0, bottom = 0;
    cairo_stroke_extents(cr, &left, &top, &right, &bottom);  // the whole stroke, undashed, whatever the clip
    cairo_new_path(cr);
    cairo_user_to_device(cr, &left, &top);
    cairo_user_to_device(cr, &right, &bottom);
    double shown_left = 0, shown_top = 0, shown_right = 0, shown_bottom = 0;
    cairo_clip_extents(cr, &shown_left, &shown_top, &shown_right, &shown_bottom);
    cairo_user_to_device(cr, &shown_left, &shown_top);
    cairo_user_to_device(cr, &shown_right, &shown_bottom);
    // Far enough that nothing Cairo leaves out of the mask reaches what is
    // shown: a join's miter reaches 5 widths from its corner at most (Cairo's
    // miter limit, 10), a cap or dash end half a width.
    const double margin = 6 * width * std::max(std::fabs(m.xx), std::fabs(m.yy)) + 2;
    const double x0 = std::floor(std::max(std::min(left, right), std::min(shown_left, shown_right) - margin));
    const double y0 = std::floor(std::max(std::min(top, bottom), std::min(shown_top, shown_bottom) - margin));
    const double x1 = std::ceil(std::min(std::max(left, right), std::max(shown_left, shown_right) + margin));
    const double y1 = std::ceil(std::min(std::max(top, bottom), std::max(shown_top, shown_bottom) + margin));
    if (!(x1 > x0 && y1 > y0)) return;
    cairo_surface_t* mask =
        cairo_image_surface_create(CAIRO_FORMAT_A8, static_cast<int>(x1 - x0), static_cast<int>(y1 - y0));
    if (cairo_surface_status(mask) == CAIRO_STATUS_SUCCESS) {
      cairo_t* ink = cairo_create(mask);
      SetPaintSettings(ink);
      cairo_matrix_t at = m;  // moved by whole pixels: each pixel keeps its coverage
      at.x0 -= x0, at.y0 -= y0;
      cairo_set_matrix(ink, &at);
      set_up(ink, true);
      cairo_stroke(ink);
      cairo_destroy(ink);
      cairo_surface_flush(mask);
      cairo_save(cr);
      cairo_identity_matrix(cr);
      cairo_mask_surface(cr, mask, x0, y0);
      cairo_restore(cr);
    }
    cairo_surface_destroy(mask);
  }

  // For a vector target: the solid lines from items[i] on that look alike
  // (a grid's), stroked as one path. A PDF then holds one stroke where it
  // held one a line, with its colour and width each time (a 1808-beat
  // lesson's slides: 260 a page). On pixels each line keeps its own stroke,
  // as the frames' bytes were made. Returns the index after the last.
  std::size_t LinesFrom(const std::vector<SceneItem>& items, std::size_t i, std::size_t end) const {
    const auto* first = std::get_if<LineShape>(&items[i]);
    if (first->dashed) {
      (*this)(*first);
      return i + 1;
    }
    std::size_t next = i;
    for (; next < end; ++next) {
      const auto* l = std::get_if<LineShape>(&items[next]);
      if (l == nullptr || l->dashed || !(l->stroke == first->stroke) || l->width != first->width) break;
      cairo_move_to(cr, l->x1, l->y1);
      cairo_line_to(cr, l->x2, l->y2);
    }
    SetColor(cr, first->stroke);
    cairo_set_line_width(cr, first->width);
    SetDash(cr, false, first->width);
    cairo_stroke(cr);
    return next;
  }

  static bool FilledOnly(const SceneItem& item) {
    const auto* r = std::get_if<RectShape>(&item);
    return r != nullptr && r->has_fill && !r->has_stroke;
  }

  // For a vector target: the rectangles from items[i] on that are filled
  // and not outlined, up to the first item that is not one, filled as one
  // path per colour (a slide's grid cells: one fill a cell cost Cairo's PDF
  // as much as one text), grouped as TextsFrom groups texts. On pixels each
  // keeps its own fill. Returns the index after the last.
  std::size_t FillsFrom(const std::vector<SceneItem>& items, std::size_t i, std::size_t end) const {
    struct Filled {
      Bounds box;
      Color fill;
      std::size_t look = 0;
    };
    std::vector<Filled> rects;
    std::unordered_map<uint32_t, std::size_t> looks;  // by colour, numbered in the order they first come
    for (; i < end && FilledOnly(items[i]); ++i) {
      const auto& r = std::get<RectShape>(items[i]);
      const std::size_t look = looks.try_emplace(PackRgb(r.fill), looks.size()).first->second;
      // Each drawn the same way round: overlapping rectangles' windings add up.
      rects.push_back({{std::min(r.x, r.x + r.w), std::min(r.y, r.y + r.h), std::max(r.x, r.x + r.w),
                        std::max(r.y, r.y + r.h)},
                       r.fill,
                       look});
    }
    if (looks.size() > 1) {
      std::vector<Bounds> boxes;
      for (const Filled& f : rects) boxes.push_back(f.box);
      GroupByLook(std::move(boxes), &rects);
    }
    for (std::size_t k = 0; k < rects.size(); ++k) {
      const Bounds& b = rects[k].box;
      cairo_rectangle(cr, b.left, b.top, b.right - b.left, b.bottom - b.top);
      if (k + 1 == rects.size() || rects[k + 1].look != rects[k].look) {
        SetColor(cr, rects[k].fill);
        cairo_fill(cr);
      }
    }
    return i;
  }

  // For a vector target: the texts from items[i] on, up to the first item
  // that is not one, shown in one call per look (weight, size, colour)
  // instead of one call a text. Cairo's PDF work went mostly to each call
  // (recorded, then replayed to analyse the page and again to write it): a
  // 28x28 picture's PDFs took a third fewer instructions. Texts are taken
  // out of their order into their look's call only when no two of them have
  // ink that meets, as a grid's numbers; else only texts next to each other
  // in one look share a call. On pixels each text keeps its own call, as
  // the frames' bytes were made. Returns the index after the last.
  std::size_t TextsFrom(const std::vector<SceneItem>& items, std::size_t i, std::size_t end) const {
    struct Placed {
      const TextShape* shape;
      std::string text;                  // valid UTF-8
      MeasuredText* measured = nullptr;  // null: drawn alone (a fallback font, or not remembered)
      double x = 0;                      // the start of its baseline, anchor applied
      std::size_t look = 0;
    };
    const HoldMeasuredTexts hold;  // the Placed point into what this thread remembers
    std::vector<Placed> texts;
    std::vector<const TextShape*> looks;  // in the order they first come
    const TextShape* font_set = nullptr;  // the text whose weight and size `cr` has
    for (; i < end; ++i) {
      const auto* t = std::get_if<TextShape>(&items[i]);
      if (t == nullptr) break;
      if (t->text.empty()) continue;
      Placed p{t, ValidUtf8(t->text)};
      if (FontCovers(p.text)) {
        if (font_set == nullptr || font_set->bold != t->bold || font_set->size != t->size) SetFont(cr, t->bold, t->size);
        font_set = t;
        p.measured = Measured(cr, p.text);
      }
      if (p.measured != nullptr) {
        p.x = TextStart(*t, p.measured->extents.x_advance);
      }
      const auto same_look = [t](const TextShape* o) { return o->bold == t->bold && o->size == t->size && o->color == t->color; };
      p.look = static_cast<std::size_t>(std::find_if(looks.begin(), looks.end(), same_look) - looks.begin());
      if (p.look == looks.size()) looks.push_back(t);
      texts.push_back(std::move(p));
    }
    if (looks.size() > 1) {
      std::vector<Bounds> ink;  // the texts' ink, when all are measured
      for (const Placed& p : texts) {
        if (p.measured == nullptr) break;
        const cairo_text_extents_t& e = p.measured->extents;
        const double left = p.x + e.x_bearing, top = p.shape->y + e.y_bearing;
        ink.push_back({left, top, left + e.width, top + e.height});
      }
      if (ink.size() == texts.size()) GroupByLook(std::move(ink), &texts);
    }
    std::vector<cairo_glyph_t> glyphs;
    std::vector<cairo_text_cluster_t> clusters;
    std::string utf8;
    const auto show = [&] {
      if (!glyphs.empty())
        cairo_show_text_glyphs(cr, utf8.data(), static_cast<int>(utf8.size()), glyphs.data(), static_cast<int>(glyphs.size()),
                               clusters.data(), static_cast<int>(clusters.size()), static_cast<cairo_text_cluster_flags_t>(0));
      glyphs.clear(), clusters.clear(), utf8.clear();
      cairo_new_path(cr);
    };
    std::size_t shown_look = looks.size();  // none yet
    for (const Placed& p : texts) {
      if (p.measured != nullptr && p.look != shown_look) {
        show();
        shown_look = p.look;
        SetColor(cr, p.shape->color);
        SetFont(cr, p.shape->bold, p.shape->size);
      }
      if (p.measured != nullptr && Shape(cairo_get_scaled_font(cr), p.text, p.measured)) {
        p.measured->PlaceFrom(p.x, p.shape->y, &glyphs);
        clusters.insert(clusters.end(), p.measured->clusters.begin(), p.measured->clusters.end());
        utf8 += p.text;
      } else {  // alone, as any text
        show();
        shown_look = looks.size();
        (*this)(*p.shape);
      }
    }
    show();
    return i;
  }

  void operator()(const TextShape& t) const {
    if (t.text.empty()) return;
    const std::string text = ValidUtf8(t.text);  // Cairo stops drawing after invalid text
    SetColor(cr, t.color);
    if (!FontCovers(text)) {
      ShowWithFallback(t, text);
      return;
    }
    SetFont(cr, t.bold, t.size);
    MeasuredText* measured = Measured(cr, text);
    double x = t.x;
    if (t.anchor != TextAnchor::Start)
      x = TextStart(t, measured != nullptr ? measured->extents.x_advance : TextExtents(cr, text).x_advance);
    cairo_move_to(cr, x, t.y);
    if (measured != nullptr && Shape(cairo_get_scaled_font(cr), text, measured)) {
      // The glyphs cairo_show_text would make, from the current point as
      // Cairo keeps it (in fixed point), without converting the text again.
      double at_x = 0, at_y = 0;
      cairo_get_current_point(cr, &at_x, &at_y);
      thread_local std::vector<cairo_glyph_t> placed;
      placed.clear();
      measured->PlaceFrom(at_x, at_y, &placed);
      if (cairo_surface_has_show_text_glyphs(cairo_get_target(cr)))
        cairo_show_text_glyphs(cr, text.data(), static_cast<int>(text.size()), placed.data(), static_cast<int>(placed.size()),
                               measured->clusters.data(), static_cast<int>(measured->clusters.size()),
                               static_cast<cairo_text_cluster_flags_t>(0));
      else
        cairo_show_glyphs(cr, placed.data(), static_cast<int>(placed.size()));
    } else {
      cairo_show_text(cr, text.c_str());
    }
    cairo_new_path(cr);
  }

  // Text with characters DejaVu Sans lacks (other scripts, emoji): Pango
  // picks a fallback font for them, on the same baseline and anchor.
  void ShowWithFallback(const TextShape& t, const std::string& text) const {
    PangoLayout* layout = pango_cairo_create_layout(cr);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_get_font_options(cr, options);
    pango_cairo_context_set_font_options(pango_layout_get_context(layout), options);
    cairo_font_options_destroy(options);
    // Glyphs where their advances put them, as scene/ measured the text:
    // rounded to whole units (Pango's default), a 9-point line of a
    // worksheet ran 3-6 % wider and was cut at the text block's edge.
    pango_context_set_round_glyph_positions(pango_layout_get_context(layout), FALSE);
    pango_layout_context_changed(layout);
    PangoFontDescription* font = pango_font_description_from_string(kFontFamily);
    pango_font_description_set_absolute_size(font, t.size * PANGO_SCALE);
    pango_font_description_set_weight(font, t.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    pango_layout_set_text(layout, text.c_str(), -1);
    PinLayoutFonts(cr, layout);
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    const double width = static_cast<double>(logical.width) / PANGO_SCALE;
    const double x = TextStart(t, width);
    cairo_move_to(cr, x, t.y - static_cast<double>(pango_layout_get_baseline(layout)) / PANGO_SCALE);
    pango_cairo_show_layout(cr, layout);
    g_object_unref(layout);
    cairo_new_path(cr);
  }

  void operator()(const CellsShape& c) const {
    if (c.rows <= 0 || c.cols <= 0 || c.fills.size() != static_cast<std::size_t>(c.rows) * c.cols) return;
    cairo_save(cr);
    cairo_rectangle(cr, c.x, c.y, c.cell_w * c.cols, c.cell_h * c.rows);
    cairo_clip(cr);
    if (cairo_surface_get_type(cairo_get_target(cr)) == CAIRO_SURFACE_TYPE_IMAGE)
      PaintCellsInPixels(c);
    else
      PaintCellsAsImage(c);
    cairo_restore(cr);
  }

  // For a vector target (PDF): one pixel per cell, scaled up without smoothing.
  void PaintCellsAsImage(const CellsShape& c) const {
    cairo_surface_t* cells = cairo_image_surface_create(CAIRO_FORMAT_RGB24, c.cols, c.rows);
    if (cairo_surface_status(cells) == CAIRO_STATUS_SUCCESS) {
      cairo_surface_flush(cells);
      unsigned char* data = cairo_image_surface_get_data(cells);
      const int stride = cairo_image_surface_get_stride(cells);
      for (int y = 0; y < c.rows; ++y) {
        auto* row = reinterpret_cast<uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < c.cols; ++x) row[x] = 0xFF000000u | PackRgb(c.fills[static_cast<std::size_t>(y) * c.cols + x]);
      }
      cairo_surface_mark_dirty(cells);
      // A recording surface here is a slide's group, replayed into a PDF.
      const cairo_surface_type_t target = cairo_surface_get_type(cairo_get_target(cr));
      const bool pdf = target == CAIRO_SURFACE_TYPE_PDF || target == CAIRO_SURFACE_TYPE_RECORDING;
      if (pdf) {
        // Named by its pixels, so a PDF holds each picture once however
        // many pages show it (a photograph on every slide of a deck).
        std::string id = CellsId(c);
        auto* owned = new std::string(std::move(id));
        cairo_surface_set_mime_data(cells, CAIRO_MIME_TYPE_UNIQUE_ID, reinterpret_cast<const unsigned char*>(owned->data()),
                                    owned->size(), [](void* p) { delete static_cast<std::string*>(p); }, owned);
      }
      cairo_translate(cr, c.x, c.y);
      cairo_scale(cr, c.cell_w, c.cell_h);
      cairo_set_source_surface(cr, cells, 0, 0);
      cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST);
      // Padding the edge is for pixels; a PDF pads by copying the image,
      // which loses its name.
      if (!pdf) cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_PAD);
      cairo_paint(cr);
    }
    cairo_surface_destroy(cells);
  }

  // For pixels (frames): each device pixel takes the cell under its centre,
  // worked out from the pixel's place in the frame, so a frame drawn in
  // bands or boxes (the scene moved by whole pixels, render/cairo_png.h)
  // gets every pixel a frame drawn whole gets. Cairo's own scaling of a
  // one-pixel-per-cell image samples differently at different offsets when a
  // cell is a fraction of a pixel (a 512x512 image's cells: about 1.2).
  void PaintCellsInPixels(const CellsShape& c) const {
    cairo_matrix_t m;
    cairo_get_matrix(cr, &m);
    if (m.xy != 0 || m.yx != 0 || !(m.xx > 0) || !(m.yy > 0)) return PaintCellsAsImage(c);
    double left = 0, top = 0, right = 0, bottom = 0;  // what is left to paint, in device space
    cairo_clip_extents(cr, &left, &top, &right, &bottom);
    cairo_user_to_device(cr, &left, &top);
    cairo_user_to_device(cr, &right, &bottom);
    cairo_surface_t* target = cairo_get_target(cr);
    const int x0 = std::max(0, static_cast<int>(std::floor(left)));
    const int y0 = std::max(0, static_cast<int>(std::floor(top)));
    const int x1 = std::min(cairo_image_surface_get_width(target), static_cast<int>(std::ceil(right)));
    const int y1 = std::min(cairo_image_surface_get_height(target), static_cast<int>(std::ceil(bottom)));
    if (x1 <= x0 || y1 <= y0) return;
    // The cell under a pixel's centre: its frame coordinate (px - m.x0 is
    // exact, both whole numbers) back in scene units.
    const auto cell_at = [](int px, double origin, double scale, double start, double size, int count) {
      const double at = (static_cast<double>(px) - origin + 0.5) / scale;
      return std::clamp(static_cast<int>(std::floor((at - start) / size)), 0, count - 1);
    };
    std::vector<int> cols(static_cast<std::size_t>(x1 - x0));
    for (int px = x0; px < x1; ++px) cols[static_cast<std::size_t>(px - x0)] = cell_at(px, m.x0, m.xx, c.x, c.cell_w, c.cols);
    cairo_surface_t* pixels = cairo_image_surface_create(CAIRO_FORMAT_RGB24, x1 - x0, y1 - y0);
    if (cairo_surface_status(pixels) == CAIRO_STATUS_SUCCESS) {
      cairo_surface_flush(pixels);
      unsigned char* data = cairo_image_surface_get_data(pixels);
      const int stride = cairo_image_surface_get_stride(pixels);
      std::vector<Color> scratch;  // a row the block's colours do not hold whole
      for (int py = y0; py < y1; ++py) {
        const auto row_cells = static_cast<std::size_t>(cell_at(py, m.y0, m.yy, c.y, c.cell_h, c.rows)) * c.cols;
        const Color* cells = c.fills.Span(row_cells, static_cast<std::size_t>(c.cols), &scratch);
        auto* row = reinterpret_cast<uint32_t*>(data + static_cast<std::ptrdiff_t>(py - y0) * stride);
        for (std::size_t i = 0; i < cols.size(); ++i) row[i] = 0xFF000000u | PackRgb(cells[cols[i]]);
      }
      cairo_surface_mark_dirty(pixels);
      cairo_identity_matrix(cr);
      cairo_set_source_surface(cr, pixels, x0, y0);
      cairo_paint(cr);  // within the block's clip: its edges antialiased as any rectangle's
    }
    cairo_surface_destroy(pixels);
  }

  static std::string CellsId(const CellsShape& c) {
    static_assert(sizeof(Color) == 3, "fills hashed as bytes");
    Sha256 hash;
    hash.UpdateField(std::to_string(c.cols) + "x" + std::to_string(c.rows));
    std::vector<Color> scratch;
    const auto cols = static_cast<std::size_t>(c.cols);
    for (std::size_t first = 0; cols > 0 && first < c.fills.size(); first += cols) {
      const Color* row = c.fills.Span(first, cols, &scratch);
      hash.Update(std::string_view(reinterpret_cast<const char*>(row), cols * sizeof(Color)));
    }
    return "convlesson-cells-" + hash.Hex();
  }

  void operator()(const GroupBegin&) const {}
  void operator()(const GroupEnd&) const {}
};

}  // namespace

bool TextInkBox(cairo_t* cr, const TextShape& t, double* left, double* top, double* right, double* bottom) {
  const std::string text = ValidUtf8(t.text);
  if (text.empty()) {
    *left = *right = t.x, *top = *bottom = t.y;
    return true;
  }
  if (!FontCovers(text)) return false;
  cairo_save(cr);
  SetFontOptions(cr);
  SetFont(cr, t.bold, t.size);
  const cairo_text_extents_t e = TextExtents(cr, text);
  cairo_restore(cr);
  const double x = TextStart(t, e.x_advance);  // as Painter's TextShape
  *left = std::min(x, x + e.x_bearing);
  *right = std::max(x + e.x_advance, x + e.x_bearing + e.width);
  *top = std::min(t.y - t.size, t.y + e.y_bearing);
  *bottom = std::max(t.y + t.size / 2, t.y + e.y_bearing + e.height);
  return true;
}

namespace {

// A box that holds every pixel `item` can touch, widened by `margin` (for
// antialiasing); generous where the exact box would cost a measurement
// (text: 1.5 em a byte of its text, 2 em above the baseline and 1 below).
Bounds ItemBounds(const SceneItem& item, double margin) {
  struct Bounder {
    double margin;
    Bounds operator()(const RectShape& r) const {
      const double pad = (r.has_stroke ? r.stroke_width : 0) + margin;
      return {std::min(r.x, r.x + r.w) - pad, std::min(r.y, r.y + r.h) - pad, std::max(r.x, r.x + r.w) + pad,
              std::max(r.y, r.y + r.h) + pad};
    }
    Bounds operator()(const LineShape& l) const {
      const double pad = l.width + margin;
      return {std::min(l.x1, l.x2) - pad, std::min(l.y1, l.y2) - pad, std::max(l.x1, l.x2) + pad,
              std::max(l.y1, l.y2) + pad};
    }
    Bounds operator()(const TextShape& t) const {
      const double reach = 1.5 * t.size * static_cast<double>(t.text.size() + 1) + margin;
      return {t.x - reach, t.y - 2 * t.size - margin, t.x + reach, t.y + t.size + margin};
    }
    Bounds operator()(const CellsShape& c) const {
      return {c.x - margin, c.y - margin, c.x + c.cell_w * c.cols + margin, c.y + c.cell_h * c.rows + margin};
    }
    Bounds operator()(const GroupBegin&) const { return {0, 0, 0, 0}; }  // draws nothing
    Bounds operator()(const GroupEnd&) const { return {0, 0, 0, 0}; }
  };
  return std::visit(Bounder{margin}, item);
}

// The settings every item is drawn with.
void SetPaintSettings(cairo_t* cr) {
  cairo_set_antialias(cr, CAIRO_ANTIALIAS_GRAY);
  SetFontOptions(cr);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
}

// One past the GroupEnd that closes the group begun at items[begin].
std::size_t GroupEndAfter(const std::vector<SceneItem>& items, std::size_t begin) {
  int depth = 0;
  for (std::size_t i = begin; i < items.size(); ++i) {
    if (std::holds_alternative<GroupBegin>(items[i])) ++depth;
    if (std::holds_alternative<GroupEnd>(items[i]) && --depth == 0) return i + 1;
  }
  return items.size();
}

}  // namespace

void PaintScene(cairo_t* cr, const Scene& scene) { PaintScene(cr, scene, nullptr); }

void PaintScene(cairo_t* cr, const Scene& scene, const RecordedGroup& recorded) {
  // On pixels, an item wholly outside the surface is not drawn: a frame
  // drawn in bands, or a changed box repainted, would otherwise lay out
  // every number of the frame for each band and box. (Vector targets draw
  // everything, so their bytes never depend on this.)
  const bool cull = cairo_surface_get_type(cairo_get_target(cr)) == CAIRO_SURFACE_TYPE_IMAGE;
  Bounds shown{};
  double margin = 0;
  if (cull) {
    cairo_clip_extents(cr, &shown.left, &shown.top, &shown.right, &shown.bottom);
    double px = 1, py = 1;  // device pixels per unit
    cairo_user_to_device_distance(cr, &px, &py);
    margin = 4 / std::max(1e-9, std::min(std::fabs(px), std::fabs(py)));  // 4 pixels
  }
  cairo_save(cr);
  SetPaintSettings(cr);
  cairo_rectangle(cr, 0, 0, scene.width, scene.height);
  SetColor(cr, scene.background);
  cairo_fill(cr);
  const Painter painter{cr};
  const std::vector<SceneItem>& items = scene.items;
  int depth = 0;  // of the groups painted item by item
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (std::holds_alternative<GroupBegin>(items[i])) {
      if (recorded && depth == 0) {  // outermost groups only
        const std::size_t end = GroupEndAfter(items, i);
        if (cairo_surface_t* surface = recorded(scene, i, end)) {
          cairo_set_source_surface(cr, surface, 0, 0);
          cairo_paint(cr);
          i = end - 1;
          continue;
        }
      }
      ++depth;
    } else if (std::holds_alternative<GroupEnd>(items[i])) {
      --depth;
    }
    if (!cull && std::holds_alternative<LineShape>(items[i])) {
      i = painter.LinesFrom(items, i, items.size()) - 1;
      continue;
    }
    if (!cull && std::holds_alternative<TextShape>(items[i])) {
      i = painter.TextsFrom(items, i, items.size()) - 1;
      continue;
    }
    if (!cull && Painter::FilledOnly(items[i])) {
      i = painter.FillsFrom(items, i, items.size()) - 1;
      continue;
    }
    if (!cull || ItemBounds(items[i], margin).Meets(shown)) std::visit(painter, items[i]);
  }
  cairo_restore(cr);
}

void PaintItems(cairo_t* cr, const Scene& scene, std::size_t begin, std::size_t end) {
  cairo_save(cr);
  SetPaintSettings(cr);
  const Painter painter{cr};
  end = std::min(end, scene.items.size());
  for (std::size_t i = begin; i < end; ++i) {
    if (std::holds_alternative<LineShape>(scene.items[i]))
      i = painter.LinesFrom(scene.items, i, end) - 1;
    else if (std::holds_alternative<TextShape>(scene.items[i]))
      i = painter.TextsFrom(scene.items, i, end) - 1;
    else if (Painter::FilledOnly(scene.items[i]))
      i = painter.FillsFrom(scene.items, i, end) - 1;
    else
      std::visit(painter, scene.items[i]);
  }
  cairo_restore(cr);
}

}  // namespace cl
