#!/usr/bin/env bash
# End-to-end checks of the cost budgets (generator/site/cost_budget.h): a
# small lesson file that would make the build render thousands of frames or
# billions of pixels is refused by check and by build, located at its beats
# key, before anything is drawn (the build writes no file of it).
# The case `build` checks the budget of one build's frames over its lessons.
# Usage: budget_e2e.sh CONVLESSON_BINARY CASE   (run from the source root)
set -euo pipefail

bin=$(realpath "$1")
case_name=$2
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# checker SIDE VARIANTS: a SIDE x SIDE checkerboard, one beat per cell (up to
# 2000 per variant: 1885 for a side of 41), the base plus VARIANTS-1 more (at
# most 3) with other 3x3 filters, so every variant has as many beats.
checker() {
  printf 'title: Checker\nimage: {pattern: {kind: checkerboard, size: %s}}\nfilter: identity\n' "$1"
  printf 'beats: {per: cell, max: 2000}\n'
  local filters=(sobel-x laplacian)
  if (($2 > 1)); then
    echo 'variants:'
    for ((i = 0; i < $2 - 1; i++)); do printf '  - {label: V%s, filter: %s}\n' "$i" "${filters[i]}"; done
  fi
}

# same_errors WHAT: stderr is $work/want, but for the pixel count (written N),
# which follows the frames' layout.
same_errors() {
  sed -E 's/would hold [0-9]+\.[0-9] billion pixels/would hold N billion pixels/' "$work/err" >"$work/err.n"
  diff -u "$work/want" "$work/err.n" >&2 || fail "$1: unexpected diagnostics"
}

# refused LESSON MESSAGE...: check and build both exit 1 with each MESSAGE
# located at line 4 (the beats key), quickly, and the build leaves no lesson
# folder.
refused() {
  local lesson=$1 message
  shift
  : >"$work/want"
  for message in "$@"; do
    cat >>"$work/want" <<TEXT
$lesson:4:8: error: $message
    4 | beats: {per: cell, max: 2000}
      |        ^
TEXT
  done
  run_in "$work" 1 check "$lesson"
  same_errors "check"
  local start=$SECONDS
  run_in "$work" 1 build "$lesson" -o site -q
  same_errors "build"
  # Generous: refusing takes well under a second; rendering would take minutes.
  ((SECONDS - start < 30)) || fail "the build took $((SECONDS - start)) s to refuse"
  [[ ! -e $work/site/${lesson%.yaml} ]] || fail "the refused lesson wrote site/${lesson%.yaml}"
}

case $case_name in
  frames)
    # Three variants of 1885 beats: 5655 frames, over 4000.
    checker 41 3 >"$work/frames.yaml"
    refused frames.yaml \
      "the lesson's 3 variants make 5655 frames in all; a lesson may make at most 4000: lower beats max or use fewer variants" \
      "the lesson's PNG frames would hold N billion pixels at --scale 2; a lesson may make at most 16 billion: lower beats max, use fewer variants or a smaller --scale"
    ;;
  pixels)
    # One variant, 1885 frames of 2324x4456 PNG pixels at the default --scale 2.
    checker 41 1 >"$work/pixels.yaml"
    refused pixels.yaml "the lesson's PNG frames would hold N billion pixels at --scale 2; a lesson may make at most 16 billion: lower beats max, use fewer variants or a smaller --scale"
    ;;
  within)
    # Without PNG frames the pixels do not count: only lesson.json is built.
    checker 41 1 >"$work/pixels.yaml"
    run_in "$work" 0 build pixels.yaml -o site -q --only json
    [[ -f $work/site/pixels/lesson.json ]] || fail "pixels.yaml did not build its lesson.json"
    # A smaller lesson with three variants is within every budget.
    checker 12 3 >"$work/small.yaml"
    run_in "$work" 0 check small.yaml
    ;;
  build)
    # Six lessons of 3770 frames each (two variants of 1885 beats): each within
    # the lesson budget, 22620 together, over the build's 20000. The build
    # refuses before drawing anything: no lesson folder, exit 1.
    mkdir "$work/lessons"
    for n in 1 2 3 4 5 6; do checker 41 2 >"$work/lessons/c$n.yaml"; done
    start=$SECONDS
    run_in "$work" 1 build lessons -o site -q
    cat >"$work/want" <<'TEXT'
