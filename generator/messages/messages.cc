#include "messages/messages.h"

#include <algorithm>
#include <memory>
#include <set>
#include <span>
#include <stdexcept>

#include <fmt/format.h>

namespace cl {
namespace {

struct EmbeddedCatalogue {
  std::string_view language;
  std::string_view text;
};

#include "catalogues.inc"

constexpr std::string_view kSeparator = " = ";
constexpr std::string_view kOne = ".one";
constexpr std::string_view kOther = ".other";

constexpr std::string_view kKeyNames[] = {
#define CL_MESSAGE_NAME(key) #key,
    CL_MESSAGE_KEYS(CL_MESSAGE_NAME)
#undef CL_MESSAGE_NAME
};

bool IsKeyChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.'; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Fills the placeholders of `text` from `args`; a placeholder without a value
// is a bug in the caller (or a catalogue the tests would have refused).
std::string Fill(std::string_view text, std::span<const MsgArg> args, std::string_view language, std::string_view key,
                 const std::function<std::string(std::string_view)>* literal = nullptr) {
  std::string out, words;
  out.reserve(text.size() + 16);
  const auto flush = [&] {
    out += literal ? (*literal)(words) : words;
    words.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      words += c;
      ++i;
      continue;
    }
    if (c != '{') {
      words += c;
      continue;
    }
    flush();
    const std::size_t close = text.find('}', i);
    const std::string_view name = text.substr(i + 1, close == std::string_view::npos ? 0 : close - i - 1);
    const auto found = std::find_if(args.begin(), args.end(), [&](const MsgArg& a) { return a.name == name; });
    if (close == std::string_view::npos || found == args.end())
      throw std::logic_error(fmt::format("message {} ({}): no value for {{{}}}", key, language, name));
    out += found->value;
    i = close;
  }
  flush();
  return out;
}

// English and German: one for exactly 1, other for every other count. A
// language with other plural rules gets its rule here (docs/languages.md).
bool IsOne(std::string_view /*language*/, long long count) { return count == 1; }

std::vector<std::unique_ptr<Messages>>& Loaded() {
  static std::vector<std::unique_ptr<Messages>> loaded = [] {
    std::vector<std::unique_ptr<Messages>> all;
    for (const EmbeddedCatalogue& c : kEmbeddedCatalogues)
      all.push_back(std::make_unique<Messages>(std::string(c.language), ParseCatalogue(c.text)));
    return all;
  }();
  return loaded;
}

}  // namespace

std::size_t MessageKeyCount() { return std::size(kKeyNames); }
std::string_view MessageKeyName(Msg key) { return kKeyNames[static_cast<std::size_t>(key)]; }

MsgArg::MsgArg(std::string_view n, int v) : name(n), value(fmt::format("{}", v)) {}
MsgArg::MsgArg(std::string_view n, long long v) : name(n), value(fmt::format("{}", v)) {}

ParsedCatalogue ParseCatalogue(std::string_view text) {
  ParsedCatalogue out;
  int line_number = 0;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    const std::size_t sep = line.find(kSeparator);
    const std::string_view key = sep == std::string_view::npos ? line : line.substr(0, sep);
    if (sep == std::string_view::npos || key.empty() || !std::all_of(key.begin(), key.end(), IsKeyChar)) {
      out.errors.push_back(fmt::format("line {}: expected \"key = text\"", line_number));
      continue;
    }
    if (!out.entries.emplace(std::string(key), std::string(line.substr(sep + kSeparator.size()))).second)
      out.errors.push_back(fmt::format("line {}: {} is given twice", line_number, key));
  }
  return out;
}

std::vector<std::string> Placeholders(std::string_view text, std::string* error) {
  std::set<std::string> names;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      ++i;
      continue;
    }
    if (c != '{') continue;
    const std::size_t close = text.find('}', i);
    if (close == std::string_view::npos) {
      if (error) *error = "an unclosed {";
      break;
    }
    names.emplace(text.substr(i + 1, close - i - 1));
    i = close;
  }
  return {names.begin(), names.end()};
}

