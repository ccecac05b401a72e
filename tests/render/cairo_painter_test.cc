// The Cairo painter: on a vector target (PDF, a recording) the solid lines
// in a row that look alike are one stroke, and the texts in a row one call
// per look, as the filled rectangles in a row one fill per colour. (On
// pixels each line, text and rectangle keeps its own: the frames' goldens and
// byte-identical incremental frames hold it.)
#include <boost/test/unit_test.hpp>

#include <cairo-script.h>
#include <cairo.h>

#include <array>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "render/cairo_painter.h"
#include "scene/grid_items.h"

namespace cl {
namespace {

// A grid of 5 + 5 grey lines, a dashed line, a red line and a lone grey one.
Scene Lines() {
  Scene scene;
  scene.width = scene.height = 100;
  const Color grey{190, 190, 190}, red{200, 0, 0};
  for (int k = 1; k <= 5; ++k) scene.items.push_back(LineShape{0, 10.0 * k, 100, 10.0 * k, grey, 1, false});
  for (int k = 1; k <= 5; ++k) scene.items.push_back(LineShape{10.0 * k, 0, 10.0 * k, 100, grey, 1, false});
  scene.items.push_back(LineShape{0, 70, 100, 70, grey, 1, true});
  scene.items.push_back(LineShape{0, 80, 100, 80, red, 1, false});
  scene.items.push_back(LineShape{0, 90, 100, 90, grey, 1, false});
  return scene;
}

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

int Count(const std::string& text, const std::string& word) {
  int n = 0;
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) ++n;
  return n;
}

// The pixels of `surface` (an RGB24 image `rows` high) once `cr`, drawing
// on it, is done; both let go.
std::vector<unsigned char> TakePixels(cairo_t* cr, cairo_surface_t* surface, int rows) {
  cairo_destroy(cr);
  cairo_surface_flush(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  std::vector<unsigned char> pixels(data, data + cairo_image_surface_get_stride(surface) * rows);
  cairo_surface_destroy(surface);
  return pixels;
}

// The operations `paint` makes on a vector target, as Cairo's script text.
template <typename Paint>
std::string Script(Paint paint) {
  std::string text;
  cairo_device_t* script = cairo_script_create_for_stream(Append, &text);
  cairo_surface_t* surface = cairo_script_surface_create(script, CAIRO_CONTENT_COLOR, 100, 100);
  cairo_t* cr = cairo_create(surface);
  paint(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  cairo_device_finish(script);
  cairo_device_destroy(script);
  return text;
}

// Centred and right-aligned texts in both weights and two sizes.
Scene Texts(double size) {
  Scene scene;
  scene.width = 200, scene.height = 100;
  const Color ink{20, 20, 20};
  for (const char* text : {"12", "\u22123.5", "0", "wide words"}) {
    scene.items.push_back(MakeText(100, 30, text, size, ink, TextAnchor::Middle, false));
    scene.items.push_back(MakeText(190, 60, text, size, ink, TextAnchor::End, true));
  }
  return scene;
}

// The pixels PaintScene draws for `scene` at `scale` pixels a unit.
std::vector<unsigned char> Pixels(const Scene& scene, double scale) {
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 400, 200);
  cairo_t* cr = cairo_create(surface);
  cairo_scale(cr, scale, scale);
  PaintScene(cr, scene);
  return TakePixels(cr, surface, 200);
}

// The ink box TextInkBox gives for each text of `scene`.
std::vector<std::array<double, 4>> InkBoxes(const Scene& scene) {
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1);
  cairo_t* cr = cairo_create(surface);
  std::vector<std::array<double, 4>> boxes;
  for (const SceneItem& item : scene.items) {
    std::array<double, 4> box{};
    if (const auto* text = std::get_if<TextShape>(&item)) TextInkBox(cr, *text, &box[0], &box[1], &box[2], &box[3]);
    boxes.push_back(box);
  }
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  return boxes;
}

// The pixels of what `paint` draws on a recording surface, replayed at 3
// pixels a unit.
template <typename Paint>
std::vector<unsigned char> RecordedPixels(Paint paint) {
  cairo_surface_t* recording = cairo_recording_surface_create(CAIRO_CONTENT_COLOR, nullptr);
  cairo_t* cr = cairo_create(recording);
  paint(cr);
  cairo_destroy(cr);
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 600, 300);
  cr = cairo_create(surface);
  cairo_scale(cr, 3, 3);
  cairo_set_source_surface(cr, recording, 0, 0);
  cairo_paint(cr);
  std::vector<unsigned char> pixels = TakePixels(cr, surface, 300);
  cairo_surface_destroy(recording);
  return pixels;
}

