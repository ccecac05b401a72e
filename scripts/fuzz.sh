#!/usr/bin/env bash
# Builds the libFuzzer target (preset `fuzz`, clang with ASan and UBSan) and
# runs it for SECONDS (default 60) on lesson text, seeded with lessons/ and
# tests/bad/. A crash, sanitizer report, timeout or memory blow-up fails the
# run and leaves the input in build/fuzz/crashes/; turn it into a tests/bad/
# case with its expected message once fixed (docs/architecture.md, Tests).
# Usage: scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)"
corpus=build/fuzz/corpus crashes=build/fuzz/crashes
mkdir -p "$corpus" "$crashes"
# The fuzzer adds what it finds to the first folder only; the seeds stay read-only.
seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
cp lessons/*.yaml tests/bad/*.yaml "$seeds"/
echo "fuzz: running lesson_fuzzer for ${seconds} s"
build/fuzz/tests/fuzz/lesson_fuzzer "$corpus" "$seeds" \
  -max_total_time="$seconds" -max_len=16384 -timeout=20 -rss_limit_mb=2560 \
  -artifact_prefix="$crashes/" -print_final_stats=1 2>build/fuzz/fuzz.log || {
  tail -60 build/fuzz/fuzz.log >&2
  echo "fuzz: FAILED; the input is in $crashes/" >&2
  exit 1
}
grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)' build/fuzz/fuzz.log || true
echo "fuzz: no crash in ${seconds} s"
