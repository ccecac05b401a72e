#!/usr/bin/env bash
# End-to-end checks of `convlesson build` on a copy of the shipped lessons and
# templates in a temporary folder: incremental rebuilds, failures keeping the
# last good outputs, two builds at once, SIGKILL at random points and at every
# named step, determinism.
# Usage: build_e2e.sh CONVLESSON_BINARY CASE   (run from the source root)
set -euo pipefail

bin=$(realpath "$1")
case_name=$2
src=$(pwd)
source "$src/tests/e2e/lib.sh"
copy_shipped  # into $work, the current folder from here on; ids, n
plain_logs
# Outputs that are quick to make, for the cases that rebuild many times.
fast=(--only svg,json,html)

# build EXPECTED_EXIT ARGS...: `convlesson build lessons ARGS...` with
# stdout in $work/log and stderr in $work/err.
build() {
  local want=$1; shift
  local got=0
  # (The braces take bash's own "Killed" notice of a crash point off the log.)
  { "$bin" build lessons --templates templates "$@" >"$work/log" 2>"$work/err"; } 2>/dev/null || got=$?
  if [[ $got != "$want" ]]; then
    cat "$work/log" "$work/err" >&2
    fail "convlesson build $* exited $got, expected $want"
  fi
}

# Files under DIR with their modification times (nanoseconds), sorted.
mtimes() { (cd "$1" && find . -type f -printf '%P %T@\n' | sort); }
# Files under DIR with their inode and modification time, sorted: a file the
# build kept (left in place or linked into a new folder) keeps both.
stamps() { (cd "$1" && find . -type f ! -name .convlesson.lock ! -name .convlesson-manifest -printf '%P %i %T@\n' | sort); }
# rewritten BEFORE AFTER: the paths whose inode or mtime changed, or that came or went, sorted.
rewritten() { { diff "$1" "$2" || true; } | sed -n 's/^[<>] \([^ ]*\) .*/\1/p' | sort -u; }
# Files under DIR with their SHA-256, sorted; the build's own files can be left out.
hashes() { (cd "$1" && find . -type f ! -name .convlesson.lock -print0 | sort -z | xargs -0 -r sha256sum); }
hashes_of_outputs() { hashes "$1" | grep -v ' \./\.convlesson-manifest$' || true; }

log_has() { grep -qF -- "$1" "$work/log" || fail "stdout lacks '$1': $(cat "$work/log")"; }
err_has() { grep -qF -- "$1" "$work/err" || fail "stderr lacks '$1': $(cat "$work/err")"; }

# wait_for TEXT FILE: up to 60 s for TEXT to appear in FILE, which the
# watch running as $pid writes (stopped if it never does).
wait_for() {
  for _ in $(seq 600); do grep -qF -- "$1" "$2" && return 0; sleep 0.1; done
  kill $pid 2>/dev/null || true
  fail "watch never printed '$1': $(cat "$2")"
}
# wait_exit: up to 60 s for the watch running as $pid to end; its exit code in $rc.
wait_exit() {
  for _ in $(seq 600); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
  kill -0 $pid 2>/dev/null && { kill -KILL $pid; fail "watch did not end"; }
  rc=0
  wait $pid || rc=$?
}

# retitle ID TEXT: changes the lesson's title, which changes its lesson.json and page.
retitle() { sed -i "s/^title: .*/title: $2/" "lessons/$1.yaml"; }

# make_versions: builds version A (the shipped lessons) and B (every title
# changed) once, keeping the lesson files in lessons.A|B and the hashes of
# each out/<id> and of out/index.html in A|B.<id> and A|B.index.
make_versions() {
  cp -r lessons lessons.A
  for id in "${ids[@]}"; do retitle "$id" "Version B of $id"; done
  cp -r lessons lessons.B
  local version id
  for version in A B; do
    use_version $version
    build 0 "${fast[@]}" -o "out.$version"
    for id in "${ids[@]}"; do hashes "out.$version/$id" >"$version.$id"; done
    sha256sum <"out.$version/index.html" | cut -d' ' -f1 >"$version.index"
    rm -r "out.$version"
  done
  for id in "${ids[@]}"; do
    cmp -s "A.$id" "B.$id" && fail "versions A and B of $id are identical; the test would prove nothing"
  done
  cmp -s A.index B.index && fail "the course index is the same for both versions"
  return 0
}

# use_version A|B: puts that version's lesson files in lessons/.
use_version() { rm -r lessons && cp -r "lessons.$1" lessons; }
other_version() { [[ $1 == A ]] && echo B || echo A; }

# check_either_version CONTEXT [aside]: every out/<id> and out/index.html is
# exactly version A or B. With `aside`, a missing out/<id> may instead be in
# out/.convlesson-staging/<id>.old (a swap without atomic exchange, interrupted).
check_either_version() {
  local id dir now
  for id in "${ids[@]}"; do
    dir=out/$id
    [[ ! -e $dir && ${2:-} == aside ]] && dir=out/.convlesson-staging/$id.old
    [[ -d $dir ]] || fail "$1: out/$id is missing"
    hashes "$dir" >now
    cmp -s now "A.$id" || cmp -s now "B.$id" ||
      { diff "A.$id" now >&2 || true; fail "$1: $dir is neither version A nor B"; }
  done
  local index=out/index.html
  [[ ! -e $index && ${2:-} == aside ]] && index=out/.convlesson-staging/.course/index.html.old
  [[ -f $index ]] || fail "$1: out/index.html is missing"
  now=$(sha256sum <"$index" | cut -d' ' -f1)
  [[ $now == $(cat A.index) || $now == $(cat B.index) ]] || fail "$1: $index is neither version"
}

# check_version A|B CONTEXT: out/ is exactly that version, with no leftovers.
check_version() {
  local id
  for id in "${ids[@]}"; do
    hashes "out/$id" | diff -u "$1.$id" - || fail "$2: out/$id is not version $1"
  done
  [[ $(sha256sum <out/index.html | cut -d' ' -f1) == $(cat "$1.index") ]] || fail "$2: out/index.html is not version $1"
  [[ ! -e out/.convlesson-staging ]] || fail "$2: staging folder left behind"
  [[ -z $(find out -name '*.tmp*') ]] || fail "$2: temporary files left in out/"
}

