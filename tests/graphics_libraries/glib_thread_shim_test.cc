// The binary's g_thread_new (generator/glib_thread_shim.cc), linked and
// exported here as in the binary: Pango's two font-matching threads run on
// the thread that asks, every other thread starts as GLib starts it, and
// the libraries find this g_thread_new before GLib's.
#include <dlfcn.h>
#include <glib.h>

#include <boost/test/unit_test.hpp>
#include <thread>

#include "render/cairo_pdf_text.h"

namespace cl {
namespace {

struct Ran {
  bool ran = false;
  std::thread::id on;
};

gpointer Record(gpointer data) {
  auto* ran = static_cast<Ran*>(data);
  ran->ran = true;
  ran->on = std::this_thread::get_id();
  return nullptr;
}

BOOST_AUTO_TEST_CASE(pangos_font_matching_runs_on_the_calling_thread) {
  for (const char* name : {"[pango] FcFontSetMatch", "[pango] FcFontSetSort"}) {
    Ran ran;
    GThread* thread = g_thread_new(name, Record, &ran);
    BOOST_TEST_REQUIRE(ran.ran, name);  // done before g_thread_new returned
    BOOST_TEST((ran.on == std::this_thread::get_id()), name);
    BOOST_TEST(thread != nullptr);
    g_thread_unref(thread);  // what Pango does with it
  }
}

BOOST_AUTO_TEST_CASE(other_threads_start_as_glib_starts_them) {
  // Pango's FcInit among them: it is started under a lock its function takes.
  for (const char* name : {"[pango] FcInit", "worker"}) {
    Ran ran;
    GThread* thread = g_thread_new(name, Record, &ran);
    g_thread_join(thread);
    BOOST_TEST(ran.ran, name);
    BOOST_TEST((ran.on != std::this_thread::get_id()), name);
  }
}

BOOST_AUTO_TEST_CASE(the_libraries_find_this_g_thread_new_first) {
  PdfTextContext context;  // the libraries are loaded by now
  BOOST_TEST(dlsym(RTLD_DEFAULT, "g_thread_new") == reinterpret_cast<void*>(&g_thread_new));
}

BOOST_AUTO_TEST_CASE(text_with_a_fallback_font_is_laid_out) {
  // A size no other case used: a font description new to the font map, so
  // Pango matches and sorts the fonts for it (on this thread), and the CJK
  // characters need the sorted fonts where a font for them is installed.
  PdfTextContext context;
  PdfTextStyle style;
  style.size = 12.375;
  const PdfText text = context.Layout("Filter <b>weights</b> αβγ 卷积", style, 300);
  BOOST_TEST_REQUIRE(text.lines.size() == 1u);
  BOOST_TEST(text.width > 0);
  BOOST_TEST(!text.lines[0].parts.empty());
}

}  // namespace
}  // namespace cl
