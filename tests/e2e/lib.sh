# Shared by the e2e scripts: a scratch folder removed on exit, the helpers
# every script uses and the set-ups several share. Source it after setting
# `bin` (and `src`, the source root, for the shipped-lesson helpers).
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

# has FILE TEXT / lacks FILE TEXT: FILE holds (does not hold) TEXT.
has() { grep -qF -- "$2" "$1" || fail "$1 lacks '$2'"; }
lacks() { ! grep -qF -- "$2" "$1" || fail "$1 has '$2'"; }

# plain_logs: the binary's logs one plain line per lesson, no colour, and no
# date taken from the environment, for scripts that read logs or compare bytes.
plain_logs() {
  export CI=true NO_COLOR=1
  unset SOURCE_DATE_EPOCH
}

# copy_shipped: the shipped lessons and templates copied from the source root
# $src into $work, which becomes the current folder; `ids` lists every shipped
# lesson (each file is named by its id), however many there are, `n` counts them.
copy_shipped() {
  cp -r "$src/lessons" "$work/lessons"
  cp -r "$src/templates" "$work/templates"
  cd "$work"
  mapfile -t ids < <(find lessons -maxdepth 1 -name '*.yaml' ! -name course.yaml -printf '%f\n' | sed 's/\.yaml$//' | sort)
  n=${#ids[@]}
}

# build_shipped OUT ARGS...: builds the shipped lessons of $src into OUT,
# quietly, the log in $work/log (shown when the build fails).
build_shipped() {
  local out=$1; shift
  "$bin" build "$src/lessons" --templates "$src/templates" -o "$out" -q "$@" >"$work/log" 2>&1 ||
    { cat "$work/log" >&2; fail "convlesson build $* failed"; }
}
