#include "cli/cli.h"

#include <cstdio>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/install_paths.h"
#include "cli/number_options.h"

namespace cl {

int RunCli(int argc, char** argv) {
  CLI::App app{"convlesson: turns YAML lessons into figures and pages that teach convolution, ReLU and pooling"};
  app.set_version_flag("--version", VersionText());
  app.require_subcommand(1);

  CheckOptions check;
  auto* check_cmd = app.add_subcommand("check", "Validate lessons (files or folders; default lessons/)");
  check_cmd->add_option("paths", check.paths, "Lesson files or folders");
  check_cmd->add_flag("--werror", check.werror, "Treat warnings as errors");

  ComputeOptions compute;
  auto* compute_cmd = app.add_subcommand("compute", "Compute a lesson and print its numbers");
  compute_cmd->add_option("lesson", compute.lesson, "Lesson file")->required();
  compute_cmd->add_flag("--json", compute.json, "Print the JSON results object");
  compute_cmd->add_option("--variant", compute.variant, "Only the variant with this label");

  DumpOptions dump;
  auto* dump_cmd = app.add_subcommand("dump", "Print one pipeline stage's result of a lesson as text");
  dump_cmd->add_option("--stage", dump.stage, "lesson, compute, storyboard, scene or document")
      ->required()->check(CLI::IsMember({"lesson", "compute", "storyboard", "scene", "document"}));
  dump_cmd->add_option("lesson", dump.lesson, "Lesson file")->required();
  dump_cmd->add_option("--variant", dump.variant, "Only the variant with this label (scene: default the first)");
  dump_cmd->add_option("--beat", dump.beat, "Scene only: the beat to lay out, from 1 (default 1)")
      ->check(WholeNumber());

  // build and watch take the same options; watch adds only its poll interval.
  auto add_build_options = [](CLI::App* cmd, BuildOptions& build) {
    cmd->add_option("paths", build.paths, "Lesson files or folders");
    cmd->add_option("-o,--out", build.out_dir, "Output folder")->capture_default_str();
    cmd->add_option("--scale", build.scale, "Pixels per unit of the PNG frames, the GIF and the animated SVG")
        ->capture_default_str()->check(DecimalNumber())->check(CLI::Range(0.5, 8.0));
    cmd->add_option("-j,--jobs", build.jobs, "Parallel jobs (0: one per core)")
        ->check(WholeNumber())->check(CLI::Range(0, 256));
    cmd->add_flag("--force", build.force, "Rebuild everything");
    cmd->add_flag("--replace-unowned", build.replace_unowned,
                  "Let the build replace or remove files in the output folder that no build made");
    cmd->add_flag("--prune", build.prune, "Remove the outputs of lessons whose lesson file is gone");
    cmd->add_option("--shard", build.shard,
                    "K/N: build the K-th of N shares of the lessons (balanced by cost), without the course files");
    cmd->add_flag("--fail-fast", build.fail_fast, "Stop at the first failing lesson");
    cmd->add_flag("--werror", build.werror, "Treat warnings as errors");
    cmd->add_flag("-q,--quiet", build.quiet, "Print only errors and warnings");
    cmd->add_flag("-v,--verbose", build.verbose, "Print every file written");
    cmd->add_option("--only", build.only, "Comma list of svg,png,gif,anim-svg,pdf,html,embed,json,slides,pdf-frames (pdf-frames only on request)")
        ->check(CLI::Validator(  // given empty (`--only "$KINDS"` with KINDS unset), it would build every kind
            [](std::string& kinds) { return kinds.empty() ? std::string("names no kind of output") : std::string(); },
            "KINDS"));
    cmd->add_option("--base-url", build.base_url,
                    "URL the output folder is published at (e.g. /lessons/), where embed.html's paths start; "
                    "default: relative to embed.html");
    cmd->add_option("--paper", build.paper, "PDF paper size: a4 or letter; default: the course file's paper, else a4")
        ->check(CLI::IsMember({"a4", "letter"}));
    cmd->add_option("--layout", build.layout,
                    "Frame shape: wide (pages, the default), slides (16:9) or tall (phones); overrides the lessons' layout")
        ->check(CLI::IsMember({"wide", "slides", "tall"}));
    cmd->add_option("--templates", build.templates_dir, "Folder with page templates");
    cmd->add_option("--handout", build.handout, "handout.pdf for every lesson: brief (one or two pages) or full "
                                                "(every step); default: each lesson's `handout` key, else the course file's, else brief")
        ->check(CLI::IsMember({"brief", "full"}));
  };
  BuildOptions build;
  auto* build_cmd = app.add_subcommand("build", "Render lessons into an output folder (default lessons/ into out/)");
  add_build_options(build_cmd, build);

  WatchOptions watch;
  auto* watch_cmd = app.add_subcommand("watch", "Build, then rebuild whenever a lesson, image or template changes");
  add_build_options(watch_cmd, watch.build);
  watch_cmd->add_option("--interval", watch.interval_ms, "Milliseconds between checks for changes")
      ->capture_default_str()->check(WholeNumber())->check(CLI::Range(20, 60000));

  BuildOptions clean;
  auto* clean_cmd = app.add_subcommand(
      "clean", "Remove the outputs of lessons whose lesson file is gone, and update the course index and course.pdf");
  add_build_options(clean_cmd, clean);

  BuildOptions merge;
  auto* merge_cmd = app.add_subcommand(
      "merge", "Join the output folders of shard builds into one site with its index and course.pdf");
  merge_cmd->add_option("dirs", merge.merge_dirs, "Output folders of `build --shard K/N`")->required();
  merge_cmd->add_option("-o,--out", merge.out_dir, "Output folder")->capture_default_str();
  merge_cmd->add_option("--course", merge.paths, "The course file (or its folder) the shards were built with");
  merge_cmd->add_option("--templates", merge.templates_dir, "Folder with page templates");
  merge_cmd->add_option("--scale", merge.scale, "As given to the shard builds")
      ->check(DecimalNumber())->check(CLI::Range(0.5, 8.0));
  merge_cmd->add_option("--paper", merge.paper, "As given to the shard builds")->check(CLI::IsMember({"a4", "letter"}));
  merge_cmd->add_option("--handout", merge.handout, "As given to the shard builds")
      ->check(CLI::IsMember({"brief", "full"}));
  merge_cmd->add_option("--layout", merge.layout, "As given to the shard builds")
      ->check(CLI::IsMember({"wide", "slides", "tall"}));
  merge_cmd->add_flag("-q,--quiet", merge.quiet, "Print only errors and warnings");

  NewOptions new_lesson;
  auto* new_cmd = app.add_subcommand("new", "Start a commented lesson file lessons/NAME.yaml");
  new_cmd->add_option("name", new_lesson.name, "Lesson id, also the file name")->required();
  new_cmd->add_option("--dir", new_lesson.dir, "Folder for the lesson file")->capture_default_str();

  InitOptions init;
  auto* init_cmd = app.add_subcommand("init", "Start a course repository: a lesson, the course file, .gitignore, CI "
                                              "workflows (never over an existing file)");
  init_cmd->add_option("dir", init.dir, "Course folder")->capture_default_str();
  init_cmd->add_flag("--templates", init.templates, "Also copy the page templates into DIR/templates for theming");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);  // prints help, version or the usage error
    return code == 0 ? 0 : 2;
  }

  if (check_cmd->parsed()) {
    if (check.paths.empty()) check.paths = {"lessons"};
    return RunCheck(check);
  }
  if (compute_cmd->parsed()) return RunCompute(compute);
  if (dump_cmd->parsed()) return RunDump(dump);
  if (new_cmd->parsed()) return RunNew(new_lesson);
  if (init_cmd->parsed()) return RunInit(init);
  if (watch_cmd->parsed()) {
    if (watch.build.paths.empty()) watch.build.paths = {"lessons"};
    return RunWatch(watch);
  }
  if (merge_cmd->parsed()) return RunMerge(merge);
  if (clean_cmd->parsed()) {
    if (clean.paths.empty()) clean.paths = {"lessons"};
    return RunClean(clean);
  }
  if (build.paths.empty()) build.paths = {"lessons"};
  return RunBuild(build);
}

}  // namespace cl
