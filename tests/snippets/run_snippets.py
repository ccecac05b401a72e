#!/usr/bin/env python3
"""Runs the "Reproduce it" programs of every lesson page a build wrote.

Usage: run_snippets.py SITE_DIR LESSONS_DIR...

For each lesson of the LESSONS_DIRs (every *.yaml but course.yaml), reads
SITE_DIR/<id>/index.html, takes out each variant's PyTorch and NumPy programs
(the <code> elements the page shows and copies), runs each with this python3
and checks that it prints the lesson.json maps of its variant: the feature
map, the map after the activation and, when the lesson pools, the pooled map,
every value within 1e-9 (relative) of lesson.json's. A variant with a filter
list (lesson.json's "filters") prints each filter's maps under numbered
headings ("Feature map 2:"). Fails on a missing page,
a missing program, a program that fails, or any other number.
"""
import html.parser
import json
import math
import os
import subprocess
import sys

HEADINGS = ["Feature map:", "After the activation:", "After pooling:"]
KEYS = ["conv", "activation", "pool"]


class CodeBlocks(html.parser.HTMLParser):
    """The text of every <code id="..."> element, by id."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = {}
        self._current = None

    def handle_starttag(self, tag, attrs):
        if tag == "code":
            self._current = dict(attrs).get("id")
            if self._current:
                self.blocks[self._current] = ""

    def handle_endtag(self, tag):
        if tag == "code":
            self._current = None

    def handle_data(self, data):
        if self._current:
            self.blocks[self._current] += data


def lesson_ids(lessons_dir):
    ids = []
    for name in sorted(os.listdir(lessons_dir)):
        if not name.endswith(".yaml") or name == "course.yaml":
            continue
        with open(os.path.join(lessons_dir, name), encoding="utf-8") as f:
            lesson_id = next((line.split(":", 1)[1].strip() for line in f if line.startswith("id:")), name[:-5])
        ids.append(lesson_id)
    return ids


def parse_output(text):
    maps, current = {}, None
    for line in text.splitlines():
        if line.endswith(":"):
            current = maps.setdefault(line, [])
        elif line.strip():
            if current is None:
                raise ValueError(f"a row before any heading: {line!r}")
            current.append([float(v) for v in line.split()])
    return maps


def same_map(got, want):
    if len(got) != len(want) or any(len(g) != len(w) for g, w in zip(got, want)):
        return False
    return all(math.isclose(g, w, rel_tol=1e-9, abs_tol=1e-9) for gr, wr in zip(got, want) for g, w in zip(gr, wr))


def check(program, variant, where):
    run = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=300)
    if run.returncode != 0:
        missing = "torch" if "No module named 'torch'" in run.stderr else "numpy" if "No module named 'numpy'" in run.stderr else None
        hint = f" (install Debian's python3-{missing}; scripts/test.sh does)" if missing else ""
        return [f"{where}: exited {run.returncode}{hint}:\n{run.stderr}"]
    maps = parse_output(run.stdout)
    expected = {}
    for heading, key in zip(HEADINGS, KEYS):
        if variant[key] is None:
            continue
        if "filters" in variant:  # one map per filter
            for k, grid in enumerate(variant[key]["output"]):
                expected[f"{heading[:-1]} {k + 1}:"] = grid
        else:
            expected[heading] = variant[key]["output"]
    problems = []
    if sorted(maps) != sorted(expected):
        problems.append(f"{where}: printed {sorted(maps)}, expected {sorted(expected)}")
    for heading, want in expected.items():
        if heading in maps and not same_map(maps[heading], want):
            problems.append(f"{where}: {heading} printed {maps[heading]}, lesson.json has {want}")
    return problems


def main():
    site, folders = sys.argv[1], sys.argv[2:]
    problems, programs = [], 0
    ids = [i for folder in folders for i in lesson_ids(folder)]
    if not ids:
        problems.append(f"no lessons in {folders}")
    for lesson_id in ids:
        with open(os.path.join(site, lesson_id, "lesson.json"), encoding="utf-8") as f:
            lesson = json.load(f)
        parser = CodeBlocks()
        with open(os.path.join(site, lesson_id, "index.html"), encoding="utf-8") as f:
            parser.feed(f.read())
        for variant in lesson["variants"]:
            for kind in ("torch", "numpy"):
                block = f"reproduce-{variant['slug']}-{kind}-code"
                where = f"{lesson_id} / {variant['label']} / {kind}"
                if block not in parser.blocks:
                    problems.append(f"{where}: the page has no <code id=\"{block}\">")
                    continue
                programs += 1
                problems += check(parser.blocks[block], variant, where)
    for p in problems:
        print(p, file=sys.stderr)
    print(f"{programs} programs of {len(ids)} lessons run, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
