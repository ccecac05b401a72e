#!/usr/bin/env bash
# End-to-end checks of issue 17: the installed binary, moved anywhere, builds a
# course that `convlesson init` made outside the source tree exactly as the
# in-tree binary does; the Debian package's metadata and files; `init` never
# overwrites and says when it has nothing to do; the man page describes every
# option. Usage: install_e2e.sh CONVLESSON_BINARY BUILD_DIR CASE (from the source root)
set -euo pipefail

bin=$(realpath "$1")
build_dir=$(realpath "$2")
case_name=$3
src=$PWD
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# same_tree A B: every file of A is in B with the same bytes, and no more.
same_tree() {
  (cd "$1" && find . -type f | LC_ALL=C sort) >"$work/a.list"
  (cd "$2" && find . -type f | LC_ALL=C sort) >"$work/b.list"
  diff -u "$work/a.list" "$work/b.list" >&2 || fail "$1 and $2 hold different files"
  while IFS= read -r f; do cmp -s "$1/$f" "$2/$f" || fail "$f differs between $1 and $2"; done <"$work/a.list"
}

case $case_name in
  prefix)
    need_tool cmake "installing"
    cmake --install "$build_dir" --prefix "$work/first" >"$work/install.log" || { cat "$work/install.log" >&2; fail "cmake --install failed"; }
    for f in bin/convlesson share/convlesson/templates/lesson.mustache share/convlesson/templates/style.css \
             share/man/man1/convlesson.1.gz share/doc/convlesson/README.md share/doc/convlesson/docs/ci.md; do
      [[ -f $work/first/$f ]] || fail "the install has no $f"
    done
    same_tree "$src/templates" "$work/first/share/convlesson/templates"
    # Moved: the binary finds its templates relative to itself.
    mkdir "$work/elsewhere"
    mv "$work/first" "$work/elsewhere/moved"
    installed=$work/elsewhere/moved/bin/convlesson
    version=$("$installed" --version)
    [[ $version == "$("$bin" --version)" ]] || fail "installed --version '$version' differs from the build's"
    [[ $version =~ ^convlesson\ [0-9]+\.[0-9]+\.[0-9]+\ \(revision\ [A-Za-z0-9._+-]+\)$ ]] || fail "--version printed '$version'"
    # Outside a git checkout (a tarball), or inside another repository, the revision is "unknown".
    mkdir -p "$work/tarball/sub"
    for dir in "$work/tarball" "$src/generator"; do
      cmake -DSOURCE_DIR="$dir" -DOUTPUT="$work/rev.h" -P "$src/generator/cli/write_revision.cmake"
      grep -qxF '#define CONVLESSON_REVISION "unknown"' "$work/rev.h" || fail "the revision of $dir is $(cat "$work/rev.h")"
    done
    cmake -DSOURCE_DIR="$src" -DOUTPUT="$work/rev.h" -P "$src/generator/cli/write_revision.cmake"
    [[ $version == *"(revision $(sed -n 's/^#define CONVLESSON_REVISION "\(.*\)"$/\1/p' "$work/rev.h"))" ]] ||
      fail "--version '$version' does not name the source revision $(cat "$work/rev.h")"
    # A course outside the source tree, built by the moved install...
    mkdir "$work/course"
    (cd "$work/course" && "$installed" init >"$work/init.log") || fail "init failed"
    cp -r "$work/course" "$work/course-in-tree"
    (cd "$work/course" && "$installed" build --werror -q) || fail "the installed binary could not build the course"
    [[ -f $work/course/out/first-lesson/index.html && -f $work/course/out/index.html ]] || fail "the course has no pages"
    # ...equals the same course built by the in-tree binary, byte for byte.
    (cd "$work/course-in-tree" && "$bin" build --werror -q) || fail "the in-tree binary could not build the course"
    same_tree "$work/course/out" "$work/course-in-tree/out"
    # --templates still wins over the installed ones.
    cp -r "$src/templates" "$work/mine"
    echo "/* mine */" >>"$work/mine/style.css"
    (cd "$work/course" && "$installed" build -q --templates "$work/mine") || fail "build --templates failed"
    cmp -s "$work/mine/style.css" "$work/course/out/assets/style.css" || fail "--templates did not replace the installed templates"
    # Without its data folder the binary says where it looked.
    rm -rf "$work/elsewhere/moved/share/convlesson"
    got=0
    (cd "$work/course" && "$installed" build -q --force >"$work/out" 2>"$work/err") || got=$?
    [[ $got == 2 ]] || fail "a missing data folder exited $got, expected 2"
    grep -qF "templates folder '$work/elsewhere/moved/share/convlesson/templates' does not exist" "$work/err" ||
      { cat "$work/err" >&2; fail "the error does not name the missing templates folder"; }
    ;;
  deb)
    need_tool cpack "building the package"
    need_tool dpkg-deb "reading the package"
    need_tool dpkg-shlibdeps "computing the package's Depends (dpkg-dev)"
    (cd "$work" && cpack -G DEB --config "$build_dir/CPackConfig.cmake" -B "$work/pkg" >"$work/cpack.log" 2>&1) ||
      { cat "$work/cpack.log" >&2; fail "cpack failed"; }
    debs=("$work"/pkg/convlesson_*.deb)
    [[ ${#debs[@]} == 1 && -f ${debs[0]} ]] || fail "cpack made no convlesson_*.deb"
    deb=${debs[0]}
    version=$(sed -n 's/^project(convlesson VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
    [[ $(basename "$deb") == "convlesson_${version}_$(dpkg --print-architecture).deb" ]] || fail "package file name $(basename "$deb")"
    dpkg-deb -I "$deb" >"$work/info"
    field() { dpkg-deb -f "$deb" "$1"; }
    [[ $(field Package) == convlesson ]] || fail "Package: $(field Package)"
    [[ $(field Version) == "$version" ]] || fail "Version: $(field Version)"
    depends=$(field Depends)
    for lib in 'libcairo2 ' 'libpango-1.0-0 ' 'libpangocairo-1.0-0 ' 'libfontconfig1 ' 'libglib2.0-0 ' \
               'libpng16-16 ' 'libcmark0.30.2 ' 'fonts-dejavu-core' 'fonts-dejavu-extra'; do
      [[ "$depends, " == *"$lib"* ]] || fail "Depends lacks ${lib% }: $depends"
    done
    # The libraries linked into the binary (CONVLESSON_STATIC_LIBS, the
    # release build's default) are not among them.
    if [[ $(readelf -d "$bin" | grep -c 'NEEDED.*libstdc++') == 0 ]]; then
      for lib in libyaml-cpp libfmt libstdc++ libnettle libdeflate; do
        [[ $depends != *"$lib"* ]] || fail "Depends names $lib, linked into the binary: $depends"
      done
    fi
    # Versioned: "libpng16-16 (>= 1.6.x)" from shlibdeps; the graphics
    # libraries, which the binary may load itself, from the build
    # (cmake/install.cmake) or shlibdeps.
    [[ $depends =~ libpng16-16\ \(\>=\ [0-9] ]] || fail "Depends does not come from shlibdeps: $depends"
    [[ $depends =~ libcairo2\ \(\>=\ [0-9] ]] || fail "Depends has no version of libcairo2: $depends"
    dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' | grep -v '/$' | LC_ALL=C sort >"$work/files"
    for f in /usr/bin/convlesson /usr/share/convlesson/templates/lesson.mustache /usr/share/convlesson/templates/player.js \
             /usr/share/man/man1/convlesson.1.gz /usr/share/doc/convlesson/README.md; do
      grep -qxF "$f" "$work/files" || fail "the package lacks $f"
    done
    # Nothing outside /usr/bin and /usr/share, and no build or test files.
    ! grep -vE '^/usr/(bin/convlesson|share/(convlesson|man/man1|doc/convlesson)/)' "$work/files" ||
      fail "the package holds files outside its layout"
    # The unpacked package is an install under another prefix: it works too.
    dpkg-deb -x "$deb" "$work/root"
    mkdir "$work/course"
    (cd "$work/course" && "$work/root/usr/bin/convlesson" init >/dev/null && "$work/root/usr/bin/convlesson" build -q --werror) ||
      fail "the unpacked package could not build a new course"
    ;;
  init)
    need_tool python3 "checking that the workflows are valid YAML"
    python3 -c 'import yaml' 2>/dev/null || fail "python3's yaml module is missing, and checking the workflows needs it"
    run_in "$work" 0 init course
    expected=(lessons/first-lesson.yaml lessons/course.yaml .gitignore ci/install-convlesson.sh
              .github/workflows/course.yml .gitlab-ci.yml)
    : >"$work/want"
    for f in "${expected[@]}"; do echo "created course/$f" >>"$work/want"; done
    head -n "${#expected[@]}" "$work/out" | diff -u "$work/want" - >&2 || fail "init did not report the files it created"
    grep -qxF 'out/' "$work/course/.gitignore" || fail ".gitignore does not ignore out/"
    # The starter lesson is the one `new` writes, and the course checks and builds clean.
    run_in "$work" 0 new first-lesson --dir scratch
    cmp -s "$work/scratch/first-lesson.yaml" "$work/course/lessons/first-lesson.yaml" || fail "the starter lesson is not new's"
    run_in "$work/course" 0 check --werror
    run_in "$work/course" 0 build --werror -q
    # The workflows are valid YAML with the jobs docs/ci.md describes, and build with --werror.
    python3 - "$work/course" <<'PY' || fail "a workflow is not what docs/ci.md describes"
import sys, yaml
root = sys.argv[1]
gh = yaml.safe_load(open(root + "/.github/workflows/course.yml"))
assert set(gh["jobs"]) == {"build", "deploy"}, gh["jobs"].keys()
runs = "\n".join(s.get("run", "") for s in gh["jobs"]["build"]["steps"])
assert "sh ci/install-convlesson.sh" in runs and "convlesson build lessons -o out --werror" in runs
assert any(s.get("uses", "").startswith("actions/cache@") and s["with"]["path"] == "out" for s in gh["jobs"]["build"]["steps"])
gl = yaml.safe_load(open(root + "/.gitlab-ci.yml"))
assert "sh ci/install-convlesson.sh" in gl["course"]["script"]
assert "convlesson build lessons -o out --werror" in gl["course"]["script"]
assert any(c["paths"] == ["out/"] for c in gl["course"]["cache"])
assert gl["pages"]["artifacts"]["paths"] == ["public"]
PY
    # docs/ci.md shows the workflows exactly as init writes them (after their header comments).
    python3 - "$src/docs/ci.md" "$work/course" <<'PY' || fail "docs/ci.md's workflows differ from what init writes"
import re, sys
doc = open(sys.argv[1]).read()
for first, path in (("name: course", ".github/workflows/course.yml"), ("image: debian", ".gitlab-ci.yml")):
    shown = re.search(r"```yaml\n(" + re.escape(first) + r".*?)```", doc, re.S).group(1)
    written = open(sys.argv[2] + "/" + path).read()
    written = written[written.index(first):]
    assert shown == written, path
PY
    sh -n "$work/course/ci/install-convlesson.sh" || fail "ci/install-convlesson.sh is not valid sh"
    # Twice: nothing changes, and it says so.
    (cd "$work/course" && find . -path ./out -prune -o -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) >"$work/before"
    echo "# my own edit" >>"$work/course/lessons/course.yaml"
    (cd "$work/course" && find . -path ./out -prune -o -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) >"$work/before"
    run_in "$work" 0 init course
    (cd "$work/course" && find . -path ./out -prune -o -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) >"$work/after"
    diff -u "$work/before" "$work/after" >&2 || fail "a second init changed files"
    grep -qxF "kept course/lessons/course.yaml: it exists" "$work/out" || fail "the second init did not report the kept file"
    grep -qxF "nothing to do: every file of a new course is already in course" "$work/out" || fail "the second init did not say it had nothing to do"
    ! grep -q '^created' "$work/out" || fail "the second init created a file"
    # --templates copies the templates (a course may theme them) and the workflows use them.
    run_in "$work" 0 init themed --templates
    same_tree "$src/templates" "$work/themed/templates"
    grep -qF -- "--werror --templates templates" "$work/themed/.gitlab-ci.yml" || fail "the workflows do not build with the course's templates"
    run_in "$work/themed" 0 build -q --templates templates
    # In a course that has some of the files already, only the missing ones are created.
    run_in "$work" 0 init themed --templates
    grep -qxF "nothing to do: every file of a new course is already in themed" "$work/out" || fail "init --templates twice changed something"
    grep -q "its build does not read" "$work/out" && fail "init --templates warned of workflows that use the templates"
    # Templates added to a course whose workflows were written without them:
    # the workflows are kept as they are, and init says what to add.
    run_in "$work" 0 init course --templates
    grep -qxF "kept course/.gitlab-ci.yml: it exists" "$work/out" || fail "init --templates did not keep the workflow"
    grep -qF "its build does not read the templates copied into course/templates/: add \`--templates templates\`" \
      "$work/out" || fail "init --templates did not say the kept workflows ignore the templates: $(cat "$work/out")"
    [[ $(grep -c "its build does not read" "$work/out") == 2 ]] || fail "init --templates did not name both workflows"
    grep -qF 'next: `convlesson build --templates templates` in course' "$work/out" || fail "init's next step leaves out the templates"
    ;;
  man)
    # Every option of every command's --help is in the man page.
    man_text=$(sed 's/\\-/-/g' "$src/docs/convlesson.1")
    for cmd in "" check compute dump build watch clean merge new init; do
      # shellcheck disable=SC2086
      "$bin" $cmd --help >"$work/help"
      while IFS= read -r option; do
        [[ $man_text == *"$option"* ]] || fail "docs/convlesson.1 does not describe '${cmd:+$cmd }$option'"
      done < <(grep -oE '(^|[ ,])--?[a-z][a-z-]*' "$work/help" | sed 's/^[ ,]//' | sort -u)
      [[ -z $cmd || $man_text == *"$cmd"* ]] || fail "docs/convlesson.1 does not describe '$cmd'"
    done
    need_tool man "checking the man page renders"
    MANWIDTH=80 man -l "$src/docs/convlesson.1" >"$work/man.txt" 2>"$work/man.err" || fail "man could not render the page"
    [[ ! -s $work/man.err ]] || { cat "$work/man.err" >&2; fail "man warned"; }
    grep -q "convlesson init" "$work/man.txt" || fail "the rendered man page lacks init"
    ;;
  *)
    fail "unknown case $case_name"
    ;;
esac
