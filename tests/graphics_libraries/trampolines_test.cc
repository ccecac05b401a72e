// The binary's trampolines into the graphics libraries
// (generator/graphics_libraries/): this test program is linked as the
// binary is, so every Cairo call below goes through them. Each case first
// empties their slots, so its first call loads the libraries (or waits for
// the thread loading them) with its arguments held in registers, which must
// reach the library unchanged.
#define BOOST_TEST_MODULE graphics_libraries
#include <cairo.h>

#include <array>
#include <boost/test/unit_test.hpp>
#include <thread>
#include <vector>

#include "graphics_libraries/graphics_libraries.h"

namespace cl {
namespace {

BOOST_AUTO_TEST_CASE(a_first_call_keeps_its_floating_point_arguments) {
  ForgetGraphicsFunctionsForTests();
  cairo_matrix_t matrix{};
  cairo_matrix_init_scale(&matrix, 2.5, -3.25);  // the pointer in %rdi, the scales in %xmm0 and %xmm1
  BOOST_TEST(matrix.xx == 2.5);
  BOOST_TEST(matrix.yy == -3.25);
  BOOST_TEST(matrix.xy == 0.0);
  BOOST_TEST(matrix.x0 == 0.0);
}

BOOST_AUTO_TEST_CASE(a_first_call_keeps_five_integer_arguments) {
  ForgetGraphicsFunctionsForTests();
  std::array<unsigned char, 16 * 2> pixels{};
  cairo_surface_t* surface = cairo_image_surface_create_for_data(pixels.data(), CAIRO_FORMAT_ARGB32, 3, 2, 16);
  BOOST_TEST(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS);
  BOOST_TEST(cairo_image_surface_get_data(surface) == pixels.data());
  BOOST_TEST(cairo_image_surface_get_format(surface) == CAIRO_FORMAT_ARGB32);
  BOOST_TEST(cairo_image_surface_get_width(surface) == 3);
  BOOST_TEST(cairo_image_surface_get_height(surface) == 2);
  BOOST_TEST(cairo_image_surface_get_stride(surface) == 16);
  cairo_surface_destroy(surface);
}

BOOST_AUTO_TEST_CASE(a_first_call_keeps_integer_and_floating_point_arguments_together) {
  std::array<unsigned char, 4 * 4 * 4> pixels{};
  cairo_surface_t* surface = cairo_image_surface_create_for_data(pixels.data(), CAIRO_FORMAT_ARGB32, 4, 4, 16);
  cairo_t* cr = cairo_create(surface);
  ForgetGraphicsFunctionsForTests();
  cairo_set_source_rgb(cr, 1.0, 0.5, 0.0);  // %rdi and %xmm0-2
  cairo_rectangle(cr, 1.0, 1.0, 2.0, 2.0);  // %rdi and %xmm0-3
  cairo_fill(cr);
  cairo_surface_flush(surface);
  // ARGB32 in native order: the filled 2x2 square, orange, the rest clear.
  const auto pixel = [&](int x, int y) {
    unsigned value = 0;
    for (int byte = 3; byte >= 0; --byte) value = value << 8 | pixels[static_cast<size_t>(y * 16 + x * 4 + byte)];
    return value;
  };
  BOOST_TEST(pixel(1, 1) == 0xffff8000u);
  BOOST_TEST(pixel(2, 2) == 0xffff8000u);
  BOOST_TEST(pixel(0, 0) == 0u);
  BOOST_TEST(pixel(3, 3) == 0u);
  BOOST_TEST(cairo_status(cr) == CAIRO_STATUS_SUCCESS);
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
}

BOOST_AUTO_TEST_CASE(threads_making_their_first_calls_at_once_all_get_their_results) {
  ForgetGraphicsFunctionsForTests();
  std::vector<cairo_matrix_t> matrices(8);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < matrices.size(); ++i)  // one loads, the others wait for it
    threads.emplace_back([&matrices, i] { cairo_matrix_init_scale(&matrices[i], 1.0 + static_cast<double>(i), -0.5); });
  for (std::thread& thread : threads) thread.join();
  for (size_t i = 0; i < matrices.size(); ++i) {
    BOOST_TEST(matrices[i].xx == 1.0 + static_cast<double>(i));
    BOOST_TEST(matrices[i].yy == -0.5);
  }
}

}  // namespace
}  // namespace cl
