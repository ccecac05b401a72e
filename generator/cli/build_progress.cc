#include "cli/build_progress.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

#include "storyboard/captions.h"  // CountText

namespace cl {
namespace {

constexpr const char* kRed = "\x1b[1;31m";
constexpr const char* kGreen = "\x1b[32m";
constexpr const char* kMagenta = "\x1b[1;35m";
constexpr const char* kReset = "\x1b[0m";

bool EnvSet(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0';
}

bool EnvIs(const char* name, std::string_view value) {
  const char* v = std::getenv(name);
  return v != nullptr && value == v;
}

// CI=true (most CI systems set it) or CI=1.
bool InCi() { return EnvIs("CI", "true") || EnvIs("CI", "1"); }

int TerminalColumns() {
  struct winsize ws {};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 10) return ws.ws_col;
  return 80;
}

}  // namespace

ProgressMode DetectProgressMode(bool quiet) {
  if (quiet) return ProgressMode::Quiet;
  if (!::isatty(STDOUT_FILENO) || EnvIs("TERM", "dumb") || InCi())
    return ProgressMode::Plain;
  return ProgressMode::StatusLine;
}

bool WantsColor(std::FILE* stream) {
  // CI logs are plain (docs/ci.md), also where a CI runner gives a terminal.
  return ::isatty(::fileno(stream)) && !EnvSet("NO_COLOR") && !EnvIs("TERM", "dumb") && !InCi();
}

std::string ColorizeDiagnostic(std::string_view text) {
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl + 1 - start);
    start = nl == std::string_view::npos ? text.size() : nl + 1;
    size_t at = std::string_view::npos;
    std::string_view word;
    for (std::string_view w : {std::string_view(": error: "), std::string_view(": warning: ")}) {
      size_t p = line.find(w);
      if (p != std::string_view::npos && p < at) at = p, word = w;
    }
    if (at == std::string_view::npos) {
      out += line;
      continue;
    }
    std::string_view name = word.substr(2, word.size() - 4);  // "error" / "warning"
    out += fmt::format("\x1b[1m{}\x1b[0m: {}{}{}: {}", line.substr(0, at), name == "error" ? kRed : kMagenta, name,
                       kReset, line.substr(at + word.size()));
  }
  return out;
}

void PrintDiagnostics(std::string_view text) {
  std::fputs((WantsColor(stderr) ? ColorizeDiagnostic(text) : std::string(text)).c_str(), stderr);
}

BuildProgress::BuildProgress(ProgressMode mode, bool verbose, bool color_out, bool color_err)
    : mode_(mode), verbose_(verbose), color_out_(color_out), color_err_(color_err) {}

BuildProgress::~BuildProgress() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (ticker_.joinable()) ticker_.join();
}

double BuildProgress::ElapsedSeconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void BuildProgress::Begin(int total) {
  std::lock_guard lock(mutex_);
  total_ = total;
  done_ = 0;
  if (mode_ == ProgressMode::StatusLine && !ticker_.joinable() && total > 0)
    ticker_ = std::thread([this] { Ticker(); });
}

void BuildProgress::Ticker() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    wake_.wait_for(lock, std::chrono::milliseconds(200));
    if (!stopping_ && !running_.empty()) DrawLineLocked();
  }
}

void BuildProgress::ClearLineLocked() {
  if (!line_shown_) return;
  std::fputs("\r\x1b[K", stdout);
  std::fflush(stdout);
  line_shown_ = false;
}

void BuildProgress::DrawLineLocked() {
  std::string line = fmt::format("[{}/{}] {:.1f} s {}", done_, total_, ElapsedSeconds(), fmt::join(running_, ", "));
  size_t width = static_cast<size_t>(TerminalColumns() - 1);
  if (line.size() > width) line.resize(width);  // a wrapped line cannot be redrawn in place
  std::fputs("\r\x1b[K", stdout);
  std::fputs(line.c_str(), stdout);
  std::fflush(stdout);
  line_shown_ = true;
}

void BuildProgress::Started(std::string_view name) {
  if (mode_ != ProgressMode::StatusLine) return;
  std::lock_guard lock(mutex_);
  running_.emplace_back(name);
  DrawLineLocked();
}

void BuildProgress::Finished(std::string_view name, LessonOutcome outcome, const LessonReport& report,
                             double seconds) {
  std::lock_guard lock(mutex_);
  ++done_;
  std::erase(running_, std::string(name));
  if (mode_ == ProgressMode::Quiet) return;
  if (mode_ == ProgressMode::StatusLine) {
    // Failures stay visible above the status line; successes only redraw it.
    if (outcome == LessonOutcome::Failed || verbose_) {
      ClearLineLocked();
      std::fputs(fmt::format("[{}/{}] {} {}\n", done_, total_,
                             outcome == LessonOutcome::Failed ? "failed" : outcome == LessonOutcome::Built ? "built" : "up to date",
                             name).c_str(), stdout);
    }
    if (done_ < total_) DrawLineLocked();
    else ClearLineLocked();
    return;
  }
  if (outcome == LessonOutcome::Built) {
    // "83 files", or for a lesson rebuilt in part "html, json: 2 files, 81 kept".
    std::string what = CountText(report.files, "file", "files");
    if (!report.kinds.empty()) what = fmt::format("{}: {}", fmt::join(report.kinds, ", "), what);
    if (report.kept > 0) what += fmt::format(", {} kept", report.kept);
    std::fputs(fmt::format("[{}/{}] built {} ({}, {:.2f} s)\n", done_, total_, name, what, seconds).c_str(), stdout);
  }
  else if (outcome == LessonOutcome::Failed)
    std::fputs(fmt::format("[{}/{}] failed {}\n", done_, total_, name).c_str(), stdout);
  else if (verbose_)
    std::fputs(fmt::format("[{}/{}] up to date {}\n", done_, total_, name).c_str(), stdout);
  std::fflush(stdout);
}

