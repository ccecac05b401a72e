# The course file (lessons/course.yaml, docs/course-file.md) end to end:
# included from tests/e2e/CMakeLists.txt. Each case of course_e2e.sh works on
# a copy of lessons/ and templates/ in a temporary folder.
foreach(case defaults settings paper rebuild files-given check)
  add_test(NAME e2e.course.${case}
    COMMAND bash "${CMAKE_CURRENT_LIST_DIR}/course_e2e.sh" $<TARGET_FILE:convlesson> ${case}
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
  set_tests_properties(e2e.course.${case} PROPERTIES LABELS "e2e;course" TIMEOUT 300)
endforeach()
