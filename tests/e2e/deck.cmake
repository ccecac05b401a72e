# Slide decks and LaTeX figures end to end: included from
# tests/e2e/CMakeLists.txt. deck_e2e.sh builds the shipped lessons with the
# real binary and checks slides.pdf (16:9, a page per beat plus the title,
# no text under 1/50 of the slide's height) with poppler, and the PDF
# figures with figures.tex compiled by pdflatex.
foreach(case slides figures figures-key determinism)
  add_test(NAME e2e.deck.${case}
    COMMAND bash "${CMAKE_CURRENT_LIST_DIR}/deck_e2e.sh" $<TARGET_FILE:convlesson> ${case}
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
  set_tests_properties(e2e.deck.${case} PROPERTIES LABELS "e2e;deck" TIMEOUT 300)
endforeach()
