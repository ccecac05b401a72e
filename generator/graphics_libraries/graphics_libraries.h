// The graphics libraries (Cairo, Pango, fontconfig, and GLib under them)
// are 34 of the 47 shared libraries the binary would load at its start:
// about 11 ms of every command's start on the project's machines, though
// check, compute, dump and a no-op build draw nothing (docs/performance.md,
// session 31). On x86-64 the binary does not link them: it calls them
// through trampolines (trampolines_x86_64.S, one per function in
// symbols.def) whose slots are filled with dlopen and dlsym
// (loaded_lazily.cc) at the first call, which the other threads' first
// calls wait for; a build's first call is fontconfig's configuration, made
// beside the lessons' computing (render/font_configuration.h). Elsewhere,
// and in the tests, they are linked as usual.
#pragma once

namespace cl {

// For the trampolines' tests, where they exist: empties every slot (the
// libraries stay loaded), so each function's next call loads them again.
// Not while another thread may call into the libraries.
void ForgetGraphicsFunctionsForTests();

}  // namespace cl
