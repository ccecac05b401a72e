#!/usr/bin/env bash
# End-to-end checks of the course file: what a course built with one shows
# (index title and intro, every page's lang and footer, the course PDF's
# title page and metadata with pdfinfo), which paper wins, that editing it
# rebuilds the lessons and the course, what happens when lesson files are
# given instead of a folder, and `convlesson check` on a bad one.
# Usage: course_e2e.sh CONVLESSON_BINARY CASE   (run from the source root)
set -euo pipefail

bin=$(realpath "$1")
case_name=$2
src=$(pwd)
source "$src/tests/e2e/lib.sh"
copy_shipped  # into $work, the current folder from here on; ids, n
plain_logs
# The lessons by their `order` key (every shipped lesson has one), then id:
# the index's order without a course file's `order` list.
by_order=$(for id in "${ids[@]}"; do printf '%s %s\n' "$(sed -n 's/^order: //p' "lessons/$id.yaml")" "$id"; done |
  sort -k1,1g -k2,2 | cut -d' ' -f2 | tr '\n' ' ')

log_has() { grep -qF -- "$1" "$work/out" || fail "stdout lacks '$1': $(cat "$work/out")"; }
err_has() { grep -qF -- "$1" "$work/err" || fail "stderr lacks '$1': $(cat "$work/err")"; }

write_course() {
  cat >lessons/course.yaml <<'YAML'
title: Faltung Schritt für Schritt
intro: |
  Drei Lektionen über **Faltungsschichten**.

  Jede Zahl wird aus den Lektionsdateien berechnet.
author: Ada Lehrerin
licence: CC BY 4.0
language: de-CH
order: [padding-and-stride, leaky-relu]
paper: letter
handout: full
YAML
}

# The index's lesson links, in page order.
index_order() { grep -o 'href="[a-z0-9-]*/index.html"' "$1" | sed 's/href="//; s,/index.html",,'; }

case $case_name in
defaults)
  # No course file: the index and pages as before course files existed
  # (lessons by their `order` key).
  rm -f lessons/course.yaml
  run 0 build lessons --templates templates -o built -q
  has built/index.html '<html lang="en">'
  has built/index.html '<title>Lessons</title>'
  has built/index.html '<p class="site-name">Convolution lessons</p>'
  has built/index.html 'on what a convolution layer does'
  lacks built/index.html 'class="credits"'
  for id in "${ids[@]}"; do has "built/$id/index.html" '<html lang="en">'; done
  [[ $by_order == "conv-relu-pool padding-and-stride "* ]] || fail "the default lesson and padding-and-stride do not come first: $by_order"
  [[ $(index_order built/index.html | tr '\n' ' ') == "$by_order" ]] ||
    fail "default order: $(index_order built/index.html | tr '\n' ' ')"
  need_tool pdfinfo "the course PDF's metadata check"
  pdfinfo built/course.pdf >info
  grep -qE '^Title: +Convolution lessons$' info || fail "course.pdf title: $(grep Title info)"
  grep -q '^Author:' info && fail "course.pdf has an author without a course file"
  grep -qE '^Page size: .*\(A4\)' info || fail "course.pdf paper: $(grep 'Page size' info)"
  ;;
settings)
  write_course
  run 0 build lessons --templates templates -o built -q
  has built/index.html '<html lang="de-CH">'
  has built/index.html '<title>Faltung Schritt für Schritt</title>'
  has built/index.html '<p class="site-name">Faltung Schritt für Schritt</p>'
  has built/index.html '<strong>Faltungsschichten</strong>'
  lacks built/index.html 'on what a convolution layer does'
  # de-CH: the German catalogue writes every generated word (docs/languages.md).
  has built/index.html 'Von Ada Lehrerin. Lizenz: CC BY 4.0.'
  for id in "${ids[@]}"; do
    has "built/$id/index.html" '<html lang="de-CH">'
    has "built/$id/index.html" 'Von Ada Lehrerin. Lizenz: CC BY 4.0.'
    has "built/$id/index.html" '<span class="label" data-player-part="play-label">Abspielen</span>'
  done
  # Listed lessons first, in the course's order; the rest as before.
  [[ $(index_order built/index.html | tr '\n' ' ') == "padding-and-stride leaky-relu $(sed 's/padding-and-stride //; s/leaky-relu //' <<<"$by_order")" ]] ||
    fail "course order: $(index_order built/index.html | tr '\n' ' ')"
  need_tool pdfinfo "the course PDF's metadata check"
  need_tool pdftotext "the course PDF's title page check"
  pdfinfo built/course.pdf >info
  grep -qE '^Title: +Faltung Schritt für Schritt$' info || fail "course.pdf title: $(grep Title info)"
  grep -qE '^Author: +Ada Lehrerin$' info || fail "course.pdf author: $(grep Author info)"
  grep -qE '^Subject: +Drei Lektionen über \*\*Faltungsschichten\*\*\.$' info ||
    fail "course.pdf subject: $(grep Subject info)"
  grep -qE '^Page size: .*\(letter\)' info || fail "course.pdf paper: $(grep 'Page size' info)"
  # Page 1: the title, the intro and the credits; page 2: the contents.
  pdftotext -f 1 -l 1 built/course.pdf page1.txt
  has page1.txt 'Faltung Schritt für Schritt'
  has page1.txt 'Jede Zahl wird aus den Lektionsdateien berechnet.'
  has page1.txt 'Von Ada Lehrerin.'
  lacks page1.txt 'Inhalt'
  pdftotext -f 2 -l 2 built/course.pdf page2.txt
  has page2.txt 'Inhalt'
  # The contents follow the course's order.
  grep -qE 'Padding.*Negative answers.*Convolve' <(tr -s ' \n' '  ' <page2.txt) || fail "contents order: $(cat page2.txt)"
  # handout: full is the default for lessons without a handout key (every
  # shipped lesson): their handout.pdf is the full walkthrough, longer than two pages.
  pages=$(pdfinfo built/leaky-relu/handout.pdf | sed -n 's/^Pages: *//p')
  ((pages > 2)) || fail "leaky-relu's handout has $pages pages; the course asks for the full one"
  grep -q '^handout:' lessons/leaky-relu.yaml && fail "the test assumes leaky-relu.yaml has no handout key"
  # --handout still wins over the course file.
  run 0 build lessons --templates templates -o built2 -q --handout brief --only pdf
  pages=$(pdfinfo built2/leaky-relu/handout.pdf | sed -n 's/^Pages: *//p')
  ((pages <= 2)) || fail "--handout brief gave $pages pages"
  ;;
