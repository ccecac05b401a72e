// Benchmark of `convlesson build` on the shipped course: cold builds (empty
// output folder) with one job and with one per core, then no-op builds (all
// up to date), each repeated and reported as min and median wall time. Not a
// test: it prints numbers for people and never fails on them.
//
// Usage: build_bench CONVLESSON LESSONS_DIR TEMPLATES_DIR [COLD_RUNS] [NOOP_RUNS]
// It ends with the command that profiles one cold build under callgrind.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace fs = std::filesystem;

namespace {

// Runs argv with stdout and stderr discarded; returns wall seconds, or -1 on failure.
double TimeRun(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  auto start = std::chrono::steady_clock::now();
  pid_t pid = 0;
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return -1;
  int status = 0;
  waitpid(pid, &status, 0);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? seconds : -1;
}

std::string Format(double seconds) {
  char text[32];
  if (seconds < 1) std::snprintf(text, sizeof text, "%.1f ms", seconds * 1000);
  else std::snprintf(text, sizeof text, "%.2f s", seconds);
  return text;
}

void Report(const char* name, std::vector<double> times) {
  std::sort(times.begin(), times.end());
  std::printf("%-22s min %10s   median %10s   (%zu runs)\n", name, Format(times.front()).c_str(),
              Format(times[times.size() / 2]).c_str(), times.size());
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s CONVLESSON LESSONS_DIR TEMPLATES_DIR [COLD_RUNS] [NOOP_RUNS]\n", argv[0]);
    return 2;
  }
  std::string bin = fs::absolute(argv[1]).string();
  int cold_runs = argc > 4 ? std::max(1, std::atoi(argv[4])) : 3;
  int noop_runs = argc > 5 ? std::max(1, std::atoi(argv[5])) : 20;
  std::string pattern = (fs::temp_directory_path() / "convlesson-bench-XXXXXX").string();
  fs::path work = ::mkdtemp(pattern.data());
  fs::copy(argv[2], work / "lessons", fs::copy_options::recursive);
  fs::copy(argv[3], work / "templates", fs::copy_options::recursive);
  fs::current_path(work);
  ::setenv("CI", "true", 1);
  int lessons = 0;
  for (const auto& entry : fs::directory_iterator("lessons"))  // course.yaml is the course file, not a lesson
    lessons += entry.path().extension() == ".yaml" && entry.path().filename() != "course.yaml";
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  std::printf("convlesson build benchmark: %d lessons, %u cores, %s\n", lessons, cores, bin.c_str());

  auto build = [&](const std::string& jobs) {
    return std::vector<std::string>{bin, "build", "lessons", "--templates", "templates", "-o", "out", "-j", jobs};
  };
  for (const std::string& jobs : {std::string("1"), std::string("0")}) {
    std::vector<double> times;
    for (int i = 0; i < cold_runs; ++i) {
      fs::remove_all("out");
      double t = TimeRun(build(jobs));
      if (t < 0) {
        std::fprintf(stderr, "build failed: %s build lessons in %s\n", bin.c_str(), work.c_str());
        return 1;
      }
      times.push_back(t);
    }
    Report(jobs == "1" ? "cold build, -j 1" : "cold build, -j cores", times);
  }
  std::vector<double> times;
  for (int i = 0; i < noop_runs; ++i) times.push_back(TimeRun(build("0")));
  if (*std::min_element(times.begin(), times.end()) < 0) return 1;
  Report("no-op build", times);
  std::printf("to profile a cold build: valgrind --tool=callgrind %s build %s --templates %s -o /tmp/callgrind-out "
              "--force -j 1\n",
              bin.c_str(), argv[2], argv[3]);
  fs::current_path(fs::temp_directory_path());
  fs::remove_all(work);
  return 0;
}