convlesson: error: the 6 lessons to build make 22620 frames in all; one build may make at most 20000 (largest: lessons/c1.yaml (3770), lessons/c2.yaml (3770), lessons/c3.yaml (3770), ...): build fewer lessons at a time, or lower their beats max or variants
TEXT
    diff -u "$work/want" "$work/err" >&2 || fail "unexpected diagnostics"
    ((SECONDS - start < 60)) || fail "the build took $((SECONDS - start)) s to refuse"
    for n in 1 2 3 4 5 6; do [[ ! -e $work/site/c$n ]] || fail "the refused build wrote site/c$n"; done
    # Five of them are within the build's budget (and each within its own but
    # for pixels, which --only json does not draw).
    rm "$work/lessons/c6.yaml"
    run_in "$work" 0 build lessons -o site -q --only json
    for n in 1 2 3 4 5; do [[ -f $work/site/c$n/lesson.json ]] || fail "c$n.yaml did not build"; done
    ;;
  frame-side)
    # A 28x28 picture (as the shipped photograph) with every number, at
    # --scale 8, makes frames of 9072x16728 pixels, over the 16384 a side
    # the renderer draws: refused before drawing, with the largest --scale
    # that fits, where every frame failed unlocated.
    python3 - "$work" <<'PY'
import struct, sys, zlib
w = h = 28
rows = b"".join(b"\0" + bytes(((r * 37 + c * 91) % 256) for c in range(w)) for r in range(h))
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
open(sys.argv[1] + "/big.png", "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)) +
                                       chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
open(sys.argv[1] + "/big.yaml", "w").write(
    "title: Big\nimage: {file: big.png}\nfilter: sobel-x\nactivation: none\npool: none\nbeats: {per: row, max: 5}\n")
PY
    run_in "$work" 1 build big.yaml -o site -q --scale 8 --only png
    has "$work/err" "big.yaml:6:8: error: the lesson's frames would be 9072x16728 pixels at --scale 8; a frame may be at most 16384 pixels a side: use --scale 7.8 or less, or a smaller image or map"
    [[ ! -e $work/site/big ]] || fail "the refused lesson wrote site/big"
    run_in "$work" 1 build big.yaml -o site -q --scale 8 --only gif
    has "$work/err" "a frame may be at most 16384 pixels a side"
    # Drawn as vectors only, the frames have no such limit.
    run_in "$work" 0 build big.yaml -o site -q --scale 8 --only svg
    ;;
  image-file)
    # A 130 KB PNG within every limit: 4096x4096 16-bit RGBA, all zeros,
    # resampled to 6x6. Decoded to doubles before resampling it cost 580 MB
    # read as RGB; read from its samples, a few tens.
    mkdir -p "$work/images"
    python3 - "$work/images/big.png" <<'PY'
import struct, sys, zlib
w = h = 4096
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
rows = zlib.compress(b"".join(b"\0" + bytes(w * 8) for _ in range(h)), 9)
with open(sys.argv[1], "wb") as f:
    f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 16, 6, 0, 0, 0)) + chunk(b"IDAT", rows) + chunk(b"IEND", b""))
PY
    printf 'title: Big\nimage: {file: images/big.png, size: [6, 6], mode: rgb}\nfilter: {weights: [[[1]], [[1]], [[1]]]}\n' >"$work/big.yaml"
    peak=$(cd "$work" && python3 -c '
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)' "$bin" check big.yaml)
    [[ ${peak%% *} == 0 ]] || fail "check of big.yaml exited ${peak%% *}"
    ((${peak##* } < 150)) || fail "check of a 130 KB image file took ${peak##* } MB"
    ;;
  *)
    fail "unknown case $case_name"
    ;;
esac
