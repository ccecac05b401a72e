#include "cli/cli.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/install_paths.h"
#include "cli/number_options.h"

namespace cl {

namespace {

// Letters to change, add or drop to turn `a` into `b`.
size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string UnknownCommandText(std::string_view given, const std::vector<std::string>& commands) {
  std::string text = "convlesson: unknown command '" + std::string(given) + "'";
  const auto nearest = std::min_element(commands.begin(), commands.end(), [&](const std::string& a, const std::string& b) {
    return EditDistance(given, a) < EditDistance(given, b);
  });
  if (nearest != commands.end() && EditDistance(given, *nearest) <= 2) text += "; did you mean '" + *nearest + "'?";
  text += "\nThe commands:";
  for (const std::string& name : commands) text += " " + name;
  return text + "\nRun with --help for more information.\n";
}

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

  // The options that change bytes in out/. `clean` and `merge` make the
  // course files again, so they take these "as given to the build"; the
  // manifest holds only their hash, and a clean or merge that differs is
  // refused (course_build.cc, shard_merge.cc).
  auto add_output_settings = [](CLI::App* cmd, BuildOptions& build, const char* as_given) {
    const auto help = [as_given](const char* text) { return std::string(as_given ? as_given : text); };
    cmd->add_option("--scale", build.scale, help("Pixels per unit of the PNG frames, the GIF and the animated SVG"))
        ->capture_default_str()->check(DecimalNumber())->check(CLI::Range(0.5, 8.0));
    cmd->add_option("--base-url", build.base_url,
                    help("URL the output folder is published at (e.g. /lessons/), where embed.html's paths start; "
                         "default: relative to embed.html"));
    cmd->add_option("--paper", build.paper, help("PDF paper size: a4 or letter; default: the course file's paper, else a4"))
        ->check(CLI::IsMember({"a4", "letter"}));
    cmd->add_option("--layout", build.layout,
                    help("Frame shape: wide (pages, the default), slides (16:9) or tall (phones); overrides the "
                         "lessons' layout"))
        ->check(CLI::IsMember({"wide", "slides", "tall"}));
    cmd->add_option("--templates", build.templates_dir, help("Folder with page templates"));
    cmd->add_option("--handout", build.handout,
                    help("handout.pdf for every lesson: brief (one or two pages) or full (every step); default: each "
                         "lesson's `handout` key, else the course file's, else brief"))
        ->check(CLI::IsMember({"brief", "full"}));
  };
  const auto add_logging = [](CLI::App* cmd, BuildOptions& build) {
    cmd->add_flag("-q,--quiet", build.quiet, "Print only errors and warnings");
    cmd->add_flag("-v,--verbose", build.verbose, "Print every file written");
  };
  const auto add_jobs = [](CLI::App* cmd, BuildOptions& build) {
    cmd->add_option("-j,--jobs", build.jobs, "Parallel jobs (0: one per core)")
        ->check(WholeNumber())->check(CLI::Range(0, 256));
  };
  const auto add_replace_unowned = [](CLI::App* cmd, BuildOptions& build) {
    cmd->add_flag("--replace-unowned", build.replace_unowned,
                  "Let the build replace or remove files in the output folder that no build made");
  };

  // build and watch take the same options; watch adds only its poll interval.
  auto add_build_options = [&](CLI::App* cmd, BuildOptions& build) {
    cmd->add_option("paths", build.paths, "Lesson files or folders");
    cmd->add_option("-o,--out", build.out_dir, "Output folder")->capture_default_str();
    add_output_settings(cmd, build, nullptr);
    add_jobs(cmd, build);
    cmd->add_flag("--force", build.force, "Rebuild everything");
    add_replace_unowned(cmd, build);
    cmd->add_flag("--prune", build.prune, "Remove the outputs of lessons whose lesson file is gone");
    cmd->add_option("--shard", build.shard,
                    "K/N: build the K-th of N shares of the lessons (balanced by cost), without the course files");
    cmd->add_flag("--fail-fast", build.fail_fast, "Stop at the first failing lesson");
    cmd->add_flag("--werror", build.werror, "Treat warnings as errors");
    add_logging(cmd, build);
    cmd->add_option("--only", build.only, "Comma list of svg,png,gif,anim-svg,pdf,html,embed,json,slides,pdf-frames (pdf-frames only on request)")
        ->check(CLI::Validator(  // given empty (`--only "$KINDS"` with KINDS unset), it would build every kind
            [](std::string& kinds) { return kinds.empty() ? std::string("names no kind of output") : std::string(); },
            "KINDS"));
  };
  BuildOptions build;
  auto* build_cmd = app.add_subcommand("build", "Render lessons into an output folder (default lessons/ into out/)");
  add_build_options(build_cmd, build);

