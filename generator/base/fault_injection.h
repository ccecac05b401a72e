// Fault injection: named steps of the build at which the end-to-end tests
// make the process die exactly as `kill -KILL` would (crash points), and a
// write they make fail, to prove that out/ and its manifest stay consistent
// (a random kill rarely lands in the microseconds between two renames, and a
// full disk is hard to arrange). Driven by the environment, read once:
//   CONVLESSON_TEST_CRASH_AT=NAME     die the first time any thread reaches NAME
//   CONVLESSON_TEST_CRASH_AT=NAME@N   die the Nth time (N >= 1)
//   CONVLESSON_TEST_INTERRUPT_AT=NAME[@N]  at that point, send the calling
//                                     thread SIGINT (a Ctrl-C at a known
//                                     step: `watch` stopped mid-build) and go on
//   CONVLESSON_TEST_NO_EXCHANGE=1     ReplacePath takes its fallback (move the
//                                     old version aside) as on file systems
//                                     without an atomic exchange
//   CONVLESSON_TEST_FAIL_WRITE=PATH   DiskFileSink refuses to write PATH
//                                     (relative to its root, e.g. course.pdf)
//   CONVLESSON_TEST_FAIL_FLUSH=1      the background writeback's first flush
//                                     fails (EIO) as the build starts rendering
// Unset, as everywhere outside the tests, each check is one load of a flag.
// The names are listed in docs/building.md.
#pragma once

#include <string_view>

namespace cl {

// Dies by SIGKILL if CONVLESSON_TEST_CRASH_AT names this point (and count);
// raises SIGINT if CONVLESSON_TEST_INTERRUPT_AT does.
void CrashPoint(std::string_view name);

// True when CONVLESSON_TEST_NO_EXCHANGE is set to anything but "" or "0".
bool ExchangeDisabledForTests();

// True when CONVLESSON_TEST_FAIL_WRITE equals `relative_path`.
bool WriteFailsForTests(std::string_view relative_path);

// True when CONVLESSON_TEST_FAIL_FLUSH is set to anything but "" or "0".
bool FlushFailsForTests();

}  // namespace cl
