#!/usr/bin/env bash
# End-to-end checks of the handouts (out/<id>/handout.pdf, out/course.pdf) and
# the animations (out/<id>/<variant>.gif|svg) on the shipped
# lessons: paper size, text that is really text and carries the numbers and
# every heading, nothing printed in the page margins, a contents page whose
# page numbers are right, and byte-identical files from two builds.
# Usage: handout_e2e.sh CONVLESSON_BINARY CASE   (run from the source root)
set -euo pipefail

bin=$(realpath "$1")
case_name=$2
src=$(pwd)
source "$src/tests/e2e/lib.sh"
plain_logs
need() { need_tool "$1" "the handout checks (poppler-utils)"; }
need pdfinfo; need pdftotext; need pdftoppm

# build_default OUT ARGS...: builds the default lesson alone into OUT, for
# checks that look at it only (the course's photograph costs the most frames).
build_default() {
  local out=$1; shift
  "$bin" build "$src/lessons/conv-relu-pool.yaml" --templates "$src/templates" -o "$out" -q "$@" >"$work/log" 2>&1 ||
    { cat "$work/log" >&2; fail "convlesson build $* failed"; }
}

# One line of text: pdftotext output with runs of white space squeezed.
flat_text() { pdftotext "$@" - | tr -s ' \n\t' '   '; }

# Headings a lesson's handout must show: its title, its prose sections'
# titles, and the generated sections it asks for.
headings_of() {
  sed -n 's/^title: *//p' "$1" | sed 's/^"\(.*\)"$/\1/'  # a quoted title without its quotes
  sed -n 's/^  - title: *//p' "$1" | sed 's/^"\(.*\)"$/\1/'
  grep -q '^  - generate: step-by-step' "$1" && echo "Step by step"
  grep -q '^  - generate: complexity' "$1" && echo "Complexity"
  true
}

check_handout() {  # check_handout PDF LESSON_YAML PAPER_LINE
  local pdf=$1 yaml=$2 paper=$3
  [[ -s $pdf ]] || fail "$pdf missing"
  pdfinfo "$pdf" >"$work/info"
  grep -q "^Page size: *$paper" "$work/info" || fail "$pdf: $(grep 'Page size' "$work/info"), expected $paper"
  local pages
  pages=$(sed -n 's/^Pages: *//p' "$work/info")
  ((pages >= 2)) || fail "$pdf has $pages pages"
  flat_text "$pdf" >"$work/text"
  while IFS= read -r heading; do
    [[ -z $heading ]] && continue
    grep -qF -- "$heading" "$work/text" || fail "$pdf lacks the heading '$heading'"
  done < <(headings_of "$yaml")
  # Every page is numbered "N / PAGES" in its footer.
  for ((p = 1; p <= pages; p++)); do
    # (pdftotext may or may not see the spaces around the slash)
    grep -qE "(^| )$p ?/ ?$pages( |$)" <(flat_text -f "$p" -l "$p" "$pdf") || fail "$pdf page $p lacks its number"
  done
}

# brief_headings_of LESSON_YAML: the headings of its brief handout: the
# title, the prose sections' titles and the worked example.
brief_headings_of() {
  sed -n 's/^title: *//p' "$1" | sed 's/^"\(.*\)"$/\1/'  # a quoted title without its quotes
  sed -n 's/^  - title: *//p' "$1" | sed 's/^"\(.*\)"$/\1/'
  echo "Worked example"
}