// Each item of `scene` painted on its own, in order: one call a text.
void PaintOneByOne(cairo_t* cr, const Scene& scene) {
  for (std::size_t i = 0; i < scene.items.size(); ++i) PaintItems(cr, scene, i, i + 1);
}

// A 4x4 grid of numbers, dark on light cells and white on dark ones, in
// both weights' rows.
Scene NumberGrid() {
  Scene scene;
  scene.width = 200, scene.height = 100;
  const Color dark{26, 26, 26}, white{255, 255, 255};
  for (int row = 0; row < 4; ++row)
    for (int col = 0; col < 4; ++col)
      scene.items.push_back(MakeText(20 + 40 * col, 20 + 20 * row, std::to_string(row * 4 + col - 3), 12,
                                     (row + col) % 2 == 0 ? dark : white, TextAnchor::Middle, row == 3));
  return scene;
}

// The pixels of `scene`'s texts drawn by cairo_show_text itself, with the
// painter's font settings: what its kept glyphs must reproduce.
std::vector<unsigned char> ShownByCairo(const Scene& scene, double scale) {
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 400, 200);
  cairo_t* cr = cairo_create(surface);
  cairo_scale(cr, scale, scale);
  cairo_rectangle(cr, 0, 0, scene.width, scene.height);
  cairo_set_source_rgb(cr, scene.background.r / 255.0, scene.background.g / 255.0, scene.background.b / 255.0);
  cairo_fill(cr);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_set_font_options(cr, options);
  cairo_font_options_destroy(options);
  for (const SceneItem& item : scene.items) {
    const auto* t = std::get_if<TextShape>(&item);
    if (t == nullptr) continue;
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, t->bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, t->size);
    cairo_set_source_rgb(cr, t->color.r / 255.0, t->color.g / 255.0, t->color.b / 255.0);
    cairo_text_extents_t e;
    cairo_text_extents(cr, t->text.c_str(), &e);
    const double x = t->x - (t->anchor == TextAnchor::Middle ? e.x_advance / 2 : t->anchor == TextAnchor::End ? e.x_advance : 0);
    cairo_move_to(cr, x, t->y);
    cairo_show_text(cr, t->text.c_str());
    cairo_new_path(cr);
  }
  return TakePixels(cr, surface, 200);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cairo_painter)

// The painter remembers each thread's text measurements: what it
// remembered for one size, weight or scale never places a text drawn in
// another, so a thread that measured many texts before draws exactly what a
// fresh one draws.
BOOST_AUTO_TEST_CASE(texts_land_where_a_fresh_thread_puts_them) {
  std::vector<unsigned char> fresh_pixels, fresh_small;
  std::vector<std::array<double, 4>> fresh_boxes;
  std::thread([&] {
    fresh_pixels = Pixels(Texts(20), 2);
    fresh_small = Pixels(Texts(10), 1);
    fresh_boxes = InkBoxes(Texts(20));
  }).join();
  std::vector<unsigned char> warm_pixels, warm_small;
  std::vector<std::array<double, 4>> warm_boxes;
  std::thread([&] {
    // The same texts measured first at other sizes and scales.
    Pixels(Texts(10), 2), Pixels(Texts(20), 1), Pixels(Texts(13), 1.5), InkBoxes(Texts(10));
    warm_pixels = Pixels(Texts(20), 2);
    warm_small = Pixels(Texts(10), 1);
    warm_boxes = InkBoxes(Texts(20));
  }).join();
  BOOST_TEST((warm_pixels == fresh_pixels));
  BOOST_TEST((warm_small == fresh_small));
  BOOST_TEST((warm_boxes == fresh_boxes));
  BOOST_TEST((fresh_pixels != Pixels(Texts(10), 2)));  // the sizes do draw differently
}

