#!/usr/bin/env bash
# End-to-end checks of `convlesson compute` on the shipped lessons.
# Usage: compute_e2e.sh CONVLESSON_BINARY CASE   (run from the source root)
# Goldens live in tests/golden/compute/; set CONVLESSON_REGENERATE_GOLDEN=1 to
# rewrite them from the current binary (then read the diff before committing).
set -euo pipefail

bin=$1
case_name=$2
lesson=lessons/conv-relu-pool.yaml
golden=tests/golden/compute
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# matches_golden FILE: stdout equals the golden file (or rewrites it).
matches_golden() {
  if [[ ${CONVLESSON_REGENERATE_GOLDEN:-} == 1 ]]; then
    cp "$work/out" "$golden/$1"
    echo "regenerated $golden/$1"
    return
  fi
  diff -u "$golden/$1" "$work/out" || fail "output differs from $golden/$1"
}

# contains TEXT FILE: FILE holds the exact line TEXT.
contains() { grep -qxF -- "$1" "$2" || fail "missing line '$1' in $2"; }

case $case_name in
  json)
    run 0 compute "$lesson" --json
    matches_golden conv-relu-pool.json
    # The contract's numbers, checked by a JSON parser independent of the golden.
    need_tool node "the JSON check of compute --json"
    node - "$work/out" <<'JS' || fail "contract numbers"
const fs = require("fs");
const assert = require("assert");
const r = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
assert.strictEqual(r.id, "conv-relu-pool");
assert.deepStrictEqual(r.variants.map(v => v.label), ["Vertical edge", "Horizontal edge"]);
const [v, h] = r.variants;
const conv = [[-18, -18, 18, 18], [-27, -27, 27, 27], [-27, -27, 27, 27], [-18, -18, 18, 18]];
const relu = [[0, 0, 18, 18], [0, 0, 27, 27], [0, 0, 27, 27], [0, 0, 18, 18]];
const transpose = m => m[0].map((_, c) => m.map(row => row[c]));
assert.deepStrictEqual(v.conv.output, conv);
assert.deepStrictEqual(v.activation.output, relu);
assert.deepStrictEqual(v.pool.output, [[0, 27], [0, 27]]);
assert.deepStrictEqual(h.conv.output, transpose(conv));
assert.deepStrictEqual(h.activation.output, transpose(relu));
assert.deepStrictEqual(h.pool.output, [[0, 0], [27, 27]]);
for (const x of [v, h]) {
  assert.deepStrictEqual(x.conv.padding, [0, 0, 0, 0]);
  assert.deepStrictEqual(x.conv.stride, [1, 1]);
  assert.deepStrictEqual(x.conv.dilation, [1, 1]);
  assert.strictEqual(x.activation.type, "relu");
  assert.deepStrictEqual([x.pool.type, x.pool.size, x.pool.stride, x.pool.remainder], ["max", [2, 2], [2, 2], "drop"]);
}
JS
    [[ ! -s $work/err ]] || fail "unexpected stderr: $(cat "$work/err")"
    ;;
  variant)
    run 0 compute "$lesson" --json --variant "Horizontal edge"
    matches_golden conv-relu-pool.horizontal-edge.json
    if grep -q '"label": "Vertical edge"' "$work/out"; then fail "--variant printed another variant"; fi
    ;;
  unknown-variant)
    run 2 compute "$lesson" --json --variant "Diagonal"
    [[ ! -s $work/out ]] || fail "a usage error printed results"
    grep -qF "no variant labelled 'Diagonal'" "$work/err" || fail "error does not name the label"
    contains "  Vertical edge" "$work/err"
    contains "  Horizontal edge" "$work/err"
    ;;
  text)
    run 0 compute "$lesson"
    matches_golden conv-relu-pool.txt
    contains "Feature map 4x4 (no padding, stride 1)" "$work/out"
    contains "Pooled map 2x2 (2x2 max pooling with stride 2)" "$work/out"
    contains "  -18 -18  18  18" "$work/out"
    contains "  -27 -27  27  27" "$work/out"
    if grep -q $'\xe2\x88\x92' "$work/out"; then fail "terminal text must use ASCII '-'"; fi
    ;;
  shipped-lessons)
    # Decimals, same padding, stride 2, avg pool with pad, leaky ReLU, pool none.
    for other in padding-and-stride leaky-relu; do
      run 0 compute "lessons/$other.yaml" --json
      matches_golden "$other.json"
    done
    ;;
  list-shape)
    # Several filters with bias: the list shape (docs/computation.md).
    run 0 compute tests/realistic/lessons/filters-and-bias.yaml --json
    matches_golden filters-and-bias.json
    ;;
  rgb-png)
    # An RGB PNG read as three channels (mode: rgb) through a 2x2x3 filter
    # with bias, worked by hand; then built: lesson.json's [c][h][w] input,
    # the frames' channel cards and partial sums; and a 2-D filter refused.
    need_tool python3 "writing the RGB PNG"
    python3 - "$work/rgb.png" <<'PY'