check_brief() {  # check_brief PDF LESSON_YAML PAPER_LINE
  local pdf=$1 yaml=$2 paper=$3
  [[ -s $pdf ]] || fail "$pdf missing"
  pdfinfo "$pdf" >"$work/info"
  grep -q "^Page size: *$paper" "$work/info" || fail "$pdf: $(grep 'Page size' "$work/info"), expected $paper"
  local pages
  pages=$(sed -n 's/^Pages: *//p' "$work/info")
  ((pages >= 1 && pages <= 2)) || fail "$pdf has $pages pages; a brief handout has one or two"
  flat_text "$pdf" >"$work/text"
  while IFS= read -r heading; do
    [[ -z $heading ]] && continue
    grep -qF -- "$heading" "$work/text" || fail "$pdf lacks the heading '$heading'"
  done < <(brief_headings_of "$yaml")
  for gone in "Step by step" "Complexity"; do
    ! grep -qF "$gone" "$work/text" || fail "$pdf repeats the page's generated '$gone' section"
  done
  # Every word at least 8 pt, every number outside the footer at least 9 pt,
  # as poppler measures them.
  python3 "$src/tests/e2e/pdf_word_sizes.py" --check 8 9 "$pdf" >"$work/sizes" ||
    fail "$pdf has text under the size rule: $(head -5 "$work/sizes")"
}

case $case_name in
  brief)
    # The default handout: every shipped lesson and a realistic one (9x9 image
    # of 0..255, two Sobel variants, same padding, stride 2), A4 and Letter.
    realistic=$src/tests/e2e/lessons/sobel-photo.yaml
    for paper in a4 letter; do
      build_shipped "$work/$paper" "$realistic" --only pdf --paper "$paper"
    done
    for yaml in "$src"/lessons/*.yaml "$realistic"; do
      [[ $yaml == */course.yaml ]] && continue  # the course file, not a lesson
      id=$(basename "$yaml" .yaml)
      check_brief "$work/a4/$id/handout.pdf" "$yaml" "595.276 x 841.89 pts (A4)"
      check_brief "$work/letter/$id/handout.pdf" "$yaml" "612 x 792 pts (letter)"
    done
    # A lesson's `handout: full` key gives it the full handout; --handout brief wins over the key.
    mkdir -p "$work/keyed"
    sed 's/^order: 1$/order: 1\nhandout: full/' "$src/lessons/conv-relu-pool.yaml" >"$work/keyed/conv-relu-pool.yaml"
    grep -q '^handout: full$' "$work/keyed/conv-relu-pool.yaml" || fail "could not add the handout key"
    for choice in key brief; do
      extra=(); [[ $choice == brief ]] && extra=(--handout brief)
      "$bin" build "$work/keyed" --templates "$src/templates" -o "$work/keyed-$choice" -q --only pdf "${extra[@]}" \
        >"$work/log" 2>&1 || { cat "$work/log" >&2; fail "build with the handout key failed"; }
      flat_text "$work/keyed-$choice/conv-relu-pool/handout.pdf" >"$work/text"
      if [[ $choice == key ]]; then
        grep -qF "Step by step" "$work/text" || fail "handout: full did not give the full handout"
      else
        ! grep -qF "Step by step" "$work/text" || fail "--handout brief did not win over the lesson's key"
      fi
    done
    # The course handout is made of the brief handouts: the same size rules.
    python3 "$src/tests/e2e/pdf_word_sizes.py" --check 8 9 "$work/a4/course.pdf" >"$work/sizes" ||
      fail "course.pdf has text under the size rule: $(head -5 "$work/sizes")"
    # The default lesson's worked position: (1, 0) of Vertical edge, −27.
    flat_text "$work/a4/conv-relu-pool/handout.pdf" >"$work/text"
    grep -qF "Filter at position (1, 0)" "$work/text" || fail "the default brief handout lacks its worked position"
    grep -qF "Sum of the 9 products: −27" "$work/text" || fail "the default brief handout lacks the worked sum"
    # Its products are written as the frames and the answer key write them.
    grep -qF "9·(−1)" "$work/text" || fail "the worked products are not written pixel·weight: $(grep -o '9.(−1)' "$work/text" | head -1)"
    grep -qF "Feature map: ⌊(6 − 3) / 1⌋ + 1 = 4" "$work/text" || fail "the default brief handout lacks the output size"
    # A cell of three channels and a bias: the products' sum, then the bias,
    # so the sentence adds up (it once gave the cell's value as their sum).
    flat_text "$work/a4/rgb-several-filters/handout.pdf" >"$work/text"
    grep -qF "their sum is −2340, and with the bias −600 the cell holds −2940." "$work/text" ||
      fail "the channels' worked example does not add the bias apart: $(grep -o 'their sum is[^.]*' "$work/text")"
    ;;
  worksheet)
    # worksheet.pdf and answers.pdf: the size rules, and on a realistic lesson
    # the feature maps' values (those not also given as pixels, weights or
    # small indices) absent from the worksheet and every one in the key.
    realistic=$src/tests/e2e/lessons/sobel-photo.yaml
    build_shipped "$work/out" "$realistic" --only pdf
    for yaml in "$src"/lessons/*.yaml "$realistic"; do
      [[ $yaml == */course.yaml ]] && continue  # the course file, not a lesson
      id=$(basename "$yaml" .yaml)
      for f in worksheet answers; do
        pdf=$work/out/$id/$f.pdf
        [[ -s $pdf ]] || fail "$pdf missing"
        python3 "$src/tests/e2e/pdf_word_sizes.py" --check 8 9 "$pdf" >"$work/sizes" ||
          fail "$pdf has text under the size rule: $(head -5 "$work/sizes")"
      done
    done
    # The key's reason adds up: the two sums and the bias give the cell.
    flat_text "$work/out/rgb-several-filters/answers.pdf" >"$work/text"
    grep -qF "add up to 1840 and those of the negative weights to −890, which with the bias −600 gives 350" \
      "$work/text" || fail "the largest response's reason leaves out the bias"
    "$bin" compute "$realistic" >"$work/numbers" || fail "convlesson compute failed"
    pdftotext "$work/out/sobel-photo/worksheet.pdf" "$work/sheet.txt"
    pdftotext "$work/out/sobel-photo/answers.pdf" "$work/key.txt"
    python3 - "$work/numbers" "$work/sheet.txt" "$work/key.txt" <<'PY' || fail "worksheet or answer key numbers are wrong"
