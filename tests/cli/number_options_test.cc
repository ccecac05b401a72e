// Number options accept plain decimal notation only: what strtod or CLI11
// would also read as a number ("nan", "0x2", "1e999") is refused before it
// is converted, so it is a usage error and never a NaN scale.
#include <algorithm>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <boost/test/unit_test.hpp>

#include "cli/number_options.h"

BOOST_AUTO_TEST_CASE(DecimalNumbersArePlainDigitsWithAnOptionalFraction) {
  for (const char* ok : {"2", "1.5", "0.5", "8", "-3", "+0.25", "007", "2.000"}) BOOST_TEST(cl::IsDecimalNumber(ok), ok);
  for (const char* bad : {"", "nan", "NaN", "-nan", "inf", "-inf", "infinity", "1e999", "1e0", "0x2", "2abc", ".5",
                          "2.", " 2", "2 ", "+", "-", "1.5.2", "2,5", "1_000", "٢"}) {
    BOOST_TEST(!cl::IsDecimalNumber(bad), bad);
  }
}

BOOST_AUTO_TEST_CASE(WholeNumbersAreDigitsOnly) {
  for (const char* ok : {"0", "4", "256", "-1", "+2"}) BOOST_TEST(cl::IsWholeNumber(ok), ok);
  for (const char* bad : {"", "0x10", "0b11", "0o7", "1e2", "2.0", "2abc", "nan", " 4", "+"}) BOOST_TEST(!cl::IsWholeNumber(bad), bad);
}

// Through CLI11 as cli.cc wires it: the validator runs before the range
// check and before conversion, so a NaN never reaches CLI::Range.
BOOST_AUTO_TEST_CASE(ValidatorsMakeCli11RefuseWhatStrtodWouldRead) {
  for (const std::string value : {"nan", "0x2", "inf", "1e999", "2abc"}) {
    CLI::App app;
    double scale = 2;
    app.add_option("--scale", scale)->check(cl::DecimalNumber())->check(CLI::Range(0.5, 8.0));
    std::vector<std::string> args = {"--scale", value};
    std::reverse(args.begin(), args.end());  // CLI11 parses a reversed vector
    BOOST_CHECK_THROW(app.parse(args), CLI::ValidationError);
    BOOST_TEST(scale == 2.0);
  }
  CLI::App app;
  double scale = 2;
  app.add_option("--scale", scale)->check(cl::DecimalNumber())->check(CLI::Range(0.5, 8.0));
  std::vector<std::string> args = {"1.5", "--scale"};
  app.parse(args);
  BOOST_TEST(scale == 1.5);
}
