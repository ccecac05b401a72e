#!/usr/bin/env bash
# End-to-end checks of the message catalogues: a course whose course file
# says `language: de` gets German in every word the tool writes: the page
# (lang, player controls, captions, generated sections), the frames'
# <title>/<desc> and legends, the index, and the handout, worksheet and
# answer key (read back with pdftotext). The lesson itself is written in
# German too, so no English may remain anywhere on its page.
# Usage: language_e2e.sh CONVLESSON_BINARY CASE   (run from the source root)
set -euo pipefail

bin=$(realpath "$1")
case_name=$2
src=$(pwd)
source "$src/tests/e2e/lib.sh"
cd "$work"
plain_logs

mkdir lessons
cat >lessons/course.yaml <<'YAML'
title: Faltung verstehen
language: de
author: Ada Lehrerin
licence: CC BY 4.0
YAML
# Every stage: padding and stride (the settings in words), ReLU, max pooling,
# one beat per cell; the author's words (title, labels, filter name) German.
cat >lessons/kanten.yaml <<'YAML'
id: kanten
title: Kanten finden
summary: Ein Filter sucht senkrechte Kanten.
label: Senkrechte Kante
image:
  pixels:
    - [0, 0, 9, 9, 0, 0]
    - [0, 0, 9, 9, 0, 0]
    - [0, 0, 9, 9, 0, 0]
    - [0, 0, 9, 9, 0, 0]
    - [0, 0, 9, 9, 0, 0]
    - [0, 0, 9, 9, 0, 0]
filter:
  name: Kantenfilter
  weights:
    - [1, 0, -1]
    - [1, 0, -1]
    - [1, 0, -1]
conv: {padding: 1, stride: 2}
activation: relu
pool: {type: max, size: 2, stride: 2}
variants:
  - label: Mittelwert
    pool: {type: avg, size: 2, stride: 1}
sections:
  - generate: step-by-step
  - generate: complexity
YAML

# Several filters with a bias: the stack's own texts (intro and summary,
# "Filter 2 von 2", "Karte 1 von 2", the stacked panels' titles).
cat >lessons/stapel.yaml <<'YAML'
id: stapel
title: Zwei Filter
label: Zwei Filter
image:
  pixels:
    - [1, 2, 0, 3, 1]
    - [0, 1, 2, 1, 0]
    - [3, 0, 1, 2, 2]
    - [1, 1, 0, 0, 1]
    - [2, 0, 1, 3, 0]
filters:
  - name: Kantenfilter
    weights: [[1, 0, -1], [1, 0, -1], [1, 0, -1]]
    bias: 0.5
  - name: Weichzeichner
    weights: [[0.1, 0.1, 0.1], [0.1, 0.2, 0.1], [0.1, 0.1, 0.1]]
conv: {padding: 1}
pool: {type: avg, size: 2, stride: 2}
sections:
  - generate: step-by-step
  - generate: complexity
YAML

# The page's text: tags, scripts, the player's JSON and the Reproduce it
# programs (Python, English like any code) removed, entities decoded.
page_text() {
  python3 - "$1" <<'PY'
import html, re, sys
s = open(sys.argv[1], encoding="utf-8").read()
s = re.sub(r"<script.*?</script>", " ", s, flags=re.S)
s = re.sub(r"<pre class=\"code\".*?</pre>", " ", s, flags=re.S)
# Attribute values people hear or see (aria-label, alt, data-*-label, the
# copy button's data-copied and data-failed) count as text, and so do the
# strings of explore.js's words in data-text (a JSON object).
attrs = " ".join(re.findall(r'(?:aria-label|alt|data-[a-z-]*label|data-copied|data-failed)="([^"]*)"', s))
def strings(j):
    if isinstance(j, str): return [j]
    values = j.values() if isinstance(j, dict) else j
    return [t for v in values for t in strings(v)]
import json
for t in re.findall(r'data-text="([^"]*)"', s):
    attrs += " " + " ".join(strings(json.loads(html.unescape(t))))
s = re.sub(r'data-text="[^"]*"', "", s)
s = re.sub(r"<[^>]+>", " ", s)
print(re.sub(r"\s+", " ", html.unescape(s + " " + attrs)))
PY
}

