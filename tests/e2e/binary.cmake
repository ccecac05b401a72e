# The binary itself: included from tests/e2e/CMakeLists.txt.
# Its own __snprintf_chk (generator/number_printf_shim.cc) and zlib deflate
# functions (generator/zlib_deflate_shim.cc) are exported, so the libraries
# it loads (Cairo's PDF writer) call them instead of glibc's and zlib's.
add_test(NAME e2e.binary.exports-number-printf
  COMMAND bash -c "nm -D --defined-only \"$1\" | grep -qw __snprintf_chk" _ $<TARGET_FILE:convlesson>)
set_tests_properties(e2e.binary.exports-number-printf PROPERTIES LABELS "e2e;binary")
add_test(NAME e2e.binary.exports-zlib-deflate
  COMMAND bash -c "for f in deflateInit_ deflate deflateEnd; do nm -D --defined-only \"$1\" | grep -qw $f || exit 1; done" _ $<TARGET_FILE:convlesson>)
set_tests_properties(e2e.binary.exports-zlib-deflate PROPERTIES LABELS "e2e;binary")
# And its g_thread_new (generator/glib_thread_shim.cc), which Pango calls.
add_test(NAME e2e.binary.exports-g-thread-new
  COMMAND bash -c "nm -D --defined-only \"$1\" | grep -qw g_thread_new" _ $<TARGET_FILE:convlesson>)
set_tests_properties(e2e.binary.exports-g-thread-new PROPERTIES LABELS "e2e;binary")

# The graphics libraries are loaded after the start, by the binary itself
# (generator/graphics_libraries/graphics_libraries.h), where it has the
# trampolines for them: none is among the libraries the dynamic linker loads
# at the start; and without them a build that draws says so and ends with
# the dynamic linker's status, 127.
if(TARGET cl_graphics_later)
  add_test(NAME e2e.binary.graphics-libraries-not-loaded-at-start
    COMMAND bash -c [=[
      needed=$(LD_DEBUG=libs "$1" --version 2>&1 >/dev/null | grep -o 'calling init: [^ ]*' || true)
      [[ -n $needed ]] || { echo "LD_DEBUG shows no library"; exit 1; }
      ! grep -E 'lib(cairo|pango|pangocairo|glib|gobject|fontconfig|harfbuzz|freetype)[-.]' <<<"$needed" ||
        { echo "loaded at the start: see above"; exit 1; }]=] _ $<TARGET_FILE:convlesson>)
  add_test(NAME e2e.binary.graphics-libraries-missing
    COMMAND bash -c [=[
      work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
      : >"$work/libcairo.so.2"  # not a library: dlopen fails as for a missing one
      LD_LIBRARY_PATH=$work "$1" build lessons/conv-relu-pool.yaml -o "$work/out" >"$work/stdout" 2>"$work/stderr"
      status=$?
      cat "$work/stderr"
      [[ $status == 127 ]] || { echo "exit status $status, not 127"; exit 1; }
      grep -q '^convlesson: cannot load the graphics libraries: .*libcairo.so.2' "$work/stderr"]=] _ $<TARGET_FILE:convlesson>)
  # A build of only what is made without them (pages, lesson.json, SVG)
  # never loads them: with a broken libcairo it still succeeds.
  add_test(NAME e2e.binary.graphics-libraries-only-for-drawing
    COMMAND bash -c [=[
      work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
      : >"$work/libcairo.so.2"
      LD_LIBRARY_PATH=$work "$1" build lessons -o "$work/out" --only svg,anim-svg,html,embed,json >"$work/stdout" 2>"$work/stderr"
      status=$?
      cat "$work/stderr"
      [[ $status == 0 ]] || { echo "exit status $status: the build loaded the graphics libraries"; exit 1; }
      [[ -f $work/out/index.html && -f $work/out/conv-relu-pool/lesson.json ]] || { echo "outputs missing"; exit 1; }]=] _ $<TARGET_FILE:convlesson>)
  set_tests_properties(e2e.binary.graphics-libraries-not-loaded-at-start e2e.binary.graphics-libraries-missing
                       e2e.binary.graphics-libraries-only-for-drawing
    PROPERTIES LABELS "e2e;binary" WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
endif()

# The C++ libraries every run needs are linked into the binary
# (CONVLESSON_STATIC_LIBS): the dynamic linker loads none of them at its
# start (only libc, libm, libpng and cmark, left shared for the system's
# security updates, and zlib under libpng).
if(CONVLESSON_STATIC_LIBS)
  add_test(NAME e2e.binary.few-libraries-at-start
    COMMAND bash -c [=[
      needed=$(readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort | tr '\n' ' ')
      echo "NEEDED: $needed"
      [[ $needed == *libc.so.6* ]] || { echo "readelf shows no libc"; exit 1; }
      ! grep -E 'lib(stdc\+\+|gcc_s|yaml-cpp|fmt|nettle|deflate)[.]' <<<"$needed" ||
        { echo "loads a library meant to be linked into it"; exit 1; }
      # And the C++ runtime's symbols are the binary's own, not exported to the libraries it loads.
      ! nm -D --defined-only "$1" | grep -E ' _ZN?St' || { echo "exports libstdc++ symbols"; exit 1; }]=] _ $<TARGET_FILE:convlesson>)
  set_tests_properties(e2e.binary.few-libraries-at-start PROPERTIES LABELS "e2e;binary")
endif()
