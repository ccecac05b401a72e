# clang-tidy (scripts/lint.sh, the top-level .clang-tidy): included from
# tests/e2e/CMakeLists.txt. The test checks the generator files changed since
# the merge base with main, so it costs seconds to a minute; the `lint_all`
# target checks every file (10-20 minutes of CPU), for a nightly job.
add_test(NAME lint.changed
  COMMAND bash scripts/lint.sh --changed main "${CMAKE_BINARY_DIR}"
  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
set_tests_properties(lint.changed PROPERTIES LABELS "lint" TIMEOUT 1800)
add_custom_target(lint_all
  COMMAND bash scripts/lint.sh --all "${CMAKE_BINARY_DIR}"
  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}"
  USES_TERMINAL)