case $case_name in
german)
  run 0 build lessons -o built -q --only svg,html,json
  page=built/kanten/index.html
  has $page '<html lang="de">'
  # Player controls, their switching labels and the keyboard hint.
  has $page '<span class="label" data-player-part="play-label">Abspielen</span>'
  has $page 'data-pause-label="Anhalten"'
  has $page '</span> Zurück</button>'
  has $page 'data-player-part="next">Weiter <span'
  has $page '<option value="0.5">Langsam</option>'
  has $page 'data-zoomed-label="Bild in voller Größe, seitlich scrollbar"'
  has $page 'Tastatur: <kbd>Leertaste</kbd> spielt ab oder hält an'
  # Captions, steps and sections.
  has $page 'Schritt 1 von '
  has $page 'Ein 6×6-Bild und der 3×3-Filter „Kantenfilter“ (Zero-Padding von 1 auf jeder Seite, Schrittweite 2): Die Feature-Map wird 3×3 groß'
  has $page 'ReLU setzt die '
  has $page '<h2 id="section-step-by-step--title">Schritt für Schritt</h2>'
  has $page '<h2 id="section-complexity--title">Rechenaufwand</h2>'
  has $page 'Gewichte im Filter'
  has $page 'Von Ada Lehrerin. Lizenz: CC BY 4.0.'
  has $page 'Erstellt mit convlesson.'
  # The frames: <title>, <desc>, panel titles and the legend.
  svg=built/kanten/frames/senkrechte-kante/002-conv.svg
  has $svg '>Senkrechte Kante · Faltung · Position 1 von 9</title>'
  has $svg 'Der 3×3-Filter überdeckt Zeilen 0 bis 1 und Spalten 0 bis 1 des Bildes und reicht ins Zero-Padding.'
  has $svg '>Bild 6×6, Padding 1<'
  has $svg '>Produkte Pixel·Gewicht<'
  has $svg 'Filtergewichte in denselben Farben'
  has built/kanten/frames/mittelwert/001-intro.svg 'Danach folgt ReLU, dann das Pooling zu einer 2×2-Karte: 2×2-Mittelwert-Pooling mit Schrittweite 1.'
  # lesson.json carries the same captions; the index is German too.
  has built/kanten/lesson.json '"caption": "Position (0, 0): '
  has built/index.html '<html lang="de">'
  has built/index.html '<h1>Lektionen</h1>'
  has built/index.html 'Schritte</p>'
  # Explore, Reproduce it, the downloads and the frame listings.
  has $page '<a href="#explore">Erkunden</a>'
  has $page '<h2 id="explore-title">Die rezeptiven Felder erkunden</h2>'
  has $page 'Noch keine Zelle gewählt.'
  has $page '>Eingabebild mit seinem Zero-Padding (8×8)</p>'
  has $page '>Nach Max-Pooling (1×1)</p>'
  has $page '>Nach Mittelwert-Pooling (2×2)</p>'
  has $page 'Geht ein in {list}.'
  has $page '<span class="filter-switch-label" id="filter-switch-label">Pooling</span>'
  has $page '<span class="variant-difference">2×2-Mittelwert-Pooling mit Schrittweite 1</span>'
  has $page '<h2 id="reproduce-title">Selbst nachrechnen</h2>'
  has $page 'Kurze Programme, die dieselben Karten wie diese Seite berechnen'
  has $page '-numpy">Nur NumPy</h4>'
  has $page 'hidden>Kopieren</button>'
  has $page 'data-copied="In die Zwischenablage kopiert."'
  has $page 'Dieses Bild herunterladen: '
  has $page '>Senkrechte Kante: alle Bilder</a> <span class="kind">(SVG, eine Datei pro Schritt)</span>'
  # Several filters: the stack's intro, headings, panel titles and cost rows.
  stack=built/stapel/index.html
  has $stack 'Ein 5×5-Bild und 2 Filter der Größe 3×3 (Zero-Padding von 1 auf jeder Seite, Schrittweite 1): 2 Karten der Größe 5×5, eine je Filter'
  has $stack 'Karte 2 von 2 · Faltung'
  has $stack 'Multiplikationen für die 2 Filter'
  has $stack 'Additionen des Bias'
  has $stack '2 Feature-Maps 5×5 → ReLU → 2 Karten nach Mittelwert-Pooling 2×2'
  stack_svg=built/stapel/frames/zwei-filter/002-conv.svg
  has $stack_svg '>Filter 1 von 2: Kantenfilter, Bias 0.5<'
  has $stack_svg '>2 Feature-Maps 5×5<'
  has $stack_svg 'Karte 1 von 2 vorn; 0 der anderen 1 fertig'
  listing=built/kanten/frames/senkrechte-kante/index.html
  has $listing '<title>Kanten finden · Senkrechte Kante: alle Bilder</title>'
  has $listing 'Zu den Bildern springen'
  has $listing '<code>009-conv.svg</code> ist Schritt 9.'
  ;;
