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
