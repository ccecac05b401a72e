# Source revision: `git describe` of the source tree, written to cl_revision.h
# on every build (rewritten only when it changed), for `convlesson --version`.
# Not part of the generator key: a commit that leaves the generator's sources
# alone rebuilds nothing. Included from generator/CMakeLists.txt.
set(convlesson_revision_header "${CMAKE_CURRENT_BINARY_DIR}/generated/cl_revision.h")
add_custom_target(cl_revision
  COMMAND "${CMAKE_COMMAND}" "-DSOURCE_DIR=${CMAKE_SOURCE_DIR}" "-DOUTPUT=${convlesson_revision_header}"
          -P "${CMAKE_CURRENT_SOURCE_DIR}/cli/write_revision.cmake"
  BYPRODUCTS "${convlesson_revision_header}"
  COMMENT "Reading the source revision"
  VERBATIM)
add_dependencies(cl_cli cl_revision)
