#!/usr/bin/env bash
# clang-tidy on generator/ with the top-level .clang-tidy, where every finding
# is an error: exits 1 on any finding, 0 when clean.
#
#   scripts/lint.sh [--list] [--changed [BASE] | --all] [BUILD_DIR]
#
# --changed (the default, what CTest's lint test runs): only the generator's
#   .cc files that differ from the merge base with BASE (default main, else
#   origin/main; on BASE itself, the last commit's parent), plus every .cc
#   that includes a changed header directly. A full run
#   takes 10-20 minutes of CPU (about 10 s per file), too long for every test
#   run; a typical change checks a few files in well under a minute.
# --all: every file (the `lint_all` build target; run it nightly or before a
#   release). Outside git, or without the base branch, --changed checks all.
# --list: print the files it would check, and check none.
# BUILD_DIR (default build/release) must hold compile_commands.json.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=changed base=main list=0
if [[ ${1:-} == --list ]]; then list=1; shift; fi
case ${1:-} in
  --all) mode=all; shift ;;
  --changed) shift; if [[ ${1:-} && ! -d ${1:-} ]]; then base=$1; shift; fi ;;
esac
build=${1:-build/release}

tidy=$(command -v clang-tidy-14 || true)
[[ $tidy ]] || { echo "lint: clang-tidy-14 is missing (apt-get install clang-tidy-14)" >&2; exit 1; }
[[ -f $build/compile_commands.json ]] || { echo "lint: no $build/compile_commands.json; configure first" >&2; exit 1; }

mapfile -t all < <(find generator -name '*.cc' | sort)
files=("${all[@]}")
if [[ $mode == changed ]]; then
  ref=""
  for candidate in "$base" "origin/$base"; do
    if git rev-parse --verify -q "$candidate^{commit}" >/dev/null 2>&1; then ref=$candidate; break; fi
  done
  if [[ $ref ]]; then
    merge_base=$(git merge-base HEAD "$ref")
    # On the base branch itself (CI's checkout of main), the last commit's
    # changes: its first parent is the base (for a merge, everything merged).
    if [[ $merge_base == $(git rev-parse HEAD) ]]; then
      if git rev-parse --verify -q "HEAD^1" >/dev/null 2>&1; then merge_base=$(git rev-parse HEAD^1) ref="HEAD^1"; else ref=""; fi
    fi
  fi
  if [[ $ref ]]; then
    # Committed, staged and unstaged changes, and new files not yet added.
    mapfile -t changed < <({ git diff --name-only "$merge_base" -- generator; git ls-files --others --exclude-standard -- generator; } | sort -u)
    declare -A pick=()
    for path in "${changed[@]}"; do
      [[ -f $path ]] || continue  # deleted
      case $path in
        *.cc) pick[$path]=1 ;;
        *.h | *.inc)
          header=${path#generator/}
          while IFS= read -r includer; do pick[$includer]=1; done < <(grep -rlF "#include \"$header\"" generator --include='*.cc' || true)
          ;;
      esac
    done
    files=()
    for path in "${all[@]}"; do [[ ${pick[$path]:-} ]] && files+=("$path"); done
    echo "lint: ${#files[@]} of ${#all[@]} generator files changed since $ref ($merge_base)"
  else
    echo "lint: no $base branch to compare with: checking every file"
  fi
fi
((${#files[@]})) || { echo "lint: nothing to check"; exit 0; }
if ((list)); then printf '%s\n' "${files[@]}"; exit 0; fi

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
jobs=${CONVLESSON_LINT_JOBS:-2}
# One log per file, printed whole, so parallel runs do not interleave.
status=0
printf '%s\n' "${files[@]}" | xargs -P "$jobs" -I{} sh -c \
  '"$1" -p "$2" --quiet "$3" >"$4/$(echo "$3" | tr / _).log" 2>&1 || echo "$3" >>"$4/failed"' \
  sh "$tidy" "$build" {} "$logs"
if [[ -f $logs/failed ]]; then
  while IFS= read -r path; do
    grep -v -E '^[0-9]+ warnings? generated\.$|^Suppressed [0-9]+ warnings|^Use -header-filter|^Use -system-headers' "$logs/$(echo "$path" | tr / _).log" || true
  done < <(sort "$logs/failed")
  echo "lint: clang-tidy found problems in $(wc -l <"$logs/failed") of ${#files[@]} files" >&2
  status=1
else
  echo "lint: ${#files[@]} files clean"
fi
exit $status
