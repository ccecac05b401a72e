// Where the binary finds its data (cli/install_paths.h): beside itself, as an
// installed prefix holds it, so the test binary (build/<preset>/tests/) finds
// the build tree's share/convlesson, a link to the source tree's templates.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <regex>
#include <string>

#include "base/file_system.h"
#include "cli/install_paths.h"

namespace fs = std::filesystem;

BOOST_AUTO_TEST_CASE(DataDirIsShareConvlessonBesideTheBinary) {
  const std::string exe_dir = cl::ExecutableDir();
  BOOST_TEST_REQUIRE(!exe_dir.empty());
  BOOST_TEST(cl::DataDir() == (fs::path(exe_dir) / "../share/convlesson").lexically_normal().string());
  BOOST_TEST(cl::DefaultTemplatesDir() == cl::DataDir() + "/templates");
  // The build tree's templates are the source tree's.
  BOOST_TEST(fs::equivalent(cl::DefaultTemplatesDir() + "/lesson.mustache",
                            std::string(CONVLESSON_SOURCE_DIR) + "/templates/lesson.mustache"));
}

BOOST_AUTO_TEST_CASE(VersionTextNamesTheVersionAndTheRevision) {
  const std::string text = cl::VersionText();
  BOOST_TEST(std::regex_match(text, std::regex(R"(convlesson \d+\.\d+\.\d+ \(revision [A-Za-z0-9._+-]+\))")), text);
  BOOST_TEST(text.starts_with(std::string("convlesson ") + CONVLESSON_VERSION + " (revision "));
}