  WatchOptions watch;
  auto* watch_cmd = app.add_subcommand("watch", "Build, then rebuild whenever a lesson, image or template changes");
  add_build_options(watch_cmd, watch.build);
  watch_cmd->add_option("--interval", watch.interval_ms, "Milliseconds between checks for changes")
      ->capture_default_str()->check(WholeNumber())->check(CLI::Range(20, 60000));

  // clean renders no lesson: it takes what names the course and out/, and
  // the settings the build had, for the course files it makes again.
  BuildOptions clean;
  auto* clean_cmd = app.add_subcommand(
      "clean", "Remove the outputs of lessons whose lesson file is gone, and update the course index and course.pdf");
  clean_cmd->add_option("paths", clean.paths, "The lesson folder (or files) the output folder was built from");
  clean_cmd->add_option("-o,--out", clean.out_dir, "Output folder")->capture_default_str();
  add_output_settings(clean_cmd, clean, "As given to the build");
  add_jobs(clean_cmd, clean);
  add_replace_unowned(clean_cmd, clean);
  clean_cmd->add_flag("--werror", clean.werror, "Treat the course file's warnings as errors");
  add_logging(clean_cmd, clean);

  BuildOptions merge;
  std::string merge_course;
  auto* merge_cmd = app.add_subcommand(
      "merge", "Join the output folders of shard builds into one site with its index and course.pdf");
  merge_cmd->add_option("dirs", merge.merge_dirs, "Output folders of `build --shard K/N`")->required();
  merge_cmd->add_option("-o,--out", merge.out_dir, "Output folder")->capture_default_str();
  merge_cmd->add_option("--course", merge_course, "The course file (or its folder) the shards were built with");
  add_output_settings(merge_cmd, merge, "As given to the shard builds");
  add_logging(merge_cmd, merge);

  NewOptions new_lesson;
  auto* new_cmd = app.add_subcommand("new", "Start a commented lesson file lessons/NAME.yaml");
  new_cmd->add_option("name", new_lesson.name, "Lesson id, also the file name")->required();
  new_cmd->add_option("--dir", new_lesson.dir, "Folder for the lesson file")->capture_default_str();

  InitOptions init;
  auto* init_cmd = app.add_subcommand("init", "Start a course repository: a lesson, the course file, .gitignore, CI "
                                              "workflows (never over an existing file)");
  init_cmd->add_option("dir", init.dir, "Course folder")->capture_default_str();
  init_cmd->add_flag("--templates", init.templates, "Also copy the page templates into DIR/templates for theming");

  // A mistyped command would otherwise read "A subcommand is required".
  if (argc > 1 && argv[1][0] != '-') {
    std::vector<std::string> names;
    for (const CLI::App* cmd : app.get_subcommands([](const CLI::App*) { return true; })) names.push_back(cmd->get_name());
    if (std::find(names.begin(), names.end(), argv[1]) == names.end()) {
      std::fputs(UnknownCommandText(argv[1], names).c_str(), stderr);
      return 2;
    }
  }
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
  if (merge_cmd->parsed()) {
    if (!merge_course.empty()) merge.paths = {merge_course};
    return RunMerge(merge);
  }
  if (clean_cmd->parsed()) {
    if (clean.paths.empty()) clean.paths = {"lessons"};
    return RunClean(clean);
  }
  if (build.paths.empty()) build.paths = {"lessons"};
  return RunBuild(build);
}

}  // namespace cl
