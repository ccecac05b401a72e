#include "storyboard/headings.h"

#include <array>
#include <set>
#include <vector>

#include <fmt/format.h>

#include "base/ascii.h"
#include "storyboard/captions.h"

namespace cl {
namespace {

constexpr std::string_view kSeparator = " \u00B7 ";

// Words that may repeat without the heading reading as a stutter.
bool IsSmallWord(std::string_view w) {
  static const std::set<std::string_view> kSmall = {"a",  "an", "and", "at", "by",  "for", "in",
                                                    "of", "on", "or",  "the", "to", "with"};
  return kSmall.count(w) > 0;
}

// The words of `text` that count: lowercased runs of ASCII letters, digits
// and non-ASCII bytes (so "Détecté" is one word), without small words or
// numbers.
std::set<std::string> Words(std::string_view text) {
  std::set<std::string> words;
  std::string word;
  bool digits_only = true;
  auto flush = [&] {
    if (!word.empty() && !digits_only && !IsSmallWord(word)) words.insert(word);
    word.clear();
    digits_only = true;
  };
  std::string lower = AsciiLower(text);
  // The middle dot U+00B7 separates heading parts; it is no letter.
  for (std::size_t at = lower.find(kSeparator.substr(1, 2)); at != std::string::npos;
       at = lower.find(kSeparator.substr(1, 2), at))
    lower.replace(at, 2, " ");
  for (char ch : lower) {
    const unsigned char u = static_cast<unsigned char>(ch);
    const bool letter = (u >= 'a' && u <= 'z') || u >= 0x80;
    const bool digit = u >= '0' && u <= '9';
    if (!letter && !digit) {
      flush();
      continue;
    }
    word += ch;
    digits_only = digits_only && digit;
  }
  flush();
  return words;
}

std::string Counted(std::string_view name, int k, int n, bool per_cell) {
  const std::string count = fmt::format("{} {} of {}", per_cell ? "position" : "part", k, n);
  return name.empty() ? count : fmt::format("{}{}{}", name, kSeparator, count);
}

}  // namespace

std::string StageTitle(Stage stage, const Variant& v) {
  switch (stage) {
    case Stage::Intro: return "The image and the filter";
    case Stage::Conv: return "Convolution";
    case Stage::Activation: return ActivationName(v.activation);
    case Stage::Pool: return v.pool.type == PoolType::Max ? "Max pooling" : "Average pooling";
    case Stage::Summary: return "Summary";
  }
  return {};
}

std::string StepText(int number, int total) { return fmt::format("Step {} of {}", number, total); }

bool RepeatsAWord(std::string_view label, std::string_view heading) {
  const std::set<std::string> mine = Words(label);
  for (const std::string& w : Words(heading))
    if (mine.count(w) > 0) return true;
  return false;
}

std::string StageHeading(Stage stage, const Variant& v, int k, int n, bool per_cell) {
  std::vector<std::string> names;
  switch (stage) {
    case Stage::Intro: names = {StageTitle(stage, v), "Introduction", "Start"}; break;
    case Stage::Conv: names = {Counted("Convolution", k, n, per_cell), Counted("", k, n, per_cell)}; break;
    case Stage::Activation: names = {StageTitle(stage, v), "Activation", "Nonlinearity"}; break;
    case Stage::Pool:
      names = {Counted(StageTitle(stage, v), k, n, per_cell), Counted("Pooling", k, n, per_cell),
               Counted("", k, n, per_cell)};
      break;
    case Stage::Summary: names = {"Summary", "Result"}; break;
  }
  for (const std::string& name : names)
    if (!RepeatsAWord(v.label, name)) return name;
  return names.back();  // every name repeats a word: the plainest one
}

std::string MapHeading(int map, int maps, std::string_view stage_heading) {
  return fmt::format("Map {} of {}{}{}", map + 1, maps, kSeparator, stage_heading);
}

std::string FrameTitle(std::string_view label, std::string_view stage_heading) {
  return fmt::format("{}{}{}", label, kSeparator, stage_heading);
}

}  // namespace cl
