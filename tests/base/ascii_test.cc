// ASCII case folding: A-Z only, everything else (UTF-8 included) untouched.
#include <boost/test/unit_test.hpp>

#include <string>

#include "base/ascii.h"

BOOST_AUTO_TEST_CASE(AsciiLowerFoldsOnlyAsciiLetters) {
  BOOST_TEST(cl::AsciiLower("Max POOL") == "max pool");
  BOOST_TEST(cl::AsciiLower("JavaScript:") == "javascript:");
  BOOST_TEST(cl::AsciiLower("\u00C9T\u00C9 @[`{") == "\u00C9t\u00C9 @[`{");  // É stays, and the neighbours of A-Z
  BOOST_TEST(cl::AsciiLower("") == "");
}
