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
  bool prune = false;   // remove the outputs of lessons whose lesson file is gone
  bool clean = false;   // `convlesson clean`: prune and update the course, render no lesson
  std::string shard;    // "K/N": build the K-th of N shares of the lessons, and no course files
  std::vector<std::string> merge_dirs;  // `convlesson merge`: shard output folders to join
  bool fail_fast = false;
  bool werror = false;
  bool quiet = false;
  bool verbose = false;
  std::string only;     // comma list of svg,png,gif,anim-svg,pdf,html,embed,json,slides,pdf-frames; empty: all but pdf-frames
  std::string paper;         // a4 | letter, for PDF handouts; empty: the course file's `paper`, else a4
  std::string handout;       // brief | full: overrides every lesson's `handout` key; empty: the keys decide
  std::string layout;        // wide | slides | tall; empty: each lesson's `layout`, else wide
  std::string templates_dir;  // empty: the installed/source templates/
  std::string base_url;       // where out/ is published, for embed.html's paths; empty: relative paths
};
int RunBuild(const BuildOptions& options);

// `convlesson clean`: removes from the output folder the outputs of lessons
// whose lesson file is gone (only files a build made), then brings the course
// index and course.pdf up to date with the lessons that remain. Renders no
// lesson. Uses out_dir, templates_dir and the options that change bytes.
int RunClean(const BuildOptions& options);

// `convlesson merge DIR... -o OUT`: joins the output folders of shard builds
// (`build --shard K/N`) into OUT and makes the course index and course.pdf,
// as one build of every lesson would. `paths` names the course file (or a
// folder holding it), as for build; the shards must have been built with the
// same settings.
int RunMerge(const BuildOptions& options);

struct NewOptions {
  std::string name;              // the lesson id, also the file name
  std::string dir = "lessons";  // where lessons/NAME.yaml goes
};
int RunNew(const NewOptions& options);

struct InitOptions {
  std::string dir = ".";   // the course folder; created when missing
  bool templates = false;  // also copy the page templates into DIR/templates for theming
};
// Starts a course repository in options.dir, never over an existing file.
int RunInit(const InitOptions& options);

struct WatchOptions {
  BuildOptions build;      // what each rebuild does
  int interval_ms = 300;  // how often the inputs are polled
};
int RunWatch(const WatchOptions& options);

}  // namespace cl
