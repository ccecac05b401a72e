// Build settings: --only and SOURCE_DATE_EPOCH are checked with exact
// messages, and the generator key moves with exactly the options that change
// bytes in out/.
#include <cstdlib>
#include <filesystem>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "base/file_system.h"
#include "cli/build_settings.h"

namespace bdata = boost::unit_test::data;
namespace fs = std::filesystem;

namespace {

struct KindsCase {
  const char* list;
  std::set<std::string> want;
  const char* error;  // empty: accepted
};
std::ostream& operator<<(std::ostream& os, const KindsCase& c) { return os << "'" << c.list << "'"; }

struct EpochCase {
  const char* value;  // null: unset
  long long want;
  const char* error;
};
std::ostream& operator<<(std::ostream& os, const EpochCase& c) { return os << (c.value ? c.value : "(unset)"); }

std::string KeyFor(const cl::BuildOptions& options) {
  cl::BuildSettings settings;
  std::string error;
  BOOST_REQUIRE_MESSAGE(cl::ResolveBuildSettings(options, &settings, &error), error);
  return settings.generator_key;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(BuildSettingsSuite)

BOOST_DATA_TEST_CASE(
    OnlyLists,
    bdata::make(std::vector<KindsCase>{
        {"", {}, ""},
        {"svg", {"svg"}, ""},
        {"png,svg,png", {"png", "svg"}, ""},
        {"svg,png,gif,anim-svg,pdf,html,json", {"svg", "png", "gif", "anim-svg", "pdf", "html", "json"}, ""},
        {"jpg", {}, "--only: unknown output kind 'jpg' (expected a comma list of svg, png, gif, anim-svg, pdf, html, embed, json, slides, pdf-frames)"},
        {"svg,,png", {}, "--only: unknown output kind '' (expected a comma list of svg, png, gif, anim-svg, pdf, html, embed, json, slides, pdf-frames)"},
        {"svg,", {}, "--only: unknown output kind '' (expected a comma list of svg, png, gif, anim-svg, pdf, html, embed, json, slides, pdf-frames)"},
        {"SVG", {}, "--only: unknown output kind 'SVG' (expected a comma list of svg, png, gif, anim-svg, pdf, html, embed, json, slides, pdf-frames)"}}),
    c) {
  std::set<std::string> kinds;
  std::string error;
  bool ok = cl::ParseOutputKinds(c.list, &kinds, &error);
  BOOST_TEST(ok == std::string(c.error).empty());
  if (ok) BOOST_TEST(kinds == c.want);
  else BOOST_TEST(error == c.error);
}

BOOST_DATA_TEST_CASE(
    SourceDateEpochs,
    bdata::make(std::vector<EpochCase>{
        {nullptr, 0, ""},
        {"", 0, ""},
        {"0", 0, ""},
        {"1700000000", 1700000000, ""},
        {"-1", 0, "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got '-1'"},
        {"+5", 0, "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got '+5'"},
        {"12.5", 0, "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got '12.5'"},
        {"now", 0, "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got 'now'"},
        {"99999999999999999999", 0,
         "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got '99999999999999999999'"}}),
    c) {
  long long seconds = -7;
  std::string error;
  bool ok = cl::ParseSourceDateEpoch(c.value, &seconds, &error);
  BOOST_TEST(ok == std::string(c.error).empty());
  BOOST_TEST(seconds == c.want);
  if (!ok) BOOST_TEST(error == c.error);
}

BOOST_AUTO_TEST_CASE(BaseUrls) {
  std::string url = "stale", error;
  BOOST_TEST(cl::ParseBaseUrl("", &url, &error));
  BOOST_TEST(url == "");
  BOOST_TEST(cl::ParseBaseUrl("/lessons", &url, &error));
  BOOST_TEST(url == "/lessons/");
  BOOST_TEST(cl::ParseBaseUrl("https://example.org/c%20s/", &url, &error));
  BOOST_TEST(url == "https://example.org/c%20s/");
  for (const char* bad : {"/my lessons/", "/a\tb", "/a\nb"}) {
    BOOST_TEST(!cl::ParseBaseUrl(bad, &url, &error));
    BOOST_TEST(error == "--base-url: a URL has no spaces or control characters (write a space as %20)");
  }
  BOOST_TEST(!cl::ParseBaseUrl("/a\xff" "b/", &url, &error));
  BOOST_TEST(error == "--base-url: not valid UTF-8");
  BOOST_TEST(cl::ParseBaseUrl("/le\xc3\xa7ons/", &url, &error));  // "leçons"
}

BOOST_AUTO_TEST_CASE(GeneratorKeyFollowsOutputOptionsOnly) {
  ::unsetenv("SOURCE_DATE_EPOCH");
  cl::BuildOptions base;
  std::string key = KeyFor(base);
  BOOST_TEST(key.size() == 64u);

  cl::BuildOptions logging = base;  // options that change no byte of out/
  logging.jobs = 7;
  logging.force = logging.quiet = logging.verbose = logging.fail_fast = true;
  logging.out_dir = "elsewhere";
  // --only chooses which kinds are written; each kind has its own key.
  logging.only = "svg";
  BOOST_TEST(KeyFor(logging) == key);

  cl::BuildOptions scale = base;
  scale.scale = 3;
  BOOST_TEST(KeyFor(scale) != key);
  cl::BuildOptions paper = base;
  paper.paper = "letter";
  BOOST_TEST(KeyFor(paper) != key);
  cl::BuildOptions base_url = base;
  base_url.base_url = "/lessons/";
  BOOST_TEST(KeyFor(base_url) != key);
  ::setenv("SOURCE_DATE_EPOCH", "86400", 1);
  BOOST_TEST(KeyFor(base) != key);
  ::unsetenv("SOURCE_DATE_EPOCH");
}

BOOST_AUTO_TEST_CASE(BadSettingsAreUsageErrors) {
  cl::BuildSettings settings;
  std::string error;
  cl::BuildOptions templates;
  templates.templates_dir = "/no/such/templates";
  BOOST_TEST(!cl::ResolveBuildSettings(templates, &settings, &error));
  BOOST_TEST(error == "templates folder '/no/such/templates' does not exist");
  ::setenv("SOURCE_DATE_EPOCH", "yesterday", 1);
  BOOST_TEST(!cl::ResolveBuildSettings(cl::BuildOptions{}, &settings, &error));
  BOOST_TEST(error == "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got 'yesterday'");
  ::unsetenv("SOURCE_DATE_EPOCH");
}

BOOST_AUTO_TEST_CASE(FolderHashSeesNamesAndBytes) {
  std::string pattern = (fs::temp_directory_path() / "convlesson-tpl-XXXXXX").string();
  std::string dir = ::mkdtemp(pattern.data());
  std::string error;
  BOOST_REQUIRE(cl::MakeDirectories(dir + "/partials", &error));
  BOOST_REQUIRE(cl::WriteFileAtomic(dir + "/page.mustache", "<p>{{x}}</p>", &error));
  std::string first = cl::HashFolder(dir);
  BOOST_TEST(cl::HashFolder(dir) == first);
  BOOST_REQUIRE(cl::WriteFileAtomic(dir + "/partials/_head.mustache", "", &error));
  std::string with_partial = cl::HashFolder(dir);
  BOOST_TEST(with_partial != first);
  BOOST_REQUIRE(cl::WriteFileAtomic(dir + "/page.mustache", "<p>{{y}}</p>", &error));
  BOOST_TEST(cl::HashFolder(dir) != with_partial);
  fs::rename(dir + "/page.mustache", dir + "/other.mustache");
  BOOST_TEST(cl::HashFolder(dir) != with_partial);
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_SUITE_END()
