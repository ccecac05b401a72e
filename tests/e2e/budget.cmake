# Cost budgets end to end: included from tests/e2e/CMakeLists.txt.
foreach(case frames pixels within build frame-side image-file)
  add_test(NAME e2e.budget.${case}
    COMMAND bash "${CMAKE_CURRENT_LIST_DIR}/budget_e2e.sh" $<TARGET_FILE:convlesson> ${case}
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
  set_tests_properties(e2e.budget.${case} PROPERTIES LABELS "e2e;budget")
endforeach()