BOOST_AUTO_TEST_CASE(lines_that_look_alike_are_one_stroke_on_a_vector_target) {
  const Scene scene = Lines();
  // The grid, the dashed line, the red line, the lone grey line.
  BOOST_TEST(Count(Script([&](cairo_t* cr) { PaintScene(cr, scene); }), "stroke") == 4);
  BOOST_TEST(Count(Script([&](cairo_t* cr) { PaintItems(cr, scene, 0, scene.items.size()); }), "stroke") == 4);
  // Each of its 10 subpaths still begins where its line does.
  BOOST_TEST(Count(Script([&](cairo_t* cr) { PaintItems(cr, scene, 0, 10); }), " m ") == 10);
}

BOOST_AUTO_TEST_CASE(texts_apart_are_one_call_per_look_on_a_vector_target) {
  const Scene scene = NumberGrid();
  // Dark and white in rows 0-2, dark and white bold in row 3.
  BOOST_TEST(Count(Script([&](cairo_t* cr) { PaintScene(cr, scene); }), "show-text-glyphs") == 4);
  BOOST_TEST(Count(Script([&](cairo_t* cr) { PaintItems(cr, scene, 0, scene.items.size()); }), "show-text-glyphs") == 4);
  BOOST_TEST(Count(Script([&](cairo_t* cr) { PaintOneByOne(cr, scene); }), "show-text-glyphs") == 16);
  // Each glyph where the text's own call puts it.
  const auto together = RecordedPixels([&](cairo_t* cr) { PaintItems(cr, scene, 0, scene.items.size()); });
  BOOST_TEST((together == RecordedPixels([&](cairo_t* cr) { PaintOneByOne(cr, scene); })));
  BOOST_TEST((together != RecordedPixels([](cairo_t*) {})));  // something was drawn
}

BOOST_AUTO_TEST_CASE(texts_whose_ink_meets_keep_their_order) {
  // A red 8 and a dark 8 over it, after a dark 1 apart: grouped by look,
  // the red 8 would end up on top.
  Scene scene;
  scene.width = 200, scene.height = 100;
  const Color dark{26, 26, 26}, red{200, 0, 0};
  scene.items.push_back(MakeText(20, 50, "1", 30, dark, TextAnchor::Start, false));
  scene.items.push_back(MakeText(100, 50, "8", 30, red, TextAnchor::Start, false));
  scene.items.push_back(MakeText(102, 52, "8", 30, dark, TextAnchor::Start, false));
  BOOST_TEST(Count(Script([&](cairo_t* cr) { PaintItems(cr, scene, 0, scene.items.size()); }), "show-text-glyphs") == 3);
  BOOST_TEST((RecordedPixels([&](cairo_t* cr) { PaintItems(cr, scene, 0, scene.items.size()); }) ==
              RecordedPixels([&](cairo_t* cr) { PaintOneByOne(cr, scene); })));
  // Texts next to each other in one look still share a call.
  scene.items.push_back(MakeText(150, 50, "2", 30, dark, TextAnchor::Start, false));
  BOOST_TEST(Count(Script([&](cairo_t* cr) { PaintItems(cr, scene, 0, scene.items.size()); }), "show-text-glyphs") == 3);
}