no-english)
  # Every word on the page of a German lesson, and in its frames' <title>,
  # <desc> and labels, comes from the German catalogue: none of these
  # English words of the templates, captions, sections or frames is left.
  run 0 build lessons -o built -q --only svg,html
  page_text built/kanten/index.html >page.txt
  page_text built/index.html >index.txt
  page_text built/kanten/frames/senkrechte-kante/index.html >listing.txt
  page_text built/stapel/index.html >>page.txt
  cat built/kanten/frames/*/*.svg built/stapel/frames/*/*.svg | python3 -c 'import re,sys,html; print(html.unescape(re.sub(r"<[^>]+>", " ", sys.stdin.read())))' >frames.txt
  # German writes "Feature-Maps" where English has "Maps" for its own word.
  sed -i 's/Feature-Maps//g' page.txt frames.txt
  for word in Skip 'All lessons' 'On this page' Walkthrough Previous Play Pause Next Speed Slow Fast 'Full size' \
              Keyboard Space Home 'Step ' 'step' Convolution Summary 'Max pooling' 'Average' 'feature map' 'Feature map' \
              ' image' Image ' filter' 'Filter window' 'Colour' ' the ' ' of ' ' and ' ' with ' 'Position (0, 0) of' \
              Complexity Quantity Formula Result Weights Multiplications Additions 'Downloads' Handout Worksheet \
              'Answer key' 'Every number' 'Made with' 'By Ada' Licence 'Rows and columns' 'padding of' 'stride ' \
              'clears' 'keeps' 'pooled' 'Pooled' 'Products' 'pixel' 'Maps' 'lessons' 'Lessons' \
              Explore 'receptive' 'Pick a cell' 'No cell' 'Input image' 'After ' 'cell (' 'Reads ' 'Feeds ' \
              'Reproduce it' 'Short programs' 'NumPy only' 'Copy' 'Could not' 'Download this frame' \
              'every frame' 'one file per step'; do
    for f in page.txt index.txt listing.txt frames.txt; do
      ! grep -qF -- "$word" $f || fail "$f still has English '$word': $(grep -oF -- "$word" $f | head -1) in $(grep -o ".\{60\}$word.\{60\}" $f | head -1)"
    done
  done
  ;;
handout)
  need_tool pdftotext "the handout text check"
  run 0 build lessons -o built -q --only pdf
  for f in handout worksheet answers; do pdftotext -layout built/kanten/$f.pdf $f.txt; done
  pdftotext -layout built/course.pdf course.txt
  tr -s ' \n' '  ' <handout.txt >handout1.txt
  has handout1.txt 'Kanten finden'
  has handout1.txt 'Feature-Map'
  lacks handout1.txt 'Feature map'
  lacks handout1.txt 'Output size'
  tr -s ' \n' '  ' <worksheet.txt >worksheet1.txt
  has worksheet1.txt 'Arbeitsblatt'
  lacks worksheet1.txt 'Worksheet'
  tr -s ' \n' '  ' <answers.txt >answers1.txt
  has answers1.txt 'Lösungen'
  lacks answers1.txt 'Answer key'
  tr -s ' \n' '  ' <course.txt >course1.txt
  has course1.txt 'Inhalt'
  lacks course1.txt 'Contents'
  ;;
unknown)
  # A language without a catalogue: check warns at the tag, the build writes
  # English words under the course's own lang.
  sed -i 's/^language: de$/language: fr-CA/' lessons/course.yaml
  run 0 check lessons
  grep -qF "lessons/course.yaml:2:11: warning: no message catalogue for language 'fr-CA' (there are: de, en): generated text will be in English" "$work/err" ||
    fail "check did not warn: $(cat "$work/err")"
  run 1 check --werror lessons
  run 0 build lessons -o built -q --only html
  has built/kanten/index.html '<html lang="fr-CA">'
  has built/kanten/index.html '<span class="label" data-player-part="play-label">Play</span>'
  ;;
*) fail "unknown case $case_name" ;;
esac
