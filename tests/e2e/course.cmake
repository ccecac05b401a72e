# The course file (lessons/course.yaml, docs/course-file.md) end to end:
# included from tests/e2e/CMakeLists.txt. Each case of course_e2e.sh works on
# a copy of lessons/ and templates/ in a temporary folder.
foreach(case defaults settings paper rebuild files-given check)
  add_test(NAME e2e.course.${case}
    COMMAND bash "${CMAKE_CURRENT_LIST_DIR}/course_e2e.sh" $<TARGET_FILE:convlesson> ${case}
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
  set_tests_properties(e2e.course.${case} PROPERTIES LABELS "e2e;course" TIMEOUT 300)
endforeach()
# defaults and settings make full builds of the course, whose photograph
# lesson costs about 45 s of CPU a build.
set_tests_properties(e2e.course.defaults e2e.course.settings PROPERTIES TIMEOUT 900)
