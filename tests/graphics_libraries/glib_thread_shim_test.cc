// The binary's g_thread_new and g_cond_wait (generator/glib_thread_shim.cc),
// linked and exported here as in the binary: Pango's font matching runs on
// the thread that asks, and so does its font sorting, but under the PDF
// text's font-map lock, where it runs when a thread holding that lock waits
// for it; every other thread starts as GLib starts it, and the libraries
// find these functions before GLib's.
#include <dlfcn.h>
#include <glib.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <optional>
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

// The shim calls GLib through the binary's trampolines: Pango loaded first,
// as in the binary, where only Pango calls the shim.
void LoadTheLibraries() { PdfTextContext context; }

BOOST_AUTO_TEST_CASE(pangos_font_matching_runs_on_the_calling_thread) {
  LoadTheLibraries();
  for (const bool locked : {false, true}) {
    std::optional<PdfFontMapLock> lock;
    if (locked) lock.emplace();
    Ran ran;
    GThread* thread = g_thread_new("[pango] FcFontSetMatch", Record, &ran);
    BOOST_TEST_REQUIRE(ran.ran);  // done before g_thread_new returned
    BOOST_TEST((ran.on == std::this_thread::get_id()));
    BOOST_TEST(thread != nullptr);
    g_thread_unref(thread);  // what Pango does with it
  }
}

// As Pango's sort_in_thread: the result set under the waiters' mutex, then a signal.
struct Sort {
  GMutex* mutex;
  GCond* sorted;
  int runs = 0;
  std::thread::id on;
};

gpointer RunSort(gpointer data) {
  auto* sort = static_cast<Sort*>(data);
  g_mutex_lock(sort->mutex);  // a deadlock if the waiter still held it
  ++sort->runs;
  sort->on = std::this_thread::get_id();
  g_cond_signal(sort->sorted);
  g_mutex_unlock(sort->mutex);
  return nullptr;
}

// Waits as Pango waits for the sorted fonts.
void WaitFor(const Sort& sort) {
  g_mutex_lock(sort.mutex);
  while (sort.runs == 0) g_cond_wait(sort.sorted, sort.mutex);
  g_mutex_unlock(sort.mutex);
}

BOOST_AUTO_TEST_CASE(pangos_font_sorting_runs_at_once_outside_the_pdf_font_map) {
  // A thread's own font map (a frame's fallback text): as before, at once.
  LoadTheLibraries();
  static GMutex mutex;  // zeroed statics need no init in GLib
  static GCond sorted;
  Sort sort{&mutex, &sorted, 0, {}};
  g_thread_unref(g_thread_new("[pango] FcFontSetSort", RunSort, &sort));
  BOOST_TEST(sort.runs == 1);
  BOOST_TEST((sort.on == std::this_thread::get_id()));
}

BOOST_AUTO_TEST_CASE(pangos_font_sorting_for_the_pdf_font_map_runs_when_a_thread_holding_it_waits) {
  LoadTheLibraries();
  static GMutex mutex;
  static GCond sorted;
  for (const bool another_thread_waits : {false, true}) {
    Sort sort{&mutex, &sorted, 0, {}};
    std::optional<PdfFontMapLock> lock(std::in_place);
    g_thread_unref(g_thread_new("[pango] FcFontSetSort", RunSort, &sort));
    BOOST_TEST(sort.runs == 0);  // kept: nothing waits for it yet
    std::thread::id waiter = std::this_thread::get_id();
    if (another_thread_waits) {
      lock.reset();
      std::thread other([&] {
        waiter = std::this_thread::get_id();
        const PdfFontMapLock its_lock;
        WaitFor(sort);
      });
      other.join();
    } else {
      WaitFor(sort);
    }
    BOOST_TEST(sort.runs == 1);
    BOOST_TEST((sort.on == waiter));
  }
}

BOOST_AUTO_TEST_CASE(a_wait_without_the_pdf_font_map_lock_leaves_kept_sorts_alone) {
  LoadTheLibraries();
  static GMutex mutex;
  static GCond signalled;
  Sort kept{&mutex, &signalled, 0, {}};
  {
    const PdfFontMapLock lock;
    g_thread_unref(g_thread_new("[pango] FcFontSetSort", RunSort, &kept));
  }
  // Another wait, for its own signal, by a thread without the lock.
  bool set = false;
  std::thread setter([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    g_mutex_lock(&mutex);
    set = true;
    g_cond_signal(&signalled);
    g_mutex_unlock(&mutex);
  });
  g_mutex_lock(&mutex);
  while (!set) g_cond_wait(&signalled, &mutex);  // GLib's wait: returning at once would spin here
  g_mutex_unlock(&mutex);
  setter.join();
  BOOST_TEST(set);
  BOOST_TEST(kept.runs == 0);
  const PdfFontMapLock lock;  // the kept sort run before `kept` goes
  WaitFor(kept);
  BOOST_TEST(kept.runs == 1);
}

BOOST_AUTO_TEST_CASE(other_threads_start_as_glib_starts_them) {
  LoadTheLibraries();
  // Pango's FcInit among them: it is started under a lock its function takes.
  for (const char* name : {"[pango] FcInit", "worker"}) {
    Ran ran;
    GThread* thread = g_thread_new(name, Record, &ran);
    g_thread_join(thread);
    BOOST_TEST(ran.ran, name);
    BOOST_TEST((ran.on != std::this_thread::get_id()), name);
  }
}

BOOST_AUTO_TEST_CASE(the_libraries_find_these_functions_first) {
  LoadTheLibraries();
  BOOST_TEST(dlsym(RTLD_DEFAULT, "g_thread_new") == reinterpret_cast<void*>(&g_thread_new));
  BOOST_TEST(dlsym(RTLD_DEFAULT, "g_cond_wait") == reinterpret_cast<void*>(&g_cond_wait));
}

BOOST_AUTO_TEST_CASE(text_with_a_fallback_font_is_laid_out) {
  // A size no other case used: a font description new to the font map, so
  // Pango matches the fonts for it (on this thread), and the CJK characters,
  // which DejaVu Sans lacks, make it wait for the sorted fonts.
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
