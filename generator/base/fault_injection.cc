#include "base/fault_injection.h"

#include <signal.h>  // NOLINT(modernize-deprecated-headers): kill() is POSIX, not in <csignal>
#include <unistd.h>

#include <atomic>
#include <charconv>
#include <csignal>
#include <cstdlib>
#include <string>

namespace cl {
namespace {

struct CrashPlan {
  std::string name;  // empty: no crash point is armed
  long nth = 1;
};

// The plan in the environment variable `variable` (NAME or NAME@N).
CrashPlan ReadPlan(const char* variable) {
  CrashPlan plan;
  const char* value = std::getenv(variable);
  if (!value) return plan;
  std::string_view text(value);
  size_t at = text.find('@');
  plan.name = std::string(text.substr(0, at));
  if (at != std::string_view::npos) {
    std::string_view count = text.substr(at + 1);
    auto [end, ec] = std::from_chars(count.data(), count.data() + count.size(), plan.nth);
    if (ec != std::errc() || end != count.data() + count.size() || plan.nth < 1) plan.name.clear();  // not armed
  }
  return plan;
}

// Whether `name` is the plan's point, reached for the Nth time now.
bool Reached(const CrashPlan& plan, std::string_view name, std::atomic<long>* reached) {
  return !plan.name.empty() && plan.name == name && ++*reached == plan.nth;
}

// Whether the environment variable `name` is set to anything but "" or "0".
bool Switched(const char* name) {
  const char* value = std::getenv(name);
  return value && *value && std::string_view(value) != "0";
}

}  // namespace

void CrashPoint(std::string_view name) {
  static const CrashPlan interrupt = ReadPlan("CONVLESSON_TEST_INTERRUPT_AT");
  static std::atomic<long> interrupts{0};
  // raise(), not kill(): delivered to this thread before it returns, so the
  // handler has run when the build goes on.
  if (Reached(interrupt, name, &interrupts)) (void)std::raise(SIGINT);
  static const CrashPlan crash = ReadPlan("CONVLESSON_TEST_CRASH_AT");
  static std::atomic<long> crashes{0};
  if (!Reached(crash, name, &crashes)) return;
  // SIGKILL, not abort(): no handler, no unwinding, no flushing, the other
  // threads stopped wherever they are, as with an external `kill -KILL`.
  ::kill(::getpid(), SIGKILL);
  ::_exit(137);  // not reached: SIGKILL cannot be blocked
}

bool ExchangeDisabledForTests() {
  static const bool disabled = Switched("CONVLESSON_TEST_NO_EXCHANGE");
  return disabled;
}

bool FlushFailsForTests() {
  static const bool failing = Switched("CONVLESSON_TEST_FAIL_FLUSH");
  return failing;
}

bool WriteFailsForTests(std::string_view relative_path) {
  static const std::string failing = [] {
    const char* value = std::getenv("CONVLESSON_TEST_FAIL_WRITE");
    return std::string(value ? value : "");
  }();
  return !failing.empty() && failing == relative_path;
}

}  // namespace cl
