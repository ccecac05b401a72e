// The build manifest: exact text, round trips with awkward names, and text it
// did not write is refused (so a damaged manifest means "rebuild", never a
// wrong deletion).
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "cli/build_manifest.h"

namespace bdata = boost::unit_test::data;
using cl::BuildManifest;
using cl::ManifestLesson;

namespace {

BuildManifest Sample() {
  BuildManifest m;
  m.course_key = "c0ffee";
  m.course_pdf_key = "beef";
  m.course_entries = {"assets", "index.html"};
  m.course_files = std::vector<std::string>{"assets/style.css", "index.html"};
  ManifestLesson& l = m.lessons["edges"];
  l.id = "edges";
  l.source = "../lessons/edges.yaml";
  l.key = "aa";
  l.yaml_hash = "bb";
  l.generator = "cc";
  l.files = 47;
  l.inputs = {{"../lessons/my cat\tphoto.png", "dd"}};
  l.warnings = {{"", 12, 3, 5, "text hidden\nbecause cells are small \\ tiny"}};
  l.made = std::vector<std::string>{"frames/a\tb.svg", "index.html"};
  l.outputs = {{"html", "a1"}, {"svg", "a2"}};
  l.index_key = "a3";
  ManifestLesson& p = m.lessons["pooling"];  // a build was killed while replacing out/pooling
  p.id = "pooling";
  p.source = "../lessons/pooling.yaml";
  p.key = "ee";
  p.yaml_hash = "ff";
  p.generator = "cc";
  p.files = 12;
  p.pending = true;
  return m;
}

struct BadCase {
  const char* name;
  const char* text;
  const char* want;
};
std::ostream& operator<<(std::ostream& os, const BadCase& c) { return os << c.name; }

}  // namespace

BOOST_AUTO_TEST_SUITE(BuildManifestSuite)

BOOST_AUTO_TEST_CASE(SerializesToTheDocumentedLines) {
  BOOST_TEST(cl::SerializeManifest(Sample()) ==
             "convlesson-manifest\t3\n"
             "course\tc0ffee\n"
             "course-pdf\tbeef\n"
             "course-entry\tassets\n"
             "course-entry\tindex.html\n"
             "course-file\tassets/style.css\n"
             "course-file\tindex.html\n"
             "lesson\tedges\n"
             "source\t../lessons/edges.yaml\n"
             "key\taa\n"
             "yaml\tbb\n"
             "generator\tcc\n"
             "files\t47\n"
             "input\t../lessons/my cat\\tphoto.png\tdd\n"
             "made\tframes/a\\tb.svg\n"
             "made\tindex.html\n"
             "output\thtml\ta1\n"
             "output\tsvg\ta2\n"
             "index\ta3\n"
             "warning\t\t12\t3\t5\ttext hidden\\nbecause cells are small \\\\ tiny\n"
             "lesson\tpooling\n"
             "source\t../lessons/pooling.yaml\n"
             "key\tee\n"
             "yaml\tff\n"
             "generator\tcc\n"
             "files\t12\n"
             "pending\n");
}

BOOST_AUTO_TEST_CASE(RoundTrips) {
  std::string error;
  auto parsed = cl::ParseManifest(cl::SerializeManifest(Sample()), &error);
  BOOST_REQUIRE_MESSAGE(parsed.has_value(), error);
  BOOST_TEST((*parsed == Sample()));
  BuildManifest empty;
  auto parsed_empty = cl::ParseManifest(cl::SerializeManifest(empty), &error);
  BOOST_REQUIRE(parsed_empty.has_value());
  BOOST_TEST((*parsed_empty == empty));
}

// A manifest of version 1 (before file lists) still reads, its records
// owning whole folders as that version's builds assumed.
BOOST_AUTO_TEST_CASE(ReadsVersionOneWithoutFileLists) {
  std::string error;
  auto parsed = cl::ParseManifest(
      "convlesson-manifest\t1\ncourse-entry\tassets\nlesson\ta\nsource\tx.yaml\nkey\taa\nyaml\tbb\n"
      "generator\tcc\nfiles\t3\n",
      &error);
  BOOST_REQUIRE_MESSAGE(parsed.has_value(), error);
  BOOST_TEST(!parsed->course_files.has_value());
  BOOST_TEST(!parsed->lessons.at("a").made.has_value());
  BOOST_TEST(parsed->lessons.at("a").files == 3);
}

BOOST_DATA_TEST_CASE(
    RefusesTextItDidNotWrite,
    bdata::make(std::vector<BadCase>{
        {"empty", "", "line 0: empty manifest"},
        {"other file", "hello\n", "line 1: not a convlesson manifest of version 1, 2 or 3"},
        {"newer version", "convlesson-manifest\t4\n", "line 1: not a convlesson manifest of version 1, 2 or 3"},
        {"output key in version 2", "convlesson-manifest\t2\nlesson\ta\noutput\thtml\taa\n",
         "line 3: output keys need version 3"},
        {"kind listed twice", "convlesson-manifest\t3\nlesson\ta\noutput\thtml\taa\noutput\thtml\tbb\n",
         "line 4: bad 'output' record"},
        {"file list in version 1", "convlesson-manifest\t1\nlesson\ta\nmade\tx.svg\n",
         "line 3: file lists need version 2"},
        {"made before a lesson", "convlesson-manifest\t2\nmade\tx.svg\n", "line 2: unexpected record before any lesson"},
        {"truncated", "convlesson-manifest\t1\ncourse\tab", "line 1: missing final newline"},
        {"record before a lesson", "convlesson-manifest\t1\nsource\tx\n",
         "line 2: unexpected record before any lesson"},
        {"unknown record", "convlesson-manifest\t1\nlesson\ta\nsize\t3\n", "line 3: unknown record 'size'"},
        {"bad escape", "convlesson-manifest\t1\ncourse-entry\ta\\qb\n", "line 2: bad 'course-entry' record"},
        {"non-hex key", "convlesson-manifest\t1\nlesson\ta\nkey\tXYZ\n", "line 3: bad 'key' record"},
        {"bad warning", "convlesson-manifest\t1\nlesson\ta\nwarning\t\tx\t1\t1\tm\n", "line 3: bad 'warning' record"},
        {"pending with a value", "convlesson-manifest\t1\nlesson\ta\npending\tno\n", "line 3: bad 'pending' record"},
        {"pending before a lesson", "convlesson-manifest\t1\npending\n", "line 2: unexpected record before any lesson"},
        {"lesson twice", "convlesson-manifest\t1\nlesson\ta\nlesson\ta\n", "line 3: lesson listed twice"},
        // Files are kept and linked by these paths: none may lead out of the folder.
        {"made out of the folder", "convlesson-manifest\t2\nlesson\ta\nmade\t../../x\n", "line 3: bad 'made' record"},
        {"made inside then out", "convlesson-manifest\t2\nlesson\ta\nmade\tframes/../../x\n",
         "line 3: bad 'made' record"},
        {"made absolute", "convlesson-manifest\t2\nlesson\ta\nmade\t/etc/passwd\n", "line 3: bad 'made' record"},
        {"course file out of the folder", "convlesson-manifest\t2\ncourse-file\tassets/../../x\n",
         "line 2: bad 'course-file' record"},
        {"incomplete lesson", "convlesson-manifest\t1\nlesson\ta\nsource\tx.yaml\n",
         "line 3: lesson 'a' is incomplete"}}),
    c) {
  std::string error;
  BOOST_TEST(!cl::ParseManifest(c.text, &error).has_value());
  BOOST_TEST(error == c.want);
}

BOOST_AUTO_TEST_SUITE_END()
