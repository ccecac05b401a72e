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
