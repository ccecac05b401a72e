#include <boost/test/unit_test.hpp>

#include "base/diagnostic.h"
#include "base/file_sink.h"

BOOST_AUTO_TEST_CASE(DiagnosticShowsLineAndCaret) {
  cl::Diagnostic d{cl::Severity::Error, {"lessons/edges.yaml", 3, 1}, "unknown key 'fitler'; did you mean 'filter'?", 6};
  std::string source = "id: edges\ntitle: Edges\nfitler: vertical-edge\n";
  BOOST_TEST(cl::FormatDiagnostic(d, source) ==
             "lessons/edges.yaml:3:1: error: unknown key 'fitler'; did you mean 'filter'?\n"
             "    3 | fitler: vertical-edge\n"
             "      | ^~~~~~\n");
}

BOOST_AUTO_TEST_CASE(DiagnosticCaretFollowsColumn) {
  cl::Diagnostic d{cl::Severity::Warning, {"a.yaml", 2, 11}, "stride must be at least 1, got 0", 1};
  BOOST_TEST(cl::FormatDiagnostic(d, "conv:\n  stride: 0\n") ==
             "a.yaml:2:11: warning: stride must be at least 1, got 0\n"
             "    2 |   stride: 0\n"
             "      |           ^\n");
}

// A long line (a minified lesson) is shown around the column, not whole.
BOOST_AUTO_TEST_CASE(DiagnosticShowsALongLineAroundTheColumn) {
  std::string line = "{";
  for (int i = 0; i < 1000; ++i) line += "k: 1, ";
  line += "bad: é}";
  const int column = static_cast<int>(line.find("bad")) + 1;
  cl::Diagnostic d{cl::Severity::Error, {"a.yaml", 1, column}, "unknown key 'bad'", 3};
  const std::string out = cl::FormatDiagnostic(d, line + "\n");
  const std::string shown = line.substr(static_cast<size_t>(column - 1 - 53));
  BOOST_TEST(out == "a.yaml:1:" + std::to_string(column) + ": error: unknown key 'bad'\n" +  //
                        "    1 | …" + shown + "\n" +                                        //
                        "      | " + std::string(54, ' ') + "^~~\n");
  // The column near the start: the end is cut.
  cl::Diagnostic first{cl::Severity::Error, {"a.yaml", 1, 2}, "x", 1000};
  const std::string head = cl::FormatDiagnostic(first, line);
  BOOST_TEST(head.find("    1 | " + line.substr(0, 160) + "…\n") != std::string::npos);
  BOOST_TEST(head.find("      |  ^" + std::string(158, '~') + "\n") != std::string::npos);
  BOOST_TEST(head.size() < 500u);
}

BOOST_AUTO_TEST_CASE(DiagnosticWithoutLineHasNoSnippet) {
  cl::Diagnostic d{cl::Severity::Error, {"a.yaml", 0, 0}, "file is larger than 1 MiB", 1};
  BOOST_TEST(cl::FormatDiagnostic(d, "x") == "a.yaml: error: file is larger than 1 MiB\n");
}

BOOST_AUTO_TEST_CASE(SafeRelativePaths) {
  BOOST_TEST(cl::IsSafeRelativePath("frames/a/001-intro.svg"));
  BOOST_TEST(!cl::IsSafeRelativePath("../x"));
  BOOST_TEST(!cl::IsSafeRelativePath("/etc/passwd"));
  BOOST_TEST(!cl::IsSafeRelativePath("a//b"));
  BOOST_TEST(!cl::IsSafeRelativePath("a/./b"));
  BOOST_TEST(!cl::IsSafeRelativePath(""));
  cl::MemoryFileSink sink;
  std::string err;
  BOOST_TEST(!sink.Put("../evil", "x", &err));
  BOOST_TEST(sink.Put("ok.txt", "x", &err));
  BOOST_TEST(sink.files().size() == 1u);
}
