# Generator fingerprint: a hash of every generator source, written to
# cl_fingerprint.h whenever one changes. It is part of the incremental build's
# generator key, so lessons built by an older generator are rebuilt even when
# the version number did not move. Included from generator/CMakeLists.txt.
file(GLOB_RECURSE convlesson_fingerprint_sources CONFIGURE_DEPENDS
  "${CMAKE_CURRENT_SOURCE_DIR}/*.cc" "${CMAKE_CURRENT_SOURCE_DIR}/*.h" "${CMAKE_CURRENT_SOURCE_DIR}/*.inc"
  "${CMAKE_CURRENT_SOURCE_DIR}/*.msg")
set(convlesson_fingerprint_header "${CMAKE_CURRENT_BINARY_DIR}/generated/cl_fingerprint.h")
add_custom_command(OUTPUT "${convlesson_fingerprint_header}"
  COMMAND "${CMAKE_COMMAND}" "-DSOURCE_DIR=${CMAKE_CURRENT_SOURCE_DIR}" "-DOUTPUT=${convlesson_fingerprint_header}"
          -P "${CMAKE_CURRENT_SOURCE_DIR}/cli/write_fingerprint.cmake"
  DEPENDS ${convlesson_fingerprint_sources} "${CMAKE_CURRENT_SOURCE_DIR}/cli/write_fingerprint.cmake"
          "${PROJECT_SOURCE_DIR}/cmake/write_if_changed.cmake"
  COMMENT "Hashing the generator sources"
  VERBATIM)
add_custom_target(cl_fingerprint DEPENDS "${convlesson_fingerprint_header}")
add_dependencies(cl_cli cl_fingerprint)
target_include_directories(cl_cli PRIVATE "${CMAKE_CURRENT_BINARY_DIR}/generated")
