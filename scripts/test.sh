#!/usr/bin/env bash
# Second README command: install what only tests need (Chromium, Node, npm
# packages, PDF tools, pdflatex, MkDocs, Sphinx and Hugo, PyTorch for the oracle suite, clang for the
# fuzzer), build, fuzz for a minute, and run the whole suite through CTest.
cd "$(dirname "$0")/.."
source scripts/lib.sh
need_build_deps
# Probe what CMake's find_package(Boost COMPONENTS unit_test_framework) loads:
# the component's CMake config, which only libboost-test-dev brings (Boost's
# headers, unit_test.hpp among them, come with libboost-dev alone).
need libboost-test-dev '/usr/lib/*/cmake/boost_unit_test_framework-*/boost_unit_test_framework-config.cmake'
need libpugixml-dev /usr/include/pugixml.hpp
need poppler-utils pdftoppm
need chromium chromium
# The oracle suite (tests/oracle) checks every map against PyTorch, and the
# "Reproduce it" programs of the lesson pages run with Debian's PyTorch and NumPy (tests/snippets).
need python3-torch /usr/lib/python3/dist-packages/torch/__init__.py
need python3-numpy /usr/lib/python3/dist-packages/numpy/__init__.py
# figures.tex must compile: pdflatex and graphicx (tests/e2e/deck_e2e.sh).
need texlive-latex-base pdflatex
# The embedding recipes of docs/embedding.md are built for real (tests/browser/embed_sites.test.mjs).
need mkdocs mkdocs
need mkdocs-material /usr/share/mkdocs/themes/material/mkdocs_theme.yml
# The MkDocs recipe pastes embed.html with PyMdown Extensions' snippets (Material depends on it).
need python3-pymdownx /usr/lib/python3/dist-packages/pymdownx/snippets.py
need python3-sphinx sphinx-build
need hugo hugo
# The fuzzer: clang with libFuzzer and the sanitizer runtimes.
need clang-14 clang++-14
need libclang-rt-14-dev '/usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a'
# The lint test (scripts/lint.sh), the package test (CPack's Depends come from
# dpkg-shlibdeps) and the man page and workflow checks of tests/e2e/install_e2e.sh.
need clang-tidy-14 clang-tidy-14
need dpkg-dev dpkg-shlibdeps
need file file
need man-db man
if ! python3 -c 'import yaml' >/dev/null 2>&1; then need python3-yaml /usr/lib/python3/dist-packages/yaml/__init__.py; fi
# Node 20+ may come from outside Debian; ask apt only when there is none at all.
if ! command -v node >/dev/null 2>&1; then need nodejs node; fi
if ! command -v npm >/dev/null 2>&1; then need npm npm; fi
install_missing
if [[ -f tests/browser/package.json && ! -d tests/browser/node_modules ]]; then
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
fi
configure_and_build ON
# A short fuzzing run first (CONVLESSON_FUZZ_SECONDS, default 60; 0 skips it
# on a developer's machine), so CTest's summary stays the run's last word.
if [[ ${CONVLESSON_FUZZ_SECONDS:-60} != 0 ]]; then bash scripts/fuzz.sh "${CONVLESSON_FUZZ_SECONDS:-60}"; fi
ctest --preset release -j "$(nproc)" || {
  status=$?
  bash scripts/failed_tests.sh build/release
  exit "$status"
}
