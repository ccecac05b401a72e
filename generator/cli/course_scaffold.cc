#include "cli/course_scaffold.h"

#include <fmt/format.h>

#include "cli/lesson_scaffold.h"

namespace cl {
namespace {

constexpr const char* kCourseFile = R"TEXT(# The course file (docs/course-file.md in convlesson's documentation): the
# course's name and defaults for every lesson in this folder. Every key is
# optional.
title: My course
intro: |
  What a convolution layer does, one step at a time. Open a lesson to step
  through it, switch filters and read every number.
language: en        # the pages' lang attribute
paper: a4           # or letter, for the PDF handouts
handout: brief      # or full: every step in the handout
)TEXT";

constexpr const char* kGitignore = R"TEXT(# Built by `convlesson build`; CI builds and publishes it.
out/
# The convlesson package CI installs (ci/install-convlesson.sh).
.convlesson-cache/
)TEXT";

// One script for both CI systems: the workflows only run it.
constexpr const char* kInstallScript = R"TEXT(#!/bin/sh
# Installs convlesson in a Debian 12 CI job (written by `convlesson init`).
# Set one of these CI variables:
#   CONVLESSON_DEB_URL  a convlesson_<version>_amd64.deb to download and install
#   CONVLESSON_GIT_URL  convlesson's git repository, built from source into a
#                       .deb (CONVLESSON_GIT_REF: a branch or tag; default its HEAD)
# The package is kept in .convlesson-cache/, which the workflows cache, so a
# source build happens once per commit of convlesson.
set -eu
cache=.convlesson-cache
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -q --no-install-recommends ca-certificates curl git
mkdir -p "$cache"
if [ -n "${CONVLESSON_DEB_URL:-}" ]; then
  deb="$cache/convlesson-$(printf %s "$CONVLESSON_DEB_URL" | sha256sum | cut -c1-16).deb"
  [ -f "$deb" ] || curl -fsSL -o "$deb" "$CONVLESSON_DEB_URL"
elif [ -n "${CONVLESSON_GIT_URL:-}" ]; then
  ref=${CONVLESSON_GIT_REF:-HEAD}
  commit=$(git ls-remote "$CONVLESSON_GIT_URL" "$ref" | head -n 1 | cut -f 1)
  if [ -z "$commit" ]; then
    echo "install-convlesson: $ref not found in $CONVLESSON_GIT_URL" >&2
    exit 1
  fi
  deb="$cache/convlesson-$commit.deb"
  if [ ! -f "$deb" ]; then
    src=$(mktemp -d)
    git clone -q "$CONVLESSON_GIT_URL" "$src"
    git -C "$src" checkout -q "$commit"
    (cd "$src" && bash scripts/package.sh)
    cp "$src"/build/release/convlesson_*.deb "$deb"
    rm -rf "$src"
  fi
else
  echo "install-convlesson: set the CI variable CONVLESSON_DEB_URL (a convlesson .deb) or CONVLESSON_GIT_URL (its git repository)" >&2
  exit 1
fi
# Only the package in use stays cached.
find "$cache" -name '*.deb' ! -path "$deb" -delete
$sudo apt-get install -y -q --no-install-recommends "./$deb"
convlesson --version
)TEXT";

constexpr const char* kGithubWorkflow = R"TEXT(# Builds the course on every push and pull request, and publishes out/ to
# GitHub Pages from main (written by `convlesson init`; edit freely).
# Set one repository variable (Settings > Secrets and variables > Actions >
# Variables): CONVLESSON_DEB_URL or CONVLESSON_GIT_URL (ci/install-convlesson.sh),
# and under Settings > Pages choose "GitHub Actions" as the source.
name: course
on:
  push:
    branches: [main]
  pull_request:

jobs:
  build:
    runs-on: ubuntu-latest
    container: debian:12
    env:
      CONVLESSON_DEB_URL: ${{{{ vars.CONVLESSON_DEB_URL }}}}
      CONVLESSON_GIT_URL: ${{{{ vars.CONVLESSON_GIT_URL }}}}
      CONVLESSON_GIT_REF: ${{{{ vars.CONVLESSON_GIT_REF }}}}
      CI: "true"
    steps:
      - name: Git, for the checkout and the commit date
        run: apt-get update -qq && apt-get install -y -q --no-install-recommends ca-certificates git
      - uses: actions/checkout@v4
      # The convlesson package: downloaded or built from source once, then reused.
      - uses: actions/cache@v4
        with:
          path: .convlesson-cache
          key: convlesson-${{{{ github.run_id }}}}
          restore-keys: convlesson-
      - name: Install convlesson
        run: sh ci/install-convlesson.sh
      # The last outputs: the build redoes only lessons whose inputs changed.
      - uses: actions/cache@v4
        with:
          path: out
          key: out-${{{{ github.sha }}}}
          restore-keys: out-
      - name: Build the course
        run: |
          git config --global --add safe.directory "$GITHUB_WORKSPACE"
          export SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)
          {build}
      - name: Leave the build's own files out of the site
        run: mkdir public && cp -r out/. public/ && rm -f public/.convlesson*
      - uses: actions/upload-pages-artifact@v3
        if: github.ref == 'refs/heads/main'
        with:
          path: public

  deploy:
    needs: build
    if: github.ref == 'refs/heads/main'
    runs-on: ubuntu-latest
    permissions:
      pages: write
      id-token: write
    environment:
      name: github-pages
      url: ${{{{ steps.deployment.outputs.page_url }}}}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
)TEXT";

constexpr const char* kGitlabCi = R"TEXT(# Builds the course on every push, and publishes out/ to GitLab Pages from the
# default branch (written by `convlesson init`; edit freely).
# Set one CI/CD variable (Settings > CI/CD > Variables): CONVLESSON_DEB_URL or
# CONVLESSON_GIT_URL (ci/install-convlesson.sh).
image: debian:12

stages: [build, deploy]

course:
  stage: build
  variables:
    CI: "true"
  cache:
    # The convlesson package: downloaded or built from source once, then reused.
    - key: convlesson
      paths: [.convlesson-cache/]
    # The last outputs: the build redoes only lessons whose inputs changed.
    - key: course-out
      paths: [out/]
  script:
    - sh ci/install-convlesson.sh
    - export SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)
    - {build}
  artifacts:
    paths: [out/]

pages:
  stage: deploy
  needs: [course]
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
  script:
    - mkdir public && cp -r out/. public/ && rm -f public/.convlesson*
  artifacts:
    paths: [public]
)TEXT";

}  // namespace

std::vector<ScaffoldFile> CourseScaffold(bool own_templates) {
  const std::string build =
      fmt::format("convlesson build lessons -o out --werror{}", own_templates ? " --templates templates" : "");
  return {
      {fmt::format("lessons/{}.yaml", kStarterLessonId), LessonScaffold(kStarterLessonId)},
      {"lessons/course.yaml", kCourseFile},
      {".gitignore", kGitignore},
      {"ci/install-convlesson.sh", kInstallScript},
      {".github/workflows/course.yml", fmt::format(kGithubWorkflow, fmt::arg("build", build))},
      {".gitlab-ci.yml", fmt::format(kGitlabCi, fmt::arg("build", build))},
  };
}

}  // namespace cl