import struct, sys, zlib
rows = [[(10, 0, 1), (20, 0, 2), (30, 0, 3)], [(40, 1, 0), (50, 1, 0), (60, 1, 0)], [(70, 0, 5), (80, 0, 5), (90, 0, 5)]]
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
raw = b"".join(b"\0" + bytes(v for px in row for v in px) for row in rows)
with open(sys.argv[1], "wb") as f:
    f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 3, 3, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
PY
    cat >"$work/rgb.yaml" <<'YAML'
title: RGB by hand
image: {file: rgb.png, mode: rgb}
filter:
  name: Mix
  weights: [[[1, 0], [0, 1]], [[2, 2], [2, 2]], [[-1, 0], [0, 0]]]
  bias: 1
activation: none
pool: none
YAML
    run 0 compute "$work/rgb.yaml" --json
    need_tool node "the JSON check of the RGB lesson"
    node - "$work/out" <<'JS' || fail "RGB numbers"
const fs = require("fs");
const assert = require("assert");
const v = JSON.parse(fs.readFileSync(process.argv[2], "utf8")).variants[0];
// The channels as stored, no luminance.
assert.deepStrictEqual(v.input, [[[10, 20, 30], [40, 50, 60], [70, 80, 90]],
                                 [[0, 0, 0], [1, 1, 1], [0, 0, 0]],
                                 [[1, 2, 3], [0, 0, 0], [5, 5, 5]]]);
assert.deepStrictEqual(v.channels, ["R", "G", "B"]);
assert.deepStrictEqual(v.filters[0].weights, [[[1, 0], [0, 1]], [[2, 2], [2, 2]], [[-1, 0], [0, 0]]]);
// (0, 0): R 10 + 50 = 60, G 2 * 2 = 4, B -1, bias 1: 64; and so on.
assert.deepStrictEqual(v.conv.output, [[[64, 83], [125, 145]]]);
JS
    run 0 build "$work/rgb.yaml" -o "$work/site" --only svg,png,json,html --quiet
    frames=$work/site/rgb/frames/mix
    [[ -f $frames/002-conv.svg ]] || fail "no conv frame in $(ls -R "$work/site" | head -20)"
    grep -qF 'R 60 + G 4 + B (−1) + bias 1 = 64' "$frames/002-conv.svg" || fail "no sum of partial sums in the first conv frame"
    grep -qF '>G</text>' "$frames/002-conv.svg" || fail "no named channel card"
    grep -qF '"channels": ["R", "G", "B"]' "$work/site/rgb/lesson.json" || fail "lesson.json without channel names"
    sed -i 's/weights: .*/weights: [[1, 0], [0, 1]]/' "$work/rgb.yaml"
    run 1 compute "$work/rgb.yaml"
    grep -qF "$work/rgb.yaml:5:12: error: the filter 'Mix' has 1 channel but the image has 3" "$work/err" ||
      fail "no located channel-count error: $(cat "$work/err")"
    ;;
  transposed-channels)
    # A transposed convolution over three channels, built: the first input's
    # frame draws every channel's scaled copy and their sum where it lands
    # (worked by hand: weight (1, 1) of input (0, 0) lands on output (0, 0),
    # R 12·3 + G 8·(−0.5) + B 255·2 = 542), the caption names each channel's
    # copy, and the page has Reproduce-it programs with PyTorch's weight layout.
    lesson_file=tests/snippets/lessons/transposed-channels.yaml
    run 0 build "$lesson_file" -o "$work/site" --only svg,png,json,html --quiet
    site=$work/site/snippets-transposed-channels
    frame=$site/frames/mixer/002-conv.svg
    [[ -f $frame && -f ${frame%.svg}.png ]] || fail "no first conv frame in $(ls -R "$work/site" | head -20)"
    grep -qF 'aria-label="sum 542, lands on output (0, 0)"' "$frame" || fail "no sum of the channels' copies in the first conv frame"
    grep -qF '>255·(−3)</text>' "$frame" || fail "no product of channel B's copy"
    grep -qF '12·slice R + 8·slice G + 255·slice B to output rows 0 to 1, columns 0 to 1' "$frame" ||
      fail "no caption naming every channel's copy"
    grep -qF 'weights.transpose(0, 1), bias' "$site/index.html" || fail "no PyTorch program for the transposed channels"
    grep -qF '"transposed": true' "$site/lesson.json" || fail "lesson.json without the transposed conv"
    ;;
  bad-lesson)
    printf 'title: Broken\nimage: {pattern: {kind: vertical-bar}}\nfitler: vertical-edge\n' >"$work/broken.yaml"
    run 1 compute "$work/broken.yaml" --json
    [[ ! -s $work/out ]] || fail "a failed lesson printed results"
    grep -qF "$work/broken.yaml:3:1: error:" "$work/err" || fail "no located diagnostic: $(cat "$work/err")"
    run 1 compute "$work/missing.yaml"
    [[ -s $work/err ]] || fail "a missing lesson printed no diagnostic"
    ;;
  *)
    fail "unknown case '$case_name'"
    ;;
esac
