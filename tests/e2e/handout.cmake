# Handouts and animations end to end: included from tests/e2e/CMakeLists.txt.
# Each case of handout_e2e.sh builds the shipped lessons into a temporary
# folder with the real binary and checks the files with poppler-utils
# (pdfinfo, pdftotext, pdftoppm) and the GIF/SVG headers.
foreach(case brief worksheet a4 letter margins course determinism animations animation-scale)
  add_test(NAME e2e.handout.${case}
    COMMAND bash "${CMAKE_CURRENT_LIST_DIR}/handout_e2e.sh" $<TARGET_FILE:convlesson> ${case}
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
  set_tests_properties(e2e.handout.${case} PROPERTIES LABELS "e2e;handout" TIMEOUT 300)
endforeach()
# Two builds of the whole course's GIFs, animated SVGs and PDFs: the
# photograph lesson's GIFs make it the slowest case.
set_tests_properties(e2e.handout.determinism PROPERTIES TIMEOUT 900)
