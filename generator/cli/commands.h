// One function per subcommand; cli.cc only parses arguments into these
// options structs. Each returns the process exit code (0 ok, 1 a lesson
// failed, 2 usage error) and prints its own diagnostics to stderr.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace cl {

struct CheckOptions {
  std::vector<std::string> paths;  // lesson files or folders; default {"lessons"}
  bool werror = false;             // warnings fail the check
};
int RunCheck(const CheckOptions& options);

struct ComputeOptions {
  std::string lesson;
  bool json = false;                   // the contract's JSON object instead of grids
  std::optional<std::string> variant;  // only this variant (by label)
};
int RunCompute(const ComputeOptions& options);

struct DumpOptions {
  std::string stage;                   // lesson | compute | storyboard | scene
  std::string lesson;
  std::optional<std::string> variant;  // only this variant (scene: default the base)
  std::optional<int> beat;             // scene only: 1-based beat number; default 1
};
// Prints one stage's result as text (see docs/cli.md), for tests and for
// seeing what a stage decided.
int RunDump(const DumpOptions& options);

struct BuildOptions {
  std::vector<std::string> paths;  // lesson files or folders; default {"lessons"}
  std::string out_dir = "out";
  double scale = 2.0;   // PNG pixels per scene unit: 2 gives crisp slides
  int jobs = 0;         // 0: one per core
  bool force = false;   // rebuild even when up to date
  bool replace_unowned = false;  // may replace or remove files in out/ that no build made
  bool fail_fast = false;
  bool werror = false;
  bool quiet = false;
  bool verbose = false;
  std::string only;     // comma list of svg,png,gif,anim-svg,pdf,html,json,slides,pdf-frames; empty: all but pdf-frames
  std::string paper;         // a4 | letter, for PDF handouts; empty: the course file's `paper`, else a4
  std::string handout;       // brief | full: overrides every lesson's `handout` key; empty: the keys decide
  std::string layout;        // wide | slides | tall; empty: each lesson's `layout`, else wide
  std::string templates_dir;  // empty: the installed/source templates/
};
int RunBuild(const BuildOptions& options);

struct NewOptions {
  std::string name;              // the lesson id, also the file name
  std::string dir = "lessons";  // where lessons/NAME.yaml goes
};
int RunNew(const NewOptions& options);

struct WatchOptions {
  BuildOptions build;      // what each rebuild does
  int interval_ms = 300;  // how often the inputs are polled
};
int RunWatch(const WatchOptions& options);

}  // namespace cl
