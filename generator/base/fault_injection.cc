#include "base/fault_injection.h"

#include <signal.h>  // NOLINT(modernize-deprecated-headers): kill() is POSIX, not in <csignal>
#include <unistd.h>

#include <atomic>
#include <charconv>
#include <cstdlib>
#include <string>

namespace cl {
namespace {

struct CrashPlan {
  std::string name;  // empty: no crash point is armed
  long nth = 1;
};

CrashPlan ReadPlan() {
  CrashPlan plan;
  const char* value = std::getenv("CONVLESSON_TEST_CRASH_AT");
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

const CrashPlan& Plan() {
  static const CrashPlan plan = ReadPlan();
  return plan;
}

// Whether the environment variable `name` is set to anything but "" or "0".
bool Switched(const char* name) {
  const char* value = std::getenv(name);
  return value && *value && std::string_view(value) != "0";
}

}  // namespace

void CrashPoint(std::string_view name) {
  const CrashPlan& plan = Plan();
  if (plan.name.empty() || plan.name != name) return;
  static std::atomic<long> reached{0};
  if (++reached != plan.nth) return;
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
