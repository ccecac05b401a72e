# Install rules and the Debian package (docs/install.md). Included from the top
# CMakeLists.txt.
#   <prefix>/bin/convlesson
#   <prefix>/share/convlesson/templates/   read at run time, found relative to the binary
#   <prefix>/share/man/man1/convlesson.1.gz
#   <prefix>/share/doc/convlesson/         README.md and docs/
# The layout is fixed (not GNUInstallDirs' configurable one) because the binary
# finds its data at ../share/convlesson from bin/ (generator/cli/install_paths.h).
install(TARGETS convlesson RUNTIME DESTINATION bin)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/templates/" DESTINATION share/convlesson/templates)

# The man page, compressed as Debian ships them (-n: no name or time in the
# header, so the bytes are reproducible).
find_program(CONVLESSON_GZIP gzip REQUIRED)
set(convlesson_man "${CMAKE_CURRENT_BINARY_DIR}/convlesson.1.gz")
add_custom_command(OUTPUT "${convlesson_man}"
  COMMAND "${CONVLESSON_GZIP}" -9nc "${PROJECT_SOURCE_DIR}/docs/convlesson.1" > "${convlesson_man}"
  DEPENDS "${PROJECT_SOURCE_DIR}/docs/convlesson.1"
  COMMENT "Compressing the man page")
add_custom_target(convlesson_man ALL DEPENDS "${convlesson_man}")
install(FILES "${convlesson_man}" DESTINATION share/man/man1)

install(FILES "${PROJECT_SOURCE_DIR}/README.md" DESTINATION share/doc/convlesson)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/docs/" DESTINATION share/doc/convlesson/docs
  PATTERN "convlesson.1" EXCLUDE)

# `cpack -G DEB` in the build folder (scripts/package.sh) makes
# convlesson_<version>_<arch>.deb. Depends comes from the binary's libraries
# (dpkg-shlibdeps), plus the fonts every PNG and PDF is drawn with and the
# graphics libraries it loads itself.
set(CONVLESSON_PACKAGE_MAINTAINER "convlesson developers" CACHE STRING "The Debian package's Maintainer field")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME convlesson)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "teaching material on convolution, ReLU and pooling from YAML lessons")
set(CPACK_PACKAGE_DESCRIPTION "convlesson turns a short YAML lesson (an image, a filter, convolution,
activation and pooling settings, prose) into SVG and PNG frames, GIF and
animated SVG, an HTML walkthrough with a step player, PDF handouts and
lesson.json, with every number computed.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CONVLESSON_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core, fonts-dejavu-extra")
# A binary that loads the graphics libraries itself after its start
# (generator/graphics_libraries/) does not list them for dpkg-shlibdeps to
# see: they are named here, at least the versions it was built against.
if(TARGET cl_graphics_later)
  string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS ", libcairo2 (>= ${CAIRO_cairo_VERSION})"
    ", libpango-1.0-0 (>= ${PANGO_VERSION}), libpangocairo-1.0-0 (>= ${PANGO_VERSION})"
    ", libfontconfig1 (>= ${FONTCONFIG_VERSION}), libglib2.0-0 (>= ${GLIB_VERSION})")
endif()
include(CPack)
