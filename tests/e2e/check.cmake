# `convlesson check` end to end: included from tests/e2e/CMakeLists.txt.
foreach(case shipped-lessons bad-lessons huge-file missing-path several-paths duplicate-ids werror beats-warning
    reserved-ids strict-numbers usage help-version)
  add_test(NAME e2e.check.${case}
    COMMAND bash "${CMAKE_CURRENT_LIST_DIR}/check_e2e.sh" $<TARGET_FILE:convlesson> ${case}
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
  set_tests_properties(e2e.check.${case} PROPERTIES LABELS "e2e;check")
endforeach()