import re, sys
numbers, sheet, key = (open(p, encoding="utf-8").read() for p in sys.argv[1:])
blocks, block = {}, None
for line in numbers.splitlines():
    if re.match(r"^(Input|Filter|Feature map) ", line):
        block = line.split()[0]
        blocks.setdefault(block, set())
    elif not line.strip():
        block = None
    elif block and re.match(r"^[ 0-9.-]+$", line):
        blocks[block].update(line.split())
words = lambda text: {w.strip(".,;:()").replace("−", "-") for w in text.split()}
given = blocks["Input"] | blocks["Filter"] | {str(i) for i in range(65)}
hidden = blocks["Feature"] - given
sheet_words, key_words = words(sheet), words(key)
bad = sorted(hidden & sheet_words) + [f"missing {v}" for v in sorted(blocks["Feature"] - key_words)]
print("hidden values:", len(hidden), "problems:", bad)
sys.exit(1 if bad or len(hidden) < 10 else 0)
PY
    ;;
  a4)
    build_shipped "$work/out" --only pdf --handout full
    for yaml in "$src"/lessons/*.yaml; do
      [[ $yaml == */course.yaml ]] && continue  # the course file, not a lesson
      id=$(basename "$yaml" .yaml)
      check_handout "$work/out/$id/handout.pdf" "$yaml" "595.276 x 841.89 pts (A4)"
    done
    # The full handout keeps the size rules too: words >= 8 pt, numbers >= 9 pt.
    for pdf in "$work"/out/*/handout.pdf; do
      python3 "$src/tests/e2e/pdf_word_sizes.py" --check 8 9 "$pdf" >"$work/sizes" ||
        fail "$pdf has text under the size rule: $(head -5 "$work/sizes")"
    done
    # The default lesson's numbers, as its tables print them (row label first).
    pdftotext -layout "$work/out/conv-relu-pool/handout.pdf" "$work/layout"
    for row in "0 −18 −18 18 18" "1 −27 −27 27 27" "2 −27 −27 27 27" "3 −18 −18 18 18" \
               "0 0 0 18 18" "1 0 0 27 27" "0 0 27" "1 0 27" "1 27 27"; do
      grep -qE "^ *${row// / +} *$" "$work/layout" || fail "the default handout lacks the table row '$row'"
    done
    grep -qF "Position (0, 0): 0·1 + 0·0 + 0·(−1) + 0·1 + 0·0 + 9·(−1) + 0·1 + 0·0 + 9·(−1) = −18" "$work/layout" ||
      fail "the default handout lacks the first conv step's sum"
    ;;
  letter)
    build_shipped "$work/out" --only pdf --paper letter --handout full
    check_handout "$work/out/conv-relu-pool/handout.pdf" "$src/lessons/conv-relu-pool.yaml" "612 x 792 pts (letter)"
    pdfinfo "$work/out/course.pdf" | grep -q "^Page size: *612 x 792 pts (letter)" || fail "course.pdf is not Letter"
    ;;
  margins)
    # Rendered at 72 dpi (1 px = 1 pt), the 28 pt band along every edge of
    # every page is white: no text or figure runs off the page.
    build_shipped "$work/out" --only pdf
    build_shipped "$work/full" --only pdf --handout full
    # Each PDF is rendered once, every page (four crops a page took a
    # pdftoppm each: over a thousand runs, past the time limit on a busy machine).
    for pdf in "$work"/out/*/*.pdf "$work/out/course.pdf" "$work"/full/*/handout.pdf "$work/full/course.pdf"; do
      rm -f "$work"/page-*.pgm
      pdftoppm -gray -r 72 "$pdf" "$work/page"
      python3 - "$(basename "$(dirname "$pdf")")/$(basename "$pdf")" "$work"/page-*.pgm <<'PY' || fail "ink in a margin band"
import re, sys
BAND = 28  # points: at 72 dpi, pixels
name, pages = sys.argv[1], sys.argv[2:]
pages.sort(key=lambda p: int(re.search(r"-(\d+)\.pgm$", p).group(1)))
bad = []
for number, path in enumerate(pages, 1):
    data = open(path, "rb").read()
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+\d+\s", data)
    w, h = int(header.group(1)), int(header.group(2))
    pixels = data[header.end():]
    assert len(pixels) == w * h, path
    rows = [pixels[y * w:(y + 1) * w] for y in range(h)]
    bands = {"top": pixels[:BAND * w], "bottom": pixels[(h - BAND) * w:],
             "left": b"".join(r[:BAND] for r in rows), "right": b"".join(r[w - BAND:] for r in rows)}
    bad += [f"{name} page {number} has ink in its {band} margin band"
            for band, band_pixels in bands.items() if band_pixels.translate(None, b"\xff")]
print("\n".join(bad), file=sys.stderr)
sys.exit(1 if bad else 0)
PY
    done
    ;;
  course)
    build_shipped "$work/out" --only pdf
    course=$work/out/course.pdf
    # The contents are on page 1, or on page 2 behind the title page when the
    # course file has an intro (docs/course-file.md).
    contents_page=1
    grep -q '^intro:' "$src/lessons/course.yaml" 2>/dev/null && contents_page=2
    flat_text -f $contents_page -l $contents_page "$course" >"$work/contents"
    grep -qF "Contents" "$work/contents" || fail "course.pdf lacks contents on page $contents_page"
    pages=$(pdfinfo "$course" | sed -n 's/^Pages: *//p')
    for yaml in "$src"/lessons/*.yaml; do
      [[ $yaml == */course.yaml ]] && continue  # the course file, not a lesson
      title=$(sed -n 's/^title: *//p' "$yaml" | sed 's/^"\(.*\)"$/\1/')  # a quoted title without its quotes
      # "Title N" on the contents page, and page N starts with that title.
      page=$(pdftotext -layout -f $contents_page -l $contents_page "$course" - | grep -F -- "$title" | awk 'NR == 1 { print $NF }')
      [[ $page =~ ^[0-9]+$ ]] || fail "contents lack a page number for '$title'"
      ((page > contents_page && page <= pages)) || fail "contents point '$title' to page $page of $pages"
      grep -qF -- "$title" <(flat_text -f "$page" -l "$page" "$course") || fail "page $page of course.pdf is not '$title'"
    done
    ;;
  determinism)
    build_shipped "$work/a" --only gif,anim-svg,pdf
    TZ=Pacific/Kiritimati build_shipped "$work/b" --only gif,anim-svg,pdf --force -j 1
    count=0
    while IFS= read -r -d '' f; do
      rel=${f#"$work/a/"}
      cmp -s "$f" "$work/b/$rel" || fail "$rel differs between two builds"
      count=$((count + 1))
    done < <(find "$work/a" -type f \( -name '*.gif' -o -name '*.svg' -o -name '*.pdf' \) -print0)
    ((count >= 12)) || fail "only $count files compared"  # 3 lessons x (handout, worksheet, answers) + course + ...
    ;;
  animations)
    build_shipped "$work/out" --only gif,anim-svg --scale 1
    for v in vertical-edge horizontal-edge; do
      gif=$work/out/conv-relu-pool/$v.gif svg=$work/out/conv-relu-pool/$v.svg
      [[ $(head -c 6 "$gif") == GIF89a ]] || fail "$gif is not a GIF89a"
      size=$(stat -c %s "$gif")
      ((size < 150 * 1024)) || fail "$gif is $size bytes, over 150 KB"
      grep -q '<title' "$svg" && grep -q '<desc' "$svg" || fail "$svg lacks title/desc"
      grep -q 'prefers-reduced-motion' "$svg" || fail "$svg ignores reduced motion"
      ! grep -qi '<script' "$svg" || fail "$svg has a script"
      [[ $(grep -c 'class="[^"]*-beat ' "$svg") == 23 ]] || fail "$svg does not have 23 beats"
    done
    ;;
  animation-scale)
    # The GIF and the animated SVG follow --scale, as the PNG frames do: the
    # default lesson's frame size in units is its SVG frames' viewBox.
    build_default "$work/units" --only svg
    read -r fw fh < <(grep -o 'viewBox="0 0 [0-9.]* [0-9.]*"' "$work/units/conv-relu-pool/frames/vertical-edge/001-intro.svg" |
      head -1 | tr -d '"' | awk '{ print $3, $4 }')
    [[ -n $fw && -n $fh ]] || fail "no viewBox in the default lesson's first frame"
    for scale in 1 2 0.5; do
      build_default "$work/s$scale" --only gif,anim-svg,png --scale "$scale"
      want_w=$(awk -v s="$scale" -v u="$fw" 'BEGIN { w = u * s; printf "%d", (w == int(w)) ? w : int(w) + 1 }')
      want_h=$(awk -v s="$scale" -v u="$fh" 'BEGIN { h = u * s; printf "%d", (h == int(h)) ? h : int(h) + 1 }')
      gif=$work/s$scale/conv-relu-pool/vertical-edge.gif
      # GIF logical screen size: little-endian 16-bit width and height at bytes 6-9.
      read -r w h < <(od -An -tu2 -j6 -N4 --endian=little "$gif")
      [[ $w == "$want_w" && $h == "$want_h" ]] || fail "--scale $scale: GIF is ${w}x$h, want ${want_w}x$want_h"
      png=$work/s$scale/conv-relu-pool/frames/vertical-edge/001-intro.png
      read -r pw ph < <(od -An -tu4 -j16 -N8 --endian=big "$png")
      [[ $pw == "$w" && $ph == "$h" ]] || fail "--scale $scale: GIF ${w}x$h differs from the PNG frames' ${pw}x$ph"
      svg=$work/s$scale/conv-relu-pool/vertical-edge.svg
      head -c 600 "$svg" | grep -qE "width=\"$(awk -v s="$scale" -v u="$fw" 'BEGIN { print u * s }')\" height=\"$(awk -v s="$scale" -v u="$fh" 'BEGIN { print u * s }')\" viewBox=\"0 0 $fw $fh\"" ||
        fail "--scale $scale: the animated SVG's size is not the scaled frame: $(head -c 300 "$svg")"
    done
    ;;
  *)
    fail "unknown case $case_name"
    ;;
esac
echo "ok: handout $case_name"