case $case_name in
  edit-kinds)
    # Each kind of edit: the build renders only the kinds of output that read
    # what changed (its log names them), rewrites exactly the files whose
    # bytes changed (by a cold build before and after; every other file keeps
    # its inode and mtime) and leaves a tree, manifest included, identical to
    # a cold build of the same lessons.
    most=(--only svg,anim-svg,pdf,html,json)
    build 0 "${most[@]}" -o cold
    build 0 "${most[@]}"
    # check_edit NAME LOG_LINE: builds after an edit and checks the above.
    check_edit() {
      stamps out >before
      build 0 "${most[@]}"
      log_has "$2"
      cp "$work/log" "$work/edit.log"  # the cold build below writes the log again
      stamps out >after
      rewritten before after >got
      build 0 "${most[@]}" -o cold.new
      { diff <(hashes_of_outputs cold) <(hashes_of_outputs cold.new) || true; } | sed -n 's|^[<>] [0-9a-f]*  \./||p' |
        sort -u >want
      [[ -s want ]] || fail "$1: the edit changed no output; the test would prove nothing"
      diff -u want got || fail "$1: the files rewritten are not exactly those whose bytes changed"
      diff -u <(hashes cold.new) <(hashes out) || fail "$1: the incremental tree differs from a cold build"
      rm -r cold && mv cold.new cold
    }
    sed -i '0,/^    body: |$/s//    body: |\n      One more sentence of prose./' lessons/leaky-relu.yaml
    check_edit prose "built leaky-relu (html, json, pdf: "
    sed -i 's/^order: 4$/order: 0.5/' lessons/leaky-relu.yaml
    check_edit order "$n lessons up to date; 2 files written (course.pdf, index.html rebuilt)"
    retitle padding-and-stride "A new title"
    check_edit title "built padding-and-stride (anim-svg, html, json, pdf: "
    sed -i 's/- \[0, -1\]/- [0, -2]/' lessons/leaky-relu.yaml
    check_edit computation "built leaky-relu ("
    grep -qF "built leaky-relu (" "$work/edit.log" && ! grep -qF "built leaky-relu (anim" "$work/edit.log" ||
      fail "a weight edit did not render every kind: $(cat "$work/edit.log")"
    sed -i 's|</body>|<!-- edited --></body>|' templates/lesson.mustache
    check_edit page-template "$n lessons: $n built, 0 up to date, 0 failed"
    # Pages only: each lesson's page and its per-variant frame listings.
    grep -cE "built .* \(html: [0-9]+ files?, " "$work/edit.log" | grep -qx "$n" || fail "a page template edit rendered more than pages"
    echo "/* edited */" >>templates/style.css
    check_edit stylesheet "$n lessons up to date; 1 file written (assets rebuilt)"
    sed -i 's/^title: .*/title: Another course title/' lessons/course.yaml
    check_edit course-title "$n lessons up to date; 2 files written (course.pdf, index.html rebuilt)"
    sed -i 's/^language: en$/language: en-GB/' lessons/course.yaml
    check_edit course-language "$n lessons: $n built, 0 up to date, 0 failed"
    ;;

  only-keeps)
    # --only writes the kinds it names and leaves every other output as it is;
    # the page still links them, as a full build's page does.
    most=(--only svg,anim-svg,pdf,html,json)
    build 0 "${most[@]}"
    stamps out >before
    retitle leaky-relu "Only the page"
    build 0 --only html
    log_has "built leaky-relu (html: 4 files, "  # its page and its three variants' frame listings
    stamps out >after
    printf 'index.html\nleaky-relu/frames/leaky-relu/index.html\nleaky-relu/frames/no-activation/index.html\nleaky-relu/frames/plain-relu/index.html\nleaky-relu/index.html\n' |
      diff -u - <(rewritten before after) ||
      fail "--only html rewrote or removed other files"
    build 0 "${most[@]}" -o cold
    cmp -s out/leaky-relu/index.html cold/leaky-relu/index.html || fail "the --only html page differs from a full build's"
    cmp -s out/index.html cold/index.html || fail "the --only html index differs from a full build's"
    # The next build without --only brings the other kinds up to date.
    build 0 "${most[@]}"
    log_has "built leaky-relu (anim-svg, json, pdf: "
    diff -u <(hashes cold) <(hashes out) || fail "after --only html and a full build, out/ differs from a cold build"
    # A weight edit makes every kind stale; --only html writes the page and
    # the frame listings, and the full build after it keeps them (it once
    # counted the listings as SVG output and dropped them).
    sed -i 's/- \[0, -1\]/- [0, -2]/' lessons/leaky-relu.yaml
    build 0 --only html
    log_has "built leaky-relu (html: 4 files, "
    build 0 "${most[@]}"
    log_has "built leaky-relu (anim-svg, json, pdf, svg: "
    rm -r cold
    build 0 "${most[@]}" -o cold
    diff -u <(hashes cold) <(hashes out) || fail "after a weight edit, --only html and a full build, out/ differs from a cold build"
    # PDF figures are made on request: once a lesson no longer asks for them
    # (or after --only pdf-frames), its next full build drops them, as a cold
    # build makes none; kept, they showed the old filter's numbers.
    one() { "$bin" build lessons/conv-relu-pool.yaml --templates templates -q "$@" || fail "convlesson build $* failed"; }
    sed -i 's/^order: 1$/order: 1\npdf_frames: true/' lessons/conv-relu-pool.yaml
    grep -q '^pdf_frames: true$' lessons/conv-relu-pool.yaml || fail "the test did not ask for the figures"
    one -o figures
    [[ -f figures/conv-relu-pool/figures.tex ]] || fail "pdf_frames: true made no figures.tex"
    figures=$(find figures/conv-relu-pool/frames -name '*.pdf' | wc -l)
    sed -i '/^pdf_frames: true$/d; s/^filter: vertical-edge$/filter: sobel-x/' lessons/conv-relu-pool.yaml
    "$bin" build lessons/conv-relu-pool.yaml --templates templates -o figures >"$work/log" || fail "the build after pdf_frames went failed"
    log_has ", $((figures + 1)) removed (no longer made) in "  # the figure PDFs and figures.tex
    one -o figures-cold
    diff -u <(hashes figures-cold) <(hashes figures) || fail "figures no longer asked for stayed, or the rest differs from a cold build"
    one -o figures --only pdf-frames
    [[ -f figures/conv-relu-pool/figures.tex ]] || fail "--only pdf-frames made no figures.tex"
    sed -i 's/^filter: sobel-x$/filter: vertical-edge/' lessons/conv-relu-pool.yaml
    one -o figures
    rm -r figures-cold && one -o figures-cold
    diff -u <(hashes figures-cold) <(hashes figures) || fail "figures of --only pdf-frames stayed, stale, after an edit"
    ;;

  one-lesson)
    # Building one lesson keeps every other lesson of out/ in the index and
    # course.pdf, and gives what building them all would.
    most=(--only svg,pdf,html,json)
    build 0 "${most[@]}"
    stamps out >before
    retitle leaky-relu "Built alone"
    "$bin" build lessons/leaky-relu.yaml lessons/course.yaml --templates templates "${most[@]}" >"$work/log" 2>"$work/err" ||
      fail "a one-lesson build failed: $(cat "$work/err")"
    log_has "1 lesson: 1 built, 0 up to date, 0 failed"
    ! grep -qF "is not read" "$work/log" || fail "a note about the course file although it was given"
    for id in "${ids[@]}"; do grep -qF "href=\"$id/index.html\"" out/index.html || fail "the index lost $id"; done
    grep -qF "Built alone" out/index.html || fail "the index lacks the new title"
    stamps out >after
    rewritten before after | grep -v '^leaky-relu/' | grep -vx 'index.html\|course.pdf' &&
      fail "a one-lesson build rewrote another lesson's files"
    build 0 "${most[@]}" -o cold
    diff -u <(hashes cold) <(hashes out) || fail "a one-lesson build differs from building them all"
    # Without the course file beside it, the build says the defaults apply.
    "$bin" build lessons/leaky-relu.yaml --templates templates "${most[@]}" -o alone >"$work/log" 2>"$work/err" ||
      fail "a one-lesson build without the course file failed: $(cat "$work/err")"
    log_has "lessons/course.yaml is not read, as only lesson files were given: the pages, PDFs and course index take the default course settings"
    ;;

  jobs)
    # -j 1 against -j 3 on incremental builds too: the same bytes, manifest included.
    for j in 1 3; do
      rm -rf lessons && cp -r "$src/lessons" lessons
      build 0 "${fast[@]}" -j $j -o "out$j"
      retitle leaky-relu "Edited"
      sed -i 's/^order: 2$/order: 7/' lessons/padding-and-stride.yaml
      build 0 "${fast[@]}" -j $j -o "out$j"
    done
    diff -u <(hashes out1) <(hashes out3) || fail "incremental builds depend on -j"
    ;;

  shards)
    # Three shards built apart and merged: the same bytes, manifest included,
    # as one build of every lesson.
    most=(--only svg,pdf,html,json)
    for k in 1 2 3; do build 0 "${most[@]}" --shard "$k/3" -o "out-$k"; done
    for k in 1 2 3; do
      [[ -f out-$k/index.html || -f out-$k/course.pdf ]] && fail "shard $k made course files"
      [[ $(find "out-$k" -mindepth 1 -maxdepth 1 -type d ! -name '.*' | wc -l) -ge 1 ]] ||
        fail "shard $k holds no lesson"
    done
    # Between them the shards hold every lesson, each once.
    [[ $(find out-1 out-2 out-3 -mindepth 1 -maxdepth 1 -type d ! -name '.*' -printf '%f\n' | sort -u | wc -l) == "$n" &&
       $(find out-1 out-2 out-3 -mindepth 1 -maxdepth 1 -type d ! -name '.*' | wc -l) == "$n" ]] ||
      fail "the three shards do not hold the $n lessons once each"
    "$bin" merge out-1 out-2 out-3 -o merged --course lessons --templates templates >"$work/log" 2>"$work/err" ||
      fail "merge failed: $(cat "$work/err")"
    log_has "$n lessons: $n merged, 0 up to date, 0 failed"
    build 0 "${most[@]}" -o one
    diff -u <(hashes one) <(hashes merged) || fail "the merged shards differ from one build"
    # Merged again into the same folder, from copies of the shards (as a CI
    # job downloads them, so no file is a link of one in `merged`): nothing
    # changes, and the summary says so; merged again after a file there was
    # deleted, that file is put back.
    for k in 1 2 3; do cp -r "out-$k" "copy-$k"; done
    merge_copies() {
      "$bin" merge copy-1 copy-2 copy-3 -o merged --course lessons --templates templates >"$work/log" 2>"$work/err" ||
        fail "merging the copies failed: $(cat "$work/err")"
    }
    stamps merged >before.merged
    merge_copies
    log_has "$n lessons up to date in"
    stamps merged | diff -u before.merged - || fail "merging the same shards again changed files"
    [[ -z $(find merged -name '*.link') ]] || fail "merging again left temporaries: $(find merged -name '*.link')"
    lost=$(cd merged && find . -mindepth 2 -name lesson.json -printf '%P\n' | sort | head -1)
    rm "merged/$lost"
    merge_copies
    log_has "$n lessons: 1 merged, $((n - 1)) up to date, 0 failed"
    [[ -f merged/$lost ]] || fail "merging again did not put back merged/$lost"
    diff -u <(hashes one) <(hashes merged) || fail "the repaired merge differs from one build"
    # A merge killed as it puts a lesson in place: the next one finishes it.
    for point in lesson-pending lesson-swapped; do
      rm "merged/$lost"
      rc=0
      { CONVLESSON_TEST_CRASH_AT=$point "$bin" merge copy-1 copy-2 copy-3 -o merged --course lessons \
          --templates templates >"$work/log" 2>"$work/err"; } 2>/dev/null || rc=$?
      [[ $rc == 137 ]] || fail "the merge was not killed at $point (exit $rc)"
      merge_copies
      log_has "$n lessons: 1 merged, $((n - 1)) up to date, 0 failed"
      diff -u <(hashes one) <(hashes merged) || fail "a merge after one killed at $point differs from one build"
    done
    # The same share on every machine; a shard built with other settings is refused.
    build 0 "${most[@]}" --shard 2/3 -o again
    diff <(ls again) <(ls out-2) || fail "--shard 2/3 chose other lessons the second time"
    build 0 "${most[@]}" --shard 1/3 --scale 3 -o odd
    rc=0
    "$bin" merge odd out-2 out-3 -o merged2 --course lessons --templates templates >"$work/log" 2>"$work/err" || rc=$?
    [[ $rc == 1 ]] || fail "merging a shard of other settings exited $rc"
    err_has "odd/$(ls odd | head -1) was built with other settings than this merge's"
    # A shard left out, or one built before a lesson file changed: refused
    # before anything is put in place (a site without some lessons, or
    # without its index, would be published).
    rc=0
    "$bin" merge out-1 out-3 -o merged3 --course lessons --templates templates >"$work/log" 2>"$work/err" || rc=$?
    [[ $rc == 1 ]] || fail "merging without shard 2 exited $rc"
    err_has " in none of the shard folders given"
    [[ ! -e merged3 ]] || fail "a refused merge into a new folder left it behind: $(ls -A merged3)"
    retitle "$(ls out-2 | head -1)" "Changed after its shard was built"
    rc=0
    "$bin" merge out-1 out-2 out-3 -o merged4 --course lessons --templates templates >"$work/log" 2>"$work/err" || rc=$?
    [[ $rc == 1 ]] || fail "merging a shard built before its lesson file changed exited $rc"
    err_has "or its images as they were before a change; build that shard again"
    [[ ! -e merged4 ]] || fail "a refused merge into a new folder left it behind: $(ls -A merged4)"
    # That shard built again and merged into the folder merged before: one
    # lesson merged, and only files of it and the course's are new there.
    changed=$(ls out-2 | head -1)
    build 0 "${most[@]}" --shard 2/3 -o out-2
    rm -r copy-2 && cp -r out-2 copy-2
    stamps merged >before.merged
    merge_copies
    log_has "$n lessons: 1 merged, $((n - 1)) up to date, 0 failed"
    stamps merged | grep -vFxf before.merged | cut -d' ' -f1 >new.merged || true
    [[ -s new.merged ]] || fail "the retitled lesson's merge changed no file"
    grep -v -e "^$changed/" -e '^index\.html$' -e '^course\.pdf$' new.merged &&
      fail "merging one changed lesson replaced other files"
    (($(grep -c "^$changed/" new.merged) < $(stamps merged | grep -c "^$changed/"))) ||
      fail "every file of $changed was replaced, the unchanged ones too"
    build 2 --shard 4/3
    err_has "--shard: expected K/N with 1 <= K <= N <= 1000, got '4/3'"
    # More shards than lessons: an empty share still leaves a folder to merge.
    build 0 "${most[@]}" --shard 1000/1000 -o empty
    log_has "no lesson to build"
    [[ -f empty/.convlesson-manifest ]] || fail "an empty shard left no manifest"
    "$bin" merge out-1 out-2 out-3 empty -o merged5 --course lessons --templates templates >"$work/log" 2>"$work/err" ||
      fail "merging with an empty shard failed: $(cat "$work/err")"
    build 0 "${most[@]}" -o one-now
    diff -u <(hashes one-now) <(hashes merged5) || fail "the merge with an empty shard differs from one build"
    # A shard whose files were tampered with: a link among them is not
    # published (that lesson fails, the others merge), and a manifest
    # listing a file outside its folder is refused whole, nothing written.
    cp -r out-1 linked
    victim=$(cd linked && find . -mindepth 2 -maxdepth 2 -name lesson.json -printf '%P\n' | sort | sed -n 1p)
    echo secret >"$work/secret.txt"
    rm "linked/$victim" && ln -s "$work/secret.txt" "linked/$victim"
    rc=0
    "$bin" merge linked out-2 out-3 -o merged6 --course lessons --templates templates >"$work/log" 2>"$work/err" || rc=$?
    [[ $rc == 1 ]] || fail "merging a shard with a link in it exited $rc"
    err_has "linked/$victim is missing or not a plain file (a symbolic link, or one in its path)"
    [[ -z $(find merged6 -type l) ]] || fail "the merge published a link: $(find merged6 -type l)"
    cp -r out-1 poisoned
    first=$(grep -m1 -P '^made\t' poisoned/.convlesson-manifest | cut -f2)
    sed -i "0,/^made\t${first//\//\\/}\$/s##made\t../../../outside.txt#" poisoned/.convlesson-manifest
    grep -q '^made.\.\./\.\./\.\./outside.txt$' poisoned/.convlesson-manifest || fail "the test did not poison the manifest"
    rc=0
    "$bin" merge poisoned out-2 out-3 -o merged7 --course lessons --templates templates >"$work/log" 2>"$work/err" || rc=$?
    [[ $rc == 1 ]] || fail "merging a shard whose manifest leads out of it exited $rc"
    err_has "poisoned/.convlesson-manifest: not the output of a build ("
    [[ ! -e merged7 && ! -e outside.txt ]] || fail "a refused merge wrote files"
    # Shards of fewer kinds than the folder holds: refused, the folder as it was.
    for k in 1 2 3; do build 0 --only json --shard "$k/3" -o "json-$k"; done
    stamps merged >before.merged
    rc=0
    "$bin" merge json-1 json-2 json-3 -o merged --course lessons --templates templates >"$work/log" 2>"$work/err" || rc=$?
    [[ $rc == 1 ]] || fail "merging shards of fewer kinds exited $rc"
    err_has "that json-"
    err_has "was not built with (\`--only\`); merge into a new folder"
    stamps merged | diff -u before.merged - || fail "a refused merge changed files"
    # Shards built with --base-url (embed.html's paths) merge when given it
    # too, as one build would; --course takes one value, so the shard
    # folders may follow it.
    url=(--base-url https://example.org/course/)
    for k in 1 2 3; do build 0 --only json,embed "${url[@]}" --shard "$k/3" -o "url-$k"; done
    build 0 --only json,embed "${url[@]}" -o url-one
    rc=0
    "$bin" merge url-1 url-2 url-3 -o url-merged --course lessons --templates templates >"$work/log" 2>"$work/err" || rc=$?
    [[ $rc == 1 ]] || fail "merging shards of another --base-url exited $rc"
    err_has "was built with other settings than this merge's"
    "$bin" merge --course lessons url-1 url-2 url-3 -o url-merged --templates templates "${url[@]}" >"$work/log" \
      2>"$work/err" || fail "merging shards with their --base-url failed: $(cat "$work/err")"
    grep -qF 'https://example.org/course/' url-merged/*/embed.html || fail "the merged embed.html lacks the base URL"
    diff -u <(hashes url-one) <(hashes url-merged) || fail "the merge of --base-url shards differs from one build"
    # Bad merge options are usage errors (exit 2) that write nothing: a URL
    # with a space, a second --course.
    stamps url-merged >before.url
    rc=0
    "$bin" merge url-1 url-2 url-3 -o url-merged --templates templates --course lessons --course lessons \
      >"$work/log" 2>"$work/err" || rc=$?
    [[ $rc == 2 ]] || fail "merge with two --course exited $rc, expected 2"
    rc=0
    "$bin" merge url-1 url-2 url-3 -o url-merged --templates templates --base-url "https://example.org/a course/" \
      >"$work/log" 2>"$work/err" || rc=$?
    [[ $rc == 2 ]] || fail "merge with a space in --base-url exited $rc, expected 2"
    err_has "--base-url: a URL has no spaces or control characters"
    stamps url-merged | diff -u before.url - || fail "a merge refused for its options changed files"
    ;;

  noop)
    build 0 "${fast[@]}"
    log_has "$n lessons: $n built, 0 up to date, 0 failed"
    mtimes out >before
    build 0 "${fast[@]}"
    log_has "$n lessons up to date in"
    mtimes out >after
    diff -u before after || fail "a no-op build rewrote files"
    [[ ! -e out/.convlesson-staging ]] || fail "staging folder left behind"
    # Outputs deleted by hand are made again, where the build once called the
    # lesson up to date and its page linked the holes.
    hashes out >before.hashes
    frame=$(cd out && find . -path '*/frames/*' -name '*.svg' -printf '%P\n' | sort | sed -n 1p)  # (head would end sort with SIGPIPE)
    rm "out/$frame" out/assets/style.css
    build 0 "${fast[@]}"
    log_has "1 built, $((n - 1)) up to date"
    hashes out | diff -u before.hashes - || fail "a build did not make the deleted outputs again as they were"
    ;;

  edit-one)
    build 0 "${fast[@]}"
    for id in "${ids[@]}"; do mtimes "out/$id" >"before.$id"; done
    retitle leaky-relu "Leaky ReLU, edited"
    build 0 "${fast[@]}"
    log_has "$n lessons: 1 built, $((n - 1)) up to date, 0 failed"
    log_has "built leaky-relu"
    for id in conv-relu-pool padding-and-stride; do
      mtimes "out/$id" | diff -u "before.$id" - || fail "$id was rewritten though unchanged"
    done
    # The title is in the pages (the lesson's and its frame listings) and
    # lesson.json, not in the frames: only those are new.
    mtimes out/leaky-relu | grep -vFxf before.leaky-relu | cut -d' ' -f1 >new.leaky-relu || true
    printf 'frames/leaky-relu/index.html\nframes/no-activation/index.html\nframes/plain-relu/index.html\nindex.html\nlesson.json\n' | diff -u - new.leaky-relu ||
      fail "leaky-relu rewrote other files than its pages and JSON"
    grep -qF "Leaky ReLU, edited" out/leaky-relu/lesson.json || fail "lesson.json lacks the new title"
    grep -qF "Leaky ReLU, edited" out/index.html || fail "the course index lacks the new title"
    ;;

  ids)
    build 0 "${fast[@]}"
    # A lesson whose id changes: the new folder comes, the old one goes.
    sed -i 's/^id: leaky-relu$/id: leaky-relu-2/' lessons/leaky-relu.yaml
    build 0 "${fast[@]}"
    [[ -f out/leaky-relu-2/lesson.json && ! -e out/leaky-relu ]] || fail "the old id's folder was not replaced"
    grep -q '^lesson.leaky-relu$' out/.convlesson-manifest && fail "the manifest still lists the old id"
    # Two files with one id: the first (by name) keeps it, the second fails.
    sed 's/^title: .*/title: Impostor/' lessons/padding-and-stride.yaml >lessons/zz-copy.yaml
    build 1 "${fast[@]}"
    err_has "lessons/zz-copy.yaml:2:5: error: lesson id 'padding-and-stride' is already used by lessons/padding-and-stride.yaml"
    grep -q Impostor out/padding-and-stride/lesson.json && fail "the duplicate overwrote the first lesson"
    rm lessons/zz-copy.yaml
    # A copy named to come first fails all the same: the folder is the built file's.
    stamps out/padding-and-stride >before.padding
    sed 's/^title: .*/title: Impostor/' lessons/padding-and-stride.yaml >lessons/aa-copy.yaml
    build 1 "${fast[@]}"
    err_has "lessons/aa-copy.yaml:2:5: error: lesson id 'padding-and-stride' is already used by lessons/padding-and-stride.yaml"
    stamps out/padding-and-stride | diff -u before.padding - || fail "a copy named first took the lesson's folder over"
    rm lessons/aa-copy.yaml
    # A lesson file renamed, nothing else: its outputs stay the files they were.
    stamps out >before.all
    mv lessons/padding-and-stride.yaml lessons/stride.yaml
    build 0 "${fast[@]}"
    log_has "lessons up to date"
    stamps out | diff -u before.all - || fail "renaming a lesson file rewrote its outputs"
    grep -q '^source	../lessons/stride.yaml$' out/.convlesson-manifest || fail "the manifest lacks the new name"
    mv lessons/stride.yaml lessons/padding-and-stride.yaml
    build 0 "${fast[@]}"
    # Two files' names swapped: each lesson keeps its outputs.
    stamps out >before.all
    mv lessons/conv-relu-pool.yaml lessons/swap.tmp
    mv lessons/padding-and-stride.yaml lessons/conv-relu-pool.yaml
    mv lessons/swap.tmp lessons/padding-and-stride.yaml
    build 0 "${fast[@]}"
    log_has "$n lessons up to date"
    stamps out | diff -u before.all - || fail "swapping two lesson files' names rewrote their outputs"
    # The same folder through a link to it: the same lessons, up to date.
    ln -s lessons lessons-link
    rc=0
    "$bin" build lessons-link --templates templates "${fast[@]}" >"$work/log" 2>"$work/err" || rc=$?
    [[ $rc == 0 ]] || fail "building the lessons through a link exited $rc: $(cat "$work/err")"
    log_has "$n lessons up to date"
    stamps out | diff -u before.all - || fail "building through a link rewrote outputs"
    rm lessons-link
    # An id that names a course output is refused rather than replacing it.
    printf 'id: assets\ntitle: Assets\nimage: {pattern: {kind: diagonal}}\nfilter: identity\n' >lessons/assets.yaml
    build 1 "${fast[@]}"
    err_has "lessons/assets.yaml:1:5: error: lesson id 'assets' is the name of a course output in out/ (the shared assets/ folder); choose another id"
    [[ -f out/assets/style.css ]] || fail "the course assets were replaced"
    ;;

  edit-image)
    # A lesson reading a PNG (a frame of another lesson, resampled to 8x8).
    "$bin" build lessons/conv-relu-pool.yaml --templates templates --only png,json -o frames -q >"$work/log" 2>&1 ||
      fail "the default lesson's frames: $(cat "$work/log")"
    # All paths, then the first two: `| head` would end `sort` with SIGPIPE
    # now and then, and pipefail would end this script without a word.
    find frames/conv-relu-pool -name '*.png' | sort >all-pngs
    sed -n 1,2p all-pngs >pngs
    cp "$(sed -n 1p pngs)" lessons/picture.png
    printf 'id: from-a-picture\ntitle: From a picture\nimage: {file: picture.png, size: [8, 8]}\nfilter: sobel-x\n' \
      >lessons/from-a-picture.yaml
    build 0 "${fast[@]}"
    log_has "$((n + 1)) lessons: $((n + 1)) built"
    for id in "${ids[@]}" from-a-picture; do mtimes "out/$id" >"before.$id"; done
    touch lessons/picture.png  # same bytes: nothing to do
    build 0 "${fast[@]}"
    log_has "$((n + 1)) lessons up to date"
    cp "$(sed -n 2p pngs)" lessons/picture.png
    cmp -s "$(sed -n 1p pngs)" lessons/picture.png && fail "the two frames are identical; the test would prove nothing"
    build 0 "${fast[@]}"
    log_has "$((n + 1)) lessons: 1 built, $n up to date, 0 failed"
    log_has "built from-a-picture"
    for id in "${ids[@]}"; do mtimes "out/$id" | diff -u "before.$id" - || fail "$id was rewritten"; done
    rm lessons/picture.png
    build 1 "${fast[@]}"
    err_has "lessons/from-a-picture.yaml:3:"
    [[ -f out/from-a-picture/lesson.json ]] || fail "the lesson lost its last good outputs"
    ;;

  edit-template)
    build 0 "${fast[@]}"
    for id in "${ids[@]}"; do mtimes "out/$id" >"before.$id"; done
    stamps out >before.all
    echo "/* a course's own touch */" >>templates/style.css
    build 0 "${fast[@]}"
    # The pages link the stylesheet: they are made again, to the same bytes, and kept.
    log_has "$n lessons up to date; 1 file written (assets rebuilt)"
    stamps out >after.all
    echo assets/style.css | diff -u - <(rewritten before.all after.all) ||
      fail "a stylesheet edit rewrote more than the assets"
    cmp -s templates/style.css out/assets/style.css || fail "assets/style.css is not the edited template"
    # The page template: every page, and nothing else.
    sed -i 's|</body>|<!-- edited --></body>|' templates/lesson.mustache
    grep -qF -- '<!-- edited -->' templates/lesson.mustache || fail "the test did not edit the page template"
    build 0 "${fast[@]}"
    log_has "$n lessons: $n built, 0 up to date, 0 failed"
    stamps out >after.page
    printf '%s/index.html\n' "${ids[@]}" | sort | diff -u - <(rewritten after.all after.page) ||
      fail "a page template edit rewrote more than the pages"
    for id in "${ids[@]}"; do grep -qF -- '<!-- edited -->' "out/$id/index.html" || fail "$id's page lacks the edit"; done
    ;;

  delete-lesson)
    build 0 "${fast[@]}"
    mkdir -p out/mine out/.staging/drafts && echo keep >out/mine/notes.txt && echo keep >out/notes.txt
    echo keep >out/.staging/drafts/page.html  # a name builds once staged in
    mtimes out/conv-relu-pool >before
    rm lessons/leaky-relu.yaml
    # Removing outputs is asked for: a build keeps them, out of the index.
    build 0 "${fast[@]}"
    log_has "kept out/leaky-relu: its lesson file lessons/leaky-relu.yaml is gone (\`convlesson clean\` removes it)"
    [[ -f out/leaky-relu/lesson.json ]] || fail "a build without --prune removed outputs"
    grep -q leaky-relu out/index.html && fail "the index still lists the lesson whose file is gone"
    mtimes out/conv-relu-pool | diff -u before - || fail "an unchanged lesson was rewritten"
    # A PATH that is not there (a typo) cleans nothing: every folder would look
    # stale and the course file's settings would be dropped.
    stamps out >before.typo
    rc=0
    "$bin" clean lesson --templates templates >"$work/log" 2>"$work/err" || rc=$?
    [[ $rc == 1 ]] || fail "clean of a missing path exited $rc"
    err_has "lesson: error: no such file or folder"
    stamps out | diff -u before.typo - || fail "clean of a missing path changed out/"
    # A folder that was never built: nothing to clean, and no site made.
    "$bin" clean lessons --templates templates -o never-built >"$work/log" 2>"$work/err" || fail "clean of a missing out/ failed"
    log_has "nothing to clean: never-built does not exist"
    [[ ! -e never-built ]] || fail "clean made a new output folder"
    # A clean with other settings than the build's (here --paper) would make
    # course files that do not match the lessons': refused, nothing changed.
    rc=0
    "$bin" clean lessons --templates templates --paper letter >"$work/log" 2>"$work/err" || rc=$?
    [[ $rc == 1 ]] || fail "clean with another --paper exited $rc"
    err_has "was built with other settings than this clean's"
    stamps out | diff -u before.typo - || fail "a refused clean changed out/"
    # Options that make no sense without rendering are not taken.
    rc=0
    "$bin" clean lessons --templates templates --only html >"$work/log" 2>"$work/err" || rc=$?
    [[ $rc == 2 ]] || fail "clean --only exited $rc"
    "$bin" clean lessons --templates templates >"$work/log" 2>"$work/err" || fail "clean failed: $(cat "$work/err")"
    log_has "removed out/leaky-relu: its lesson file lessons/leaky-relu.yaml is gone"
    log_has "1 lesson folder removed"
    "$bin" clean lessons --templates templates >"$work/log" 2>"$work/err" || fail "clean failed: $(cat "$work/err")"
    log_has "nothing to remove in"
    [[ ! -e out/leaky-relu ]] || fail "outputs of the deleted lesson remain"
    [[ -f out/mine/notes.txt && -f out/notes.txt && -f out/.staging/drafts/page.html ]] ||
      fail "the build removed files it did not make"
    mtimes out/conv-relu-pool | diff -u before - || fail "an unchanged lesson was rewritten"
    grep -q leaky-relu out/index.html && fail "the index still lists the deleted lesson"
    grep -q leaky-relu out/.convlesson-manifest && fail "the manifest still lists the deleted lesson"
    # A build of one lesson file leaves the others' outputs alone, and in the index.
    "$bin" build lessons/conv-relu-pool.yaml --templates templates "${fast[@]}" --force >/dev/null
    [[ -d out/padding-and-stride ]] || fail "building one lesson removed another's outputs"
    grep -q 'href="padding-and-stride/index.html"' out/index.html || fail "building one lesson dropped another from the index"
    # build --prune removes as clean does.
    rm lessons/padding-and-stride.yaml
    build 0 "${fast[@]}" --prune
    log_has "removed out/padding-and-stride: its lesson file"
    [[ ! -e out/padding-and-stride ]] || fail "--prune left the outputs of a deleted lesson"
    ;;

  force-and-staging)
    build 0 "${fast[@]}"
    # As a killed build leaves it: a half-staged lesson and a stray temporary file.
    mkdir -p out/.convlesson-staging/conv-relu-pool/frames && echo partial >out/.convlesson-staging/conv-relu-pool/frames/x.svg
    echo partial >out/..convlesson-manifest.tmp4242-0
    build 0 "${fast[@]}"
    log_has "$n lessons up to date"
    [[ ! -e out/.convlesson-staging ]] || fail "stale staging folder not cleaned up"
    [[ ! -e out/..convlesson-manifest.tmp4242-0 ]] || fail "stale manifest temporary not cleaned up"
    build 0 "${fast[@]}" --force
    log_has "$n lessons: $n built, 0 up to date, 0 failed"
    # Outputs deleted by hand are rebuilt without --force.
    rm -r out/padding-and-stride
    build 0 "${fast[@]}"
    log_has "$n lessons: 1 built, $((n - 1)) up to date, 0 failed"
    [[ -f out/padding-and-stride/lesson.json ]] || fail "deleted outputs were not rebuilt"
    ;;

  ownership)
    # Files the build did not make are never replaced or removed without --replace-unowned.
    mkdir -p out/conv-relu-pool out/assets
    echo notes >out/conv-relu-pool/thesis.txt
    echo css >out/assets/mine.css
    build 1 "${fast[@]}"
    err_has "lessons/conv-relu-pool.yaml:3:5: error: out/conv-relu-pool/thesis.txt was not made by convlesson, and building would replace out/conv-relu-pool; move it out of the way, or pass --replace-unowned to let the build delete it"
    [[ $(cat out/conv-relu-pool/thesis.txt) == notes && $(cat out/assets/mine.css) == css ]] || fail "a foreign file was lost"
    mv out/conv-relu-pool/thesis.txt thesis.txt
    build 1 "${fast[@]}"
    err_has "convlesson: error: out/assets/mine.css was not made by convlesson, and building would replace out/assets"
    log_has "; failed: see the errors above"  # every lesson built, but the build failed: the summary says so
    [[ $(cat out/assets/mine.css) == css ]] || fail "the foreign stylesheet was lost"
    [[ ! -e out/index.html ]] || fail "the course was published over a foreign folder"
    build 0 "${fast[@]}" --replace-unowned
    [[ ! -e out/assets/mine.css && -f out/assets/style.css ]] || fail "--replace-unowned did not replace out/assets"
    # A file added to a folder the build made: kept on rebuild (which fails) and on removal.
    echo mine >out/leaky-relu/notes.txt
    retitle leaky-relu "Leaky, edited"
    build 1 "${fast[@]}"
    err_has "out/leaky-relu/notes.txt was not made by convlesson"
    [[ -f out/leaky-relu/notes.txt ]] || fail "a note in a built folder was lost on rebuild"
    rm lessons/leaky-relu.yaml
    build 0 "${fast[@]}" --prune
    log_has "kept out/leaky-relu/notes.txt: convlesson did not make it"
    log_has "removed the outputs in out/leaky-relu (the folder stays for the files kept): its lesson file lessons/leaky-relu.yaml is gone"
    log_has "1 lesson folder emptied (files of yours kept)"
    [[ -f out/leaky-relu/notes.txt && ! -e out/leaky-relu/lesson.json ]] || fail "stale removal took the wrong files"
    # A course file the user dropped into assets/ after a build survives the next course build.
    echo css >out/assets/mine.css
    retitle conv-relu-pool "Edited again"
    build 1 "${fast[@]}"
    err_has "out/assets/mine.css was not made by convlesson"
    [[ -f out/assets/mine.css ]] || fail "a stylesheet added to out/assets was lost"
    rm out/assets/mine.css
    build 0 "${fast[@]}"
    # Without the manifest (a cache that dropped hidden files) nothing there
    # is known to be the build's: refused, saying why, the files kept.
    mv out/.convlesson-manifest manifest.saved
    retitle conv-relu-pool "Edited once more"
    build 1 "${fast[@]}"
    err_has "(out/.convlesson-manifest, the list of the files builds made, is missing, so no file there is known to be convlesson's"
    [[ -f out/conv-relu-pool/lesson.json ]] || fail "a build without its manifest removed outputs"
    build 0 "${fast[@]}" --replace-unowned
    [[ -f out/.convlesson-manifest ]] || fail "--replace-unowned wrote no manifest"
    # An output folder that is, holds or is above the lessons, the root or home: a usage error.
    mkdir -p lessons/cat && cp "$src/docs/img/frame-conv.png" lessons/cat/photo.png
    for out in lessons . / "$work"; do
      build 2 "${fast[@]}" -o "$out"
      err_has "convlesson build: error: -o '$out': "
    done
    HOME=$work/home build 2 "${fast[@]}" -o "$work/home/"
    err_has "your home folder cannot be the output folder"
    [[ -f lessons/cat/photo.png ]] || fail "a lesson's image was lost"
    # An id that another lesson file made in out/ is refused, also when only this file is built.
    mkdir more && sed 's/^title: .*/title: Impostor/' lessons/padding-and-stride.yaml >more/copy.yaml
    rc=0
    "$bin" build more/copy.yaml --templates templates "${fast[@]}" >"$work/log" 2>"$work/err" || rc=$?
    [[ $rc == 1 ]] || fail "a clashing id exited $rc, expected 1"
    err_has "more/copy.yaml:2:5: error: lesson id 'padding-and-stride' is already used by lessons/padding-and-stride.yaml, whose outputs are in out/padding-and-stride; give this lesson another id"
    ! grep -q Impostor out/padding-and-stride/lesson.json || fail "the clashing lesson replaced another's outputs"
    ;;

  base-url)
    # embed.html's paths: relative without --base-url, from it with one; a
    # changed URL rewrites every embed.html and nothing else.
    embed=(--only svg,html,embed)
    build 0 "${embed[@]}"
    for id in "${ids[@]}"; do
      grep -qF '<script src="../assets/player.js" data-convlesson-asset></script>' "out/$id/embed.html" ||
        fail "$id/embed.html does not load ../assets/player.js"
    done
    [[ -f out/assets/embed.css && -f out/assets/player.js ]] || fail "the embed's assets are missing"
    stamps out >before
    build 0 "${embed[@]}" --base-url https://example.org/course
    log_has "$n lessons: $n built, 0 up to date, 0 failed"
    stamps out >after
    rewritten before after | grep -v '^\.' >changed || true
    printf '%s/embed.html\n' "${ids[@]}" | diff -u - changed || fail "--base-url rewrote other files than embed.html"
    grep -qF 'src="https://example.org/course/leaky-relu/frames/' out/leaky-relu/embed.html ||
      fail "leaky-relu/embed.html's frames do not start at the base URL"
    grep -qF '<link rel="stylesheet" href="https://example.org/course/assets/embed.css" data-convlesson-asset>' \
      out/leaky-relu/embed.html || fail "leaky-relu/embed.html's stylesheet does not start at the base URL"
    cp out/leaky-relu/embed.html first
    build 0 "${embed[@]}" --base-url https://example.org/course/ --force
    cmp -s first out/leaky-relu/embed.html || fail "embed.html differs between two builds"
    # --only embed alone still gets the assets it loads.
    rm -rf out
    build 0 --only svg,embed
    [[ -f out/leaky-relu/embed.html && -f out/assets/player.js && -f out/assets/embed.css ]] ||
      fail "--only svg,embed lacks embed.html or its assets"
    [[ ! -e out/index.html && ! -e out/leaky-relu/index.html ]] || fail "--only svg,embed wrote pages"
    build 2 --base-url "/my lessons/"
    err_has "--base-url: a URL has no spaces or control characters (write a space as %20)"
    build 2 --base-url "$(printf 'https://example.org/\xe9')"
    err_has "--base-url"
    err_has "UTF-8"
    ;;

  usage-errors)
    build 2 --only svg,jpg
    err_has "--only: unknown output kind 'jpg' (expected a comma list of svg, png, gif, anim-svg, pdf, html, embed, json, slides, pdf-frames)"
    build 2 --only ''  # an unset variable, say: not "every kind"
    err_has "--only: names no kind of output"
    SOURCE_DATE_EPOCH=yesterday build 2
    err_has "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got 'yesterday'"
    rc=0
    "$bin" build lessons --templates no-such-folder >"$work/log" 2>"$work/err" || rc=$?
    [[ $rc == 2 ]] || fail "a missing templates folder exited $rc, expected 2"
    err_has "templates folder 'no-such-folder' does not exist"
    build 2 -j -3
    build 2 --layout portrait
    err_has "--layout: portrait not in {wide,slides,tall}"
    build 2 --handout short
    err_has "--handout: short not in {brief,full}"
    # A mistyped command is named, with the nearest one.
    rc=0
    "$bin" biuld lessons >"$work/log" 2>"$work/err" || rc=$?
    [[ $rc == 2 ]] || fail "an unknown command exited $rc, expected 2"
    err_has "convlesson: unknown command 'biuld'; did you mean 'build'?"
    err_has "The commands: check compute dump build watch clean merge new init"
    [[ ! -e out ]] || fail "a usage error wrote outputs"
    ;;

  failing-lesson)
    build 0 "${fast[@]}"
    for id in "${ids[@]}"; do hashes "out/$id" >"before.$id"; done
    mtimes out/padding-and-stride >before.mtimes
    cp out/index.html index.before
    retitle conv-relu-pool "Convolve, edited"
    printf 'fitler: vertical-edge\n' >>lessons/leaky-relu.yaml
    build 1 "${fast[@]}"
    err_has "lessons/leaky-relu.yaml:"
    err_has "error: unknown key 'fitler'"
    log_has "$n lessons: 1 built, $((n - 2)) up to date, 1 failed"
    hashes out/leaky-relu | diff -u before.leaky-relu - || fail "the failing lesson's last good outputs changed"
    hashes out/conv-relu-pool | cmp -s before.conv-relu-pool - && fail "the good edited lesson was not rebuilt"
    mtimes out/padding-and-stride | diff -u before.mtimes - || fail "an unchanged lesson was rewritten"
    cmp -s index.before out/index.html || fail "the course index changed although a lesson failed"
    # --fail-fast stops at the first failing lesson (in file order with -j 1).
    printf 'fitler: vertical-edge\n' >>lessons/conv-relu-pool.yaml
    retitle padding-and-stride "Padding, edited"
    build 1 "${fast[@]}" -j 1 --fail-fast
    log_has "failed lessons/conv-relu-pool.yaml"
    grep -qF "padding-and-stride" "$work/log" && fail "--fail-fast went on after the first failure"
    # Its summary counts every lesson, those it never started too.
    grep -qE "^$n lessons: [0-9]+ built, [0-9]+ up to date, 1 failed, [1-9][0-9]* not started;" "$work/log" ||
      fail "the --fail-fast summary leaves out the lessons never started: $(tail -1 "$work/log")"
    # A first build into a new folder whose lessons all fail leaves no folder behind.
    for dir in fresh-out given-out; do
      [[ $dir == given-out ]] && mkdir given-out
      rc=0
      "$bin" build lessons/conv-relu-pool.yaml --templates templates -o $dir >"$work/log" 2>"$work/err" || rc=$?
      [[ $rc == 1 ]] || fail "building a failing lesson into $dir exited $rc"
    done
    [[ ! -e fresh-out ]] || fail "a failed first build left its new folder behind: $(ls -A fresh-out)"
    [[ -d given-out ]] || fail "a failed build removed a folder it did not make"
    # A first build where one lesson fails: the others' pages get their
    # assets and an index listing them (they once loaded unstyled, linking to
    # a missing index); fixed, the next build lists it too.
    rc=0
    "$bin" build lessons/conv-relu-pool.yaml lessons/dilation.yaml --templates templates -o first-out \
      >"$work/log" 2>"$work/err" || rc=$?
    [[ $rc == 1 ]] || fail "a first build with a failing lesson exited $rc"
    [[ -f first-out/dilation/index.html && -f first-out/assets/player.js && -f first-out/assets/style.css ]] ||
      fail "the built lesson's page lacks its assets: $(ls -A first-out)"
    grep -qF 'href="dilation/index.html"' first-out/index.html || fail "the first build's index lacks dilation"
    ! grep -qF 'conv-relu-pool/' first-out/index.html || fail "the index links the lesson that failed"
    # Fixed again: everything builds and the course catches up.
    sed -i '/^fitler:/d' lessons/leaky-relu.yaml lessons/conv-relu-pool.yaml
    build 0 "${fast[@]}"
    grep -qF "Convolve, edited" out/index.html || fail "the course index did not catch up"
    "$bin" build lessons/conv-relu-pool.yaml lessons/dilation.yaml --templates templates -o first-out \
      >"$work/log" 2>"$work/err" || fail "the fixed first build failed: $(cat "$work/err")"
    grep -qF 'href="conv-relu-pool/index.html"' first-out/index.html || fail "the fixed lesson is not in the index"
    ;;

  werror)
    # A beat budget smaller than the rows forces fewer beats, which the build warns about.
    printf 'beats: {per: auto, max: 5}\n' >>lessons/padding-and-stride.yaml
    build 0 "${fast[@]}"
    grep -qF "lessons/padding-and-stride.yaml:" "$work/err" || fail "no located warning: $(cat "$work/err")"
    err_has ": warning: "
    hashes out/padding-and-stride >before
    # Up to date: the warning is replayed from the manifest, and --werror fails it.
    build 0 "${fast[@]}"
    err_has ": warning: "
    build 1 "${fast[@]}" --werror
    err_has ": error: "
    err_has "[--werror]"
    hashes out/padding-and-stride | diff -u before - || fail "--werror replaced the last good outputs"
    # The course file's warnings too, as `check --werror` fails them.
    sed -i '/^beats: {per: auto, max: 5}$/d' lessons/padding-and-stride.yaml
    cp lessons/course.yaml course.saved
    sed -i 's/^language: en$/language: fr/' lessons/course.yaml
    build 1 "${fast[@]}" --werror
    err_has "lessons/course.yaml:"
    err_has "no message catalogue for language 'fr'"
    err_has "[--werror]"
    # On a terminal, an error is coloured; with CI=true (a CI runner that
    # gives a terminal), never (docs/ci.md).
    if command -v script >/dev/null; then
      mkdir -p tty && printf 'title: T\nimage: {pattern: vertical-bar}\nfitler: x\n' >tty/bad.yaml
      for ci in false true; do
        env -u NO_COLOR CI=$ci script -qec "'$bin' build tty --templates templates -o out-tty" /dev/null \
          >tty.log 2>&1 || true
        grep -qF "unknown key 'fitler'" tty.log || fail "no error on the terminal: $(cat tty.log)"
        if [[ $ci == true ]]; then grep -q $'\e\[' tty.log && fail "CI=true coloured the log"; fi
        if [[ $ci == false ]]; then grep -q $'\e\[' tty.log || fail "a terminal got no colour"; fi
      done
      # The course file's errors, and check's, are coloured as a lesson's are.
      printf 'paper: a5\n' >tty/course.yaml
      for cmd in "build tty --templates templates -o out-tty" "check tty"; do
        env -u NO_COLOR CI=false script -qec "'$bin' $cmd" /dev/null >tty.log 2>&1 || true
        grep -q $'course.yaml:1:8\e\[0m: \e\[1;31merror' tty.log || fail "${cmd%% *} did not colour the course file's error: $(cat -v tty.log)"
      done
    fi
    cp course.saved lessons/course.yaml
    ;;

  concurrent)
    # Two builds of the same out/ at once: the second waits for the first.
    "$bin" build lessons --templates templates -o out -j 1 >log1 2>&1 &
    first=$!
    sleep 0.2
    "$bin" build lessons --templates templates -o out -j 1 >log2 2>&1 &
    second=$!
    rc1=0 rc2=0
    wait $first || rc1=$?
    wait $second || rc2=$?
    [[ $rc1 == 0 && $rc2 == 0 ]] || { cat log1 log2 >&2; fail "concurrent builds exited $rc1 and $rc2"; }
    grep -qF "waiting for another convlesson build to finish with 'out'" log2 || { cat log1 log2 >&2; fail "the second build did not wait"; }
    grep -qF "$n lessons up to date" log2 || fail "the second build redid the first one's work: $(cat log2)"
    # The second build's time is its own, not the wait: far below the first's.
    took() { awk '/ in [0-9.]+ m?s$/ { t = $(NF - 1) * ($NF == "s" ? 1000 : 1) } END { print t }' "$1"; }
    t1=$(took log1) t2=$(took log2)
    [[ -n $t1 && -n $t2 ]] || fail "no build time in the summaries: $(cat log1 log2)"
    awk -v a="$t1" -v b="$t2" 'BEGIN { exit !(b * 2 < a) }' || fail "the second build counted the wait in its time ($t2 ms against $t1 ms)"
    build 0
    log_has "$n lessons up to date"
    [[ ! -e out/.convlesson-staging ]] || fail "staging folder left behind"
    ;;

  kill)
    # Builds killed at random points must leave each out/<id> and the index
    # exactly as version A or B (or, on a file system without atomic
    # exchange, moved aside for the next build to put back), and the next
    # build must finish the job.
    make_versions
    start=$(date +%s%N)
    build 0 "${fast[@]}" -j 2
    took_ms=$((($(date +%s%N) - start) / 1000000 + 50))
    version=B kills=0 deadline=$(($(date +%s) + 150))
    while ((kills < 30 && $(date +%s) < deadline)); do
      version=$(other_version $version)
      use_version $version
      "$bin" build lessons --templates templates "${fast[@]}" -j 2 >/dev/null 2>&1 &
      pid=$!
      ms=$((RANDOM % took_ms))
      sleep "$((ms / 1000)).$(printf %03d $((ms % 1000)))"
      kill -KILL $pid 2>/dev/null || true
      wait $pid 2>/dev/null || true
      kills=$((kills + 1))
      check_either_version "kill $kills after ${ms} ms" aside
    done
    ((kills >= 10)) || fail "only $kills kills in the time allowed"
    # The next build finishes the job and cleans up after the killed ones.
    build 0 "${fast[@]}"
    check_version $version "the build after $kills kills"
    echo "killed $kills builds"
    ;;

  course-pdf-fails)
    # course.pdf cannot be written: the index and assets made in the same run
    # are published anyway, the last good course.pdf stays, the build fails,
    # and the next build makes the course again. With -j 1 the course is
    # rendered after the lessons; with -j 3 it is drafted beside them and the
    # write fails when the draft is put in place.
    for j in 1 3; do
      rm -rf out lessons && cp -r "$src/lessons" lessons
      pdf=(--only svg,json,html,pdf -j "$j")
      CONVLESSON_TEST_FAIL_WRITE=course.pdf build 1 "${pdf[@]}"
      err_has "out: error: cannot write course.pdf: cannot write 'out/.convlesson-staging/.course/course.pdf':"
      [[ -f out/index.html && -f out/assets/style.css ]] || fail "-j $j: the index was not published without course.pdf"
      [[ ! -e out/course.pdf ]] || fail "-j $j: a course.pdf appeared although it could not be written"
      grep -q '^course-pdf	' out/.convlesson-manifest && fail "-j $j: the manifest calls the missing course.pdf up to date"
      build 0 "${pdf[@]}"
      [[ -f out/course.pdf ]] || fail "-j $j: the build after the failure did not write course.pdf"
      cp out/course.pdf course.good
      retitle leaky-relu "Leaky ReLU, edited"
      CONVLESSON_TEST_FAIL_WRITE=course.pdf build 1 "${pdf[@]}"
      log_has "$n lessons: 1 built, $((n - 1)) up to date, 0 failed"
      grep -qF "Leaky ReLU, edited" out/index.html || fail "-j $j: the new index was not published"
      cmp -s course.good out/course.pdf || fail "-j $j: the last good course.pdf was not kept"
      [[ ! -e out/.convlesson-staging ]] || fail "-j $j: staging folder left behind"
      build 0 "${pdf[@]}"
      log_has "$n lessons up to date"
      cmp -s course.good out/course.pdf && fail "-j $j: the next build did not make course.pdf again"
      build 0 "${pdf[@]}"
      log_has "$n lessons up to date in"  # and now nothing is left to do
    done
    ;;

  lesson-file-fails)
    # A lesson's file cannot be written: one of those that draw nothing
    # (lesson.json: in a build at -j 2 a lesson computed while the graphics
    # libraries load writes them then, docs/performance.md, session 34) or a
    # PDF (written later). Every lesson fails with that one error, its last
    # good outputs stay, nothing is left in staging, and the next build
    # publishes them all.
    most=(--only svg,json,html,pdf)
    build 0 "${most[@]}"
    for id in "${ids[@]}"; do hashes "out/$id" >"before.$id"; done
    for id in "${ids[@]}"; do retitle "$id" "Edited $id"; done
    for file in lesson.json handout.pdf; do
      for j in 1 2; do
        CONVLESSON_TEST_FAIL_WRITE=$file build 1 "${most[@]}" -j $j
        log_has "$n lessons: 0 built, 0 up to date, $n failed"
        told=$(grep -c "error: cannot write $file" "$work/err" || true)
        ((told == n)) || fail "-j $j, $file: told $told times for $n lessons: $(cat "$work/err")"
        for id in "${ids[@]}"; do
          hashes "out/$id" | diff -u "before.$id" - || fail "-j $j: out/$id changed although $file failed"
        done
        [[ ! -e out/.convlesson-staging ]] || fail "-j $j: staging folder left behind"
      done
    done
    build 0 "${most[@]}"
    log_has "$n lessons: $n built, 0 up to date, 0 failed"
    for id in "${ids[@]}"; do grep -qF "Edited $id" "out/$id/lesson.json" || fail "$id was not published after"; done
    ;;

  flush-fails)
    # The background writeback's flush meets a write error (forced as the
    # build starts rendering): the kernel tells such an error to one sync
    # only, so the flush's error must fail the publishing itself. Every
    # edited lesson fails, its last good outputs stay, and the next build
    # publishes them.
    build 0 "${fast[@]}"
    # Nothing to render, nothing flushed: no error.
    CONVLESSON_TEST_FAIL_FLUSH=1 build 0 "${fast[@]}"
    log_has "$n lessons up to date"
    for id in "${ids[@]}"; do hashes "out/$id" >"before.$id"; done
    cp out/index.html index.before
    retitle conv-relu-pool "Convolve, edited"
    for j in 1 2; do
      CONVLESSON_TEST_FAIL_FLUSH=1 build 1 "${fast[@]}" -j $j
      err_has "lessons/conv-relu-pool.yaml: error: cannot sync 'out': Input/output error"
      log_has "$n lessons: 0 built, $((n - 1)) up to date, 1 failed"
      for id in "${ids[@]}"; do
        hashes "out/$id" | diff -u "before.$id" - || fail "-j $j: out/$id changed although its sync failed"
      done
      cmp -s index.before out/index.html || fail "-j $j: the index changed although the lesson failed"
      [[ ! -e out/.convlesson-staging ]] || fail "-j $j: staging folder left behind"
    done
    build 0 "${fast[@]}"
    log_has "$n lessons: 1 built, $((n - 1)) up to date, 0 failed"
    grep -qF "Convolve, edited" out/index.html || fail "the build after the failed flush did not publish"
    ;;

  crash-points)
    # A kill between two steps of the build is too rare to hit at random:
    # CONVLESSON_TEST_CRASH_AT kills the build (SIGKILL) at each named step,
    # with the atomic exchange and with its fallback. Each crashed build goes
    # from one version to the other; the next build then either goes back
    # (the crashed build's partial work must not pass for up to date) or
    # finishes the change.
    make_versions
    build 0 "${fast[@]}"
    current=B
    crashes=0
    for mode in exchange fallback; do
      export CONVLESSON_TEST_NO_EXCHANGE=$([[ $mode == fallback ]] && echo 1 || echo 0)
      # (A title changes each lesson's page and JSON and the index, not the
      # assets: the one course entry swapped is index.html.)
      points=(lesson-staged lesson-pending lesson-swapped lesson-swapped@3 lesson-recorded swapped@2
              course-staged course-pending course-entry-swapped course-recorded)
      # The fallback moves the old version aside first: lessons 1 and 3, then index.html.
      [[ $mode == fallback ]] && points+=(moved-aside moved-aside@3 moved-aside@4)
      for point in "${points[@]}"; do
        for next in back forward; do
          context="$mode: crash at $point, then building the $next version"
          use_version "$(other_version $current)"
          CONVLESSON_TEST_CRASH_AT=$point build 137 "${fast[@]}" -j 2
          crashes=$((crashes + 1))
          if [[ $mode == fallback ]]; then
            # Killed with the old version moved aside, out/<id> may be missing
            # until a build puts it back; a build killed right after
            # recovering must still leave a complete version.
            check_either_version "$context" aside
            CONVLESSON_TEST_CRASH_AT=staging-recovered build 137 "${fast[@]}"
          fi
          check_either_version "$context"
          [[ $next == forward ]] && current=$(other_version $current)
          use_version $current
          build 0 "${fast[@]}"
          [[ ! -s $work/err ]] || fail "$context: the build complained: $(cat "$work/err")"
          check_version $current "$context"
        done
      done
    done
    unset CONVLESSON_TEST_NO_EXCHANGE
    # A lesson file deleted, the build killed after removing its folder, the file restored.
    rm lessons/leaky-relu.yaml
    CONVLESSON_TEST_CRASH_AT=stale-removed build 137 "${fast[@]}" --prune
    [[ ! -e out/leaky-relu ]] || fail "the crash point came before the removal"
    use_version $current
    build 0 "${fast[@]}"
    check_version $current "crash at stale-removed, then the lesson file restored"
    # A crash point that the build never reaches is an error of the test, not a pass.
    CONVLESSON_TEST_CRASH_AT=no-such-step build 0 "${fast[@]}"
    log_has "$n lessons up to date"
    echo "checked $crashes crashes"
    ;;

  determinism)
    # -j 1 against -j 8 a second later, in another time zone and locale, with
    # the lesson files named in another order: identical bytes, manifest included.
    build 0 -o out1 -j 1
    sleep 1
    # (The course file too: named files alone would build without it.)
    # Every lesson file, named in reverse order.
    mapfile -t reversed < <(ls lessons/*.yaml | sort -r)
    TZ=Pacific/Auckland LC_ALL=C.UTF-8 LANG=de_DE.UTF-8 "$bin" build "${reversed[@]}" --templates templates -o out8 -j 8 >log 2>err ||
      fail "second build failed: $(cat err)"
    hashes out1 >one
    hashes out8 >eight
    [[ $(wc -l <one) -gt 100 ]] || fail "suspiciously few files: $(wc -l <one)"
    diff -u one eight || fail "output depends on -j, time, locale or file order"
    ;;

  source-date-epoch)
    build 0 -o out-plain
    SOURCE_DATE_EPOCH=1700000000 build 0 -o out-dated
    hashes_of_outputs out-plain >plain
    hashes_of_outputs out-dated >dated
    # Only PDFs may differ, and they carry 2023-11-14 22:13:20 UTC as their date.
    others=$(diff plain dated | grep '^[<>]' | grep -v '\.pdf$' || true)
    [[ -z $others ]] || fail "SOURCE_DATE_EPOCH changed more than the PDFs: $others"
    pdfs=$(find out-dated -name '*.pdf' | wc -l)
    if ((pdfs > 0)); then
      diff plain dated >/dev/null && fail "SOURCE_DATE_EPOCH changed no PDF"
      for pdf in $(find out-dated -name '*.pdf'); do
        grep -aq "20231114221320" "$pdf" || fail "$pdf does not carry the date of SOURCE_DATE_EPOCH"
      done
    fi
    ;;

  new)
    "$bin" new my-first-lesson >log 2>err || fail "new failed: $(cat err)"
    grep -qxF "wrote lessons/my-first-lesson.yaml" log || fail "new did not say what it wrote: $(cat log)"
    grep -q "^id: my-first-lesson " lessons/my-first-lesson.yaml || fail "the scaffold lacks its id"
    grep -q "^title: My first lesson " lessons/my-first-lesson.yaml || fail "the scaffold lacks its title"
    "$bin" check --werror lessons/my-first-lesson.yaml >log 2>err || fail "the scaffold does not pass check: $(cat err)"
    cp lessons/my-first-lesson.yaml before
    rc=0
    "$bin" new my-first-lesson >log 2>err || rc=$?
    [[ $rc == 1 ]] || fail "new over an existing lesson exited $rc, expected 1"
    grep -qF "not writing 'lessons/my-first-lesson.yaml': it already exists" err || fail "unclear refusal: $(cat err)"
    cmp -s before lessons/my-first-lesson.yaml || fail "new changed an existing lesson"
    # Names of the course file and course outputs: the scaffold would be read
    # as the course file, or fail as a lesson.
    for bad in My-Lesson ../escape -dash "a b" "" course index assets; do
      rc=0
      "$bin" new "$bad" >log 2>err || rc=$?
      [[ $rc == 2 ]] || fail "new '$bad' exited $rc, expected 2"
    done
    [[ ! -e escape.yaml && ! -e lessons/../escape.yaml ]] || fail "new wrote outside lessons/"
    cmp -s lessons/course.yaml "$src/lessons/course.yaml" || fail "new course changed the course file"
    [[ ! -e lessons/index.yaml && ! -e lessons/assets.yaml ]] || fail "new wrote a lesson named after a course output"
    build 0 "${fast[@]}" --werror
    log_has "built my-first-lesson"
    ;;

  watch)
    "$bin" watch lessons --templates templates "${fast[@]}" --interval 50 >log 2>err &
    pid=$!
    wait_for "$n lessons: $n built, 0 up to date, 0 failed" log
    wait_for "watching" log
    retitle leaky-relu "Watched edit"
    wait_for "1 built, $((n - 1)) up to date" log
    grep -qF "Watched edit" out/leaky-relu/lesson.json || fail "watch did not rebuild the edited lesson"
    printf 'fitler: x\n' >>lessons/leaky-relu.yaml
    wait_for "lessons/leaky-relu.yaml:" err
    grep -qF "Watched edit" out/leaky-relu/lesson.json || fail "a failing edit replaced the last good outputs"
    sed -i '/^fitler:/d' lessons/leaky-relu.yaml  # fixed: back to what out/ holds
    wait_for "$n lessons up to date" log
    echo "/* edited */" >>templates/style.css
    wait_for "assets rebuilt" log
    # A lesson whose image is not there yet: once the image appears, it builds;
    # replaced by another picture, it builds again.
    printf 'id: late-picture\ntitle: Late picture\nimage: {file: late.png, size: [8, 8]}\nfilter: sobel-x\n' >lessons/late.yaml
    wait_for "lessons/late.yaml:3:" err
    cp "$src/docs/img/frame-conv.png" lessons/late.png
    wait_for "built late-picture" log
    cp "$src/docs/img/realistic-pool.png" lessons/late.png
    for _ in $(seq 600); do (($(grep -c "built late-picture" log) >= 2)) && break; sleep 0.1; done
    (($(grep -c "built late-picture" log) >= 2)) || fail "replacing the image built nothing: $(cat log)"
    kill -TERM $pid
    rc=0
    wait $pid || rc=$?
    [[ $rc == 0 ]] || fail "watch exited $rc on SIGTERM"
    grep -qxF "stopped watching" log || fail "watch did not stop cleanly: $(cat log)"
    [[ ! -e out/.convlesson-staging ]] || fail "watch left a staging folder"
    ;;

  watch-unrelated-files)
    # Its own log in the watched folder, the output folder inside it and
    # files there that no lesson reads are no inputs: none starts a build
    # (the log made watch rebuild forever, each build writing to it).
    "$bin" watch lessons --templates templates "${fast[@]}" --interval 50 -o lessons/out \
      >lessons/watch.log 2>lessons/watch.err &
    pid=$!
    wait_for "$n lessons: $n built" lessons/watch.log
    wait_for "watching" lessons/watch.log
    echo "notes" >lessons/notes.txt
    mkdir lessons/drafts && echo "idea" >lessons/drafts/idea.md
    cp "$src/docs/img/frame-conv.png" lessons/unused.png
    sleep 1  # about 20 polls
    ! grep -q "^changed:" lessons/watch.log || fail "a file that is no input started a build: $(cat lessons/watch.log)"
    # A lesson file still does, once.
    retitle leaky-relu "Watched edit"
    wait_for "1 built, $((n - 1)) up to date" lessons/watch.log
    sleep 1
    [[ $(grep "^changed:" lessons/watch.log) == "changed: lessons/leaky-relu.yaml" ]] ||
      fail "one edit did not start exactly one build: $(cat lessons/watch.log)"
    kill -TERM $pid
    wait_exit
    [[ $rc == 0 ]] || fail "watch exited $rc on SIGTERM: $(cat lessons/watch.err)"
    ;;

  watch-missing-path)
    # A PATH that is not there (a typo) is an error, as for build: watch does
    # not start (it watched the current folder instead).
    # watch_missing MISSING [PATH...]: watch of the paths fails at once, naming MISSING.
    watch_missing() {
      local missing=$1 rc=0
      # (The timeout ends a watch that started anyway.)
      timeout 20 "$bin" watch "$@" --templates templates "${fast[@]}" --interval 50 >log 2>err || rc=$?
      [[ $rc == 1 ]] || fail "watch $* exited $rc, expected 1: $(cat log err)"
      err_has "$missing: error: no such file or folder"
      [[ ! -e out ]] || fail "watch $* built something"
    }
    watch_missing lesons
    watch_missing lessons/typo.yaml lessons
    ;;

  watch-interrupted)
    # A Ctrl-C during a rebuild (raised by the build itself once the edited
    # lesson is recorded, before the course files) leaves the index stale:
    # watch says so and exits 1 (it said "stopped watching" and exited 0).
    build 0 "${fast[@]}"
    CONVLESSON_TEST_INTERRUPT_AT=lesson-recorded "$bin" watch lessons --templates templates "${fast[@]}" \
      --interval 50 >log 2>err &
    pid=$!
    wait_for "watching" log
    retitle leaky-relu "Interrupted edit"
    wait_exit
    [[ $rc == 1 ]] || fail "watch stopped during a rebuild exited $rc, expected 1: $(cat log err)"
    err_has "stopped during a rebuild: 'out' is not up to date; run convlesson build"
    ! grep -qxF "stopped watching" log || fail "watch claimed a clean stop: $(cat log)"
    # What it said is true, and a build finishes the job.
    grep -qF "Interrupted edit" out/index.html && fail "the course index was up to date: the test proves nothing"
    build 0 "${fast[@]}"
    grep -qF "Interrupted edit" out/index.html || fail "the build after the interrupted watch left the index stale"
    ;;

  *)
    fail "unknown case '$case_name'"
    ;;
esac