paper)
  need_tool pdfinfo "the paper check"
  write_course
  run 0 build lessons --templates templates -o built -q --only pdf
  pdfinfo built/leaky-relu/handout.pdf | grep -qE '^Page size: .*\(letter\)' || fail "the course's paper is not used"
  # --paper given explicitly wins, even when it names the default.
  run 0 build lessons --templates templates -o built -q --only pdf --paper a4
  pdfinfo built/leaky-relu/handout.pdf | grep -qE '^Page size: .*\(A4\)' || fail "--paper a4 did not win"
  pdfinfo built/course.pdf | grep -qE '^Page size: .*\(A4\)' || fail "--paper a4 did not win for course.pdf"
  ;;
rebuild)
  write_course
  run 0 build lessons --templates templates -o built --only svg,json,html
  log_has "$n lessons: $n built"
  run 0 build lessons --templates templates -o built --only svg,json,html
  log_has "$n lessons up to date"
  # Editing the course file rebuilds every lesson (their pages show its
  # language and credits) and the course files.
  sed -i 's/^author: .*/author: Grace Lehrerin/' lessons/course.yaml
  run 0 build lessons --templates templates -o built --only svg,json,html
  log_has "$n lessons: $n built, 0 up to date"
  has built/index.html 'Von Grace Lehrerin.'
  for id in "${ids[@]}"; do has "built/$id/index.html" 'Von Grace Lehrerin.'; done
  sed -i 's/^title: .*/title: Neu/' lessons/course.yaml
  run 0 build lessons --templates templates -o built --only svg,json,html
  has built/index.html '<title>Neu</title>'
  # Removing it brings back the defaults.
  rm lessons/course.yaml
  run 0 build lessons --templates templates -o built --only svg,json,html
  log_has "$n lessons: $n built"
  has built/index.html '<html lang="en">'
  lacks built/index.html 'Lehrerin'
  ;;
files-given)
  write_course
  # Lesson files given: no course file is read (only a folder's course.yaml,
  # or one named on the command line, is).
  run 0 build lessons/leaky-relu.yaml lessons/conv-relu-pool.yaml --templates templates -o built -q --only html,svg
  has built/index.html '<html lang="en">'
  run 0 build lessons/leaky-relu.yaml lessons/course.yaml --templates templates -o built2 -q --only html,svg
  has built2/index.html '<html lang="de-CH">'
  [[ -d built2/course ]] && fail "course.yaml was built as a lesson"
  # A bad course file stops the build with its located error, exit 1.
  printf 'title: X\npaper: a5\n' >lessons/course.yaml
  run 1 build lessons --templates templates -o built3
  err_has "lessons/course.yaml:2:8: error: unknown paper 'a5'"
  [[ -e built3/index.html ]] && fail "a build with a bad course file wrote the index"
  true
  ;;
check)
  write_course
  run 0 check lessons
  log_has "checked $n lessons: $n ok, 0 failed; course file ok"
  # An id in order that no lesson has is a warning at that id.
  sed -i 's/^order: .*/order: [leaky-relu, no-such-lesson]/' lessons/course.yaml
  run 0 check lessons
  err_has "lessons/course.yaml:9:21: warning: order lists 'no-such-lesson', which is not the id of a lesson in this folder"
  run 1 check --werror lessons
  # The course file alone: its folder's lessons still count, so only that id is warned of.
  run 0 check lessons/course.yaml
  log_has "checked 0 lessons: 0 ok, 0 failed; course file ok, 1 warning"
  err_has "order lists 'no-such-lesson'"
  grep -qF "order lists 'leaky-relu'" "$work/err" && fail "check of the course file alone warned of a lesson beside it"
  # A lesson beside it that fails to load has its file name's id, so it is
  # not called missing (its own check says what is wrong).
  cp lessons/leaky-relu.yaml leaky.saved
  printf 'fitler: x\n' >>lessons/leaky-relu.yaml
  run 0 check lessons/course.yaml
  grep -qF "order lists 'leaky-relu'" "$work/err" && fail "check called a lesson that fails to load missing from the folder"
  cp leaky.saved lessons/leaky-relu.yaml
  cp "$src/tests/bad-course/unknown-key-did-you-mean.yaml" lessons/course.yaml
  run 1 check lessons
  log_has "checked $n lessons: $n ok, 0 failed; course file failed"
  # The same text the loader's corpus expects, with this file's path.
  sed 's,tests/bad-course/unknown-key-did-you-mean.yaml,lessons/course.yaml,' \
    "$src/tests/bad-course/unknown-key-did-you-mean.expected" | diff - "$work/err" || fail "check printed other diagnostics"
  ;;
*) fail "unknown case $case_name" ;;
esac
