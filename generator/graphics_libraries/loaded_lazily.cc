// The loader behind the binary's trampolines (trampolines_x86_64.S): at
// the first call, opens the graphics libraries with dlopen and fills each
// function's slot (graphics_libraries.h).
#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <mutex>
#include <string>

#include "graphics_libraries/graphics_libraries.h"

extern "C" {
#define GRAPHICS_FUNCTION(name) extern void* convlesson_graphics_slot_##name __attribute__((visibility("hidden")));
#include "graphics_libraries/symbols.def"
#undef GRAPHICS_FUNCTION
}

namespace cl {
namespace {

// By soname, each after those it needs; their own dependencies (HarfBuzz,
// FreeType, pixman, ...) come with them. RTLD_NOW: their symbols are bound
// once, here, rather than each at its first call while frames draw.
constexpr const char* kLibraries[] = {"libglib-2.0.so.0", "libgobject-2.0.so.0", "libfontconfig.so.1",
                                      "libcairo.so.2",    "libpango-1.0.so.0",   "libpangocairo-1.0.so.0"};

struct Function {
  const char* name;
  void** slot;
};

constexpr Function kFunctions[] = {
#define GRAPHICS_FUNCTION(name) {#name, &convlesson_graphics_slot_##name},
#include "graphics_libraries/symbols.def"
#undef GRAPHICS_FUNCTION
};

std::mutex load_mutex;
bool functions_found = false;  // every slot filled
std::string load_error;        // why loading failed; then it is not tried again

// Opens the libraries (those open already are counted, not loaded again),
// then fills every slot. False when loading failed (load_error says why).
bool Load() {
  const std::lock_guard lock(load_mutex);
  if (functions_found) return true;
  if (!load_error.empty()) return false;
  void* handles[std::size(kLibraries)] = {};
  for (std::size_t i = 0; i < std::size(kLibraries); ++i) {
    handles[i] = dlopen(kLibraries[i], RTLD_NOW | RTLD_GLOBAL);
    if (handles[i] == nullptr) {
      const char* error = dlerror();
      load_error = error != nullptr ? error : kLibraries[i];
      return false;
    }
  }
  for (const Function& function : kFunctions) {
    void* address = nullptr;
    for (void* handle : handles)
      if ((address = dlsym(handle, function.name)) != nullptr) break;
    if (address == nullptr) {
      load_error = std::string(function.name) + ": no such function in the graphics libraries";
      return false;
    }
    // A trampoline on another thread reads the slot without the lock: the
    // release store orders the libraries' loading before it.
    __atomic_store_n(function.slot, address, __ATOMIC_RELEASE);
  }
  functions_found = true;
  return true;
}

}  // namespace

void ForgetGraphicsFunctionsForTests() {
  const std::lock_guard lock(load_mutex);
  for (const Function& function : kFunctions) __atomic_store_n(function.slot, nullptr, __ATOMIC_RELAXED);
  functions_found = false;
}

}  // namespace cl

// A trampoline's call with its slot empty: loads the libraries, or waits
// for the thread loading them. Without them the binary cannot draw at all,
// so it ends as the dynamic linker would have at its start (exit status 127).
extern "C" __attribute__((visibility("hidden"))) void convlesson_graphics_load_or_exit() noexcept {
  if (cl::Load()) return;
  std::fprintf(stderr, "convlesson: cannot load the graphics libraries: %s\n", cl::load_error.c_str());
  std::_Exit(127);
}
