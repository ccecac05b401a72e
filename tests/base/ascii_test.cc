// ASCII case changes: A-Z and a-z only, everything else (UTF-8 included) untouched.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <string>

#include "base/ascii.h"

BOOST_AUTO_TEST_CASE(AsciiLowerFoldsOnlyAsciiLetters) {
  BOOST_TEST(cl::AsciiLower("Max POOL") == "max pool");
  BOOST_TEST(cl::AsciiLower("JavaScript:") == "javascript:");
  BOOST_TEST(cl::AsciiLower("\u00C9T\u00C9 @[`{") == "\u00C9t\u00C9 @[`{");  // É stays, and the neighbours of A-Z
  BOOST_TEST(cl::AsciiLower("") == "");
}

BOOST_DATA_TEST_CASE(DashedNameAsWordsSpacesAndCapitalises,
                     boost::unit_test::data::make({"my-first-lesson", "a", "0-padding", "edges", "sobel-x",
                                                   "vertical-edge", "", "-x", "\u00e9t\u00e9"}) ^
                         boost::unit_test::data::make({"My first lesson", "A", "0 padding", "Edges", "Sobel x",
                                                       "Vertical edge", "", " x", "\u00e9t\u00e9"}),
                     name, want) {
  BOOST_TEST(cl::DashedNameAsWords(name) == want);
}
