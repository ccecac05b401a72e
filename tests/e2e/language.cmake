# Generated text in the course's language (docs/languages.md) end to end:
# included from tests/e2e/CMakeLists.txt. Each case of language_e2e.sh builds
# a small German course in a temporary folder.
foreach(case german no-english handout unknown)
  add_test(NAME e2e.language.${case}
    COMMAND bash "${CMAKE_CURRENT_LIST_DIR}/language_e2e.sh" $<TARGET_FILE:convlesson> ${case}
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
  set_tests_properties(e2e.language.${case} PROPERTIES LABELS "e2e;language" TIMEOUT 300)
endforeach()
