// The message catalogues: every shipped language has exactly the keys of
// message_keys.h with English's placeholders, and lookups fill them in.
#define BOOST_TEST_MODULE messages
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "messages/messages.h"

namespace {

std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

std::string ReadSourceCatalogue(const std::string& language) {
  std::ifstream in(std::string(CONVLESSON_SOURCE_DIR) + "/generator/messages/" + language + ".msg", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

cl::ParsedCatalogue English() { return cl::ParseCatalogue(cl::EmbeddedCatalogueText("en")); }

}  // namespace

BOOST_AUTO_TEST_CASE(english_and_german_are_shipped) {
  const std::vector<std::string> languages = cl::CatalogueLanguages();
  BOOST_TEST(languages == (std::vector<std::string>{"de", "en"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(every_catalogue_has_the_same_keys_and_placeholders_as_english) {
  const cl::ParsedCatalogue english = English();
  for (const std::string& language : cl::CatalogueLanguages()) {
    BOOST_TEST_CONTEXT(language) {
      const std::vector<std::string> problems =
          cl::CatalogueProblems(cl::ParseCatalogue(cl::EmbeddedCatalogueText(language)), english);
      BOOST_TEST(problems.empty(), Join(problems));
    }
  }
}

BOOST_AUTO_TEST_CASE(the_binary_embeds_the_catalogues_of_the_source_tree) {
  for (const std::string& language : cl::CatalogueLanguages()) {
    BOOST_TEST_CONTEXT(language) { BOOST_TEST(ReadSourceCatalogue(language) == std::string(cl::EmbeddedCatalogueText(language))); }
  }
}

BOOST_AUTO_TEST_CASE(a_missing_key_an_unknown_key_and_other_placeholders_are_problems) {
  cl::ParsedCatalogue broken = English();
  broken.entries.erase("page_play");
  broken.entries["page_plya"] = "Play";
  broken.entries["step_of"] = "Step {number} of {totl}";
  broken.entries.erase("n_values.one");
  broken.entries.erase("n_values.other");
  broken.entries["n_values"] = "{count} values";
  const std::vector<std::string> problems = cl::CatalogueProblems(broken, English());
  const std::string all = Join(problems);
  BOOST_TEST(all.find("page_play: missing") != std::string::npos, all);
  BOOST_TEST(all.find("page_plya: not a message key") != std::string::npos, all);
  BOOST_TEST(all.find("step_of: placeholders {number}, {totl} where the reference has {number}, {total}") != std::string::npos, all);
  BOOST_TEST(all.find("n_values: plain here, plural in the reference") != std::string::npos, all);
}

BOOST_AUTO_TEST_CASE(a_line_that_is_not_key_equals_text_is_a_problem) {
  const cl::ParsedCatalogue parsed = cl::ParseCatalogue("# comment\n\nstep_of = Step {number} of {total}\nno separator\nstep_of = again\n");
  BOOST_TEST(parsed.entries.at("step_of") == "Step {number} of {total}");
  BOOST_TEST(Join(parsed.errors) == "line 4: expected \"key = text\"\nline 5: step_of is given twice\n");
}

BOOST_AUTO_TEST_CASE(placeholders_are_named_and_double_braces_are_literal) {
  BOOST_TEST(cl::Placeholders("{b} and {a}{b} {{x}}") == (std::vector<std::string>{"a", "b"}), boost::test_tools::per_element());
  std::string error;
  cl::Placeholders("open {a", &error);
  BOOST_TEST(error == "an unclosed {");
}

BOOST_AUTO_TEST_CASE(text_fills_placeholders_and_count_picks_the_plural_form) {
  const cl::Messages& en = cl::EnglishMessages();
  BOOST_TEST(en.Text(cl::Msg::step_of, {{"number", 9}, {"total", 23}}) == "Step 9 of 23");
  BOOST_TEST(en.Count(cl::Msg::n_values, 1) == "1 value");
  BOOST_TEST(en.Count(cl::Msg::n_values, 0) == "0 values");
  BOOST_TEST(en.Count(cl::Msg::n_values, 12) == "12 values");
  const cl::Messages& de = *cl::FindMessages("de");
  BOOST_TEST(de.Text(cl::Msg::step_of, {{"number", 9}, {"total", 23}}) == "Schritt 9 von 23");
  BOOST_TEST(de.Count(cl::Msg::n_values, 1) == "1 Wert");
  BOOST_TEST(de.Count(cl::Msg::n_values, 2) == "2 Werte");
}

BOOST_AUTO_TEST_CASE(a_missing_value_or_the_wrong_lookup_is_a_bug_that_throws) {
  const cl::Messages& en = cl::EnglishMessages();
  BOOST_CHECK_THROW(en.Text(cl::Msg::step_of, {{"number", 1}}), std::logic_error);
  BOOST_CHECK_THROW(en.Text(cl::Msg::n_values), std::logic_error);
  BOOST_CHECK_THROW(en.Count(cl::Msg::step_of, 2), std::logic_error);
}

BOOST_AUTO_TEST_CASE(text_with_escapes_the_words_but_not_the_values) {
  const cl::Messages& en = cl::EnglishMessages();
  const auto upper = [](std::string_view s) {
    std::string out(s);
    for (char& c : out)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
  };
  BOOST_TEST(en.TextWith(cl::Msg::credits_author, {{"author", "ada"}}, upper) == "BY ada.");
}

BOOST_AUTO_TEST_CASE(a_language_tag_finds_its_catalogue_by_the_primary_subtag) {
  BOOST_TEST(cl::FindMessages("de")->language() == "de");
  BOOST_TEST(cl::FindMessages("de-DE")->language() == "de");
  BOOST_TEST(cl::FindMessages("DE-at")->language() == "de");
  BOOST_TEST(cl::FindMessages("en-GB")->language() == "en");
  BOOST_TEST(cl::FindMessages("fr") == nullptr);
  BOOST_TEST(cl::FindMessages("deu") == nullptr);
  BOOST_TEST(cl::MessagesFor("fr").language() == "en");
}

BOOST_AUTO_TEST_CASE(lists_join_their_last_two_items_in_the_language) {
  const cl::Messages& de = *cl::FindMessages("de");
  BOOST_TEST(cl::ListText({}, de) == "");
  BOOST_TEST(cl::ListText({"a"}, de) == "a");
  BOOST_TEST(cl::ListText({"a", "b"}, de) == "a und b");
  BOOST_TEST(cl::ListText({"a", "b", "c"}, cl::EnglishMessages()) == "a, b and c");
}
