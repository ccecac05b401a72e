#!/usr/bin/env bash
# First README command: install what is missing, build, render lessons/ into out/.
cd "$(dirname "$0")/.."
source scripts/lib.sh
need_build_deps
install_missing
configure_and_build
"$BUILD_DIR/convlesson" build lessons -o out
