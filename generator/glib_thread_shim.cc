// The binary's own g_thread_new, which Pango calls in place of GLib's (an
// executable's definitions come first in symbol look-up). Pango 1.50
// (Debian 12) starts two threads for each font description new to a font
// map, one to match it against the system's fonts ("[pango]
// FcFontSetMatch", 0.06 ms) and one to sort them all for fallback ("[pango]
// FcFontSetSort", 0.1 ms), and the layout that asked waits for the match:
// 22 descriptions and 44 threads in the default lesson's PDFs, each thread
// dearer to start on the project's VMs than its work, and each wait made
// under the PDF text's font-map lock (render/cairo_pdf_text.cc), so the
// other PDF writers waited too. Those two run here, on the calling thread,
// before Pango reads their results; every other thread (Pango's FcInit,
// which is started under a lock its function takes) starts as GLib would.
// Linked into the binary only: the tests see Pango as it is.
#include <dlfcn.h>
#include <glib.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

bool RunsInline(const gchar* name) {
  return name != nullptr &&
         (std::strcmp(name, "[pango] FcFontSetMatch") == 0 || std::strcmp(name, "[pango] FcFontSetSort") == 0);
}

}  // namespace

extern "C" GThread* g_thread_new(const gchar* name, GThreadFunc func, gpointer data) {
  if (RunsInline(name)) {
    func(data);
    return g_thread_ref(g_thread_self());  // Pango lets go of what it gets at once
  }
  using ThreadNew = GThread* (*)(const gchar*, GThreadFunc, gpointer);
  static const auto glib_thread_new = reinterpret_cast<ThreadNew>(dlsym(RTLD_NEXT, "g_thread_new"));
  if (glib_thread_new == nullptr) {  // GLib calls abort() where it cannot start a thread, too
    std::fprintf(stderr, "convlesson: GLib's g_thread_new not found\n");
    std::abort();
  }
  return glib_thread_new(name, func, data);
}
