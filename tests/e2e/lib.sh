# Shared by the e2e scripts: a scratch folder removed on exit, and the two
# helpers every script uses. Source it after setting `bin`.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

# run EXPECTED_EXIT ARGS...: runs the binary, stdout/stderr into $work; on an
# unexpected exit code prints both and fails.
run() {
  local want=$1; shift
  local got=0
  "$bin" "$@" >"$work/out" 2>"$work/err" || got=$?
  [[ $got == "$want" ]] || { cat "$work/out" "$work/err" >&2; fail "convlesson $* exited $got, expected $want"; }
}

# run_in DIR EXPECTED_EXIT ARGS...: run from DIR, so paths in messages read
# relative to it; stdout/stderr still go to $work/out and $work/err.
run_in() {
  local dir=$1 want=$2; shift 2
  local got=0
  (cd "$dir" && "$bin" "$@" >"$work/out" 2>"$work/err") || got=$?
  [[ $got == "$want" ]] || { cat "$work/out" "$work/err" >&2; fail "convlesson $* (in $dir) exited $got, expected $want"; }
}

# need_tool COMMAND WHY: a check that needs a tool fails without it; it never
# passes by skipping itself.
need_tool() { command -v "$1" >/dev/null 2>&1 || fail "$1 is missing, and $2 needs it"; }
