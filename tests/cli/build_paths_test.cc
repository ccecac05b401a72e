// Names the build may create or delete under out/, and paths kept relative to out/.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "cli/build_paths.h"

namespace bdata = boost::unit_test::data;

namespace {

struct NameCase {
  const char* name;
  bool want;
};
std::ostream& operator<<(std::ostream& os, const NameCase& c) { return os << "'" << c.name << "'"; }

struct PathCase {
  const char* path;
  const char* out;
  const char* want;
};
std::ostream& operator<<(std::ostream& os, const PathCase& c) { return os << c.path << " from " << c.out; }

}  // namespace

BOOST_AUTO_TEST_SUITE(BuildPathsSuite)

BOOST_DATA_TEST_CASE(LessonIds,
                     bdata::make(std::vector<NameCase>{
                         {"conv-relu-pool", true},
                         {"a", true},
                         {"0-start-with-digit", true},
                         {"a234567890123456789012345678901234567890123456789012345678901234", true},
                         {"a2345678901234567890123456789012345678901234567890123456789012345", false},
                         {"", false},
                         {"-leading-dash", false},
                         {"Upper", false},
                         {"..", false},
                         {".staging", false},
                         {"a/b", false},
                         {"a b", false},
                         {"a_b", false}}),
                     c) {
  BOOST_TEST(cl::IsLessonId(c.name) == c.want);
}

BOOST_DATA_TEST_CASE(CourseEntryNames,
                     bdata::make(std::vector<NameCase>{
                         {"index.html", true},
                         {"assets", true},
                         {"course.pdf", true},
                         {"", false},
                         {".", false},
                         {"..", false},
                         {".convlesson-manifest", false},
                         {"a/b", false},
                         {"a\\b", false}}),
                     c) {
  BOOST_TEST(cl::IsCourseEntryName(c.name) == c.want);
}

BOOST_DATA_TEST_CASE(RelativeToOut,
                     bdata::make(std::vector<PathCase>{
                         {"lessons/a.yaml", "out", "../lessons/a.yaml"},
                         {"./lessons/../lessons/a.yaml", "out/", "../lessons/a.yaml"},
                         {"a.yaml", "build/site/out", "../../../a.yaml"},
                         {"/srv/course/a.yaml", "/srv/course/out", "../a.yaml"},
                         {"out/img.png", "out", "img.png"}}),
                     c) {
  BOOST_TEST(cl::RelativeToOut(c.path, c.out) == c.want);
}

BOOST_DATA_TEST_CASE(ResolveFromOut,
                     bdata::make(std::vector<PathCase>{
                         {"../lessons/a.yaml", "out", "lessons/a.yaml"},
                         {"../../../a.yaml", "build/site/out", "a.yaml"},
                         {"../../a.yaml", "out", "../a.yaml"},
                         {"../a.yaml", "/srv/course/out", "/srv/course/a.yaml"},
                         {"/abs/a.yaml", "out", "/abs/a.yaml"}}),
                     c) {
  BOOST_TEST(cl::ResolveFromOut(c.path, c.out) == c.want);
}

BOOST_AUTO_TEST_SUITE_END()