void BuildProgress::FileWritten(std::string_view path) {
  if (!verbose_ || mode_ == ProgressMode::Quiet) return;
  std::lock_guard lock(mutex_);
  bool redraw = line_shown_;
  ClearLineLocked();
  std::fputs(fmt::format("  wrote {}\n", path).c_str(), stdout);
  if (redraw) DrawLineLocked();
  else std::fflush(stdout);
}

void BuildProgress::Diagnostic(std::string_view text) {
  std::lock_guard lock(mutex_);
  bool redraw = line_shown_;
  ClearLineLocked();
  std::string shown = color_err_ ? ColorizeDiagnostic(text) : std::string(text);
  std::fputs(shown.c_str(), stderr);
  std::fflush(stderr);
  if (redraw) DrawLineLocked();
}

void BuildProgress::Note(std::string_view text) {
  if (mode_ == ProgressMode::Quiet) return;
  std::lock_guard lock(mutex_);
  bool redraw = line_shown_;
  ClearLineLocked();
  std::fputs(fmt::format("{}\n", text).c_str(), stdout);
  if (redraw) DrawLineLocked();
  else std::fflush(stdout);
}

void BuildProgress::End(const BuildTotals& t) {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    running_.clear();
    ClearLineLocked();
  }
  wake_.notify_all();
  if (ticker_.joinable()) ticker_.join();
  if (mode_ == ProgressMode::Quiet) return;
  double seconds = ElapsedSeconds();
  // Milliseconds say more than "0.00 s" about a no-op build.
  std::string took = seconds < 0.01 ? fmt::format("{:.1f} ms", seconds * 1000)
                     : seconds < 1  ? fmt::format("{:.0f} ms", seconds * 1000)
                                    : fmt::format("{:.2f} s", seconds);
  const std::string lessons = CountText(t.lessons + t.not_started, "lesson", "lessons");
  // "9 files written (index.html, course.pdf rebuilt), 154 kept, 1 lesson folder removed"
  std::string written = CountText(t.files_written, "file", "files") + " written";
  if (!t.course_entries.empty()) written += fmt::format(" ({} rebuilt)", fmt::join(t.course_entries, ", "));
  std::string files = written;
  if (t.files_kept > 0) files += fmt::format(", {} kept", t.files_kept);
  if (t.files_dropped > 0) files += fmt::format(", {} removed (no longer made)", t.files_dropped);
  // "1 lesson folder removed, 1 emptied (files of yours kept)"
  std::string removed;
  if (t.removed > 0) removed = CountText(t.removed, "lesson folder", "lesson folders") + " removed";
  if (t.emptied > 0)
    removed += fmt::format("{}{} emptied (files of yours kept)", removed.empty() ? "" : ", ",
                           CountText(t.emptied, "lesson folder", "lesson folders"));
  if (!removed.empty()) files += ", " + removed;
  std::string line;
  if (t.clean) {
    // `clean` looks at no lesson: it says what it removed.
    if (removed.empty()) removed = t.other_errors ? "nothing removed" : "nothing to remove";
    line = t.files_written > 0 ? fmt::format("{}; {} in {}", removed, written, took)
                               : fmt::format("{} in {}", removed, took);
  } else if (t.lessons == 0 && t.other_errors) {
    line = fmt::format("nothing {} in {}", t.merge ? "merged" : "built", took);  // refused before any lesson
  } else if (t.lessons == 0) {
    line = fmt::format("no lesson to {} in {}", t.merge ? "merge" : "build", took);  // a shard's empty share, say
  } else if (t.merge && (t.merged > 0 || t.failed > 0)) {
    // `merge`: lesson folders put in place from the shards, none rendered here.
    line = fmt::format("{}: {} merged, {} up to date, {} failed; {} in {}", lessons, t.merged, t.up_to_date,
                       t.failed, files, took);
  } else if (t.built == 0 && t.failed == 0 && t.not_started == 0) {
    // No lesson folder changed: what was written is the course's.
    line = fmt::format("{} up to date; {} in {}", lessons, files, took);
    if (t.files_written == 0 && removed.empty()) line = fmt::format("{} up to date in {}", lessons, took);
  } else {
    std::string failed = fmt::format("{} failed", t.failed);
    if (color_out_ && t.failed > 0) failed = fmt::format("{}{}{}", kRed, failed, kReset);
    std::string built = fmt::format("{} built", t.built);
    if (color_out_ && t.built > 0) built = fmt::format("{}{}{}", kGreen, built, kReset);
    const std::string unstarted = t.not_started > 0 ? fmt::format(", {} not started", t.not_started) : "";
    line = fmt::format("{}: {}, {} up to date, {}{}; {} in {}", lessons, built, t.up_to_date, failed, unstarted, files,
                       took);
  }
  // Else a build whose lessons were all fine would end on a line that hides its failure.
  if (t.other_errors) line += color_out_ ? fmt::format("; {}failed{}: see the errors above", kRed, kReset)
                                         : std::string("; failed: see the errors above");
  std::fputs((line + "\n").c_str(), stdout);
  std::fflush(stdout);
}

}  // namespace cl
