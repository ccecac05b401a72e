# write_if_changed(PATH TEXT): writes TEXT to PATH only when PATH does not
# hold it already, so a generated source whose text did not change keeps its
# timestamp and recompiles nothing. For the cmake -P scripts that generate
# sources (generator/cli/write_fingerprint.cmake, write_revision.cmake,
# generator/messages/embed_catalogues.cmake).
function(write_if_changed path text)
  set(old "")
  if(EXISTS "${path}")
    file(READ "${path}" old)
  endif()
  if(NOT old STREQUAL text)
    file(WRITE "${path}" "${text}")
  endif()
endfunction()
