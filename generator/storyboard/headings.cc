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

// Words that may repeat without the heading reading as a stutter: the
// language's small words (message heading_small_words, lowercase, spaced).
std::set<std::string> SmallWords(const Messages& m) {
  std::set<std::string> small;
  const std::string list = m.Text(Msg::heading_small_words);
  std::size_t at = 0;
  while (at < list.size()) {
    std::size_t end = list.find(' ', at);
    if (end == std::string::npos) end = list.size();
    if (end > at) small.insert(list.substr(at, end - at));
    at = end + 1;
  }
  return small;
}

// The words of `text` that count: lowercased runs of ASCII letters, digits
// and non-ASCII bytes (so "Détecté" is one word), without small words or
// numbers.
std::set<std::string> Words(std::string_view text, const std::set<std::string>& small) {
  std::set<std::string> words;
  std::string word;
  bool digits_only = true;
  auto flush = [&] {
    if (!word.empty() && !digits_only && small.count(word) == 0) words.insert(word);
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

std::string Counted(const Messages& m, std::string_view name, int k, int n, bool per_cell, bool inputs = false) {
  const std::string count =
      m.Text(per_cell ? (inputs ? Msg::heading_input : Msg::heading_position) : Msg::heading_part, {{"k", k}, {"n", n}});
  return name.empty() ? count : fmt::format("{}{}{}", name, kSeparator, count);
}

}  // namespace

std::string StageTitle(Stage stage, const Variant& v, const Messages& m) {
  switch (stage) {
    case Stage::Intro: return m.Text(Msg::stage_intro);
    case Stage::Conv: return m.Text(v.conv.transposed ? Msg::stage_conv_transposed : Msg::stage_conv);
    case Stage::Activation: return ActivationName(v.activation, m);
    case Stage::Pool: return m.Text(v.pool.type == PoolType::Max ? Msg::stage_pool_max : Msg::stage_pool_average);
    case Stage::Summary: return m.Text(Msg::stage_summary);
  }
  return {};
}

std::string StepText(int number, int total, const Messages& m) {
  return m.Text(Msg::step_of, {{"number", number}, {"total", total}});
}

bool RepeatsAWord(std::string_view label, std::string_view heading, const Messages& m) {
  const std::set<std::string> small = SmallWords(m);
  const std::set<std::string> mine = Words(label, small);
  for (const std::string& w : Words(heading, small))
    if (mine.count(w) > 0) return true;
  return false;
}

std::string StageHeading(Stage stage, const Variant& v, int k, int n, bool per_cell, const Messages& m) {
  std::vector<std::string> names;
  switch (stage) {
    case Stage::Intro:
      names = {StageTitle(stage, v, m), m.Text(Msg::heading_introduction), m.Text(Msg::heading_start)};
      break;
    case Stage::Conv: {
      const bool inputs = v.conv.transposed;  // its beats count input cells
      names = {Counted(m, StageTitle(stage, v, m), k, n, per_cell, inputs), Counted(m, "", k, n, per_cell, inputs)};
      break;
    }
    case Stage::Activation:
      names = {StageTitle(stage, v, m), m.Text(Msg::heading_activation), m.Text(Msg::heading_nonlinearity)};
      break;
    case Stage::Pool:
      names = {Counted(m, StageTitle(stage, v, m), k, n, per_cell), Counted(m, m.Text(Msg::heading_pooling), k, n, per_cell),
               Counted(m, "", k, n, per_cell)};
      break;
    case Stage::Summary: names = {StageTitle(stage, v, m), m.Text(Msg::heading_result)}; break;
  }
  for (const std::string& name : names)
    if (!RepeatsAWord(v.label, name, m)) return name;
  return names.back();  // every name repeats a word: the plainest one
}

std::string MapHeading(int map, int maps, std::string_view stage_heading, const Messages& m) {
  return fmt::format("{}{}{}", m.Text(Msg::stack_map_heading, {{"k", map + 1}, {"n", maps}}), kSeparator, stage_heading);
}

std::string FrameTitle(std::string_view label, std::string_view stage_heading) {
  return fmt::format("{}{}{}", label, kSeparator, stage_heading);
}

}  // namespace cl
