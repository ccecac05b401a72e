#define BOOST_TEST_MODULE document
#include <boost/test/unit_test.hpp>
