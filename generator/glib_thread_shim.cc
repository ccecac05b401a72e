// The binary's g_thread_new and g_cond_wait, which Pango calls in place of
// GLib's (an executable's definitions come first in symbol look-up). Pango
// 1.50 (Debian 12) starts two threads for each font description new to a
// font map, one to match it against the system's fonts ("[pango]
// FcFontSetMatch", 0.06 ms) and one to sort them all for fallback ("[pango]
// FcFontSetSort", 0.1 ms, more than the match), and the layout that asked
// waits for the match: 22 descriptions and 44 threads in the default
// lesson's PDFs, each thread dearer to start on the project's VMs than its
// work, and each wait made under the PDF text's font-map lock
// (render/cairo_pdf_text.cc), so the other PDF writers waited too.
//
// The match runs here, on the calling thread, before Pango reads it. So
// does the sort, but for the PDF text's shared font map, made under its
// lock: there the sort is kept until something waits for it. Pango reads
// the sorted fonts only for a character the matched font lacks, and waits
// for them with g_cond_wait, so that is where kept sorts run, and only on a
// thread that holds the map's lock (a sort's end may drop what the map's
// tables hold: a thread without the lock would change them under another
// that has it). Each runs once, with the waiter's mutex let go meanwhile;
// GLib allows a wait to return without a signal, and Pango checks its
// condition again. Text the matched font covers, all of a lesson's usually,
// never pays for a sort. A sort never run leaves its few objects to the
// process's end. Every other thread (Pango's FcInit, which is started
// under a lock its function takes) starts as GLib would. Linked into the
// binary only: the tests see Pango as it is.
#include <dlfcn.h>
#include <glib.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <vector>

#include "render/cairo_pdf_text.h"

namespace {

struct KeptSort {
  GThreadFunc func;
  gpointer data;
};

struct KeptSorts {
  std::mutex lock;
  std::vector<KeptSort> sorts;
};

KeptSorts& Kept() {
  static KeptSorts* const kept = new KeptSorts;  // never freed: a wait may come at exit
  return *kept;
}

// GLib's own `name`, or abort() as GLib does where it cannot go on.
template <typename Function>
Function Glib(const char* name) {
  auto* found = reinterpret_cast<Function>(dlsym(RTLD_NEXT, name));
  if (found == nullptr) {
    std::fprintf(stderr, "convlesson: GLib's %s not found\n", name);
    std::abort();
  }
  return found;
}

// Runs the sorts kept so far, with `held` let go meanwhile; false if there were none.
bool RunKeptSorts(GMutex* held) {
  std::vector<KeptSort> taken;
  {
    const std::lock_guard hold(Kept().lock);
    taken.swap(Kept().sorts);
  }
  if (taken.empty()) return false;
  g_mutex_unlock(held);
  for (const KeptSort& sort : taken) sort.func(sort.data);
  g_mutex_lock(held);
  return true;
}

}  // namespace

extern "C" GThread* g_thread_new(const gchar* name, GThreadFunc func, gpointer data) {
  const bool match = name != nullptr && std::strcmp(name, "[pango] FcFontSetMatch") == 0;
  const bool sort = name != nullptr && std::strcmp(name, "[pango] FcFontSetSort") == 0;
  if (sort && cl::HoldsPdfFontMapLock()) {
    const std::lock_guard hold(Kept().lock);
    Kept().sorts.push_back({func, data});
  } else if (match || sort) {
    func(data);
  }
  if (match || sort) return g_thread_ref(g_thread_self());  // Pango lets go of what it gets at once
  using ThreadNew = GThread* (*)(const gchar*, GThreadFunc, gpointer);
  static const auto glib_thread_new = Glib<ThreadNew>("g_thread_new");
  return glib_thread_new(name, func, data);
}

extern "C" void g_cond_wait(GCond* cond, GMutex* mutex) {
  if (cl::HoldsPdfFontMapLock() && RunKeptSorts(mutex)) return;  // what is waited for may be among them
  using CondWait = void (*)(GCond*, GMutex*);
  static const auto glib_cond_wait = Glib<CondWait>("g_cond_wait");
  glib_cond_wait(cond, mutex);
}
