// Crash points: named steps of the build at which the end-to-end tests make
// the process die exactly as `kill -KILL` would, to prove that out/ and its
// manifest are consistent after a kill at each step (a random kill rarely
// lands in the microseconds between two renames). Driven by the environment,
// read once:
//   CONVLESSON_TEST_CRASH_AT=NAME     die the first time any thread reaches NAME
//   CONVLESSON_TEST_CRASH_AT=NAME@N   die the Nth time (N >= 1)
//   CONVLESSON_TEST_NO_EXCHANGE=1     ReplacePath takes its fallback (move the
//                                     old version aside) as on file systems
//                                     without an atomic exchange
// Unset, as everywhere outside the tests, a crash point is one load of a
// flag. The names are listed in docs/building.md.
#pragma once

#include <string_view>

namespace cl {

// Dies by SIGKILL if CONVLESSON_TEST_CRASH_AT names this point (and count).
void CrashPoint(std::string_view name);

// True when CONVLESSON_TEST_NO_EXCHANGE is set to anything but "" or "0".
bool ExchangeDisabledForTests();

}  // namespace cl
