# `convlesson compute` end to end: included from tests/e2e/CMakeLists.txt.
# Each case of compute_e2e.sh is one CTest test, run from the source root so
# lesson paths read as a user types them.
foreach(case json variant unknown-variant text shipped-lessons list-shape rgb-png transposed-channels bad-lesson)
  add_test(NAME e2e.compute.${case}
    COMMAND bash "${CMAKE_CURRENT_LIST_DIR}/compute_e2e.sh" $<TARGET_FILE:convlesson> ${case}
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
  set_tests_properties(e2e.compute.${case} PROPERTIES LABELS "e2e;compute")
endforeach()
