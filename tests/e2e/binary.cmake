# The binary itself: included from tests/e2e/CMakeLists.txt.
# Its own __snprintf_chk (generator/number_printf_shim.cc) is exported, so the
# libraries it loads (Cairo's PDF writer) call it instead of glibc's.
add_test(NAME e2e.binary.exports-number-printf
  COMMAND bash -c "nm -D --defined-only \"$1\" | grep -qw __snprintf_chk" _ $<TARGET_FILE:convlesson>)
set_tests_properties(e2e.binary.exports-number-printf PROPERTIES LABELS "e2e;binary")
