// Messages: every sentence the tool writes for people comes from one message
// catalogue per language (generator/messages/<language>.msg, embedded into
// the binary at build time), so a translation is one file. The keys are the
// typed set of message_keys.h; tests/messages checks that every catalogue
// holds exactly those keys with the same placeholders as English.
// docs/languages.md describes the format and how to add a language.
//
// A message is text with named placeholders, "{rows}"; a message whose count
// varies has plural forms (key.one, key.other) chosen by its {count}.
// Numbers are formatted by the caller (base/number_format.h), the same in
// every language, so frames, pages and lesson.json agree.
#pragma once

#include <functional>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "messages/message_keys.h"

namespace cl {

// One placeholder's value: {"rows", "6×6"}, {"count", 4}.
struct MsgArg {
  MsgArg(std::string_view n, std::string v) : name(n), value(std::move(v)) {}
  MsgArg(std::string_view n, std::string_view v) : name(n), value(v) {}
  MsgArg(std::string_view n, const char* v) : name(n), value(v) {}
  MsgArg(std::string_view n, int v);
  MsgArg(std::string_view n, long long v);
  std::string_view name;
  std::string value;
};
using MsgArgs = std::initializer_list<MsgArg>;

// How many keys there are, and a key's name ("step_of"), as in the catalogues.
std::size_t MessageKeyCount();
std::string_view MessageKeyName(Msg key);

// A catalogue as read from its file: key -> text; a plural message's forms
// under "key.one" and "key.other".
struct ParsedCatalogue {
  std::map<std::string, std::string, std::less<>> entries;
  std::vector<std::string> errors;  // "line 3: ..." for lines that are not "key = text"
};

// Reads catalogue text: one "key = text" per line; blank lines and lines
// starting with '#' are skipped. The text is everything after " = ", as is.
ParsedCatalogue ParseCatalogue(std::string_view text);

// The placeholders of a message text, sorted and without repeats: "{a} {b}{a}"
// -> {"a", "b"}. "{{" and "}}" are literal braces. An unclosed '{' is
// reported in *error (when given).
std::vector<std::string> Placeholders(std::string_view text, std::string* error = nullptr);

// What is wrong with `catalogue` against the key set (and, through
// `reference`, English's placeholders): a missing or unknown key, a message
// plain in one and plural in the other, different placeholders. Empty: good.
std::vector<std::string> CatalogueProblems(const ParsedCatalogue& catalogue, const ParsedCatalogue& reference);

class Messages {
 public:
  // The catalogue of `language` ("en", "de"): must be a complete one (the
  // tests make sure every embedded catalogue is).
  explicit Messages(std::string language, const ParsedCatalogue& catalogue);

  const std::string& language() const { return language_; }

  // The message `key` with its placeholders filled.
  std::string Text(Msg key, MsgArgs args = {}) const;
  // Text with the message's own words passed through `literal` (an escaper,
  // such as HTML's) and the placeholders' values inserted as they are: for
  // markup such as <kbd>Space</kbd> inside a sentence.
  std::string TextWith(Msg key, MsgArgs args, const std::function<std::string(std::string_view)>& literal) const;
  // Whether `key` is a plural message (Count) rather than a plain one (Text).
  bool IsPlural(Msg key) const;
  // A plural message: the form for `count` (which also fills {count}).
  std::string Count(Msg key, long long count, MsgArgs args = {}) const;

 private:
  std::string language_;
  std::vector<std::string> plain_;  // by key; empty for plural messages
  std::vector<std::string> one_, other_;
};

// Items as a list people read: "a", "a and b", "a, b and c" (message
// list_and joins the last two; earlier ones are joined with ", ").
std::string ListText(const std::vector<std::string>& items, const Messages& m);

// The English messages (the default everywhere a course gives no language).
const Messages& EnglishMessages();

// The catalogue for a BCP 47 tag, by its primary language subtag,
// case-insensitively: "de", "de-DE", "DE-at" -> German. nullptr when there is
// none for that language.
const Messages* FindMessages(std::string_view language_tag);

// FindMessages, or English when there is no catalogue for the tag.
const Messages& MessagesFor(std::string_view language_tag);

// The languages with a catalogue ("de", "en"), sorted.
std::vector<std::string> CatalogueLanguages();

// The text of the embedded catalogue of `language` ("" when none), for tests.
std::string_view EmbeddedCatalogueText(std::string_view language);

}  // namespace cl
