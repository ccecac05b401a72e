# Shared helpers for the setup scripts: install a Debian package only when the
# file or command it provides is missing, so machines that already have a tool
# from elsewhere (e.g. Node 20 outside Debian) are left alone.
set -euo pipefail

apt_updated=0
missing=()

# need PACKAGE PROBE: PROBE is an absolute path (a file that must exist; it may
# hold a glob such as /usr/lib/*/libfoo.so) or a command name.
need() {
  local package=$1 probe=$2
  if [[ $probe == /* ]]; then
    compgen -G "$probe" >/dev/null && return 0
  else
    command -v "$probe" >/dev/null 2>&1 && return 0
  fi
  missing+=("$package")
}

install_missing() {
  ((${#missing[@]})) || return 0
  echo "setup: installing ${missing[*]}"
  local sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  if ((apt_updated == 0)); then
    $sudo apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
  missing=()
}

# What the generator needs to build and run.
need_build_deps() {
  need g++ g++
  need make make
  need cmake cmake
  need ninja-build ninja
  need pkg-config pkg-config
  need libcairo2-dev /usr/include/cairo/cairo.h
  need libpango1.0-dev /usr/include/pango-1.0/pango/pangocairo.h
  need libfontconfig-dev /usr/include/fontconfig/fontconfig.h
  need libfmt-dev /usr/include/fmt/format.h
  need libyaml-cpp-dev /usr/include/yaml-cpp/yaml.h
  need libcli11-dev /usr/include/CLI/CLI.hpp
  need nlohmann-json3-dev /usr/include/nlohmann/json.hpp
  need libcmark-dev /usr/include/cmark.h
  need libkainjow-mustache-dev /usr/include/kainjow/mustache.hpp
  need libgif-dev /usr/include/gif_lib.h
  need libpng-dev /usr/include/png.h
  need zlib1g-dev /usr/include/zlib.h
  need libdeflate-dev /usr/include/libdeflate.h
  need nettle-dev /usr/include/nettle/sha2.h
  need fonts-dejavu-core /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
  need fonts-dejavu-extra /usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf  # italics in the PDF handout
}

# The build folder and binary used by both commands.
BUILD_DIR=${CONVLESSON_BUILD_DIR:-build/release}

# configure_and_build ON|OFF: the test suite is configured only when asked, so
# the first command needs none of the test-only packages.
configure_and_build() {
  cmake --preset release -DCONVLESSON_TESTS="${1:-OFF}" >/dev/null
  cmake --build --preset release -j "$(nproc)"
}
