// The Cairo painter: on a vector target (PDF, a recording) the solid lines
// in a row that look alike are one stroke. (On pixels each line keeps its
// own: the frames' goldens and byte-identical incremental frames hold it.)
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
  cairo_destroy(cr);
  cairo_surface_flush(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  std::vector<unsigned char> pixels(data, data + cairo_image_surface_get_stride(surface) * 200);
  cairo_surface_destroy(surface);
  return pixels;
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

BOOST_AUTO_TEST_SUITE_END()

}  // namespace cl
