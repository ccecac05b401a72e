#!/usr/bin/env python3
"""Font sizes of the words of a PDF, measured by poppler (pdftotext -bbox).

pdftotext -bbox gives each word's box; for one font its height is the font
size times the font's ascent + descent. The handouts use DejaVu Sans (and its
Bold, Oblique and Mono faces), whose ascent + descent is 1.164 em, so a word's
size is its box height / 1.164. Prints "page size word" per word, or with
--check MIN_TEXT MIN_NUMBER exits 1 listing every word below MIN_TEXT points
and every number (outside the footer band) below MIN_NUMBER points.
"""
import html
import re
import subprocess
import sys

EM_HEIGHT = 1.164  # DejaVu Sans ascent (0.928) + descent (0.236)
FOOTER_BAND = 48    # points above the paper's bottom edge: the running footer (at most 42 up)
NUMBER = re.compile(r"^[\u2212\-]?\(?[\u2212\-]?[0-9][0-9.,]*\)?[.,;:]?$")


def words(pdf):
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], check=True, capture_output=True, text=True).stdout
    page, height = 0, 0.0
    for line in out.splitlines():
        m = re.search(r'<page width="([0-9.]+)" height="([0-9.]+)"', line)
        if m:
            page += 1
            height = float(m.group(2))
            continue
        m = re.search(r'<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">(.*)</word>', line)
        if m:
            y0, y1 = float(m.group(2)), float(m.group(4))
            yield page, (y1 - y0) / EM_HEIGHT, html.unescape(m.group(5)), y1 > height - FOOTER_BAND


def main():
    args = sys.argv[1:]
    if len(args) == 4 and args[0] == "--check":
        min_text, min_number, pdf = float(args[1]), float(args[2]), args[3]
        bad = []
        for page, size, word, footer in words(pdf):
            if size < min_text - 0.05:
                bad.append(f"page {page}: '{word}' is {size:.2f} pt, under {min_text}")
            elif NUMBER.match(word) and not footer and size < min_number - 0.05:
                bad.append(f"page {page}: the number '{word}' is {size:.2f} pt, under {min_number}")
        for b in bad:
            print(b)
        return 1 if bad else 0
    if len(args) == 1:
        for page, size, word, footer in words(args[0]):
            print(f"{page} {size:.2f} {word}")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
