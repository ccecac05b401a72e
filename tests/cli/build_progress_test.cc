// What the build prints that does not depend on time: coloured diagnostics.
#include <boost/test/unit_test.hpp>

#include "cli/build_progress.h"

BOOST_AUTO_TEST_SUITE(BuildProgressSuite)

BOOST_AUTO_TEST_CASE(ColoursOnlyTheSeverityWordAndTheLocation) {
  std::string text =
      "lessons/a.yaml:3:1: error: unknown key 'fitler'; did you mean 'filter'?\n"
      "    3 | fitler: vertical-edge\n"
      "      | ^~~~~~\n"
      "lessons/a.yaml:9:2: warning: beats reduced to 400\n";
  BOOST_TEST(cl::ColorizeDiagnostic(text) ==
             "\x1b[1mlessons/a.yaml:3:1\x1b[0m: \x1b[1;31merror\x1b[0m: unknown key 'fitler'; did you mean 'filter'?\n"
             "    3 | fitler: vertical-edge\n"
             "      | ^~~~~~\n"
             "\x1b[1mlessons/a.yaml:9:2\x1b[0m: \x1b[1;35mwarning\x1b[0m: beats reduced to 400\n");
}

BOOST_AUTO_TEST_SUITE_END()
