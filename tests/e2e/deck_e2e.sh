#!/usr/bin/env bash
# End-to-end checks of slides.pdf and of the LaTeX figures (a PDF per beat and
# figures.tex) on the shipped lessons. A missing tool fails the test.
# Usage: deck_e2e.sh CONVLESSON_BINARY CASE   (run from the source root)
set -euo pipefail

bin=$(realpath "$1")
case_name=$2
src=$(pwd)
source "$src/tests/e2e/lib.sh"
plain_logs
need() { need_tool "$1" "the slides and figures checks"; }
need pdfinfo; need pdftotext; need python3

# beats OUT/ID: the beats of every variant of a built lesson, from lesson.json.
beats() { python3 -c 'import json,sys; print(sum(len(v["beats"]) for v in json.load(open(sys.argv[1]))["variants"]))' "$1/lesson.json"; }

lesson_dirs() { for d in "$1"/*/; do [ -f "$d/lesson.json" ] && echo "${d%/}"; done; }

case $case_name in
  slides)
    build_shipped "$work/out" --only slides,json
    count=0
    for dir in $(lesson_dirs "$work/out"); do
      deck=$dir/slides.pdf
      [ -f "$deck" ] || fail "$deck missing"
      info=$(pdfinfo "$deck")
      grep -q '^Page size: *960 x 540 pts' <<<"$info" || fail "$deck is not 16:9 at 960x540 pt: $(grep 'Page size' <<<"$info")"
      pages=$(sed -n 's/^Pages: *//p' <<<"$info")
      want=$(( $(beats "$dir") + 1 ))
      [ "$pages" = "$want" ] || fail "$deck has $pages pages, expected $want (title + one per beat)"
      title=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["title"])' "$dir/lesson.json")
      grep -qF "$title" <(pdftotext -f 1 -l 1 "$deck" - | tr -s ' \n' '  ') || fail "$deck's title slide lacks '$title'"
      # Every beat's caption is on its slide (the frame carries it).
      caption=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["variants"][0]["beats"][1]["caption"].split(":")[0])' "$dir/lesson.json")
      grep -qF "$caption" <(pdftotext -f 3 -l 3 "$deck" - | tr -s ' \n' '  ') || fail "$deck slide 3 lacks '$caption'"
      # No text under 1/50 of the slide's height (540/50 = 10.8 pt), on every
      # shipped lesson: the 28x28 photograph and the RGB lesson included.
      python3 "$src/tests/e2e/pdf_word_sizes.py" --check 10.8 10.8 "$deck" || fail "$deck has text under 10.8 pt"
      count=$((count + 1))
    done
    [ "$count" -ge 3 ] || fail "only $count decks"
    # Groups that repeat from slide to slide (the image, the filter) are drawn
    # once, as forms the pages share: their words are still each slide's text.
    deck=$work/out/conv-relu-pool/slides.pdf
    for page in 3 10; do
      for words in "Image 6×6" "Filter 3×3"; do
        grep -qF "$words" <(pdftotext -f $page -l $page "$deck" - | tr -s ' \n' '  ') || fail "$deck slide $page lacks '$words'"
      done
    done
    grep -qa "/Subtype /Form" "$deck" || fail "$deck draws its repeated groups on every slide"
    ;;
  figures | figures-key)
    need pdflatex
    if [ "$case_name" = figures ]; then
      build_shipped "$work/out" --only pdf-frames,json
      lessons=$(lesson_dirs "$work/out")
    else
      # The lesson key asks for them in a full build; other lessons get none.
      mkdir -p "$work/lessons"
      sed 's/^id: conv-relu-pool$/id: conv-relu-pool\npdf_frames: true/' "$src/lessons/conv-relu-pool.yaml" >"$work/lessons/conv-relu-pool.yaml"
      cp "$src/lessons/leaky-relu.yaml" "$work/lessons/"
      grep -q '^pdf_frames: true' "$work/lessons/conv-relu-pool.yaml" || fail "could not add the key"
      "$bin" build "$work/lessons" --templates "$src/templates" -o "$work/out" -q >"$work/log" 2>&1 || { cat "$work/log" >&2; fail "build failed"; }
      [ ! -e "$work/out/leaky-relu/figures.tex" ] || fail "a lesson without the key got figures.tex"
      grep -q '"figures": "figures.tex"' "$work/out/conv-relu-pool/lesson.json" || fail "lesson.json does not list figures.tex"
      grep -q 'href="figures.tex"' "$work/out/conv-relu-pool/index.html" || fail "the page does not offer figures.tex"
      lessons=$work/out/conv-relu-pool
    fi
    for dir in $lessons; do
      id=$(basename "$dir")
      pdfs=$(find "$dir/frames" -name '*.pdf' | wc -l)
      want=$(beats "$dir")
      [ "$pdfs" = "$want" ] || fail "$id: $pdfs PDF figures, expected $want"
      # sed reads all its input: head would exit early and, under pipefail,
      # sort's SIGPIPE failed the test now and then (exit 141).
      one=$(find "$dir/frames" -name '*.pdf' | sort | sed -n 1p)
      pdffonts "$one" | awk 'NR > 2 && $(NF-2) != "yes" { bad = 1 } END { exit bad }' || fail "$one has a font that is not embedded"
      svg=${one%.pdf}.svg
      # Cropped to the frame: the page is the frame's size at 0.75 pt per unit.
      size=$(pdfinfo "$one" | sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1 \2/p')
      [ -n "$size" ] || fail "$one has no page size"
      grep -c '\\includegraphics' "$dir/figures.tex" | grep -qx "$want" || fail "$id: figures.tex does not include every beat"
      # figures.tex compiles into a document holding every figure.
      mkdir -p "$work/tex-$id"
      cat >"$work/tex-$id/notes.tex" <<TEX
\\documentclass{article}
\\usepackage{graphicx}
\\newcommand{\\convlessonfigures}{$dir/}
\\begin{document}
Lecture notes with every figure of the lesson.
\\input{$dir/figures.tex}
\\end{document}
TEX
      (cd "$work/tex-$id" && pdflatex -interaction=nonstopmode -halt-on-error notes.tex >"$work/tex.log" 2>&1) ||
        { tail -30 "$work/tex.log" >&2; fail "$id: figures.tex does not compile"; }
      # pdflatex logs "<path, id=N, ...>" once per file it embeds.
      included=$(tr -d '\n' <"$work/tex-$id/notes.log" | grep -o '<[^<>]*/frames/[^<>]*\.pdf, id=' | sort -u | wc -l)
      [ "$included" = "$want" ] || fail "$id: the document includes $included figures, expected $want"
    done
    ;;
  determinism)
    build_shipped "$work/a" --only slides,pdf-frames -j 1
    TZ=Pacific/Kiritimati build_shipped "$work/b" --only slides,pdf-frames -j 4
    for f in $(cd "$work/a" && find . -name '*.pdf' -o -name figures.tex | sort); do
      cmp -s "$work/a/$f" "$work/b/$f" || fail "$f differs between -j1 and -j4 in another time zone"
    done
    ;;
  *) fail "unknown case $case_name" ;;
esac
echo "ok: $case_name"
