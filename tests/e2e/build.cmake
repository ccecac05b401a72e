# `convlesson build` end to end: included from tests/e2e/CMakeLists.txt. Each
# case of build_e2e.sh is one CTest test working on a copy of lessons/ and
# templates/ in a temporary folder; the source tree is only read.
foreach(case noop edit-one edit-kinds only-keeps one-lesson jobs shards ids ownership edit-image edit-template delete-lesson force-and-staging usage-errors failing-lesson werror
             concurrent kill crash-points course-pdf-fails lesson-file-fails flush-fails determinism source-date-epoch new watch watch-unrelated-files watch-missing-path
             watch-interrupted base-url)
  add_test(NAME e2e.build.${case}
    COMMAND bash "${CMAKE_CURRENT_LIST_DIR}/build_e2e.sh" $<TARGET_FILE:convlesson> ${case}
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
  set_tests_properties(e2e.build.${case} PROPERTIES LABELS "e2e;build" TIMEOUT 300)
endforeach()
# The random SIGKILL loop times its kills by one build's duration; keep it alone
# on the machine so that duration stays representative. crash-points kills at
# named steps and does not depend on timing.
set_tests_properties(e2e.build.kill PROPERTIES RUN_SERIAL TRUE)
# About 110 builds, half of them killed: ~20 s in Release, ~100 s under the
# sanitizers on an idle machine.
set_tests_properties(e2e.build.crash-points PROPERTIES TIMEOUT 900)
# Full builds of the whole shipped course, several per case: the course's
# 28x28 photograph lesson (112 frames of 26x26 maps) makes each about 45 s of
# CPU, so these cases get more than the default 300 s on a busy machine.
set_tests_properties(e2e.build.concurrent e2e.build.determinism e2e.build.edit-kinds e2e.build.source-date-epoch
  PROPERTIES TIMEOUT 900)