BOOST_AUTO_TEST_CASE(filled_rectangles_apart_are_one_fill_per_colour_on_a_vector_target) {
  // A 4x4 chequer of cells that touch, then an outlined rectangle and a cell after it.
  Scene scene;
  scene.width = 200, scene.height = 100;
  const Color dark{26, 26, 26}, light{230, 230, 230};
  for (int row = 0; row < 4; ++row)
    for (int col = 0; col < 4; ++col) scene.items.push_back(RectShape{10.0 + 10 * col, 10.0 + 10 * row, 10, 10, true, (row + col) % 2 == 0 ? dark : light});
  RectShape outlined{60, 10, 20, 20, true, light, true, dark, 1};
  scene.items.push_back(outlined);
  scene.items.push_back(RectShape{90, 10, 10, 10, true, dark});
  const std::string script = Script([&](cairo_t* cr) { PaintItems(cr, scene, 0, scene.items.size()); });
  // The chequer's two colours, the outlined one's fill, the last cell; one stroke.
  BOOST_TEST(Count(script, "fill") == 4);
  BOOST_TEST(Count(Script([&](cairo_t* cr) { PaintScene(cr, scene); }), "fill") == 4);  // (its background a paint)
  BOOST_TEST(Count(script, "stroke") == 1);
  BOOST_TEST(Count(script, " rectangle") == 18);  // each cell still its own rectangle
  // Pixels: as each filled on its own, but for where cells meet, which one
  // fill leaves without a seam: compare at whole pixels (3 a unit, cells
  // at whole units).
  BOOST_TEST((RecordedPixels([&](cairo_t* cr) { PaintItems(cr, scene, 0, scene.items.size()); }) ==
              RecordedPixels([&](cairo_t* cr) { PaintOneByOne(cr, scene); })));
}

BOOST_AUTO_TEST_CASE(filled_rectangles_that_overlap_keep_their_order) {
  // Dark, then light over it, then dark apart: grouped by colour, the dark
  // one would end up on top of the light.
  Scene scene;
  scene.width = 200, scene.height = 100;
  const Color dark{26, 26, 26}, light{230, 230, 230};
  scene.items.push_back(RectShape{10, 10, 30, 30, true, dark});
  scene.items.push_back(RectShape{20, 20, 30, 30, true, light});
  scene.items.push_back(RectShape{100, 10, 10, 10, true, dark});
  BOOST_TEST(Count(Script([&](cairo_t* cr) { PaintItems(cr, scene, 0, scene.items.size()); }), "fill") == 3);
  BOOST_TEST((RecordedPixels([&](cairo_t* cr) { PaintItems(cr, scene, 0, scene.items.size()); }) ==
              RecordedPixels([&](cairo_t* cr) { PaintOneByOne(cr, scene); })));
  // Drawn the other way round (a negative width), an overlapping rectangle
  // of one colour still covers what the two cover.
  Scene same;
  same.width = 200, same.height = 100;
  same.items.push_back(RectShape{10, 10, 30, 30, true, dark});
  same.items.push_back(RectShape{50, 20, -30, 30, true, dark});
  BOOST_TEST(Count(Script([&](cairo_t* cr) { PaintItems(cr, same, 0, same.items.size()); }), "fill") == 1);
  BOOST_TEST((RecordedPixels([&](cairo_t* cr) { PaintItems(cr, same, 0, same.items.size()); }) ==
              RecordedPixels([&](cairo_t* cr) { PaintOneByOne(cr, same); })));
}

BOOST_AUTO_TEST_CASE(texts_on_pixels_are_what_cairo_show_text_draws) {
  // The painter keeps each text's glyphs and places them from the current
  // point as Cairo keeps it: the pixels cairo_show_text draws, at scales
  // that put the texts between pixels, drawn again from what it kept.
  for (const double scale : {1.0, 1.5, 2.0, 2.37}) {
    const Scene scene = Texts(13);
    BOOST_TEST((Pixels(scene, scale) == ShownByCairo(scene, scale)), "scale " << scale);
    BOOST_TEST((Pixels(scene, scale) == ShownByCairo(scene, scale)), "again, scale " << scale);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace cl
