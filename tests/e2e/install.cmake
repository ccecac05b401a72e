# Installing and packaging (docs/install.md): included from
# tests/e2e/CMakeLists.txt. `prefix` installs into a temporary prefix, moves
# it and builds a course made by `init` there; `deb` builds the Debian package
# and checks its metadata and files; `init` checks the scaffold.
foreach(case prefix deb init man)
  add_test(NAME e2e.install.${case}
    COMMAND bash "${CMAKE_CURRENT_LIST_DIR}/install_e2e.sh" $<TARGET_FILE:convlesson> "${CMAKE_BINARY_DIR}" ${case}
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
  set_tests_properties(e2e.install.${case} PROPERTIES LABELS "e2e;install" TIMEOUT 600)
endforeach()