std::vector<std::string> CatalogueProblems(const ParsedCatalogue& catalogue, const ParsedCatalogue& reference) {
  std::vector<std::string> problems = catalogue.errors;
  std::set<std::string> expected;
  auto placeholders = [&problems](const ParsedCatalogue& c, const std::string& entry) {
    std::string error;
    std::vector<std::string> names = Placeholders(c.entries.at(entry), &error);
    if (!error.empty()) problems.push_back(entry + ": " + error);
    return names;
  };
  for (std::string_view name : kKeyNames) {
    const std::string key(name);
    const bool plural = catalogue.entries.count(key + std::string(kOne)) > 0 ||
                        catalogue.entries.count(key + std::string(kOther)) > 0;
    const bool reference_plural = reference.entries.count(key + std::string(kOther)) > 0;
    std::vector<std::string> entries = plural ? std::vector<std::string>{key + std::string(kOne), key + std::string(kOther)}
                                              : std::vector<std::string>{key};
    if (plural != reference_plural)
      problems.push_back(key + (plural ? ": plural here, plain in the reference" : ": plain here, plural in the reference"));
    for (const std::string& entry : entries) {
      expected.insert(entry);
      if (catalogue.entries.count(entry) == 0) {
        problems.push_back(entry + ": missing");
        continue;
      }
      // Every form of a message takes the placeholders of the reference's
      // "other" form (a "one" form may leave out {count}).
      const std::string reference_entry = reference_plural ? key + std::string(kOther) : key;
      if (plural != reference_plural || reference.entries.count(reference_entry) == 0) continue;
      std::vector<std::string> mine = placeholders(catalogue, entry);
      std::vector<std::string> theirs = placeholders(reference, reference_entry);
      if (entry.ends_with(kOne)) {
        std::erase(mine, "count");
        std::erase(theirs, "count");
      }
      if (mine != theirs) {
        auto join = [](const std::vector<std::string>& v) {
          std::string s;
          for (const std::string& n : v) s += (s.empty() ? "{" : ", {") + n + "}";
          return s.empty() ? std::string("none") : s;
        };
        problems.push_back(fmt::format("{}: placeholders {} where the reference has {}", entry, join(mine), join(theirs)));
      }
    }
  }
  for (const auto& [entry, text] : catalogue.entries)
    if (expected.count(entry) == 0) problems.push_back(entry + ": not a message key (message_keys.h)");
  return problems;
}

Messages::Messages(std::string language, const ParsedCatalogue& catalogue) : language_(std::move(language)) {
  const std::size_t n = std::size(kKeyNames);
  plain_.resize(n);
  one_.resize(n);
  other_.resize(n);
  auto get = [&catalogue](const std::string& entry, std::string* out) {
    const auto found = catalogue.entries.find(entry);
    if (found == catalogue.entries.end()) return false;
    *out = found->second;
    return true;
  };
  for (std::size_t i = 0; i < n; ++i) {
    const std::string key(kKeyNames[i]);
    if (get(key, &plain_[i])) continue;
    if (get(key + std::string(kOne), &one_[i]) && get(key + std::string(kOther), &other_[i])) continue;
    throw std::logic_error(fmt::format("message catalogue {} has no message {}", language_, key));
  }
}

std::string Messages::Text(Msg key, MsgArgs args) const {
  const auto i = static_cast<std::size_t>(key);
  if (plain_[i].empty() && !other_[i].empty())
    throw std::logic_error(fmt::format("message {} is plural: use Count", kKeyNames[i]));
  return Fill(plain_[i], std::span<const MsgArg>(args.begin(), args.size()), language_, kKeyNames[i]);
}

std::string Messages::TextWith(Msg key, MsgArgs args,
                               const std::function<std::string(std::string_view)>& literal) const {
  const auto i = static_cast<std::size_t>(key);
  if (IsPlural(key)) throw std::logic_error(fmt::format("message {} is plural: use Count", kKeyNames[i]));
  return Fill(plain_[i], std::span<const MsgArg>(args.begin(), args.size()), language_, kKeyNames[i], &literal);
}

bool Messages::IsPlural(Msg key) const {
  const auto i = static_cast<std::size_t>(key);
  return plain_[i].empty() && !other_[i].empty();
}

std::string Messages::Count(Msg key, long long count, MsgArgs args) const {
  const auto i = static_cast<std::size_t>(key);
  if (other_[i].empty()) throw std::logic_error(fmt::format("message {} is not plural: use Text", kKeyNames[i]));
  std::vector<MsgArg> all(args);
  all.emplace_back("count", count);
  const std::string& form = IsOne(language_, count) ? one_[i] : other_[i];
  return Fill(form, all, language_, kKeyNames[i]);
}

std::string ListText(const std::vector<std::string>& items, const Messages& m) {
  if (items.empty()) return {};
  std::string head = items[0];
  for (std::size_t i = 1; i + 1 < items.size(); ++i) head += ", " + items[i];
  if (items.size() == 1) return head;
  return m.Text(Msg::list_and, {{"items", head}, {"last", items.back()}});
}

const Messages& EnglishMessages() {
  static const Messages& english = *FindMessages("en");
  return english;
}

const Messages* FindMessages(std::string_view language_tag) {
  const std::string primary = Lower(language_tag.substr(0, language_tag.find('-')));
  for (const auto& m : Loaded())
    if (m->language() == primary) return m.get();
  return nullptr;
}

const Messages& MessagesFor(std::string_view language_tag) {
  const Messages* m = FindMessages(language_tag);
  return m ? *m : EnglishMessages();
}

std::vector<std::string> CatalogueLanguages() {
  std::vector<std::string> out;
  for (const EmbeddedCatalogue& c : kEmbeddedCatalogues) out.emplace_back(c.language);
  return out;
}

std::string_view EmbeddedCatalogueText(std::string_view language) {
  for (const EmbeddedCatalogue& c : kEmbeddedCatalogues)
    if (c.language == language) return c.text;
  return {};
}

}  // namespace cl
