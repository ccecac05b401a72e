# `convlesson dump` end to end: included from tests/e2e/CMakeLists.txt.
# Every file of tests/golden/dump/ is one golden test (its first line holds the
# command, the rest the exact output); the other cases check exit codes and
# messages. All run from the source root so lesson paths read as typed.
file(GLOB dump_goldens CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/golden/dump/*.txt")
foreach(golden IN LISTS dump_goldens)
  get_filename_component(name "${golden}" NAME_WLE)
  add_test(NAME e2e.dump.golden.${name}
    COMMAND bash "${CMAKE_CURRENT_LIST_DIR}/dump_e2e.sh" $<TARGET_FILE:convlesson> golden "${golden}"
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
  set_tests_properties(e2e.dump.golden.${name} PROPERTIES LABELS "e2e;dump;golden")
endforeach()
foreach(case bad-lesson bad-stage unknown-variant bad-beat every-beat every-lesson-has-goldens)
  add_test(NAME e2e.dump.${case}
    COMMAND bash "${CMAKE_CURRENT_LIST_DIR}/dump_e2e.sh" $<TARGET_FILE:convlesson> ${case}
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
  set_tests_properties(e2e.dump.${case} PROPERTIES LABELS "e2e;dump")
endforeach()
