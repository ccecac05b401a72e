// BuildProgress: everything a build prints, from any thread. On a terminal a
// single status line is redrawn in place ("[2/5] conv-relu-pool 1.3 s"); when
// piped, in CI (CI=true) or with TERM=dumb it prints one plain line per
// lesson; quiet prints only diagnostics. Diagnostics go to stderr, the rest to
// stdout; colour only on a terminal and never with NO_COLOR set.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace cl {

enum class ProgressMode { StatusLine, Plain, Quiet };

enum class LessonOutcome { Built, UpToDate, Failed };

struct BuildTotals {
  int lessons = 0, built = 0, up_to_date = 0, failed = 0;
  int not_started = 0;  // lessons a stop (--fail-fast, Ctrl-C) left unstarted; not in `lessons`
  int merged = 0;  // lesson folders put in place from shards (`merge`)
  bool clean = false;  // `clean`: removes, renders no lesson
  bool merge = false;  // `merge`: puts shards' lessons in place, renders none
  int files_written = 0;
  int files_kept = 0;  // files of rebuilt lessons kept as they were (kinds whose inputs did not change)
  int files_dropped = 0;  // files of rebuilt lessons their new outputs lack (a kind no longer asked for)
  int removed = 0;     // lesson folders removed (clean, --prune)
  int emptied = 0;     // lesson folders whose outputs went, kept for files the build did not make
  std::vector<std::string> course_entries;  // course outputs replaced (index.html, assets, course.pdf)
  bool other_errors = false;  // errors besides the lessons' (the course files, out/, a merge), printed already
};

// What one built lesson's line says.
struct LessonReport {
  int files = 0;                   // written
  int kept = 0;                    // kept as they were
  std::vector<std::string> kinds;  // the kinds written, when not every kind the build writes
};

// The mode this process should use given --quiet and its environment.
ProgressMode DetectProgressMode(bool quiet);
// True when `stream` is a terminal that should get colour (NO_COLOR unset, TERM not dumb).
bool WantsColor(std::FILE* stream);

class BuildProgress {
 public:
  BuildProgress(ProgressMode mode, bool verbose, bool color_out, bool color_err);
  ~BuildProgress();

  void Begin(int total);  // sets the lesson count (and starts the status line's ticker)
  void Started(std::string_view name);
  void Finished(std::string_view name, LessonOutcome outcome, const LessonReport& report, double seconds);
  void FileWritten(std::string_view path);  // only shown with --verbose
  void Diagnostic(std::string_view text);   // formatted diagnostics, to stderr
  void Note(std::string_view text);         // an informational line, to stdout
  // Prints the summary line; `totals.lessons` is the number attempted.
  void End(const BuildTotals& totals);

  double ElapsedSeconds() const;  // since construction, or since RestartClock
  // Counts the build's time from now (before Begin): a build that waited
  // for another one's lock reports its own time, not the wait.
  void RestartClock() { start_ = std::chrono::steady_clock::now(); }

 private:
  void ClearLineLocked();
  void DrawLineLocked();
  void Ticker();

  ProgressMode mode_;
  bool verbose_, color_out_, color_err_;
  int total_ = 0, done_ = 0;
  std::vector<std::string> running_;  // lessons in progress, in the order they started
  bool line_shown_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread ticker_;
};

// Adds ANSI colour to the "error:" / "warning:" word of each diagnostic line.
std::string ColorizeDiagnostic(std::string_view text);
// Prints diagnostics to stderr, coloured as a build's are when stderr wants colour.
void PrintDiagnostics(std::string_view text);

}  // namespace cl
