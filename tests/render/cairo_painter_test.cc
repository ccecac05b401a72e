// The Cairo painter: on a vector target (PDF, a recording) the solid lines
// in a row that look alike are one stroke. (On pixels each line keeps its
// own: the frames' goldens and byte-identical incremental frames hold it.)
#include <boost/test/unit_test.hpp>

#include <cairo-script.h>
#include <cairo.h>

#include <string>

#include "render/cairo_painter.h"

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

BOOST_AUTO_TEST_SUITE(cairo_painter)

BOOST_AUTO_TEST_CASE(lines_that_look_alike_are_one_stroke_on_a_vector_target) {
  const Scene scene = Lines();
  // The grid, the dashed line, the red line, the lone grey line.
  BOOST_TEST(Count(Script([&](cairo_t* cr) { PaintScene(cr, scene); }), "stroke") == 4);
  BOOST_TEST(Count(Script([&](cairo_t* cr) { PaintItems(cr, scene, 0, scene.items.size()); }), "stroke") == 4);
  // Each of its 10 subpaths still begins where its line does.
  BOOST_TEST(Count(Script([&](cairo_t* cr) { PaintItems(cr, scene, 0, 10); }), " m ") == 10);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace cl
