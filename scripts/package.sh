#!/usr/bin/env bash
# Builds the Debian package build/release/convlesson_<version>_<arch>.deb
# (docs/install.md): installs what building needs plus dpkg-dev (CPack's
# Depends come from dpkg-shlibdeps) and file, builds the binary and the man
# page, and runs `cpack -G DEB`. Course CI runs it through the
# ci/install-convlesson.sh that `convlesson init` writes.
cd "$(dirname "$0")/.."
source scripts/lib.sh
need_build_deps
need dpkg-dev dpkg-shlibdeps
need file file
install_missing
if [[ -f $BUILD_DIR/CMakeCache.txt ]]; then
  cmake --preset release >/dev/null  # keeps this build folder's settings (tests on or off)
else
  cmake --preset release -DCONVLESSON_TESTS=OFF >/dev/null
fi
cmake --build --preset release -j "$(nproc)" --target convlesson convlesson_man
(cd "$BUILD_DIR" && cpack -G DEB >/dev/null)
ls "$BUILD_DIR"/convlesson_*.deb
